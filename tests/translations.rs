//! The translation review workflow: a French change is flagged in `check`
//! until `clausier translations confirm` records the review. The edits are
//! checked as drafts (`--draft`), as while editing before a release.

mod common;

use std::process::Output;

use common::*;

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_french_change_is_flagged_until_its_translation_is_confirmed() {
    let dir = scratch("translations");
    copy_corpus(&dir);
    let clean = format!("0 error(s), 0 warning(s), {SHIPPED_NOTES} note(s)");
    assert_eq!(summary(&clausier(&dir, &["check"])), clean);

    edit(
        &dir.join("contracts/dpa/fr.md"),
        "dans la limite de {{ commitment.audit_limit }}.",
        "dans la limite de {{ commitment.audit_limit }}, aux frais du Client.",
    );
    let check = clausier(&dir, &["check", "--draft"]);
    assert!(check.status.success(), "a stale translation is a warning");
    let shown = stdout(&check);
    assert!(shown.contains("warning[W0601]: the French text of clause `compliance` changed since its English translation was reviewed\n   --> contracts/dpa/en.md:133:1\n"), "{shown}");
    assert!(
        shown.contains("[-}}.-] {+}}, aux frais du Client.+}"),
        "{shown}"
    );
    assert_eq!(
        clausier(&dir, &["check", "--draft", "--deny-warnings"])
            .status
            .code(),
        Some(1)
    );

    let typo = clausier(&dir, &["translations", "confirm", "complance"]);
    assert_eq!(typo.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&typo.stderr)
            .contains("unknown clause `complance`: did you mean `compliance`?")
    );

    let confirm = clausier(&dir, &["translations", "confirm", "compliance"]);
    assert!(confirm.status.success());
    assert_eq!(
        stdout(&confirm),
        "confirmed the review of compliance in contracts/dpa/translations.lock\n"
    );
    assert_eq!(summary(&clausier(&dir, &["check", "--draft"])), clean);
}
