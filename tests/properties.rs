//! No input makes the parser panic: arbitrary strings and bytes, token soups of wire-copy
//! pieces, and the fixtures mutated at random. Every result keeps the model's invariants.

use std::path::Path;
use std::sync::LazyLock;

use newsdesk::article::Article;
use newsdesk::input::{Format, read_bytes};
use newsdesk::wire::{Origin, parse};
use proptest::prelude::*;

fn origin() -> Origin {
    Origin {
        path: "prop.txt".to_string(),
        mtime: chrono::NaiveDate::from_ymd_opt(2026, 11, 25),
    }
}

/// The invariants of parsed articles.
fn check(articles: &[Article]) {
    for (index, article) in articles.iter().enumerate() {
        assert_eq!(article.source.index, index);
        assert!(!article.body.contains("\n\n\n"), "{:?}", article.body);
        assert_eq!(article.body.trim(), article.body);
        let texts = [
            Some(&article.body),
            article.title.as_ref(),
            article.byline.as_ref(),
        ];
        for text in texts.into_iter().flatten() {
            assert!(
                !text.chars().any(|c| c.is_control() && c != '\n'),
                "control character in {text:?}"
            );
        }
        if let Some(dateline) = &article.dateline {
            assert!(!dateline.text.contains('\n') || dateline.text.len() < 300);
        }
    }
}

fn parse_and_check(text: &str) {
    let articles = parse(text, &origin());
    check(&articles);
    assert_eq!(articles, parse(text, &origin()), "parsing is deterministic");
}

/// Pieces of wire copy, to build texts that reach deep into the parser.
const PIECES: &[&str] = &[
    "Minister of",
    "Sheikh",
    "Al-Sabah",
    "bin",
    "Foreign Minister",
    "Secretary",
    "His Highness the Amir",
    "Ahmed",
    "Dr.",
    "USD",
    "2.1",
    "Sea",
    "U.S.",
    "GCC",
    "Gulf Cooperation Council",
    "Tuesday",
    "last week",
    "KUWAIT",
    "KUALA LUMPUR",
    "Doha",
    "Petra",
    "(KUNA)",
    "(NNN-PETRA)",
    "(Reuters)",
    "(AP)",
    " -- ",
    " — ",
    " – ",
    "-",
    ":",
    "_",
    ", ",
    " ",
    "\n",
    "\n\n",
    "March 26",
    "Sept. 1",
    "14 May 2022",
    "29th November, 2015",
    "Tuesday, ",
    " date 2024-03-26 ",
    " date 2020-03 ",
    "(MENAFN- ",
    "Kuwait News Agency (KUNA)",
    ")",
    "(",
    "(MENAFN)",
    "(end)",
    " mke",
    "(more)",
    "hb",
    "KUNA 231837 Nov 07NNNN",
    "MENAFN26032024000071011013ID1107993908",
    "Legal Disclaimer:",
    " Reuter",
    "-- BERNAMA",
    "— AFP",
    "(Reporting by Jane Roe; Editing by John Doe)",
    "By Jane Roe",
    "Source: Xinhua| 2019-07-14 06:12:55|Editor: lu",
    ". /TASS/. ",
    " / Trend /",
    "[Qatar]",
    "The minister said the talks would resume.",
    "\"We will act,\" he said.",
    "1993 -- ",
    "A+ A-",
    "<p>",
    "</p>",
    "<!DOCTYPE html>",
    "Check Also",
    "// انتهى //",
    "KOWEÏT",
    "é",
    "\u{1b}[31m",
    "\t",
    "\r\n",
    "\u{a0}",
    "***",
    "<DD>",
    "    ",
];

fn wire_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|pieces| pieces.concat())
}

static FIXTURES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wire");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|path| String::from_utf8_lossy(&std::fs::read(path).expect("fixture")).into_owned())
        .collect()
});

/// One edit of a text, in characters.
#[derive(Debug, Clone)]
enum Mutation {
    Delete { at: usize, len: usize },
    Insert { at: usize, text: String },
    Duplicate { at: usize, len: usize },
    Truncate { at: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1..40usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), prop_oneof![wire_soup(), any::<String>()])
            .prop_map(|(at, text)| Mutation::Insert { at, text }),
        (any::<usize>(), 1..200usize).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
    ]
}

fn apply(text: &str, mutation: &Mutation) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let n = chars.len().max(1);
    match mutation {
        Mutation::Delete { at, len } => {
            let start = at % n;
            let end = (start + len).min(chars.len());
            chars.drain(start.min(end)..end);
        }
        Mutation::Insert { at, text } => {
            let at = at % n;
            let at = at.min(chars.len());
            chars.splice(at..at, text.chars());
        }
        Mutation::Duplicate { at, len } => {
            let start = (at % n).min(chars.len());
            let end = (start + len).min(chars.len());
            let copy: Vec<char> = chars[start..end].to_vec();
            chars.splice(end..end, copy);
        }
        Mutation::Truncate { at } => chars.truncate(at % n),
    }
    chars.into_iter().collect()
}

/// Annotation invariants: spans on char boundaries, in order, entities never overlapping.
fn annotate_and_check(text: &str) {
    let annotations = newsdesk::annotate::annotate(text, chrono::NaiveDate::from_ymd_opt(2026, 10, 7));
    let mut previous_end = 0;
    for entity in &annotations.entities {
        assert!(entity.span.start < entity.span.end, "{entity:?}");
        assert!(entity.span.start >= previous_end, "overlap at {entity:?}");
        assert!(text.is_char_boundary(entity.span.start) && text.is_char_boundary(entity.span.end));
        assert!(!entity.canonical.is_empty());
        previous_end = entity.span.end;
    }
    for time in &annotations.times {
        assert!(
            time.start < time.end && text.is_char_boundary(time.start) && text.is_char_boundary(time.end)
        );
    }
    let json = newsdesk::annotate::output::json_entities(text, &annotations);
    let chars = text.chars().count();
    assert!(
        json.iter()
            .all(|item| item.start <= item.end && item.end <= chars)
    );
    for statement in &annotations.statements {
        let spans = [statement.speaker, statement.cue, Some(statement.content)];
        for span in spans.into_iter().flatten() {
            assert!(span.start < span.end && span.end <= text.len(), "{statement:?}");
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
    }
    let said = newsdesk::annotate::output::json_statements(text, &annotations);
    assert!(
        said.iter()
            .all(|s| s.content.start < s.content.end && s.content.end <= chars)
    );
    let marked = newsdesk::annotate::output::markup(text, &annotations);
    assert!(marked.len() >= text.len());
}

proptest! {
    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        parse_and_check(&text);
        annotate_and_check(&text);
    }

    #[test]
    fn wire_copy_soup(text in wire_soup()) {
        parse_and_check(&text);
        annotate_and_check(&text);
    }

    #[test]
    fn mutated_fixtures(index in any::<usize>(), mutations in prop::collection::vec(mutation(), 1..6)) {
        let fixtures = &*FIXTURES;
        let mut text = fixtures[index % fixtures.len()].clone();
        for mutation in &mutations {
            text = apply(&text, mutation);
        }
        parse_and_check(&text);
        annotate_and_check(&text);
    }

    #[test]
    fn arbitrary_bytes_in_every_format(bytes in prop::collection::vec(any::<u8>(), 0..1500)) {
        for format in [Format::Text, Format::Json, Format::JsonLines, Format::Sniff] {
            if let Ok(articles) = read_bytes(&bytes, format, &origin()) {
                check(&articles);
            }
        }
    }
}

/// Inputs built to trip a careless scanner; each must simply finish (the benchmark measures
/// that the time stays linear).
#[test]
fn pathological_inputs_finish() {
    let size = 200_000;
    let repeat = |piece: &str| piece.repeat(size / piece.len());
    let inputs = [
        "a".repeat(size),
        repeat("("),
        repeat("(MENAFN- ("),
        repeat("KUWAIT, "),
        repeat("KUWAIT KUWAIT "),
        repeat("March 26 "),
        repeat("-- "),
        repeat("(end) "),
        repeat("\n"),
        repeat(" date 2024-03-26\n"),
        repeat("KUWAIT, March 26 (KUNA) -- x\n"),
        repeat("<p>"),
        repeat("&amp;"),
        repeat("By Jane Roe "),
        repeat("A\n\n"),
        repeat("ALGIERS- "),
        format!("{} (end)", "word ".repeat(size / 5)),
        repeat("he said \"we said "),
        repeat("“"),
        repeat("Minister Al-Sabah: “ "),
        repeat("The talks will resume, sources said, he added. "),
        repeat("quoted the minister as saying "),
    ];
    for input in &inputs {
        check(&parse(input, &origin()));
        // The annotator sees a tenth of each input: enough to trip a quadratic scan in a
        // debug build, small enough to stay quick.
        let cut = (0..=input.len() / 10)
            .rev()
            .find(|&i| input.is_char_boundary(i))
            .unwrap_or(0);
        annotate_and_check(&input[..cut]);
    }
}
