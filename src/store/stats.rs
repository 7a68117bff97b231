//! Figures about a selection of articles: counts by agency and by month, the entities mentioned
//! in most articles and the speakers with most statements.

use std::collections::{BTreeMap, HashMap};

use chrono::Datelike;
use rusqlite::params;

use super::index::Index;
use super::postings;
use super::rows::KINDS;
use super::select::{RowSet, Selection};
use super::{Library, Result};
use crate::annotate::entities::EntityKind;

/// The figures of a selection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Articles selected.
    pub articles: usize,
    /// Articles by agency (abbreviation, name, count), most first; unknown agencies as `?`.
    pub agencies: Vec<(String, String, usize)>,
    /// Articles by month (year, month, count), oldest first; undated ones are not counted.
    pub months: Vec<(i32, u32, usize)>,
    /// Entities mentioned in most articles: canonical name, kind, articles, mentions.
    pub entities: Vec<(String, EntityKind, usize, usize)>,
    /// Speakers with most statements: canonical name, articles, statements.
    pub speakers: Vec<(String, usize, usize)>,
}

/// Computes the figures of `selection`, with the `top` most frequent entities and speakers.
pub fn stats(library: &Library, index: &Index, selection: &Selection, top: usize) -> Result<Stats> {
    let mut agencies: BTreeMap<u16, usize> = BTreeMap::new();
    let mut months: BTreeMap<(i32, u32), usize> = BTreeMap::new();
    for row in &selection.rows {
        *agencies.entry(row.agency).or_insert(0) += 1;
        if let Some(date) = row.date() {
            *months.entry((date.year(), date.month())).or_insert(0) += 1;
        }
    }
    let mut agencies: Vec<(String, String, usize)> = agencies
        .into_iter()
        .map(|(code, count)| match index.agency(code) {
            Some(agency) => (agency.abbr.clone(), agency.name.clone(), count),
            None => ("?".to_string(), "no agency".to_string(), count),
        })
        .collect();
    agencies.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    let (entities, speakers) = top_names(library, selection, top).map_err(|error| library.error(&error))?;
    Ok(Stats {
        articles: selection.rows.len(),
        agencies,
        months: months.into_iter().map(|((y, m), n)| (y, m, n)).collect(),
        entities,
        speakers,
    })
}

/// Top entities and top speakers, as [`Stats`] holds them.
type TopNames = (
    Vec<(String, EntityKind, usize, usize)>,
    Vec<(String, usize, usize)>,
);

/// The entities named in most selected articles (canonical name, kind, articles, mentions)
/// and the speakers of most statements (canonical name, articles, statements), each at most
/// `top`, read in one pass over the index of names.
fn top_names(library: &Library, selection: &Selection, top: usize) -> rusqlite::Result<TopNames> {
    let mut selected = RowSet::default();
    for row in &selection.rows {
        selected.insert(row.row);
    }
    // Articles and count by (name, kind).
    let mut totals: HashMap<(i64, i64), (usize, usize)> = HashMap::new();
    let connection = library.connection();
    postings::every_block(connection, |name, kind, block, blob| {
        if kind > postings::LAST_ENTITY_KIND && kind != postings::SPEAKER {
            return;
        }
        let (mut articles, mut count) = (0, 0);
        for (article, times) in postings::entries(block, blob) {
            if selected.contains(article) {
                articles += 1;
                count += times as usize;
            }
        }
        if articles > 0 {
            let total = totals.entry((name, kind)).or_insert((0, 0));
            total.0 += articles;
            total.1 += count;
        }
    })?;
    let mut ranked: Vec<((i64, i64), (usize, usize))> = totals.into_iter().collect();
    let mut names = connection.prepare_cached("SELECT name FROM names WHERE id = ?1")?;
    let mut name_of = |id: i64| -> rusqlite::Result<String> { names.query_row(params![id], |r| r.get(0)) };
    // Entities by articles then mentions; speakers by statements then articles; then by name.
    ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut entities = Vec::new();
    for ((name, kind), (articles, mentions)) in
        ranked.iter().filter(|(k, _)| k.1 != postings::SPEAKER).take(top)
    {
        let kind = KINDS.get(*kind as usize).copied().unwrap_or(EntityKind::Misc);
        entities.push((name_of(*name)?, kind, *articles, *mentions));
    }
    entities.sort_by(|a, b| b.2.cmp(&a.2).then(b.3.cmp(&a.3)).then_with(|| a.0.cmp(&b.0)));
    let mut speakers: Vec<(i64, usize, usize)> = ranked
        .iter()
        .filter(|(k, _)| k.1 == postings::SPEAKER)
        .map(|((name, _), (articles, statements))| (*name, *articles, *statements))
        .collect();
    speakers.sort_unstable_by(|a, b| b.2.cmp(&a.2).then(b.1.cmp(&a.1)).then(a.0.cmp(&b.0)));
    let mut top_speakers = Vec::new();
    for (name, articles, statements) in speakers.into_iter().take(top) {
        top_speakers.push((name_of(name)?, articles, statements));
    }
    top_speakers.sort_by(|a, b| b.2.cmp(&a.2).then(b.1.cmp(&a.1)).then_with(|| a.0.cmp(&b.0)));
    Ok((entities, top_speakers))
}
