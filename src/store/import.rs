//! Import: read, parse and annotate on every core, store from one writer, one transaction per
//! batch. An article already in the library (same id: same text) is skipped before it is
//! annotated; an exported article whose annotations are current is stored without annotating.
//! A crash loses at most the batch being written: every committed batch is complete.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, SyncSender, channel, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rusqlite::{TransactionBehavior, params};

use super::checkpoint::Checkpointer;
use super::export::current_annotations;
use super::ids::StoredIds;
use super::rows::{Codes, Prepared, Writer};
use super::{Library, Result};
use crate::annotate::{ANNOTATOR_VERSION, annotate};
use crate::input::{self, ChunkPlace, Format, Input, InputError, Record};
use crate::wire::Origin;

/// How an import runs.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Articles per transaction.
    pub batch: usize,
    /// Parsing and annotating threads.
    pub threads: usize,
}

/// Articles stored per transaction unless told otherwise: fewer transactions mean fewer, larger
/// segments of the full-text index to merge, and larger ones hold more articles in memory.
pub const DEFAULT_BATCH: usize = 3_000;

impl Default for Options {
    fn default() -> Self {
        Options {
            batch: DEFAULT_BATCH,
            threads: std::thread::available_parallelism().map_or(2, |n| n.get()),
        }
    }
}

/// Running totals, reported after every batch and every file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// Input files found.
    pub files: usize,
    /// Input files finished (read, or failed).
    pub files_done: usize,
    /// Articles stored.
    pub imported: usize,
    /// Articles skipped because the library holds them already.
    pub already: usize,
    /// Inputs that failed, whole or in part.
    pub failed_files: usize,
    /// One line per failure: the path, where in it, and the reason.
    pub failures: Vec<String>,
}

/// What the workers tell the writer.
enum Message {
    /// New articles from the worker numbered `worker`, and how many were already stored.
    Articles {
        worker: usize,
        prepared: Vec<Prepared>,
        already: usize,
    },
    /// A line of a file failed; the rest of the file goes on.
    Failure { path: String, reason: String },
    /// A file is finished, or failed as a whole.
    FileDone { path: String, failure: Option<String> },
}

/// One piece of work: a whole input, a slice of lines of a JSON Lines file, or the bundled
/// samples.
enum Work {
    Input(Input),
    Samples,
    Lines {
        path: String,
        text: String,
        place: ChunkPlace,
        last: bool,
    },
}

/// What to import.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// Files and folders (`-`: standard input).
    pub paths: Vec<PathBuf>,
    /// The sample articles bundled with newsdesk.
    pub samples: bool,
}

/// Prepared articles a worker hands the writer at once, at most: the queue between them is
/// counted in messages, so a message's size bounds the memory the queue holds.
const ARTICLES_PER_MESSAGE: usize = 32;

/// Memory the full-text index may fill with a batch's terms before writing them out.
const SEARCH_HASH_BYTES: i64 = 16 * 1024 * 1024;

/// How long an article waits for its batch to fill before it is committed with fewer.
const LONGEST_WAIT: Duration = Duration::from_secs(2);

/// Segments of one size the full-text index gathers before merging them into one. Each merge
/// rewrites what it merges: with 32, a library of a few million articles has been rewritten
/// once (with 8, twice or three times, and importing a 1,000,000-article export is 10% slower).
/// A query reads a few more segments: its first 100 rows at most 1 ms at 1,000,000 articles.
const SEARCH_MERGE_SEGMENTS: i64 = 32;

/// Segments of one size at which the full-text index stops to merge them all at once. Above
/// [`SEARCH_MERGE_SEGMENTS`], so that merging stays the gradual kind, done a little per batch.
const SEARCH_CRISIS_SEGMENTS: i64 = 128;

/// The size of the full-text index's leaves, in bytes: one fills a page of the library (16 KiB)
/// where FTS5's default (4,050) puts four rows on it. A quarter of the rows to write and merge;
/// a query's first rows read a larger leaf (at 100,000 articles 76 µs instead of 40 µs).
const SEARCH_LEAF_BYTES: i64 = 16_000;

/// Bytes of a JSON Lines file handed to a worker at once, about: small enough that the
/// allocator reuses the memory of earlier pieces rather than asking the system for more.
const BYTES_PER_CHUNK: usize = 256 * 1024;
/// The room a piece starts with: its bytes and a typical line more.
const CHUNK_CAPACITY: usize = BYTES_PER_CHUNK + 16 * 1024;

/// Imports every article under `paths` into the library; `progress` sees the totals after each
/// batch and file. Failures of single inputs are counted, not returned: only a failure of the
/// library itself stops the import (what was committed before stays).
pub fn import(
    library: &mut Library,
    sources: &Sources,
    options: Options,
    progress: &mut dyn FnMut(&Tally),
) -> Result<Tally> {
    let mut ids = StoredIds::load(library.connection()).map_err(|e| library.error(&e))?;
    let known = ids.known();
    let mut tally = Tally::default();
    let mut inputs = Vec::new();
    if sources.samples {
        tally.files += 1;
    }
    for item in input::expand(&sources.paths) {
        tally.files += 1;
        match item {
            Ok(input) => inputs.push(input),
            Err(error) => {
                tally.files_done += 1;
                tally.failed_files += 1;
                tally.failures.push(error.to_string());
            }
        }
    }
    progress(&tally);
    let (work_tx, work_rx) = sync_channel::<Work>(options.threads * 2);
    let work_rx = Arc::new(Mutex::new(work_rx));
    // Room for two batches: the workers go on while the writer commits one.
    let room = (2 * options.batch / ARTICLES_PER_MESSAGE).max(options.threads * 4);
    let (done_tx, done_rx) = sync_channel::<Message>(room);
    std::thread::scope(|scope| {
        let dispatcher_done = done_tx.clone();
        let samples = sources.samples;
        spawn_named(scope, "import-reader", move || {
            if !samples || work_tx.send(Work::Samples).is_ok() {
                dispatch(inputs, &work_tx, &dispatcher_done);
            }
        });
        let mut returns = Vec::new();
        for worker in 0..options.threads.max(1) {
            let work_rx = Arc::clone(&work_rx);
            let done_tx = done_tx.clone();
            let known = Arc::clone(&known);
            let (give_back, returned) = channel();
            returns.push(give_back);
            spawn_named(scope, "import-worker", move || {
                work(worker, &work_rx, &done_tx, &returned, &known)
            });
        }
        drop(done_tx);
        let committed = Committed {
            checkpointer: Checkpointer::start(scope, library.connection().path().unwrap_or("")),
            returns,
        };
        write(
            library,
            &mut ids,
            &done_rx,
            options.batch,
            &mut tally,
            progress,
            committed,
        )
    })?;
    Ok(tally)
}

/// Starts a named thread (names show in `top -H` and profilers); falls back to an unnamed one.
fn spawn_named<'scope, F>(scope: &'scope std::thread::Scope<'scope, '_>, name: &str, body: F)
where
    F: FnOnce() + Send + 'scope,
{
    let builder = std::thread::Builder::new().name(name.to_string());
    if let Err(error) = builder.spawn_scoped(scope, body) {
        // Only the operating system refusing a thread gets here; the import cannot go on.
        panic!("cannot start an import thread: {error}");
    }
}

/// Hands out the inputs; JSON Lines files are streamed in slices so that a large export is
/// read in parallel and never held whole.
fn dispatch(inputs: Vec<Input>, work: &SyncSender<Work>, done: &SyncSender<Message>) {
    for input in inputs {
        let streamed = match &input {
            Input::File(path) if Format::of_path(path) == Format::JsonLines => Some(path.clone()),
            _ => None,
        };
        let sent = match streamed {
            Some(path) => stream_lines(&path, work, done),
            None => work.send(Work::Input(input)).is_ok(),
        };
        if !sent {
            return;
        }
    }
}

/// Sends a JSON Lines file to the workers in slices of whole lines; false when the import is
/// stopping. The file is read straight into each slice; the part of a line at its end starts the
/// next one.
fn stream_lines(path: &Path, work: &SyncSender<Work>, done: &SyncSender<Message>) -> bool {
    let shown = path.display().to_string();
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(error) => {
            let failure = InputError::Unreadable {
                path: shown.clone(),
                reason: error.to_string(),
            };
            return file_failed(done, shown, failure.to_string());
        }
    };
    let mut place = ChunkPlace::default();
    let mut chunk: Vec<u8> = Vec::with_capacity(CHUNK_CAPACITY);
    loop {
        let (cut, at_end) = match fill(&mut file, &mut chunk) {
            Ok(filled) => filled,
            Err(error) => {
                let failure = format!("{shown}: cannot read: {error}");
                return file_failed(done, shown, failure);
            }
        };
        let mut next = Vec::with_capacity(CHUNK_CAPACITY);
        next.extend_from_slice(&chunk[cut..]);
        chunk.truncate(cut);
        let full = std::mem::replace(&mut chunk, next);
        let lines = line_count(&full);
        let text = match String::from_utf8(full) {
            Ok(text) => text,
            Err(error) => {
                let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
                let number = place.lines_before + memchr::memchr_iter(b'\n', valid).count() + 1;
                let failure = format!("{shown}: line {number} is not UTF-8 text");
                return file_failed(done, shown, failure);
            }
        };
        let piece = Work::Lines {
            path: shown.clone(),
            text,
            place,
            last: at_end,
        };
        if work.send(piece).is_err() {
            return false;
        }
        place.lines_before += lines;
        place.articles_before += lines;
        if at_end {
            return true;
        }
    }
}

/// Reads from `file` onto `chunk` until it holds [`BYTES_PER_CHUNK`] bytes and a line ends in
/// them (a line longer than [`input::MAX_FILE_BYTES`] is cut there), or the file ends. Returns
/// where the whole lines end, and whether the file has ended.
fn fill(file: &mut std::fs::File, chunk: &mut Vec<u8>) -> std::io::Result<(usize, bool)> {
    loop {
        let want = BYTES_PER_CHUNK
            .saturating_sub(chunk.len())
            .max(BYTES_PER_CHUNK / 4);
        let read = file.by_ref().take(want as u64).read_to_end(chunk)?;
        if read < want {
            return Ok((chunk.len(), true));
        }
        if let Some(end) = memchr::memrchr(b'\n', chunk) {
            return Ok((end + 1, false));
        }
        if chunk.len() as u64 >= input::MAX_FILE_BYTES {
            return Ok((chunk.len(), false));
        }
    }
}

/// The lines of a slice of a file: its line ends, and a last line without one.
fn line_count(bytes: &[u8]) -> usize {
    let ends = memchr::memchr_iter(b'\n', bytes).count();
    ends + usize::from(bytes.last().is_some_and(|&b| b != b'\n'))
}

/// Reports a file that could not be read on; false when the import is stopping.
fn file_failed(done: &SyncSender<Message>, path: String, failure: String) -> bool {
    let failure = Some(failure);
    done.send(Message::FileDone { path, failure }).is_ok()
}

/// The records of a slice of JSON lines, and a failure for each line that is not valid; a
/// bad line costs only itself.
fn read_lines(text: &str, origin: &Origin, place: ChunkPlace) -> (Vec<Record>, Vec<String>) {
    if let Ok(records) = input::read_json_records(text, true, origin, place) {
        return (records, Vec::new());
    }
    let mut records = Vec::new();
    let mut failures = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let here = ChunkPlace {
            lines_before: place.lines_before + number,
            articles_before: place.articles_before + number,
        };
        match input::read_json_records(line, true, origin, here) {
            Ok(found) => records.extend(found),
            Err(error) => failures.push(error.to_string()),
        }
    }
    (records, failures)
}

/// A worker: reads and parses inputs, annotates new articles, passes them to the writer, and
/// frees the articles it prepared once the writer has stored them (`returned`).
fn work(
    worker: usize,
    inputs: &Mutex<Receiver<Work>>,
    done: &SyncSender<Message>,
    returned: &Receiver<Vec<Prepared>>,
    known: &HashSet<u64>,
) {
    loop {
        returned.try_iter().for_each(drop);
        let next = match inputs.lock() {
            Ok(receiver) => receiver.recv(),
            Err(_) => return,
        };
        let Ok(next) = next else { return };
        let (path, records, finished) = match next {
            Work::Input(input) => {
                let path = match &input {
                    Input::File(path) => path.display().to_string(),
                    Input::Stdin => "-".to_string(),
                };
                (path, input::read_records(&input), true)
            }
            Work::Samples => ("samples".to_string(), sample_records(), true),
            Work::Lines {
                path,
                text,
                place,
                last,
            } => {
                let origin = Origin {
                    path: path.clone(),
                    mtime: None,
                };
                let (records, failures) = read_lines(&text, &origin, place);
                for reason in failures {
                    let path = path.clone();
                    if done.send(Message::Failure { path, reason }).is_err() {
                        return;
                    }
                }
                (path, Ok(records), last)
            }
        };
        let failure = match records {
            Ok(records) => {
                let mut already = 0;
                let prepared: Vec<Prepared> = records
                    .into_iter()
                    .filter(|record| {
                        let new = !known.contains(&record.article.id.0);
                        already += usize::from(!new);
                        new
                    })
                    .map(prepare)
                    .collect();
                if !send_articles(done, worker, prepared, already) {
                    return;
                }
                None
            }
            Err(error) => Some(error.to_string()),
        };
        if finished && done.send(Message::FileDone { path, failure }).is_err() {
            return;
        }
    }
}

/// Sends prepared articles to the writer in messages of at most [`ARTICLES_PER_MESSAGE`];
/// false when the import is stopping.
fn send_articles(
    done: &SyncSender<Message>,
    worker: usize,
    mut prepared: Vec<Prepared>,
    already: usize,
) -> bool {
    let mut already = Some(already);
    loop {
        let rest = prepared.split_off(prepared.len().min(ARTICLES_PER_MESSAGE));
        let message = Message::Articles {
            worker,
            prepared,
            already: already.take().unwrap_or(0),
        };
        if done.send(message).is_err() {
            return false;
        }
        if rest.is_empty() {
            return true;
        }
        prepared = rest;
    }
}

/// The bundled sample articles as records.
fn sample_records() -> std::result::Result<Vec<Record>, InputError> {
    let mut records = Vec::new();
    for sample in crate::samples::samples() {
        for article in sample.articles()? {
            records.push(Record {
                article,
                exported: None,
            });
        }
    }
    Ok(records)
}

/// Annotates a record (or takes its exported annotations when they are current).
pub fn prepare(record: Record) -> Prepared {
    let (read, starred) = record
        .exported
        .as_ref()
        .map_or((false, false), |e| (e.read, e.starred));
    let annotations = record
        .exported
        .and_then(|exported| current_annotations(&record.article.body, *exported))
        .unwrap_or_else(|| {
            let published = record.article.published.map(|p| p.date());
            annotate(&record.article.body, published)
        });
    Prepared::new(record.article, &annotations, ANNOTATOR_VERSION, read, starred)
}

/// What the writer does with a batch once it is committed: asks for its pages to be copied
/// out of the log, and gives each article back to the worker that prepared it, to be freed
/// there: a thread freeing another's memory waits for the allocator's lock on it while that
/// thread allocates.
struct Committed {
    checkpointer: Option<Checkpointer>,
    /// By worker number.
    returns: Vec<Sender<Vec<Prepared>>>,
}

impl Committed {
    /// After `batch` (each article with the number of its worker) is committed.
    fn batch(&self, batch: Vec<(usize, Prepared)>) {
        if let Some(checkpointer) = &self.checkpointer {
            checkpointer.request();
        }
        let mut by_worker: Vec<Vec<Prepared>> = self.returns.iter().map(|_| Vec::new()).collect();
        for (worker, prepared) in batch {
            if let Some(list) = by_worker.get_mut(worker) {
                list.push(prepared);
            }
        }
        for (give_back, prepared) in self.returns.iter().zip(by_worker) {
            // A worker that has finished frees nothing more: the article is freed here.
            let _ = give_back.send(prepared);
        }
    }
}

/// The writer: gathers articles and stores them `batch` to a transaction, fewer when the
/// first of them has waited [`LONGEST_WAIT`], and the rest at the end. The library stays free
/// for other writers (the reader marking an article read) while a batch is gathered.
fn write(
    library: &mut Library,
    ids: &mut StoredIds,
    messages: &Receiver<Message>,
    batch: usize,
    tally: &mut Tally,
    progress: &mut dyn FnMut(&Tally),
    committed: Committed,
) -> Result<()> {
    let batch = batch.max(1);
    let mut failed: HashSet<String> = HashSet::new();
    let mut codes: Option<Codes> = None;
    // Articles received and not yet stored, each with the number of the worker that
    // prepared it, and when the first of them came.
    let mut pending: Vec<(usize, Prepared)> = Vec::with_capacity(batch);
    let mut since = Instant::now();
    loop {
        let next = if pending.is_empty() {
            messages.recv().map_err(|_| RecvTimeoutError::Disconnected)
        } else {
            messages.recv_timeout((since + LONGEST_WAIT).saturating_duration_since(Instant::now()))
        };
        let open = match next {
            Ok(message) => {
                if pending.is_empty() {
                    since = Instant::now();
                }
                pending.extend(articles_of(message, tally, &mut failed));
                true
            }
            Err(RecvTimeoutError::Timeout) => true,
            Err(RecvTimeoutError::Disconnected) => false,
        };
        while pending.len() >= batch || (!pending.is_empty() && (!open || since.elapsed() >= LONGEST_WAIT)) {
            let later = pending.split_off(pending.len().min(batch));
            let full = std::mem::replace(&mut pending, later);
            store(library, ids, &mut codes, &full, tally)?;
            committed.batch(full);
            since = Instant::now();
        }
        progress(tally);
        if !open {
            return Ok(());
        }
    }
}

/// Stores a batch in one transaction.
fn store(
    library: &mut Library,
    ids: &mut StoredIds,
    codes: &mut Option<Codes>,
    batch: &[(usize, Prepared)],
    tally: &mut Tally,
) -> Result<()> {
    let path = library.path().to_string();
    let error = |e: rusqlite::Error| super::sqlite_error(&path, &e);
    let tx = library
        .connection_mut()
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(error)?;
    let codes = match codes {
        Some(codes) => codes,
        None => codes.insert(first_transaction(&tx).map_err(error)?),
    };
    ids.catch_up(&tx).map_err(error)?;
    let now = chrono::Utc::now().timestamp();
    let mut writer = Writer::new(&tx).map_err(error)?;
    let mut inserted = 0;
    for (_, prepared) in batch {
        if ids.claim(prepared.id.0) {
            writer.insert(codes, prepared, now).map_err(error)?;
            inserted += 1;
        }
    }
    writer.finish().map_err(error)?;
    tx.commit().map_err(error)?;
    tally.imported += inserted;
    tally.already += batch.len() - inserted;
    Ok(())
}

/// Sets up the library for an import's writes (in its first transaction) and reads its code
/// tables.
fn first_transaction(tx: &rusqlite::Transaction) -> rusqlite::Result<Codes> {
    // The full-text index gathers a whole batch in memory before writing it out: fewer,
    // larger segments to merge later. It merges segments 32 at a time rather than four, and
    // never all at once. Its leaves fill a page.
    tx.execute(
        "INSERT INTO search (search, rank) VALUES ('hashsize', ?1)",
        params![SEARCH_HASH_BYTES],
    )?;
    tx.execute(
        "INSERT INTO search (search, rank) VALUES ('automerge', ?1)",
        params![SEARCH_MERGE_SEGMENTS],
    )?;
    tx.execute(
        "INSERT INTO search (search, rank) VALUES ('crisismerge', ?1)",
        params![SEARCH_CRISIS_SEGMENTS],
    )?;
    tx.execute(
        "INSERT INTO search (search, rank) VALUES ('pgsz', ?1)",
        params![SEARCH_LEAF_BYTES],
    )?;
    Codes::load(tx)
}

/// Counts what a message reports in the tally, and returns the articles it carries.
fn articles_of(message: Message, tally: &mut Tally, failed: &mut HashSet<String>) -> Vec<(usize, Prepared)> {
    match message {
        Message::Articles {
            worker,
            prepared,
            already,
        } => {
            tally.already += already;
            return prepared.into_iter().map(|p| (worker, p)).collect();
        }
        Message::Failure { path, reason } => {
            if failed.insert(path) {
                tally.failed_files += 1;
            }
            tally.failures.push(reason);
        }
        Message::FileDone { path, failure } => {
            tally.files_done += 1;
            if let Some(reason) = failure {
                if failed.insert(path) {
                    tally.failed_files += 1;
                }
                tally.failures.push(reason);
            }
        }
    }
    Vec::new()
}

/// Re-annotates every article annotated by an older annotator version; returns how many.
pub fn reindex(
    library: &mut Library,
    options: Options,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<usize> {
    let path = library.path().to_string();
    let error = |e: rusqlite::Error| super::sqlite_error(&path, &e);
    let stale: Vec<i64> = {
        let mut statement = library
            .connection()
            .prepare("SELECT rowid FROM articles WHERE annotator <> ?1 ORDER BY rowid")
            .map_err(error)?;
        statement
            .query_map(params![ANNOTATOR_VERSION], |row| row.get(0))
            .map_err(error)?
            .collect::<rusqlite::Result<_>>()
            .map_err(error)?
    };
    let mut done = 0;
    progress(done, stale.len());
    for rows in stale.chunks(options.batch.max(1)) {
        let mut articles = Vec::with_capacity(rows.len());
        for &row in rows {
            articles.push(library.article_at(row)?);
        }
        let per_thread = articles.len().div_ceil(options.threads.max(1));
        let prepared: Vec<(i64, Prepared, Prepared)> = std::thread::scope(|scope| {
            let handles: Vec<_> = articles
                .chunks(per_thread.max(1))
                .map(|part| {
                    scope.spawn(move || {
                        part.iter()
                            .map(|stored| {
                                let published = stored.article.published.map(|p| p.date());
                                let annotations = annotate(&stored.article.body, published);
                                let prepared = Prepared::new(
                                    stored.article.clone(),
                                    &annotations,
                                    ANNOTATOR_VERSION,
                                    stored.read,
                                    stored.starred,
                                );
                                let old = Prepared::new(
                                    stored.article.clone(),
                                    &stored.annotations,
                                    stored.annotator,
                                    stored.read,
                                    stored.starred,
                                );
                                (stored.row, old, prepared)
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|handle| handle.join().unwrap_or_default())
                .collect()
        });
        let tx = library
            .connection_mut()
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(error)?;
        let mut codes = Codes::load(&tx).map_err(error)?;
        {
            let mut writer = Writer::new(&tx).map_err(error)?;
            for (row, old, new) in &prepared {
                writer
                    .replace_annotations(&mut codes, *row, old, new)
                    .map_err(error)?;
            }
            writer.finish().map_err(error)?;
        }
        tx.commit().map_err(error)?;
        done += rows.len();
        progress(done, stale.len());
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Mode;

    /// A JSON line of an article from a scraper's export, padded with white space to `bytes`.
    fn padded_line(number: usize, bytes: usize) -> String {
        let item = format!(
            r#""title": "Talks resume in round {number}", "body": "KUWAIT, March 26 (KUNA) -- Talks resumed for the {number}th time on Tuesday.""#
        );
        format!("{{{}{item}}}", " ".repeat(bytes.saturating_sub(item.len() + 2)))
    }

    /// Imports a file into a library in memory.
    fn import_into_memory(path: PathBuf) -> Tally {
        let mut library = Library::in_memory().expect("a library");
        let sources = Sources {
            paths: vec![path],
            samples: false,
        };
        import(&mut library, &sources, Options::default(), &mut |_| {}).expect("imported")
    }

    #[test]
    fn a_json_lines_file_is_read_whole_across_its_slices() {
        let scratch = tempfile::TempDir::new().expect("scratch");
        let path = scratch.path().join("export.jsonl");
        let mut text = String::new();
        for number in 1..=60 {
            let line = match number {
                // A line longer than a slice, one that is not JSON, a Windows line end.
                30 => padded_line(number, 3 * BYTES_PER_CHUNK / 2),
                41 => "{\"title\": broken".to_string(),
                _ => padded_line(number, 9_000),
            };
            text.push_str(&line);
            text.push_str(if number == 50 { "\r\n" } else { "\n" });
        }
        text.push_str(&padded_line(61, 100)); // the last line has no line end
        std::fs::write(&path, &text).expect("written");
        let tally = import_into_memory(path);
        assert_eq!(tally.imported, 60, "{:?}", tally.failures);
        assert_eq!(tally.failures.len(), 1, "{:?}", tally.failures);
        assert!(tally.failures[0].contains("line 41"), "{:?}", tally.failures);
    }

    #[test]
    fn a_line_that_is_not_utf8_is_named_by_its_number() {
        let scratch = tempfile::TempDir::new().expect("scratch");
        let path = scratch.path().join("export.jsonl");
        let mut bytes = Vec::new();
        for number in 1..=40 {
            let mut line = padded_line(number, 9_000).into_bytes();
            if number == 33 {
                line[5] = 0xFF;
            }
            bytes.extend_from_slice(&line);
            bytes.push(b'\n');
        }
        std::fs::write(&path, &bytes).expect("written");
        let tally = import_into_memory(path);
        assert_eq!(tally.failed_files, 1);
        assert!(
            tally
                .failures
                .iter()
                .any(|f| f.ends_with("line 33 is not UTF-8 text")),
            "{:?}",
            tally.failures
        );
    }

    #[test]
    fn an_article_is_committed_when_it_has_waited_long_enough() {
        let scratch = tempfile::TempDir::new().expect("scratch");
        let path = scratch.path().join("library.db");
        let mut library = Library::open(&path, Mode::Create).expect("a library");
        let records = sample_records().expect("the samples");
        let prepared: Vec<Prepared> = records.into_iter().take(1).map(prepare).collect();
        let (messages, received) = sync_channel(4);
        let (give_back, _returned) = channel();
        let committed = Committed {
            checkpointer: None,
            returns: vec![give_back],
        };
        let stored = |path: &Path| {
            let reader = Library::open(path, Mode::Read).expect("readable");
            !reader.is_empty().expect("readable")
        };
        std::thread::scope(|scope| {
            let library = &mut library;
            let writer = scope.spawn(move || {
                let mut tally = Tally::default();
                let mut ids = StoredIds::load(library.connection()).expect("ids");
                let progress = &mut |_: &Tally| {};
                write(library, &mut ids, &received, 100, &mut tally, progress, committed).map(|()| tally)
            });
            let started = Instant::now();
            let message = Message::Articles {
                worker: 0,
                prepared,
                already: 0,
            };
            messages.send(message).expect("the writer listens");
            // The batch has room for 99 more and the workers say nothing more: the article
            // is committed once it has waited, while the import goes on.
            while !stored(&path) {
                assert!(started.elapsed() < LONGEST_WAIT * 3, "never committed");
                std::thread::sleep(Duration::from_millis(50));
            }
            assert!(
                started.elapsed() >= LONGEST_WAIT,
                "committed before its batch filled"
            );
            assert!(!writer.is_finished(), "the import goes on");
            drop(messages);
            let tally = writer.join().expect("no panic").expect("stored");
            assert_eq!(tally.imported, 1);
        });
    }
}
