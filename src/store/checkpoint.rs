//! Copies committed pages from the write-ahead log into the library file on a thread of its
//! own while an import runs, so that the writer seldom stops to do it.
//!
//! SQLite checkpoints on the writing connection once the log has grown past
//! `wal_autocheckpoint` pages: a large import then spends a quarter of the writer's time
//! copying pages. Here a second connection copies what each commit added (a passive
//! checkpoint, which never blocks the writer); when the writer's own checkpoint comes due,
//! most pages are in place, and the log starts again from its beginning.

use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::Scope;

use rusqlite::{Connection, OpenFlags};

/// Asks the checkpointing thread to copy what has been committed; dropping it ends the thread.
pub struct Checkpointer {
    requests: SyncSender<()>,
}

impl Checkpointer {
    /// Starts the checkpointing thread for the library file `path` (as SQLite names it);
    /// None for a library in memory, or when the thread cannot start.
    pub fn start<'scope>(scope: &'scope Scope<'scope, '_>, path: &str) -> Option<Checkpointer> {
        if path.is_empty() {
            return None;
        }
        let connection = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .ok()?;
        let (requests, received) = sync_channel(1);
        std::thread::Builder::new()
            .name("import-checkpoint".to_string())
            .spawn_scoped(scope, move || serve(&connection, &received))
            .ok()?;
        Some(Checkpointer { requests })
    }

    /// Asks for the pages committed so far to be copied; never waits (a request already
    /// pending covers them).
    pub fn request(&self) {
        // Full: a request is pending. Disconnected: the thread has stopped, and the writer's
        // own checkpoints do the work.
        let _ = self.requests.try_send(());
    }
}

/// Runs a passive checkpoint for each request until the requests end. A checkpoint that
/// fails (the disk is full, another process holds the log) is left to the writer's own.
fn serve(connection: &Connection, requests: &Receiver<()>) {
    while requests.recv().is_ok() {
        let _ = connection.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_pages_reach_the_library_file() {
        let scratch = tempfile::TempDir::new().expect("scratch");
        let path = scratch.path().join("wal.db");
        let writer = Connection::open(&path).expect("open");
        writer
            .query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
            .expect("a log");
        writer
            .execute_batch(
                "PRAGMA wal_autocheckpoint = 0;
                 CREATE TABLE t (x BLOB);
                 WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
                 INSERT INTO t SELECT randomblob(1000) FROM n;",
            )
            .expect("write");
        let file_size = || std::fs::metadata(&path).expect("the file").len();
        let before = file_size();
        assert!(before < 100_000, "the rows are still in the log: {before} bytes");
        let name = writer.path().expect("a file").to_string();
        std::thread::scope(|scope| {
            let checkpointer = Checkpointer::start(scope, &name).expect("started");
            checkpointer.request();
        });
        assert!(
            file_size() > 1_000_000,
            "the rows were copied: {} bytes",
            file_size()
        );
    }

    #[test]
    fn a_library_in_memory_has_no_checkpointer() {
        std::thread::scope(|scope| assert!(Checkpointer::start(scope, "").is_none()));
    }
}
