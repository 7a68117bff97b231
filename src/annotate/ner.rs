//! The entity recogniser: a greedy BILOU tagger with an averaged-perceptron model trained on
//! CoNLL-2003, features from word forms, context, the lexicon and the document.

pub mod conll;
pub mod features;
pub mod labels;
pub mod model;
pub mod train;

use conll::ConllDocument;
use features::{SentenceInput, TokenInput};
use train::TrainingDocument;

/// The recogniser's view of one sentence: its tokens with their lexicon memberships.
pub fn sentence_input<'a>(tokens: &[&'a str]) -> SentenceInput<'a> {
    let codes = super::lexicon::lexicon().codes(tokens);
    tokens
        .iter()
        .zip(codes)
        .map(|(&text, lexicon)| TokenInput { text, lexicon })
        .collect()
}

/// A CoNLL document prepared for training or evaluation.
pub fn training_document(document: &ConllDocument) -> TrainingDocument {
    let token_lists: Vec<Vec<&str>> = document
        .sentences
        .iter()
        .map(|s| s.tokens.iter().map(String::as_str).collect())
        .collect();
    let sentences: Vec<SentenceInput<'_>> = token_lists.iter().map(|tokens| sentence_input(tokens)).collect();
    let spans: Vec<_> = document.sentences.iter().map(|s| s.spans.clone()).collect();
    TrainingDocument::new(&sentences, &spans)
}
