//! Training the recogniser: an averaged perceptron over the features of [`super::features`],
//! learned greedily left to right with its own earlier predictions as history (as the decoder
//! will see them), then averaged, scaled to 16 bits, pruned and packed.
//!
//! Training is deterministic: the same data and options give the same bytes.

use super::features::{Allowed, DocumentFeatures, History, SentenceInput, label_features};
use super::labels::{LABELS, Label, Position, labels_of_spans, spans_of_labels};
use super::model::{best_label, decode, label_names};
use crate::annotate::perceptron::{Model, Weights, score, shuffle};

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
    let mut weights = Weights::new(LABELS);
    let mut order: Vec<usize> = (0..documents.len()).collect();
    let mut random = options.seed | 1;
    let mut dynamic = Vec::with_capacity(8);
    let names = label_names();
    for epoch in 1..=options.epochs {
        shuffle(&mut order, &mut random);
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
                for (i, features) in (0..sentence.len()).map(|i| sentence.row(i)).enumerate() {
                    if document.features.allowed(s, i) == Allowed::Outside {
                        history.record(document.features.lower(s, i), Label::OUTSIDE);
                        predicted.push(Label::OUTSIDE);
                        continue;
                    }
                    weights.tick();
                    dynamic.clear();
                    label_features(&document.features, s, i, &predicted, &history, &mut dynamic);
                    let scores = score(&weights, features, &dynamic);
                    let previous = predicted.last().copied().unwrap_or(Label::OUTSIDE);
                    let allowed = document.features.allowed(s, i);
                    let label = best_label(&scores, previous, i + 1 == sentence.len(), allowed);
                    let gold = reachable(document.gold[s][i], previous);
                    report.tokens += 1;
                    if label != gold {
                        report.mistakes += 1;
                        weights.update(features, &dynamic, usize::from(gold.0), usize::from(label.0));
                    }
                    history.record(document.features.lower(s, i), label);
                    predicted.push(label);
                }
            }
        }
        let packed = Model::pack(&names, &weights.averaged(1));
        if let Ok(model) = Model::from_bytes(&packed) {
            after_epoch(report, &model);
        }
    }
    Model::pack(&names, &weights.averaged(1))
}

/// The gold label, or, when an earlier mistake put it out of reach, the best reachable step
/// toward it (a dynamic oracle): close the entity left open, or begin the one that was missed.
fn reachable(gold: Label, previous: Label) -> Label {
    if previous.allows(gold) {
        return gold;
    }
    match (previous.model_type(), gold.model_type(), gold.position()) {
        (Some(open), _, _) if previous.is_open() => Label::new(open, Position::Last),
        (_, Some(model_type), Some(Position::Inside)) => Label::new(model_type, Position::Begin),
        (_, Some(model_type), Some(Position::Last)) => Label::new(model_type, Position::Unit),
        _ => gold,
    }
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
