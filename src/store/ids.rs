//! The ids of the stored articles, as an import's writer keeps them, so that each article is
//! stored once.
//!
//! The library keeps no index of ids. An id is a content hash: an index of them takes the
//! inserts of every batch all over its pages, and in a large library each transaction rewrote
//! most of the index (through the log, then into the file). The writer knows every id in
//! memory instead: those stored when the import began, those it stores, and those that another
//! import stored meanwhile, read at the start of each of its transactions (under the write
//! lock, so that none can be added before it commits).

use std::collections::HashSet;
use std::sync::Arc;

use rusqlite::{Connection, params};
use rustc_hash::FxHashSet;

/// Every id stored in the library, as far as the writer has seen.
#[derive(Debug)]
pub struct StoredIds {
    /// The ids stored when the import began; the workers skip these articles.
    known: Arc<HashSet<u64>>,
    /// The ids stored since.
    added: FxHashSet<u64>,
    /// The last row read from the library.
    last_row: i64,
}

impl StoredIds {
    /// Reads the id of every stored article.
    pub fn load(connection: &Connection) -> rusqlite::Result<StoredIds> {
        let mut known = HashSet::new();
        let mut last_row = 0;
        let mut statement = connection.prepare("SELECT rowid, id FROM articles")?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            last_row = last_row.max(row.get(0)?);
            known.insert(row.get::<_, i64>(1)? as u64);
        }
        Ok(StoredIds {
            known: Arc::new(known),
            added: FxHashSet::default(),
            last_row,
        })
    }

    /// The ids stored when the import began (for the workers, which skip those articles).
    pub fn known(&self) -> Arc<HashSet<u64>> {
        Arc::clone(&self.known)
    }

    /// Reads the ids of the articles stored since the last look (by another import, and by
    /// this one). Call inside the write transaction, before [`StoredIds::claim`].
    pub fn catch_up(&mut self, connection: &Connection) -> rusqlite::Result<()> {
        let mut statement = connection.prepare_cached("SELECT rowid, id FROM articles WHERE rowid > ?1")?;
        let mut rows = statement.query(params![self.last_row])?;
        while let Some(row) = rows.next()? {
            self.last_row = self.last_row.max(row.get(0)?);
            self.added.insert(row.get::<_, i64>(1)? as u64);
        }
        Ok(())
    }

    /// Claims an id for an article about to be stored: false when an article with it is
    /// already stored (or claimed).
    pub fn claim(&mut self, id: u64) -> bool {
        !self.known.contains(&id) && self.added.insert(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn library() -> Connection {
        let connection = Connection::open_in_memory().expect("a database");
        connection
            .execute_batch("CREATE TABLE articles (rowid INTEGER PRIMARY KEY, id INTEGER NOT NULL);")
            .expect("a table");
        connection
    }

    fn store(connection: &Connection, id: i64) {
        connection
            .execute("INSERT INTO articles (id) VALUES (?1)", params![id])
            .expect("stored");
    }

    #[test]
    fn an_id_is_claimed_once() {
        let connection = library();
        store(&connection, -7);
        let mut ids = StoredIds::load(&connection).expect("ids");
        assert!(ids.known().contains(&(-7_i64 as u64)));
        assert!(!ids.claim(-7_i64 as u64), "stored before the import");
        assert!(ids.claim(12));
        assert!(!ids.claim(12), "twice in one import");
    }

    #[test]
    fn ids_stored_by_another_writer_are_seen_on_catching_up() {
        let connection = library();
        store(&connection, 1);
        let mut ids = StoredIds::load(&connection).expect("ids");
        store(&connection, 2);
        store(&connection, 3);
        ids.catch_up(&connection).expect("caught up");
        assert!(!ids.claim(2) && !ids.claim(3) && ids.claim(4));
        store(&connection, 5);
        ids.catch_up(&connection).expect("caught up again");
        assert!(!ids.claim(5));
    }
}
