use super::*;

/// Spans as `{+inserted+}` and `[-deleted-]` words.
fn marked_text(spans: &[Span]) -> String {
    let parts: Vec<String> = spans
        .iter()
        .map(|span| match span.change {
            Change::Same => span.text.clone(),
            Change::Inserted => format!("{{+{}+}}", span.text),
            Change::Deleted => format!("[-{}-]", span.text),
        })
        .collect();
    parts.join(" ")
}

fn row(cells: &[&str]) -> Vec<Vec<Block>> {
    cells.iter().map(|c| vec![Block::paragraph(*c)]).collect()
}

fn table_of(rows: &[&[&str]]) -> Table {
    Table {
        caption: "Sous-traitants".into(),
        header: vec!["Nom".into(), "Activité".into()],
        rows: rows.iter().map(|r| row(r)).collect(),
        widths: vec![1, 1],
    }
}

#[test]
fn tables_show_rows_added_removed_and_cells_changed() {
    let old = table_of(&[
        &["OVH", "Hébergement"],
        &["Crisp", "Support"],
        &["Mailjet", "E-mails"],
    ]);
    let new = table_of(&[
        &["OVH", "Hébergement"],
        &["Crisp", "Support client"],
        &["Scaleway", "Sauvegarde"],
    ]);
    let diff = table(Some(&old), Some(&new));
    let statuses: Vec<Status> = diff.rows.iter().map(|r| r.status).collect();
    assert_eq!(
        statuses,
        [
            Status::Same,
            Status::Changed,
            Status::Removed,
            Status::Added
        ]
    );
    assert_eq!(
        marked_text(&diff.rows[1].cells[1][0].spans),
        "Support {+client+}"
    );
    assert_eq!(marked_text(&diff.rows[2].cells[0][0].spans), "[-Mailjet-]");
    assert_eq!(marked_text(&diff.rows[3].cells[0][0].spans), "{+Scaleway+}");
    assert_eq!(diff.status, Status::Changed);
}

#[test]
fn a_column_only_one_version_has_keeps_its_cells() {
    let old = Table {
        header: vec!["A".into(), "B".into()],
        rows: vec![row(&["x", ""]), row(&["", "y"])],
        ..table_of(&[])
    };
    let new = Table {
        header: vec!["A".into()],
        rows: vec![row(&["x"]), row(&["z"])],
        widths: vec![1],
        ..table_of(&[])
    };
    let diff = table(Some(&old), Some(&new));
    assert_eq!(marked_text(&diff.header[1]), "[-B-]");
    assert!(diff.rows.iter().all(|r| r.cells.len() == 2));
    let removed = diff
        .rows
        .iter()
        .find(|r| r.status == Status::Removed)
        .unwrap();
    assert_eq!(marked_text(&removed.cells[1][0].spans), "[-y-]");
    assert_eq!(diff.widths, vec![1, 1]);
}

#[test]
fn no_break_spaces_stay_inside_their_words() {
    let words =
        crate::versions::diff::words("10\u{a0}000\u{a0}€ par an", "20\u{a0}000\u{a0}€ par an");
    assert_eq!(words[0], (Change::Deleted, "10\u{a0}000\u{a0}€"));
    assert_eq!(words[1], (Change::Inserted, "20\u{a0}000\u{a0}€"));
}

#[test]
fn paragraphs_are_compared_word_by_word_and_lists_item_by_item() {
    let old = [
        Block::paragraph("Dans un délai de quarante-huit (48) heures."),
        Block::list(ListStyle::Numbered, ["un".to_string(), "deux".to_string()]),
    ];
    let new = [
        Block::paragraph("Dans un délai de vingt-quatre (24) heures."),
        Block::list(
            ListStyle::Numbered,
            ["un".to_string(), "trois".to_string(), "quatre".to_string()],
        ),
    ];
    let diff = blocks(&old, &new);
    let lines: Vec<String> = diff
        .iter()
        .map(|block| match block {
            BlockDiff::Line(line) => format!("{} {}", line.marker, marked_text(&line.spans)),
            BlockDiff::Table(_) => "table".into(),
        })
        .collect();
    assert_eq!(
        lines,
        [
            " Dans un délai de [-quarante-huit (48)-] {+vingt-quatre (24)+} heures.",
            "1. un",
            "2. [-deux-] {+trois+}",
            "3. {+quatre+}",
        ]
    );
}
