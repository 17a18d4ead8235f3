//! The body of a Word document as WordprocessingML: paragraphs, runs,
//! hyperlinks, fields, tables and list numbering, each piece of text
//! escaped, and, in redlines, tracked changes (`w:ins`, `w:del`, inserted
//! and deleted paragraph marks and table rows) numbered in the order they
//! are written, so that the same input gives the same bytes.

use std::fmt::Write;

use sha2::Digest;

use crate::versions::diff::Change;

/// Who made the tracked changes of a redline, and when (an ISO date).
pub struct Reviser {
    pub author: String,
    pub date: String,
}

/// How list items are numbered; each kind is an abstract numbering of
/// `numbering.xml`, in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    Bullet,
    Decimal,
    Letter,
}

impl ListKind {
    pub const ALL: [ListKind; 3] = [ListKind::Bullet, ListKind::Decimal, ListKind::Letter];

    /// Its `w:abstractNumId` in `numbering.xml`.
    pub fn abstract_id(self) -> usize {
        self as usize
    }
}

/// How a run of text is set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    pub bold: bool,
    pub italic: bool,
    /// Invisible (white, tiny): an e-signature anchor.
    pub hidden_anchor: bool,
}

/// A paragraph's properties.
#[derive(Debug, Clone, Default)]
pub struct Para<'a> {
    /// A style id of `styles.xml`; `Normal` when empty.
    pub style: &'a str,
    /// A bookmark on the paragraph, the target of internal links.
    pub bookmark: Option<&'a str>,
    /// List numbering: the `w:num` id and the level.
    pub numbering: Option<(usize, usize)>,
    /// Indentation in list levels, for a list item's further paragraphs.
    pub indent: usize,
    pub page_break_before: bool,
    /// Whether the paragraph mark is inserted or deleted (redlines).
    pub mark: Option<Change>,
}

/// The deepest list level Word numbers (levels 0 to 8).
pub const DEEPEST_LEVEL: usize = 8;

/// The indentation of one list level, in twentieths of a point: list
/// items and the paragraphs under them line up.
pub const LEVEL_INDENT: usize = 400;

/// Writes a document body, and collects what other parts need: the
/// external links (relationships) and list instances (numbering).
pub struct Body {
    pub xml: String,
    /// External link targets, as `rIdLink<n>` (1-based) of the document's
    /// relationships.
    pub links: Vec<String>,
    /// One `w:num` per list, numbered from 1, so that each list restarts.
    pub lists: Vec<ListKind>,
    reviser: Option<Reviser>,
    next_id: usize,
    /// The language of the runs written now, where it is not the
    /// document's (the translation of a parallel edition).
    lang: Option<String>,
    /// Whether runs are inside a hyperlink, set in its character style.
    in_link: bool,
    /// The width text may take where the body is now (a parallel
    /// edition's column is half the page), for tables.
    pub width: u32,
    /// Whether the last thing written is a paragraph: a table cell must
    /// end with one.
    ended_paragraph: bool,
    /// Whether the next paragraph starts a page.
    break_before_next: bool,
}

impl Body {
    pub fn new(reviser: Option<Reviser>, width: u32) -> Body {
        Body {
            xml: String::new(),
            links: Vec::new(),
            lists: Vec::new(),
            reviser,
            next_id: 1,
            lang: None,
            in_link: false,
            width,
            ended_paragraph: false,
            break_before_next: false,
        }
    }

    /// Starts the next paragraph on a new page.
    pub fn break_before_next(&mut self) {
        self.break_before_next = true;
    }

    /// Sets the language of the runs that follow (none: the document's).
    pub fn set_lang(&mut self, lang: Option<String>) {
        self.lang = lang;
    }

    /// A new list instance of `kind`: its `w:num` id.
    pub fn new_list(&mut self, kind: ListKind) -> usize {
        self.lists.push(kind);
        self.lists.len()
    }

    fn id(&mut self) -> usize {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// The attributes of a revision: id, author, date.
    fn revision(&mut self) -> String {
        let id = self.id();
        let reviser = (self.reviser.as_ref()).expect("only a redline's body has revisions");
        format!(
            r#"w:id="{id}" w:author="{}" w:date="{}T00:00:00Z""#,
            escape(&reviser.author),
            escape(&reviser.date)
        )
    }

    /// Opens a paragraph; its content follows, then [`Body::end_paragraph`].
    pub fn start_paragraph(&mut self, para: &Para) {
        let mut properties = String::new();
        if !para.style.is_empty() {
            let _ = write!(properties, r#"<w:pStyle w:val="{}"/>"#, para.style);
        }
        if para.page_break_before || std::mem::take(&mut self.break_before_next) {
            properties.push_str("<w:pageBreakBefore/>");
        }
        if let Some((num, level)) = para.numbering {
            let level = level.min(DEEPEST_LEVEL);
            let _ = write!(
                properties,
                r#"<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>"#
            );
        } else if para.indent > 0 {
            let indent = LEVEL_INDENT * para.indent.min(DEEPEST_LEVEL + 1);
            let _ = write!(properties, r#"<w:ind w:left="{indent}"/>"#);
        }
        match para.mark {
            Some(Change::Inserted) => {
                let revision = self.revision();
                let _ = write!(properties, "<w:rPr><w:ins {revision}/></w:rPr>");
            }
            Some(Change::Deleted) => {
                let revision = self.revision();
                let _ = write!(properties, "<w:rPr><w:del {revision}/></w:rPr>");
            }
            Some(Change::Same) | None => {}
        }
        self.xml.push_str("<w:p>");
        if !properties.is_empty() {
            let _ = write!(self.xml, "<w:pPr>{properties}</w:pPr>");
        }
        if let Some(name) = para.bookmark {
            let id = self.id();
            let _ = write!(
                self.xml,
                r#"<w:bookmarkStart w:id="{id}" w:name="{}"/><w:bookmarkEnd w:id="{id}"/>"#,
                bookmark_name(name)
            );
        }
    }

    pub fn end_paragraph(&mut self) {
        self.xml.push_str("</w:p>");
        self.ended_paragraph = true;
    }

    /// A paragraph of one run of plain text.
    pub fn paragraph(&mut self, para: &Para, text: &str) {
        self.start_paragraph(para);
        self.text(text, Style::default(), Change::Same);
        self.end_paragraph();
    }

    /// A run of text, inserted or deleted in redlines.
    pub fn text(&mut self, text: &str, style: Style, change: Change) {
        if text.is_empty() {
            return;
        }
        let mut properties = String::new();
        if self.in_link {
            properties.push_str(r#"<w:rStyle w:val="Hyperlink"/>"#);
        }
        if style.bold {
            properties.push_str("<w:b/>");
        }
        if style.italic {
            properties.push_str("<w:i/>");
        }
        if style.hidden_anchor {
            properties.push_str(r#"<w:color w:val="FFFFFF"/><w:sz w:val="2"/>"#);
        }
        if let Some(lang) = &self.lang {
            let _ = write!(properties, r#"<w:lang w:val="{}"/>"#, escape(lang));
        }
        let element = if change == Change::Deleted {
            "w:delText"
        } else {
            "w:t"
        };
        let run = format!(
            r#"<w:r><w:rPr>{properties}</w:rPr><{element} xml:space="preserve">{}</{element}></w:r>"#,
            escape(text)
        );
        self.revised(change, &run);
    }

    /// `content` wrapped as an insertion or deletion where it is one.
    fn revised(&mut self, change: Change, content: &str) {
        match change {
            Change::Same => self.xml.push_str(content),
            Change::Inserted => {
                let revision = self.revision();
                let _ = write!(self.xml, "<w:ins {revision}>{content}</w:ins>");
            }
            Change::Deleted => {
                let revision = self.revision();
                let _ = write!(self.xml, "<w:del {revision}>{content}</w:del>");
            }
        }
    }

    /// A line break, inserted or deleted in redlines.
    pub fn line_break(&mut self, change: Change) {
        self.revised(change, "<w:r><w:br/></w:r>");
    }

    /// Opens a hyperlink: to a bookmark for `#id`, else to an external
    /// address (already checked against the link policy); `styled` sets its
    /// text as a link (not in the table of contents).
    pub fn start_link(&mut self, url: &str, styled: bool) {
        self.in_link = styled;
        if let Some(anchor) = url.strip_prefix('#') {
            let _ = write!(
                self.xml,
                r#"<w:hyperlink w:anchor="{}">"#,
                bookmark_name(anchor)
            );
        } else {
            let index = match self.links.iter().position(|l| l == url) {
                Some(index) => index,
                None => {
                    self.links.push(url.to_string());
                    self.links.len() - 1
                }
            };
            let _ = write!(self.xml, r#"<w:hyperlink r:id="rIdLink{}">"#, index + 1);
        }
    }

    pub fn end_link(&mut self) {
        self.in_link = false;
        self.xml.push_str("</w:hyperlink>");
    }

    /// A field (`PAGE`, `NUMPAGES`…) with the result Word shows until it
    /// updates it.
    pub fn field(&mut self, instruction: &str, result: &str) {
        let _ = write!(
            self.xml,
            r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
            escape(result)
        );
    }

    /// Opens a table whose columns have these widths (twentieths of a
    /// point); rows follow, then [`Body::end_table`].
    pub fn start_table(&mut self, widths: &[u32], borders: bool) {
        let total: u32 = widths.iter().sum();
        let _ = write!(
            self.xml,
            r#"<w:tbl><w:tblPr><w:tblStyle w:val="{}"/><w:tblW w:w="{total}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>"#,
            if borders { "Grid" } else { "Plain" }
        );
        for width in widths {
            let _ = write!(self.xml, r#"<w:gridCol w:w="{width}"/>"#);
        }
        self.xml.push_str("</w:tblGrid>");
    }

    /// Opens a row that may break across pages (a clause beside its
    /// translation).
    pub fn start_breakable_row(&mut self) {
        self.xml.push_str("<w:tr>");
    }

    /// Opens a row: a header row is kept on one page and repeats on every
    /// page; a row of a redline may be inserted or deleted as a whole.
    pub fn start_row(&mut self, header: bool, change: Change) {
        let mut properties = String::new();
        if header {
            properties.push_str("<w:cantSplit/><w:tblHeader/>");
        }
        match change {
            Change::Inserted => {
                let revision = self.revision();
                let _ = write!(properties, "<w:ins {revision}/>");
            }
            Change::Deleted => {
                let revision = self.revision();
                let _ = write!(properties, "<w:del {revision}/>");
            }
            Change::Same => {}
        }
        let _ = write!(self.xml, "<w:tr><w:trPr>{properties}</w:trPr>");
    }

    /// Opens a cell `width` wide; its paragraphs follow (at least one).
    pub fn start_cell(&mut self, width: u32) {
        let _ = write!(
            self.xml,
            r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>"#
        );
        self.ended_paragraph = false;
    }

    /// Closes a cell, which Word requires to end with a paragraph.
    pub fn end_cell(&mut self) {
        if !self.ended_paragraph {
            self.xml.push_str("<w:p/>");
        }
        self.xml.push_str("</w:tc>");
    }

    pub fn end_row(&mut self) {
        self.xml.push_str("</w:tr>");
    }

    pub fn end_table(&mut self) {
        self.xml.push_str("</w:tbl>");
        self.ended_paragraph = false;
    }

    /// A raw piece of WordprocessingML written by this module's callers
    /// from constants (a table of contents' field codes).
    pub fn raw(&mut self, xml: &str) {
        self.xml.push_str(xml);
    }
}

/// Column widths in twentieths of a point, for a table `total` wide whose
/// columns have these relative widths (equal where none are given).
pub fn column_widths(relative: &[u32], columns: usize, total: u32) -> Vec<u32> {
    let relative: Vec<u32> = match relative.len() == columns && relative.iter().any(|&w| w > 0) {
        true => relative.to_vec(),
        false => vec![1; columns],
    };
    let sum: u32 = relative.iter().sum::<u32>().max(1);
    relative.iter().map(|w| total * w / sum).collect()
}

/// A bookmark name Word accepts: letters, digits and `_`, at most 40
/// characters, not starting with a digit. An id that is not short letters,
/// digits and hyphens keeps its start and a hash of the whole, so that two
/// ids never share a name.
fn bookmark_name(id: &str) -> String {
    let name: String = (id.chars())
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let plain = id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if plain && name.len() <= 38 {
        return format!("s_{name}");
    }
    let hex = crate::corpus::records::hex(&sha2::Sha256::digest(id.as_bytes())[..4]);
    let start: String = name.chars().take(29).collect();
    format!("s_{start}_{hex}")
}

/// Text as XML character data: markup characters escaped (as for HTML,
/// whose escapes XML shares), and characters XML 1.0 cannot hold (control
/// characters) left out, so that no input makes a file Word refuses.
pub fn escape(text: &str) -> String {
    let clean: String = text
        .chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => None,
            c => Some(c),
        })
        .collect();
    crate::render::html::escape(&clean)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cannot_become_markup_or_invalid_xml() {
        assert_eq!(
            escape("<w:t>&\"x\"\u{1}\u{7}</w:t>"),
            "&lt;w:t&gt;&amp;&quot;x&quot;&lt;/w:t&gt;"
        );
    }

    #[test]
    fn revisions_are_numbered_in_order_with_their_author_and_date() {
        let reviser = Reviser {
            author: "Learn & Go".into(),
            date: "2026-03-01".into(),
        };
        let mut body = Body::new(Some(reviser), 9000);
        body.start_paragraph(&Para::default());
        body.text("old", Style::default(), Change::Deleted);
        body.text("new", Style::default(), Change::Inserted);
        body.end_paragraph();
        assert_eq!(
            body.xml,
            r#"<w:p><w:del w:id="1" w:author="Learn &amp; Go" w:date="2026-03-01T00:00:00Z"><w:r><w:rPr></w:rPr><w:delText xml:space="preserve">old</w:delText></w:r></w:del><w:ins w:id="2" w:author="Learn &amp; Go" w:date="2026-03-01T00:00:00Z"><w:r><w:rPr></w:rPr><w:t xml:space="preserve">new</w:t></w:r></w:ins></w:p>"#
        );
    }

    #[test]
    fn bookmarks_of_long_or_odd_ids_never_share_a_name() {
        let one = bookmark_name("retention-of-personal-data-by-the-processor-one");
        let two = bookmark_name("retention-of-personal-data-by-the-processor-two");
        assert_ne!(one, two);
        assert!(one.len() <= 40 && two.len() <= 40, "{one} {two}");
        assert_ne!(bookmark_name("a-b"), bookmark_name("a_b"));
        assert_eq!(bookmark_name("annex-parties"), "s_annex_parties");
    }

    #[test]
    fn columns_share_the_width_as_the_table_asks() {
        assert_eq!(column_widths(&[1, 3], 2, 8000), vec![2000, 6000]);
        assert_eq!(column_widths(&[], 2, 8000), vec![4000, 4000]);
    }
}
