//! The state thread: marking an article read or starring it is written to the library on a
//! connection of its own, so that a key press never waits while an import commits a batch.
//! Changes are written in the order made, and all of them before the reader exits.

use std::path::Path;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

use super::action::Action;
use crate::store::{Library, Mode, Result};

/// A change of an article's state, by row.
enum Change {
    Read(u32, bool),
    Starred(u32, bool),
}

/// The handle of a running state thread; dropping it waits for the changes sent so far.
pub struct StateWriter {
    changes: Option<Sender<Change>>,
    thread: Option<JoinHandle<()>>,
}

impl StateWriter {
    /// Starts a state thread on its own connection to the library at `path`; `report`
    /// receives a failure to write.
    pub fn start(path: &Path, report: impl Fn(Action) + Send + 'static) -> Result<StateWriter> {
        let library = Library::open(path, Mode::Write)?;
        let (changes, receiver) = channel();
        let thread = std::thread::Builder::new()
            .name("newsdesk-state".to_string())
            .spawn(move || serve(&library, &receiver, &report))
            .map_err(|error| crate::store::StoreError::Sqlite {
                path: path.display().to_string(),
                reason: format!("cannot start the state thread: {error}"),
            })?;
        Ok(StateWriter {
            changes: Some(changes),
            thread: Some(thread),
        })
    }

    /// Marks an article read or unread.
    pub fn set_read(&self, row: u32, read: bool) {
        self.send(Change::Read(row, read));
    }

    /// Stars or unstars an article.
    pub fn set_starred(&self, row: u32, starred: bool) {
        self.send(Change::Starred(row, starred));
    }

    fn send(&self, change: Change) {
        if let Some(changes) = &self.changes {
            // The thread only stops when this handle is dropped.
            let _ = changes.send(change);
        }
    }
}

impl Drop for StateWriter {
    fn drop(&mut self) {
        drop(self.changes.take());
        if let Some(thread) = self.thread.take() {
            // A thread that panicked has nothing more to write.
            let _ = thread.join();
        }
    }
}

fn serve(library: &Library, changes: &Receiver<Change>, report: &dyn Fn(Action)) {
    for change in changes {
        let written = match change {
            Change::Read(row, read) => library.set_read(i64::from(row), read),
            Change::Starred(row, starred) => library.set_starred(i64::from(row), starred),
        };
        if let Err(error) = written {
            report(Action::Failed(error.to_string()));
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;
    use crate::store::import::{Options, Sources, import};

    #[test]
    fn a_change_waits_for_the_library_on_its_own_thread_and_is_written_before_exit() {
        let scratch = tempfile::TempDir::new().expect("scratch");
        let path = scratch.path().join("library.db");
        let mut library = Library::open(&path, Mode::Create).expect("a library");
        let samples = Sources {
            paths: Vec::new(),
            samples: true,
        };
        import(&mut library, &samples, Options::default(), &mut |_| {}).expect("imported");
        let writer =
            StateWriter::start(&path, |action| panic!("a write failed: {action:?}")).expect("started");
        // Another writer (an import committing a batch) holds the library for a while.
        let mut importer = Library::open(&path, Mode::Write).expect("a second connection");
        let busy = importer
            .connection_mut()
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .expect("the write lock");
        let asked = Instant::now();
        writer.set_read(1, true);
        writer.set_starred(1, true);
        assert!(
            asked.elapsed() < Duration::from_millis(100),
            "the key press waited"
        );
        std::thread::sleep(Duration::from_millis(300));
        busy.commit().expect("released");
        drop(writer);
        let stored = library.article_at(1).expect("the article");
        assert!(stored.read && stored.starred, "written before the writer ended");
    }
}
