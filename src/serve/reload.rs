//! Live reload: the script injected into every page, the server-sent
//! events that tell it to reload, and the page shown instead of the
//! documents while the corpus has errors.

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use tokio::sync::{Semaphore, watch};

use super::rebuild::Status;
use crate::render::html::escape;

/// Where pages listen for the "reload" event.
pub const EVENTS_PATH: &str = "/__clausier/events";

/// Where the generation of the last build is read (by scripts and tests).
pub const VERSION_PATH: &str = "/__clausier/version";

/// The most event streams open at once (a page each): past them a page
/// is told to try later, so that streams, which stay open, never take
/// every connection the server has.
const MAX_STREAMS: usize = 100;

/// One permit per open event stream.
static STREAMS: Semaphore = Semaphore::const_new(MAX_STREAMS);

/// How often an idle event stream says it is alive: a page closed
/// without a word is then noticed, and its connection freed, within this.
const ALIVE: Duration = Duration::from_secs(15);

/// The script injected into a page served at `generation`: it listens for
/// the next build and reloads. Giving the generation lets the server tell
/// a page that a build ended between its loading and its listening.
pub fn script(generation: u64) -> String {
    format!(
        "<script>(function(){{var s=new EventSource('{EVENTS_PATH}?since={generation}');s.addEventListener('reload',function(){{s.close();location.reload();}});}})();</script>"
    )
}

/// `html` with the reload script before its last `</body>`, or at its end
/// if it has none. Bytes, not text: a page is served as it was written.
pub fn inject(html: &[u8], generation: u64) -> Vec<u8> {
    let script = script(generation);
    let end = html
        .windows(b"</body>".len())
        .rposition(|window| window.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let mut page = Vec::with_capacity(html.len() + script.len());
    page.extend_from_slice(&html[..end]);
    page.extend_from_slice(script.as_bytes());
    page.extend_from_slice(&html[end..]);
    page
}

/// The page shown instead of the documents while the corpus has errors:
/// the located messages, escaped, and the reload script.
pub fn error_page(error: &str, generation: u64) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>clausier: the corpus has errors</title></head>\n<body style=\"font-family: sans-serif; margin: 2rem;\">\n<h1>The corpus has errors</h1>\n<p>Fix them in your editor: this page reloads by itself.</p>\n<pre style=\"white-space: pre-wrap; background: #fdecea; padding: 1rem;\">{}</pre>\n{}\n</body>\n</html>\n",
        escape(error),
        script(generation)
    )
}

/// `GET /__clausier/events?since=N`: an event stream that sends "reload"
/// whenever the generation of the build differs from the one the page
/// was served at (at once, if a build ended in between).
pub async fn events(
    State(status): State<watch::Receiver<Status>>,
    RawQuery(query): RawQuery,
) -> Response {
    let Ok(permit) = STREAMS.try_acquire() else {
        let message = "too many pages are listening for reloads: close some\n";
        return (StatusCode::SERVICE_UNAVAILABLE, message).into_response();
    };
    let since = query.as_deref().and_then(since);
    let seen = since.unwrap_or_else(|| status.borrow().generation);
    let state = (status, seen, permit);
    let stream = futures_util::stream::unfold(state, |(mut status, seen, permit)| async move {
        // Ends the stream only when the builder is gone, with the process.
        let generation = status
            .wait_for(|now| now.generation != seen)
            .await
            .ok()?
            .generation;
        let event = Event::default()
            .event("reload")
            .data(generation.to_string());
        Some((Ok::<_, Infallible>(event), (status, generation, permit)))
    });
    Sse::new(stream)
        .keep_alive(KeepAlive::new().interval(ALIVE))
        .into_response()
}

/// `GET /__clausier/version`: the generation of the last build.
pub async fn version(State(status): State<watch::Receiver<Status>>) -> String {
    status.borrow().generation.to_string()
}

/// The generation a query (`since=N`) names.
fn since(query: &str) -> Option<u64> {
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix("since="))
        .and_then(|value| value.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_last_body_end() {
        let page = inject(b"<html><body><p>x</p></body></html>", 7);
        let page = String::from_utf8(page).unwrap();
        assert!(page.starts_with("<html><body><p>x</p><script>"), "{page}");
        assert!(page.ends_with("</script></body></html>"), "{page}");
        assert!(page.contains("since=7"));
        let bare = String::from_utf8(inject(b"<p>x</p>", 1)).unwrap();
        assert_eq!(bare, format!("<p>x</p>{}", script(1)));
    }

    #[test]
    fn the_error_page_escapes_the_messages() {
        let page = error_page("fr.md:1:1: error: <script>alert(1)</script> & co", 3);
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
        assert_eq!(
            page.matches("<script>").count(),
            1,
            "only the reload script"
        );
    }

    #[test]
    fn the_generation_is_read_from_the_query() {
        assert_eq!(since("since=12"), Some(12));
        assert_eq!(since("x=1&since=3"), Some(3));
        assert_eq!(since("since=abc"), None);
        assert_eq!(since(""), None);
    }
}
