//! Who said what: direct quotes and attributed statements with their speakers, cues and
//! contents. A learned tagger ([`tagger`]) marks the [`roles`] of each paragraph's tokens;
//! [`statements`] joins them into statements, choosing each cue's [`content`] and [`speaker`],
//! and [`resolve`] names the entity each speaker stands for from what the text says of its
//! [`mentions`] and the [`referents`] word lists.

pub mod brat;
pub mod content;
pub mod coordinated;
#[cfg(test)]
mod fixture;
pub mod grammar;
pub mod inverted;
pub mod mentions;
pub mod quotes;
pub mod referents;
pub mod reporting;
pub mod resolve;
pub mod roles;
pub mod speaker;
pub mod speech;
pub mod statements;
pub mod tagger;
pub mod unclaimed;

use std::ops::Range;

use super::entities::Entity;
use super::pos;
use super::tokens::Token;
use quotes::continue_quotations;
use roles::{Role, RoleSpans};
use statements::{Context, Statement, assemble};
use tagger::{TokenView, TrainingParagraph, label_of, model, paragraph_features, spans, tag_with};

/// The most tokens the tagger sees at once. Wire paragraphs run to a hundred or so; a longer
/// run of text (a file without blank lines) is cut at sentence ends so that the work per
/// paragraph stays bounded.
const LONGEST_PARAGRAPH: usize = 1_000;

/// Paragraphs as token ranges: a blank line between two tokens starts a new one, and so does
/// the first sentence that begins past [`LONGEST_PARAGRAPH`] tokens (or, in a sentence that
/// never ends, every twice that many).
fn paragraphs(text: &str, tokens: &[Token], sentences: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut sentence_start = vec![false; tokens.len()];
    for sentence in sentences {
        if let Some(flag) = sentence_start.get_mut(sentence.start) {
            *flag = true;
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    for index in 1..tokens.len() {
        let gap = &text[tokens[index - 1].end..tokens[index].start];
        let length = index - start;
        let blank_line = gap.matches('\n').count() >= 2;
        if blank_line
            || (length >= LONGEST_PARAGRAPH && sentence_start[index])
            || length >= 2 * LONGEST_PARAGRAPH
        {
            out.push(start..index);
            start = index;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

/// The sentences cut where a paragraph ends inside one (only in a sentence longer than a
/// paragraph may be).
fn within_paragraphs(sentences: &[Range<usize>], paragraphs: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(sentences.len());
    let mut paragraph = paragraphs.iter().peekable();
    for sentence in sentences {
        let mut start = sentence.start;
        while let Some(current) = paragraph.peek() {
            if current.end <= start {
                paragraph.next();
            } else if current.end < sentence.end {
                out.push(start..current.end);
                start = current.end;
                paragraph.next();
            } else {
                break;
            }
        }
        out.push(start..sentence.end);
    }
    out
}

/// The tagger's view of every token: text, part of speech (for the sentences `wanted` accepts),
/// entity kind, sentence edges.
fn token_views<'a>(
    text: &'a str,
    tokens: &[Token],
    sentences: &[Range<usize>],
    entities: &[Entity],
    wanted: impl Fn(&Range<usize>) -> bool,
) -> Vec<TokenView<'a>> {
    let mut views: Vec<TokenView<'a>> = tokens
        .iter()
        .map(|t| TokenView {
            text: t.text(text),
            ..TokenView::default()
        })
        .collect();
    for sentence in sentences {
        if wanted(sentence) {
            let words: Vec<&str> = sentence.clone().map(|i| views[i].text).collect();
            for (offset, tag) in pos::tag(&words).into_iter().enumerate() {
                views[sentence.start + offset].pos = tag;
            }
        }
        if let Some(first) = views.get_mut(sentence.start) {
            first.sentence_start = true;
        }
        if let Some(last) = sentence.end.checked_sub(1).and_then(|i| views.get_mut(i)) {
            last.sentence_end = true;
        }
    }
    let mut next = 0;
    for entity in entities {
        while next < tokens.len() && tokens[next].end <= entity.span.start {
            next += 1;
        }
        let mut at = next;
        while at < tokens.len() && tokens[at].start < entity.span.end {
            views[at].entity = Some(entity.kind.name());
            at += 1;
        }
    }
    views
}

/// Finds the statements of a text, given its tokens, sentences and entities.
pub fn find_statements(
    text: &str,
    tokens: &[Token],
    sentences: &[Range<usize>],
    entities: &[Entity],
) -> Vec<Statement> {
    // Every statement has a reporting word (or a speaker's colon) for its cue: a paragraph
    // without one is not tagged at all.
    let reports = |index: usize, end: usize| {
        let word = tokens[index].text(text);
        word == ":"
            || tagger::is_cue_word(word)
            || reporting::is_reporting_verb(word)
            || reporting::reporting_phrase(|i| tokens[i].text(text), index, end).is_some()
    };
    let all_paragraphs = paragraphs(text, tokens, sentences);
    let paragraphs: Vec<Range<usize>> = all_paragraphs
        .iter()
        .filter(|paragraph| (**paragraph).clone().any(|index| reports(index, paragraph.end)))
        .cloned()
        .collect();
    let mut in_paragraph = vec![false; tokens.len()];
    for paragraph in &paragraphs {
        in_paragraph[paragraph.clone()].fill(true);
    }
    let views = token_views(text, tokens, sentences, entities, |sentence| {
        in_paragraph.get(sentence.start).copied().unwrap_or(false)
    });
    // Sentences end at paragraph ends too, so that no search runs past the paragraph.
    let sentences = within_paragraphs(sentences, &all_paragraphs);
    let sentences = sentences.as_slice();
    let mut sentence_of = vec![0; tokens.len()];
    for (number, sentence) in sentences.iter().enumerate() {
        for slot in &mut sentence_of[sentence.clone()] {
            *slot = number;
        }
    }
    let pos: Vec<&str> = views.iter().map(|v| v.pos).collect();
    let context = Context {
        text,
        tokens,
        pos: &pos,
        sentences,
        sentence_of: &sentence_of,
        entities,
    };
    let mut statements = Vec::new();
    for paragraph in paragraphs {
        let views = &views[paragraph.clone()];
        let features = paragraph_features(views);
        let labels = tag_with(model(), views, &features);
        let mut roles: RoleSpans = spans(&labels)
            .into_iter()
            .map(|(role, range)| (role, range.start + paragraph.start..range.end + paragraph.start))
            .collect();
        let reported = reporting::untagged_reports(&context, &paragraph, &roles);
        roles.retain(|(_, range)| {
            !reported
                .iter()
                .any(|(_, other)| range.start < other.end && other.start < range.end)
        });
        roles.extend(reported);
        roles.sort_by_key(|(_, range)| range.start);
        statements.extend(assemble(&context, paragraph, &roles));
    }
    continue_quotations(text, tokens, &all_paragraphs, &mut statements);
    resolve::resolve_speakers(&context, &mut statements);
    statements
}

/// The training paragraphs of one annotated document: its tokens tagged with the gold roles.
pub fn training_paragraphs(document: &brat::GoldDocument) -> Vec<TrainingParagraph> {
    let text = document.text.as_str();
    let tokens = super::tokens::tokenize(text);
    let sentences = super::split_at_line_breaks(text, &tokens, super::tokens::sentences(text, &tokens));
    let entities = super::entities::find_entities(text, &tokens, &sentences);
    let views = token_views(text, &tokens, &sentences, &entities, |_| true);
    let mut gold = vec![0usize; tokens.len()];
    for attribution in &document.attributions {
        for (role, fragments) in [
            (Role::Source, &attribution.source),
            (Role::Cue, &attribution.cue),
            (Role::Content, &attribution.content),
        ] {
            for &(start, end) in fragments {
                let mut first = true;
                for (index, token) in tokens.iter().enumerate() {
                    if token.start >= start && token.end <= end && gold[index] == 0 {
                        gold[index] = label_of(role, first);
                        first = false;
                    }
                }
            }
        }
    }
    paragraphs(text, &tokens, &sentences)
        .into_iter()
        .map(|paragraph| TrainingParagraph::new(&views[paragraph.clone()], gold[paragraph].to_vec()))
        .collect()
}
