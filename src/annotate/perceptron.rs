//! Averaged perceptrons, the learning machinery shared by newsdesk's taggers (entities,
//! parts of speech, attribution roles): hashed features, weights learned by mistake-driven
//! updates and averaged over every step, then scaled to 16 bits, pruned and packed into a
//! compact file that loads in a few milliseconds.
//!
//! File format (little-endian): the magic `NDPCP\x01\0\0`; `u32` label count `L`; `u32` table
//! bits `b`; `u32` entry bytes `n`; `L` label names, each a `u8` length and UTF-8 bytes; `2^b`
//! `u64` slots, each `fingerprint << 32 | offset` (0 when empty); `n` bytes of entries, each a
//! `u8` count then that many `(u8 label, i16 weight)`. A feature hash `h` lives in slot
//! `(h >> 32) & (2^b − 1)` or the next ones (linear probing), with fingerprint `h as u32 | 1`.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The most labels a model can have.
pub const MAX_LABELS: usize = 64;

/// Label scores; only the first `labels` entries of a model are used.
pub type Scores = [i32; MAX_LABELS];

/// Something that adds a feature's weights to the label scores.
pub trait Scorer {
    /// Adds the weights of `feature` to `scores`.
    fn add(&self, feature: u64, scores: &mut Scores);
}

/// Why a model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    /// The bytes do not start with the model's magic number.
    #[error("not a newsdesk model")]
    BadMagic,
    /// The file stops early or its sizes disagree.
    #[error("the model file is truncated or corrupt")]
    Corrupt,
}

const MAGIC: &[u8; 8] = b"NDPCP\x01\0\0";

/// A packed, read-only model, laid out for lookups: the feature table's fingerprints in one
/// array and, slot for slot, each feature's weights in another, so that finding a feature and
/// reading its weights are two independent memory accesses rather than one after the other.
/// The slots, fingerprints and probing order are those of the file.
#[derive(Debug)]
pub struct Model {
    labels: Vec<String>,
    /// Per slot, the fingerprint of the feature it holds; 0 when the slot is empty.
    fingerprints: Vec<u32>,
    /// Per slot, the weights of its feature.
    weights: WeightTable,
    mask: usize,
}

/// The weights of each slot's feature, laid out by the model's label count.
#[derive(Debug)]
enum WeightTable {
    /// At most [`DENSE_SLOT_LABELS`] labels: per slot, the feature's weight for every label.
    DenseSlots(Vec<DenseSlot>),
    /// More labels: per slot, a few weights inline or the number of a dense row.
    SparseSlots {
        slots: Vec<SlotWeights>,
        /// The rows of the features with more weights than a slot holds: `dense_width`
        /// weights each, one per label.
        dense_rows: Vec<i16>,
        /// The length of a dense row: the label count rounded up to a multiple of 8.
        dense_width: usize,
    },
}

/// The most labels a model can have for its slots to hold a weight for every label.
const DENSE_SLOT_LABELS: usize = 8;

/// A feature's weight for every label of a model of at most [`DENSE_SLOT_LABELS`] labels.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(16))]
struct DenseSlot([i16; DENSE_SLOT_LABELS]);

/// A feature's weights as its slot holds them: up to [`SlotWeights::INLINE`] `(label, weight)`
/// pairs, unused places being a weight of 0 for label 0 (which adds nothing, so that they
/// are added without looking at the count), or the number of the feature's dense row.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(16))]
struct SlotWeights {
    labels: [u8; SlotWeights::INLINE],
    weights: [i16; SlotWeights::INLINE],
    /// One more than the feature's row in `dense_rows`; 0 when its weights are inline.
    dense_row: u32,
}

impl SlotWeights {
    /// How many weights a slot holds inline.
    const INLINE: usize = 4;

    /// Adds the inline weights to `scores`.
    fn add_inline(&self, scores: &mut Scores) {
        for (&label, &weight) in self.labels.iter().zip(&self.weights) {
            scores[usize::from(label) % MAX_LABELS] += i32::from(weight);
        }
    }
}

/// Adds a dense row (one weight per label) to `scores`, eight labels at a time.
fn add_dense(row: &[i16], scores: &mut Scores) {
    for (scores, weights) in scores.chunks_exact_mut(8).zip(row.chunks_exact(8)) {
        for (score, &weight) in scores.iter_mut().zip(weights) {
            *score += i32::from(weight);
        }
    }
}

/// Reads little-endian integers from a byte slice, failing on a short read.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, count: usize) -> Result<&'a [u8], ModelError> {
        let slice = self
            .bytes
            .get(self.at..self.at + count)
            .ok_or(ModelError::Corrupt)?;
        self.at += count;
        Ok(slice)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        let mut word = [0u8; 4];
        word.copy_from_slice(self.take(4)?);
        Ok(u32::from_le_bytes(word))
    }
}

impl Model {
    /// Reads a packed model.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut reader = Reader { bytes, at: 0 };
        if reader.take(8).map_err(|_| ModelError::Corrupt)? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let label_count = reader.u32()? as usize;
        let bits = reader.u32()?;
        let entry_bytes = reader.u32()? as usize;
        if label_count == 0 || label_count > MAX_LABELS || bits > 28 {
            return Err(ModelError::Corrupt);
        }
        let mut labels = Vec::with_capacity(label_count);
        for _ in 0..label_count {
            let length = reader.take(1)?[0] as usize;
            let name = std::str::from_utf8(reader.take(length)?).map_err(|_| ModelError::Corrupt)?;
            labels.push(name.to_string());
        }
        let slot_count = 1usize << bits;
        let slots: Vec<u64> = reader
            .take(slot_count * 8)?
            .chunks_exact(8)
            .map(|chunk| {
                let mut word = [0u8; 8];
                word.copy_from_slice(chunk);
                u64::from_le_bytes(word)
            })
            .collect();
        let entries = reader.take(entry_bytes)?;
        let mut fingerprints = vec![0u32; slot_count];
        let mut rows: Vec<&[u8]> = vec![&[]; slot_count];
        for ((&slot, fingerprint), weights) in slots.iter().zip(&mut fingerprints).zip(&mut rows) {
            if slot == 0 {
                continue;
            }
            // A fingerprint of 0 would read as an empty slot; `pack` never writes one.
            *fingerprint = (slot >> 32) as u32;
            if *fingerprint == 0 {
                return Err(ModelError::Corrupt);
            }
            // Every offset must point at a whole entry whose labels exist.
            let offset = (slot & 0xFFFF_FFFF) as usize;
            let count = *entries.get(offset).ok_or(ModelError::Corrupt)? as usize;
            let row = entries
                .get(offset + 1..offset + 1 + 3 * count)
                .ok_or(ModelError::Corrupt)?;
            if row
                .chunks_exact(3)
                .any(|weight| weight[0] as usize >= label_count)
            {
                return Err(ModelError::Corrupt);
            }
            *weights = row;
        }
        Ok(Model {
            weights: WeightTable::new(&rows, label_count)?,
            labels,
            fingerprints,
            mask: slot_count - 1,
        })
    }

    /// Packs weights (feature hash → per-label weights, scaled to `i16`) with the label names
    /// into the file format. Features are written in hash order: the same weights give the
    /// same bytes.
    pub fn pack(labels: &[String], weights: &[(u64, Vec<(u8, i16)>)]) -> Vec<u8> {
        let mut sorted: Vec<&(u64, Vec<(u8, i16)>)> = weights.iter().filter(|(_, w)| !w.is_empty()).collect();
        sorted.sort_by_key(|(hash, _)| *hash);
        let mut bits = 4;
        while (1usize << bits) < sorted.len() * 10 / 7 + 1 {
            bits += 1;
        }
        let mask = (1u64 << bits) - 1;
        let mut slots = vec![0u64; 1 << bits];
        let mut entries = Vec::new();
        for (hash, row) in sorted {
            let offset = entries.len() as u64;
            entries.push(row.len() as u8);
            for &(label, weight) in row {
                entries.push(label);
                entries.extend_from_slice(&weight.to_le_bytes());
            }
            let fingerprint = u64::from(*hash as u32 | 1);
            let mut slot = (hash >> 32) & mask;
            while slots[slot as usize] != 0 {
                slot = (slot + 1) & mask;
            }
            slots[slot as usize] = fingerprint << 32 | offset;
        }
        let mut out = Vec::with_capacity(20 + slots.len() * 8 + entries.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(labels.len() as u32).to_le_bytes());
        out.extend_from_slice(&(bits as u32).to_le_bytes());
        out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        for label in labels {
            let name = &label.as_bytes()[..label.len().min(255)];
            out.push(name.len() as u8);
            out.extend_from_slice(name);
        }
        for slot in slots {
            out.extend_from_slice(&slot.to_le_bytes());
        }
        out.extend_from_slice(&entries);
        out
    }

    /// How many features the model holds.
    pub fn feature_count(&self) -> usize {
        self.fingerprints
            .iter()
            .filter(|&&fingerprint| fingerprint != 0)
            .count()
    }

    /// The label names, in label order.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }
}

/// The `(label, weight)` pairs of a row of `(label, little-endian i16 weight)` triples.
fn triples(row: &[u8]) -> impl Iterator<Item = (usize, i16)> {
    row.chunks_exact(3)
        .map(|triple| (usize::from(triple[0]), i16::from_le_bytes([triple[1], triple[2]])))
}

/// Writes a row's weight for each label into `dense`. A label named twice has the sum of its
/// weights, which must still fit.
fn write_dense_row(row: &[u8], dense: &mut [i16]) -> Result<(), ModelError> {
    let mut sums = [0i32; MAX_LABELS];
    for (label, weight) in triples(row) {
        sums[label % MAX_LABELS] += i32::from(weight);
    }
    for (weight, &sum) in dense.iter_mut().zip(&sums) {
        *weight = i16::try_from(sum).map_err(|_| ModelError::Corrupt)?;
    }
    Ok(())
}

impl WeightTable {
    /// The table of the rows of `(label, little-endian i16 weight)` triples of each slot
    /// (empty for an empty slot), whose labels are below `label_count`.
    fn new(rows: &[&[u8]], label_count: usize) -> Result<WeightTable, ModelError> {
        if label_count <= DENSE_SLOT_LABELS {
            let mut slots = vec![DenseSlot::default(); rows.len()];
            for (slot, row) in slots.iter_mut().zip(rows) {
                write_dense_row(row, &mut slot.0)?;
            }
            return Ok(WeightTable::DenseSlots(slots));
        }
        let dense_width = label_count.div_ceil(8) * 8;
        let mut dense_rows = Vec::new();
        let mut slots = vec![SlotWeights::default(); rows.len()];
        for (slot, row) in slots.iter_mut().zip(rows) {
            if row.len() <= 3 * SlotWeights::INLINE {
                for (place, (label, weight)) in triples(row).enumerate() {
                    slot.labels[place] = label as u8;
                    slot.weights[place] = weight;
                }
            } else {
                let start = dense_rows.len();
                dense_rows.resize(start + dense_width, 0);
                write_dense_row(row, &mut dense_rows[start..])?;
                slot.dense_row =
                    u32::try_from(dense_rows.len() / dense_width).map_err(|_| ModelError::Corrupt)?;
            }
        }
        Ok(WeightTable::SparseSlots {
            slots,
            dense_rows,
            dense_width,
        })
    }

    /// Adds the weights of the feature in `slot` to `scores`.
    fn add(&self, slot: usize, scores: &mut Scores) {
        match self {
            WeightTable::DenseSlots(slots) => add_dense(&slots[slot].0, scores),
            WeightTable::SparseSlots {
                slots,
                dense_rows,
                dense_width,
            } => {
                let weights = &slots[slot];
                match (weights.dense_row as usize).checked_sub(1) {
                    None => weights.add_inline(scores),
                    Some(row) => add_dense(&dense_rows[row * dense_width..(row + 1) * dense_width], scores),
                }
            }
        }
    }
}

impl Model {
    /// The slot that holds `feature`, if the model has it: linear probing from the slot the
    /// hash's high half names, up to the first empty slot.
    fn slot_of(&self, feature: u64) -> Option<usize> {
        let fingerprint = feature as u32 | 1;
        let mut slot = (feature >> 32) as usize & self.mask;
        loop {
            let held = self.fingerprints[slot];
            if held == fingerprint {
                return Some(slot);
            }
            if held == 0 {
                return None;
            }
            slot = (slot + 1) & self.mask;
        }
    }
}

impl Scorer for Model {
    fn add(&self, feature: u64, scores: &mut Scores) {
        if let Some(slot) = self.slot_of(feature) {
            self.weights.add(slot, scores);
        }
    }
}

/// The features of a sequence of tokens, one row per token, in one allocation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeatureRows {
    values: Vec<u64>,
    ends: Vec<usize>,
}

impl FeatureRows {
    /// Empty rows, with room for `tokens` tokens of about `per_token` features.
    pub fn with_capacity(tokens: usize, per_token: usize) -> Self {
        FeatureRows {
            values: Vec::with_capacity(tokens * per_token),
            ends: Vec::with_capacity(tokens),
        }
    }

    /// Adds a feature to the row being built.
    pub fn push(&mut self, feature: u64) {
        self.values.push(feature);
    }

    /// Adds a whole row.
    pub fn push_row(&mut self, features: &[u64]) {
        self.values.extend_from_slice(features);
        self.end_row();
    }

    /// Ends the row being built.
    pub fn end_row(&mut self) {
        self.ends.push(self.values.len());
    }

    /// How many rows there are.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when there are no rows.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The features of token `index`.
    pub fn row(&self, index: usize) -> &[u64] {
        let start = index.checked_sub(1).map_or(0, |before| self.ends[before]);
        &self.values[start..self.ends[index]]
    }
}

/// Scores every label of one token from its features.
pub fn score<S: Scorer>(scorer: &S, features: &[u64], dynamic: &[u64]) -> Scores {
    let mut scores = [0i32; MAX_LABELS];
    for &feature in features.iter().chain(dynamic) {
        scorer.add(feature, &mut scores);
    }
    scores
}

/// A hasher for keys that are hashes already.
#[derive(Default)]
pub struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(byte);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

/// A map keyed by feature hashes.
pub type HashMapOfHashes<V> = HashMap<u64, V, BuildHasherDefault<PassThrough>>;

struct Row {
    weights: Box<[i32]>,
    /// The sum of `step × update` for averaging.
    timed: Box<[i64]>,
}

/// Weights while training: integer weights and the running sums that average them.
pub struct Weights {
    labels: usize,
    rows: HashMapOfHashes<Row>,
    step: i64,
}

impl Scorer for Weights {
    fn add(&self, feature: u64, scores: &mut Scores) {
        if let Some(row) = self.rows.get(&feature) {
            for (score, &weight) in scores.iter_mut().zip(row.weights.iter()) {
                *score = score.saturating_add(weight);
            }
        }
    }
}

impl Weights {
    /// Empty weights for `labels` labels.
    pub fn new(labels: usize) -> Self {
        Weights {
            labels: labels.min(MAX_LABELS),
            rows: HashMapOfHashes::default(),
            step: 0,
        }
    }

    /// Counts one training step (one token seen).
    pub fn tick(&mut self) {
        self.step += 1;
    }

    /// The perceptron update after a mistake: the gold label's weights up, the predicted
    /// label's down, for every feature that fired.
    pub fn update(&mut self, features: &[u64], dynamic: &[u64], gold: usize, predicted: usize) {
        let (step, labels) = (self.step, self.labels);
        for &feature in features.iter().chain(dynamic) {
            let row = self.rows.entry(feature).or_insert_with(|| Row {
                weights: vec![0; labels].into_boxed_slice(),
                timed: vec![0; labels].into_boxed_slice(),
            });
            row.weights[gold] += 1;
            row.timed[gold] += step;
            row.weights[predicted] -= 1;
            row.timed[predicted] -= step;
        }
    }

    /// Moves the weights of one label by `delta` for every feature given (structured
    /// learning updates the gold path up and the predicted path down).
    pub fn adjust(&mut self, features: &[u64], label: usize, delta: i32) {
        let (step, labels) = (self.step, self.labels);
        for &feature in features {
            let row = self.rows.entry(feature).or_insert_with(|| Row {
                weights: vec![0; labels].into_boxed_slice(),
                timed: vec![0; labels].into_boxed_slice(),
            });
            row.weights[label] += delta;
            row.timed[label] += step * i64::from(delta);
        }
    }

    /// The averaged weights, scaled to 16 bits; weights smaller than `smallest` in magnitude
    /// (and zero ones) and features left empty dropped; in feature order.
    pub fn averaged(&self, smallest: i16) -> Vec<(u64, Vec<(u8, i16)>)> {
        let step = self.step.max(1) as f64;
        let averaged: Vec<(u64, Vec<f64>)> = self
            .rows
            .iter()
            .map(|(&feature, row)| {
                let out = row
                    .weights
                    .iter()
                    .zip(row.timed.iter())
                    .map(|(&weight, &timed)| f64::from(weight) - timed as f64 / step)
                    .collect();
                (feature, out)
            })
            .collect();
        let largest = averaged
            .iter()
            .flat_map(|(_, w)| w.iter().map(|x| x.abs()))
            .fold(1e-9f64, f64::max);
        let scale = 32_000.0 / largest;
        let mut packed: Vec<(u64, Vec<(u8, i16)>)> = averaged
            .into_iter()
            .map(|(feature, weights)| {
                let row: Vec<(u8, i16)> = weights
                    .iter()
                    .enumerate()
                    .map(|(label, &w)| (label as u8, (w * scale).round() as i16))
                    .filter(|&(_, w)| w != 0 && w.unsigned_abs() >= smallest.unsigned_abs())
                    .collect();
                (feature, row)
            })
            .filter(|(_, row)| !row.is_empty())
            .collect();
        packed.sort_by_key(|(feature, _)| *feature);
        packed
    }
}

/// Shuffles `order` in place, the same way for the same seed (Fisher–Yates with xorshift).
pub fn shuffle(order: &mut [usize], seed: &mut u64) {
    for i in (1..order.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        order.swap(i, (*seed % (i as u64 + 1)) as usize);
    }
}

/// The label with the best score among those `allowed` admits (`None` when none does).
pub fn best(scores: &Scores, labels: usize, mut allowed: impl FnMut(usize) -> bool) -> Option<usize> {
    let mut best = None;
    let mut best_score = i32::MIN;
    for (label, &score) in scores[..labels].iter().enumerate() {
        if allowed(label) && score > best_score {
            best = Some(label);
            best_score = score;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(count: usize) -> Vec<String> {
        (0..count).map(|i| format!("L{i}")).collect()
    }

    #[test]
    fn packed_weights_read_back() {
        let weights: Vec<(u64, Vec<(u8, i16)>)> = (1..500u64)
            .map(|i| {
                (
                    i.wrapping_mul(0x9E37_79B9_7F4A_7C15),
                    vec![((i % 17) as u8, i as i16), (0, -1)],
                )
            })
            .collect();
        let bytes = Model::pack(&names(17), &weights);
        let model = Model::from_bytes(&bytes).expect("valid");
        assert_eq!(model.feature_count(), 499);
        assert_eq!(model.labels()[16], "L16");
        for (hash, row) in &weights {
            let mut scores = [0i32; MAX_LABELS];
            model.add(*hash, &mut scores);
            let mut expected = [0i32; MAX_LABELS];
            for &(label, weight) in row {
                expected[label as usize] += i32::from(weight);
            }
            assert_eq!(scores, expected);
        }
        let mut scores = [0i32; MAX_LABELS];
        model.add(12345, &mut scores);
        assert_eq!(scores, [0; MAX_LABELS], "an unknown feature adds nothing");
        assert_eq!(
            Model::pack(&names(17), &weights),
            bytes,
            "packing is deterministic"
        );
    }

    #[test]
    fn rows_of_every_length_read_back() {
        // Rows from one weight to one per label: in slots of one weight per label, a few
        // weights inline in their slots, or dense rows.
        for labels in [7, 17, 45] {
            let weights: Vec<(u64, Vec<(u8, i16)>)> = (1..=labels as u64)
                .map(|length| {
                    let row = (0..length)
                        .map(|k| (((k * 11 + length) % labels as u64) as u8, (k as i16 + 1) * -37))
                        .collect();
                    (length.wrapping_mul(0x9E37_79B9_7F4A_7C15), row)
                })
                .collect();
            let model = Model::from_bytes(&Model::pack(&names(labels), &weights)).expect("valid");
            for (hash, row) in &weights {
                let mut scores = [1i32; MAX_LABELS];
                model.add(*hash, &mut scores);
                let mut expected = [1i32; MAX_LABELS];
                for &(label, weight) in row {
                    expected[label as usize] += i32::from(weight);
                }
                assert_eq!(
                    scores,
                    expected,
                    "{labels} labels, a row of {} weights",
                    row.len()
                );
            }
        }
    }

    #[test]
    fn a_label_named_twice_adds_both_weights() {
        for labels in [7, 17] {
            let row = vec![(3, 20_000), (1, 5), (3, 12_000), (0, -1), (2, 2), (4, 4)];
            let model = Model::from_bytes(&Model::pack(&names(labels), &[(99, row)])).expect("valid");
            let mut scores = [0i32; MAX_LABELS];
            model.add(99, &mut scores);
            assert_eq!(scores[..5], [-1, 5, 2, 32_000, 4], "{labels} labels");
        }
        let too_much = vec![(3, 20_000), (1, 5), (3, 20_000), (0, -1), (2, 2)];
        let bytes = Model::pack(&names(17), &[(99, too_much)]);
        assert_eq!(Model::from_bytes(&bytes).err(), Some(ModelError::Corrupt));
    }

    #[test]
    fn bad_files_are_refused() {
        assert_eq!(Model::from_bytes(b"short").err(), Some(ModelError::Corrupt));
        assert_eq!(Model::from_bytes(&[0u8; 64]).err(), Some(ModelError::BadMagic));
        let mut bytes = Model::pack(&names(3), &[(7u64 << 32 | 9, vec![(1, 5)])]);
        bytes.truncate(bytes.len() - 1);
        assert_eq!(Model::from_bytes(&bytes).err(), Some(ModelError::Corrupt));
        let bad_label = Model::pack(&names(2), &[(7u64 << 32 | 9, vec![(5, 5)])]);
        assert_eq!(Model::from_bytes(&bad_label).err(), Some(ModelError::Corrupt));
    }

    #[test]
    fn weights_learn_and_average() {
        let mut weights = Weights::new(2);
        for _ in 0..10 {
            weights.tick();
            weights.update(&[42], &[], 1, 0);
        }
        let averaged = weights.averaged(1);
        assert_eq!(averaged.len(), 1);
        let row = &averaged[0].1;
        assert!(row.iter().any(|&(label, w)| label == 1 && w > 0));
        assert!(row.iter().any(|&(label, w)| label == 0 && w < 0));
    }

    #[test]
    fn best_respects_what_is_allowed() {
        let mut scores = [0i32; MAX_LABELS];
        scores[2] = 9;
        scores[1] = 5;
        assert_eq!(best(&scores, 3, |_| true), Some(2));
        assert_eq!(best(&scores, 3, |label| label != 2), Some(1));
        assert_eq!(best(&scores, 3, |_| false), None);
    }
}
