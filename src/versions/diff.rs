//! Sequence comparison: the longest common subsequence of two sequences,
//! for words inside a sentence and for clauses, paragraphs and table rows.

use serde::Serialize;

/// What happened to a piece of text between two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    Same,
    Deleted,
    Inserted,
}

/// One step of an alignment: an old item, a new item, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Equal in both versions.
    Same(usize, usize),
    /// Different but in the same place: compared further.
    Changed(usize, usize),
    Deleted(usize),
    Inserted(usize),
}

/// Aligns `old` with `new`: the longest run of `equal` items is kept, and
/// between two kept items, the items that `comparable` pairs up in order
/// are changed rather than deleted and inserted.
pub fn align<T>(
    old: &[T],
    new: &[T],
    equal: impl Fn(&T, &T) -> bool,
    comparable: impl Fn(&T, &T) -> bool,
) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut gap: (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    let flush = |gap: &mut (Vec<usize>, Vec<usize>), steps: &mut Vec<Step>| {
        let (deleted, inserted) = std::mem::take(gap);
        let (mut d, mut i) = (0, 0);
        while d < deleted.len() || i < inserted.len() {
            match (deleted.get(d), inserted.get(i)) {
                (Some(&a), Some(&b)) if comparable(&old[a], &new[b]) => {
                    steps.push(Step::Changed(a, b));
                    (d, i) = (d + 1, i + 1);
                }
                (Some(&a), _) => {
                    steps.push(Step::Deleted(a));
                    d += 1;
                }
                (None, Some(&b)) => {
                    steps.push(Step::Inserted(b));
                    i += 1;
                }
                (None, None) => unreachable!("the loop stops when both are empty"),
            }
        }
    };
    for (change, a, b) in lcs(old, new, &equal) {
        match change {
            Change::Same => {
                flush(&mut gap, &mut steps);
                steps.push(Step::Same(a, b));
            }
            Change::Deleted => gap.0.push(a),
            Change::Inserted => gap.1.push(b),
        }
    }
    flush(&mut gap, &mut steps);
    steps
}

/// The longest common subsequence of `old` and `new`, as every item with
/// its change and its indexes (the index of the side it is not on is the
/// next item of that side). Deletions come before insertions.
fn lcs<T>(old: &[T], new: &[T], equal: impl Fn(&T, &T) -> bool) -> Vec<(Change, usize, usize)> {
    let (n, m) = (old.len(), new.len());
    let mut length = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            length[i][j] = if equal(&old[i], &new[j]) {
                length[i + 1][j + 1] + 1
            } else {
                length[i + 1][j].max(length[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n || j < m {
        if i < n && j < m && equal(&old[i], &new[j]) {
            out.push((Change::Same, i, j));
            (i, j) = (i + 1, j + 1);
        } else if i < n && (j == m || length[i + 1][j] >= length[i][j + 1]) {
            out.push((Change::Deleted, i, j));
            i += 1;
        } else {
            out.push((Change::Inserted, i, j));
            j += 1;
        }
    }
    out
}

/// The words of `old` and `new`, each with its change, in reading order,
/// split at ordinary spaces and line breaks: a no-break space (French
/// `10 000 €`, `« mot »`) stays inside its word.
pub fn words<'a>(old: &'a str, new: &'a str) -> Vec<(Change, &'a str)> {
    let split = |text: &'a str| text.split_ascii_whitespace().collect::<Vec<_>>();
    compare_words(split(old), split(new))
}

/// The words of `old` and `new` as [`words`] gives them, with each line
/// break a word of its own (`\n`), so that a redline gives back each
/// version's lines.
pub fn words_and_lines<'a>(old: &'a str, new: &'a str) -> Vec<(Change, &'a str)> {
    compare_words(tokens(old), tokens(new))
}

fn compare_words<'a>(a: Vec<&'a str>, b: Vec<&'a str>) -> Vec<(Change, &'a str)> {
    lcs(&a, &b, |x, y| x == y)
        .into_iter()
        .map(|(change, i, j)| match change {
            Change::Inserted => (change, b[j]),
            _ => (change, a[i]),
        })
        .collect()
}

/// The words and line breaks of `text`.
fn tokens(text: &str) -> Vec<&str> {
    let mut tokens = Vec::new();
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            tokens.push("\n");
        }
        tokens.extend(line.split_ascii_whitespace());
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_mark_what_changed_inside_a_sentence() {
        let changes = words("within 48 hours of receipt", "within 24 hours of receipt");
        let marked: Vec<String> = changes
            .iter()
            .map(|(change, word)| match change {
                Change::Same => word.to_string(),
                Change::Deleted => format!("-{word}"),
                Change::Inserted => format!("+{word}"),
            })
            .collect();
        assert_eq!(marked.join(" "), "within -48 +24 hours of receipt");
    }

    #[test]
    fn align_pairs_comparable_items_between_equal_ones() {
        let old = ["a", "b", "c", "d"];
        let new = ["a", "B", "c", "e", "f"];
        let steps = align(&old, &new, |x, y| x == y, |_, _| true);
        assert_eq!(
            steps,
            [
                Step::Same(0, 0),
                Step::Changed(1, 1),
                Step::Same(2, 2),
                Step::Changed(3, 3),
                Step::Inserted(4),
            ]
        );
        let steps = align(&old, &new, |x, y| x == y, |_, _| false);
        assert!(steps.contains(&Step::Deleted(1)) && steps.contains(&Step::Inserted(1)));
    }
}
