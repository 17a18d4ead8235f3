use super::render::wants_color;
use super::*;

fn at(path: &str, text: &str, offset: usize) -> Location {
    Location::at_offset(Path::new(path), text, offset)
}

#[test]
fn prints_title_location_source_line_marker_note_and_help() {
    let text = "a: 1\nname: Crsip\n";
    let diagnostic = Diagnostic::error(Code::YamlSyntax, "unknown sub-processor `Crsip`")
        .at(at("annexes/x.yaml", text, 11), text)
        .with_note("sub-processors are listed once")
        .with_help("did you mean `crisp`?");
    assert_eq!(
        diagnostic.to_string(),
        "error[E0101]: unknown sub-processor `Crsip`
 --> annexes/x.yaml:2:7
  |
2 | name: Crsip
  |       ^
  |
  = note: sub-processors are listed once
  = help: did you mean `crisp`?
"
    );
}

#[test]
fn marks_the_place_after_a_tab_and_under_a_wide_character() {
    // A tab is drawn as four spaces; `漢` and `字` take two cells each.
    let text = "\t- 漢字: Crsip\n";
    let after_tab =
        Diagnostic::warning(Code::YamlSyntax, "after a tab").at(at("a.yaml", text, 1), text);
    assert_eq!(
        after_tab.to_string(),
        "warning[E0101]: after a tab
 --> a.yaml:1:2
  |
1 |     - 漢字: Crsip
  |     ^
"
    );
    let wide = Diagnostic::error(Code::YamlSyntax, "under a wide character")
        .at(at("a.yaml", text, text.find('字').unwrap()), text);
    assert_eq!(
        wide.to_string(),
        "error[E0101]: under a wide character
 --> a.yaml:1:5
  |
1 |     - 漢字: Crsip
  |         ^^
"
    );
    let after_wide = Diagnostic::error(Code::YamlSyntax, "after wide characters")
        .at(at("a.yaml", text, text.find("Crsip").unwrap()), text);
    let marker = after_wide.to_string().lines().nth(4).unwrap().to_string();
    assert_eq!(marker, format!("  | {}^", " ".repeat(4 + 2 + 4 + 2)));
}

#[test]
fn prints_no_terminal_escape_from_the_input() {
    let text = "name: \u{1b}[2Jx\u{1b}y\n";
    let location = at("a\u{1b}.yaml", text, text.rfind('y').unwrap());
    let diagnostic = Diagnostic::error(Code::YamlSyntax, "bad `\u{1b}[2J`")
        .at(location, text)
        .with_related(Related::at(at("b.yaml", text, 0), text, "\u{9b}31m"))
        .with_note("\u{202e}")
        .with_help("\u{7}");
    for styled in [false, true] {
        let shown = diagnostic.render(styled);
        assert!(
            !shown.contains(['\u{202e}', '\u{7}', '\u{9b}']),
            "{shown:?}"
        );
        // Escape codes come from the renderer only: the input's are written
        // visibly.
        assert_eq!(shown.contains('\u{1b}'), styled, "{shown:?}");
        assert!(shown.contains("a\\u{1b}.yaml:1:13"), "{shown:?}");
    }
    let plain = diagnostic.to_string();
    // The column of the file, and the marker under the `y` of the line as
    // shown, after `\u{1b}[2Jx\u{1b}` written visibly.
    assert_eq!(
        plain.lines().take(5).collect::<Vec<_>>(),
        [
            "error[E0101]: bad `\\u{1b}[2J`",
            " --> a\\u{1b}.yaml:1:13",
            "  |",
            "1 | name: \\u{1b}[2Jx\\u{1b}y",
            &format!("  | {}^", " ".repeat(6 + 6 + 4 + 6)),
        ]
    );
}

#[test]
fn long_source_lines_are_cut_around_the_place() {
    let line = format!("{}X{}", "a".repeat(500), "b".repeat(500));
    let shown = Diagnostic::error(Code::YamlSyntax, "long")
        .at(at("l.md", &line, 500), &line)
        .to_string();
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines[1], " --> l.md:1:501");
    assert!(lines[3].starts_with("1 | ...a") && lines[3].ends_with("b..."));
    assert!(lines[3].chars().count() < 160, "{}", lines[3]);
    let column = lines[3].find('X').unwrap();
    assert_eq!(lines[4].find('^'), Some(column));
}

#[test]
fn shows_a_related_place_in_another_file_with_its_label() {
    let first = "# Labels\npage-contents = Contents\n";
    let text = "page-version = Version\npage-contents = Table\n";
    let diagnostic = Diagnostic::error(
        Code::YamlSyntax,
        "the message `page-contents` is defined twice",
    )
    .at(at("locales/en/versions.ftl", text, 23), text)
    .with_related(Related::at(
        at("locales/en/documents.ftl", first, 9),
        first,
        "first defined here",
    ))
    .with_help("keep one definition");
    assert_eq!(
        diagnostic.to_string(),
        "error[E0101]: the message `page-contents` is defined twice
 --> locales/en/versions.ftl:2:1
  |
2 | page-contents = Table
  | ^
  |
 ::: locales/en/documents.ftl:2:1
  |
2 | page-contents = Contents
  | - first defined here
  |
  = help: keep one definition
"
    );
}

#[test]
fn a_related_place_on_the_same_line_is_marked_on_it() {
    let text = "subprocessors: [ovh, brevo, ovh]\n";
    let diagnostic = Diagnostic::error(Code::YamlSyntax, "`ovh` is listed twice")
        .at(at("p.yaml", text, 28), text)
        .with_related(Related::at(at("p.yaml", text, 16), text, "first here"));
    assert_eq!(
        diagnostic.to_string(),
        "error[E0101]: `ovh` is listed twice
 --> p.yaml:1:29
  |
1 | subprocessors: [ovh, brevo, ovh]
  |                 -           ^
  |                 |
  |                 first here
"
    );
}

#[test]
fn prints_every_problem_then_the_count_and_how_to_read_about_their_codes() {
    let mut all = Diagnostics::default();
    all.push(Diagnostic::warning(Code::UnusedLabel, "two").at(at("x", "abc\n", 1), "abc\n"));
    all.push(Diagnostic::error(Code::YamlSyntax, "one"));
    assert_eq!(
        all.to_string(),
        "error[E0101]: one\n\nwarning[W0301]: two\n --> x:1:2\n  |\n1 | abc\n  |  ^\n\n1 error(s), 1 warning(s)\n\
         run `clausier explain CODE` for more about a kind of problem: E0101, W0301"
    );
    let mut one = Diagnostics::default();
    one.push(Diagnostic::error(Code::YamlSyntax, "one"));
    assert!(
        one.to_string()
            .ends_with("\nrun `clausier explain E0101` for more about this kind of problem"),
        "{one}"
    );
    assert_eq!(
        render_message(Severity::Error, "unknown `\u{1b}`", false),
        "error: unknown `\\u{1b}`"
    );
}

#[test]
fn colours_only_when_asked_or_on_a_terminal_without_no_color() {
    let text = "name: Crsip\n";
    let diagnostic = Diagnostic::error(Code::YamlSyntax, "unknown").at(at("a.yaml", text, 6), text);
    assert!(diagnostic.render(true).contains("\u{1b}[1m\u{1b}[91merror"));
    assert!(!diagnostic.render(false).contains('\u{1b}'));
    let set = |value: &str| Some(std::ffi::OsString::from(value));
    // --color always: even into a pipe, even with NO_COLOR.
    assert!(wants_color(ColorChoice::Always, false, set("1"), None));
    // --color never: not even on a terminal.
    assert!(!wants_color(ColorChoice::Never, true, None, set("xterm")));
    // auto: a terminal, unless NO_COLOR says otherwise or it is dumb.
    assert!(wants_color(ColorChoice::Auto, true, None, set("xterm")));
    assert!(!wants_color(ColorChoice::Auto, false, None, set("xterm")));
    assert!(!wants_color(ColorChoice::Auto, true, set("1"), None));
    assert!(wants_color(ColorChoice::Auto, true, set(""), None));
    assert!(!wants_color(ColorChoice::Auto, true, None, set("dumb")));
}

#[test]
fn a_place_past_the_end_of_its_file_is_on_an_empty_line() {
    let diagnostic =
        Diagnostic::error(Code::YamlSyntax, "this file is empty").at(at("a.yaml", "", 0), "");
    assert_eq!(
        diagnostic.to_string(),
        "error[E0101]: this file is empty\n --> a.yaml:1:1\n  |\n1 |\n  | ^\n"
    );
}

#[test]
fn any_line_and_column_renders() {
    // Joiners the renderer drops, tabs, wide and combining characters,
    // controls it pictures and controls only `visible` escapes, a carriage
    // return: the mark lands somewhere sensible and nothing panics.
    let line = "a\u{200d}b\t漢\u{301}\u{1b}\u{9b}\r🙂\u{202e}\u{fe0f}x\u{0}";
    let text = format!("{line}\n{line}");
    let length = line.chars().count();
    for column in 1..=length + 2 {
        for related in [1, column] {
            let location = Location {
                path: "p\u{1b}.md".into(),
                line: 2,
                column,
            };
            let first = Location {
                line: 1,
                column: related,
                ..location.clone()
            };
            let diagnostic = Diagnostic::warning(Code::YamlSyntax, "w")
                .at(location, &text)
                .with_related(Related::at(first, &text, "here"));
            for styled in [false, true] {
                let shown = diagnostic.render(styled);
                assert!(
                    shown.contains(&format!("p\\u{{1b}}.md:2:{column}")),
                    "{shown}"
                );
                assert!(
                    !shown.contains(['\u{9b}', '\u{202e}', '\u{0}', '\r']),
                    "{shown:?}"
                );
            }
        }
    }
}
