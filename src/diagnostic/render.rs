//! How a diagnostic is drawn for the user: by annotate-snippets, rustc's
//! renderer, in colour on a terminal; and when to colour (`--color`,
//! `NO_COLOR`).

use std::io::IsTerminal;
use std::sync::atomic::{AtomicU8, Ordering};

use annotate_snippets::{AnnotationKind, Element, Group, Level, Renderer, Snippet};

use super::{Diagnostic, Location, Severity};
use crate::text::visible;

/// When diagnostics are coloured, as `--color` chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless the environment variable `NO_COLOR` is set
    /// (to anything but nothing) or the terminal is dumb.
    #[default]
    Auto,
    /// Always, even into a file or a pipe: a flag typed for this run
    /// overrides `NO_COLOR`, as that convention asks.
    Always,
    /// Never.
    Never,
}

/// The choice of this run; `Auto` until `set_color` is called, so that a
/// program using the library colours only a terminal.
static CHOICE: AtomicU8 = AtomicU8::new(0);

/// Chooses when the diagnostics of this run are coloured: the command line
/// says so once, for every place that prints one.
pub fn set_color(choice: ColorChoice) {
    CHOICE.store(choice as u8, Ordering::Relaxed);
}

fn color_choice() -> ColorChoice {
    match CHOICE.load(Ordering::Relaxed) {
        1 => ColorChoice::Always,
        2 => ColorChoice::Never,
        _ => ColorChoice::Auto,
    }
}

/// Whether what is printed on standard error is coloured.
pub fn stderr_styled() -> bool {
    wants_color(
        color_choice(),
        std::io::stderr().is_terminal(),
        std::env::var_os("NO_COLOR"),
        std::env::var_os("TERM"),
    )
}

/// Whether what is printed on standard output is coloured.
pub fn stdout_styled() -> bool {
    wants_color(
        color_choice(),
        std::io::stdout().is_terminal(),
        std::env::var_os("NO_COLOR"),
        std::env::var_os("TERM"),
    )
}

/// The decision, from the choice, whether the stream is a terminal and the
/// environment: `NO_COLOR` counts only when set to something
/// (no-color.org), and a dumb terminal shows escape codes as text.
pub(super) fn wants_color(
    choice: ColorChoice,
    terminal: bool,
    no_color: Option<std::ffi::OsString>,
    term: Option<std::ffi::OsString>,
) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            terminal
                && no_color.is_none_or(|value| value.is_empty())
                && term.is_none_or(|term| term != "dumb")
        }
    }
}

/// The renderer: ANSI styles only when `styled`, so that what is written
/// to a file, a pipe or a snapshot stays plain text.
fn renderer(styled: bool) -> Renderer {
    match styled {
        true => Renderer::styled(),
        false => Renderer::plain(),
    }
}

/// A title-only message, e.g. a usage error: `error: message`.
pub fn render_message(severity: Severity, message: &str, styled: bool) -> String {
    let title = level(severity).primary_title(visible(message));
    renderer(styled).render(&[Group::with_title(title)])
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Note => Level::NOTE,
    }
}

/// A place shown in a diagnostic, its source line (when known) with the
/// place marked, and what it is to the problem.
struct Place<'a> {
    /// Where, as in the file.
    location: &'a Location,
    /// The line at `location`, as in the file.
    source_line: Option<&'a str>,
    /// Primary for the problem itself, context for a related place.
    kind: AnnotationKind,
    /// What a related place is to the problem.
    label: Option<&'a str>,
}

/// `diagnostic` drawn as rustc draws its errors: title, `--> path:line:col`,
/// the source line with the place marked, the places related to it
/// (`::: path:line:col` in another file, or at another line), then the
/// note and help. Every text from the user (message, paths, source lines,
/// labels, note, help) passes `text::visible` first: escape codes come
/// only from the renderer, never from the input.
pub fn render(diagnostic: &Diagnostic, styled: bool) -> String {
    let mut places = Vec::new();
    if let Some(location) = &diagnostic.location {
        places.push(Place {
            location,
            source_line: diagnostic.source_line.as_deref(),
            kind: AnnotationKind::Primary,
            label: None,
        });
    }
    for related in &diagnostic.related {
        places.push(Place {
            location: &related.location,
            source_line: related.source_line.as_deref(),
            kind: AnnotationKind::Context,
            label: Some(&related.label),
        });
    }
    let shown: Vec<Shown> = group_by_line(&places).into_iter().map(show).collect();
    let mut elements: Vec<Element> = shown.iter().map(Shown::element).collect();
    if let Some(note) = &diagnostic.note {
        elements.push(Level::NOTE.message(visible(note)).into());
    }
    if let Some(help) = &diagnostic.help {
        elements.push(Level::HELP.message(visible(help)).into());
    }
    let title = level(diagnostic.severity)
        .primary_title(visible(&diagnostic.message))
        .id(diagnostic.code.id());
    let rendered = renderer(styled).render(&[title.elements(elements)]);
    true_columns(rendered, &shown)
}

/// The places that share a line, together: they are marked on one copy of
/// it.
fn group_by_line<'a>(places: &'a [Place<'a>]) -> Vec<Vec<&'a Place<'a>>> {
    let mut lines: Vec<Vec<&Place>> = Vec::new();
    for place in places {
        let same = |other: &&Place| {
            other.location.path == place.location.path && other.location.line == place.location.line
        };
        match lines.iter_mut().find(|line| line.first().is_some_and(same)) {
            Some(line) => line.push(place),
            None => lines.push(vec![place]),
        }
    }
    lines
}

/// One line of a diagnostic as it is shown: its path and line, the first
/// mark's column as the renderer counts it on the visible line and as it
/// is in the file, the visible line and its marks.
struct Shown {
    /// The file, visible.
    path: String,
    /// The line number.
    line: usize,
    /// The first mark's column in the file, in characters.
    column: usize,
    /// The same column as the renderer counts it, in characters of `text`.
    shown_column: usize,
    /// The line, visible.
    text: String,
    /// The places marked on it.
    marks: Vec<Mark>,
}

/// A place marked on a shown line: how, where (a byte span of the visible
/// line) and with what label.
struct Mark {
    /// Primary (`^`) or context (`-`).
    kind: AnnotationKind,
    /// The bytes of the visible line it stands under.
    span: std::ops::Range<usize>,
    /// What the place is to the problem, visible.
    label: Option<String>,
}

impl Shown {
    fn element(&self) -> Element<'_> {
        Snippet::source(self.text.as_str())
            .path(self.path.as_str())
            .line_start(self.line)
            .annotations(self.marks.iter().map(|mark| {
                mark.kind
                    .span(mark.span.clone())
                    .label(mark.label.as_deref())
            }))
            .into()
    }
}

/// The places on one line, drawn: a place without a source line is past
/// the end of its file (an empty file, the end of the last line), where
/// the line is empty.
fn show(places: Vec<&Place>) -> Shown {
    let first = places[0];
    let line = first.source_line.unwrap_or_default();
    let marks: Vec<Mark> = places
        .iter()
        .map(|place| Mark {
            kind: place.kind,
            span: visible_span(line, place.location.column),
            label: place.label.map(|label| visible(label).into_owned()),
        })
        .collect();
    // The renderer names the column of the first mark on the line, primary
    // before context, in characters of the visible line.
    let (index, first_mark) = marks
        .iter()
        .enumerate()
        .min_by_key(|(_, mark)| (mark.kind != AnnotationKind::Primary, mark.span.start))
        .expect("a shown line has a place");
    let text = visible(line).into_owned();
    Shown {
        path: visible(&first.location.path.display().to_string()).into_owned(),
        line: first.location.line,
        column: places[index].location.column,
        shown_column: text[..first_mark.span.start].chars().count() + 1,
        text,
        marks,
    }
}

/// The byte span, in `line` once visible, of the character at `column`
/// (1-based, in characters of `line`): empty past the end of the line.
fn visible_span(line: &str, column: usize) -> std::ops::Range<usize> {
    let start = line
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    let end = line[start..]
        .chars()
        .next()
        .map_or(start, |c| start + c.len_utf8());
    visible(&line[..start]).len()..visible(&line[..end]).len()
}

/// `rendered` with each `path:line:column` header naming the column in the
/// file, where the renderer counted it on the visible line (longer when an
/// escaped control character comes before the place).
fn true_columns(mut rendered: String, shown: &[Shown]) -> String {
    // After the title, which is the user's text.
    let mut from = rendered.find('\n').unwrap_or(rendered.len());
    for place in shown {
        let written = format!("{}:{}:{}", place.path, place.line, place.shown_column);
        let Some(at) = rendered[from..].find(&written).map(|i| from + i) else {
            continue;
        };
        let truth = format!("{}:{}:{}", place.path, place.line, place.column);
        rendered.replace_range(at..at + written.len(), &truth);
        from = at + truth.len();
    }
    rendered
}
