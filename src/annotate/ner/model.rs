//! The trained recogniser: weights packed into a compact binary (`assets/models/ner.bin`,
//! embedded), loaded once, and the greedy BILOU decoder shared with training.
//!
//! File format (little-endian): the magic `NDNER\x01\0\0`; `u32` label count; `u32` table bits
//! `b`; `u32` entry bytes `n`; `2^b` `u64` slots, each `fingerprint << 32 | offset` (0 when
//! empty); `n` bytes of entries, each a `u8` count then that many `(u8 label, i16 weight)`.
//! A feature hash `h` lives in slot `(h >> 32) & (2^b − 1)` or the next ones (linear probing)
//! with fingerprint `h as u32 | 1`.

use super::features::{Allowed, DocumentFeatures, History, label_features};
use super::labels::{LABELS, Label};

/// Something that adds a feature's weights to the label scores.
pub trait Scorer {
    /// Adds the weights of `feature` to `scores`.
    fn add(&self, feature: u64, scores: &mut [i64; LABELS]);
}

/// Why a model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    /// The bytes do not start with the model's magic number.
    #[error("not a newsdesk entity model")]
    BadMagic,
    /// The file stops early or its sizes disagree.
    #[error("the model file is truncated or corrupt")]
    Corrupt,
}

const MAGIC: &[u8; 8] = b"NDNER\x01\0\0";

/// A packed, read-only model.
#[derive(Debug)]
pub struct Model {
    slots: Vec<u64>,
    mask: u64,
    entries: Vec<u8>,
}

impl Model {
    /// Reads a packed model.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let header = bytes.get(..20).ok_or(ModelError::Corrupt)?;
        if &header[..8] != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let read_u32 = |at: usize| -> u32 {
            let mut word = [0u8; 4];
            word.copy_from_slice(&header[at..at + 4]);
            u32::from_le_bytes(word)
        };
        if read_u32(8) as usize != LABELS {
            return Err(ModelError::Corrupt);
        }
        let bits = read_u32(12);
        let entry_bytes = read_u32(16) as usize;
        if bits > 28 {
            return Err(ModelError::Corrupt);
        }
        let slot_count = 1usize << bits;
        let table = bytes.get(20..20 + slot_count * 8).ok_or(ModelError::Corrupt)?;
        let entries = bytes
            .get(20 + slot_count * 8..20 + slot_count * 8 + entry_bytes)
            .ok_or(ModelError::Corrupt)?;
        let slots: Vec<u64> = table
            .chunks_exact(8)
            .map(|chunk| {
                let mut word = [0u8; 8];
                word.copy_from_slice(chunk);
                u64::from_le_bytes(word)
            })
            .collect();
        // Every offset must point at a whole entry.
        for &slot in &slots {
            if slot != 0 {
                let offset = (slot & 0xFFFF_FFFF) as usize;
                let count = *entries.get(offset).ok_or(ModelError::Corrupt)? as usize;
                if offset + 1 + 3 * count > entries.len() {
                    return Err(ModelError::Corrupt);
                }
            }
        }
        Ok(Model {
            slots,
            mask: (slot_count as u64) - 1,
            entries: entries.to_vec(),
        })
    }

    /// Packs weights (feature hash → per-label weights, already scaled to `i16`) into the file
    /// format. Features are written in hash order so that the same weights give the same bytes.
    pub fn pack(weights: &[(u64, Vec<(u8, i16)>)]) -> Vec<u8> {
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
        out.extend_from_slice(&(LABELS as u32).to_le_bytes());
        out.extend_from_slice(&(bits as u32).to_le_bytes());
        out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        for slot in slots {
            out.extend_from_slice(&slot.to_le_bytes());
        }
        out.extend_from_slice(&entries);
        out
    }

    /// How many features the model holds.
    pub fn feature_count(&self) -> usize {
        self.slots.iter().filter(|&&slot| slot != 0).count()
    }
}

impl Scorer for Model {
    fn add(&self, feature: u64, scores: &mut [i64; LABELS]) {
        let fingerprint = u64::from(feature as u32 | 1);
        let mut slot = (feature >> 32) & self.mask;
        loop {
            let entry = self.slots[slot as usize];
            if entry == 0 {
                return;
            }
            if entry >> 32 == fingerprint {
                let offset = (entry & 0xFFFF_FFFF) as usize;
                let count = self.entries[offset] as usize;
                let row = &self.entries[offset + 1..offset + 1 + 3 * count];
                for weight in row.chunks_exact(3) {
                    let label = weight[0] as usize % LABELS;
                    scores[label] += i64::from(i16::from_le_bytes([weight[1], weight[2]]));
                }
                return;
            }
            slot = (slot + 1) & self.mask;
        }
    }
}

/// Scores every label of one token from its features.
pub fn score<S: Scorer>(scorer: &S, features: &[u64], dynamic: &[u64]) -> [i64; LABELS] {
    let mut scores = [0i64; LABELS];
    for &feature in features.iter().chain(dynamic) {
        scorer.add(feature, &mut scores);
    }
    scores
}

/// The best label allowed after `previous`, by the token's form, and, at the end of a sentence,
/// one that closes any entity. When nothing is allowed, `O`.
pub fn best_label(scores: &[i64; LABELS], previous: Label, last: bool, allowed: Allowed) -> Label {
    let mut best = Label::OUTSIDE;
    let mut best_score = i64::MIN;
    for (index, &score) in scores.iter().enumerate() {
        let label = Label(index as u8);
        if !previous.allows(label) || (last && !label.may_end()) || !allowed.permits(label) {
            continue;
        }
        if score > best_score {
            best = label;
            best_score = score;
        }
    }
    best
}

/// Decodes a document greedily, left to right, sentence by sentence, with the prediction
/// history carried across sentences.
pub fn decode<S: Scorer>(scorer: &S, document: &DocumentFeatures) -> Vec<Vec<Label>> {
    let mut history = History::default();
    let mut dynamic = Vec::with_capacity(8);
    let mut result = Vec::with_capacity(document.sentences.len());
    for (s, sentence) in document.sentences.iter().enumerate() {
        let mut labels: Vec<Label> = Vec::with_capacity(sentence.len());
        for (i, features) in sentence.iter().enumerate() {
            if document.allowed(s, i) == Allowed::Outside {
                history.record(document.lower(s, i), Label::OUTSIDE);
                labels.push(Label::OUTSIDE);
                continue;
            }
            dynamic.clear();
            label_features(document, s, i, &labels, &history, &mut dynamic);
            let scores = score(scorer, features, &dynamic);
            let previous = labels.last().copied().unwrap_or(Label::OUTSIDE);
            let label = best_label(&scores, previous, i + 1 == sentence.len(), document.allowed(s, i));
            history.record(document.lower(s, i), label);
            labels.push(label);
        }
        result.push(labels);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let bytes = Model::pack(&weights);
        let model = Model::from_bytes(&bytes).expect("valid");
        assert_eq!(model.feature_count(), 499);
        for (hash, row) in &weights {
            let mut scores = [0i64; LABELS];
            model.add(*hash, &mut scores);
            let mut expected = [0i64; LABELS];
            for &(label, weight) in row {
                expected[label as usize] += i64::from(weight);
            }
            assert_eq!(scores, expected);
        }
        let mut scores = [0i64; LABELS];
        model.add(12345, &mut scores);
        assert_eq!(scores, [0; LABELS], "an unknown feature adds nothing");
        assert_eq!(Model::pack(&weights), bytes, "packing is deterministic");
    }

    #[test]
    fn bad_files_are_refused() {
        assert_eq!(Model::from_bytes(b"short").err(), Some(ModelError::Corrupt));
        assert_eq!(Model::from_bytes(&[0u8; 64]).err(), Some(ModelError::BadMagic));
        let mut bytes = Model::pack(&[(7u64 << 32 | 9, vec![(1, 5)])]);
        bytes.truncate(bytes.len() - 1);
        assert_eq!(Model::from_bytes(&bytes).err(), Some(ModelError::Corrupt));
    }

    #[test]
    fn decoding_respects_bilou() {
        let scores = {
            let mut s = [0i64; LABELS];
            s[Label::new(
                super::super::labels::ModelType::Person,
                super::super::labels::Position::Inside,
            )
            .0 as usize] = 100;
            s
        };
        assert_eq!(
            best_label(&scores, Label::OUTSIDE, false, Allowed::Any),
            Label::OUTSIDE
        );
    }
}
