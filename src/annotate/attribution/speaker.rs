//! Where a statement's speaker is written: what the grammar dictates, else the nearest free
//! tagged source of the sentence, else a name or pronoun near the cue or the clause's subject;
//! then widened to its head noun (`The spokesperson for the ministry, X,`) and never cutting
//! a name in two. Also a paragraph's speaker label (`Minister X: "..."`).

use std::ops::Range;

use super::content::{Choice, overlaps};
use super::grammar::{
    SpeakerByGrammar, is_day_word, noun_like, noun_phrase_before, participle, speaker_by_grammar,
};
use super::quotes::opening_quote;
use super::roles::Parts;
use super::statements::Context;
use crate::annotate::entities::{Entity, EntityKind};
use crate::annotate::tokens::Token;
use crate::span::Span;

/// The speaker chosen for a cue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// Where the speaker is written, if anywhere.
    pub tokens: Option<Range<usize>>,
    /// True when the grammar says no one speaks (a passive with no agent): such a statement
    /// is kept only if it quotes someone.
    pub nobody: bool,
}

/// The speaker of `cue`, whose content is `choice`. `quoted` is the one a `quoted ... as
/// saying` cue names; `earlier` the speaker of the statement before in the same sentence.
/// Takes the tagged source it uses from `parts`.
pub fn choose(
    context: &Context<'_>,
    parts: &mut Parts,
    cue: &Range<usize>,
    choice: &Choice,
    quoted: Option<Range<usize>>,
    earlier: Option<Range<usize>>,
) -> Speaker {
    let Context {
        tokens,
        pos,
        entities,
        ..
    } = *context;
    let tagged = take_tagged_source(context, parts, cue, choice);
    // Content that wraps the cue (`"...," he said. "..."`) does not hide a source inside it.
    let in_content = |index: usize| {
        parts
            .contents
            .iter()
            .any(|c| c.contains(&index) && !c.contains(&cue.start))
    };
    let grammar = match quoted {
        // `"...," the agency quoted the minister as saying.`
        Some(speaker) => SpeakerByGrammar::Named(speaker),
        None => speaker_by_grammar(context, cue, parts, earlier),
    };
    let nobody = grammar == SpeakerByGrammar::Nobody;
    let tokens = match grammar {
        SpeakerByGrammar::Named(found) => Some(found),
        SpeakerByGrammar::Nobody => None,
        // `footage of Hillary Clinton asking`: the noun right before the participle.
        SpeakerByGrammar::Undecided
            if participle(context.word(cue.start), pos[cue.start])
                && cue.start > 0
                && noun_like(pos[cue.start - 1])
                && context.word(cue.start - 1).chars().any(char::is_alphanumeric) =>
        {
            noun_phrase_before(tokens, pos, cue.start, entities).or(tagged)
        }
        // A non-finite cue (`saying`, `to accuse`) reports its clause's subject; a finite one
        // (`he said`, `Clinton says`) the name or pronoun right before it.
        SpeakerByGrammar::Undecided => tagged.or_else(|| {
            let subject = || subject_of(context, cue, &in_content);
            let nearest = || implicit_source(context, cue, &in_content);
            if matches!(pos[cue.start], "VBG" | "TO") {
                subject().or_else(nearest)
            } else {
                nearest().or_else(subject)
            }
        }),
    };
    Speaker { tokens, nobody }
}

/// The nearest free tagged source in the cue's sentence that is not part of its content,
/// before the cue first; taken from `parts`.
fn take_tagged_source(
    context: &Context<'_>,
    parts: &mut Parts,
    cue: &Range<usize>,
    choice: &Choice,
) -> Option<Range<usize>> {
    let sentence = context.sentence_of[cue.start];
    let (index, source) = parts
        .sources
        .iter()
        .enumerate()
        .filter(|(i, s)| {
            parts.source_is_free(*i)
                && context.sentence_of[s.start] == sentence
                && !overlaps(s, &choice.first.tokens)
                && !overlaps(s, &choice.last.tokens)
        })
        .min_by_key(|(_, s)| {
            if s.end <= cue.start {
                (cue.start - s.end) * 2
            } else {
                s.start.saturating_sub(cue.end) * 2 + 1
            }
        })
        .map(|(i, s)| (i, s.clone()))?;
    parts.take_source(index);
    Some(source)
}

/// A source the tagger did not mark: the nearest pronoun or name just before the cue in its
/// sentence (`he said`, `Trump told`), else just after it (`said Trump`).
fn implicit_source(
    context: &Context<'_>,
    cue: &Range<usize>,
    in_content: &impl Fn(usize) -> bool,
) -> Option<Range<usize>> {
    let Context {
        tokens,
        pos,
        entities,
        ..
    } = *context;
    let sentence_start = context.sentence_at(cue.start).map_or(0, |s| s.start);
    let word = |i: usize| context.word(i);
    // `according to show insiders`: the noun phrase after `according to`.
    if word(cue.start).eq_ignore_ascii_case("according") {
        let start = (cue.start + 1..cue.end + 2)
            .find(|&i| i < tokens.len() && !word(i).eq_ignore_ascii_case("to"))?;
        let end = (start..tokens.len().min(start + 8))
            .take_while(|&i| noun_like(pos[i]) && !in_content(i))
            .last()?;
        return Some(start..end + 1);
    }
    // `WALLACE: Let's start ...`: a speaker's label before a colon.
    if word(cue.start) == ":" && cue.start > 0 && noun_like(pos[cue.start - 1]) {
        let end = cue.start;
        let start = (end.saturating_sub(4)..end).find(|&i| (i..end).all(|j| noun_like(pos[j])))?;
        return Some(start..end);
    }
    // A country or city speaks as the subject of its sentence (`China, ..., said`), not as a
    // place named on the way (`officials in Gaza said`).
    let subject_position = |start: usize| {
        (sentence_start..cue.start)
            .take_while(|&i| tokens[i].start < start)
            .all(|i| matches!(pos[i], "RB" | "CC" | "DT" | "``" | "''"))
    };
    let candidate = |index: usize| -> Option<Range<usize>> {
        // A name right before the cue is its subject even when the tagged content ran over it
        // (`... were made public ― Trump boasted`).
        if in_content(index) && index + 1 != cue.start {
            return None;
        }
        let lower = word(index).to_lowercase();
        if matches!(
            lower.as_str(),
            "he" | "she" | "they" | "it" | "i" | "we" | "who" | "which"
        ) {
            return Some(index..index + 1);
        }
        let token = tokens[index];
        let entity = entities.iter().find(|e| {
            e.span.start <= token.start
                && token.end <= e.span.end
                && (matches!(
                    e.kind,
                    EntityKind::Person | EntityKind::Organization | EntityKind::Title | EntityKind::Group
                ) || (e.kind == EntityKind::Location && subject_position(e.span.start)))
        })?;
        let first = (0..=index)
            .rev()
            .take_while(|&i| tokens[i].start >= entity.span.start)
            .last()?;
        let last = (index..tokens.len())
            .take_while(|&i| tokens[i].end <= entity.span.end)
            .last()?;
        Some(first..last + 1)
    };
    // Look back over the clause (not past the end of an earlier sentence), then just after.
    let mut before = None;
    for index in (cue.start.saturating_sub(14)..cue.start).rev() {
        if matches!(word(index), "." | "!" | "?") {
            break;
        }
        if let Some(found) = candidate(index) {
            before = Some(found);
            break;
        }
    }
    before.or_else(|| (cue.end..(cue.end + 3).min(tokens.len())).find_map(candidate))
}

/// The subject of the cue's clause when no nearer source is found: the first noun phrase of
/// the sentence, when it comes before the cue (`A reporter for USA Today spotted Stein ... and
/// reported`, `Donald Trump is questioning ..., encouraging ...`).
fn subject_of(
    context: &Context<'_>,
    cue: &Range<usize>,
    in_content: &impl Fn(usize) -> bool,
) -> Option<Range<usize>> {
    let Context { tokens, pos, .. } = *context;
    // Skip an opening adverbial (`On September 27,`, `In 2009,`) and a leading conjunction or
    // adverb (`But`, `Now`).
    let mut start = context.sentence_at(cue.start)?.start;
    if matches!(pos[start], "IN" | "RB") {
        if let Some(comma) = (start..cue.start.min(start + 9)).find(|&i| pos[i] == ",") {
            start = comma + 1;
        }
    }
    let first =
        (start..cue.start).find(|&i| !matches!(pos[i], "CC" | "RB" | "IN" | "," | "``" | "''" | ":"))?;
    let mut end = first;
    while end < cue.start && noun_like(pos[end]) && !in_content(end) {
        end += 1;
    }
    let is_noun = |i: usize| matches!(pos[i], "NN" | "NNS" | "NNP" | "NNPS");
    if end == first && matches!(pos[first], "PRP") && !in_content(first) {
        return Some(first..first + 1);
    }
    (end > first && (first..end).any(is_noun) && tokens.len() >= end).then_some(first..end)
}

/// A speaker's label opening a paragraph (`PENCE: Well, look, ...`, `Minister Al-Sabah: “...”`):
/// up to four capitalised words before a colon, naming a person or organisation or written in
/// capitals as transcripts do. Returns the label's tokens and the colon's index.
pub fn speaker_label(context: &Context<'_>, paragraph: &Range<usize>) -> Option<(Range<usize>, usize)> {
    let Context {
        text,
        tokens,
        entities,
        ..
    } = *context;
    let word = |i: usize| context.word(i);
    let mut start = paragraph.start;
    if start < paragraph.end && opening_quote(word(start)) {
        start += 1;
    }
    let colon = (start..paragraph.end.min(start + 5)).find(|&i| word(i) == ":")?;
    let label = start..colon;
    let capitalised = label
        .clone()
        .all(|i| word(i).chars().next().is_some_and(|c| c.is_uppercase()) || word(i) == ".");
    if label.is_empty() || !capitalised || paragraph.end - colon < 4 {
        return None;
    }
    let span = Span::new(tokens[label.start].start, tokens[colon - 1].end);
    let first = entities.partition_point(|e| e.span.end <= span.start);
    let within: Vec<&Entity> = entities[first..]
        .iter()
        .take_while(|e| e.span.start < span.end)
        .collect();
    // `MANAMA:` is a dateline, not a speaker.
    if within.iter().any(|e| e.kind == EntityKind::Location) {
        return None;
    }
    let named = within.iter().any(|e| {
        matches!(
            e.kind,
            EntityKind::Person | EntityKind::Organization | EntityKind::Title
        )
    });
    let letters: Vec<char> = span.text(text).chars().filter(|c| c.is_alphabetic()).collect();
    let shouted = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    (named || shouted).then_some((label, colon))
}

/// A speaker with the head noun its apposition belongs to (`The spokesperson for the Ministry
/// of Foreign Affairs, Fatima Al-Zaabi,`).
pub fn with_head(context: &Context<'_>, source: Range<usize>) -> Range<usize> {
    let Context { pos, .. } = *context;
    let mut range = source;
    let has_apposition = (range.start..range.end - 1).any(|i| context.word(i) == ",");
    if has_apposition && range.start >= 3 && matches!(context.word(range.start - 1), "for" | "of" | "at") {
        let noun = range.start - 2;
        if matches!(pos[noun], "NN" | "NNS") && matches!(pos[noun - 1], "DT" | "PRP$") {
            range.start = noun - 1;
        }
    }
    range
}

/// A speaker without the words for when or where it spoke that the tagger ran on into
/// (`The newspaper today`, `the Interior Ministry Saturday`, `the minister on
/// Sunday`, `the spokesman here`): what it is called ends before them.
pub fn without_time(context: &Context<'_>, source: Range<usize>) -> Range<usize> {
    let mut end = source.end;
    while end > source.start + 1 {
        let word = context.word(end - 1);
        let dangling =
            context.pos[end - 1] == "IN" || matches!(word, "," | ";" | ":" | "-" | "--" | "—" | "–");
        if is_day_word(word) || word.eq_ignore_ascii_case("here") || dangling {
            end -= 1;
        } else {
            break;
        }
    }
    source.start..end
}

/// A name is never split between a content and the speaker after it (`"...," Amal Saeed
/// said` with `Amal` tagged as content): the speaker takes the whole name.
pub fn split_name(
    tokens: &[Token],
    entities: &[Entity],
    source: Option<Range<usize>>,
    content: Range<usize>,
) -> (Option<Range<usize>>, Range<usize>) {
    let Some(speaker) = source else {
        return (None, content);
    };
    if speaker.start != content.end || speaker.start <= content.start {
        return (Some(speaker), content);
    }
    let first = tokens[speaker.start];
    let index = entities.partition_point(|e| e.span.end <= first.start);
    let name_start = entities
        .get(index)
        .filter(|e| e.span.start < first.start && e.span.end > first.start)
        .map(|e| tokens.partition_point(|t| t.start < e.span.start));
    match name_start {
        Some(start) if start > content.start => (Some(start..speaker.end), content.start..start),
        _ => (Some(speaker), content),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::attribution::content::{Candidate, Choice};
    use crate::annotate::attribution::fixture::Fixture;
    use crate::annotate::attribution::roles::Role;

    fn speaker_of(text: &str, roles: &[(Role, &str)], cue: &str, content: &str) -> Option<String> {
        let fixture = Fixture::new(text);
        let mut parts = Parts::new(&fixture.roles(roles));
        let piece = Candidate {
            index: None,
            tokens: fixture.at(content),
        };
        let choice = Choice {
            first: piece.clone(),
            last: piece,
        };
        let found = choose(
            &fixture.context(),
            &mut parts,
            &fixture.at(cue),
            &choice,
            None,
            None,
        );
        found.tokens.map(|range| fixture.words(&range))
    }

    #[test]
    fn the_tagged_source_before_the_cue_first() {
        let found = speaker_of(
            "The minister said the envoy would arrive.",
            &[(Role::Source, "The minister"), (Role::Cue, "said")],
            "said",
            "the envoy would arrive",
        );
        assert_eq!(found.as_deref(), Some("The minister"));
    }

    #[test]
    fn an_untagged_pronoun_or_name_before_the_cue() {
        let found = speaker_of(
            "Later, he told the meeting that work would go on.",
            &[(Role::Cue, "told")],
            "told",
            "work would go on",
        );
        assert_eq!(found.as_deref(), Some("he"));
    }

    #[test]
    fn according_to_names_what_follows() {
        let found = speaker_of(
            "Prices rose, according to industry sources.",
            &[(Role::Cue, "according to")],
            "according to",
            "Prices rose",
        );
        assert_eq!(found.as_deref(), Some("industry sources"));
    }

    #[test]
    fn a_label_before_a_colon_speaks() {
        let fixture = Fixture::new("Minister Layla Haddad: “We are ready for the talks.”");
        let paragraph = 0..fixture.tokens.len();
        let (label, colon) = speaker_label(&fixture.context(), &paragraph).expect("a label");
        assert_eq!(fixture.words(&label), "Minister Layla Haddad");
        assert_eq!(fixture.context().word(colon), ":");
        let dateline = Fixture::new("MANAMA: Bahrain has invited bids for a plant.");
        assert_eq!(
            speaker_label(&dateline.context(), &(0..dateline.tokens.len())),
            None
        );
    }

    #[test]
    fn an_apposition_keeps_its_head_noun() {
        let fixture = Fixture::new("The spokesperson for the ministry, Fatima Al-Zaabi, said so.");
        let source = fixture.at("the ministry, Fatima Al-Zaabi");
        assert_eq!(
            fixture.words(&with_head(&fixture.context(), source)),
            "The spokesperson for the ministry, Fatima Al-Zaabi"
        );
    }

    #[test]
    fn when_and_where_are_not_the_speaker() {
        let fixture = Fixture::new("The Interior Ministry Saturday denied the claims.");
        let source = fixture.at("The Interior Ministry Saturday");
        assert_eq!(
            fixture.words(&without_time(&fixture.context(), source)),
            "The Interior Ministry"
        );
        let fixture = Fixture::new("The minister on Sunday said the plan was ready.");
        let source = fixture.at("The minister on Sunday");
        assert_eq!(
            fixture.words(&without_time(&fixture.context(), source)),
            "The minister"
        );
        let fixture = Fixture::new("Sources here said the plan was ready.");
        let source = fixture.at("Sources here");
        assert_eq!(
            fixture.words(&without_time(&fixture.context(), source)),
            "Sources"
        );
    }

    #[test]
    fn a_name_is_not_split_between_content_and_speaker() {
        let fixture = Fixture::new("“We will win,” Amal Saeed said.");
        let content = fixture.at("“We will win,” Amal");
        let source = fixture.at("Saeed");
        let (speaker, content) = split_name(&fixture.tokens, &fixture.entities, Some(source), content);
        assert_eq!(speaker.map(|s| fixture.words(&s)).as_deref(), Some("Amal Saeed"));
        assert_eq!(fixture.words(&content), "“We will win,”");
    }
}
