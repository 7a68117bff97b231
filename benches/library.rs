//! The library at scale: opening it with the first screenful ready, and running filters of each
//! kind. Set `NEWSDESK_BENCH_LIBRARY` to a library built with `newsdesk generate` + `newsdesk
//! import` (the figures in the README come from one of 1,000,000 and one of 100,000 articles);
//! without it a library of 3,000 generated articles is built first.

mod support;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use newsdesk::query::Filter;
use newsdesk::store::select::{Sort, select, select_first};
use newsdesk::store::{Library, Mode};

/// The rows a reader's first screen shows.
const SCREENFUL: usize = 50;

fn library(c: &mut Criterion) {
    let scratch = tempfile::TempDir::new().expect("scratch");
    let path = support::library_path(&scratch);
    // Dates in the generated corpus run over 2024 and 2025.
    let today = NaiveDate::from_ymd_opt(2025, 12, 31).expect("a date");
    let mut group = c.benchmark_group("library");
    group.sample_size(20);
    group.bench_function("open, first screenful", |b| {
        b.iter(|| {
            let library = Library::open(&path, Mode::Read).expect("open");
            let index = library.index().expect("index");
            let selection =
                select(&library, &index, &Filter::default(), today, Sort::Newest).expect("select");
            let titles: Vec<String> = selection
                .rows
                .iter()
                .take(SCREENFUL)
                .map(|row| library.headline(i64::from(row.row)).expect("headline"))
                .collect();
            titles.len()
        })
    });
    let library = Library::open(&path, Mode::Read).expect("open");
    let index = library.index().expect("index");
    let count = index.len();
    eprintln!("{count} articles in {}", path.display());
    let filters = [
        ("agency", "agency:KUNA"),
        ("agencies", "agency:WAM,QNA,Xinhua"),
        ("date", "date:2025-03"),
        ("date range", "date:2024-06-01..2024-08-15"),
        ("place", "place:Kuwait"),
        ("state", "is:unread"),
        ("agency and date", "agency:Reuters since:3m"),
        ("entity", "entity:\"Gulf Cooperation Council\""),
        ("entity surname", "entity:Al-Rifai"),
        ("speaker", "speaker:\"Nadia Ferrante\""),
        ("entity and agency", "entity:OPEC agency:KUNA"),
        ("text word", "desalination"),
        ("text phrase", "\"water security\""),
        ("text common word", "minister"),
        ("text and agency", "ceasefire agency:Xinhua"),
    ];
    for (name, text) in filters {
        let filter = Filter::parse(text).expect("a valid filter");
        let found = select(&library, &index, &filter, today, Sort::Newest).expect("select");
        eprintln!("{name:>18}: {text} selects {} articles", found.rows.len());
        group.bench_function(format!("filter {name}"), |b| {
            b.iter(|| select(&library, &index, &filter, today, Sort::Newest).expect("select"))
        });
        if name.starts_with("text") {
            group.bench_function(format!("filter {name}, first 100"), |b| {
                b.iter(|| select_first(&library, &index, &filter, today, Sort::Newest, 100).expect("select"))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, library);
criterion_main!(benches);
