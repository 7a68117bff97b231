//! Every agency style and tricky case of the wire formats, as hand-written fixtures in
//! `tests/fixtures/wire/`, checked against `tests/fixtures/wire/expected.toml`.
//!
//! In the expectations a key that is left out is not checked, and `""` means "absent".

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use newsdesk::article::Article;
use newsdesk::input::{Format, read_bytes};
use newsdesk::wire::Origin;
use serde::Deserialize;

#[derive(Deserialize)]
struct Expectations {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    file: String,
    #[allow(dead_code)]
    covers: String,
    mtime: Option<NaiveDate>,
    articles: Option<usize>,
    #[serde(default)]
    article: Vec<BTreeMap<String, toml::Value>>,
}

fn text_of(value: &toml::Value) -> String {
    match value {
        toml::Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// The article's value for an expectation key, as text ("" when absent).
fn actual(article: &Article, key: &str) -> Option<String> {
    let dateline = article.dateline.as_ref();
    let text = |value: Option<&String>| value.cloned().unwrap_or_default();
    Some(match key {
        "title" => text(article.title.as_ref()),
        "published" => article.published.map(|p| p.to_string()).unwrap_or_default(),
        "published_from" => article.published_from.map(|p| p.to_string()).unwrap_or_default(),
        "agency" => article
            .agency
            .as_ref()
            .map(|a| a.abbr.clone())
            .unwrap_or_default(),
        "syndicator" => text(article.syndicator.as_ref()),
        "provider" => text(article.provider.as_ref()),
        "place" => dateline.and_then(|d| d.place.clone()).unwrap_or_default(),
        "country" => dateline.and_then(|d| d.country.clone()).unwrap_or_default(),
        "dateline_date" => dateline
            .and_then(|d| d.date)
            .map(|d| d.to_string())
            .unwrap_or_default(),
        "year_from" => dateline
            .and_then(|d| d.year_from)
            .map(|s| s.to_string())
            .unwrap_or_default(),
        "dateline_text" => dateline.map(|d| d.text.clone()).unwrap_or_default(),
        "byline" => text(article.byline.as_ref()).to_lowercase(),
        "paragraphs" => article.paragraphs().count().to_string(),
        "continues" => article.continues.to_string(),
        _ => return None,
    })
}

fn check_article(article: &Article, expected: &BTreeMap<String, toml::Value>, failures: &mut Vec<String>) {
    for (key, value) in expected {
        let mut fail = |what: String| failures.push(format!("{key}: {what}"));
        match key.as_str() {
            "credits" => {
                let want: Vec<String> = value
                    .as_array()
                    .map(|a| a.iter().map(text_of).collect())
                    .unwrap_or_default();
                let got: Vec<String> = article.credits.iter().map(|a| a.abbr.clone()).collect();
                if want != got {
                    fail(format!("want {want:?}, got {got:?}"));
                }
            }
            "body_starts" => {
                let want = text_of(value);
                if !article.body.starts_with(&want) {
                    fail(format!(
                        "want start {want:?}, got {:?}",
                        article.body.chars().take(80).collect::<String>()
                    ));
                }
            }
            "body_ends" => {
                let want = text_of(value);
                if !article.body.ends_with(&want) {
                    let tail: String = article
                        .body
                        .chars()
                        .rev()
                        .take(80)
                        .collect::<Vec<_>>()
                        .into_iter()
                        .rev()
                        .collect();
                    fail(format!("want end {want:?}, got {tail:?}"));
                }
            }
            "body_lacks" => {
                for item in value.as_array().into_iter().flatten().map(text_of) {
                    if article.body.contains(&item) {
                        fail(format!("body contains {item:?}"));
                    }
                }
            }
            "trailer_has" => {
                for item in value.as_array().into_iter().flatten().map(text_of) {
                    if !article.trailer.iter().any(|t| t.contains(&item)) {
                        fail(format!(
                            "no trailer item contains {item:?}; trailer {:?}",
                            article.trailer
                        ));
                    }
                }
            }
            _ => {
                let want = text_of(value);
                let want = if key == "byline" {
                    want.to_lowercase()
                } else {
                    want
                };
                match actual(article, key) {
                    Some(got) if got == want => {}
                    Some(got) => fail(format!("want {want:?}, got {got:?}")),
                    None => fail("unknown expectation key".to_string()),
                }
            }
        }
    }
}

#[test]
fn every_fixture_parses_as_expected() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wire");
    let expectations: Expectations =
        toml::from_str(&std::fs::read_to_string(dir.join("expected.toml")).expect("expected.toml"))
            .expect("valid TOML");
    let mut report = Vec::new();
    for case in &expectations.case {
        let bytes = std::fs::read(dir.join(&case.file)).expect("fixture exists");
        let origin = Origin {
            path: case.file.clone(),
            mtime: case.mtime,
        };
        let articles = match read_bytes(&bytes, Format::of_path(Path::new(&case.file)), &origin) {
            Ok(articles) => articles,
            Err(error) => {
                report.push(format!("{}: {error}", case.file));
                continue;
            }
        };
        let want_count = case.articles.unwrap_or(1);
        if articles.len() != want_count {
            report.push(format!(
                "{}: want {want_count} articles, got {}",
                case.file,
                articles.len()
            ));
        }
        for (index, (article, expected)) in articles.iter().zip(&case.article).enumerate() {
            let mut failures = Vec::new();
            check_article(article, expected, &mut failures);
            for failure in failures {
                report.push(format!("{} #{index}: {failure}", case.file));
            }
        }
    }
    assert!(
        report.is_empty(),
        "{} mismatches:\n{}",
        report.len(),
        report.join("\n")
    );
}
