//! `update`: the only place the reader's state changes. It takes an action, changes the
//! [`App`] and returns the [`Effect`]s for the run loop to carry out; it does no I/O and never
//! reads the clock.

use chrono::Days;

use super::action::Action;
use super::app::{
    AgencyItem, App, EntityItem, Focus, HEADLINE_CACHE, Picker, Popup, Prompt, PromptKind, Shown, Status,
};
use super::effect::Effect;
use super::strings;
use super::view::detail::detail_lines;
use crate::query::{Condition, DateSpec, Field, Filter, Period, Term};
use crate::store::index::{READ, STARRED};
use crate::store::select::Sort;

/// Lines `J`, `K` and the mouse wheel scroll by.
const SCROLL_STEP: usize = 3;

/// Handles one action: changes `app` and returns what the run loop must do.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let mut effects = Vec::new();
    if is_key(&action) {
        app.status = None;
    }
    match action {
        Action::Resize { width, height } => {
            app.viewport = ratatui::layout::Rect::new(0, 0, width, height);
            keep_cursor_visible(app);
        }
        Action::FilterDone {
            generation,
            selection,
            timeline,
        } => {
            if generation == app.generation {
                app.searching = false;
                let kept = app.selected().map(|row| row.row);
                app.rows = selection.rows;
                app.timeline = timeline;
                app.cursor = kept
                    .and_then(|row| app.rows.iter().position(|r| r.row == row))
                    .unwrap_or(0);
                app.list_offset = 0;
                keep_cursor_visible(app);
            }
        }
        Action::FilterFailed { generation, message } => {
            if generation == app.generation {
                app.searching = false;
                fail(app, message);
            }
        }
        Action::AgencyCounts(counts) => {
            if let Some(Popup::Agencies(picker)) = &mut app.popup {
                for item in &mut picker.items {
                    if let Some(code) = item.code {
                        item.count = Some(counts.iter().find(|(c, _)| *c == code).map_or(0, |(_, n)| *n));
                    }
                }
                picker.items.sort_by(|a, b| {
                    (a.code.is_some(), std::cmp::Reverse(a.count), &a.abbr).cmp(&(
                        b.code.is_some(),
                        std::cmp::Reverse(b.count),
                        &b.abbr,
                    ))
                });
            }
        }
        Action::ArticleLoaded(stored) => {
            if app.selected().is_some_and(|row| i64::from(row.row) == stored.row) {
                app.shown = Some(Shown::new(*stored));
                app.detail_scroll = 0;
                app.current_statement = None;
            }
        }
        Action::Headlines(headlines) => app.headlines.extend(headlines),
        Action::Failed(message) => fail(app, message),
        Action::Wheel { column, row, down } => wheel(app, column, row, down),
        Action::Click { column, row } => click(app, column, row),
        action => match app.popup.take() {
            Some(popup) => popup_key(app, popup, action, &mut effects),
            None => browse_key(app, action, &mut effects),
        },
    }
    follow_selection(app, &mut effects);
    effects
}

/// True for the actions a person causes (which clear the status message).
fn is_key(action: &Action) -> bool {
    action.name().is_some() || matches!(action, Action::Input(_) | Action::Click { .. })
}

fn fail(app: &mut App, message: String) {
    app.status = Some(Status {
        text: message,
        error: true,
    });
}

fn say(app: &mut App, text: impl Into<String>) {
    app.status = Some(Status {
        text: text.into(),
        error: false,
    });
}

/// A key in the list or the detail.
fn browse_key(app: &mut App, action: Action, effects: &mut Vec<Effect>) {
    let in_detail = app.focus == Focus::Detail;
    match action {
        Action::MoveDown if in_detail => scroll_detail(app, 1),
        Action::MoveUp if in_detail => scroll_detail(app, -1),
        Action::PageDown if in_detail => scroll_detail(app, page(app.detail_height())),
        Action::PageUp if in_detail => scroll_detail(app, -page(app.detail_height())),
        Action::First if in_detail => app.detail_scroll = 0,
        Action::Last if in_detail => scroll_detail(app, isize::MAX / 2),
        Action::MoveDown => move_cursor(app, 1),
        Action::MoveUp => move_cursor(app, -1),
        Action::PageDown => move_cursor(app, page(app.list_height())),
        Action::PageUp => move_cursor(app, -page(app.list_height())),
        Action::First => move_cursor(app, isize::MIN / 2),
        Action::Last => move_cursor(app, isize::MAX / 2),
        Action::Open if in_detail => app.focus = Focus::List,
        Action::Open => {
            if let Some(row) = app.selected().copied() {
                app.focus = Focus::Detail;
                if !row.is_read() {
                    set_flag(app, row.row, READ, true);
                    effects.push(Effect::SetRead(row.row, true));
                }
            }
        }
        Action::Back => app.focus = Focus::List,
        Action::ScrollDown => scroll_detail(app, (app.detail_height() / 2).max(SCROLL_STEP) as isize),
        Action::ScrollUp => scroll_detail(app, -((app.detail_height() / 2).max(SCROLL_STEP) as isize)),
        Action::NextStatement => jump_to_statement(app, true),
        Action::PreviousStatement => jump_to_statement(app, false),
        Action::PickAgency => open_agency_picker(app, effects),
        Action::PromptDate => {
            let input = app
                .filter
                .terms
                .iter()
                .find_map(|term| match &term.condition {
                    Condition::Date(spec) if !term.negated => Some(spec.to_string()),
                    _ => None,
                })
                .unwrap_or_default();
            open_prompt(app, PromptKind::Date, input);
        }
        Action::PreviousDay => step_day(app, false, effects),
        Action::NextDay => step_day(app, true, effects),
        Action::Search => {
            let words: Vec<String> = app
                .filter
                .terms
                .iter()
                .filter(|term| term.condition.field() == Field::Text)
                .map(Term::to_string)
                .collect();
            open_prompt(app, PromptKind::Search, words.join(" "));
        }
        Action::EditFilter => {
            let text = app.filter.to_string();
            open_prompt(app, PromptKind::Filter, text);
        }
        Action::PickEntity => {
            let items: Vec<EntityItem> = app
                .shown
                .iter()
                .flat_map(|shown| &shown.entities)
                .flat_map(|(kind, names)| {
                    names.iter().map(|(name, mentions)| EntityItem {
                        kind: *kind,
                        name: name.clone(),
                        mentions: *mentions,
                    })
                })
                .collect();
            if items.is_empty() {
                say(app, strings::NO_ENTITIES);
            } else {
                app.popup = Some(Popup::Entities(Picker::new(items)));
            }
        }
        Action::FilterSpeaker => match current_speaker(app) {
            Some(name) => change_filter(app, effects, |filter| {
                filter.set(Condition::Speaker(name).into());
            }),
            None => say(app, strings::NO_SPEAKER),
        },
        Action::ClearFilter => {
            if app.filter.is_empty() {
                say(app, strings::NOTHING_TO_CLEAR);
            } else {
                change_filter(app, effects, |filter| *filter = Filter::default());
            }
        }
        Action::ToggleRead => {
            if let Some(row) = app.selected().copied() {
                set_flag(app, row.row, READ, !row.is_read());
                effects.push(Effect::SetRead(row.row, !row.is_read()));
            }
        }
        Action::ToggleStar => {
            if let Some(row) = app.selected().copied() {
                set_flag(app, row.row, STARRED, !row.is_starred());
                effects.push(Effect::SetStarred(row.row, !row.is_starred()));
            }
        }
        Action::CycleSort => {
            let position = Sort::ALL.iter().position(|s| *s == app.sort).unwrap_or(0);
            app.sort = Sort::ALL[(position + 1) % Sort::ALL.len()];
            say(app, strings::sorted(app.sort));
            run_filter(app, effects);
        }
        Action::ToggleSidePanel => {
            app.side_panel = !app.side_panel;
            keep_cursor_visible(app);
        }
        Action::Help => app.popup = Some(Popup::Help { scroll: 0 }),
        Action::Quit => effects.push(Effect::Quit),
        _ => {}
    }
}

/// A key while a popup is open; the popup was taken out of `app` and is put back unless the
/// key closes it.
fn popup_key(app: &mut App, popup: Popup, action: Action, effects: &mut Vec<Effect>) {
    match popup {
        Popup::Help { scroll } => {
            let scroll = match action {
                Action::MoveDown | Action::ScrollDown => scroll + 1,
                Action::MoveUp | Action::ScrollUp => scroll.saturating_sub(1),
                Action::PageDown => scroll + app.detail_height(),
                Action::PageUp => scroll.saturating_sub(app.detail_height()),
                Action::First => 0,
                Action::Back
                | Action::Help
                | Action::Quit
                | Action::Cancel
                | Action::Confirm
                | Action::Open => {
                    return;
                }
                _ => scroll,
            };
            app.popup = Some(Popup::Help { scroll });
        }
        Popup::Agencies(mut picker) => {
            match action {
                Action::Toggle => {
                    if let Some(position) = picker.current() {
                        if picker.items[position].code.is_none() {
                            picker.items.iter_mut().for_each(|item| item.checked = false);
                        } else {
                            picker.items[position].checked ^= true;
                        }
                    }
                }
                Action::Confirm => {
                    let mut chosen: Vec<String> = picker
                        .items
                        .iter()
                        .filter(|item| item.checked && item.code.is_some())
                        .map(|item| item.abbr.clone())
                        .collect();
                    let under_cursor = picker.current().map(|p| &picker.items[p]);
                    if chosen.is_empty() {
                        chosen.extend(
                            under_cursor
                                .filter(|item| item.code.is_some())
                                .map(|item| item.abbr.clone()),
                        );
                    }
                    change_filter(app, effects, |filter| {
                        if chosen.is_empty() {
                            filter.remove_field(Field::Agency);
                        } else {
                            filter.set(Condition::Agency(chosen).into());
                        }
                    });
                    return;
                }
                Action::Cancel => return,
                other => edit_picker(&mut picker, other, app.detail_height()),
            }
            app.popup = Some(Popup::Agencies(picker));
        }
        Popup::Entities(mut picker) => {
            match action {
                Action::Confirm | Action::Toggle => {
                    if let Some(position) = picker.current() {
                        let name = picker.items[position].name.clone();
                        change_filter(app, effects, |filter| filter.set(Condition::Entity(name).into()));
                    }
                    return;
                }
                Action::Cancel => return,
                other => edit_picker(&mut picker, other, app.detail_height()),
            }
            app.popup = Some(Popup::Entities(picker));
        }
        Popup::Prompt(mut prompt) => match action {
            Action::Input(c) => {
                prompt.input.push(c);
                prompt_edited(app, prompt, effects);
            }
            Action::DeleteBack => {
                prompt.input.pop();
                prompt_edited(app, prompt, effects);
            }
            Action::Cancel => {
                if app.filter != prompt.before {
                    let before = prompt.before;
                    change_filter(app, effects, |filter| *filter = before);
                }
            }
            Action::Confirm => match prompt_filter(&prompt) {
                Ok(filter) => {
                    if filter != app.filter {
                        change_filter(app, effects, |current| *current = filter);
                    }
                }
                Err(error) => {
                    prompt.error = Some(error);
                    app.popup = Some(Popup::Prompt(prompt));
                }
            },
            _ => app.popup = Some(Popup::Prompt(prompt)),
        },
    }
}

/// Moving and typing in a picker.
fn edit_picker<T: super::app::Narrow>(picker: &mut Picker<T>, action: Action, page_size: usize) {
    let visible = picker.visible().len();
    let last = visible.saturating_sub(1);
    match action {
        Action::MoveDown => picker.cursor = (picker.cursor + 1).min(last),
        Action::MoveUp => picker.cursor = picker.cursor.saturating_sub(1),
        Action::PageDown => picker.cursor = (picker.cursor + page_size).min(last),
        Action::PageUp => picker.cursor = picker.cursor.saturating_sub(page_size),
        Action::First => picker.cursor = 0,
        Action::Last => picker.cursor = last,
        Action::Input(c) => {
            picker.query.push(c);
            picker.cursor = 0;
        }
        Action::DeleteBack => {
            picker.query.pop();
            picker.cursor = 0;
        }
        _ => {}
    }
}

fn open_prompt(app: &mut App, kind: PromptKind, input: String) {
    app.popup = Some(Popup::Prompt(Prompt {
        kind,
        input,
        error: None,
        before: app.filter.clone(),
    }));
}

/// The filter a prompt's text makes, or why it makes none.
fn prompt_filter(prompt: &Prompt) -> Result<Filter, String> {
    let input = prompt.input.trim();
    match prompt.kind {
        PromptKind::Filter => Filter::parse(input).map_err(|error| strings::bad_filter(&error.to_string())),
        PromptKind::Date => {
            let mut filter = prompt.before.clone();
            filter.remove_field(Field::Date);
            if !input.is_empty() {
                let parsed = Filter::parse(&format!("date:{input}")).map_err(|error| {
                    // The columns count from the value, not from the `date:` put before it.
                    let column = error.column.saturating_sub(5).max(1);
                    strings::bad_filter(&format!("column {column}: {}", error.message))
                })?;
                for term in parsed.terms {
                    filter.set(term);
                }
            }
            Ok(filter)
        }
        PromptKind::Search => {
            // A phrase still being typed is searched as typed so far: its quote is closed.
            let parsed = Filter::parse(input).or_else(|error| match input.matches('"').count() % 2 {
                1 => Filter::parse(&format!("{input}\"")).map_err(|_| error),
                _ => Err(error),
            });
            let mut parsed = parsed.map_err(|error| strings::bad_filter(&error.to_string()))?;
            if parsed.terms.iter().any(|t| t.condition.field() != Field::Text) {
                return Err(strings::SEARCH_ONLY_TEXT.to_string());
            }
            // The word still being typed (nothing after it yet) matches as a prefix, so the
            // list follows the keys: `desal` finds desalination; `desal ` the word alone;
            // `"water sec` the phrase with a word starting `sec`. Shorter prefixes than three
            // letters match too many words to be worth a search.
            if prompt.input.ends_with(char::is_alphanumeric) {
                if let Some(Term {
                    negated: false,
                    condition: Condition::Word(text) | Condition::Phrase(text),
                }) = parsed.terms.last_mut()
                {
                    let last_word = text.rsplit(' ').next().unwrap_or_default();
                    if last_word.chars().count() >= SHORTEST_PREFIX {
                        text.push('*');
                    }
                }
            }
            let mut filter = prompt.before.clone();
            filter.remove_field(Field::Text);
            filter.terms.extend(parsed.terms);
            Ok(filter)
        }
    }
}

/// The fewest letters of a word being typed that a search takes as a prefix.
const SHORTEST_PREFIX: usize = 3;

/// After each keystroke: the search prompt applies its words at once (and says when they do
/// not parse); the others are checked when confirmed.
fn prompt_edited(app: &mut App, mut prompt: Prompt, effects: &mut Vec<Effect>) {
    prompt.error = None;
    if prompt.kind == PromptKind::Search {
        match prompt_filter(&prompt) {
            Ok(filter) => {
                if filter != app.filter {
                    app.filter = filter;
                    run_filter(app, effects);
                }
            }
            Err(error) => prompt.error = Some(error),
        }
    }
    app.popup = Some(Popup::Prompt(prompt));
}

fn open_agency_picker(app: &mut App, effects: &mut Vec<Effect>) {
    let wanted: Vec<String> = app.filtered_agencies().iter().map(|n| n.to_lowercase()).collect();
    let mut items = vec![AgencyItem {
        code: None,
        abbr: String::new(),
        name: strings::ALL_AGENCIES.to_string(),
        count: None,
        checked: false,
    }];
    for (code, agency) in app.index.agencies() {
        let checked = wanted
            .iter()
            .any(|w| *w == agency.abbr.to_lowercase() || *w == agency.name.to_lowercase());
        items.push(AgencyItem {
            code: Some(code),
            abbr: agency.abbr.clone(),
            name: agency.name.clone(),
            count: None,
            checked,
        });
    }
    items[1..].sort_by_key(|item| item.abbr.to_lowercase());
    app.popup = Some(Popup::Agencies(Picker::new(items)));
    effects.push(Effect::CountAgencies {
        filter: app.filter.clone(),
    });
}

/// `[` and `]`: the date filter a day earlier or later; the selected article's day when there
/// is no date filter.
fn step_day(app: &mut App, forward: bool, effects: &mut Vec<Effect>) {
    let step = |day: chrono::NaiveDate| {
        if forward {
            day.checked_add_days(Days::new(1))
        } else {
            day.checked_sub_days(Days::new(1))
        }
    };
    let spec = match app.date_bounds() {
        Some(bounds) => {
            let first = bounds.first.and_then(step);
            let last = bounds.last.and_then(step);
            match (first, last) {
                (Some(first), Some(last)) if first == last => DateSpec::Period(Period::Day(first)),
                (None, None) => return say(app, strings::NO_DAY),
                (first, last) => DateSpec::Range {
                    from: first.map(Period::Day),
                    to: last.map(Period::Day),
                },
            }
        }
        None => match app.selected().and_then(|row| row.date()) {
            Some(day) => DateSpec::Period(Period::Day(day)),
            None => return say(app, strings::NO_DAY),
        },
    };
    change_filter(app, effects, |filter| filter.set(Condition::Date(spec).into()));
}

/// The speaker of the current statement, else of the first statement with a named speaker.
fn current_speaker(app: &App) -> Option<String> {
    let shown = app.shown.as_ref()?;
    let named = |index: usize| shown.statements.get(index).and_then(|s| s.speaker.clone());
    match app.current_statement {
        Some(index) => named(index),
        None => (0..shown.statements.len()).find_map(named),
    }
}

/// `n` and `N`: the next or previous statement, scrolled to the top of the detail.
fn jump_to_statement(app: &mut App, forward: bool) {
    let Some(shown) = &app.shown else {
        return;
    };
    let count = shown.statements.len();
    if count == 0 {
        return say(app, strings::NO_STATEMENTS);
    }
    let next = match (app.current_statement, forward) {
        (None, true) => 0,
        (None, false) => count - 1,
        (Some(i), true) => (i + 1).min(count - 1),
        (Some(i), false) => i.saturating_sub(1),
    };
    app.current_statement = Some(next);
    let width = app.panes().map_or(80, |p| usize::from(p.detail_body.width));
    let lines = detail_lines(shown, &app.config.theme, width, Some(next));
    if let Some(line) = lines.iter().position(|line| line.tags.contains(&next)) {
        app.detail_scroll = line.saturating_sub(1);
    }
}

fn scroll_detail(app: &mut App, by: isize) {
    let total = app.shown.as_ref().map_or(0, |shown| {
        let width = app.panes().map_or(80, |p| usize::from(p.detail_body.width));
        detail_lines(shown, &app.config.theme, width, app.current_statement).len()
    });
    let most = total.saturating_sub(app.detail_height());
    app.detail_scroll = app.detail_scroll.saturating_add_signed(by).min(most);
}

fn page(height: usize) -> isize {
    height.saturating_sub(1).max(1) as isize
}

fn move_cursor(app: &mut App, by: isize) {
    if app.rows.is_empty() {
        return;
    }
    app.cursor = app.cursor.saturating_add_signed(by).min(app.rows.len() - 1);
    keep_cursor_visible(app);
}

fn keep_cursor_visible(app: &mut App) {
    let height = app.list_height();
    app.cursor = app.cursor.min(app.rows.len().saturating_sub(1));
    if app.cursor < app.list_offset {
        app.list_offset = app.cursor;
    } else if app.cursor >= app.list_offset + height {
        app.list_offset = app.cursor + 1 - height;
    }
    app.list_offset = app.list_offset.min(app.rows.len().saturating_sub(height));
}

/// Sets a flag of a row in the index and in the selection.
fn set_flag(app: &mut App, row: u32, flag: u8, on: bool) {
    std::sync::Arc::make_mut(&mut app.index).set_flag(row, flag, on);
    for item in app.rows.iter_mut().filter(|r| r.row == row) {
        if on {
            item.flags |= flag;
        } else {
            item.flags &= !flag;
        }
    }
    if let Some(shown) = app.shown.as_mut().filter(|s| s.stored.row == i64::from(row)) {
        match flag {
            READ => shown.stored.read = on,
            _ => shown.stored.starred = on,
        }
    }
}

/// Changes the filter and runs it.
fn change_filter(app: &mut App, effects: &mut Vec<Effect>, change: impl FnOnce(&mut Filter)) {
    change(&mut app.filter);
    run_filter(app, effects);
}

fn run_filter(app: &mut App, effects: &mut Vec<Effect>) {
    app.generation += 1;
    app.searching = true;
    effects.push(Effect::RunFilter {
        generation: app.generation,
        filter: app.filter.clone(),
        sort: app.sort,
    });
}

fn wheel(app: &mut App, column: u16, row: u16, down: bool) {
    let step = if down {
        SCROLL_STEP as isize
    } else {
        -(SCROLL_STEP as isize)
    };
    match &mut app.popup {
        Some(Popup::Help { scroll }) => *scroll = scroll.saturating_add_signed(step),
        Some(Popup::Agencies(picker)) => edit_picker(picker, direction(down), 0),
        Some(Popup::Entities(picker)) => edit_picker(picker, direction(down), 0),
        Some(Popup::Prompt(_)) => {}
        None => {
            let Some(panes) = app.panes() else {
                return;
            };
            let position = ratatui::layout::Position::new(column, row);
            if panes.list.contains(position) {
                move_cursor(app, step);
            } else if panes.detail.contains(position) || panes.side.is_some_and(|s| s.contains(position)) {
                scroll_detail(app, step);
            }
        }
    }
}

fn direction(down: bool) -> Action {
    if down { Action::MoveDown } else { Action::MoveUp }
}

fn click(app: &mut App, column: u16, row: u16) {
    if app.popup.is_some() {
        return;
    }
    let Some(panes) = app.panes() else {
        return;
    };
    let position = ratatui::layout::Position::new(column, row);
    if panes.list_body.contains(position) {
        let target = app.list_offset + usize::from(row - panes.list_body.y);
        if target < app.rows.len() {
            app.cursor = target;
            app.focus = Focus::List;
        }
    } else if panes.detail.contains(position) && app.shown.is_some() {
        app.focus = Focus::Detail;
    }
}

/// Asks for what the screen will need: the selected article and the visible headlines.
fn follow_selection(app: &mut App, effects: &mut Vec<Effect>) {
    let selected = app.selected().map(|row| row.row);
    if selected != app.requested {
        app.requested = selected;
        match selected {
            Some(row) => effects.push(Effect::LoadArticle(row)),
            None => {
                app.shown = None;
                app.current_statement = None;
            }
        }
    }
    if app.shown.is_none() {
        app.focus = Focus::List;
    }
    let end = (app.list_offset + app.list_height()).min(app.rows.len());
    let visible = app.rows.get(app.list_offset..end).unwrap_or_default();
    let mut missing: Vec<u32> = visible
        .iter()
        .map(|r| r.row)
        .filter(|row| !app.headlines.contains_key(row))
        .collect();
    if !missing.is_empty() {
        if app.headlines.len() + missing.len() > HEADLINE_CACHE {
            app.headlines.clear();
            missing = visible.iter().map(|r| r.row).collect();
        }
        for row in &missing {
            app.headlines.insert(*row, String::new());
        }
        effects.push(Effect::LoadHeadlines(missing));
    }
}

#[cfg(test)]
mod tests;
