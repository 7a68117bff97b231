//! The library through the binary: import, reindex, list, show, stats and export on the
//! bundled sample articles, the filter language end to end, bad library files, and an import
//! killed half-way.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use assert_cmd::Command;
use newsdesk::annotate::ANNOTATOR_VERSION;
use newsdesk::printed::printout::thousands;
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

fn newsdesk(library: &Path) -> Command {
    let mut command = Command::cargo_bin("newsdesk").expect("the binary is built");
    command
        .env_remove("NO_COLOR")
        .env_remove("NEWSDESK_LIBRARY")
        .arg("--library")
        .arg(library);
    command
}

fn stdout(command: &mut Command) -> String {
    let output = command.assert().success().get_output().stdout.clone();
    String::from_utf8(output).expect("UTF-8")
}

fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect()
}

/// A library holding the sample articles; the number of articles.
fn sample_library() -> (TempDir, PathBuf, usize) {
    let dir = TempDir::new().expect("temp dir");
    let library = dir.path().join("library.db");
    let printed = stdout(newsdesk(&library).args(["import", "--samples"]));
    let count: usize = printed
        .split(' ')
        .next()
        .and_then(|n| n.replace(',', "").parse().ok())
        .unwrap_or_else(|| panic!("a count in {printed:?}"));
    assert!(count >= 25, "{printed}");
    (dir, library, count)
}

/// The listed articles of a filter, as JSON.
fn list(library: &Path, filter: &[&str]) -> Vec<Value> {
    let mut command = newsdesk(library);
    command.args(["list", "--json", "--limit", "0"]).args(filter);
    json_lines(&stdout(&mut command))
}

/// An article with its annotations, as `show --json` prints it.
fn show(library: &Path, id: &str) -> Value {
    let text = stdout(newsdesk(library).args(["show", "--json", id]));
    serde_json::from_str(&text).expect("show --json prints JSON")
}

#[test]
fn importing_twice_stores_each_article_once() {
    let (_dir, library, count) = sample_library();
    newsdesk(&library)
        .args(["import", "--samples"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(format!(
            "0 imported, {count} already in the library, 0 files failed"
        )));
    assert_eq!(list(&library, &[]).len(), count);
}

#[test]
fn import_reports_each_failed_file_and_keeps_the_rest() {
    let dir = TempDir::new().expect("temp dir");
    let library = dir.path().join("library.db");
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).expect("dir");
    std::fs::write(
        inputs.join("a.txt"),
        "KUWAIT, Feb 11 (KUNA) -- The Cabinet approved a draft law on Tuesday. (end)\n",
    )
    .expect("write");
    std::fs::write(inputs.join("b.txt"), [0u8, 159, 146, 150, 0, 0]).expect("write");
    std::fs::write(inputs.join("c.json"), "{\"articles\": [").expect("write");
    newsdesk(&library)
        .arg("import")
        .arg(&inputs)
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with(
            "1 imported, 0 already in the library, 2 files failed",
        ))
        .stderr(predicate::str::contains(format!(
            "newsdesk: {}: not text\n",
            inputs.join("b.txt").display()
        )))
        .stderr(predicate::str::contains(format!(
            "newsdesk: {}: invalid JSON at line 1, column 14: EOF while parsing a list\n",
            inputs.join("c.json").display()
        )));
    assert_eq!(list(&library, &[]).len(), 1);
}

#[test]
fn filters_select_what_they_name() {
    let (_dir, library, count) = sample_library();
    let kuna = list(&library, &["agency:KUNA"]);
    assert!(
        kuna.len() >= 5 && kuna.iter().all(|a| a["agency"] == "KUNA"),
        "{kuna:?}"
    );
    let by_name = list(&library, &["agency:\"Kuwait News Agency\""]);
    assert_eq!(by_name, kuna, "a full name selects the same agency");
    let not_kuna = list(&library, &["-agency:KUNA"]);
    assert_eq!(not_kuna.len() + kuna.len(), count);
    assert!(not_kuna.iter().all(|a| a["agency"] != "KUNA"));

    let october = list(&library, &["date:2026-10"]);
    assert!(!october.is_empty());
    assert!(
        october
            .iter()
            .all(|a| a["date"].as_str().is_some_and(|d| d.starts_with("2026-10-")))
    );
    let range = list(&library, &["date:2026-10-05..2026-10-07"]);
    assert!(range.iter().all(|a| {
        let date = a["date"].as_str().unwrap_or("");
        ("2026-10-05"..="2026-10-07").contains(&date)
    }));
    assert!(!range.is_empty() && range.len() < october.len());

    let washington = list(&library, &["place:washington"]);
    assert!(!washington.is_empty() && washington.iter().all(|a| a["place"] == "Washington"));

    let minister = "Abdulwahab Saud Al-Rifai";
    let by_entity = list(&library, &[&format!("entity:\"{minister}\"")]);
    assert!(by_entity.len() >= 2, "{by_entity:?}");
    for article in &by_entity {
        let shown = show(&library, article["id"].as_str().unwrap_or(""));
        let entities = shown["entities"].as_array().expect("entities");
        assert!(entities.iter().any(|e| e["canonical"] == minister), "{shown}");
    }
    let by_surname = list(&library, &["entity:Al-Rifai"]);
    assert!(
        by_surname.len() >= by_entity.len(),
        "a mention's spelling finds its articles too"
    );

    let by_speaker = list(&library, &["speaker:Ferrante"]);
    assert!(!by_speaker.is_empty());
    for article in &by_speaker {
        let shown = show(&library, article["id"].as_str().unwrap_or(""));
        let statements = shown["statements"].as_array().expect("statements");
        assert!(
            statements
                .iter()
                .any(|s| s["speaker"]["canonical"] == "Nadia Ferrante"),
            "{shown}"
        );
    }

    let desalination = list(&library, &["desalination"]);
    assert!(desalination.len() >= 3);
    let phrase = list(&library, &["\"desalination plants\""]);
    assert!(!phrase.is_empty() && phrase.len() <= desalination.len());
    // A phrase ending in `*`: its last word is a prefix (what the reader's search sends while
    // a phrase is being typed).
    let begun = list(&library, &["\"desalination pla*\""]);
    assert!(phrase.iter().all(|a| begun.contains(a)), "{begun:?}");
    assert!(list(&library, &["\"desalination plx*\""]).is_empty());
    let without = list(&library, &["-desalination"]);
    assert_eq!(without.len() + desalination.len(), count);
    let both = list(&library, &["agency:KUNA", "desalination"]);
    assert!(
        both.iter()
            .all(|a| a["agency"] == "KUNA" && desalination.contains(a))
    );

    assert!(list(&library, &["is:starred"]).is_empty());
    assert_eq!(list(&library, &["is:unread"]).len(), count);
}

#[test]
fn list_sorts_and_limits() {
    let (_dir, library, _count) = sample_library();
    let dates = |sort: &str| -> Vec<String> {
        let mut command = newsdesk(&library);
        command.args(["list", "--json", "--limit", "0", "--sort", sort, "agency:KUNA"]);
        json_lines(&stdout(&mut command))
            .iter()
            .map(|a| a["date"].as_str().unwrap_or("").to_string())
            .collect()
    };
    let newest = dates("-date");
    let mut oldest = dates("date");
    assert!(newest.windows(2).all(|w| w[0] >= w[1]), "{newest:?}");
    oldest.reverse();
    assert_eq!(oldest, newest);
    let by_agency = stdout(newsdesk(&library).args(["list", "--json", "--limit", "0", "--sort", "agency"]));
    let agencies: Vec<String> = json_lines(&by_agency)
        .iter()
        .filter_map(|a| a["agency"].as_str().map(str::to_lowercase))
        .collect();
    assert!(agencies.windows(2).all(|w| w[0] <= w[1]), "{agencies:?}");
    newsdesk(&library)
        .args(["list", "--limit", "3"])
        .assert()
        .success()
        .stdout(predicate::function(|out: &str| out.lines().count() == 3))
        .stderr(predicate::str::contains("3 of "));
}

#[test]
fn bad_filters_and_ids_are_one_line_errors() {
    let (_dir, library, _count) = sample_library();
    newsdesk(&library)
        .args(["list", "agency:"])
        .assert()
        .code(1)
        .stderr("newsdesk: bad filter \"agency:\": column 8: expected an agency, found the end\n");
    newsdesk(&library)
        .args(["list", "--sort", "size"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown sort \"size\": expected date, -date or agency",
        ));
    newsdesk(&library)
        .args(["show", "xyz"])
        .assert()
        .code(1)
        .stderr("newsdesk: \"xyz\" is not an article id: ids are 16 hex digits (a unique start will do)\n");
    newsdesk(&library)
        .args(["show", "0000000000000000"])
        .assert()
        .code(1)
        .stderr(format!(
            "newsdesk: no article 0000000000000000 in {}\n",
            library.display()
        ));
}

#[test]
fn show_prints_the_article_with_its_annotations() {
    let (_dir, library, _count) = sample_library();
    let found = list(&library, &["speaker:Ferrante"]);
    let id = found[0]["id"].as_str().expect("an id").to_string();
    let plain = stdout(newsdesk(&library).args(["show", &id[..8]]).env("NO_COLOR", "1"));
    assert!(!plain.contains('\u{1b}'), "no escape sequences when piped");
    assert!(plain.contains(&format!("id {id}")));
    assert!(plain.contains("Kuwait News Agency (KUNA)"));
    assert!(plain.contains("\nStatements\n"));
    assert!(
        plain.contains("  Nadia Ferrante — told — that the Secretary"),
        "{plain}"
    );
    assert!(plain.contains("  People: "));
    let json = show(&library, &id);
    assert_eq!(json["id"], id.as_str());
    assert_eq!(json["annotator"], ANNOTATOR_VERSION);
    assert_eq!(json["read"], false);
    assert!(json["entities"].as_array().is_some_and(|e| !e.is_empty()));
}

#[test]
fn stats_count_agencies_months_entities_and_speakers() {
    let (_dir, library, count) = sample_library();
    let text = stdout(newsdesk(&library).arg("stats"));
    assert!(text.starts_with(&format!("{count} articles\n")), "{text}");
    for heading in [
        "By agency",
        "By month",
        "Top entities (articles, mentions)",
        "Top speakers (articles, statements)",
    ] {
        assert!(text.contains(heading), "{heading} missing in\n{text}");
    }
    assert!(text.contains("  KUNA      Kuwait News Agency"));
    assert!(text.contains("  2026-10  "));
    let kuna = stdout(newsdesk(&library).args(["stats", "agency:KUNA"]));
    let kuna_count = list(&library, &["agency:KUNA"]).len();
    assert!(kuna.starts_with(&format!("{kuna_count} articles\n")));
    assert!(!kuna.contains(" Reuters "), "{kuna}");
}

#[test]
fn an_export_imports_into_an_equal_library() {
    let (dir, library, count) = sample_library();
    let export = stdout(newsdesk(&library).arg("export"));
    assert_eq!(export.lines().count(), count);
    let file = dir.path().join("export.jsonl");
    std::fs::write(&file, &export).expect("write");
    let copy = dir.path().join("copy.db");
    newsdesk(&copy)
        .arg("import")
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::starts_with(format!(
            "{count} imported, 0 already"
        )));
    let again = stdout(newsdesk(&copy).arg("export"));
    let sorted = |text: &str| {
        let mut lines: Vec<&str> = text.lines().collect();
        lines.sort_unstable();
        lines.join("\n")
    };
    assert_eq!(sorted(&again), sorted(&export));
    let filtered = stdout(newsdesk(&library).args(["export", "agency:KUNA"]));
    assert_eq!(filtered.lines().count(), list(&library, &["agency:KUNA"]).len());
}

#[test]
fn reindex_reannotates_articles_of_older_annotators() {
    let (_dir, library, count) = sample_library();
    let before = stdout(newsdesk(&library).arg("export"));
    {
        let connection = rusqlite::Connection::open(&library).expect("open");
        connection
            .execute("UPDATE articles SET annotator = 0 WHERE rowid % 2 = 0", [])
            .expect("update");
        connection
            .execute("DELETE FROM postings", [])
            .expect("damage the index");
    }
    let stale = count / 2;
    newsdesk(&library)
        .arg("reindex")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(format!(
            "{stale} articles re-annotated"
        )));
    newsdesk(&library)
        .arg("reindex")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("0 articles re-annotated"));
    let after = stdout(newsdesk(&library).arg("export"));
    assert_eq!(after, before, "the same annotations as at import");
    assert!(list(&library, &["entity:\"Abdulwahab Saud Al-Rifai\""]).len() >= 2);
}

#[test]
fn files_that_are_not_libraries_are_refused_and_left_untouched() {
    let dir = TempDir::new().expect("temp dir");
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "my notes, not a database\n".repeat(100)).expect("write");
    let before = std::fs::read(&text).expect("read");
    for command in [vec!["list"], vec!["import", "--samples"]] {
        newsdesk(&text).args(&command).assert().code(1).stderr(format!(
            "newsdesk: {}: not a newsdesk library (not an SQLite database); the file was left untouched\n",
            text.display()
        ));
    }
    assert_eq!(std::fs::read(&text).expect("read"), before);

    let other = dir.path().join("other.db");
    rusqlite::Connection::open(&other)
        .and_then(|c| c.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);"))
        .expect("another program's database");
    let before = std::fs::read(&other).expect("read");
    newsdesk(&other)
        .args(["import", "--samples"])
        .assert()
        .code(1)
        .stderr(format!(
            "newsdesk: {}: not a newsdesk library (an SQLite database of another program); the file was left untouched\n",
            other.display()
        ));
    assert_eq!(std::fs::read(&other).expect("read"), before);

    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, "").expect("write");
    newsdesk(&empty).arg("list").assert().code(1).stderr(format!(
        "newsdesk: {}: not a newsdesk library (an empty file); the file was left untouched\n",
        empty.display()
    ));

    let missing = dir.path().join("missing.db");
    newsdesk(&missing).arg("list").assert().code(1).stderr(format!(
        "newsdesk: {}: no library yet; import articles with `newsdesk import PATH...`\n",
        missing.display()
    ));
    assert!(!missing.exists(), "listing never creates a library");
}

#[test]
fn a_library_from_a_newer_newsdesk_is_refused() {
    let (_dir, library, _count) = sample_library();
    rusqlite::Connection::open(&library)
        .and_then(|c| c.execute_batch("PRAGMA user_version = 99"))
        .expect("set the version");
    for command in [vec!["list"], vec!["import", "--samples"]] {
        newsdesk(&library).args(&command).assert().code(1).stderr(format!(
            "newsdesk: {}: library format 99 is newer than this newsdesk understands ({}); upgrade newsdesk\n",
            library.display(),
            newsdesk::store::schema::VERSION
        ));
    }
}

/// JSON lines of `count` exported articles whose annotations are current (none), numbered from 1.
fn export_lines(count: usize) -> Vec<String> {
    (1..=count)
        .map(|number| {
            format!(
                "{{\"id\":\"{number:016x}\",\"source\":{{\"path\":\"gen\",\"index\":{number}}},\"title\":\"Story {number}\",\"published\":\"2025-01-{day:02}\",\"body\":\"Body of story {number} about water security in Kuwait.\",\"entities\":[],\"statements\":[],\"annotator\":{ANNOTATOR_VERSION}}}",
                day = number % 28 + 1
            )
        })
        .collect()
}

#[test]
fn a_bad_line_in_a_long_export_costs_only_itself() {
    let dir = TempDir::new().expect("temp dir");
    let library = dir.path().join("library.db");
    let file = dir.path().join("export.jsonl");
    let mut lines = export_lines(1_200);
    lines[699] = "{\"id\": \"truncated".to_string();
    std::fs::write(&file, lines.join("\n") + "\n").expect("write");
    newsdesk(&library)
        .arg("import")
        .arg(&file)
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with(
            "1,199 imported, 0 already in the library, 1 file failed",
        ))
        .stderr(format!(
            "newsdesk: {}: invalid JSON at line 700, column 17: EOF while parsing a string\n",
            file.display()
        ));
    assert_eq!(list(&library, &[]).len(), 1_199);
}

#[test]
fn an_import_killed_at_any_moment_keeps_every_committed_batch() {
    let dir = TempDir::new().expect("temp dir");
    let library = dir.path().join("library.db");
    // An export whose annotations are current: importing it needs no annotating, so the
    // import is quick even in a debug build and the kill lands in the middle of writing.
    let file = dir.path().join("export.jsonl");
    let total: usize = 6_000;
    std::fs::write(&file, export_lines(total).join("\n") + "\n").expect("write");
    let binary = assert_cmd::cargo::cargo_bin("newsdesk");
    let mut child = std::process::Command::new(&binary)
        .arg("--library")
        .arg(&library)
        .args(["import", "--batch", "100", "--progress-every", "100"])
        .arg(&file)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the import");
    // Wait for the first progress line (a batch is committed), then kill without warning.
    let mut stderr = child.stderr.take().expect("stderr");
    let mut first = [0u8; 1];
    let _ = std::io::Read::read(&mut stderr, &mut first);
    child.kill().expect("kill -9");
    let _ = child.wait();
    let connection = rusqlite::Connection::open(&library).expect("open");
    let check: String = connection
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .expect("integrity check");
    assert_eq!(check, "ok");
    let kept: i64 = connection
        .query_row("SELECT count(*) FROM articles", [], |row| row.get(0))
        .expect("count");
    let texts: i64 = connection
        .query_row("SELECT count(*) FROM texts", [], |row| row.get(0))
        .expect("count");
    assert_eq!(kept, texts, "every stored article is whole");
    assert!(
        kept >= 100 && kept % 100 == 0,
        "{kept} articles kept: whole batches only"
    );
    drop(connection);
    newsdesk(&library)
        .arg("import")
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::starts_with(format!(
            "{} imported, {} already in the library, 0 files failed",
            thousands(total - kept as usize),
            thousands(kept as usize)
        )));
    assert_eq!(list(&library, &[]).len(), total);
}

#[test]
fn reading_while_an_import_writes() {
    use newsdesk::store::import::{Options, Sources, import};
    use newsdesk::store::{Library, Mode};
    use std::sync::mpsc::channel;
    let (_dir, path, count) = sample_library();
    let reader = Library::open(&path, Mode::Read).expect("open");
    let snapshot = reader.index().expect("index");
    // The reader runs on a thread of its own; after a batch is committed the import waits until
    // the reader has looked, so that it reads while the import is half done.
    let (committed_tx, committed_rx) = channel::<usize>();
    let (seen_tx, seen_rx) = channel::<usize>();
    let looking = std::thread::spawn(move || {
        let mut seen = Vec::new();
        for committed in committed_rx {
            let now = reader.index().expect("the index reads during the import").len();
            seen.push((committed, now));
            seen_tx.send(now).expect("the import waits for the reader");
        }
        (reader, seen)
    });
    let mut writer = Library::open(&path, Mode::Write).expect("open for writing");
    let sources = Sources {
        paths: vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wire")],
        samples: false,
    };
    let options = Options { batch: 2, threads: 1 };
    let mut last = 0;
    let tally = import(&mut writer, &sources, options, &mut |tally| {
        if tally.imported > last {
            last = tally.imported;
            committed_tx
                .send(count + tally.imported)
                .expect("the reader is there");
            seen_rx.recv().expect("the reader answers");
        }
    })
    .expect("import");
    drop(committed_tx);
    let (reader, seen) = looking.join().expect("the reader thread ends");
    assert!(seen.len() >= 2, "the import committed several batches: {seen:?}");
    let total = count + tally.imported;
    for (committed, now) in &seen {
        assert_eq!(
            now, committed,
            "the reader sees exactly the committed batches: {seen:?}"
        );
    }
    assert!(
        seen.iter().any(|&(_, now)| now > count && now < total),
        "{seen:?}"
    );
    assert_eq!(snapshot.len(), count, "an index already read stays as it was");
    assert_eq!(reader.index().expect("index again").len(), total);
}

#[test]
fn the_first_rows_of_a_search_come_before_the_whole_selection() {
    use newsdesk::query::Filter;
    use newsdesk::store::import::{Options, Sources, import};
    use newsdesk::store::select::{Sort, select, select_first};
    let mut library = newsdesk::store::Library::in_memory().expect("library");
    let sources = Sources {
        paths: Vec::new(),
        samples: true,
    };
    import(&mut library, &sources, Options::default(), &mut |_| {}).expect("import");
    let index = library.index().expect("index");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
    let filter = Filter::parse("desalination -agency:Reuters").expect("filter");
    let all = select(&library, &index, &filter, today, Sort::Newest).expect("select");
    assert!(all.rows.len() > 3);
    let first = select_first(&library, &index, &filter, today, Sort::Newest, 3)
        .expect("select")
        .expect("a full-text filter");
    assert_eq!(first.rows.len(), 3);
    assert!(first.rows.iter().all(|row| all.rows.contains(row)));
    assert!(
        first.rows.windows(2).all(|w| w[0].day >= w[1].day),
        "newest first"
    );
    let plain = Filter::parse("agency:KUNA").expect("filter");
    assert_eq!(
        select_first(&library, &index, &plain, today, Sort::Newest, 3).expect("select"),
        None
    );
}

/// Every article, those naming Kuwait, those quoting Al-Rifai and the statistics, as listed;
/// each of them lists something.
fn what_a_reader_sees(library: &Path) -> [String; 4] {
    let seen = [
        stdout(newsdesk(library).args(["list", "--limit", "0"])),
        stdout(newsdesk(library).args(["list", "--limit", "0", "entity:Kuwait"])),
        stdout(newsdesk(library).args(["list", "--limit", "0", "speaker:Al-Rifai"])),
        stdout(newsdesk(library).arg("stats")),
    ];
    assert!(seen.iter().all(|text| text.lines().count() >= 2), "{seen:?}");
    seen
}

/// The format of a library (`PRAGMA user_version`).
fn format_of(library: &Path) -> i64 {
    rusqlite::Connection::open(library)
        .and_then(|c| c.query_row("PRAGMA user_version", [], |r| r.get(0)))
        .expect("version")
}

#[test]
fn a_library_of_an_older_format_is_upgraded_when_opened() {
    let (_dir, library, count) = sample_library();
    let before = what_a_reader_sees(&library);
    downgrade_to_format_1(&library);
    assert_eq!(what_a_reader_sees(&library), before);
    assert_eq!(format_of(&library), newsdesk::store::schema::VERSION);
    let id_indexes: i64 = rusqlite::Connection::open(&library)
        .and_then(|c| {
            c.query_row(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'articles'",
                [],
                |r| r.get(0),
            )
        })
        .expect("the schema");
    assert_eq!(id_indexes, 0, "format 4 keeps no index of ids");
    newsdesk(&library)
        .args(["import", "--samples"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(format!(
            "0 imported, {count} already"
        )));
}

#[test]
fn a_library_of_format_4_gets_its_index_of_names_in_block_order() {
    let (_dir, library, _count) = sample_library();
    let before = what_a_reader_sees(&library);
    downgrade_to_format_4(&library);
    assert_eq!(what_a_reader_sees(&library), before);
    assert_eq!(format_of(&library), newsdesk::store::schema::VERSION);
    let columns: Vec<String> = rusqlite::Connection::open(&library)
        .and_then(|c| {
            c.prepare("SELECT name FROM pragma_table_info('postings')")?
                .query_map([], |r| r.get(0))?
                .collect()
        })
        .expect("the columns");
    assert_eq!(columns, ["key", "entries"]);
}

/// Rewrites the index of names of a library as format 4 kept it: in name order, in blocks of
/// 1,024 rows (regrouped here from the blocks of 8,192 rows of format 5, whose key packs block,
/// name and kind).
fn downgrade_to_format_4(library: &Path) {
    let connection = rusqlite::Connection::open(library).expect("open");
    let mut blocks: std::collections::BTreeMap<(i64, i64, i64), Vec<u8>> = Default::default();
    {
        let mut statement = connection
            .prepare("SELECT key >> 36, (key >> 4) & 4294967295, key & 15, entries FROM postings")
            .expect("read");
        let mut rows = statement.query([]).expect("rows");
        while let Some(row) = rows.next().expect("row") {
            let (block, name, kind): (i64, i64, i64) = (
                row.get(0).expect("block"),
                row.get(1).expect("name"),
                row.get(2).expect("kind"),
            );
            let entries: Vec<u8> = row.get(3).expect("entries");
            for entry in entries.chunks_exact(3) {
                let article = block * 8192 + i64::from(u16::from_le_bytes([entry[0], entry[1]]));
                let old = blocks.entry((name, kind, article / 1024)).or_default();
                old.extend_from_slice(&((article % 1024) as u16).to_le_bytes());
                old.push(entry[2]);
            }
        }
    }
    connection
        .execute_batch(
            "DROP TABLE postings;
             CREATE TABLE postings (name INTEGER NOT NULL, kind INTEGER NOT NULL,
                 block INTEGER NOT NULL, entries BLOB NOT NULL,
                 PRIMARY KEY (name, kind, block)) WITHOUT ROWID;
             PRAGMA user_version = 4;",
        )
        .expect("old table");
    let mut insert = connection
        .prepare("INSERT INTO postings VALUES (?1, ?2, ?3, ?4)")
        .expect("insert");
    for ((name, kind, block), entries) in blocks {
        insert
            .execute(rusqlite::params![name, kind, block, entries])
            .expect("insert");
    }
}

/// Rewrites a library in format 1: no headlines table, and the entity, spelling and speaker
/// indexes as one row per name and article (decoded here from the blocks of format 5).
fn downgrade_to_format_1(library: &Path) {
    let connection = rusqlite::Connection::open(library).expect("open");
    connection
        .create_scalar_function(
            "entry_byte",
            2,
            rusqlite::functions::FunctionFlags::SQLITE_DETERMINISTIC,
            |context| {
                let blob = context
                    .get_raw(0)
                    .as_blob()
                    .map_err(|e| rusqlite::Error::UserFunctionError(Box::new(e)))?;
                let at = context.get::<i64>(1)? as usize;
                Ok(i64::from(blob[at]))
            },
        )
        .expect("function");
    connection
        .execute_batch(
            "CREATE TEMP TABLE decoded AS
             WITH RECURSIVE entry (name, kind, block, entries, at) AS (
                 SELECT (key >> 4) & 4294967295, key & 15, key >> 36, entries, 0 FROM postings
                 UNION ALL
                 SELECT name, kind, block, entries, at + 3 FROM entry
                 WHERE at + 3 < length(entries))
             SELECT name, kind,
                    block * 8192 + entry_byte(entries, at) + 256 * entry_byte(entries, at + 1) AS article,
                    entry_byte(entries, at + 2) AS count
             FROM entry;
             CREATE TABLE entities (name INTEGER NOT NULL, kind INTEGER NOT NULL,
                 article INTEGER NOT NULL, mentions INTEGER NOT NULL,
                 PRIMARY KEY (name, kind, article)) WITHOUT ROWID;
             CREATE TABLE entity_names (name INTEGER NOT NULL, article INTEGER NOT NULL,
                 PRIMARY KEY (name, article)) WITHOUT ROWID;
             CREATE TABLE speakers (name INTEGER NOT NULL, article INTEGER NOT NULL,
                 statements INTEGER NOT NULL, canonical INTEGER NOT NULL,
                 PRIMARY KEY (name, article)) WITHOUT ROWID;
             INSERT INTO entities SELECT name, kind, article, count FROM decoded WHERE kind <= 5;
             INSERT INTO entity_names SELECT name, article FROM decoded WHERE kind = 6;
             INSERT INTO speakers SELECT name, article, count, kind = 7 FROM decoded
                 WHERE kind IN (7, 8);
             DROP TABLE postings;
             DROP TABLE headlines;
             CREATE TABLE articles_unique (rowid INTEGER PRIMARY KEY, id INTEGER NOT NULL UNIQUE,
                 day INTEGER, agency INTEGER, place INTEGER, read INTEGER NOT NULL DEFAULT 0,
                 starred INTEGER NOT NULL DEFAULT 0, annotator INTEGER NOT NULL,
                 imported INTEGER NOT NULL);
             INSERT INTO articles_unique SELECT rowid, id, day, agency, place, read, starred,
                 annotator, imported FROM articles;
             DROP TABLE articles;
             ALTER TABLE articles_unique RENAME TO articles;
             PRAGMA user_version = 1;",
        )
        .expect("downgrade");
    let rows: i64 = connection
        .query_row("SELECT count(*) FROM entities", [], |r| r.get(0))
        .expect("count");
    assert!(rows > 50, "the old index holds the entries: {rows}");
}

#[test]
fn options_after_the_filter_are_options() {
    let (_dir, library, _count) = sample_library();
    let kuna = list(&library, &["agency:KUNA"]);
    assert!(kuna.len() >= 2, "{kuna:?}");
    let ids = |text: &str| {
        json_lines(text)
            .into_iter()
            .map(|v| v["id"].clone())
            .collect::<Vec<_>>()
    };
    let before =
        stdout(newsdesk(&library).args(["list", "--json", "--limit", "1", "--sort", "date", "agency:KUNA"]));
    let after =
        stdout(newsdesk(&library).args(["list", "agency:KUNA", "--limit", "1", "--json", "--sort=date"]));
    assert_eq!(ids(&after), ids(&before));
    assert_eq!(ids(&after).len(), 1);
    let negated = stdout(newsdesk(&library).args(["list", "-agency:KUNA", "--json", "--limit", "0"]));
    assert_eq!(json_lines(&negated).len() + kuna.len(), list(&library, &[]).len());
    // After a bare `--` every word is filter: `--json` is then a bad term.
    newsdesk(&library)
        .args(["list", "--", "--json"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("bad filter"));
}

/// Writes `count` generated articles of wire copy into `folder`.
fn generate(folder: &Path, count: usize) {
    Command::cargo_bin("newsdesk")
        .expect("the binary is built")
        .args(["generate", &count.to_string()])
        .arg(folder)
        .assert()
        .success();
}

/// A command running newsdesk as a user the file permissions apply to: as itself, or, when the
/// tests run as root (which permissions do not bind), as `nobody` through `setpriv`.
fn newsdesk_bound_by_permissions(library: &Path) -> Command {
    use std::os::unix::fs::MetadataExt;
    let probe = library.with_extension("probe");
    std::fs::write(&probe, "").expect("write");
    let root = std::fs::metadata(&probe).expect("metadata").uid() == 0;
    std::fs::remove_file(&probe).expect("remove");
    if !root {
        return newsdesk(library);
    }
    let mut command = Command::new("setpriv");
    command
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(assert_cmd::cargo::cargo_bin("newsdesk"))
        .env_remove("NO_COLOR")
        .env_remove("NEWSDESK_LIBRARY")
        .arg("--library")
        .arg(library);
    command
}

#[test]
fn a_read_only_library_is_refused_in_one_line_and_left_untouched() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, library, count) = sample_library();
    let corpus = dir.path().join("corpus");
    generate(&corpus, 20);
    let set_mode = |path: &Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod")
    };
    // Anyone may read the library (and make its lock files beside it), nobody may write it.
    set_mode(dir.path(), 0o777);
    set_mode(&corpus, 0o755);
    set_mode(&library, 0o444);
    let before = std::fs::read(&library).expect("read");
    newsdesk_bound_by_permissions(&library)
        .arg("import")
        .arg(&corpus)
        .assert()
        .code(1)
        .stderr(format!(
            "newsdesk: {}: the library is read-only\n",
            library.display()
        ));
    assert_eq!(std::fs::read(&library).expect("read"), before);
    let listed = newsdesk_bound_by_permissions(&library)
        .args(["list", "--limit", "0"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8_lossy(&listed).lines().count(), count);
}

#[test]
fn a_full_disk_stops_the_import_in_one_line_and_keeps_what_was_stored() {
    let (dir, library, count) = sample_library();
    let corpus = dir.path().join("corpus");
    generate(&corpus, 400);
    let size = std::fs::metadata(&library).expect("metadata").len();
    // The shell's file size limit (in 512-byte blocks) leaves room for 64 KB more of the
    // library and its log; with SIGXFSZ ignored, a write past it fails as on a full disk.
    let blocks = (size + 64 * 1024) / 512;
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(format!("trap '' XFSZ; ulimit -f {blocks} && exec \"$0\" \"$@\""))
        .arg(assert_cmd::cargo::cargo_bin("newsdesk"))
        .env_remove("NEWSDESK_LIBRARY")
        .arg("--library")
        .arg(&library)
        .arg("import")
        .arg(&corpus);
    let output = command.assert().code(1).get_output().clone();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr,
        format!(
            "newsdesk: {}: cannot write to the disk (full, or the file too large); nothing after the last batch was stored\n",
            library.display()
        )
    );
    let connection = rusqlite::Connection::open(&library).expect("open");
    let check: String = connection
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity check");
    assert_eq!(check, "ok");
    drop(connection);
    assert_eq!(list(&library, &[]).len(), count, "what was stored stays");
    newsdesk(&library)
        .arg("import")
        .arg(&corpus)
        .assert()
        .success()
        .stdout(predicate::str::starts_with("400 imported, 0 already"));
}

#[test]
fn an_import_sets_the_full_text_index_up_for_large_batches() {
    let (_dir, library, _count) = sample_library();
    let connection = rusqlite::Connection::open(&library).expect("open");
    let setting = |key: &str| -> i64 {
        connection
            .query_row("SELECT v FROM search_config WHERE k = ?1", [key], |r| r.get(0))
            .unwrap_or_else(|e| panic!("{key}: {e}"))
    };
    assert_eq!(setting("automerge"), 32);
    assert_eq!(setting("crisismerge"), 128);
    assert_eq!(setting("pgsz"), 16_000);
    // Leaves of that size still hold whole phrases.
    assert!(!list(&library, &["\"desalination plants\""]).is_empty());
}

#[test]
fn an_article_given_twice_in_one_import_is_stored_once() {
    let (dir, library, count) = sample_library();
    let export = dir.path().join("export.jsonl");
    std::fs::write(&export, stdout(newsdesk(&library).arg("export"))).expect("write");
    let copy = dir.path().join("copy.db");
    newsdesk(&copy)
        .arg("import")
        .args([&export, &export])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(format!(
            "{count} imported, {count} already in the library"
        )));
    assert_eq!(list(&copy, &[]).len(), count);
    let id = list(&library, &[])[0]["id"].as_str().expect("an id").to_string();
    assert_eq!(show(&copy, &id)["id"], show(&library, &id)["id"]);
}

#[test]
fn a_folder_is_read_for_copy_and_not_for_the_files_beside_it() {
    let dir = TempDir::new().expect("temp dir");
    let folder = dir.path().join("wires");
    let library = folder.join("library.db");
    generate(&folder, 3);
    std::fs::write(folder.join("photo.PNG"), [0x89, b'P', b'N', b'G', 0, 0, 1]).expect("write");
    std::fs::write(folder.join("settings.toml"), "[reader]\ntheme = \"dark\"\n").expect("write");
    std::fs::write(folder.join("notes.db-wal"), [0u8; 64]).expect("write");
    // The library itself lives in the folder: importing the folder never reads it, and a file
    // named on the command line is read whatever its name.
    for (path, summary) in [
        (
            folder.clone(),
            "3 imported, 0 already in the library, 0 files failed",
        ),
        (
            folder.clone(),
            "0 imported, 3 already in the library, 0 files failed",
        ),
        (folder.join("settings.toml"), "1 imported"),
    ] {
        newsdesk(&library)
            .arg("import")
            .arg(&path)
            .assert()
            .success()
            .stdout(predicate::str::starts_with(summary));
    }
}
