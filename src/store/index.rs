//! The compact in-memory index: one 16-byte row per article (row number, day, agency, place,
//! read and starred flags), newest first, with the agency and place names by code. Filters on
//! those fields run over it without touching SQLite.

use rusqlite::params;

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
        let mut rows = Vec::new();
        let mut statement = connection
            .prepare("SELECT rowid, day, agency, place, read | (starred << 1) FROM articles")
            .map_err(error)?;
        let mut found = statement.query(params![]).map_err(error)?;
        while let Some(r) = found.next().map_err(error)? {
            rows.push(IndexRow {
                row: r.get::<_, i64>(0).map_err(error)? as u32,
                day: r.get::<_, Option<i32>>(1).map_err(error)?.unwrap_or(NO_DAY),
                agency: r.get::<_, Option<i64>>(2).map_err(error)?.unwrap_or(0) as u16,
                place: r.get::<_, Option<i64>>(3).map_err(error)?.unwrap_or(0) as u32,
                flags: r.get::<_, i64>(4).map_err(error)? as u8,
            });
        }
        rows.sort_unstable_by(|a, b| b.day.cmp(&a.day).then(b.row.cmp(&a.row)));
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
