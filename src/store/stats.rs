//! Figures about a selection of articles: counts by agency and by month, the entities mentioned
//! in most articles and the speakers with most statements.

use std::collections::BTreeMap;

use chrono::Datelike;
use rusqlite::params;

use super::index::Index;
use super::rows::KINDS;
use super::select::Selection;
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
    let error = |e: rusqlite::Error| library.error(&e);
    let connection = library.connection();
    // The selection as a bitmap that SQLite consults while scanning the index tables once.
    let mut selected: Vec<u64> = Vec::new();
    for row in &selection.rows {
        let word = row.row as usize / 64;
        if word >= selected.len() {
            selected.resize(word + 1, 0);
        }
        selected[word] |= 1 << (row.row % 64);
    }
    connection
        .create_scalar_function(
            "newsdesk_selected",
            1,
            rusqlite::functions::FunctionFlags::SQLITE_UTF8
                | rusqlite::functions::FunctionFlags::SQLITE_DETERMINISTIC,
            move |context| {
                let row = context.get::<i64>(0)?;
                Ok(usize::try_from(row).ok().is_some_and(|row| {
                    selected
                        .get(row / 64)
                        .is_some_and(|word| word & (1 << (row % 64)) != 0)
                }))
            },
        )
        .map_err(error)?;
    let mut entities = Vec::new();
    {
        let mut statement = connection
            .prepare(
                "SELECT n.name, e.kind, e.articles, e.mentions
                 FROM (SELECT name, kind, count(*) AS articles, sum(mentions) AS mentions
                       FROM entities WHERE newsdesk_selected(article)
                       GROUP BY name, kind ORDER BY 3 DESC, 4 DESC LIMIT ?1) AS e
                 JOIN names n ON n.id = e.name ORDER BY 3 DESC, 4 DESC, 1",
            )
            .map_err(error)?;
        let found = statement
            .query_map(params![top as i64], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)?,
                ))
            })
            .map_err(error)?;
        for item in found {
            let (name, kind, articles, mentions) = item.map_err(error)?;
            let kind = KINDS.get(kind as usize).copied().unwrap_or(EntityKind::Misc);
            entities.push((name, kind, articles as usize, mentions as usize));
        }
    }
    let mut speakers = Vec::new();
    {
        let mut statement = connection
            .prepare(
                "SELECT n.name, p.articles, p.statements
                 FROM (SELECT name, count(*) AS articles, sum(statements) AS statements
                       FROM speakers WHERE canonical AND newsdesk_selected(article)
                       GROUP BY name ORDER BY 3 DESC, 2 DESC LIMIT ?1) AS p
                 JOIN names n ON n.id = p.name ORDER BY 3 DESC, 2 DESC, 1",
            )
            .map_err(error)?;
        let found = statement
            .query_map(params![top as i64], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?))
            })
            .map_err(error)?;
        for item in found {
            let (name, articles, statements) = item.map_err(error)?;
            speakers.push((name, articles as usize, statements as usize));
        }
    }
    Ok(Stats {
        articles: selection.rows.len(),
        agencies,
        months: months.into_iter().map(|((y, m), n)| (y, m, n)).collect(),
        entities,
        speakers,
    })
}
