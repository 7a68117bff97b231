//! Training the recogniser: an averaged perceptron over the features of [`super::features`],
//! learned greedily left to right with its own earlier predictions as history (as the decoder
//! will see them), then averaged, scaled to 16 bits, pruned and packed.
//!
//! Training is deterministic: the same data and options give the same bytes.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::features::{Allowed, DocumentFeatures, History, SentenceInput, label_features};
use super::labels::{LABELS, Label, labels_of_spans, spans_of_labels};
use super::model::{Model, Scorer, best_label, decode, score};

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

/// One training document: its sentences' features and gold labels.
pub struct TrainingDocument {
    features: DocumentFeatures,
    gold: Vec<Vec<Label>>,
}

impl TrainingDocument {
    /// A document from its sentences (tokens with lexicon codes) and gold entity spans.
    pub fn new(
        sentences: &[SentenceInput<'_>],
        spans: &[Vec<(usize, usize, super::labels::ModelType)>],
    ) -> Self {
        let gold = sentences
            .iter()
            .zip(spans)
            .map(|(sentence, spans)| labels_of_spans(sentence.len(), spans))
            .collect();
        TrainingDocument {
            features: DocumentFeatures::new(sentences),
            gold,
        }
    }
}

/// Settings of a training run.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// Seed of the document order shuffle.
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 12,
            seed: 2003,
        }
    }
}

#[derive(Clone)]
struct Row {
    weights: [i32; LABELS],
    /// The sum of `step × update` for averaging.
    timed: [i64; LABELS],
}

/// The weights while training.
#[derive(Default)]
struct Weights {
    rows: HashMapOfHashes<Row>,
    step: i64,
}

impl Scorer for Weights {
    fn add(&self, feature: u64, scores: &mut [i64; LABELS]) {
        if let Some(row) = self.rows.get(&feature) {
            for (score, &weight) in scores.iter_mut().zip(&row.weights) {
                *score += i64::from(weight);
            }
        }
    }
}

impl Weights {
    fn update(&mut self, features: &[u64], dynamic: &[u64], gold: Label, predicted: Label) {
        let step = self.step;
        for &feature in features.iter().chain(dynamic) {
            let row = self.rows.entry(feature).or_insert_with(|| Row {
                weights: [0; LABELS],
                timed: [0; LABELS],
            });
            row.weights[gold.0 as usize] += 1;
            row.timed[gold.0 as usize] += step;
            row.weights[predicted.0 as usize] -= 1;
            row.timed[predicted.0 as usize] -= step;
        }
    }

    /// The averaged weights, scaled to 16 bits; zero weights and empty features dropped.
    fn averaged(&self) -> Vec<(u64, Vec<(u8, i16)>)> {
        let step = self.step.max(1) as f64;
        let averaged: Vec<(u64, [f64; LABELS])> = self
            .rows
            .iter()
            .map(|(&feature, row)| {
                let mut out = [0f64; LABELS];
                for ((average, &weight), &timed) in out.iter_mut().zip(&row.weights).zip(&row.timed) {
                    *average = f64::from(weight) - timed as f64 / step;
                }
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
                    .filter(|&(_, w)| w != 0)
                    .collect();
                (feature, row)
            })
            .filter(|(_, row)| !row.is_empty())
            .collect();
        packed.sort_by_key(|(feature, _)| *feature);
        packed
    }
}

/// Progress of a training run, reported after every epoch.
#[derive(Debug, Clone, Copy)]
pub struct EpochReport {
    /// The epoch, from 1.
    pub epoch: usize,
    /// Tokens whose predicted label was wrong during the epoch.
    pub mistakes: usize,
    /// Tokens seen.
    pub tokens: usize,
}

/// Trains on the documents; `after_epoch` sees each epoch's report and the packed model so far
/// (averaged), to measure it on held-out data. Returns the packed model.
pub fn train(
    documents: &[TrainingDocument],
    options: TrainOptions,
    mut after_epoch: impl FnMut(EpochReport, &Model),
) -> Vec<u8> {
    let mut weights = Weights::default();
    let mut order: Vec<usize> = (0..documents.len()).collect();
    let mut random = options.seed | 1;
    let mut dynamic = Vec::with_capacity(8);
    for epoch in 1..=options.epochs {
        // Fisher–Yates with xorshift: the same seed gives the same order.
        for i in (1..order.len()).rev() {
            random ^= random << 13;
            random ^= random >> 7;
            random ^= random << 17;
            order.swap(i, (random % (i as u64 + 1)) as usize);
        }
        let mut report = EpochReport {
            epoch,
            mistakes: 0,
            tokens: 0,
        };
        for &index in &order {
            let document = &documents[index];
            let mut history = History::default();
            for (s, sentence) in document.features.sentences.iter().enumerate() {
                let mut predicted: Vec<Label> = Vec::with_capacity(sentence.len());
                for (i, features) in sentence.iter().enumerate() {
                    if document.features.allowed(s, i) == Allowed::Outside {
                        history.record(document.features.lower(s, i), Label::OUTSIDE);
                        predicted.push(Label::OUTSIDE);
                        continue;
                    }
                    weights.step += 1;
                    dynamic.clear();
                    label_features(&document.features, s, i, &predicted, &history, &mut dynamic);
                    let scores = score(&weights, features, &dynamic);
                    let previous = predicted.last().copied().unwrap_or(Label::OUTSIDE);
                    let allowed = document.features.allowed(s, i);
                    let label = best_label(&scores, previous, i + 1 == sentence.len(), allowed);
                    let gold = document.gold[s][i];
                    report.tokens += 1;
                    if label != gold {
                        report.mistakes += 1;
                        weights.update(features, &dynamic, gold, label);
                    }
                    history.record(document.features.lower(s, i), label);
                    predicted.push(label);
                }
            }
        }
        let packed = Model::pack(&weights.averaged());
        if let Ok(model) = Model::from_bytes(&packed) {
            after_epoch(report, &model);
        }
    }
    Model::pack(&weights.averaged())
}

/// Precision, recall and F1 of exact entity spans, overall and per type.
#[derive(Debug, Clone, Copy, Default)]
pub struct Score {
    /// Correct spans.
    pub true_positives: usize,
    /// Predicted spans that are wrong.
    pub false_positives: usize,
    /// Gold spans that were missed.
    pub false_negatives: usize,
}

impl Score {
    /// F1 in percent.
    pub fn f1(&self) -> f64 {
        let tp = self.true_positives as f64;
        let precision = tp / (tp + self.false_positives as f64).max(1.0);
        let recall = tp / (tp + self.false_negatives as f64).max(1.0);
        if precision + recall == 0.0 {
            0.0
        } else {
            200.0 * precision * recall / (precision + recall)
        }
    }
}

/// Scores a model on documents, per type (`PER`, `ORG`, `LOC`, `MISC`) and overall (last).
pub fn evaluate(model: &Model, documents: &[TrainingDocument]) -> [Score; 5] {
    let mut scores = [Score::default(); 5];
    for document in documents {
        let predicted = decode(model, &document.features);
        for (labels, gold) in predicted.iter().zip(&document.gold) {
            let found = spans_of_labels(labels);
            let wanted = spans_of_labels(gold);
            for span in &found {
                let slot = span.2 as usize;
                if wanted.contains(span) {
                    scores[slot].true_positives += 1;
                    scores[4].true_positives += 1;
                } else {
                    scores[slot].false_positives += 1;
                    scores[4].false_positives += 1;
                }
            }
            for span in wanted.iter().filter(|span| !found.contains(span)) {
                scores[span.2 as usize].false_negatives += 1;
                scores[4].false_negatives += 1;
            }
        }
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::super::features::TokenInput;
    use super::super::labels::ModelType;
    use super::*;

    fn sentence(words: &[&'static str]) -> SentenceInput<'static> {
        words
            .iter()
            .map(|&text| TokenInput {
                text,
                lexicon: Vec::new(),
            })
            .collect()
    }

    #[test]
    fn learns_a_tiny_language_deterministically() {
        let sentences = [
            sentence(&["Blinken", "met", "Golan", "in", "Washington", "."]),
            sentence(&["Golan", "visited", "Paris", "on", "Tuesday", "."]),
            sentence(&["Miller", "said", "Blinken", "left", "Paris", "."]),
        ];
        let spans = vec![
            vec![
                (0, 1, ModelType::Person),
                (2, 3, ModelType::Person),
                (4, 5, ModelType::Location),
            ],
            vec![(0, 1, ModelType::Person), (2, 3, ModelType::Location)],
            vec![
                (0, 1, ModelType::Person),
                (2, 3, ModelType::Person),
                (4, 5, ModelType::Location),
            ],
        ];
        let documents = vec![TrainingDocument::new(&sentences, &spans)];
        let options = TrainOptions { epochs: 8, seed: 1 };
        let first = train(&documents, options, |_, _| {});
        let second = train(&documents, options, |_, _| {});
        assert_eq!(first, second, "training is deterministic");
        let model = Model::from_bytes(&first).expect("packed model");
        let scores = evaluate(&model, &documents);
        assert!(scores[4].f1() > 99.0, "{:?}", scores[4]);
    }
}
