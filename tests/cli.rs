//! The `newsdesk` binary on good and bad input: every subcommand, every failure message.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

fn newsdesk() -> Command {
    let mut command = Command::cargo_bin("newsdesk").expect("the binary is built");
    command.env_remove("NO_COLOR");
    command
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/wire")
        .join(name)
}

fn write(dir: &TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("temp file");
    path
}

fn json_lines(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect()
}

const KUNA: &str = " date 2025-02-11 (MENAFN- Kuwait News Agency (KUNA)) KUWAIT, Feb 11 (KUNA) -- The Cabinet approved a draft law on Tuesday.\n\nThe minister said the law would take effect next year. (end)\nmke\n";

#[test]
fn no_arguments_lists_the_bundled_samples() {
    let output = newsdesk().assert().success().get_output().stdout.clone();
    let text = String::from_utf8(output).expect("UTF-8");
    let blocks = text
        .split("\n\n")
        .filter(|b| b.contains("  source    samples/"))
        .count();
    assert!(blocks >= 16, "{blocks} sample articles listed");
    for agency in ["KUNA", "Reuters", "WAM", "Xinhua", "AP", "TASS", "Bernama", "QNA"] {
        assert!(
            text.contains(&format!("  {agency}  ")),
            "no {agency} sample in\n{text}"
        );
    }
}

#[test]
fn help_explains_with_examples() {
    newsdesk()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("parse").and(predicate::str::contains("Examples")));
    newsdesk().args(["parse", "--help"]).assert().success().stdout(
        predicate::str::contains("--jsonl")
            .and(predicate::str::contains("Exit status"))
            .and(predicate::str::contains("newsdesk parse --jsonl wires/")),
    );
}

#[test]
fn parse_without_paths_is_a_usage_error() {
    newsdesk().arg("parse").assert().code(2);
}

#[test]
fn summary_names_date_agency_dateline_title_and_lead() {
    let dir = TempDir::new().expect("temp dir");
    let path = write(&dir, "kuna.txt", KUNA.as_bytes());
    newsdesk().arg("parse").arg(&path).assert().success().stdout(
        predicate::str::starts_with("2025-02-11  KUNA  Kuwait\n")
            .and(predicate::str::contains(
                "  dateline  KUWAIT, Feb 11 (KUNA) · Kuwait · 2025-02-11",
            ))
            .and(predicate::str::contains(
                "  body      2 paragraphs: The Cabinet approved a draft law on Tuesday.",
            )),
    );
}

#[test]
fn jsonl_output_reads_back_unchanged() {
    let dir = TempDir::new().expect("temp dir");
    let source = fixture("01-menafn-kuna-history.txt");
    let first = newsdesk()
        .args(["parse", "--jsonl"])
        .arg(&source)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let articles = json_lines(&first);
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0]["agency"]["abbr"], "KUNA");
    let saved = write(&dir, "articles.jsonl", &first);
    let second = newsdesk()
        .args(["parse", "--jsonl"])
        .arg(&saved)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8_lossy(&first), String::from_utf8_lossy(&second));
}

#[test]
fn json_array_output_reads_back_unchanged() {
    let dir = TempDir::new().expect("temp dir");
    let first = newsdesk()
        .args(["parse", "--json", "--samples"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let array: Value = serde_json::from_slice(&first).expect("a JSON array");
    assert!(array.as_array().is_some_and(|a| a.len() >= 16));
    let saved = write(&dir, "articles.json", &first);
    let second = newsdesk()
        .args(["parse", "--json"])
        .arg(&saved)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8_lossy(&first), String::from_utf8_lossy(&second));
}

#[test]
fn export_shapes_go_through_the_parser() {
    let dir = TempDir::new().expect("temp dir");
    let export = r#"{"articles":[{"source":{"name":"Reuters"},"title":"Oil rises","publishedAt":"2026-10-08T09:15:00Z","content":"DUBAI, Oct 8 (Reuters) - Oil rose on Thursday.\n\n(Reporting by Jane Roe)"}]}"#;
    let path = write(&dir, "export.json", export.as_bytes());
    let output = newsdesk()
        .args(["parse", "--jsonl"])
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let article = &json_lines(&output)[0];
    assert_eq!(article["title"], "Oil rises");
    assert_eq!(article["dateline"]["place"], "Dubai");
    assert_eq!(article["dateline"]["date"], "2026-10-08");
    assert_eq!(article["published"], "2026-10-08T09:15:00+00:00");
    assert_eq!(article["published_from"], "json");
    assert_eq!(article["body"], "Oil rose on Thursday.");
    assert_eq!(article["trailer"][0], "(Reporting by Jane Roe)");
}

#[test]
fn standard_input_text_and_json() {
    let output = newsdesk()
        .args(["parse", "--jsonl", "-"])
        .write_stdin(KUNA)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let article = &json_lines(&output)[0];
    assert_eq!(article["source"]["path"], "-");
    assert_eq!(article["dateline"]["text"], "KUWAIT, Feb 11 (KUNA)");
    let json = r#"[{"headline":"H","text":"AMMAN, Sept 19 (Petra) - The ministry said."}]"#;
    let output = newsdesk()
        .args(["parse", "--jsonl", "-"])
        .write_stdin(json)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(json_lines(&output)[0]["agency"]["abbr"], "Petra");
}

#[test]
fn folders_are_read_recursively_and_failures_do_not_stop_the_rest() {
    let dir = TempDir::new().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("sub/.hidden")).expect("dirs");
    write(&dir, "a.txt", KUNA.as_bytes());
    write(&dir, "sub/b.txt", b"\x00\x01\x02binary");
    write(&dir, "sub/c.txt", KUNA.replace("Feb 11", "Feb 12").as_bytes());
    write(&dir, "sub/.hidden/d.txt", KUNA.as_bytes());
    let binary = dir.path().join("sub/b.txt");
    let assert = newsdesk()
        .args(["parse", "--jsonl"])
        .arg(dir.path())
        .assert()
        .code(1);
    let output = assert.get_output();
    assert_eq!(json_lines(&output.stdout).len(), 2);
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        format!("newsdesk: {}: not text\n", binary.display())
    );
}

#[test]
fn bad_inputs_get_one_line_each() {
    let dir = TempDir::new().expect("temp dir");
    let cases: Vec<(PathBuf, String)> = vec![
        (
            write(&dir, "binary.txt", b"PK\x03\x04\x00\x00zip"),
            "not text".to_string(),
        ),
        (write(&dir, "empty.txt", b""), "empty file".to_string()),
        (write(&dir, "blank.txt", b"  \n\n \t\n"), "empty file".to_string()),
        (
            write(&dir, "punct.txt", b"!!! ... ??? --- *** ((( )))"),
            "no article found".to_string(),
        ),
        (
            write(
                &dir,
                "bad.jsonl",
                b"{\"title\":\"a\",\"text\":\"b\"}\n{\"title\": \"c\", \"text\": }\n",
            ),
            "invalid JSON at line 2, column 24: expected value".to_string(),
        ),
        (
            write(&dir, "cut.json", b"[{\"title\": \"Oil\", \"body\": \"KUWAIT"),
            "invalid JSON at line 1, column 33: EOF while parsing a string".to_string(),
        ),
        (
            dir.path().join("missing.txt"),
            "cannot read: No such file or directory".to_string(),
        ),
    ];
    for (path, message) in cases {
        newsdesk()
            .arg("parse")
            .arg(&path)
            .assert()
            .code(1)
            .stdout("")
            .stderr(format!("newsdesk: {}: {message}\n", path.display()));
    }
}

#[test]
fn an_invalid_own_schema_item_is_named() {
    let dir = TempDir::new().expect("temp dir");
    let item =
        r#"{"id":"0123456789abcdef","source":{"path":"x","index":0},"body":"text","published":"soon"}"#;
    let path = write(&dir, "own.jsonl", item.as_bytes());
    newsdesk()
        .arg("parse")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(format!(
            "newsdesk: {}: invalid JSON at line 1, column 1: not a valid newsdesk article:",
            path.display()
        )));
}

#[test]
fn latin1_text_is_decoded() {
    let dir = TempDir::new().expect("temp dir");
    let path = write(
        &dir,
        "fr.txt",
        b"KOWE\xcfT, 16 Septembre (KUNA) \x96 Le ministre a re\xe7u l'ambassadeur.\n(FIN)\n",
    );
    let output = newsdesk()
        .args(["parse", "--jsonl"])
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let article = &json_lines(&output)[0];
    assert_eq!(article["dateline"]["place"], "Koweït");
    assert_eq!(article["body"], "Le ministre a reçu l'ambassadeur.");
}

#[test]
fn control_and_escape_characters_never_reach_the_output() {
    let dir = TempDir::new().expect("temp dir");
    let text = "KUWAIT, March 26 (KUNA) -- The \u{1b}]0;owned\u{7}Cabinet \u{1b}[31mmet\u{1b}[0m on\u{9b} Tuesday.\u{0c}\n";
    let path = write(&dir, "escape.txt", text.as_bytes());
    let output = newsdesk()
        .arg("parse")
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let shown = String::from_utf8(output).expect("UTF-8");
    assert!(!shown.chars().any(|c| c.is_control() && c != '\n'), "{shown:?}");
    assert!(shown.contains("The Cabinet met on Tuesday."), "{shown}");
}

#[test]
fn a_yearless_dateline_takes_the_year_from_the_file_time() {
    let dir = TempDir::new().expect("temp dir");
    let path = write(
        &dir,
        "old.txt",
        b"BEIRUT, Nov 20 (NNA) - The cabinet met on Monday.\n",
    );
    // 2025-11-19 12:00 UTC: the 19th in every time zone within eleven hours of UTC.
    let mtime = filetime::FileTime::from_unix_time(1_763_553_600, 0);
    filetime::set_file_mtime(&path, mtime).expect("set mtime");
    let output = newsdesk()
        .args(["parse", "--jsonl"])
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let article = &json_lines(&output)[0];
    assert_eq!(article["dateline"]["date"], "2024-11-20");
    assert_eq!(article["dateline"]["year_from"], "file-mtime");
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    use std::process::Stdio;
    // The pretty JSON of the samples is larger than a pipe's buffer: newsdesk must meet the
    // closed pipe and stop quietly.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsdesk"))
        .args(["parse", "--json", "--samples"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut first = [0u8; 16];
    child
        .stdout
        .take()
        .expect("piped")
        .read_exact(&mut first)
        .expect("some output");
    let output = child.wait_with_output().expect("exits");
    assert!(output.status.success(), "{:?}", output.status);
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}
