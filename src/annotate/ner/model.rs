//! Decoding with the recogniser's model: greedy, left to right, BILOU transitions enforced,
//! the prediction history carried through the document. The model itself is an
//! [`crate::annotate::perceptron::Model`] whose labels are the BILOU labels.

use super::features::{Allowed, DocumentFeatures, History, label_features};
use super::labels::{LABELS, Label};
use crate::annotate::perceptron::{Scorer, Scores, best, score};

/// The names of the recogniser's labels, in label order (`O`, `B-PER`, `I-PER`, ...).
pub fn label_names() -> Vec<String> {
    (0..LABELS as u8).map(|label| Label(label).name()).collect()
}

/// The best label allowed after `previous`, by the token's form, and, at the end of a sentence,
/// one that closes any entity. When nothing is allowed, `O`.
pub fn best_label(scores: &Scores, previous: Label, last: bool, allowed: Allowed) -> Label {
    best(scores, LABELS, |index| {
        let label = Label(index as u8);
        previous.allows(label) && (!last || label.may_end()) && allowed.permits(label)
    })
    .map_or(Label::OUTSIDE, |index| Label(index as u8))
}

/// Decodes a document greedily, left to right, sentence by sentence, with the prediction
/// history carried across sentences.
pub fn decode<S: Scorer>(scorer: &S, document: &DocumentFeatures) -> Vec<Vec<Label>> {
    let mut history = History::default();
    let mut dynamic = Vec::with_capacity(8);
    let mut result = Vec::with_capacity(document.sentences.len());
    for (s, sentence) in document.sentences.iter().enumerate() {
        let mut labels: Vec<Label> = Vec::with_capacity(sentence.len());
        for (i, features) in (0..sentence.len()).map(|i| sentence.row(i)).enumerate() {
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
    use super::super::labels::{ModelType, Position};
    use super::*;
    use crate::annotate::perceptron::MAX_LABELS;

    #[test]
    fn decoding_respects_bilou() {
        let mut scores = [0i32; MAX_LABELS];
        scores[Label::new(ModelType::Person, Position::Inside).0 as usize] = 100;
        assert_eq!(
            best_label(&scores, Label::OUTSIDE, false, Allowed::Any),
            Label::OUTSIDE
        );
        scores[Label::new(ModelType::Person, Position::Unit).0 as usize] = 50;
        assert_eq!(
            best_label(&scores, Label::OUTSIDE, false, Allowed::Any),
            Label::new(ModelType::Person, Position::Unit)
        );
    }

    #[test]
    fn label_names_are_bilou() {
        let names = label_names();
        assert_eq!(names.len(), LABELS);
        assert_eq!(names[0], "O");
        assert_eq!(names[1], "B-PER");
    }
}
