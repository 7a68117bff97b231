//! An attribution after the clause it reports, its verb before its speaker (`The terminal had
//! handled two million passengers, affirmed X, adding ...`; `Two boats were missing, said
//! the official news agency, citing ...`; `"The bridge will open in May, said Transport
//! Minister X on state radio.`): the clause before the comma is what was said, and the noun
//! phrase after the verb says who said it, up to where a relative clause, a participle, a
//! place or a time begins.

use std::ops::Range;

use super::grammar::{is_day_word, is_punctuation, noun_like};
use super::quotes::closing_quote;
use super::referents::referring_word;
use super::reporting::{is_reporting_verb, reporting_phrase};
use super::statements::Context;
use super::tagger::is_cue_word;
use crate::annotate::entities::EntityKind;

/// Reporting verbs whose object is whom they address (`told the minister`, `urged the
/// council`): after a comma they begin a clause of their own, not an inverted attribution.
const ADDRESSING_VERBS: &[&str] = &[
    "asked", "asks", "briefed", "briefs", "called", "calls", "informed", "informs", "quoted", "quotes",
    "tells", "told", "urged", "urges", "warned", "warns",
];

/// The most tokens an inverted speaker runs to, with its apposition.
const LONGEST_SPEAKER: usize = 16;

/// The parts of an inverted attribution: who spoke and what they said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inverted {
    /// The noun phrase after the verb (with its apposition).
    pub speaker: Range<usize>,
    /// The clause before the comma.
    pub content: Range<usize>,
}

/// The speaker and content of `cue` when it is the verb of an inverted attribution.
pub fn inverted_attribution(context: &Context<'_>, cue: &Range<usize>) -> Option<Inverted> {
    let Context { pos, .. } = *context;
    let verb = cue.start;
    let word = context.word(verb);
    let lower = word.to_lowercase();
    // (A verb after a comma is often tagged as a participle: `..., noted X`.)
    let finite = matches!(pos[verb], "VBD" | "VBZ" | "VBP" | "VBN");
    if !finite
        || !(is_reporting_verb(word) || is_cue_word(word))
        || ADDRESSING_VERBS.contains(&lower.as_str())
    {
        return None;
    }
    let sentence = context.sentence_at(verb)?;
    // The clause ends at a comma right before the verb; a quotation there is the tagger's to
    // pair (`"...," said the minister`).
    let comma = verb.checked_sub(1).filter(|&i| i > sentence.start)?;
    if context.word(comma) != "," || closing_quote(context.word(comma - 1)) {
        return None;
    }
    let content = clause_before(context, sentence.start, comma)?;
    let after = reporting_phrase(|i| context.word(i), verb, sentence.end).unwrap_or(verb + 1);
    let speaker = speaker_after(context, after, sentence.end)?;
    Some(Inverted { speaker, content })
}

/// The clause from the sentence's start to the comma, when it is one: a few words with a
/// finite verb of their own.
fn clause_before(context: &Context<'_>, start: usize, comma: usize) -> Option<Range<usize>> {
    let Context { pos, .. } = *context;
    let mut end = comma;
    while end > start && is_punctuation(context.word(end - 1)) && !closing_quote(context.word(end - 1)) {
        end -= 1;
    }
    let has_verb = (start..end).any(|i| matches!(pos[i], "VBD" | "VBZ" | "VBP" | "VBN" | "MD"));
    (end >= start + 3 && has_verb).then_some(start..end)
}

/// The noun phrase that names the speaker after the verb, from `start`: names, titles and
/// nouns joined by `of`, `for` and `and`, ending where the sentence does or where a comma, a
/// relative pronoun, a participle or a preposition begins something else; with the
/// apposition after a comma (`Ahmed Haddad, head of the delegation`). None when it names
/// no one.
fn speaker_after(context: &Context<'_>, start: usize, sentence_end: usize) -> Option<Range<usize>> {
    let end = noun_phrase_end(context, start, sentence_end);
    if end == start || !ends_phrase(context, end, sentence_end) || !names_a_speaker(context, &(start..end)) {
        return None;
    }
    // `, the head of the delegation,` or `, head of the delegation.`
    let mut speaker = start..end;
    if end < sentence_end && context.word(end) == "," {
        let apposition_end = noun_phrase_end(context, end + 1, sentence_end);
        let apposition = end + 1..apposition_end;
        let closed =
            apposition_end == sentence_end || matches!(context.word(apposition_end), "," | "." | "!" | "?");
        if !apposition.is_empty() && closed && apposition_end - start <= LONGEST_SPEAKER {
            speaker.end = apposition_end;
        }
    }
    (speaker.len() <= LONGEST_SPEAKER).then_some(speaker)
}

/// Where the noun phrase from `start` ends.
fn noun_phrase_end(context: &Context<'_>, start: usize, sentence_end: usize) -> usize {
    let Context { pos, .. } = *context;
    let mut end = start;
    while end < sentence_end && end - start < LONGEST_SPEAKER {
        let word = context.word(end).to_lowercase();
        let joins = matches!(word.as_str(), "of" | "for" | "and") && end > start;
        let part = noun_like(pos[end]) || in_name(context, end) || joins;
        if !part || is_day_word(&word) {
            break;
        }
        end += 1;
    }
    // Never end on a joining word.
    while end > start
        && matches!(
            context.word(end - 1).to_lowercase().as_str(),
            "of" | "for" | "and"
        )
    {
        end -= 1;
    }
    end
}

/// Whether what follows the noun phrase ends it as a speaker: the sentence's end, a comma or
/// dash, a relative pronoun (`who indicated`), a participle (`citing`), a preposition (`on state
/// radio`) or a time (`Sunday`).
fn ends_phrase(context: &Context<'_>, end: usize, sentence_end: usize) -> bool {
    if end >= sentence_end {
        return true;
    }
    let word = context.word(end);
    is_punctuation(word)
        || matches!(context.pos[end], "WP" | "WDT" | "VBG" | "IN")
        || is_day_word(word)
        || word.eq_ignore_ascii_case("who")
}

/// Whether a token is part of a name the recogniser found.
fn in_name(context: &Context<'_>, token: usize) -> bool {
    let at = context.tokens[token];
    context
        .entities
        .iter()
        .any(|e| e.span.start <= at.start && at.end <= e.span.end)
}

/// Whether a noun phrase names who spoke: a person, organisation, title, group or place the
/// recogniser found in it, or a noun that refers to a speaker (`the minister`, `the official
/// news agency`, `sources`).
fn names_a_speaker(context: &Context<'_>, phrase: &Range<usize>) -> bool {
    let named = context.entities.iter().any(|e| {
        let inside = context.tokens[phrase.start].start <= e.span.start
            && e.span.end <= context.tokens[phrase.end - 1].end;
        inside && e.kind != EntityKind::Misc
    });
    named
        || phrase.clone().any(|i| {
            let word = context.word(i).to_lowercase();
            let singular = word.strip_suffix('s').unwrap_or(&word);
            referring_word(&word).is_some() || referring_word(singular).is_some() || singular == "source"
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::attribution::fixture::Fixture;

    fn inverted(text: &str, cue: &str) -> Option<(String, String)> {
        let fixture = Fixture::new(text);
        inverted_attribution(&fixture.context(), &fixture.at(cue))
            .map(|found| (fixture.words(&found.speaker), fixture.words(&found.content)))
    }

    #[test]
    fn a_speaker_before_a_relative_clause() {
        let found = inverted(
            "The new terminal had handled two million passengers in its first year, affirmed Ahmed \
             Al-Mansouri who indicated that work would go on.",
            "affirmed",
        );
        assert_eq!(
            found,
            Some((
                "Ahmed Al-Mansouri".into(),
                "The new terminal had handled two million passengers in its first year".into()
            ))
        );
    }

    #[test]
    fn a_speaker_before_a_participle() {
        let found = inverted(
            "Two fishing boats were missing after the storm, said the official news agency and the \
             state broadcaster, citing the coast guard.",
            "said",
        );
        assert_eq!(
            found.map(|(speaker, _)| speaker).as_deref(),
            Some("the official news agency and the state broadcaster")
        );
    }

    #[test]
    fn a_speaker_before_a_place_and_with_an_apposition() {
        let found = inverted(
            "The bridge will carry its first trains before the summer, said Transport Minister Omar Haddad on state radio.",
            "said",
        );
        assert_eq!(
            found.map(|(speaker, _)| speaker).as_deref(),
            Some("Transport Minister Omar Haddad")
        );
        let found = inverted(
            "The grid will link all six states by 2030, noted Salem Al-Kindi, head of the authority.",
            "noted",
        );
        assert_eq!(
            found.map(|(speaker, _)| speaker).as_deref(),
            Some("Salem Al-Kindi, head of the authority")
        );
    }

    #[test]
    fn an_object_or_a_clause_is_no_speaker() {
        assert_eq!(
            inverted(
                "The ministry, in turn, stressed cooperation between the two countries.",
                "stressed"
            ),
            None
        );
        assert_eq!(
            inverted(
                "The minister, speaking at the forum, said the talks would resume.",
                "said"
            ),
            None
        );
        assert_eq!(
            inverted("The talks ended on Monday, told the minister reporters.", "told"),
            None
        );
    }
}
