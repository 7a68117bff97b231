//! The compact in-memory index: one 16-byte row per article (row number, day, agency, place,
//! read and starred flags), newest first, with the agency and place names by code. Filters on
//! those fields run over it without touching SQLite.

use super::rows::day_date;
use super::{Library, Result};
use crate::article::Agency;

/// Flag bit: the article has been read.
pub const READ: u8 = 1;
/// Flag bit: the article is starred.
pub const STARRED: u8 = 2;

/// The day of an undated article: after every real day when sorting oldest first, before
/// every real day newest first.
pub const NO_DAY: i32 = i32::MIN;

/// One article in the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IndexRow {
    /// The article's row number in the library.
    pub row: u32,
    /// Its publication day (days since 0001-01-01), or [`NO_DAY`].
    pub day: i32,
    /// Its agency code (0: none).
    pub agency: u16,
    /// Its dateline place code (0: none).
    pub place: u32,
    /// [`READ`] and [`STARRED`] bits.
    pub flags: u8,
}

impl IndexRow {
    /// The publication date, when known.
    pub fn date(&self) -> Option<chrono::NaiveDate> {
        if self.day == NO_DAY {
            None
        } else {
            day_date(self.day)
        }
    }

    /// Whether the article has been read.
    pub fn is_read(&self) -> bool {
        self.flags & READ != 0
    }

    /// Whether the article is starred.
    pub fn is_starred(&self) -> bool {
        self.flags & STARRED != 0
    }
}

/// The rows of articles `first..=last` (by row number), in row order. SQLite packs the
/// fields into two integers per row, which halves the cost of reading them out (a day outside
/// 0001-01-01 to the year 45,000 reads as undated).
fn scan(connection: &rusqlite::Connection, first: i64, last: i64) -> rusqlite::Result<Vec<IndexRow>> {
    let mut statement = connection.prepare_cached(
        "SELECT rowid | (coalesce(place, 0) << 32),
                (CASE WHEN day BETWEEN 0 AND 16777214 THEN day + 1 ELSE 0 END) | (coalesce(agency, 0) << 24) | (read << 40) | (starred << 41)
         FROM articles WHERE rowid BETWEEN ?1 AND ?2",
    )?;
    let mut found = statement.query([first, last])?;
    let mut rows = Vec::with_capacity(usize::try_from(last - first + 1).unwrap_or(0).min(1 << 24));
    while let Some(r) = found.next()? {
        let (low, high) = (r.get::<_, i64>(0)?, r.get::<_, i64>(1)?);
        let day = (high & 0xff_ffff) as i32 - 1;
        rows.push(IndexRow {
            row: low as u32,
            place: (low >> 32) as u32,
            day: if day < 0 { NO_DAY } else { day },
            agency: (high >> 24) as u16,
            flags: (u8::from((high >> 40) & 1 == 1) * READ) | (u8::from((high >> 41) & 1 == 1) * STARRED),
        });
    }
    Ok(rows)
}

/// Rows scanned per thread at least: below this one thread reads them all.
const ROWS_PER_THREAD: u32 = 100_000;

/// Every article's row, in row order. A large library on a file is read in parallel, each
/// thread scanning a range of row numbers through its own connection.
fn load_rows(library: &Library) -> Result<Vec<IndexRow>> {
    let last: i64 = library
        .connection()
        .query_row("SELECT coalesce(max(rowid), 0) FROM articles", [], |r| r.get(0))
        .map_err(|e| library.error(&e))?;
    let last = u32::try_from(last).unwrap_or(u32::MAX);
    let parts = super::in_row_ranges(
        library,
        last,
        ROWS_PER_THREAD,
        super::cores(),
        |connection, first, end| scan(connection, i64::from(first), i64::from(end)),
    )?;
    Ok(parts.concat())
}

/// Rows sorted newest first, the latest imported first within a day, undated ones last: a
/// counting sort by day when the days span a sensible range (linear in the rows).
fn newest_first(mut rows: Vec<IndexRow>) -> Vec<IndexRow> {
    // A table scan gives rows in ascending order; the latest imported come first.
    if rows.is_sorted_by_key(|r| r.row) {
        rows.reverse();
    } else {
        rows.sort_unstable_by_key(|r| std::cmp::Reverse(r.row));
    }
    let dated = rows.iter().filter(|r| r.day != NO_DAY);
    let (Some(low), Some(high)) = (dated.clone().map(|r| r.day).min(), dated.map(|r| r.day).max()) else {
        return rows;
    };
    let span = (i64::from(high) - i64::from(low) + 1) as usize;
    if span > 4 * rows.len() + 1024 {
        rows.sort_by_key(|r| std::cmp::Reverse(r.day));
        return rows;
    }
    // Bucket starts, newest day first, undated rows after every day.
    let bucket = |row: &IndexRow| {
        if row.day == NO_DAY {
            span
        } else {
            (high - row.day) as usize
        }
    };
    let mut starts = vec![0usize; span + 2];
    for row in &rows {
        starts[bucket(row) + 1] += 1;
    }
    for at in 1..starts.len() {
        starts[at] += starts[at - 1];
    }
    let mut sorted = vec![rows[0]; rows.len()];
    for row in rows {
        let slot = &mut starts[bucket(&row)];
        sorted[*slot] = row;
        *slot += 1;
    }
    sorted
}

/// Every article of a library, newest first, and the names behind the codes.
#[derive(Debug, Clone, Default)]
pub struct Index {
    rows: Vec<IndexRow>,
    /// For each row number, its position in `rows` plus one (0: no such row).
    positions: Vec<u32>,
    agencies: Vec<Option<Agency>>,
    places: Vec<Option<String>>,
}

impl Index {
    /// Reads the index of a library.
    pub fn load(library: &Library) -> Result<Index> {
        let connection = library.connection();
        let error = |e: rusqlite::Error| library.error(&e);
        let mut agencies: Vec<Option<Agency>> = vec![None];
        let mut statement = connection
            .prepare("SELECT code, abbr, name FROM agencies")
            .map_err(error)?;
        let found = statement
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .map_err(error)?;
        for item in found {
            let (code, abbr, name) = item.map_err(error)?;
            let slot = usize::try_from(code).unwrap_or(0);
            if slot >= agencies.len() {
                agencies.resize(slot + 1, None);
            }
            let country = None;
            agencies[slot] = Some(Agency { abbr, name, country });
        }
        let mut places: Vec<Option<String>> = vec![None];
        let mut statement = connection
            .prepare("SELECT code, name FROM places")
            .map_err(error)?;
        let found = statement
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
            .map_err(error)?;
        for item in found {
            let (code, name) = item.map_err(error)?;
            let slot = usize::try_from(code).unwrap_or(0);
            if slot >= places.len() {
                places.resize(slot + 1, None);
            }
            places[slot] = Some(name);
        }
        let rows = newest_first(load_rows(library)?);
        let mut positions = vec![0; rows.iter().map(|r| r.row as usize + 1).max().unwrap_or(0)];
        for (position, row) in rows.iter().enumerate() {
            positions[row.row as usize] = position as u32 + 1;
        }
        Ok(Index {
            rows,
            positions,
            agencies,
            places,
        })
    }

    /// Every article, newest first (undated ones last).
    pub fn rows(&self) -> &[IndexRow] {
        &self.rows
    }

    /// The article with this row number.
    pub fn get(&self, row: u32) -> Option<&IndexRow> {
        let position = *self.positions.get(row as usize)?;
        self.rows.get(position.checked_sub(1)? as usize)
    }

    /// The largest row number (0 for an empty library).
    pub fn max_row(&self) -> u32 {
        self.positions.len().saturating_sub(1) as u32
    }

    /// The number of articles.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when the library holds no article.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The agency behind a code.
    pub fn agency(&self, code: u16) -> Option<&Agency> {
        self.agencies.get(usize::from(code)).and_then(Option::as_ref)
    }

    /// Every agency with its code.
    pub fn agencies(&self) -> impl Iterator<Item = (u16, &Agency)> {
        self.agencies
            .iter()
            .enumerate()
            .filter_map(|(code, agency)| Some((code as u16, agency.as_ref()?)))
    }

    /// The place behind a code.
    pub fn place(&self, code: u32) -> Option<&str> {
        self.places.get(code as usize).and_then(|p| p.as_deref())
    }

    /// Every place with its code.
    pub fn places(&self) -> impl Iterator<Item = (u32, &str)> {
        self.places
            .iter()
            .enumerate()
            .filter_map(|(code, place)| Some((code as u32, place.as_deref()?)))
    }

    /// Sets or clears a flag of an article (after the library was changed).
    pub fn set_flag(&mut self, row: u32, flag: u8, on: bool) {
        let position = self.positions.get(row as usize).and_then(|p| p.checked_sub(1));
        if let Some(item) = position.and_then(|p| self.rows.get_mut(p as usize)) {
            if on {
                item.flags |= flag;
            } else {
                item.flags &= !flag;
            }
        }
    }
}
