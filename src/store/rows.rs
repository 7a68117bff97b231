//! One article as the library's rows: what import writes (prepared off the writer thread) and
//! what showing an article reads back.

use rustc_hash::FxHashMap;
use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};
use rusqlite::{Transaction, params};

use super::postings::{self, Changes};
use super::{Library, Result, StoreError, StoredArticle};
use crate::annotate::Annotations;
use crate::annotate::entities::EntityKind;
use crate::article::{Article, ArticleId};

/// Entity kinds by their code in the `entities` table.
pub const KINDS: [EntityKind; 6] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Location,
    EntityKind::Group,
    EntityKind::Misc,
    EntityKind::Title,
];

/// The code of an entity kind in the `entities` table.
pub fn kind_code(kind: EntityKind) -> i64 {
    KINDS.iter().position(|k| *k == kind).unwrap_or(0) as i64
}

/// A date as the `day` column holds it: days since 0001-01-01.
pub fn day_number(date: NaiveDate) -> i32 {
    date.num_days_from_ce()
}

/// The date of a `day` column value.
pub fn day_date(day: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(day)
}

/// Speaker spans longer than this many words are not indexed as names (`The spokeswoman of the
/// Ministry of Health, Faridah Othman,`): their entity is.
const LONGEST_SPEAKER_NAME: usize = 5;

/// The names an article adds to the index (entities, their other spellings, speakers), each
/// as written with its lookup key (see [`name_key`]), its kind in the index and its count.
/// Every name and key sits in one buffer: an article names a few dozen, and one allocation
/// for them all keeps the import's allocator (and the writer freeing them) out of the way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameEntries {
    /// The names and keys, one after the other.
    text: String,
    /// Where each name and key ends in `text`, and the entry's kind and count.
    entries: Vec<NameEntry>,
}

/// The length of a typical name, in bytes (`Abdulwahab Saud Al-Rifai` is 24).
const TYPICAL_NAME_BYTES: usize = 20;

/// One entry of [`NameEntries`]: its name is `text[start..middle]`, its key
/// `text[middle..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct NameEntry {
    start: usize,
    middle: usize,
    end: usize,
    kind: i64,
    count: i64,
}

impl NameEntries {
    /// Room for about `entries` entries.
    fn with_room(entries: usize) -> NameEntries {
        NameEntries {
            text: String::with_capacity(entries * 2 * TYPICAL_NAME_BYTES),
            entries: Vec::with_capacity(entries),
        }
    }

    /// Adds a name (already cleaned) under an index kind with its count.
    fn push(&mut self, name: &str, kind: i64, count: i64) {
        let start = self.text.len();
        self.text.push_str(name);
        let middle = self.text.len();
        if name.is_ascii() {
            self.text.push_str(name);
            self.text[middle..].make_ascii_lowercase();
        } else {
            self.text.push_str(&name.to_lowercase());
        }
        let end = self.text.len();
        self.entries.push(NameEntry {
            start,
            middle,
            end,
            kind,
            count,
        });
    }

    /// Each entry: the name as written, its lookup key, its kind in the index, its count.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str, i64, i64)> + '_ {
        self.entries.iter().map(|entry| {
            (
                &self.text[entry.start..entry.middle],
                &self.text[entry.middle..entry.end],
                entry.kind,
                entry.count,
            )
        })
    }
}

/// An article ready to be written: every column and index row, built on a worker thread so
/// the writer only runs inserts.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The article's id.
    pub id: ArticleId,
    /// The publication day (see [`day_number`]).
    pub day: Option<i32>,
    /// The agency's abbreviation and name.
    pub agency: Option<(String, String)>,
    /// The dateline place.
    pub place: Option<String>,
    /// The title.
    pub title: Option<String>,
    /// What a list shows: the title, else the start of the first paragraph.
    pub headline: String,
    /// The body.
    pub body: String,
    /// The article without its body, as JSON.
    pub article_json: String,
    /// The annotations, encoded (see [`super::codec`]).
    pub annotations: Vec<u8>,
    /// The annotator version.
    pub annotator: u32,
    /// Read state.
    pub read: bool,
    /// Starred state.
    pub starred: bool,
    /// The entity, spelling and speaker entries of the index of names.
    pub names: NameEntries,
}

impl Prepared {
    /// The rows of an annotated article.
    pub fn new(
        mut article: Article,
        annotations: &Annotations,
        annotator: u32,
        read: bool,
        starred: bool,
    ) -> Prepared {
        let body = std::mem::take(&mut article.body);
        let entities = cleaned_entities(&body, annotations);
        let mut names = NameEntries::with_room(entities.len() + annotations.statements.len());
        entity_rows(&entities, &mut names);
        speaker_rows(&body, annotations, &entities, &mut names);
        drop(entities);
        let article_json = serde_json::to_string(&article).unwrap_or_default();
        Prepared {
            id: article.id,
            day: article.published.map(|p| day_number(p.date())),
            agency: article.agency.as_ref().map(|a| (a.abbr.clone(), a.name.clone())),
            place: article.dateline.as_ref().and_then(|d| d.place.clone()),
            title: article.title.clone(),
            headline: headline_of(article.title.as_deref(), &body),
            article_json,
            annotations: super::codec::encode(annotations),
            body,
            annotator,
            read,
            starred,
            names,
        }
    }
}

/// The longest headline kept, in characters.
pub const LONGEST_HEADLINE: usize = 300;

/// The headline of an article: its title, else its first paragraph, at most
/// [`LONGEST_HEADLINE`] characters (what schema version 2 computes for older articles).
pub fn headline_of(title: Option<&str>, body: &str) -> String {
    let text = match title {
        Some(title) if !title.trim().is_empty() => title,
        _ => body.split("\n\n").next().unwrap_or(""),
    };
    match text.char_indices().nth(LONGEST_HEADLINE) {
        Some((end, _)) => text[..end].to_string(),
        None => text.to_string(),
    }
}

/// A name as indexed: white space collapsed (borrowed when it already is).
fn clean_name(text: &str) -> Cow<'_, str> {
    // One pass over the bytes for the usual name: ASCII, single spaces between words.
    let mut after_space = true;
    let mut plain = true;
    for &byte in text.as_bytes() {
        plain = byte.is_ascii() && !(b'\t'..=b'\r').contains(&byte) && !(byte == b' ' && after_space);
        if !plain {
            break;
        }
        after_space = byte == b' ';
    }
    if plain && (!after_space || text.is_empty()) {
        return Cow::Borrowed(text);
    }
    let mut after_space = true;
    let mut clean = !text.ends_with(' ');
    for c in text.chars() {
        if c == ' ' {
            clean &= !after_space;
            after_space = true;
        } else {
            clean &= !c.is_whitespace();
            after_space = false;
        }
        if !clean {
            break;
        }
    }
    if clean {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The last word of a person's name of several words (`Al-Rifai` of `Abdulwahab Saud
/// Al-Rifai`): a reader looking for a surname expects every article on the person.
fn surname(name: &str) -> Option<&str> {
    let (_, last) = name.rsplit_once(' ')?;
    (last.chars().count() > 1).then_some(last)
}

/// An entity of an article with its names cleaned (see [`clean_name`]).
struct CleanEntity<'a> {
    kind: EntityKind,
    canonical: Cow<'a, str>,
    mention: Cow<'a, str>,
}

/// The entities of an article with their names cleaned, once for every use.
fn cleaned_entities<'a>(body: &'a str, annotations: &'a Annotations) -> Vec<CleanEntity<'a>> {
    annotations
        .entities
        .iter()
        .map(|entity| CleanEntity {
            kind: entity.kind,
            canonical: clean_name(&entity.canonical),
            mention: clean_name(entity.span.text(body)),
        })
        .collect()
}

/// Adds the canonical entities with their mention counts (sorted by name and kind), then the
/// other spellings used (with the surnames of people).
fn entity_rows(cleaned: &[CleanEntity], names: &mut NameEntries) {
    // Canonical name, kind code, mentions; in the order first seen (an article names a few
    // dozen entities: a list is quicker than a hash table).
    let mut entities: Vec<(&str, i64, i64)> = Vec::new();
    let mut spellings: Vec<&str> = Vec::new();
    for entity in cleaned.iter().filter(|e| e.kind != EntityKind::Title) {
        let canonical = entity.canonical.as_ref();
        let code = kind_code(entity.kind);
        let surname = (entity.kind == EntityKind::Person)
            .then(|| surname(canonical))
            .flatten();
        for spelling in [Some(entity.mention.as_ref()), surname].into_iter().flatten() {
            if !spelling.eq_ignore_ascii_case(canonical)
                && !spellings.iter().any(|n| n.eq_ignore_ascii_case(spelling))
            {
                spellings.push(spelling);
            }
        }
        match entities
            .iter_mut()
            .find(|(name, kind, _)| *kind == code && *name == canonical)
        {
            Some(found) => found.2 += 1,
            None => entities.push((canonical, code, 1)),
        }
    }
    // A bare title (`the Secretary`) is one more mention of the person it stands for (under
    // the kind the name was first seen with).
    for entity in cleaned.iter().filter(|e| e.kind == EntityKind::Title) {
        if let Some(found) = entities.iter_mut().find(|(name, _, _)| *name == entity.canonical) {
            found.2 += 1;
        }
    }
    entities.sort_unstable();
    spellings.retain(|name| !entities.iter().any(|(c, _, _)| c.eq_ignore_ascii_case(name)));
    for (name, kind, mentions) in entities {
        names.push(name, kind, mentions);
    }
    for spelling in spellings {
        names.push(spelling, postings::SPELLING, 1);
    }
}

/// Adds the speakers by name with their statement counts: the canonical name, every spelling
/// of that entity in the article, and short unresolved speaker spans.
fn speaker_rows<'a>(
    body: &'a str,
    annotations: &'a Annotations,
    cleaned: &'a [CleanEntity<'a>],
    names: &mut NameEntries,
) {
    // Name, statements, whether it is a canonical name; in the order first seen.
    let mut rows: Vec<(Cow<'a, str>, i64, bool)> = Vec::new();
    let mut add = |name: Cow<'a, str>, canonical: bool| {
        if name.is_empty() {
            return;
        }
        match rows.iter_mut().find(|(n, _, _)| n.eq_ignore_ascii_case(&name)) {
            Some(row) => {
                row.1 += 1;
                row.2 |= canonical;
            }
            None => rows.push((name, 1, canonical)),
        }
    };
    let entities: Vec<&CleanEntity> = cleaned.iter().filter(|e| e.kind != EntityKind::Title).collect();
    // Each speaker's spellings, worked out at its first statement (a speaker has several).
    let mut speakers: Vec<(Cow<'a, str>, Vec<Cow<'a, str>>)> = Vec::new();
    for statement in &annotations.statements {
        match &statement.speaker_canonical {
            Some(canonical) => {
                let canonical = clean_name(canonical);
                let known = match speakers.iter().position(|(name, _)| *name == canonical) {
                    Some(known) => known,
                    None => {
                        let spellings = spellings_of(&canonical, &entities);
                        speakers.push((canonical, spellings));
                        speakers.len() - 1
                    }
                };
                let (canonical, spellings) = &speakers[known];
                add(canonical.clone(), true);
                for spelling in spellings {
                    add(spelling.clone(), false);
                }
            }
            None => {
                if let Some(span) = statement.speaker {
                    let name = clean_name(span.text(body));
                    if name.split(' ').count() <= LONGEST_SPEAKER_NAME {
                        add(name, false);
                    }
                }
            }
        }
    }
    for (name, statements, canonical) in rows {
        let kind = if canonical {
            postings::SPEAKER
        } else {
            postings::SPEAKER_SPELLING
        };
        names.push(&name, kind, statements);
    }
}

/// The other spellings of a speaker's entity in an article, and the surname of its name.
fn spellings_of<'a>(canonical: &Cow<'a, str>, entities: &[&'a CleanEntity<'a>]) -> Vec<Cow<'a, str>> {
    let mut spellings: Vec<Cow<'a, str>> = entities
        .iter()
        .filter(|e| e.canonical == *canonical && !e.mention.eq_ignore_ascii_case(canonical))
        .map(|e| Cow::Borrowed(e.mention.as_ref()))
        .collect();
    spellings.extend(match canonical {
        Cow::Borrowed(name) => surname(name).map(Cow::Borrowed),
        Cow::Owned(name) => surname(name).map(|last| Cow::Owned(last.to_string())),
    });
    spellings.sort_unstable();
    spellings.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    spellings
}

/// The key a name is looked up by: lower case, white space collapsed (what [`NameEntries`] holds beside each name).
pub fn name_key(name: &str) -> String {
    clean_name(name).to_lowercase()
}

/// Code tables the writer keeps in memory: agency abbreviation, place name and entity name to
/// code. A code another writer added meanwhile is found in the table on a miss.
#[derive(Debug, Default)]
pub struct Codes {
    agencies: FxHashMap<String, i64>,
    places: FxHashMap<String, i64>,
    names: FxHashMap<String, i64>,
}

impl Codes {
    /// The codes already in the library.
    pub fn load(transaction: &Transaction) -> rusqlite::Result<Codes> {
        let read = |sql: &str| -> rusqlite::Result<FxHashMap<String, i64>> {
            let mut statement = transaction.prepare(sql)?;
            let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
            rows.collect()
        };
        Ok(Codes {
            agencies: read("SELECT abbr, code FROM agencies")?,
            places: read("SELECT name, code FROM places")?,
            names: read("SELECT key, id FROM names")?,
        })
    }

    fn agency(&mut self, tx: &Transaction, abbr: &str, name: &str) -> rusqlite::Result<i64> {
        if let Some(code) = self.agencies.get(abbr) {
            return Ok(*code);
        }
        let code = code_of(
            tx,
            "INSERT OR IGNORE INTO agencies (abbr, name) VALUES (?1, ?2)",
            "SELECT code FROM agencies WHERE abbr = ?1",
            abbr,
            name,
        )?;
        self.agencies.insert(abbr.to_string(), code);
        Ok(code)
    }

    fn place(&mut self, tx: &Transaction, name: &str) -> rusqlite::Result<i64> {
        if let Some(code) = self.places.get(name) {
            return Ok(*code);
        }
        let code = code_of(
            tx,
            "INSERT OR IGNORE INTO places (name) VALUES (?1)",
            "SELECT code FROM places WHERE name = ?1",
            name,
            name,
        )?;
        self.places.insert(name.to_string(), code);
        Ok(code)
    }

    fn name(&mut self, tx: &Transaction, name: &str, key: &str) -> rusqlite::Result<i64> {
        if let Some(code) = self.names.get(key) {
            return Ok(*code);
        }
        let code = code_of(
            tx,
            "INSERT OR IGNORE INTO names (key, name) VALUES (?1, ?2)",
            "SELECT id FROM names WHERE key = ?1",
            key,
            name,
        )?;
        self.names.insert(key.to_string(), code);
        Ok(code)
    }
}

/// The code of `key` in a code table, added (with `value`) when missing. The insert's SQL
/// binds `?1` to the key and may bind `?2` to the value.
fn code_of(tx: &Transaction, insert: &str, select: &str, key: &str, value: &str) -> rusqlite::Result<i64> {
    let mut statement = tx.prepare_cached(insert)?;
    let added = if statement.parameter_count() == 2 {
        statement.execute(params![key, value])?
    } else {
        statement.execute(params![key])?
    };
    if added == 1 {
        return Ok(tx.last_insert_rowid());
    }
    tx.prepare_cached(select)?
        .query_row(params![key], |row| row.get(0))
}

/// The statements that write articles, prepared once per transaction, and the index entries
/// gathered until [`Writer::finish`].
pub struct Writer<'tx> {
    tx: &'tx Transaction<'tx>,
    article: rusqlite::CachedStatement<'tx>,
    text: rusqlite::CachedStatement<'tx>,
    search: rusqlite::CachedStatement<'tx>,
    headline: rusqlite::CachedStatement<'tx>,
    postings: Changes,
}

impl<'tx> Writer<'tx> {
    /// Prepares the statements in a transaction.
    pub fn new(tx: &'tx Transaction<'tx>) -> rusqlite::Result<Writer<'tx>> {
        Ok(Writer {
            tx,
            article: tx.prepare_cached(
                "INSERT INTO articles (id, day, agency, place, read, starred, annotator, imported)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?,
            text: tx.prepare_cached(
                "INSERT INTO texts (rowid, title, body, article, annotations) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?,
            search: tx.prepare_cached("INSERT INTO search (rowid, title, body) VALUES (?1, ?2, ?3)")?,
            headline: tx.prepare_cached("INSERT INTO headlines (rowid, headline) VALUES (?1, ?2)")?,
            postings: Changes::default(),
        })
    }

    /// Writes a prepared article (whose id is not stored yet: see [`super::ids::StoredIds`]).
    pub fn insert(&mut self, codes: &mut Codes, prepared: &Prepared, now: i64) -> rusqlite::Result<()> {
        let agency = match &prepared.agency {
            Some((abbr, name)) => Some(codes.agency(self.tx, abbr, name)?),
            None => None,
        };
        let place = match &prepared.place {
            Some(name) => Some(codes.place(self.tx, name)?),
            None => None,
        };
        self.article.execute(params![
            prepared.id.0 as i64,
            prepared.day,
            agency,
            place,
            prepared.read,
            prepared.starred,
            prepared.annotator,
            now
        ])?;
        let row = self.tx.last_insert_rowid();
        self.text.execute(params![
            row,
            prepared.title,
            prepared.body,
            prepared.article_json,
            prepared.annotations
        ])?;
        self.search.execute(params![row, prepared.title, prepared.body])?;
        self.headline.execute(params![row, prepared.headline])?;
        self.index_entries(codes, row_number(row)?, prepared, false)
    }

    /// Gathers the entity, spelling and speaker entries of an article, to add or to remove.
    fn index_entries(
        &mut self,
        codes: &mut Codes,
        row: u32,
        prepared: &Prepared,
        remove: bool,
    ) -> rusqlite::Result<()> {
        for (name, key, kind, count) in prepared.names.iter() {
            let name = codes.name(self.tx, name, key)?;
            if remove {
                self.postings.remove(name, kind, row);
            } else {
                self.postings.add(name, kind, row, count);
            }
        }
        Ok(())
    }

    /// Replaces the annotations of a stored article (reindexing): `old` are the entries its
    /// previous annotations gave, removed before the new ones are added.
    pub fn replace_annotations(
        &mut self,
        codes: &mut Codes,
        row: i64,
        old: &Prepared,
        new: &Prepared,
    ) -> rusqlite::Result<()> {
        let number = row_number(row)?;
        self.index_entries(codes, number, old, true)?;
        self.tx
            .prepare_cached("UPDATE texts SET annotations = ?1 WHERE rowid = ?2")?
            .execute(params![new.annotations, row])?;
        self.tx
            .prepare_cached("UPDATE articles SET annotator = ?1 WHERE rowid = ?2")?
            .execute(params![new.annotator, row])?;
        self.index_entries(codes, number, new, false)
    }

    /// Writes the index entries gathered; call before committing.
    pub fn finish(mut self) -> rusqlite::Result<()> {
        self.postings.write(self.tx)
    }
}

/// A row number as the index keeps it (articles are numbered from 1, far below 2^32).
fn row_number(row: i64) -> rusqlite::Result<u32> {
    u32::try_from(row).map_err(|_| rusqlite::Error::IntegralValueOutOfRange(0, row))
}

/// Reads an article back.
pub fn load(library: &Library, row: i64) -> Result<StoredArticle> {
    let found = library
        .connection()
        .prepare_cached(
            "SELECT a.read, a.starred, a.annotator, t.body, t.article, t.annotations
             FROM articles a JOIN texts t ON t.rowid = a.rowid WHERE a.rowid = ?1",
        )
        .and_then(|mut statement| {
            statement.query_row(params![row], |r| {
                Ok((
                    r.get::<_, bool>(0)?,
                    r.get::<_, bool>(1)?,
                    r.get::<_, u32>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, Vec<u8>>(5)?,
                ))
            })
        })
        .map_err(|error| library.error(&error))?;
    let (read, starred, annotator, body, article_json, encoded) = found;
    let damaged = |what: &str, error: &dyn std::fmt::Display| StoreError::Sqlite {
        path: library.path().to_string(),
        reason: format!("the stored {what} of article row {row} is damaged: {error}"),
    };
    let mut article: Article = serde_json::from_str(&article_json).map_err(|e| damaged("article", &e))?;
    article.body = body;
    let annotations = super::codec::decode(&encoded).map_err(|e| damaged("annotations", &e))?;
    Ok(StoredArticle {
        row,
        article,
        annotations,
        annotator,
        read,
        starred,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_indexed_with_white_space_collapsed() {
        for (written, indexed) in [
            ("Salem Al-Rifai", "Salem Al-Rifai"),
            ("", ""),
            (" Salem  Al-Rifai ", "Salem Al-Rifai"),
            ("Salem\nAl-Rifai", "Salem Al-Rifai"),
            ("Salem\u{a0}Al-Rifai", "Salem Al-Rifai"),
            ("Salem ", "Salem"),
            ("Salem\tAl-Rifai", "Salem Al-Rifai"),
            ("Salem\u{b}Al-Rifai", "Salem Al-Rifai"),
            ("Salem \r\nAl-Rifai", "Salem Al-Rifai"),
            ("  ", ""),
        ] {
            assert_eq!(clean_name(written), indexed, "{written:?}");
        }
        assert!(matches!(clean_name("Salem Al-Rifai"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_headline_is_the_title_or_the_first_paragraph_cut_to_its_length() {
        assert_eq!(headline_of(Some("Talks resume"), "Body."), "Talks resume");
        assert_eq!(headline_of(Some("  "), "First.\n\nSecond."), "First.");
        assert_eq!(headline_of(None, "Ünïcode body"), "Ünïcode body");
        let long = "é".repeat(LONGEST_HEADLINE + 5);
        let headline = headline_of(None, &long);
        assert_eq!(headline.chars().count(), LONGEST_HEADLINE);
        assert!(long.starts_with(&headline));
    }

    #[test]
    fn an_entry_key_is_the_key_a_filter_looks_up() {
        let written = ["Salem Al-Rifai", "Mevlüt ÇAVUŞOĞLU", "ΟΔΥΣΣΕΑΣ", "İstanbul"];
        let mut names = NameEntries::default();
        for name in written {
            names.push(name, postings::SPELLING, 1);
        }
        let entries: Vec<(&str, &str)> = names.iter().map(|(name, key, _, _)| (name, key)).collect();
        let expected: Vec<(&str, String)> = written.iter().map(|name| (*name, name_key(name))).collect();
        assert_eq!(entries.len(), expected.len());
        for ((name, key), (expected_name, expected_key)) in entries.iter().zip(&expected) {
            assert_eq!((name, key), (expected_name, &expected_key.as_str()));
        }
    }

    #[test]
    fn a_bare_title_counts_for_its_person_and_spellings_are_kept_once() {
        use crate::annotate::entities::Entity;
        use crate::span::Span;
        let body =
            "Foreign Minister Salem Al-Rifai met AL-RIFAI's guests. The Minister said Al-Rifai would go.";
        let entity = |text: &str, kind: EntityKind, canonical: &str| {
            let start = body.find(text).expect("in the body");
            Entity {
                span: Span::new(start, start + text.len()),
                kind,
                canonical: canonical.to_string(),
            }
        };
        let annotations = Annotations {
            entities: vec![
                entity("Salem Al-Rifai", EntityKind::Person, "Salem Al-Rifai"),
                entity("AL-RIFAI", EntityKind::Person, "Salem Al-Rifai"),
                entity("The Minister", EntityKind::Title, "Salem Al-Rifai"),
                entity("Al-Rifai would", EntityKind::Organization, "Salem  Al-Rifai"),
            ],
            ..Annotations::default()
        };
        let mut names = NameEntries::default();
        entity_rows(&cleaned_entities(body, &annotations), &mut names);
        let entries: Vec<(&str, i64, i64)> = names
            .iter()
            .map(|(name, _, kind, count)| (name, kind, count))
            .collect();
        assert_eq!(
            entries,
            [
                ("Salem Al-Rifai", 0, 3),
                ("Salem Al-Rifai", 1, 1),
                ("Al-Rifai", postings::SPELLING, 1),
                ("Al-Rifai would", postings::SPELLING, 1),
            ],
            "the title counts under the kind first seen; the surname once, whatever its case"
        );
        let keys: Vec<&str> = names.iter().map(|(_, key, _, _)| key).collect();
        assert_eq!(
            keys,
            ["salem al-rifai", "salem al-rifai", "al-rifai", "al-rifai would"]
        );
    }
}
