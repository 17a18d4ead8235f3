//! Tables compared row by row: rows matched by their first cell (added,
//! removed, changed), cells word by word.

use super::*;

/// Compares two tables row by row; rows are matched by their first cell.
pub(super) fn table(old: Option<&Table>, new: Option<&Table>) -> TableDiff {
    let empty = Table {
        caption: String::new(),
        header: Vec::new(),
        rows: Vec::new(),
        widths: Vec::new(),
    };
    let (a, b) = (old.unwrap_or(&empty), new.unwrap_or(&empty));
    let shape = if new.is_some() { b } else { a };
    // A column only one version has is compared too (against empty
    // cells), so that neither version loses a cell.
    let widest = |t: &Table| t.rows.iter().map(Vec::len).fold(t.header.len(), usize::max);
    let columns = widest(a).max(widest(b));
    let header = (0..columns)
        .map(|index| {
            let cell = |t: &Table| t.header.get(index).cloned().unwrap_or_default();
            spans(&cell(a), &cell(b))
        })
        .collect();
    let first_cell = |row: &Vec<Vec<Block>>| row.first().map(|cell| cell_text(cell));
    let rows: Vec<RowDiff> = align(
        &a.rows,
        &b.rows,
        |x, y| cell_texts(x) == cell_texts(y),
        |x, y| first_cell(x) == first_cell(y),
    )
    .into_iter()
    .map(|step| {
        let (x, y) = match step {
            Step::Same(i, j) | Step::Changed(i, j) => (Some(&a.rows[i]), Some(&b.rows[j])),
            Step::Deleted(i) => (Some(&a.rows[i]), None),
            Step::Inserted(j) => (None, Some(&b.rows[j])),
        };
        let cell = |row: Option<&Vec<Vec<Block>>>, index: usize| -> Vec<Block> {
            row.and_then(|r| r.get(index)).cloned().unwrap_or_default()
        };
        let cells: Vec<Vec<LineDiff>> = (0..columns)
            .map(|index| {
                blocks(&cell(x, index), &cell(y, index))
                    .into_iter()
                    .filter_map(|block| match block {
                        BlockDiff::Line(line) => Some(line),
                        BlockDiff::Table(_) => None,
                    })
                    .collect()
            })
            .collect();
        let equal = x.map(|r| cell_texts(r)) == y.map(|r| cell_texts(r));
        RowDiff {
            status: status_of(x.is_some(), y.is_some(), equal),
            cells,
        }
    })
    .collect();
    let status = match (old, new) {
        (Some(_), None) => Status::Removed,
        (None, Some(_)) => Status::Added,
        _ if a.caption == b.caption
            && a.header == b.header
            && rows.iter().all(|r| r.status == Status::Same) =>
        {
            Status::Same
        }
        _ => Status::Changed,
    };
    TableDiff {
        status,
        caption: spans(&a.caption, &b.caption),
        header,
        rows,
        widths: match shape.widths.len() == columns {
            true => shape.widths.clone(),
            false => vec![1; columns],
        },
    }
}

/// The lines of text of a table cell: its paragraphs, labels and items.
pub fn cell_lines(cell: &[Block]) -> Vec<String> {
    let mut pieces = Vec::new();
    flatten(cell, 0, &mut pieces);
    pieces
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Line { text, .. } => Some(text),
            Piece::Table(_) => None,
        })
        .collect()
}

fn cell_text(cell: &[Block]) -> String {
    cell_lines(cell).join("\n")
}

fn cell_texts(row: &[Vec<Block>]) -> Vec<String> {
    row.iter().map(|cell| cell_text(cell)).collect()
}
