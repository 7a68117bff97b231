//! The library: articles, their annotations and the reader's state in one SQLite file (WAL
//! mode, so the reader and an import can use it at once).
//!
//! Opening a library loads a compact in-memory index of every article (date, agency, place,
//! read and starred flags: 16 bytes each); filters on those run over it, entity, speaker and
//! full-text filters ask SQLite for the matching articles first. Bodies and annotations are
//! loaded only when an article is shown.

pub mod checkpoint;
pub mod codec;
pub mod export;
pub mod ids;
pub mod import;
pub mod index;
pub mod postings;
pub mod rows;
pub mod schema;
pub mod select;
pub mod stats;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use crate::annotate::Annotations;
use crate::article::{Article, ArticleId};
pub use index::{Index, IndexRow};
pub use select::{Selection, Sort};

/// The environment variable naming the library file (overridden by `--library`).
pub const LIBRARY_ENV: &str = "NEWSDESK_LIBRARY";

/// Why the library could not be used. `Display` gives the one-line message, starting with the
/// library's path.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file exists but is not a newsdesk library; it is left untouched.
    #[error("{path}: not a newsdesk library ({reason}); the file was left untouched")]
    NotALibrary {
        /// The library's path.
        path: String,
        /// What the file is instead.
        reason: String,
    },
    /// The library was written by a newer newsdesk.
    #[error(
        "{path}: library format {found} is newer than this newsdesk understands ({supported}); upgrade newsdesk"
    )]
    TooNew {
        /// The library's path.
        path: String,
        /// The format version found in the file.
        found: i64,
        /// The newest version this build understands.
        supported: i64,
    },
    /// The library has an older format and cannot be written to upgrade it.
    #[error(
        "{path}: library format {found} needs upgrading to {supported}, which needs write access to the file"
    )]
    NeedsUpgrade {
        /// The library's path.
        path: String,
        /// The format version found in the file.
        found: i64,
        /// The version this build writes.
        supported: i64,
    },
    /// There is no library at the path.
    #[error("{path}: no library yet; import articles with `newsdesk import PATH...`")]
    Missing {
        /// The library's path.
        path: String,
    },
    /// No article has this id.
    #[error("no article {id} in the library")]
    UnknownArticle {
        /// The id asked for.
        id: ArticleId,
    },
    /// SQLite failed (read-only file, full disk, busy, corrupt page, ...).
    #[error("{path}: {reason}")]
    Sqlite {
        /// The library's path.
        path: String,
        /// What went wrong, in words.
        reason: String,
    },
}

/// A result of a library operation.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// How a library is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Read and write; the file is created when missing.
    Create,
    /// Read and write an existing library (reader state changes).
    Write,
    /// Read an existing library only.
    Read,
}

/// An open library.
pub struct Library {
    connection: Connection,
    path: String,
}

impl std::fmt::Debug for Library {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Library").field("path", &self.path).finish()
    }
}

/// The default library file: `$NEWSDESK_LIBRARY`, else `library.db` in the XDG data directory
/// (`~/.local/share/newsdesk/` on Linux).
pub fn default_path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(LIBRARY_ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    directories::ProjectDirs::from("", "", "newsdesk").map(|dirs| dirs.data_dir().join("library.db"))
}

impl Library {
    /// Opens the library at `path`.
    pub fn open(path: &Path, mode: Mode) -> Result<Library> {
        let shown = path.display().to_string();
        let exists = path.exists();
        if !exists && mode != Mode::Create {
            return Err(StoreError::Missing { path: shown });
        }
        if exists && std::fs::metadata(path).is_ok_and(|m| m.len() == 0) {
            return Err(StoreError::NotALibrary {
                path: shown,
                reason: "an empty file".to_string(),
            });
        }
        if !exists {
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent).map_err(|error| StoreError::Sqlite {
                    path: shown.clone(),
                    reason: format!("cannot create {}: {error}", parent.display()),
                })?;
            }
        }
        let flags = match mode {
            Mode::Create => OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
            Mode::Write => OpenFlags::SQLITE_OPEN_READ_WRITE,
            Mode::Read => OpenFlags::SQLITE_OPEN_READ_ONLY,
        } | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let connection =
            Connection::open_with_flags(path, flags).map_err(|error| sqlite_error(&shown, &error))?;
        let library = Library {
            connection,
            path: shown,
        };
        library.configure()?;
        match schema::prepare(&library.connection, &library.path, mode != Mode::Read) {
            // Reading a library of an older format upgrades it first, when the file allows.
            Err(StoreError::NeedsUpgrade { .. }) if mode == Mode::Read => {
                drop(library);
                drop(Library::open(path, Mode::Write)?);
                Library::open(path, Mode::Read)
            }
            Err(error) => Err(error),
            Ok(()) => Ok(library),
        }
    }

    /// A library in memory, gone when dropped (`newsdesk PATH...` reads files into one).
    pub fn in_memory() -> Result<Library> {
        let connection = Connection::open_in_memory().map_err(|error| sqlite_error(":memory:", &error))?;
        let library = Library {
            connection,
            path: ":memory:".to_string(),
        };
        library.configure()?;
        schema::prepare(&library.connection, &library.path, true)?;
        Ok(library)
    }

    fn configure(&self) -> Result<()> {
        self.connection
            .busy_timeout(std::time::Duration::from_secs(10))
            .map_err(|error| self.error(&error))?;
        register_functions(&self.connection).map_err(|error| self.error(&error))?;
        self.connection
            .execute_batch(
                "PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; \
                 PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 16384;",
            )
            .map_err(|error| self.error(&error))
    }

    /// The library's path as given.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The SQLite connection (for the modules of the store).
    pub(crate) fn connection(&self) -> &Connection {
        &self.connection
    }

    /// The SQLite connection, mutable (transactions).
    pub(crate) fn connection_mut(&mut self) -> &mut Connection {
        &mut self.connection
    }

    /// Turns an SQLite error into a [`StoreError`] naming this library.
    pub(crate) fn error(&self, error: &rusqlite::Error) -> StoreError {
        sqlite_error(&self.path, error)
    }

    /// Whether the library holds no article (without counting them: counting reads every
    /// row, and keeps the pages it read in memory).
    pub fn is_empty(&self) -> Result<bool> {
        self.connection
            .query_row("SELECT NOT EXISTS (SELECT 1 FROM articles)", [], |row| row.get(0))
            .map_err(|error| self.error(&error))
    }

    /// Loads the compact index of every article.
    pub fn index(&self) -> Result<Index> {
        Index::load(self)
    }

    /// The internal row number of an article.
    pub fn row_of(&self, id: ArticleId) -> Result<Option<i64>> {
        self.connection
            .query_row(
                "SELECT rowid FROM articles WHERE id = ?1",
                params![id.0 as i64],
                |row| row.get(0),
            )
            .optional()
            .map_err(|error| self.error(&error))
    }

    /// An article and its annotations, by id.
    pub fn article(&self, id: ArticleId) -> Result<StoredArticle> {
        let row = self.row_of(id)?.ok_or(StoreError::UnknownArticle { id })?;
        self.article_at(row)
    }

    /// An article and its annotations, by internal row number.
    pub fn article_at(&self, row: i64) -> Result<StoredArticle> {
        rows::load(self, row)
    }

    /// The headline of an article: its title, else the start of its first paragraph.
    pub fn headline(&self, row: i64) -> Result<String> {
        self.connection
            .prepare_cached("SELECT headline FROM headlines WHERE rowid = ?1")
            .and_then(|mut statement| statement.query_row(params![row], |r| r.get(0)))
            .map_err(|error| self.error(&error))
    }

    /// The headlines of several articles, in one query (rows without an article are left out).
    pub fn headlines(&self, rows: &[u32]) -> Result<Vec<(u32, String)>> {
        let mut found = Vec::with_capacity(rows.len());
        for chunk in rows.chunks(100) {
            let marks = vec!["?"; chunk.len()].join(", ");
            let sql = format!("SELECT rowid, headline FROM headlines WHERE rowid IN ({marks})");
            let mut statement = self.connection.prepare_cached(&sql).map_err(|e| self.error(&e))?;
            let items = statement
                .query_map(rusqlite::params_from_iter(chunk), |r| Ok((r.get(0)?, r.get(1)?)))
                .and_then(|items| items.collect::<rusqlite::Result<Vec<(u32, String)>>>())
                .map_err(|error| self.error(&error))?;
            found.extend(items);
        }
        Ok(found)
    }

    /// The id of the article at a row.
    pub fn id_at(&self, row: i64) -> Result<ArticleId> {
        self.connection
            .prepare_cached("SELECT id FROM articles WHERE rowid = ?1")
            .and_then(|mut statement| statement.query_row(params![row], |r| r.get::<_, i64>(0)))
            .map(|id| ArticleId(id as u64))
            .map_err(|error| self.error(&error))
    }

    /// The rows of the articles whose id starts with `prefix` (hex digits), at most `limit`.
    pub fn rows_with_id_prefix(&self, prefix: &str, limit: usize) -> Result<Vec<i64>> {
        let digits = prefix.len();
        let Ok(value) = u64::from_str_radix(prefix, 16) else {
            return Ok(Vec::new());
        };
        if digits == 0 || digits > 16 {
            return Ok(Vec::new());
        }
        let shift = 64 - 4 * digits as u32;
        let low = value.checked_shl(shift).unwrap_or(0);
        let high = low | u64::MAX.checked_shr(4 * digits as u32).unwrap_or(0);
        let mut statement = self
            .connection
            .prepare_cached("SELECT rowid FROM articles WHERE id BETWEEN ?1 AND ?2 LIMIT ?3")
            .map_err(|error| self.error(&error))?;
        let rows = statement
            .query_map(params![low as i64, high as i64, limit as i64], |r| r.get(0))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<i64>>>())
            .map_err(|error| self.error(&error))?;
        Ok(rows)
    }

    /// Marks an article read or unread.
    pub fn set_read(&self, row: i64, read: bool) -> Result<()> {
        self.set_flag("read", row, read)
    }

    /// Stars or unstars an article.
    pub fn set_starred(&self, row: i64, starred: bool) -> Result<()> {
        self.set_flag("starred", row, starred)
    }

    fn set_flag(&self, column: &str, row: i64, value: bool) -> Result<()> {
        self.connection
            .execute(
                &format!("UPDATE articles SET {column} = ?1 WHERE rowid = ?2"),
                params![value, row],
            )
            .map(drop)
            .map_err(|error| self.error(&error))
    }
}

/// Adds newsdesk's SQL functions to a connection (`newsdesk_rows`, see [`select`]).
fn register_functions(connection: &Connection) -> rusqlite::Result<()> {
    connection.create_aggregate_function(
        "newsdesk_rows",
        1,
        rusqlite::functions::FunctionFlags::SQLITE_UTF8
            | rusqlite::functions::FunctionFlags::SQLITE_DETERMINISTIC,
        select::RowBitmap,
    )
}

/// One more read-only connection to a library file, for a thread of a parallel read.
pub(crate) fn read_connection(path: &str) -> rusqlite::Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let connection = Connection::open_with_flags(path, flags)?;
    connection.busy_timeout(std::time::Duration::from_secs(10))?;
    register_functions(&connection)?;
    Ok(connection)
}

/// Runs `read` over the row numbers `0..=last`: on a file library of more than
/// `rows_per_part` rows, in one range per part (at most `most_parts`, each on a thread with its
/// own read connection), else in one range on the library's connection. The results come in
/// range order.
pub(crate) fn in_row_ranges<T: Send>(
    library: &Library,
    last: u32,
    rows_per_part: u32,
    most_parts: u32,
    read: impl Fn(&Connection, u32, u32) -> rusqlite::Result<T> + Sync,
) -> Result<Vec<T>> {
    let parts = (last / rows_per_part.max(1)).clamp(1, most_parts.max(1));
    if parts == 1 || library.path() == ":memory:" {
        return read(library.connection(), 0, last)
            .map(|found| vec![found])
            .map_err(|error| library.error(&error));
    }
    let step = last / parts + 1;
    let (path, read) = (library.path(), &read);
    let found: Vec<rusqlite::Result<T>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..parts)
            .map(|part| {
                let (first, end) = (part * step, ((part + 1) * step - 1).min(last));
                scope.spawn(move || read(&read_connection(path)?, first, end))
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| {
                handle.join().unwrap_or_else(|_| {
                    Err(rusqlite::Error::InvalidParameterName(
                        "a reading thread failed".into(),
                    ))
                })
            })
            .collect()
    });
    found
        .into_iter()
        .map(|part| part.map_err(|error| library.error(&error)))
        .collect()
}

/// The number of threads worth starting for a parallel read.
pub(crate) fn cores() -> u32 {
    std::thread::available_parallelism().map_or(1, |n| n.get()) as u32
}

/// An article as the library holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredArticle {
    /// The internal row number.
    pub row: i64,
    /// The article.
    pub article: Article,
    /// Its annotations.
    pub annotations: Annotations,
    /// The version of the annotator that made them.
    pub annotator: u32,
    /// Whether it has been read.
    pub read: bool,
    /// Whether it is starred.
    pub starred: bool,
}

/// Whether an I/O error of SQLite's happened while writing, growing or syncing the file.
fn is_write_failure(error: &rusqlite::Error) -> bool {
    use rusqlite::ffi;
    let rusqlite::Error::SqliteFailure(failure, _) = error else {
        return false;
    };
    [
        ffi::SQLITE_IOERR_WRITE,
        ffi::SQLITE_IOERR_FSYNC,
        ffi::SQLITE_IOERR_TRUNCATE,
        ffi::SQLITE_IOERR_SHMSIZE,
    ]
    .contains(&failure.extended_code)
}

/// A one-line reason for an SQLite failure, naming the library.
pub(crate) fn sqlite_error(path: &str, error: &rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode;
    let reason = match error.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => {
            return StoreError::NotALibrary {
                path: path.to_string(),
                reason: "not an SQLite database".to_string(),
            };
        }
        Some(ErrorCode::ReadOnly) => "the library is read-only".to_string(),
        Some(ErrorCode::DiskFull) => "the disk is full; nothing after the last batch was stored".to_string(),
        Some(ErrorCode::SystemIoFailure) if is_write_failure(error) => {
            "cannot write to the disk (full, or the file too large); nothing after the last batch was stored"
                .to_string()
        }
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            "the library is busy: another newsdesk is writing to it".to_string()
        }
        Some(ErrorCode::CannotOpen) => "cannot open the file".to_string(),
        Some(ErrorCode::PermissionDenied) => "permission denied".to_string(),
        Some(ErrorCode::DatabaseCorrupt) => {
            "the library is damaged (run `sqlite3 FILE .recover` to save what it holds)".to_string()
        }
        _ => error.to_string(),
    };
    StoreError::Sqlite {
        path: path.to_string(),
        reason,
    }
}
