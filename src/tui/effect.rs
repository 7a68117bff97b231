//! What `update` asks the outside world to do, and the executor that does it: it owns the
//! library (and the search thread), carries out each [`Effect`] and answers with the
//! [`Action`]s that report the results. [`dispatch`] runs an action to the end, synchronously:
//! the run loop, the tests and the benchmark all go through it.

use std::sync::Arc;

use super::action::Action;
use super::app::{App, Timeline};
use super::search::Searcher;
use super::state::StateWriter;
use super::update::update;
use crate::query::{Condition, Field, Filter};
use crate::store::index::NO_DAY;
use crate::store::rows::day_number;
use crate::store::select::{Sort, select};
use crate::store::{Index, Library};

/// Work for the run loop.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Select the articles of a filter; answered by [`Action::FilterDone`].
    RunFilter {
        /// The run's number.
        generation: u64,
        /// The filter.
        filter: Filter,
        /// The order.
        sort: Sort,
    },
    /// Count the articles of each agency under a filter; answered by [`Action::AgencyCounts`].
    CountAgencies {
        /// The filter (its agency term left out).
        filter: Filter,
    },
    /// Load an article for the detail; answered by [`Action::ArticleLoaded`].
    LoadArticle(u32),
    /// Load headlines for the list; answered by [`Action::Headlines`].
    LoadHeadlines(Vec<u32>),
    /// Mark an article read or unread in the library.
    SetRead(u32, bool),
    /// Star or unstar an article in the library.
    SetStarred(u32, bool),
    /// Leave the reader.
    Quit,
}

/// True when a filter has terms SQLite answers (entity, speaker, words): those may take a
/// while, so they run on the search thread when there is one.
pub fn needs_search(filter: &Filter) -> bool {
    filter.terms.iter().any(|term| {
        matches!(
            term.condition,
            Condition::Entity(_) | Condition::Speaker(_) | Condition::Word(_) | Condition::Phrase(_)
        )
    })
}

/// Carries out effects on the library.
pub struct Executor {
    library: Library,
    searcher: Option<Searcher>,
    state: Option<StateWriter>,
}

impl Executor {
    /// An executor that does everything on the calling thread.
    pub fn new(library: Library) -> Executor {
        Executor {
            library,
            searcher: None,
            state: None,
        }
    }

    /// An executor that sends slow filters to `searcher` and state changes to `state` (when
    /// the library can be written), whose answers arrive through their channels instead of
    /// being returned.
    pub fn with_threads(library: Library, searcher: Searcher, state: Option<StateWriter>) -> Executor {
        Executor {
            library,
            searcher: Some(searcher),
            state,
        }
    }

    /// The library.
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// Carries out an effect; returns the actions that report its results at once.
    pub fn execute(&mut self, app: &App, effect: Effect) -> Vec<Action> {
        match effect {
            Effect::RunFilter {
                generation,
                filter,
                sort,
            } => {
                if let (true, Some(searcher)) = (needs_search(&filter), &self.searcher) {
                    searcher.run_filter(generation, filter, sort, Arc::clone(&app.index), app.today);
                    return Vec::new();
                }
                vec![run_filter(
                    &self.library,
                    &app.index,
                    generation,
                    &filter,
                    app.today,
                    sort,
                )]
            }
            Effect::CountAgencies { filter } => {
                if let (true, Some(searcher)) = (needs_search(&filter), &self.searcher) {
                    searcher.count_agencies(filter, Arc::clone(&app.index), app.today);
                    return Vec::new();
                }
                vec![count_agencies(&self.library, &app.index, &filter, app.today)]
            }
            Effect::LoadArticle(row) => vec![match self.library.article_at(i64::from(row)) {
                Ok(stored) => Action::ArticleLoaded(Box::new(stored)),
                Err(error) => Action::Failed(error.to_string()),
            }],
            Effect::LoadHeadlines(rows) => match self.library.headlines(&rows) {
                Ok(headlines) => vec![Action::Headlines(headlines)],
                Err(error) => vec![
                    Action::Headlines(rows.into_iter().map(|row| (row, String::new())).collect()),
                    Action::Failed(error.to_string()),
                ],
            },
            Effect::SetRead(row, read) => match &self.state {
                Some(state) => {
                    state.set_read(row, read);
                    Vec::new()
                }
                None => failure(self.library.set_read(i64::from(row), read)),
            },
            Effect::SetStarred(row, starred) => match &self.state {
                Some(state) => {
                    state.set_starred(row, starred);
                    Vec::new()
                }
                None => failure(self.library.set_starred(i64::from(row), starred)),
            },
            Effect::Quit => Vec::new(),
        }
    }
}

/// The action reporting a failed write, if it failed.
fn failure(written: crate::store::Result<()>) -> Vec<Action> {
    written
        .err()
        .map(|error| Action::Failed(error.to_string()))
        .into_iter()
        .collect()
}

/// Runs a filter: the articles it selects, and the timeline of the filter without its date
/// terms (so the strip shows the days around the date filter's range). The date terms are
/// checked here, over the rows the rest of the filter selects.
pub fn run_filter(
    library: &Library,
    index: &Index,
    generation: u64,
    filter: &Filter,
    today: chrono::NaiveDate,
    sort: Sort,
) -> Action {
    let mut undated = filter.clone();
    undated.remove_field(Field::Date);
    let dates: Vec<(bool, i32, i32)> = filter
        .terms
        .iter()
        .filter_map(|term| {
            let bounds = term.condition.bounds(today)?;
            Some((
                term.negated,
                bounds.first.map_or(i32::MIN + 1, day_number),
                bounds.last.map_or(i32::MAX, day_number),
            ))
        })
        .collect();
    match select(library, index, &undated, today, sort) {
        Ok(mut selection) => {
            let timeline = Timeline::of(&selection.rows);
            if !dates.is_empty() {
                selection.rows.retain(|row| {
                    dates.iter().all(|&(negated, first, last)| {
                        (row.day != NO_DAY && first <= row.day && row.day <= last) != negated
                    })
                });
            }
            Action::FilterDone {
                generation,
                selection,
                timeline,
            }
        }
        Err(error) => Action::FilterFailed {
            generation,
            message: error.to_string(),
        },
    }
}

/// Articles per agency code under `filter` without its agency term.
pub fn count_agencies(library: &Library, index: &Index, filter: &Filter, today: chrono::NaiveDate) -> Action {
    let mut without_agency = filter.clone();
    without_agency.remove_field(Field::Agency);
    match select(library, index, &without_agency, today, Sort::Newest) {
        Ok(selection) => {
            let mut counts: Vec<usize> = Vec::new();
            for row in &selection.rows {
                let slot = usize::from(row.agency);
                if slot >= counts.len() {
                    counts.resize(slot + 1, 0);
                }
                counts[slot] += 1;
            }
            Action::AgencyCounts(
                counts
                    .into_iter()
                    .enumerate()
                    .filter(|(_, n)| *n > 0)
                    .map(|(code, n)| (code as u16, n))
                    .collect(),
            )
        }
        Err(error) => Action::Failed(error.to_string()),
    }
}

/// Runs `action` through `update`, carries out the effects and feeds their results back until
/// nothing is left to do. Returns false when the reader should quit.
pub fn dispatch(app: &mut App, executor: &mut Executor, action: Action) -> bool {
    let mut pending = std::collections::VecDeque::from([action]);
    let mut running = true;
    while let Some(action) = pending.pop_front() {
        for effect in update(app, action) {
            if effect == Effect::Quit {
                running = false;
            }
            pending.extend(executor.execute(app, effect));
        }
    }
    running
}
