//! Statements from tagged roles. A paragraph's statements are assembled cue by cue, in named
//! steps: a cue must report speech ([`reports_speech`]); `X quoted Y as saying` and an
//! [`inverted`] attribution (`..., affirmed X, thanking ...`) give their parts at once; otherwise the cue's content is chosen ([`content`]), then its speaker
//! ([`speaker`]), then both are trimmed; a statement whose speaker the grammar rules out and
//! that quotes no one is dropped; quotations left without a statement get one from the
//! attribution next to them ([`unclaimed`]). Speakers are resolved to the text's entities afterwards,
//! over the whole text ([`resolve`]).
//!
//! [`content`]: super::content
//! [`speaker`]: super::speaker
//! [`resolve`]: super::resolve
//! [`unclaimed`]: super::unclaimed
//! [`inverted`]: super::inverted

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::content::{self, within_clause, without_agent};
use super::coordinated::split_coordinated;
use super::grammar::{noun_like, participle, quoted_as_saying};
use super::inverted::inverted_attribution;
use super::quotes::{closing_quote, kind_of};
use super::roles::{Parts, Role};
use super::speaker::{self, speaker_label, split_name, with_head, without_time};
use super::speech::{labels_a_headline, reports_speech, without_leading_adverbs};
use super::unclaimed::unclaimed_quotations;
use crate::annotate::entities::{Entity, EntityKind};
use crate::annotate::tokens::Token;
use crate::span::Span;

/// How a statement is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StatementKind {
    /// In quotation marks: the speaker's own words.
    Direct,
    /// Reported speech: `X said that ...`.
    Indirect,
    /// Partly quoted.
    Mixed,
}

impl StatementKind {
    /// The kind's name (`direct`).
    pub fn name(self) -> &'static str {
        match self {
            StatementKind::Direct => "direct",
            StatementKind::Indirect => "indirect",
            StatementKind::Mixed => "mixed",
        }
    }
}

/// Who said what: a statement and its parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    /// Direct, indirect or mixed.
    pub kind: StatementKind,
    /// Where the speaker is named, if anywhere.
    pub speaker: Option<Span>,
    /// The canonical name of the speaker's entity, when it can be resolved.
    pub speaker_canonical: Option<String>,
    /// The words that report it (`said`, `according to`).
    pub cue: Option<Span>,
    /// What was said.
    pub content: Span,
}

/// What statements are assembled from: the text, its tokens with their parts of speech, its
/// sentences and entities.
pub struct Context<'a> {
    /// The whole text.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: &'a [Token],
    /// Each token's part-of-speech tag.
    pub pos: &'a [&'a str],
    /// Sentences as token ranges.
    pub sentences: &'a [Range<usize>],
    /// Each token's sentence number.
    pub sentence_of: &'a [usize],
    /// The text's entities.
    pub entities: &'a [Entity],
}

impl Context<'_> {
    /// The sentence (token range) that token `token` belongs to.
    pub fn sentence_at(&self, token: usize) -> Option<&Range<usize>> {
        self.sentences.get(*self.sentence_of.get(token)?)
    }

    /// The text of token `token`.
    pub fn word(&self, token: usize) -> &str {
        self.tokens[token].text(self.text)
    }

    /// A statement of token ranges, its speaker not yet resolved.
    pub(super) fn statement(
        &self,
        speaker: Option<Range<usize>>,
        cue: Option<Range<usize>>,
        content: Range<usize>,
    ) -> Statement {
        let span =
            |range: &Range<usize>| Span::new(self.tokens[range.start].start, self.tokens[range.end - 1].end);
        let content = span(&content);
        let speaker = speaker.as_ref().map(span);
        Statement {
            kind: kind_of(content.text(self.text)),
            speaker,
            speaker_canonical: None,
            cue: cue.as_ref().map(span),
            content,
        }
    }
}

/// Builds the statements of a paragraph (a token range) from its role spans, in text order.
pub fn assemble(
    context: &Context<'_>,
    paragraph: Range<usize>,
    roles: &[(Role, Range<usize>)],
) -> Vec<Statement> {
    let mut assembly = Assembly {
        context,
        parts: Parts::new(roles),
        paragraph,
        previous: None,
    };
    let mut statements: Vec<Statement> = assembly.labelled().into_iter().collect();
    for cue in assembly.parts.cues.clone() {
        statements.extend(assembly.statement_of(&cue));
    }
    let unclaimed = unclaimed_quotations(context, &assembly.paragraph, &statements);
    statements.extend(unclaimed);
    let mut statements = split_coordinated(context, statements);
    statements.sort_by_key(|s| s.content.start);
    untangled(context.text, statements)
}

/// Statements inside what another says are part of it (`text` is the whole text): one whose cue and speaker lie within
/// another's content (`X stated that Moscow expects ...`, `"He told me ..." she said`) is
/// dropped; one whose cue lies within another's content but whose speaker does not (a content
/// run over `..., noting that`) ends that content where it begins. What is reported `according
/// to` someone keeps its own statements (`X said ..., according to the agency`).
fn untangled(text: &str, mut statements: Vec<Statement>) -> Vec<Statement> {
    let mut nested = vec![false; statements.len()];
    for inner in 0..statements.len() {
        let Some(cue) = statements[inner].cue else {
            continue;
        };
        let speaker = statements[inner].speaker;
        let according = |o: usize| {
            statements[o]
                .cue
                .is_some_and(|c| c.text(text).to_lowercase().starts_with("according"))
        };
        let Some(outer) = (0..statements.len())
            .find(|&o| o != inner && !nested[o] && !according(o) && statements[o].content.contains(&cue))
        else {
            continue;
        };
        let content = statements[outer].content;
        match speaker {
            Some(speaker) if !content.contains(&speaker) => {
                let at = if speaker.start > content.start {
                    cue.start.min(speaker.start)
                } else {
                    cue.start
                };
                let kept = text[content.start..at].trim_end_matches(|c: char| {
                    c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '—' | '–')
                });
                if !kept.is_empty() {
                    let statement = &mut statements[outer];
                    statement.content.end = content.start + kept.len();
                    statement.kind = kind_of(kept);
                }
            }
            _ => nested[inner] = true,
        }
    }
    let mut flags = nested.into_iter();
    statements.retain(|_| !flags.next().unwrap_or(false));
    statements
}

/// The statement made before in the paragraph: its sentence and speaker, for `..., adding
/// that` and `and said`.
struct Previous {
    sentence: usize,
    speaker: Option<Range<usize>>,
}

/// A paragraph's statements in the making.
struct Assembly<'c, 'a> {
    context: &'c Context<'a>,
    parts: Parts,
    paragraph: Range<usize>,
    previous: Option<Previous>,
}

impl Assembly<'_, '_> {
    /// The statement of a speaker's label opening the paragraph (`Minister X: "..."`), unless
    /// the tagger took its colon for a cue.
    fn labelled(&self) -> Option<Statement> {
        let Context { tokens, text, .. } = *self.context;
        let (label, colon) = speaker_label(self.context, &self.paragraph)?;
        if self.parts.cues.iter().any(|c| c.contains(&colon)) || labels_a_headline(self.context, colon) {
            return None;
        }
        let mut end = self.paragraph.end;
        while end > colon + 1 && closing_quote(tokens[end - 1].text(text)) {
            end -= 1;
        }
        (end > colon + 1).then(|| {
            self.context
                .statement(Some(label), Some(colon..colon + 1), colon + 1..end)
        })
    }

    /// The statement a cue makes, if it makes one.
    fn statement_of(&mut self, cue: &Range<usize>) -> Option<Statement> {
        let context = self.context;
        if !reports_speech(context, cue) {
            return None;
        }
        let quoted = quoted_as_saying(context, cue);
        if let Some(quoted) = &quoted {
            if let Some(content) = &quoted.content {
                return Some(context.statement(
                    Some(quoted.speaker.clone()),
                    Some(cue.clone()),
                    content.clone(),
                ));
            }
        }
        let sentence = context.sentence_of[cue.start];
        if let Some(inverted) = inverted_attribution(context, cue) {
            self.parts.take_overlapping(&inverted.speaker);
            self.parts.take_overlapping(&inverted.content);
            let speaker = without_time(context, inverted.speaker);
            self.previous = Some(Previous {
                sentence,
                speaker: Some(speaker.clone()),
            });
            let cue = without_leading_adverbs(context, &(cue.start..cue.start + 1));
            return Some(context.statement(Some(speaker), Some(cue), inverted.content));
        }
        let choice = content::choose(context, &self.parts, cue)?;
        for piece in [&choice.first, &choice.last] {
            if let Some(index) = piece.index {
                self.parts.take_content(index);
            }
        }
        let content = content::extent(context, &self.parts, cue, &choice, &self.paragraph);
        let earlier = self
            .previous
            .as_ref()
            .filter(|previous| previous.sentence == sentence)
            .and_then(|previous| previous.speaker.clone());
        let speaker = speaker::choose(
            context,
            &mut self.parts,
            cue,
            &choice,
            quoted.map(|q| q.speaker),
            earlier,
        );
        self.previous = Some(Previous {
            sentence,
            speaker: speaker.tokens.clone(),
        });
        let (source, content) = trimmed(context, cue, speaker.tokens, content);
        let statement = context.statement(source, Some(without_leading_adverbs(context, cue)), content);
        (!quotes_no_one(context, cue, &statement, speaker.nobody)).then_some(statement)
    }
}

/// The speaker widened to its head noun and the content trimmed: never a name cut between
/// them, a participle's content within its clause, no passive's agent in the content.
fn trimmed(
    context: &Context<'_>,
    cue: &Range<usize>,
    speaker: Option<Range<usize>>,
    content: Range<usize>,
) -> (Option<Range<usize>>, Range<usize>) {
    let speaker = speaker.map(|s| with_head(context, without_time(context, s)));
    let (speaker, content) = split_name(context.tokens, context.entities, speaker, content);
    let content = if participle(context.word(cue.start), context.pos[cue.start]) {
        within_clause(context.pos, content)
    } else {
        content
    };
    let content = without_agent(speaker.as_ref(), content);
    (speaker, content)
}

/// Whether an indirect statement reports no one's words: a passive cue whose grammar rules out
/// a speaker (`nobody`) and that names none, or a participle modifying a noun (`a resolution
/// calling for a ceasefire`, a document or an act) whose speaker is not a person.
fn quotes_no_one(context: &Context<'_>, cue: &Range<usize>, statement: &Statement, nobody: bool) -> bool {
    let Context { pos, .. } = *context;
    let modifier =
        participle(context.word(cue.start), pos[cue.start]) && cue.start > 0 && noun_like(pos[cue.start - 1]);
    let unspoken = nobody && statement.speaker.is_none();
    statement.kind == StatementKind::Indirect
        && (unspoken || (modifier && !speaks_as_person(statement, context.entities)))
}

/// Whether a statement's speaker is a person (named, or by title).
fn speaks_as_person(statement: &Statement, entities: &[Entity]) -> bool {
    let Some(speaker) = statement.speaker else {
        return false;
    };
    entities
        .iter()
        .any(|e| matches!(e.kind, EntityKind::Person | EntityKind::Title) && speaker.contains(&e.span))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::attribution::fixture::Fixture;

    fn assembled(text: &str, roles: &[(Role, &str)]) -> Vec<(Option<String>, Option<String>, String)> {
        let fixture = Fixture::new(text);
        let roles = fixture.roles(roles);
        let paragraph = 0..fixture.tokens.len();
        assemble(&fixture.context(), paragraph, &roles)
            .into_iter()
            .map(|s| {
                (
                    s.speaker.map(|span| span.text(text).to_string()),
                    s.cue.map(|span| span.text(text).to_string()),
                    s.content.text(text).to_string(),
                )
            })
            .collect()
    }

    fn some(text: &str) -> Option<String> {
        Some(text.to_string())
    }

    #[test]
    fn a_cue_with_source_and_content() {
        let found = assembled(
            "The minister said that the talks would resume.",
            &[
                (Role::Source, "The minister"),
                (Role::Cue, "said"),
                (Role::Content, "the talks would resume"),
            ],
        );
        assert_eq!(
            found,
            [(
                some("The minister"),
                some("said"),
                "the talks would resume".to_string()
            )]
        );
    }

    #[test]
    fn quoted_as_saying_makes_its_statement_at_once() {
        let found = assembled(
            "The agency quoted the minister as saying the budget was balanced.",
            &[(Role::Source, "The agency"), (Role::Cue, "quoted")],
        );
        assert_eq!(
            found,
            [(
                some("the minister"),
                some("quoted"),
                "the budget was balanced".to_string()
            )]
        );
    }

    #[test]
    fn a_speaker_label_makes_a_statement() {
        let found = assembled("Minister Layla Haddad: “We are ready for the talks.”", &[]);
        assert_eq!(
            found,
            [(
                some("Minister Layla Haddad"),
                some(":"),
                "“We are ready for the talks.".to_string()
            )]
        );
    }

    #[test]
    fn a_headline_label_makes_no_statement() {
        let found = assembled("Minister Layla Haddad: Talks on the water grid to resume", &[]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_passive_without_an_agent_makes_no_statement() {
        let found = assembled(
            "The plant was expected to open next year.",
            &[(Role::Cue, "was expected"), (Role::Content, "to open next year")],
        );
        assert!(found.is_empty(), "{found:?}");
    }
}
