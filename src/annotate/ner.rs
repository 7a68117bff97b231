//! The entity recogniser: a greedy BILOU tagger with an averaged-perceptron model trained on
//! CoNLL-2003, features from word forms, context, the lexicon and the document.

pub mod conll;
pub mod features;
pub mod labels;
pub mod model;
pub mod train;

use conll::ConllDocument;
use features::{SentenceInput, TokenInput};
use labels::ModelType;
use train::TrainingDocument;

use super::entities::EntityKind;
use super::split_at_line_breaks;
use super::tokens::{sentences, tokenize};
use crate::corpus::labelled::LabelledArticle;

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

/// A labelled article prepared for training: tokens and sentences as [`crate::annotate::annotate`]
/// finds them, each name on the tokens it covers. A name whose edges are not token edges, and a
/// bare title, are left out.
pub fn labelled_document(article: &LabelledArticle) -> TrainingDocument {
    let text = article.text.as_str();
    let tokens = tokenize(text);
    let sentences = split_at_line_breaks(text, &tokens, sentences(text, &tokens));
    let mut spans: Vec<Vec<(usize, usize, ModelType)>> = vec![Vec::new(); sentences.len()];
    for entity in &article.entities {
        let model_type = match entity.kind {
            EntityKind::Person => ModelType::Person,
            EntityKind::Organization => ModelType::Organization,
            EntityKind::Location => ModelType::Location,
            EntityKind::Group | EntityKind::Misc => ModelType::Misc,
            EntityKind::Title => continue,
        };
        let first = tokens.iter().position(|t| t.start == entity.span.start);
        let last = tokens.iter().position(|t| t.end == entity.span.end);
        let (Some(first), Some(last)) = (first, last) else {
            continue;
        };
        if let Some(index) = sentences
            .iter()
            .position(|s| s.contains(&first) && s.contains(&last))
        {
            let start = sentences[index].start;
            spans[index].push((first - start, last + 1 - start, model_type));
        }
    }
    let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
    let inputs: Vec<SentenceInput<'_>> = sentences
        .iter()
        .map(|s| sentence_input(&words[s.clone()]))
        .collect();
    TrainingDocument::new(&inputs, &spans)
}
