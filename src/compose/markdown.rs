//! Clause text: Markdown with `# Title {#id}` clauses and `## Title {#id}`
//! sub-clauses, turned into model sections. Raw HTML is kept as visible
//! text, and placeholders are replaced inside text only, so that no fact can
//! add Markdown or markup.

use std::collections::BTreeSet;
use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, LinkType, Tag, TagEnd};

use crate::compose::placeholders::Placeholders;
use crate::corpus::SourceFile;
use crate::corpus::links::{self, Target};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::model::{Block, Inline, ListStyle, PREAMBLE_ID, Section, SectionKind, Table};
use crate::text::MAX_NESTING;

mod events;
mod headings;

pub use events::heading_ids;
use events::parse;

/// The clauses of a Markdown file, and the links it makes to sections of
/// its document and to other documents (an id and the link's offset), to
/// check once every section and document is known.
pub struct Clauses {
    pub sections: Vec<Section>,
    pub anchors: Vec<(String, usize)>,
    pub documents: Vec<(String, usize)>,
}

/// The clauses of `file`, numbered 1, 2… and 6.1, 6.2….
pub fn clauses(
    file: &SourceFile,
    placeholders: &Placeholders,
    diagnostics: &mut Diagnostics,
) -> Clauses {
    let (events, problems) = parse(&file.text);
    let mut converter = Converter {
        file,
        placeholders,
        diagnostics,
        clauses: Vec::new(),
        anchors: Vec::new(),
        documents: Vec::new(),
        unnumbered: BTreeSet::new(),
        stack: Vec::new(),
        skipping: 0,
    };
    for (offset, problem) in problems {
        converter.error(offset, Code::UnsafeText, &problem.message, &problem.help);
    }
    for (event, range) in events {
        converter.event(event, range);
    }
    let clauses = converter.numbered();
    Clauses {
        sections: clauses,
        anchors: converter.anchors,
        documents: converter.documents,
    }
}

/// A container being filled while events stream in.
enum Frame {
    Heading {
        level: HeadingLevel,
        id: Option<String>,
        /// The classes written after the id: `{#id .unnumbered}`.
        classes: Vec<String>,
        start: usize,
        inlines: Vec<Inline>,
    },
    Paragraph(Vec<Inline>),
    /// A paragraph that held only a block placeholder: its generated blocks.
    Generated(Vec<Block>),
    Strong(Vec<Inline>),
    Emphasis(Vec<Inline>),
    Link {
        url: String,
        inlines: Vec<Inline>,
    },
    List {
        style: ListStyle,
        items: Vec<Vec<Block>>,
    },
    /// A list item: its blocks, and text not wrapped in a paragraph (tight lists).
    Item {
        blocks: Vec<Block>,
        loose: Vec<Inline>,
    },
    Table {
        header: Vec<String>,
        rows: Vec<Vec<Vec<Block>>>,
        row: Vec<Vec<Block>>,
    },
    Cell(Vec<Inline>),
    /// A block quote: its content is kept but not its structure.
    Quote,
    /// Other containers whose content is kept but not their structure.
    Transparent,
}

/// What nests, and is bounded to `text::MAX_NESTING` levels so that
/// nothing recursive downstream (the model's walkers, typst) goes deep.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Nesting {
    Blocks,
    Inlines,
}

impl Frame {
    fn nesting(&self) -> Option<Nesting> {
        match self {
            Frame::List { .. } | Frame::Quote => Some(Nesting::Blocks),
            Frame::Strong(_) | Frame::Emphasis(_) | Frame::Link { .. } => Some(Nesting::Inlines),
            _ => None,
        }
    }
}

struct Converter<'a> {
    file: &'a SourceFile,
    placeholders: &'a Placeholders,
    diagnostics: &'a mut Diagnostics,
    clauses: Vec<Section>,
    anchors: Vec<(String, usize)>,
    documents: Vec<(String, usize)>,
    /// The ids of the clauses written `{#id .unnumbered}`.
    unnumbered: BTreeSet<String>,
    stack: Vec<Frame>,
    /// How many containers deep the converter is inside one it skips
    /// (nested too deep): 0 when it is not skipping.
    skipping: usize,
}

impl Converter<'_> {
    fn event(&mut self, event: Event, range: Range<usize>) {
        if self.skipping > 0 {
            match event {
                Event::Start(_) => self.skipping += 1,
                Event::End(_) => self.skipping -= 1,
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(end) => self.end(end),
            Event::Text(text) | Event::Code(text) => {
                if let Some(blocks) = self.placeholders.blocks(&text)
                    && let Some(Frame::Paragraph(inlines)) = self.stack.last()
                    && inlines.is_empty()
                {
                    *self.stack.last_mut().expect("a paragraph is open") =
                        Frame::Generated(blocks.to_vec());
                    return;
                }
                let text = self.resolve(&text, range.start);
                self.inline(Inline::text(text));
            }
            // Raw HTML is shown as the text the author typed, never executed.
            Event::Html(html) | Event::InlineHtml(html) => {
                let text = self.resolve(&html, range.start);
                self.inline(Inline::text(text));
            }
            Event::SoftBreak => self.inline(Inline::text(" ")),
            Event::HardBreak => self.inline(Inline::Break),
            Event::Rule | Event::TaskListMarker(_) | Event::FootnoteReference(_) => {}
            Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.inline(Inline::text(text.to_string()))
            }
        }
    }

    fn start(&mut self, tag: Tag, range: Range<usize>) {
        let frame = match tag {
            Tag::Heading {
                level, id, classes, ..
            } => Frame::Heading {
                level,
                id: id.map(|id| id.to_string()),
                classes: classes.iter().map(|class| class.to_string()).collect(),
                start: range.start,
                inlines: Vec::new(),
            },
            Tag::Paragraph => Frame::Paragraph(Vec::new()),
            Tag::Strong => Frame::Strong(Vec::new()),
            Tag::Emphasis | Tag::Strikethrough | Tag::Superscript | Tag::Subscript => {
                Frame::Emphasis(Vec::new())
            }
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => self.link(link_type, &dest_url, range.start),
            Tag::List(start) => Frame::List {
                style: if start.is_some() {
                    ListStyle::Numbered
                } else {
                    ListStyle::Bullet
                },
                items: Vec::new(),
            },
            Tag::Item => Frame::Item {
                blocks: Vec::new(),
                loose: Vec::new(),
            },
            Tag::Table(_) => Frame::Table {
                header: Vec::new(),
                rows: Vec::new(),
                row: Vec::new(),
            },
            Tag::TableCell => Frame::Cell(Vec::new()),
            // A head or a row is not a container of its own: its cells go to
            // the table's current row, which its end closes.
            Tag::TableHead | Tag::TableRow => return,
            Tag::CodeBlock(_) | Tag::HtmlBlock => Frame::Paragraph(Vec::new()),
            Tag::BlockQuote(_) => Frame::Quote,
            Tag::Image { .. } => {
                self.error(
                    range.start,
                    Code::UnsupportedMarkdown,
                    "clausier does not publish images",
                    "describe what it shows in words, or link to it: `[description](https://…)`",
                );
                Frame::Transparent
            }
            _ => Frame::Transparent,
        };
        if let Some(nesting) = frame.nesting()
            && self
                .stack
                .iter()
                .filter(|f| f.nesting() == Some(nesting))
                .count()
                >= MAX_NESTING
        {
            let (what, help) = match nesting {
                Nesting::Blocks => (
                    "lists and block quotes",
                    "flatten it: split the list into shorter lists, or write the inner levels as sentences",
                ),
                Nesting::Inlines => (
                    "emphasis, bold and links",
                    "remove the extra `*`, `_` or brackets",
                ),
            };
            self.error(
                range.start,
                Code::NestedTooDeep,
                &format!("{what} nest more than {MAX_NESTING} levels deep here"),
                help,
            );
            self.skipping = 1;
            return;
        }
        // Text before the first heading is the preamble, titled later.
        if self.clauses.is_empty()
            && !matches!(frame, Frame::Heading { .. })
            && self.stack.is_empty()
        {
            let id = PREAMBLE_ID.to_string();
            self.unnumbered.insert(id.clone());
            let preamble = Section::new(id, None, String::new(), SectionKind::Preamble);
            self.clauses.push(preamble);
        }
        self.stack.push(frame);
    }

    fn end(&mut self, end: TagEnd) {
        match end {
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(Frame::Table { header, rows, row }) = self.stack.last_mut() {
                    let cells = std::mem::take(row);
                    if matches!(end, TagEnd::TableHead) {
                        *header = cells.iter().map(|cell| plain_text(cell)).collect();
                    } else {
                        rows.push(cells);
                    }
                }
                return;
            }
            TagEnd::TableCell => {
                if let Some(Frame::Cell(inlines)) = self.stack.pop()
                    && let Some(Frame::Table { row, .. }) = self.stack.last_mut()
                {
                    row.push(vec![Block::Paragraph { inlines }]);
                }
                return;
            }
            _ => {}
        }
        let Some(frame) = self.stack.pop() else {
            return;
        };
        match frame {
            Frame::Heading {
                level,
                id,
                classes,
                start,
                inlines,
            } => self.heading(level, id, &classes, start, inlines),
            Frame::Paragraph(inlines) => self.block(Block::Paragraph { inlines }),
            Frame::Generated(blocks) => blocks.into_iter().for_each(|block| self.block(block)),
            Frame::Strong(inlines) => self.inline(Inline::Strong { inlines }),
            Frame::Emphasis(inlines) => self.inline(Inline::Emphasis { inlines }),
            Frame::Link { url, inlines } => self.inline(Inline::Link { url, inlines }),
            Frame::List { style, items } => self.block(Block::List { style, items }),
            Frame::Item { mut blocks, loose } => {
                if !loose.is_empty() {
                    blocks.push(Block::Paragraph { inlines: loose });
                }
                if let Some(Frame::List { items, .. }) = self.stack.last_mut() {
                    items.push(blocks);
                }
            }
            Frame::Table { header, rows, .. } => {
                let caption = self
                    .clauses
                    .last()
                    .map(|clause| clause.title.clone())
                    .unwrap_or_default();
                let widths = vec![1; header.len()];
                self.block(Block::Table(Table {
                    caption,
                    header,
                    rows,
                    widths,
                }));
            }
            Frame::Cell(_) | Frame::Quote | Frame::Transparent => {}
        }
    }

    /// A link, checked against the one link policy; a link to a section is
    /// kept to check once the document's sections are known.
    fn link(&mut self, link_type: LinkType, destination: &str, offset: usize) -> Frame {
        let url = match link_type {
            LinkType::Email => format!("mailto:{destination}"),
            _ => destination.to_string(),
        };
        match links::target(&url) {
            Ok(Target::Section(id)) => self.anchors.push((id.to_string(), offset)),
            Ok(Target::Document(id)) => self.documents.push((id.to_string(), offset)),
            Ok(Target::External) => {}
            Err((message, help)) => self.error(offset, Code::Link, &message, &help),
        }
        Frame::Link {
            url,
            inlines: Vec::new(),
        }
    }

    fn inline(&mut self, inline: Inline) {
        match self.stack.last_mut() {
            Some(
                Frame::Heading { inlines, .. }
                | Frame::Paragraph(inlines)
                | Frame::Strong(inlines)
                | Frame::Emphasis(inlines)
                | Frame::Link { inlines, .. }
                | Frame::Cell(inlines)
                | Frame::Item { loose: inlines, .. },
            ) => inlines.push(inline),
            _ => self.block(Block::Paragraph {
                inlines: vec![inline],
            }),
        }
    }

    fn block(&mut self, block: Block) {
        for frame in self.stack.iter_mut().rev() {
            if let Frame::Item { blocks, loose } = frame {
                if !loose.is_empty() {
                    blocks.push(Block::Paragraph {
                        inlines: std::mem::take(loose),
                    });
                }
                blocks.push(block);
                return;
            }
        }
        let Some(clause) = self.clauses.last_mut() else {
            return;
        };
        match clause.children.last_mut() {
            Some(sub) => sub.blocks.push(block),
            None => clause.blocks.push(block),
        }
    }

    fn resolve(&mut self, text: &str, offset: usize) -> String {
        match self.placeholders.resolve(text) {
            Ok(text) => text,
            Err(errors) => {
                // Markdown escapes can shift the event's text against the
                // source, so find the same `{{` by its rank instead.
                for error in errors {
                    let rank = text[..error.offset].matches("{{").count();
                    let at = self.file.text[offset..]
                        .match_indices("{{")
                        .nth(rank)
                        .map_or(offset, |(i, _)| offset + i);
                    self.diagnostics.push(
                        Diagnostic::error(error.code, error.message)
                            .at(self.file.location(at), &self.file.text)
                            .with_help(error.help),
                    );
                }
                text.to_string()
            }
        }
    }

    fn error(&mut self, offset: usize, code: Code, message: &str, help: &str) {
        self.diagnostics.push(
            Diagnostic::error(code, message)
                .at(self.file.location(offset), &self.file.text)
                .with_help(help),
        );
    }
}

/// The text of blocks without formatting, for headings and table headers.
pub fn plain_text(blocks: &[Block]) -> String {
    fn inlines(out: &mut String, items: &[Inline]) {
        for inline in items {
            match inline {
                Inline::Text { text } => out.push_str(text),
                Inline::Strong { inlines: inner }
                | Inline::Emphasis { inlines: inner }
                | Inline::Link { inlines: inner, .. } => inlines(out, inner),
                Inline::Break => out.push(' '),
            }
        }
    }
    let mut out = String::new();
    for block in blocks {
        if let Block::Paragraph { inlines: items } | Block::Label { inlines: items } = block {
            inlines(&mut out, items);
        }
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests;
