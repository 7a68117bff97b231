//! The library's schema, its version (`PRAGMA user_version`) and the migrations between
//! versions. A newsdesk library is recognised by its `PRAGMA application_id`; any other file is
//! refused and never written to.

use rusqlite::Connection;

use super::{Result, StoreError, sqlite_error};

/// `PRAGMA application_id` of a newsdesk library: "NEWS" in ASCII.
pub const APPLICATION_ID: i64 = 0x4E45_5753;

/// The schema version this build writes and reads.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

/// A step from one schema version to the next.
enum Migration {
    /// Statements to run.
    Sql(&'static str),
    /// A conversion the program carries out.
    Code(fn(&Connection) -> rusqlite::Result<()>),
}

/// `MIGRATIONS[n]` takes a library from version `n` to `n + 1` (version 0 is a new file).
const MIGRATIONS: &[Migration] = &[
    // 1: articles (compact rows), texts (bodies and annotations), a dictionary of entity
    // names, the entity, spelling and speaker indexes by name number, and the full-text index
    // over titles and bodies.
    Migration::Sql(
        "CREATE TABLE agencies (
        code INTEGER PRIMARY KEY,
        abbr TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL
    );
    CREATE TABLE places (
        code INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE
    );
    CREATE TABLE articles (
        rowid INTEGER PRIMARY KEY,
        id INTEGER NOT NULL UNIQUE,
        day INTEGER,
        agency INTEGER,
        place INTEGER,
        read INTEGER NOT NULL DEFAULT 0,
        starred INTEGER NOT NULL DEFAULT 0,
        annotator INTEGER NOT NULL,
        imported INTEGER NOT NULL
    );
    CREATE TABLE texts (
        rowid INTEGER PRIMARY KEY,
        title TEXT,
        body TEXT NOT NULL,
        article TEXT NOT NULL,
        annotations BLOB NOT NULL
    );
    CREATE TABLE names (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL
    );
    CREATE TABLE entities (
        name INTEGER NOT NULL,
        kind INTEGER NOT NULL,
        article INTEGER NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (name, kind, article)
    ) WITHOUT ROWID;
    CREATE TABLE entity_names (
        name INTEGER NOT NULL,
        article INTEGER NOT NULL,
        PRIMARY KEY (name, article)
    ) WITHOUT ROWID;
    CREATE TABLE speakers (
        name INTEGER NOT NULL,
        article INTEGER NOT NULL,
        statements INTEGER NOT NULL,
        canonical INTEGER NOT NULL,
        PRIMARY KEY (name, article)
    ) WITHOUT ROWID;
    CREATE VIRTUAL TABLE search USING fts5 (
        title, body, content = 'texts', content_rowid = 'rowid',
        tokenize = 'unicode61 remove_diacritics 2'
    );",
    ),
    // 2: the headline of every article in a small table of its own, so that a list reads a
    // screenful of headlines without touching the bodies.
    Migration::Sql(
        "CREATE TABLE headlines (
        rowid INTEGER PRIMARY KEY,
        headline TEXT NOT NULL
    );
    INSERT INTO headlines (rowid, headline)
    SELECT rowid,
           CASE WHEN trim(coalesce(title, '')) <> '' THEN substr(title, 1, 300)
                ELSE substr(body, 1, min(300, instr(body || char(10, 10), char(10, 10)) - 1))
           END
    FROM texts;",
    ),
    // 3: the entity, spelling and speaker indexes as blocks of articles per name (see
    // `postings`), in place of one row per name and article.
    Migration::Code(super::postings::migrate_from_rows),
    // 4: no index of article ids (see `ids`): the rows are copied into a table without the
    // unique constraint, keeping their row numbers.
    Migration::Sql(
        "CREATE TABLE articles_without_index (
        rowid INTEGER PRIMARY KEY,
        id INTEGER NOT NULL,
        day INTEGER,
        agency INTEGER,
        place INTEGER,
        read INTEGER NOT NULL DEFAULT 0,
        starred INTEGER NOT NULL DEFAULT 0,
        annotator INTEGER NOT NULL,
        imported INTEGER NOT NULL
    );
    INSERT INTO articles_without_index
    SELECT rowid, id, day, agency, place, read, starred, annotator, imported FROM articles;
    DROP TABLE articles;
    ALTER TABLE articles_without_index RENAME TO articles;",
    ),
    // 5: the index of names in block order, with larger blocks (see `postings`), so that an
    // import appends to it rather than rewriting pages all over it.
    Migration::Code(super::postings::migrate_to_block_order),
];

/// Checks that the connection holds a newsdesk library of a version this build reads, creating
/// the schema in a new file and migrating an older one when `writable`.
pub fn prepare(connection: &Connection, path: &str, writable: bool) -> Result<()> {
    let error = |e: rusqlite::Error| sqlite_error(path, &e);
    let application_id: i64 = connection
        .query_row("PRAGMA application_id", [], |row| row.get(0))
        .map_err(error)?;
    let version: i64 = connection
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(error)?;
    if application_id != APPLICATION_ID {
        let objects: i64 = connection
            .query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))
            .map_err(error)?;
        if application_id != 0 || objects > 0 {
            return Err(StoreError::NotALibrary {
                path: path.to_string(),
                reason: "an SQLite database of another program".to_string(),
            });
        }
        if !writable {
            return Err(StoreError::Missing {
                path: path.to_string(),
            });
        }
    }
    if version > VERSION {
        return Err(StoreError::TooNew {
            path: path.to_string(),
            found: version,
            supported: VERSION,
        });
    }
    if writable {
        if version == 0 {
            // A new file: pages large enough for a body of a few kilobytes to fit one without
            // overflow pages, which also keeps the full-text index's segments compact.
            connection
                .execute_batch("PRAGMA page_size = 16384")
                .map_err(error)?;
        }
        connection
            .query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
            .map_err(error)?;
    }
    if version < VERSION {
        if !writable {
            return Err(StoreError::NeedsUpgrade {
                path: path.to_string(),
                found: version,
                supported: VERSION,
            });
        }
        migrate(connection, version).map_err(error)?;
    }
    Ok(())
}

/// Applies the migrations after `from` in one transaction, with the version and id.
fn migrate(connection: &Connection, from: i64) -> rusqlite::Result<()> {
    connection.execute_batch("BEGIN IMMEDIATE")?;
    let result = (|| {
        for migration in &MIGRATIONS[from as usize..] {
            match migration {
                Migration::Sql(sql) => connection.execute_batch(sql)?,
                Migration::Code(convert) => convert(connection)?,
            }
        }
        connection.execute_batch(&format!(
            "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {VERSION};"
        ))
    })();
    match result {
        Ok(()) => connection.execute_batch("COMMIT"),
        Err(error) => {
            // The rollback's own failure is less telling than the error that caused it.
            let _ = connection.execute_batch("ROLLBACK");
            Err(error)
        }
    }
}
