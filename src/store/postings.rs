//! The index of names: for every name and kind (an entity kind, a spelling, a speaker), the
//! articles naming it, kept in blocks of [`BLOCK_ROWS`] row numbers. A block is one row whose
//! blob lists its articles in order, each with a count (mentions, or statements).
//!
//! An import writes a batch's entries with one blob per name and block, rather than one index
//! row per name and article. The rows are kept in block order (see `row_key`): an import numbers
//! its articles upwards, so a batch only adds rows at the end of the table and rewrites the rows
//! of the block it started in. Kept by name first, every batch would rewrite a page for every
//! name it touches, all over the table. A filter reads a name's row in each block: about 120
//! lookups at 1,000,000 articles.

use rustc_hash::FxHashMap;

use rusqlite::{Connection, OptionalExtension, params};

/// The kind of a spelling of an entity other than its canonical name (the entity kinds are
/// 0..=5, see [`super::rows::KINDS`]).
pub const SPELLING: i64 = 6;
/// The kind of a speaker named by the canonical name of its entity.
pub const SPEAKER: i64 = 7;
/// The kind of a speaker named by another spelling (a surname, an unresolved name).
pub const SPEAKER_SPELLING: i64 = 8;
/// The largest entity kind code.
pub const LAST_ENTITY_KIND: i64 = 5;

/// Bits of a row number that place it within its block.
const BLOCK_BITS: u32 = 13;
/// Row numbers per block.
pub const BLOCK_ROWS: u32 = 1 << BLOCK_BITS;
/// Bytes of one entry: the row's place in its block (16 bits, little-endian) and its count.
const ENTRY_BYTES: usize = 3;

/// The block of a row number, and the row's place in it.
fn split(row: u32) -> (i64, u16) {
    (i64::from(row >> BLOCK_BITS), (row & (BLOCK_ROWS - 1)) as u16)
}

/// The entries of a stored block: the row's place in the block and its count, in row order.
/// Trailing bytes that do not make a whole entry are ignored.
fn parse(blob: &[u8]) -> Vec<(u16, u8)> {
    blob.chunks_exact(ENTRY_BYTES)
        .map(|entry| (u16::from_le_bytes([entry[0], entry[1]]), entry[2]))
        .collect()
}

/// The stored form of a block's entries.
fn encode(entries: &[(u16, u8)]) -> Vec<u8> {
    let mut blob = Vec::with_capacity(entries.len() * ENTRY_BYTES);
    for (place, count) in entries {
        blob.extend_from_slice(&place.to_le_bytes());
        blob.push(*count);
    }
    blob
}

/// The row numbers and counts of a stored block.
pub fn entries(block: i64, blob: &[u8]) -> impl Iterator<Item = (u32, u32)> + '_ {
    let base = u32::try_from(block).unwrap_or(u32::MAX >> BLOCK_BITS) << BLOCK_BITS;
    blob.chunks_exact(ENTRY_BYTES).map(move |entry| {
        let place = u32::from(u16::from_le_bytes([entry[0], entry[1]]));
        (base | place, u32::from(entry[2]))
    })
}

/// The last block a row number (32 bits) can fall in.
const LAST_BLOCK: i64 = (u32::MAX >> BLOCK_BITS) as i64;

/// Bits of a row's key that hold the kind.
const KIND_BITS: u32 = 4;
/// Bits of a row's key that hold the name number.
const NAME_BITS: u32 = 32;

/// The key of the row of a block, a name and a kind: the three packed into one integer, the
/// block highest. The table is then an ordinary one keyed by row number, whose pages hold a
/// blob of up to 16 KB in place (a table keyed by the three columns overflows above 4 KB).
fn row_key(block: i64, name: i64, kind: i64) -> i64 {
    (block << (NAME_BITS + KIND_BITS))
        | ((name & ((1 << NAME_BITS) - 1)) << KIND_BITS)
        | (kind & ((1 << KIND_BITS) - 1))
}

/// The block, name and kind of a row's key.
fn unpack(key: i64) -> (i64, i64, i64) {
    (
        key >> (NAME_BITS + KIND_BITS),
        (key >> KIND_BITS) & ((1 << NAME_BITS) - 1),
        key & ((1 << KIND_BITS) - 1),
    )
}

/// A count as stored: at least 1 (an entry is a mention), at most 255.
fn stored_count(count: i64) -> u8 {
    count.clamp(1, i64::from(u8::MAX)) as u8
}

/// Entries to add and remove, gathered over a batch and written at its end.
#[derive(Debug, Default)]
pub struct Changes {
    /// By row key (see `row_key`): the changes in the order made; a count of 0 removes the row.
    blocks: FxHashMap<i64, Vec<(u16, u8)>>,
    /// Changes held.
    held: usize,
}

impl Changes {
    /// Records that article `row` names `name` (as `kind`) `count` times.
    pub fn add(&mut self, name: i64, kind: i64, row: u32, count: i64) {
        self.change(name, kind, row, stored_count(count));
    }

    /// Records that article `row` no longer names `name` as `kind`.
    pub fn remove(&mut self, name: i64, kind: i64, row: u32) {
        self.change(name, kind, row, 0);
    }

    fn change(&mut self, name: i64, kind: i64, row: u32, count: u8) {
        let (block, place) = split(row);
        self.blocks
            .entry(row_key(block, name, kind))
            .or_default()
            .push((place, count));
        self.held += 1;
    }

    /// The number of changes held.
    pub fn len(&self) -> usize {
        self.held
    }

    /// Whether no change is held.
    pub fn is_empty(&self) -> bool {
        self.held == 0
    }

    /// Writes the changes, one read and one write per block touched, and forgets them.
    pub fn write(&mut self, connection: &Connection) -> rusqlite::Result<()> {
        let mut blocks: Vec<_> = self.blocks.drain().collect();
        self.held = 0;
        // In the table's order: each block's rows one after the other.
        blocks.sort_unstable_by_key(|(key, _)| *key);
        let mut read = connection.prepare_cached("SELECT entries FROM postings WHERE key = ?1")?;
        let mut put =
            connection.prepare_cached("INSERT OR REPLACE INTO postings (key, entries) VALUES (?1, ?2)")?;
        let mut delete = connection.prepare_cached("DELETE FROM postings WHERE key = ?1")?;
        for (key, changes) in blocks {
            let stored: Option<Vec<u8>> = read.query_row(params![key], |row| row.get(0)).optional()?;
            let mut entries = stored.as_deref().map(parse).unwrap_or_default();
            apply(&mut entries, &changes);
            if entries.is_empty() {
                delete.execute(params![key])?;
            } else {
                put.execute(params![key, encode(&entries)])?;
            }
        }
        Ok(())
    }
}

/// Applies changes in order to a block's entries (kept in row order).
fn apply(entries: &mut Vec<(u16, u8)>, changes: &[(u16, u8)]) {
    for &(place, count) in changes {
        // An import only appends: check the end before searching.
        let at = match entries.last() {
            Some(&(last, _)) if last < place => Err(entries.len()),
            None => Err(0),
            _ => entries.binary_search_by_key(&place, |&(p, _)| p),
        };
        match (at, count) {
            (Ok(i), 0) => {
                entries.remove(i);
            }
            (Ok(i), _) => entries[i].1 = count,
            (Err(_), 0) => {}
            (Err(i), _) => entries.insert(i, (place, count)),
        }
    }
}

/// Calls `found` with the row number of every article naming `key` (a name key, see
/// [`super::rows::name_key`]) as one of `kinds`, block by block.
pub fn rows_naming(
    connection: &Connection,
    key: &str,
    kinds: (i64, i64),
    mut found: impl FnMut(u32),
) -> rusqlite::Result<()> {
    let name: Option<i64> = connection
        .prepare_cached("SELECT id FROM names WHERE key = ?1")?
        .query_row(params![key], |row| row.get(0))
        .optional()?;
    let Some(name) = name else {
        return Ok(());
    };
    let last: Option<i64> = connection
        .prepare_cached("SELECT max(key) FROM postings")?
        .query_row([], |row| row.get(0))?;
    // A damaged key past the last block would otherwise have the loop run for minutes.
    let last_block = last.map_or(-1, |key| unpack(key).0.min(LAST_BLOCK));
    let mut statement =
        connection.prepare_cached("SELECT entries FROM postings WHERE key BETWEEN ?1 AND ?2")?;
    for block in 0..=last_block {
        let mut rows = statement.query(params![
            row_key(block, name, kinds.0),
            row_key(block, name, kinds.1)
        ])?;
        while let Some(row) = rows.next()? {
            for (article, _) in entries(block, row.get_ref(0)?.as_blob()?) {
                found(article);
            }
        }
    }
    Ok(())
}

/// Calls `found` with the name number, kind, block and entries of every row of the index.
pub fn every_block(
    connection: &Connection,
    mut found: impl FnMut(i64, i64, i64, &[u8]),
) -> rusqlite::Result<()> {
    let mut statement = connection.prepare("SELECT key, entries FROM postings")?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        let (block, name, kind) = unpack(row.get(0)?);
        found(name, kind, block, row.get_ref(1)?.as_blob()?);
    }
    Ok(())
}

/// The statement that creates the index of names.
const CREATE: &str = "CREATE TABLE postings (
    key INTEGER PRIMARY KEY,
    entries BLOB NOT NULL
);";

/// Changes held before the migration writes them, to bound its memory.
const MIGRATION_CHANGES: usize = 4_000_000;

/// Schema version 3: builds the postings from the index tables of version 2 (one row per name
/// and article) and drops those. It builds them as this build keeps them, which
/// [`migrate_to_block_order`] recognises and leaves.
pub fn migrate_from_rows(transaction: &Connection) -> rusqlite::Result<()> {
    transaction.execute_batch(CREATE)?;
    let sources = [
        "SELECT name, kind, article, mentions FROM entities".to_string(),
        format!("SELECT name, {SPELLING}, article, 1 FROM entity_names"),
        format!(
            "SELECT name, CASE WHEN canonical THEN {SPEAKER} ELSE {SPEAKER_SPELLING} END, article, statements
             FROM speakers"
        ),
    ];
    let mut changes = Changes::default();
    for sql in &sources {
        let mut statement = transaction.prepare(sql)?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let article: i64 = row.get(2)?;
            if let Ok(article) = u32::try_from(article) {
                changes.add(row.get(0)?, row.get(1)?, article, row.get(3)?);
            }
            if changes.len() >= MIGRATION_CHANGES {
                changes.write(transaction)?;
            }
        }
    }
    changes.write(transaction)?;
    transaction.execute_batch("DROP TABLE entities; DROP TABLE entity_names; DROP TABLE speakers;")
}

/// Bits of a row number that placed it within its block in schema versions 3 and 4.
const NAME_ORDER_BLOCK_BITS: u32 = 10;

/// Schema version 5: the index of names in block order, with blocks of [`BLOCK_ROWS`] rows,
/// from the index of versions 3 and 4 (keyed by name, kind and block, blocks of 1,024 rows). An
/// index already in block order (built by [`migrate_from_rows`] in the same upgrade: it has a
/// `key` column) is left as it is.
pub fn migrate_to_block_order(transaction: &Connection) -> rusqlite::Result<()> {
    let keyed: i64 = transaction.query_row(
        "SELECT count(*) FROM pragma_table_info('postings') WHERE name = 'key'",
        [],
        |row| row.get(0),
    )?;
    if keyed == 1 {
        return Ok(());
    }
    transaction.execute_batch("ALTER TABLE postings RENAME TO postings_by_name;")?;
    transaction.execute_batch(CREATE)?;
    let mut changes = Changes::default();
    {
        let mut statement = transaction.prepare("SELECT name, kind, block, entries FROM postings_by_name")?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let (name, kind, block): (i64, i64, i64) = (row.get(0)?, row.get(1)?, row.get(2)?);
            let base = u32::try_from(block).unwrap_or(0) << NAME_ORDER_BLOCK_BITS;
            for (place, count) in parse(row.get_ref(3)?.as_blob()?) {
                changes.change(name, kind, base | u32::from(place), count);
            }
            if changes.len() >= MIGRATION_CHANGES {
                changes.write(transaction)?;
            }
        }
    }
    changes.write(transaction)?;
    transaction.execute_batch("DROP TABLE postings_by_name;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Connection {
        let connection = Connection::open_in_memory().expect("memory");
        connection
            .execute_batch(CREATE)
            .and_then(|()| {
                connection.execute_batch(
                    "CREATE TABLE names (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL);
                     INSERT INTO names VALUES (1, 'kuwait', 'Kuwait'), (2, 'doha', 'Doha');",
                )
            })
            .expect("schema");
        connection
    }

    fn naming(connection: &Connection, key: &str, kinds: (i64, i64)) -> Vec<u32> {
        let mut rows = Vec::new();
        rows_naming(connection, key, kinds, |row| rows.push(row)).expect("read");
        rows
    }

    #[test]
    fn entries_written_in_batches_read_back_block_by_block() {
        let connection = table();
        let mut changes = Changes::default();
        let last_of_first = BLOCK_ROWS - 1;
        for row in [5, last_of_first, BLOCK_ROWS, 9 * BLOCK_ROWS] {
            changes.add(1, 2, row, 3);
        }
        changes.add(2, 2, 7, 1);
        changes.write(&connection).expect("write");
        assert!(changes.is_empty());
        // A later batch appends to the blocks already stored and starts new ones.
        changes.add(1, 2, BLOCK_ROWS + 6, 1);
        changes.add(1, SPELLING, 9, 1);
        changes.write(&connection).expect("write");
        assert_eq!(
            naming(&connection, "kuwait", (0, LAST_ENTITY_KIND)),
            [5, last_of_first, BLOCK_ROWS, BLOCK_ROWS + 6, 9 * BLOCK_ROWS]
        );
        assert_eq!(
            naming(&connection, "kuwait", (0, SPELLING)),
            [5, last_of_first, 9, BLOCK_ROWS, BLOCK_ROWS + 6, 9 * BLOCK_ROWS]
        );
        assert_eq!(naming(&connection, "doha", (0, LAST_ENTITY_KIND)), [7]);
        assert_eq!(
            naming(&connection, "nowhere", (0, SPEAKER_SPELLING)),
            Vec::<u32>::new()
        );
    }

    #[test]
    fn rows_are_kept_in_block_order() {
        let connection = table();
        let mut changes = Changes::default();
        changes.add(2, 0, BLOCK_ROWS + 1, 1);
        changes.add(1, 3, 4, 1);
        changes.add(1, 0, BLOCK_ROWS + 2, 1);
        changes.add(2, 1, 3, 1);
        changes.write(&connection).expect("write");
        let mut keys = Vec::new();
        every_block(&connection, |name, kind, block, _| keys.push((block, name, kind))).expect("read");
        assert_eq!(keys, [(0, 1, 3), (0, 2, 1), (1, 1, 0), (1, 2, 0)]);
    }

    #[test]
    fn an_index_in_name_order_is_rebuilt_in_block_order() {
        let connection = table();
        connection
            .execute_batch(
                "DROP TABLE postings;
                 CREATE TABLE postings (name INTEGER NOT NULL, kind INTEGER NOT NULL,
                 block INTEGER NOT NULL, entries BLOB NOT NULL, PRIMARY KEY (name, kind, block))
                 WITHOUT ROWID;",
            )
            .expect("old table");
        // Blocks of 1,024 rows: rows 3 and 5 (block 0), 1,030 (block 1), 9,000 (block 8).
        let mut insert = connection
            .prepare("INSERT INTO postings VALUES (?1, ?2, ?3, ?4)")
            .expect("insert");
        for (name, kind, block, entries) in [
            (1, 0, 0, vec![(3, 2), (5, 1)]),
            (1, 0, 1, vec![(6, 4)]),
            (1, SPEAKER, 8, vec![(808, 1)]),
            (2, 0, 8, vec![(808, 9)]),
        ] {
            insert
                .execute(params![name, kind, block, encode(&entries)])
                .expect("row");
        }
        migrate_to_block_order(&connection).expect("migrate");
        assert_eq!(naming(&connection, "kuwait", (0, 0)), [3, 5, 1030]);
        assert_eq!(naming(&connection, "kuwait", (SPEAKER, SPEAKER)), [9000]);
        assert_eq!(naming(&connection, "doha", (0, 0)), [9000]);
        let mut counts = Vec::new();
        every_block(&connection, |name, kind, block, blob| {
            if (name, kind) == (1, 0) {
                counts.extend(entries(block, blob));
            }
        })
        .expect("read");
        assert_eq!(counts, [(3, 2), (5, 1), (1030, 4)]);
        // A second run finds the index in block order and leaves it.
        migrate_to_block_order(&connection).expect("again");
        assert_eq!(naming(&connection, "kuwait", (0, 0)), [3, 5, 1030]);
        let tables: i64 = connection
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'postings%'",
                [],
                |r| r.get(0),
            )
            .expect("tables");
        assert_eq!(tables, 1);
    }

    #[test]
    fn removed_entries_are_gone_and_empty_blocks_deleted() {
        let connection = table();
        let mut changes = Changes::default();
        changes.add(1, 0, 3, 2);
        changes.add(1, 0, 4, 2);
        changes.add(1, 1, 2000, 1);
        changes.write(&connection).expect("write");
        changes.remove(1, 0, 3);
        changes.remove(1, 1, 2000);
        changes.add(1, 1, 2000, 1);
        changes.remove(1, 0, 99);
        changes.write(&connection).expect("write");
        assert_eq!(naming(&connection, "kuwait", (0, 0)), [4]);
        assert_eq!(
            naming(&connection, "kuwait", (1, 1)),
            [2000],
            "removed, then added again"
        );
        changes.remove(1, 0, 4);
        changes.write(&connection).expect("write");
        let mut kinds = Vec::new();
        every_block(&connection, |_, kind, _, _| kinds.push(kind)).expect("read");
        assert_eq!(kinds, [1], "the block of kind 0 is gone");
    }

    #[test]
    fn a_damaged_key_past_the_last_block_is_not_looked_through() {
        let connection = table();
        let mut changes = Changes::default();
        changes.add(1, 0, 12, 1);
        changes.write(&connection).expect("write");
        connection
            .execute("INSERT INTO postings VALUES (?1, x'000001')", params![i64::MAX])
            .expect("damage");
        assert_eq!(naming(&connection, "kuwait", (0, 0)), [12]);
    }

    #[test]
    fn keys_keep_block_name_and_kind_in_that_order() {
        let largest = (
            i64::from(u32::MAX) >> BLOCK_BITS,
            i64::from(u32::MAX),
            SPEAKER_SPELLING,
        );
        for (block, name, kind) in [(0, 0, 0), (3, 17, SPELLING), largest] {
            assert_eq!(unpack(row_key(block, name, kind)), (block, name, kind));
        }
        assert!(row_key(0, 2, 0) < row_key(0, 2, 1));
        assert!(row_key(0, 2, LAST_ENTITY_KIND) < row_key(0, 3, 0));
        assert!(row_key(0, i64::from(u32::MAX), SPEAKER_SPELLING) < row_key(1, 0, 0));
    }

    #[test]
    fn counts_are_kept_between_one_and_255() {
        let entries_of = |count| {
            let mut stored = Vec::new();
            apply(&mut stored, &[(7, stored_count(count))]);
            entries(2, &encode(&stored)).collect::<Vec<_>>()
        };
        assert_eq!(entries_of(4), [(2 * BLOCK_ROWS + 7, 4)]);
        assert_eq!(entries_of(0), [(2 * BLOCK_ROWS + 7, 1)]);
        assert_eq!(entries_of(1000), [(2 * BLOCK_ROWS + 7, 255)]);
    }
}
