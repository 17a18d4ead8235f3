//! Markdown as the converter reads it: parser events, with the problems
//! of every text they hold.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

use crate::text::{self, Problem};

/// A parser event and the range of the source it was read from.
pub(super) type Located<T> = (T, Range<usize>);

/// The ids of the clauses and sub-clauses of a text, with their offsets, so
/// that languages can be compared without converting.
/// Text before the first heading is the preamble, at its start.
pub fn heading_ids(text: &str) -> Vec<(String, usize)> {
    let mut ids = Vec::new();
    let mut depth = 0usize;
    let mut headed = false;
    for (event, range) in parse(text).0 {
        match event {
            Event::Start(Tag::Heading { id, .. }) => {
                if let Some(id) = id {
                    ids.push((id.to_string(), range.start));
                }
                headed = true;
                depth += 1;
            }
            Event::Start(_) => {
                if !headed && ids.is_empty() && depth == 0 {
                    ids.push((crate::model::PREAMBLE_ID.to_string(), range.start));
                }
                depth += 1;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    ids
}

/// A text's parser events with adjacent text joined, so that a placeholder
/// is never split across events; and the problems of the texts the events
/// hold (after entities and escapes are decoded), at their offsets: a
/// character at the event that holds it, a size (`text::check`'s limits)
/// for the whole text of each paragraph, heading, list item or table cell,
/// at its start, however many events, escapes or entities it is made of.
pub(super) fn parse(source: &str) -> (Vec<Located<Event<'_>>>, Vec<(usize, Problem)>) {
    let options = Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_TABLES;
    let mut events: Vec<Located<Event>> = Vec::new();
    let mut problems = Vec::new();
    // The blocks being read, innermost last: their start and plain text.
    let mut blocks: Vec<(usize, String)> = Vec::new();
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        match &event {
            Event::Start(tag) if is_text_block(tag) => blocks.push((range.start, String::new())),
            Event::End(end) if is_text_block_end(*end) => {
                if let Some((start, plain)) = blocks.pop()
                    && let Err(problem) = text::check(&plain)
                {
                    problems.push((start, problem));
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, plain)) = blocks.last_mut() {
                    plain.push(' ');
                }
            }
            Event::Text(kept)
            | Event::Code(kept)
            | Event::Html(kept)
            | Event::InlineHtml(kept)
            | Event::InlineMath(kept)
            | Event::DisplayMath(kept) => {
                if let Some((offset, c)) = kept
                    .char_indices()
                    .find(|&(_, c)| text::character_problem(c).is_some())
                {
                    let problem = Problem {
                        offset,
                        ..text::character_problem(c).expect("a refused character")
                    };
                    problems.extend(locate(&source[range.clone()], kept, range.start, problem));
                }
                // Characters are reported above: the block's text is
                // checked for its sizes only.
                if let Some((_, plain)) = blocks.last_mut() {
                    plain.extend(kept.chars().map(|c| match text::character_problem(c) {
                        Some(_) => 'x',
                        None => c,
                    }));
                }
            }
            _ => {}
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

/// Whether `tag` opens a block whose text is one text for the size limits.
fn is_text_block(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::Item
            | Tag::TableCell
            | Tag::CodeBlock(_)
            | Tag::HtmlBlock
    )
}

fn is_text_block_end(end: TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::Item
            | TagEnd::TableCell
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
    )
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
