//! Markdown as the converter reads it: parser events, with the problems
//! of every text they hold.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag};

use crate::text::{self, Problem};

/// A parser event and the range of the source it was read from.
pub(super) type Located<T> = (T, Range<usize>);

/// The ids of the clauses and sub-clauses of a text, with their offsets, so
/// that languages can be compared without converting.
pub fn heading_ids(text: &str) -> Vec<(String, usize)> {
    parse(text)
        .0
        .into_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Heading { id: Some(id), .. }) => Some((id.to_string(), range.start)),
            _ => None,
        })
        .collect()
}

/// A text's parser events with adjacent text joined, so that a placeholder
/// is never split across events; and the problems of the texts the events
/// hold (after entities and escapes are decoded), at their offsets.
pub(super) fn parse(source: &str) -> (Vec<Located<Event<'_>>>, Vec<(usize, Problem)>) {
    let options = Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_TABLES;
    let mut events: Vec<Located<Event>> = Vec::new();
    let mut problems = Vec::new();
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        if let Event::Text(kept)
        | Event::Code(kept)
        | Event::Html(kept)
        | Event::InlineHtml(kept)
        | Event::InlineMath(kept)
        | Event::DisplayMath(kept) = &event
            && let Err(problem) = text::check(kept)
        {
            problems.extend(locate(&source[range.clone()], kept, range.start, problem));
        }
        if let (Event::Text(next), Some((Event::Text(previous), previous_range))) =
            (&event, events.last_mut())
        {
            *previous = CowStr::from(format!("{previous}{next}"));
            previous_range.end = range.end;
            continue;
        }
        events.push((event, range));
    }
    (events, problems)
}

/// Where `problem`, found in `kept`, the text of an event at `start`
/// whose source is `written`, is in the source: in `written` when the text
/// is written there as it is (`validate::printable` then already reports
/// its characters), at the event when an entity or an escape wrote it.
fn locate(written: &str, kept: &str, start: usize, problem: Problem) -> Option<(usize, Problem)> {
    let raw_character = kept[problem.offset..]
        .chars()
        .next()
        .is_some_and(|c| text::character_problem(c).is_some());
    match written.find(kept) {
        Some(_) if raw_character => None,
        Some(at) => Some((start + at + problem.offset, problem)),
        None => Some((start, problem)),
    }
}
