//! Running a filter: agency, date, place and state terms are checked on the in-memory index;
//! entity, speaker and full-text terms first ask SQLite which articles match them.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use rusqlite::params;

use super::index::{Index, IndexRow, NO_DAY, READ, STARRED};
use super::postings;
use super::rows::{day_number, name_key};
use super::{Library, Result, StoreError};
use crate::lexicons::agencies::registry;
use crate::query::{Condition, Filter, State, Term};

/// The order of a listing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    /// Newest first (`-date`, the default).
    #[default]
    Newest,
    /// Oldest first (`date`).
    Oldest,
    /// By agency abbreviation, newest first within each (`agency`).
    Agency,
}

impl Sort {
    /// Every order, in the order the reader cycles through them.
    pub const ALL: [Sort; 3] = [Sort::Newest, Sort::Oldest, Sort::Agency];
}

impl fmt::Display for Sort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Sort::Newest => "-date",
            Sort::Oldest => "date",
            Sort::Agency => "agency",
        })
    }
}

impl FromStr for Sort {
    type Err = String;

    fn from_str(text: &str) -> std::result::Result<Self, Self::Err> {
        match text {
            "-date" => Ok(Sort::Newest),
            "date" => Ok(Sort::Oldest),
            "agency" => Ok(Sort::Agency),
            other => Err(format!("unknown sort {other:?}: expected date, -date or agency")),
        }
    }
}

/// The articles a filter selects, in the order asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// The selected articles.
    pub rows: Vec<IndexRow>,
}

/// A set of row numbers.
#[derive(Debug, Clone, Default)]
pub(crate) struct RowSet {
    words: Vec<u64>,
}

impl RowSet {
    /// The set a `newsdesk_rows` bitmap describes.
    fn from_bytes(bytes: &[u8]) -> RowSet {
        let words = bytes
            .chunks(8)
            .map(|chunk| {
                let mut word = [0u8; 8];
                word[..chunk.len()].copy_from_slice(chunk);
                u64::from_le_bytes(word)
            })
            .collect();
        RowSet { words }
    }

    /// Adds a row.
    pub(crate) fn insert(&mut self, row: u32) {
        let word = row as usize / 64;
        if word >= self.words.len() {
            self.words.resize(word + 1, 0);
        }
        self.words[word] |= 1 << (row % 64);
    }

    /// Whether the set holds a row.
    pub(crate) fn contains(&self, row: u32) -> bool {
        self.words
            .get(row as usize / 64)
            .is_some_and(|word| word & (1 << (row % 64)) != 0)
    }
}

/// A term made ready to check rows.
enum Check {
    /// Agency codes allowed (indexed by code).
    Agencies(Vec<bool>),
    /// Inclusive day numbers.
    Days(i32, i32),
    /// Place codes allowed.
    Places(Vec<bool>),
    /// A flag bit that must be set (true) or clear (false).
    Flag(u8, bool),
    /// Rows found by SQLite.
    Rows(RowSet),
}

impl Check {
    fn matches(&self, row: &IndexRow) -> bool {
        match self {
            Check::Agencies(codes) => codes.get(usize::from(row.agency)).copied().unwrap_or(false),
            Check::Days(first, last) => row.day != NO_DAY && *first <= row.day && row.day <= *last,
            Check::Places(codes) => codes.get(row.place as usize).copied().unwrap_or(false),
            Check::Flag(bit, set) => (row.flags & bit != 0) == *set,
            Check::Rows(set) => set.contains(row.row),
        }
    }
}

/// Runs `filter` over the library; relative dates are resolved against `today`.
pub fn select(
    library: &Library,
    index: &Index,
    filter: &Filter,
    today: NaiveDate,
    sort: Sort,
) -> Result<Selection> {
    let (mut checks, text) = compile_filter(library, index, filter, today)?;
    if let Some(expression) = text {
        checks.push((false, Check::Rows(search(library, &expression)?)));
    }
    let mut rows: Vec<IndexRow> = index
        .rows()
        .iter()
        .filter(|row| matches_all(&checks, row))
        .copied()
        .collect();
    sort_rows(index, &mut rows, sort);
    Ok(Selection { rows })
}

/// The first `limit` articles a full-text filter finds, most recently imported first, in the
/// order asked for: what a reader shows while [`select`] gathers every match and the count.
/// None when the filter has no full-text term (then [`select`] is quick on its own).
pub fn select_first(
    library: &Library,
    index: &Index,
    filter: &Filter,
    today: NaiveDate,
    sort: Sort,
    limit: usize,
) -> Result<Option<Selection>> {
    let (checks, text) = compile_filter(library, index, filter, today)?;
    let Some(expression) = text else {
        return Ok(None);
    };
    let error = |e: rusqlite::Error| library.error(&e);
    let mut statement = library
        .connection()
        .prepare_cached("SELECT rowid FROM search WHERE search MATCH ?1 ORDER BY rowid DESC")
        .map_err(error)?;
    let mut found = statement.query(params![expression]).map_err(error)?;
    let mut rows = Vec::with_capacity(limit);
    while rows.len() < limit {
        let Some(hit) = found.next().map_err(error)? else {
            break;
        };
        let row = hit.get::<_, i64>(0).map_err(error)?;
        if let Some(item) = u32::try_from(row).ok().and_then(|row| index.get(row)) {
            if matches_all(&checks, item) {
                rows.push(*item);
            }
        }
    }
    rows.sort_unstable_by(|a, b| b.day.cmp(&a.day).then(b.row.cmp(&a.row)));
    sort_rows(index, &mut rows, sort);
    Ok(Some(Selection { rows }))
}

/// Checks with their negation flags.
type Checks = Vec<(bool, Check)>;

/// The checks of a filter's terms, and its positive full-text terms as one expression.
fn compile_filter(
    library: &Library,
    index: &Index,
    filter: &Filter,
    today: NaiveDate,
) -> Result<(Checks, Option<String>)> {
    let mut checks: Checks = Vec::with_capacity(filter.terms.len());
    let mut text: Vec<String> = Vec::new();
    for term in &filter.terms {
        if let (false, Some(expression)) = (term.negated, text_expression(&term.condition)) {
            text.push(expression);
            continue;
        }
        checks.push((term.negated, compile(library, index, term, today)?));
    }
    let text = (!text.is_empty()).then(|| text.join(" AND "));
    Ok((checks, text))
}

fn matches_all(checks: &[(bool, Check)], row: &IndexRow) -> bool {
    checks
        .iter()
        .all(|(negated, check)| check.matches(row) != *negated)
}

/// Puts rows that are newest first into the order asked for.
fn sort_rows(index: &Index, rows: &mut [IndexRow], sort: Sort) {
    match sort {
        Sort::Newest => {}
        Sort::Oldest => {
            let dated = rows.iter().take_while(|r| r.day != NO_DAY).count();
            rows[..dated].reverse();
        }
        Sort::Agency => {
            let mut order: Vec<(String, u16)> = index
                .agencies()
                .map(|(code, agency)| (agency.abbr.to_lowercase(), code))
                .collect();
            order.sort();
            let slots = order.iter().map(|(_, c)| usize::from(*c) + 1).max().unwrap_or(1);
            let mut rank = vec![u16::MAX; slots];
            for (position, (_, code)) in order.iter().enumerate() {
                rank[usize::from(*code)] = position as u16;
            }
            rows.sort_by_key(|row| rank.get(usize::from(row.agency)).copied().unwrap_or(u16::MAX));
        }
    }
}

/// A term as a check over index rows.
fn compile(library: &Library, index: &Index, term: &Term, today: NaiveDate) -> Result<Check> {
    Ok(match &term.condition {
        Condition::Agency(names) => {
            let mut codes = Vec::new();
            for (code, agency) in index.agencies() {
                let known = registry().lookup(&agency.abbr).map(|entry| entry.abbr.as_str());
                let wanted = names.iter().any(|name| {
                    let named = registry().lookup(name).map(|entry| entry.abbr.as_str());
                    same_text(name, &agency.abbr)
                        || same_text(name, &agency.name)
                        || (named.is_some() && named == known)
                });
                if wanted {
                    let slot = usize::from(code);
                    if slot >= codes.len() {
                        codes.resize(slot + 1, false);
                    }
                    codes[slot] = true;
                }
            }
            Check::Agencies(codes)
        }
        Condition::Date(_) | Condition::Since(_) | Condition::Before(_) => {
            let bounds = term.condition.bounds(today).unwrap_or(crate::query::DateBounds {
                first: None,
                last: None,
            });
            Check::Days(
                bounds.first.map_or(i32::MIN + 1, day_number),
                bounds.last.map_or(i32::MAX, day_number),
            )
        }
        Condition::Place(name) => {
            let mut codes = Vec::new();
            for (code, place) in index.places() {
                if same_text(name, place) {
                    let slot = code as usize;
                    if slot >= codes.len() {
                        codes.resize(slot + 1, false);
                    }
                    codes[slot] = true;
                }
            }
            Check::Places(codes)
        }
        Condition::Is(state) => match state {
            State::Read => Check::Flag(READ, true),
            State::Unread => Check::Flag(READ, false),
            State::Starred => Check::Flag(STARRED, true),
            State::Unstarred => Check::Flag(STARRED, false),
        },
        Condition::Entity(name) => Check::Rows(rows_naming(library, name, (0, postings::SPELLING))?),
        Condition::Speaker(name) => Check::Rows(rows_naming(
            library,
            name,
            (postings::SPEAKER, postings::SPEAKER_SPELLING),
        )?),
        Condition::Word(_) | Condition::Phrase(_) => {
            let expression = text_expression(&term.condition).unwrap_or_default();
            Check::Rows(search(library, &expression)?)
        }
    })
}

/// Case-insensitive equality (Unicode lower case).
fn same_text(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b) || a.to_lowercase() == b.to_lowercase()
}

/// The articles naming `name` as one of `kinds` (see [`postings`]).
fn rows_naming(library: &Library, name: &str, kinds: (i64, i64)) -> Result<RowSet> {
    let mut rows = RowSet::default();
    postings::rows_naming(library.connection(), &name_key(name), kinds, |row| {
        rows.insert(row)
    })
    .map_err(|error| library.error(&error))?;
    Ok(rows)
}

/// The rows an SQL query with one text parameter gathers with `newsdesk_rows(...)`.
///
/// The rows are gathered inside SQLite by the `newsdesk_rows` aggregate into one bitmap: a
/// single step however many rows match.
fn rows_of(library: &Library, sql: &str, value: &str) -> Result<RowSet> {
    let error = |e: rusqlite::Error| library.error(&e);
    let mut statement = library.connection().prepare_cached(sql).map_err(error)?;
    let bytes: Option<Vec<u8>> = statement
        .query_row(params![value], |row| row.get(0))
        .map_err(error)?;
    Ok(RowSet::from_bytes(&bytes.unwrap_or_default()))
}

/// The `newsdesk_rows(row)` aggregate: a bitmap (little-endian 64-bit words) of row numbers.
pub(crate) struct RowBitmap;

impl rusqlite::functions::Aggregate<Vec<u64>, Option<Vec<u8>>> for RowBitmap {
    fn init(&self, _: &mut rusqlite::functions::Context<'_>) -> rusqlite::Result<Vec<u64>> {
        Ok(Vec::new())
    }

    fn step(
        &self,
        context: &mut rusqlite::functions::Context<'_>,
        words: &mut Vec<u64>,
    ) -> rusqlite::Result<()> {
        let row = context.get::<i64>(0)?;
        if let Ok(row) = u32::try_from(row) {
            let word = row as usize / 64;
            if word >= words.len() {
                words.resize(word + 1, 0);
            }
            words[word] |= 1 << (row % 64);
        }
        Ok(())
    }

    fn finalize(
        &self,
        _: &mut rusqlite::functions::Context<'_>,
        words: Option<Vec<u64>>,
    ) -> rusqlite::Result<Option<Vec<u8>>> {
        Ok(words.map(|words| words.iter().flat_map(|w| w.to_le_bytes()).collect()))
    }
}

/// The FTS5 expression of a word or phrase: quoted, with a trailing `*` kept as a prefix search
/// (of a phrase's last word).
fn text_expression(condition: &Condition) -> Option<String> {
    let quote = |text: &str| format!("\"{}\"", text.replace('"', "\"\""));
    let (Condition::Word(text) | Condition::Phrase(text)) = condition else {
        return None;
    };
    Some(match text.strip_suffix('*') {
        Some(prefix) if !prefix.trim().is_empty() => format!("{}*", quote(prefix)),
        _ => quote(text),
    })
}

/// The rows matching a full-text expression.
fn search(library: &Library, expression: &str) -> Result<RowSet> {
    rows_of(
        library,
        "SELECT newsdesk_rows(rowid) FROM search WHERE search MATCH ?1",
        expression,
    )
    .map_err(|error| match error {
        StoreError::Sqlite { path, reason } => StoreError::Sqlite {
            path,
            reason: format!("full-text search failed: {reason}"),
        },
        other => other,
    })
}
