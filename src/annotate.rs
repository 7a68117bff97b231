//! Annotation of article text: tokens and sentences, entities, time expressions and, built on
//! them, statements. Every annotation is a span of the unchanged text.

pub mod attribution;
pub mod entities;
pub mod lexicon;
pub mod ner;
pub mod output;
pub mod perceptron;
pub mod pos;
pub mod time;
pub mod tokens;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use attribution::find_statements;
use attribution::statements::Statement;
use entities::{Entity, find_entities};
use time::{TimeExpression, find_times};
use tokens::{sentences, tokenize};

// The version of the annotator's output: a hash of the models, word lists and code that shape
// annotations, computed by `build.rs`. The library stores it with every article and `newsdesk
// reindex` re-annotates the articles whose version differs.
include!(concat!(env!("OUT_DIR"), "/annotator_version.rs"));

/// Everything annotated in one text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotations {
    /// The entity mentions, in text order, never overlapping.
    pub entities: Vec<Entity>,
    /// The time expressions, in text order, resolved against the publication date when known.
    pub times: Vec<TimeExpression>,
    /// Who said what: statements with their speakers, cues and contents, in text order.
    pub statements: Vec<Statement>,
}

/// Annotates a text; `published` resolves relative dates (`Tuesday`, `last week`).
///
/// ```
/// let text = "Foreign Minister Salem Al-Rifai met the UN envoy in Doha on Tuesday.";
/// let found = newsdesk::annotate::annotate(text, chrono::NaiveDate::from_ymd_opt(2024, 3, 26));
/// let doha = found.entities.iter().find(|e| e.span.text(text) == "Doha").unwrap();
/// assert_eq!(doha.kind.name(), "location");
/// assert_eq!(found.times[0].resolved.unwrap(), newsdesk::annotate::time::Resolved::Day {
///     date: chrono::NaiveDate::from_ymd_opt(2024, 3, 26).unwrap() });
/// ```
pub fn annotate(text: &str, published: Option<NaiveDate>) -> Annotations {
    let tokens = tokenize(text);
    let sentences = split_at_line_breaks(text, &tokens, sentences(text, &tokens));
    let entities = find_entities(text, &tokens, &sentences);
    let statements = find_statements(text, &tokens, &sentences, &entities);
    Annotations {
        entities,
        times: find_times(text, published),
        statements,
    }
}

/// Sentences never run across a line break: article bodies have their hard wraps joined
/// already, so a remaining line break ends a paragraph, a headline or a list item.
pub(crate) fn split_at_line_breaks(
    text: &str,
    tokens: &[tokens::Token],
    sentences: Vec<std::ops::Range<usize>>,
) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::with_capacity(sentences.len());
    for sentence in sentences {
        let mut start = sentence.start;
        for index in sentence.start + 1..sentence.end {
            if text[tokens[index - 1].end..tokens[index].start].contains('\n') {
                out.push(start..index);
                start = index;
            }
        }
        out.push(start..sentence.end);
    }
    out
}
