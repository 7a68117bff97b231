//! What a cue reports: the tagged content right after it (skipping `that`), the quotation right
//! before it, both halves of a quotation it splits, the whole clause of a trailing attribution,
//! or else the nearest free content of its sentence; then completed to the sentence's end and
//! to its quotation marks.

use std::ops::Range;

use super::grammar::{is_day_word, is_punctuation, noun_like, participle};
use super::quotes::{closing_quote, complete_quotation, opening_quote, quote_halves};
use super::roles::Parts;
use super::statements::Context;

/// One piece of a cue's content: a tagged content (`index`, its number among the paragraph's
/// contents) or a span the rules built (`index: None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The number of the tagged content it is, if it is one.
    pub index: Option<usize>,
    /// Its tokens.
    pub tokens: Range<usize>,
}

impl Candidate {
    fn tagged(index: usize, tokens: &Range<usize>) -> Candidate {
        Candidate {
            index: Some(index),
            tokens: tokens.clone(),
        }
    }

    fn built(tokens: Range<usize>) -> Candidate {
        Candidate { index: None, tokens }
    }
}

/// The content a cue reports, from its first piece to its last (the two halves of a quotation
/// the cue splits, or one piece twice).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// Where the content begins.
    pub first: Candidate,
    /// Where it ends.
    pub last: Candidate,
}

impl Choice {
    fn one(piece: Candidate) -> Choice {
        Choice {
            first: piece.clone(),
            last: piece,
        }
    }
}

/// The content of `cue`, if it has one, from the paragraph's free contents.
pub fn choose(context: &Context<'_>, parts: &Parts, cue: &Range<usize>) -> Option<Choice> {
    let after = content_after(context, parts, cue).or_else(|| nested_statement(context, parts, cue));
    let trailing = || trailing_clause(context, cue, parts);
    // A trailing attribution reports its whole sentence, not just the tagged part of it
    // (unless that is a quotation, which may begin sentences earlier).
    let before = match (content_before(context, parts, cue), trailing()) {
        (Some(before), Some(clause))
            if before.tokens.start > clause.start && !opening_quote(context.word(before.tokens.start)) =>
        {
            Some(Candidate::built(clause))
        }
        (before, _) => before,
    };
    let choice = match (before, after) {
        // Both halves of a quotation split by its cue (`"We will," he said, "and soon."`).
        (Some(before), Some(after)) => {
            match quote_halves(context.text, context.tokens, &before.tokens, &after.tokens) {
                (true, true) => Choice {
                    first: before,
                    last: after,
                },
                // `"You winning?" she said, but ...`; `..., according to show insiders`.
                (true, false) => Choice::one(before),
                _ if trailing().is_some() => Choice::one(before),
                _ => Choice::one(after),
            }
        }
        (Some(before), None) => Choice::one(before),
        (None, Some(after)) => Choice::one(after),
        (None, None) => Choice::one(
            trailing()
                .map(Candidate::built)
                .or_else(|| nearest_content(context, parts, cue))?,
        ),
    };
    Some(choice)
}

/// The tokens of the chosen content: run on to the end of the sentence when a clause after the
/// cue stops short of it with nothing else tagged in between (the tagger tends to stop at the
/// first comma), and completed to its quotation marks within the paragraph.
pub fn extent(
    context: &Context<'_>,
    parts: &Parts,
    cue: &Range<usize>,
    choice: &Choice,
    paragraph: &Range<usize>,
) -> Range<usize> {
    let (first, last) = (&choice.first.tokens, &choice.last.tokens);
    let mut end = last.end;
    if last.start >= cue.end {
        if let Some(sentence) = context.sentence_at(last.end - 1) {
            let free = !parts
                .cues
                .iter()
                .any(|r| r.start >= last.end && r.start < sentence.end);
            if free {
                let mut stop = sentence.end;
                while stop > last.end
                    && is_punctuation(context.word(stop - 1))
                    && !closing_quote(context.word(stop - 1))
                {
                    stop -= 1;
                }
                end = end.max(stop);
            }
        }
    }
    complete_quotation(context.text, context.tokens, first.start..end, paragraph.end)
}

/// Only punctuation or `that` between two tokens, or at most one word.
fn joined(context: &Context<'_>, from: usize, to: usize) -> bool {
    (from..to).all(|t| {
        let word = context.word(t);
        is_punctuation(word) || word.eq_ignore_ascii_case("that")
    }) || to.saturating_sub(from) <= 1
}

/// A free content that starts right after the cue (`said that ...`), unless it only says
/// when (`said on Sunday`) or what happened meanwhile (`said Sunday, as airlines ...`).
fn content_after(context: &Context<'_>, parts: &Parts, cue: &Range<usize>) -> Option<Candidate> {
    let when = |i: usize| {
        let word = context.word(i);
        is_day_word(word) || is_punctuation(word) || matches!(context.pos[i], "IN" | "DT")
    };
    let only_when = |c: &Range<usize>| {
        let opening = c
            .clone()
            .find(|&i| !is_day_word(context.word(i)) && !is_punctuation(context.word(i)));
        let meanwhile = opening.is_some_and(|i| i > c.start && is_meanwhile(context.word(i)));
        meanwhile || c.clone().all(when)
    };
    parts
        .contents
        .iter()
        .enumerate()
        .find(|(i, c)| {
            parts.content_is_free(*i)
                && c.start >= cue.end
                && c.start - cue.end <= 3
                && joined(context, cue.end, c.start)
                && !only_when(c)
        })
        .map(|(i, c)| Candidate::tagged(i, c))
}

/// `He said Obama hopes that ...`: what is said right after the cue is itself a statement, a
/// source, cue and content of its own.
fn nested_statement(context: &Context<'_>, parts: &Parts, cue: &Range<usize>) -> Option<Candidate> {
    let source = parts
        .sources
        .iter()
        .find(|s| s.start >= cue.end && s.start - cue.end <= 1 && joined(context, cue.end, s.start))?;
    let inner = parts
        .cues
        .iter()
        .find(|c| c.start >= source.end && c.start - source.end <= 1)?;
    let end = parts
        .contents
        .iter()
        .find(|c| c.start >= inner.end && c.start - inner.end <= 3)
        .map_or(inner.end, |c| c.end);
    Some(Candidate::built(source.start..end))
}

/// A free content that ends just before the cue (`"...," he said`), with only punctuation or
/// a source between, and no sentence end unless the content is a quotation (`"We will." he
/// said`).
fn content_before(context: &Context<'_>, parts: &Parts, cue: &Range<usize>) -> Option<Candidate> {
    let (index, content) = parts
        .contents
        .iter()
        .enumerate()
        .rev()
        .find(|(i, c)| parts.content_is_free(*i) && c.end <= cue.start && cue.start - c.end <= 6)?;
    let quoted = closing_quote(context.word(content.end - 1));
    let between_ok = (content.end..cue.start).all(|t| {
        let word = context.word(t);
        (is_punctuation(word) || parts.in_source(t)) && (quoted || !matches!(word, "." | "!" | "?"))
    });
    between_ok.then(|| Candidate::tagged(index, content))
}

/// The free content of the cue's sentence nearest to it, not across another cue (`X allowed Y
/// ... calling for Z, sparking criticism`).
fn nearest_content(context: &Context<'_>, parts: &Parts, cue: &Range<usize>) -> Option<Candidate> {
    let sentence = context.sentence_of[cue.start];
    parts
        .contents
        .iter()
        .enumerate()
        .filter(|(i, c)| {
            let between = if c.end <= cue.start {
                c.end..cue.start
            } else {
                cue.end..c.start
            };
            parts.content_is_free(*i)
                && context.sentence_of[c.start] == sentence
                && !parts
                    .cues
                    .iter()
                    .any(|other| other != cue && overlaps(other, &between))
        })
        .min_by_key(|(_, c)| c.start.abs_diff(cue.end).min(c.end.abs_diff(cue.start)))
        .map(|(i, c)| Candidate::tagged(i, c))
}

/// The clause a trailing attribution reports (`The talks will resume, sources said.`,
/// `..., said the minister.`): the sentence up to the comma before the source and cue, when
/// only the source follows the cue.
pub fn trailing_clause(context: &Context<'_>, cue: &Range<usize>, parts: &Parts) -> Option<Range<usize>> {
    let Context { pos, .. } = *context;
    let sentence = context.sentence_at(cue.start)?;
    // Only a reporting verb or `according to` ends a sentence this way (`..., sparking
    // criticism from X` reports nothing).
    let verb = matches!(pos[cue.start], "VBD" | "VBZ" | "VBP")
        || context.word(cue.start).eq_ignore_ascii_case("according");
    if !verb {
        return None;
    }
    let punctuation = |i: usize| is_punctuation(context.word(i));
    // `..., the agency reported, citing witnesses.`: a participle after a comma is a statement
    // of its own, not part of the source.
    let end =
        participle_after(context, cue.end, sentence.end).min(meanwhile_after(context, cue.end, sentence.end));
    // A trailing source is a few words: a longer rest of the sentence is something else.
    if end > cue.end + 40 {
        return None;
    }
    let after = cue.end..end;
    let named_after = after.clone().filter(|&i| !punctuation(i)).count();
    let source_after = after
        .clone()
        .all(|i| punctuation(i) || parts.in_source(i) || noun_like(pos[i]) || pos[i] == "IN");
    if named_after > 10 || !source_after {
        return None;
    }
    // Back over the source (`, sources said`, `, the minister told reporters`) to the comma.
    let mut at = cue.start;
    while at > sentence.start && cue.start - at <= 12 && (parts.in_source(at - 1) || noun_like(pos[at - 1])) {
        at -= 1;
    }
    let comma = at
        .checked_sub(1)
        .filter(|&i| i > sentence.start + 2 && matches!(context.word(i), "," | "”" | "\""))?;
    let mut end = comma;
    while end > sentence.start && punctuation(end - 1) && !matches!(context.word(end - 1), "”" | "\"") {
        end -= 1;
    }
    (end > sentence.start + 2).then_some(sentence.start..end)
}

/// Where a participle set off by a comma begins between `from` and `to` (`, citing ...`,
/// `, adding that ...`), else `to`.
pub fn participle_after(context: &Context<'_>, from: usize, to: usize) -> usize {
    (from..to.saturating_sub(1))
        .find(|&i| context.word(i) == "," && participle(context.word(i + 1), context.pos[i + 1]))
        .unwrap_or(to)
}

/// Where a clause of what happened meanwhile begins between `from` and `to` (`, as
/// airlines ...`, `, while ...`), else `to`.
fn meanwhile_after(context: &Context<'_>, from: usize, to: usize) -> usize {
    (from..to.saturating_sub(1))
        .find(|&i| context.word(i) == "," && is_meanwhile(context.word(i + 1)))
        .unwrap_or(to)
}

/// A conjunction that opens a clause of what happened meanwhile (`as`, `while`).
fn is_meanwhile(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "as" | "while" | "when" | "amid" | "after" | "before"
    )
}

/// A participle's content ends where the main clause resumes: `calling for a ceasefire and
/// did not use its veto` stops before `and did`.
pub fn within_clause(pos: &[&str], content: Range<usize>) -> Range<usize> {
    let resumes = (content.start + 1..content.end.saturating_sub(1))
        .find(|&i| pos[i] == "CC" && matches!(pos[i + 1], "VBD" | "VBZ" | "VBP" | "MD"));
    match resumes {
        Some(end) => content.start..end,
        None => content,
    }
}

/// `It was announced by the bank that ...`: the agent right at the start of the content is not
/// part of what was said.
pub fn without_agent(speaker: Option<&Range<usize>>, content: Range<usize>) -> Range<usize> {
    match speaker {
        Some(agent)
            if agent.start > content.start && agent.start - content.start <= 1 && agent.end < content.end =>
        {
            agent.end..content.end
        }
        _ => content,
    }
}

/// Whether two token ranges share a token.
pub fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::attribution::fixture::Fixture;
    use crate::annotate::attribution::roles::Role;

    fn choice_of(fixture: &Fixture, roles: &[(Role, &str)], cue: &str) -> Option<(String, String)> {
        let parts = Parts::new(&fixture.roles(roles));
        let context = fixture.context();
        let cue = fixture.at(cue);
        choose(&context, &parts, &cue).map(|choice| {
            (
                fixture.words(&choice.first.tokens),
                fixture.words(&choice.last.tokens),
            )
        })
    }

    #[test]
    fn the_content_after_the_cue_skips_that() {
        let fixture = Fixture::new("The minister said that the talks would resume.");
        let found = choice_of(
            &fixture,
            &[(Role::Cue, "said"), (Role::Content, "the talks would resume")],
            "said",
        );
        assert_eq!(
            found,
            Some(("the talks would resume".into(), "the talks would resume".into()))
        );
    }

    #[test]
    fn both_halves_of_a_split_quotation() {
        let fixture = Fixture::new("“We will act,” he said, “and soon.”");
        let found = choice_of(
            &fixture,
            &[
                (Role::Content, "“We will act,”"),
                (Role::Source, "he"),
                (Role::Cue, "said"),
                (Role::Content, "“and soon.”"),
            ],
            "said",
        );
        assert_eq!(found, Some(("“We will act,”".into(), "“and soon.”".into())));
    }

    #[test]
    fn a_trailing_attribution_reports_its_whole_sentence() {
        let fixture = Fixture::new("The talks will resume next week in Doha, the minister said.");
        let found = choice_of(
            &fixture,
            &[
                (Role::Content, "next week in Doha"),
                (Role::Source, "the minister"),
                (Role::Cue, "said"),
            ],
            "said",
        );
        let whole = "The talks will resume next week in Doha".to_string();
        assert_eq!(found, Some((whole.clone(), whole)));
    }

    #[test]
    fn a_trailing_attribution_before_a_participle() {
        let fixture = Fixture::new(
            "A cargo ship ran aground off the northern cape late on Friday, the state news agency \
             reported, citing coast guard officers.",
        );
        let found = choice_of(
            &fixture,
            &[
                (Role::Source, "the state news agency"),
                (Role::Cue, "reported"),
                (Role::Cue, "citing"),
            ],
            "reported",
        );
        let whole = "A cargo ship ran aground off the northern cape late on Friday".to_string();
        assert_eq!(found, Some((whole.clone(), whole)));
    }

    #[test]
    fn when_it_was_said_is_not_what_was_said() {
        let fixture = Fixture::new("Talks must resume soon, the spokesperson said on Sunday.");
        let found = choice_of(
            &fixture,
            &[
                (Role::Source, "the spokesperson"),
                (Role::Cue, "said"),
                (Role::Content, "on Sunday"),
            ],
            "said",
        );
        let whole = "Talks must resume soon".to_string();
        assert_eq!(found, Some((whole.clone(), whole)));
    }

    #[test]
    fn a_trailing_attribution_before_what_happened_meanwhile() {
        let fixture = Fixture::new(
            "The new visa rules take effect in June, a spokesperson said Sunday, as airlines \
             prepared for the summer.",
        );
        let found = choice_of(
            &fixture,
            &[
                (Role::Source, "a spokesperson"),
                (Role::Cue, "said"),
                (Role::Content, "as airlines prepared for the summer"),
            ],
            "said",
        );
        let whole = "The new visa rules take effect in June".to_string();
        assert_eq!(found, Some((whole.clone(), whole)));
    }

    #[test]
    fn a_nested_statement_is_the_content() {
        let fixture = Fixture::new("He said the envoy hopes that the talks go on.");
        let found = choice_of(
            &fixture,
            &[
                (Role::Cue, "said"),
                (Role::Source, "the envoy"),
                (Role::Cue, "hopes"),
                (Role::Content, "the talks go on"),
            ],
            "said",
        );
        let nested = "the envoy hopes that the talks go on".to_string();
        assert_eq!(found, Some((nested.clone(), nested)));
    }

    #[test]
    fn no_content_no_choice() {
        let fixture = Fixture::new("The minister said.");
        assert_eq!(choice_of(&fixture, &[(Role::Cue, "said")], "said"), None);
    }

    #[test]
    fn a_clause_runs_to_the_end_of_its_sentence() {
        let fixture = Fixture::new("The minister said the talks, which began in May, would resume.");
        let roles = fixture.roles(&[(Role::Cue, "said"), (Role::Content, "the talks")]);
        let parts = Parts::new(&roles);
        let context = fixture.context();
        let cue = fixture.at("said");
        let choice = choose(&context, &parts, &cue).expect("a content");
        let paragraph = 0..fixture.tokens.len();
        let extent = extent(&context, &parts, &cue, &choice, &paragraph);
        assert_eq!(
            fixture.words(&extent),
            "the talks, which began in May, would resume"
        );
    }

    #[test]
    fn a_participle_clause_stops_where_the_main_clause_resumes() {
        let fixture = Fixture::new("The council issued a text calling for calm and did not vote.");
        let content = fixture.at("for calm and did not vote");
        let pos: Vec<&str> = fixture.pos.clone();
        assert_eq!(fixture.words(&within_clause(&pos, content)), "for calm");
    }

    #[test]
    fn an_agent_is_not_what_was_said() {
        assert_eq!(without_agent(Some(&(5..8)), 4..12), 8..12);
        assert_eq!(without_agent(Some(&(0..2)), 4..12), 4..12);
        assert_eq!(without_agent(None, 4..12), 4..12);
    }
}
