//! The bundled samples, parsed: a reviewable snapshot of what a new user sees first, and the
//! facts later features rely on (agency styles, dates across two months).

use std::collections::BTreeSet;

use newsdesk::article::Article;
use newsdesk::printed::report::summary;
use newsdesk::samples::samples;

fn all_articles() -> Vec<Article> {
    samples()
        .iter()
        .flat_map(|sample| sample.articles().unwrap_or_else(|error| panic!("{error}")))
        .collect()
}

#[test]
fn sample_summaries() {
    let text: Vec<String> = all_articles().iter().map(summary).collect();
    insta::assert_snapshot!(text.join("\n"));
}

#[test]
fn samples_span_agencies_and_dates() {
    let articles = all_articles();
    assert!(articles.len() >= 16, "{} articles", articles.len());
    let agencies: BTreeSet<&str> = articles
        .iter()
        .filter_map(|a| a.agency.as_ref())
        .map(|a| a.abbr.as_str())
        .collect();
    assert!(agencies.len() >= 8, "{agencies:?}");
    let days: BTreeSet<String> = articles
        .iter()
        .filter_map(|a| a.published)
        .map(|p| p.date().to_string())
        .collect();
    assert!(days.len() >= 6, "{days:?}");
    let months: BTreeSet<&str> = days.iter().map(|day| &day[..7]).collect();
    assert!(months.len() >= 2, "{months:?}");
    for article in &articles {
        assert!(
            article.published.is_some(),
            "undated sample: {}",
            article.source.path
        );
        assert!(
            article.agency.is_some(),
            "sample without agency: {}",
            article.source.path
        );
    }
}
