//! Test fixtures: a text analysed as statement assembly sees it (tokens, parts of speech,
//! sentences, entities), with its phrases found by their words.

use std::ops::Range;

use super::roles::{Role, RoleSpans};
use super::statements::Context;
use crate::annotate::entities::{Entity, find_entities};
use crate::annotate::tokens::{Token, sentences, tokenize};
use crate::annotate::{pos, split_at_line_breaks};

/// A text with everything statement assembly needs.
pub struct Fixture {
    /// The text.
    pub text: String,
    /// Its tokens.
    pub tokens: Vec<Token>,
    /// Every token's part of speech.
    pub pos: Vec<&'static str>,
    /// Its sentences.
    pub sentences: Vec<Range<usize>>,
    /// Each token's sentence number.
    pub sentence_of: Vec<usize>,
    /// Its entities.
    pub entities: Vec<Entity>,
}

impl Fixture {
    /// Analyses a text.
    pub fn new(text: &str) -> Fixture {
        let tokens = tokenize(text);
        let sentences = split_at_line_breaks(text, &tokens, sentences(text, &tokens));
        let entities = find_entities(text, &tokens, &sentences);
        let mut pos = vec![""; tokens.len()];
        let mut sentence_of = vec![0; tokens.len()];
        for (number, sentence) in sentences.iter().enumerate() {
            let words: Vec<&str> = sentence.clone().map(|i| tokens[i].text(text)).collect();
            for (offset, tag) in pos::tag(&words).into_iter().enumerate() {
                pos[sentence.start + offset] = tag;
                sentence_of[sentence.start + offset] = number;
            }
        }
        Fixture {
            text: text.to_string(),
            tokens,
            pos,
            sentences,
            sentence_of,
            entities,
        }
    }

    /// The context statement assembly works in.
    pub fn context(&self) -> Context<'_> {
        Context {
            text: &self.text,
            tokens: &self.tokens,
            pos: &self.pos,
            sentences: &self.sentences,
            sentence_of: &self.sentence_of,
            entities: &self.entities,
        }
    }

    /// The tokens of the first place `phrase` is written (it must begin and end at tokens).
    pub fn at(&self, phrase: &str) -> Range<usize> {
        let start = self
            .text
            .find(phrase)
            .unwrap_or_else(|| panic!("{phrase:?} is not in the text"));
        let end = start + phrase.len();
        let first = self.tokens.partition_point(|t| t.start < start);
        let last = self.tokens.partition_point(|t| t.end <= end);
        assert!(first < last, "{phrase:?} holds no token");
        first..last
    }

    /// Role spans from phrases.
    pub fn roles(&self, roles: &[(Role, &str)]) -> RoleSpans {
        let mut spans: RoleSpans = roles
            .iter()
            .map(|(role, phrase)| (*role, self.at(phrase)))
            .collect();
        spans.sort_by_key(|(_, range)| range.start);
        spans
    }

    /// The text of a token range.
    pub fn words(&self, range: &Range<usize>) -> String {
        self.text[self.tokens[range.start].start..self.tokens[range.end - 1].end].to_string()
    }
}
