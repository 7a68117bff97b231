//! The reader's key path: `update`, the effects it asks for (filter runs, article and headline
//! loads) and a redraw on a 160×48 `TestBackend`, for the keys a reader presses most: move
//! down, page down, filter by agency, filter by date. Set `NEWSDESK_BENCH_LIBRARY` to a library
//! built with `newsdesk generate` + `newsdesk import` (the target is 16 ms a key at 1,000,000
//! articles); without it a library of 3,000 generated articles is built first.

mod support;

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use newsdesk::store::{Library, Mode};
use newsdesk::tui::action::Action;
use newsdesk::tui::app::App;
use newsdesk::tui::config::Config;
use newsdesk::tui::effect::{Executor, dispatch};
use newsdesk::tui::theme::Palette;
use newsdesk::tui::view::draw;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn reader(c: &mut Criterion) {
    let scratch = tempfile::TempDir::new().expect("scratch");
    let path = support::library_path(&scratch);
    let library = Library::open(&path, Mode::Read).expect("open");
    let index = library.index().expect("index");
    // Dates in the generated corpus run over 2024 and 2025.
    let today = NaiveDate::from_ymd_opt(2025, 12, 31).expect("a date");
    let mut app = App::new(index, Config::defaults(Palette::Color).expect("config"), today);
    let mut executor = Executor::new(library);
    dispatch(
        &mut app,
        &mut executor,
        Action::Resize {
            width: 160,
            height: 48,
        },
    );
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
    let articles = app.rows.len();
    let mut group = c.benchmark_group(format!("reader, {articles} articles, key + redraw"));
    group.sample_size(30);

    let mut press = |name: &str, app: &mut App, executor: &mut Executor, action: Action| {
        group.bench_function(name, |b| {
            b.iter(|| {
                if app.cursor + 60 >= app.rows.len() {
                    dispatch(app, executor, Action::First);
                }
                dispatch(app, executor, action.clone());
                terminal.draw(|frame| draw(frame, app)).expect("draw");
            })
        });
    };
    press("move down (j)", &mut app, &mut executor, Action::MoveDown);
    press("page down (PgDn)", &mut app, &mut executor, Action::PageDown);

    // The filtering keys start from the same state each time (cloned outside the timing).
    dispatch(&mut app, &mut executor, Action::First);
    let agency = app
        .index
        .agencies()
        .next()
        .map(|(_, agency)| agency.abbr.to_lowercase())
        .expect("an agency");
    group.bench_function("open the agency picker (a)", |b| {
        b.iter_batched(
            || app.clone(),
            |mut app| {
                dispatch(&mut app, &mut executor, Action::PickAgency);
                terminal.draw(|frame| draw(frame, &app)).expect("draw");
                app
            },
            BatchSize::LargeInput,
        )
    });
    let mut picking = app.clone();
    dispatch(&mut picking, &mut executor, Action::PickAgency);
    for c in agency.chars() {
        dispatch(&mut picking, &mut executor, Action::Input(c));
    }
    group.bench_function("filter by agency (Enter in the picker)", |b| {
        b.iter_batched(
            || picking.clone(),
            |mut app| {
                dispatch(&mut app, &mut executor, Action::Confirm);
                terminal.draw(|frame| draw(frame, &app)).expect("draw");
                app
            },
            BatchSize::LargeInput,
        )
    });
    group.bench_function("filter by date (])", |b| {
        b.iter_batched(
            || app.clone(),
            |mut app| {
                dispatch(&mut app, &mut executor, Action::NextDay);
                terminal.draw(|frame| draw(frame, &app)).expect("draw");
                app
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, reader);
criterion_main!(benches);
