//! A rebuild with nothing changed leaves the output as it is, from the
//! record of the last build beside it (`.<out>.cache/build.json`); any
//! change to what that build read or wrote, or to its options, builds
//! again, and the result is a fresh build's.

mod common;

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use clausier::BuildOptions;
use clausier::lang::Lang;
use common::{build_options, clausier, copy_corpus, edit, relative_tree, scratch};

/// Every file of `out` with its inode and modification time: equal lists
/// mean nothing was written.
fn untouched(out: &Path) -> Vec<(String, u64, i64, i64)> {
    let mut files = Vec::new();
    let mut pending = vec![out.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let metadata = fs::symlink_metadata(&path).unwrap();
            if metadata.is_dir() {
                pending.push(path);
            } else {
                let name = path.strip_prefix(out).unwrap().display().to_string();
                files.push((
                    name,
                    metadata.ino(),
                    metadata.mtime(),
                    metadata.mtime_nsec(),
                ));
            }
        }
    }
    files.sort();
    files
}

/// Whether building with `options` found the output up to date; panics if
/// the build fails.
fn up_to_date(options: &BuildOptions) -> bool {
    match clausier::build(options) {
        Ok(built) => built.up_to_date,
        Err(error) => panic!("build failed:\n{error}"),
    }
}

#[test]
fn a_rebuild_with_nothing_changed_writes_nothing() {
    let dir = scratch("up-to-date");
    copy_corpus(&dir);
    let out = dir.join("out");
    let options = build_options(&dir, &out, false, true);
    assert!(!up_to_date(&options), "the first build renders");
    let written = untouched(&out);
    assert!(up_to_date(&options));
    assert_eq!(untouched(&out), written, "nothing was rewritten");

    // A corpus file saved again without a change: its content is the same.
    let clause = dir.join("contracts/dpa/fr.md");
    fs::write(&clause, fs::read(&clause).unwrap()).unwrap();
    let shown = common::shown(&clausier(&dir, &["build", "--out", out.to_str().unwrap()]));
    assert!(
        shown.contains(" (up to date: the corpus is unchanged since the last build): 3 documents"),
        "{shown}"
    );
    assert_eq!(untouched(&out), written);

    // `--fresh` renders everything again, and gives the same bytes.
    let before = relative_tree(&out);
    assert!(!up_to_date(&build_options(&dir, &out, false, false)));
    assert_ne!(untouched(&out), written);
    assert_eq!(relative_tree(&out), before);
}

#[test]
fn any_change_to_what_the_last_build_read_or_wrote_builds_again() {
    let dir = scratch("not-up-to-date");
    copy_corpus(&dir);
    let (out, fresh) = (dir.join("out"), dir.join("fresh"));
    let options = build_options(&dir, &out, false, true);
    up_to_date(&options);
    up_to_date(&build_options(&dir, &fresh, false, false));
    let expected = relative_tree(&fresh);

    // A file of the output changed (its size kept), removed, or added.
    let page = out.join("fr/dpa.html");
    let mut bytes = fs::read(&page).unwrap();
    bytes[100] ^= 1;
    fs::write(&page, &bytes).unwrap();
    assert!(!up_to_date(&options));
    assert_eq!(relative_tree(&out), expected, "the page is mended");
    fs::remove_file(out.join("en/cookies.pdf")).unwrap();
    assert!(!up_to_date(&options));
    assert_eq!(relative_tree(&out), expected);
    // A folder or a file added is someone's: refused, and left alone.
    fs::create_dir(out.join("folder")).unwrap();
    let error = clausier::build(&options)
        .err()
        .expect("a stray folder is refused");
    assert!(error.to_string().contains("(folder/)"), "{error}");
    fs::remove_dir(out.join("folder")).unwrap();
    fs::write(out.join("stray.txt"), "mine").unwrap();
    let error = clausier::build(&options)
        .err()
        .expect("a stray file is refused");
    assert!(error.to_string().contains("stray.txt"), "{error}");
    fs::remove_file(out.join("stray.txt")).unwrap();
    assert!(
        up_to_date(&options),
        "the output is as the last build left it"
    );

    // Other options.
    let french = BuildOptions {
        langs: vec![Lang::FRENCH],
        ..options.clone()
    };
    assert!(!up_to_date(&french));
    let links: Vec<u64> = relative_tree(&out)
        .keys()
        .map(|file| fs::metadata(out.join(file)).unwrap().nlink())
        .collect();
    assert!(links.iter().all(|&n| n == 1), "kept files are linked once");
    assert!(up_to_date(&french));
    assert!(!up_to_date(&options));
    assert_eq!(relative_tree(&out), expected);

    // A new file in a folder the build lists: read, and refused.
    fs::write(dir.join("releases/dpa/1.9.json"), "{}").unwrap();
    assert!(
        clausier::build(&options).is_err(),
        "the new release is read"
    );
    fs::remove_file(dir.join("releases/dpa/1.9.json")).unwrap();
    assert!(up_to_date(&options));

    // A clause changed: the draft is published, and such a build is not
    // recorded (it must say so again next time).
    edit(
        &dir.join("contracts/dpa/en.md"),
        "This DPA comes into force",
        "This agreement comes into force",
    );
    assert!(clausier::build(&options).is_err(), "unreleased changes");
    let drafts = build_options(&dir, &out, true, true);
    assert!(!up_to_date(&drafts));
    assert!(!up_to_date(&drafts), "drafts are said every time");
    up_to_date(&build_options(&dir, &fresh, true, false));
    assert_eq!(relative_tree(&out), relative_tree(&fresh));
}

#[test]
fn a_record_naming_files_outside_the_corpus_is_not_trusted_and_what_is_not_ours_stays() {
    let dir = scratch("build-record");
    copy_corpus(&dir);
    let out = dir.join("out");
    let options = build_options(&dir, &out, false, true);
    up_to_date(&options);
    let record = dir.join(".out.cache/build.json");
    let text = fs::read_to_string(&record).unwrap();
    assert!(text.contains("\"generator\":\"clausier\""), "{text}");

    // A record naming a file outside the corpus, with that file's true
    // hash: the file is never read, so the record is not trusted.
    let outside = dir.join("secret.txt");
    fs::write(&outside, "secret").unwrap();
    let digest = clausier::corpus::records::sha256_hex(b"secret");
    let question = format!("{{\"read\":{{\"path\":\"../secret.txt\",\"sha256\":\"{digest}\"}}}},");
    let tampered = text.replacen("\"consulted\":[", &format!("\"consulted\":[{question}"), 1);
    assert_ne!(tampered, text);
    fs::write(&record, &tampered).unwrap();
    assert!(!up_to_date(&options));

    // What clausier did not write at the record's place stays as it is.
    fs::write(&record, "my notes").unwrap();
    assert!(!up_to_date(&options));
    assert!(!up_to_date(&options), "no record was written");
    assert_eq!(fs::read_to_string(&record).unwrap(), "my notes");
    fs::remove_dir_all(dir.join(".out.cache")).unwrap();
    fs::write(dir.join(".out.cache"), "a file").unwrap();
    assert!(!up_to_date(&options));
    assert!(!up_to_date(&options));
    assert_eq!(
        fs::read_to_string(dir.join(".out.cache")).unwrap(),
        "a file"
    );
}
