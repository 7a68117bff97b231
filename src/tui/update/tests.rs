//! `update` driven by actions: each test starts from the bundled samples' index, feeds actions
//! (including the results the run loop would feed back) and checks the state and the effects.

use std::sync::OnceLock;

use chrono::NaiveDate;

use super::update;
use crate::query::Filter;
use crate::store::import::{Options, Sources, import};
use crate::store::select::{Selection, Sort};
use crate::store::{Index, Library, StoredArticle};
use crate::tui::action::Action;
use crate::tui::app::{App, Focus, Popup, PromptKind, Timeline};
use crate::tui::config::Config;
use crate::tui::effect::Effect;
use crate::tui::theme::Palette;

struct Fixture {
    index: Index,
    articles: Vec<StoredArticle>,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let mut library = Library::in_memory().expect("library");
        let sources = Sources {
            paths: Vec::new(),
            samples: true,
        };
        import(&mut library, &sources, Options::default(), &mut |_| {}).expect("samples import");
        let index = library.index().expect("index");
        let articles = index
            .rows()
            .iter()
            .map(|row| library.article_at(i64::from(row.row)).expect("article"))
            .collect();
        Fixture { index, articles }
    })
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 10, 20).expect("date")
}

fn article(row: u32) -> StoredArticle {
    fixture()
        .articles
        .iter()
        .find(|a| a.row == i64::from(row))
        .cloned()
        .expect("a fixture article")
}

/// A reader of 160×48 over the samples, the first article loaded.
fn app() -> App {
    let config = Config::defaults(Palette::Color).expect("config");
    let mut app = App::new(fixture().index.clone(), config, today());
    let effects = update(
        &mut app,
        Action::Resize {
            width: 160,
            height: 48,
        },
    );
    let first = app.rows[0].row;
    assert!(effects.contains(&Effect::LoadArticle(first)), "{effects:?}");
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::LoadHeadlines(rows) if rows.len() == 29))
    );
    feed_article(&mut app);
    app
}

/// Feeds the selected article back, as the run loop would.
fn feed_article(app: &mut App) {
    let row = app.selected().expect("a selection").row;
    update(app, Action::ArticleLoaded(Box::new(article(row))));
}

/// An app on the article with the most statements.
fn app_on_statements() -> App {
    let mut app = app();
    let best = fixture()
        .articles
        .iter()
        .max_by_key(|a| a.annotations.statements.len())
        .expect("articles")
        .row as u32;
    app.cursor = app.rows.iter().position(|r| r.row == best).expect("row");
    update(&mut app, Action::MoveDown);
    update(&mut app, Action::MoveUp);
    feed_article(&mut app);
    app
}

/// The filter run an effect list asks for.
fn filter_run(effects: &[Effect]) -> (u64, Filter) {
    effects
        .iter()
        .find_map(|e| match e {
            Effect::RunFilter {
                generation, filter, ..
            } => Some((*generation, filter.clone())),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no filter run in {effects:?}"))
}

fn type_text(app: &mut App, text: &str) -> Vec<Effect> {
    text.chars().flat_map(|c| update(app, Action::Input(c))).collect()
}

/// The rows of the fixture under a predicate, as a finished filter run.
fn done(generation: u64, keep: impl Fn(&crate::store::IndexRow) -> bool) -> Action {
    let rows: Vec<_> = fixture()
        .index
        .rows()
        .iter()
        .copied()
        .filter(|r| keep(r))
        .collect();
    Action::FilterDone {
        generation,
        timeline: Timeline::of(&rows),
        selection: Selection { rows },
    }
}

#[test]
fn moving_in_the_list_follows_with_loads() {
    let mut app = app();
    let effects = update(&mut app, Action::MoveDown);
    assert_eq!(app.cursor, 1);
    assert_eq!(effects, [Effect::LoadArticle(app.rows[1].row)]);
    update(&mut app, Action::MoveUp);
    assert_eq!(app.cursor, 0);
    update(&mut app, Action::MoveUp);
    assert_eq!(app.cursor, 0, "stays at the top");
    update(&mut app, Action::Last);
    assert_eq!(app.cursor, 28);
    update(&mut app, Action::First);
    assert_eq!(app.cursor, 0);
}

#[test]
fn pages_move_by_the_list_height_and_scroll_it() {
    let mut app = app();
    update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    let height = app.list_height();
    update(&mut app, Action::PageDown);
    assert_eq!(app.cursor, height - 1);
    update(&mut app, Action::PageDown);
    assert_eq!(app.cursor, 2 * (height - 1));
    assert!(
        app.list_offset > 0 && app.cursor < app.list_offset + height,
        "cursor visible"
    );
    update(&mut app, Action::PageUp);
    assert_eq!(app.cursor, height - 1);
}

#[test]
fn opening_marks_read_and_back_returns() {
    let mut app = app();
    let row = app.rows[0].row;
    assert!(!app.rows[0].is_read());
    let effects = update(&mut app, Action::Open);
    assert_eq!(app.focus, Focus::Detail);
    assert_eq!(effects, [Effect::SetRead(row, true)]);
    assert!(app.rows[0].is_read());
    assert!(app.index.rows().iter().any(|r| r.row == row && r.is_read()));
    assert!(app.shown.as_ref().is_some_and(|s| s.stored.read));
    update(&mut app, Action::Back);
    assert_eq!(app.focus, Focus::List);
    update(&mut app, Action::Open);
    let effects = update(&mut app, Action::Open);
    assert_eq!(app.focus, Focus::List, "Enter again goes back");
    assert!(effects.is_empty(), "already read: nothing to store");
}

#[test]
fn keys_in_the_detail_scroll_it() {
    let mut app = app_on_statements();
    update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    update(&mut app, Action::Open);
    let cursor = app.cursor;
    update(&mut app, Action::MoveDown);
    assert_eq!((app.cursor, app.detail_scroll), (cursor, 1));
    update(&mut app, Action::MoveUp);
    assert_eq!(app.detail_scroll, 0);
    update(&mut app, Action::PageDown);
    assert!(app.detail_scroll > 1);
    update(&mut app, Action::First);
    assert_eq!(app.detail_scroll, 0);
    update(&mut app, Action::Last);
    let end = app.detail_scroll;
    assert!(end > 0);
    update(&mut app, Action::MoveDown);
    assert_eq!(app.detail_scroll, end, "never past the end");
    update(&mut app, Action::PageUp);
    assert!(app.detail_scroll < end);
}

#[test]
fn scroll_keys_move_the_detail_from_the_list() {
    let mut app = app_on_statements();
    update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    update(&mut app, Action::ScrollDown);
    assert_eq!(app.focus, Focus::List);
    assert!(app.detail_scroll > 0);
    update(&mut app, Action::ScrollUp);
    assert_eq!(app.detail_scroll, 0);
}

#[test]
fn statements_are_stepped_through() {
    let mut app = app_on_statements();
    let count = app.shown.as_ref().map_or(0, |s| s.statements.len());
    assert!(count >= 2);
    update(&mut app, Action::NextStatement);
    assert_eq!(app.current_statement, Some(0));
    update(&mut app, Action::NextStatement);
    assert_eq!(app.current_statement, Some(1));
    update(&mut app, Action::PreviousStatement);
    assert_eq!(app.current_statement, Some(0));
    update(&mut app, Action::PreviousStatement);
    assert_eq!(app.current_statement, Some(0), "stays on the first");
    let mut other = app_on_statements();
    update(&mut other, Action::PreviousStatement);
    assert_eq!(other.current_statement, Some(count - 1), "N starts from the last");
}

#[test]
fn the_agency_picker_counts_narrows_and_filters() {
    let mut app = app();
    let effects = update(&mut app, Action::PickAgency);
    assert_eq!(
        effects,
        [Effect::CountAgencies {
            filter: Filter::default()
        }]
    );
    let Some(Popup::Agencies(picker)) = &app.popup else {
        panic!("no picker");
    };
    assert_eq!(picker.items[0].code, None, "all agencies first");
    let kuna = fixture()
        .index
        .agencies()
        .find(|(_, a)| a.abbr == "KUNA")
        .expect("KUNA")
        .0;
    update(&mut app, Action::AgencyCounts(vec![(kuna, 8)]));
    let Some(Popup::Agencies(picker)) = &app.popup else {
        panic!("no picker");
    };
    assert_eq!(picker.items[1].abbr, "KUNA", "most articles first");
    assert_eq!(picker.items[1].count, Some(8));
    assert_eq!(picker.items[2].count, Some(0));
    type_text(&mut app, "kuwx");
    update(&mut app, Action::DeleteBack);
    let Some(Popup::Agencies(picker)) = &app.popup else {
        panic!("no picker");
    };
    assert_eq!(picker.query, "kuw");
    let visible = picker.visible();
    assert_eq!(visible.len(), 1);
    let effects = update(&mut app, Action::Confirm);
    assert!(app.popup.is_none());
    let (generation, filter) = filter_run(&effects);
    assert_eq!(filter.to_string(), "agency:KUNA");
    assert!(app.searching);
    update(&mut app, done(generation, |r| r.agency == kuna));
    assert_eq!(app.rows.len(), 8);
    assert!(!app.searching);
    assert!(app.rows.iter().all(|r| r.agency == kuna));
}

#[test]
fn several_agencies_are_toggled_and_all_clears() {
    let mut app = app();
    update(&mut app, Action::PickAgency);
    update(&mut app, Action::MoveDown);
    update(&mut app, Action::Toggle);
    update(&mut app, Action::MoveDown);
    update(&mut app, Action::Toggle);
    let effects = update(&mut app, Action::Confirm);
    let (_, filter) = filter_run(&effects);
    let names = app.filtered_agencies();
    assert_eq!(names.len(), 2, "{filter}");
    update(&mut app, Action::PickAgency);
    let Some(Popup::Agencies(picker)) = &app.popup else {
        panic!("no picker");
    };
    assert_eq!(
        picker.items.iter().filter(|i| i.checked).count(),
        2,
        "the filter's agencies are ticked"
    );
    update(&mut app, Action::Toggle);
    let effects = update(&mut app, Action::Confirm);
    assert_eq!(
        filter_run(&effects).1,
        Filter::default(),
        "all agencies: no agency term"
    );
    update(&mut app, Action::PickAgency);
    let effects = update(&mut app, Action::Cancel);
    assert!(app.popup.is_none() && effects.is_empty());
}

#[test]
fn the_date_prompt_sets_checks_and_clears_the_date() {
    let mut app = app();
    update(&mut app, Action::PromptDate);
    assert!(matches!(&app.popup, Some(Popup::Prompt(p)) if p.kind == PromptKind::Date));
    let effects = type_text(&mut app, "2026-13");
    assert!(
        effects.iter().all(|e| !matches!(e, Effect::RunFilter { .. })),
        "no run while typing a date"
    );
    let effects = update(&mut app, Action::Confirm);
    assert!(effects.is_empty());
    let Some(Popup::Prompt(prompt)) = &app.popup else {
        panic!("the prompt stays open");
    };
    assert!(
        prompt.error.as_deref().is_some_and(|e| e.contains("column")),
        "{prompt:?}"
    );
    for _ in 0.."2026-13".len() {
        update(&mut app, Action::DeleteBack);
    }
    type_text(&mut app, "2026-10-01..2026-10-07");
    let effects = update(&mut app, Action::Confirm);
    assert_eq!(filter_run(&effects).1.to_string(), "date:2026-10-01..2026-10-07");
    update(&mut app, Action::PromptDate);
    let Some(Popup::Prompt(prompt)) = &app.popup else {
        panic!("no prompt");
    };
    assert_eq!(
        prompt.input, "2026-10-01..2026-10-07",
        "starts from the current date"
    );
    for _ in 0..prompt.input.len() {
        update(&mut app, Action::DeleteBack);
    }
    let effects = update(&mut app, Action::Confirm);
    assert_eq!(filter_run(&effects).1, Filter::default(), "empty: no date filter");
    update(&mut app, Action::PromptDate);
    type_text(&mut app, "7d");
    let effects = update(&mut app, Action::Cancel);
    assert!(effects.is_empty() && app.popup.is_none() && app.filter.is_empty());
}

#[test]
fn brackets_step_the_date_by_a_day() {
    let mut app = app();
    let day = app.rows[0].date().expect("dated");
    let effects = update(&mut app, Action::NextDay);
    assert_eq!(
        filter_run(&effects).1.to_string(),
        format!("date:{day}"),
        "the article's day first"
    );
    let effects = update(&mut app, Action::NextDay);
    let next = day.succ_opt().expect("day");
    assert_eq!(filter_run(&effects).1.to_string(), format!("date:{next}"));
    update(&mut app, Action::PreviousDay);
    let effects = update(&mut app, Action::PreviousDay);
    let before = day.pred_opt().expect("day");
    assert_eq!(filter_run(&effects).1.to_string(), format!("date:{before}"));
    app.filter = Filter::parse("date:2026-10-01..2026-10-03").expect("filter");
    let effects = update(&mut app, Action::NextDay);
    assert_eq!(
        filter_run(&effects).1.to_string(),
        "date:2026-10-02..2026-10-04",
        "a range moves whole"
    );
}

#[test]
fn search_runs_as_you_type_and_cancel_restores() {
    let mut app = app();
    app.filter = Filter::parse("agency:KUNA").expect("filter");
    update(&mut app, Action::Search);
    let effects = type_text(&mut app, "wat");
    let runs: Vec<_> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::RunFilter {
                generation, filter, ..
            } => Some((*generation, filter.to_string())),
            _ => None,
        })
        .collect();
    assert_eq!(runs.len(), 3, "one run per key: {runs:?}");
    assert_eq!(runs[1].1, "agency:KUNA wa", "too short for a prefix");
    assert_eq!(runs[2].1, "agency:KUNA wat*", "the word being typed is a prefix");
    let latest = app.generation;
    update(&mut app, done(latest - 1, |_| false));
    assert_eq!(app.rows.len(), 29, "an older run's result is dropped");
    update(&mut app, done(latest, |r| r.row % 2 == 0));
    assert!(app.rows.len() < 29);
    type_text(&mut app, " agency:X");
    let Some(Popup::Prompt(prompt)) = &app.popup else {
        panic!("no prompt");
    };
    assert!(prompt.error.is_some(), "only words here");
    let effects = update(&mut app, Action::Cancel);
    assert_eq!(filter_run(&effects).1.to_string(), "agency:KUNA");
    assert!(app.popup.is_none());
    update(&mut app, Action::Search);
    type_text(&mut app, "summit");
    let effects = update(&mut app, Action::Confirm);
    assert!(effects.is_empty(), "already applied");
    assert_eq!(app.filter.to_string(), "agency:KUNA summit*");
    update(&mut app, Action::Search);
    assert_eq!(
        app.filter.to_string(),
        "agency:KUNA summit*",
        "reopened as it was"
    );
    update(&mut app, Action::DeleteBack);
    assert_eq!(app.filter.to_string(), "agency:KUNA summit*", "still being typed");
    for (typed, filter) in [
        (" ", "agency:KUNA summit"),
        ("\"wa", "agency:KUNA summit \"wa\""),
        ("ter sec", "agency:KUNA summit \"water sec*\""),
        ("\"", "agency:KUNA summit \"water sec\""),
        (" -gas", "agency:KUNA summit \"water sec\" -gas"),
        (" oil", "agency:KUNA summit \"water sec\" -gas oil*"),
    ] {
        type_text(&mut app, typed);
        assert_eq!(app.filter.to_string(), filter, "after {typed:?}");
    }
}

#[test]
fn the_whole_filter_is_edited() {
    let mut app = app();
    update(&mut app, Action::EditFilter);
    type_text(&mut app, "agency:");
    update(&mut app, Action::Confirm);
    assert!(
        matches!(&app.popup, Some(Popup::Prompt(p)) if p.error.as_deref().is_some_and(|e| e.starts_with("bad filter")))
    );
    type_text(&mut app, "WAM is:unread");
    let effects = update(&mut app, Action::Confirm);
    assert_eq!(filter_run(&effects).1.to_string(), "agency:WAM is:unread");
    update(&mut app, Action::EditFilter);
    let Some(Popup::Prompt(prompt)) = &app.popup else {
        panic!("no prompt");
    };
    assert_eq!(prompt.input, "agency:WAM is:unread");
}

#[test]
fn entities_and_speakers_become_filters() {
    let mut app = app_on_statements();
    update(&mut app, Action::PickEntity);
    let Some(Popup::Entities(picker)) = &app.popup else {
        panic!("no entity picker");
    };
    let first = picker.items[0].name.clone();
    let effects = update(&mut app, Action::Confirm);
    let filter = filter_run(&effects).1;
    assert_eq!(filter.terms[0].condition, crate::query::Condition::Entity(first));
    let effects = update(&mut app, Action::FilterSpeaker);
    let filter = filter_run(&effects).1;
    assert!(filter.to_string().contains("speaker:"), "{filter}");
    update(&mut app, Action::PickEntity);
    update(&mut app, Action::Cancel);
    assert!(app.popup.is_none());
}

#[test]
fn without_entities_or_speakers_a_message_says_so() {
    let mut app = app();
    app.shown = None;
    update(&mut app, Action::PickEntity);
    assert!(app.popup.is_none());
    assert!(app.status.as_ref().is_some_and(|s| !s.error));
    update(&mut app, Action::FilterSpeaker);
    assert!(app.status.is_some());
    update(&mut app, Action::ClearFilter);
    assert!(app.status.as_ref().is_some_and(|s| s.text.contains("no filter")));
}

#[test]
fn clearing_runs_the_empty_filter() {
    let mut app = app();
    app.filter = Filter::parse("agency:KUNA ceasefire").expect("filter");
    let effects = update(&mut app, Action::ClearFilter);
    assert_eq!(filter_run(&effects).1, Filter::default());
}

#[test]
fn read_and_star_marks_toggle_and_persist() {
    let mut app = app();
    let row = app.rows[0].row;
    assert_eq!(update(&mut app, Action::ToggleRead), [Effect::SetRead(row, true)]);
    assert!(app.rows[0].is_read());
    assert_eq!(
        update(&mut app, Action::ToggleRead),
        [Effect::SetRead(row, false)]
    );
    assert!(!app.rows[0].is_read());
    assert_eq!(
        update(&mut app, Action::ToggleStar),
        [Effect::SetStarred(row, true)]
    );
    assert!(app.rows[0].is_starred());
    assert!(app.shown.as_ref().is_some_and(|s| s.stored.starred));
    assert_eq!(
        update(&mut app, Action::ToggleStar),
        [Effect::SetStarred(row, false)]
    );
}

#[test]
fn sort_cycles_and_reruns() {
    let mut app = app();
    let effects = update(&mut app, Action::CycleSort);
    assert_eq!(app.sort, Sort::Oldest);
    assert!(matches!(
        effects[..],
        [Effect::RunFilter {
            sort: Sort::Oldest,
            ..
        }]
    ));
    update(&mut app, Action::CycleSort);
    assert_eq!(app.sort, Sort::Agency);
    update(&mut app, Action::CycleSort);
    assert_eq!(app.sort, Sort::Newest);
}

#[test]
fn side_panel_help_and_quit() {
    let mut app = app();
    update(&mut app, Action::ToggleSidePanel);
    assert!(app.side_panel);
    update(&mut app, Action::ToggleSidePanel);
    assert!(!app.side_panel);
    update(&mut app, Action::Help);
    assert_eq!(app.popup, Some(Popup::Help { scroll: 0 }));
    update(&mut app, Action::MoveDown);
    update(&mut app, Action::PageDown);
    assert!(matches!(app.popup, Some(Popup::Help { scroll }) if scroll > 1));
    assert_eq!(app.cursor, 0, "the list does not move under help");
    let effects = update(&mut app, Action::Quit);
    assert!(app.popup.is_none() && effects.is_empty(), "q closes help first");
    assert_eq!(update(&mut app, Action::Quit), [Effect::Quit]);
}

#[test]
fn the_mouse_scrolls_and_selects_what_is_under_it() {
    let mut app = app_on_statements();
    update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    let panes = app.panes().expect("panes");
    let cursor = app.cursor;
    update(
        &mut app,
        Action::Wheel {
            column: 5,
            row: panes.list_body.y,
            down: true,
        },
    );
    assert_eq!(app.cursor, (cursor + 3).min(28));
    feed_article(&mut app);
    update(
        &mut app,
        Action::Wheel {
            column: 5,
            row: panes.detail_body.y + 1,
            down: true,
        },
    );
    assert!(app.detail_scroll > 0);
    update(
        &mut app,
        Action::Click {
            column: 5,
            row: panes.list_body.y + 1,
        },
    );
    assert_eq!(app.cursor, app.list_offset + 1);
    update(
        &mut app,
        Action::Click {
            column: 5,
            row: panes.detail_body.y + 1,
        },
    );
    assert_eq!(app.focus, Focus::Detail);
}

#[test]
fn a_filter_change_keeps_the_selected_article_when_it_stays() {
    let mut app = app();
    update(&mut app, Action::MoveDown);
    update(&mut app, Action::MoveDown);
    let kept = app.rows[2];
    let effects = update(&mut app, Action::ClearFilter);
    assert!(effects.is_empty());
    app.filter = Filter::parse("is:unread").expect("filter");
    let effects = update(&mut app, Action::CycleSort);
    let (generation, _) = filter_run(&effects);
    update(&mut app, done(generation, |r| r.agency == kept.agency));
    assert_eq!(app.selected(), Some(&kept), "still on the same article");
    let effects = update(&mut app, Action::CycleSort);
    let (generation, _) = filter_run(&effects);
    let effects = update(&mut app, done(generation, |r| r.row != kept.row));
    assert_eq!(app.cursor, 0, "gone: back to the top");
    assert!(effects.contains(&Effect::LoadArticle(app.rows[0].row)));
    let stray = app.generation + 1;
    let effects = update(&mut app, done(stray, |_| false));
    assert!(effects.is_empty(), "a run nobody asked for changes nothing");
}

#[test]
fn an_empty_result_clears_the_detail() {
    let mut app = app();
    let effects = update(&mut app, Action::ClearFilter);
    assert!(effects.is_empty());
    app.filter = Filter::parse("nothingmatches").expect("filter");
    let effects = update(&mut app, Action::CycleSort);
    update(&mut app, done(filter_run(&effects).0, |_| false));
    assert!(app.rows.is_empty() && app.shown.is_none());
    assert_eq!(update(&mut app, Action::MoveDown), []);
    assert_eq!(update(&mut app, Action::ToggleRead), []);
}

#[test]
fn failures_become_messages() {
    let mut app = app();
    update(
        &mut app,
        Action::Failed("library.db: the disk is full".to_string()),
    );
    assert!(
        app.status
            .as_ref()
            .is_some_and(|s| s.error && s.text.contains("disk is full"))
    );
    update(&mut app, Action::MoveDown);
    assert!(app.status.is_none(), "a key clears the message");
    app.searching = true;
    let generation = app.generation;
    update(
        &mut app,
        Action::FilterFailed {
            generation,
            message: "full-text search failed".into(),
        },
    );
    assert!(!app.searching && app.status.as_ref().is_some_and(|s| s.error));
}

#[test]
fn loads_for_other_rows_and_headlines_are_kept_apart() {
    let mut app = app();
    let other = app.rows[5].row;
    update(&mut app, Action::ArticleLoaded(Box::new(article(other))));
    assert_ne!(
        app.shown.as_ref().map(|s| s.stored.row),
        Some(i64::from(other)),
        "not the selected one"
    );
    update(
        &mut app,
        Action::Headlines(vec![(other, "A headline".to_string())]),
    );
    assert_eq!(app.headline(other), Some("A headline"));
}
