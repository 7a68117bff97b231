//! The search thread: filters that SQLite answers (entity, speaker, full text) run here on a
//! connection of their own, so typing never waits for them. Requests queue on a channel; when
//! several are waiting only the newest of each kind runs, and results go back as actions.

use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use chrono::NaiveDate;

use super::action::Action;
use super::effect::{count_agencies, run_filter};
use crate::query::Filter;
use crate::store::select::Sort;
use crate::store::{Index, Library, Mode, Result};

/// What the search thread is asked.
enum Request {
    Filter {
        generation: u64,
        filter: Filter,
        sort: Sort,
        index: Arc<Index>,
        today: NaiveDate,
    },
    Agencies {
        filter: Filter,
        index: Arc<Index>,
        today: NaiveDate,
    },
}

/// The handle of a running search thread; the thread ends when it is dropped.
pub struct Searcher {
    requests: Sender<Request>,
}

impl Searcher {
    /// Starts a search thread on its own read-only connection to the library at `path`;
    /// `report` receives each result.
    pub fn start(path: &Path, report: impl Fn(Action) + Send + 'static) -> Result<Searcher> {
        let library = Library::open(path, Mode::Read)?;
        let (requests, receiver) = channel();
        std::thread::Builder::new()
            .name("newsdesk-search".to_string())
            .spawn(move || serve(&library, &receiver, &report))
            .map_err(|error| crate::store::StoreError::Sqlite {
                path: path.display().to_string(),
                reason: format!("cannot start the search thread: {error}"),
            })?;
        Ok(Searcher { requests })
    }

    /// Asks for the articles of a filter; answered by [`Action::FilterDone`].
    pub fn run_filter(
        &self,
        generation: u64,
        filter: Filter,
        sort: Sort,
        index: Arc<Index>,
        today: NaiveDate,
    ) {
        let _ = self.requests.send(Request::Filter {
            generation,
            filter,
            sort,
            index,
            today,
        });
    }

    /// Asks for the agency counts of a filter; answered by [`Action::AgencyCounts`].
    pub fn count_agencies(&self, filter: Filter, index: Arc<Index>, today: NaiveDate) {
        let _ = self.requests.send(Request::Agencies { filter, index, today });
    }
}

fn serve(library: &Library, receiver: &Receiver<Request>, report: &dyn Fn(Action)) {
    while let Ok(first) = receiver.recv() {
        // Only the newest request of each kind is still wanted.
        let mut latest_filter = None;
        let mut latest_agencies = None;
        for request in std::iter::once(first).chain(receiver.try_iter()) {
            match request {
                Request::Filter { .. } => latest_filter = Some(request),
                Request::Agencies { .. } => latest_agencies = Some(request),
            }
        }
        for request in [latest_filter, latest_agencies].into_iter().flatten() {
            report(match request {
                Request::Filter {
                    generation,
                    filter,
                    sort,
                    index,
                    today,
                } => run_filter(library, &index, generation, &filter, today, sort),
                Request::Agencies { filter, index, today } => count_agencies(library, &index, &filter, today),
            });
        }
    }
}
