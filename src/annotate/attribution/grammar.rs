//! Where the grammar of a cue's clause puts its speaker, before any guess by nearness: an
//! inverted trailing attribution (`"...," says X, founder of Y`), a relative pronoun's noun
//! (`officials who said`), a passive's agent (`it was announced by X`), an opening
//! participle's subject, the speaker before for `..., adding that`; `X quoted Y as saying`.
//! Also the word classes these rules share.

use std::ops::Range;

use super::content::participle_after;
use super::quotes::closing_quote;
use super::roles::Parts;
use super::statements::Context;
use super::tagger::is_cue_word;
use crate::annotate::entities::Entity;
use crate::annotate::tokens::Token;
use crate::wire::dates::is_weekday;

/// Auxiliaries between a relative pronoun and its verb (`that had declared`).
pub const AUXILIARIES: &[&str] = &["had", "has", "have", "would", "will", "did", "does", "do"];

/// Forms of `be`, which make a participle cue passive.
pub const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "'s", "’s"];

/// A token with no letter or digit.
pub fn is_punctuation(word: &str) -> bool {
    word.chars().all(|c| !c.is_alphanumeric())
}

/// Tags of the words of a noun phrase.
pub fn noun_like(tag: &str) -> bool {
    matches!(
        tag,
        "DT" | "PRP$" | "JJ" | "JJS" | "JJR" | "NN" | "NNS" | "NNP" | "NNPS" | "CD" | "POS"
    )
}

/// A present participle (`saying`), other than the preposition `according`.
pub fn participle(word: &str, tag: &str) -> bool {
    tag == "VBG" && !word.eq_ignore_ascii_case("according")
}

/// Words for when something was said (`said Tuesday`), which are not its speaker.
pub fn is_day_word(word: &str) -> bool {
    is_weekday(word)
        || ["today", "yesterday", "tonight"]
            .iter()
            .any(|day| day.eq_ignore_ascii_case(word))
}

/// The noun phrase that ends right before `end`: the entity there, else the run of nouns and
/// their modifiers.
pub fn noun_phrase_before(
    tokens: &[Token],
    pos: &[&str],
    end: usize,
    entities: &[Entity],
) -> Option<Range<usize>> {
    let last = end.checked_sub(1)?;
    let token = tokens[last];
    if let Some(entity) = entities
        .iter()
        .find(|e| e.span.start <= token.start && token.end <= e.span.end)
    {
        let first = (0..=last)
            .rev()
            .take_while(|&i| tokens[i].start >= entity.span.start)
            .last()?;
        return Some(first..end);
    }
    let first = (last.saturating_sub(5)..=last)
        .rev()
        .take_while(|&i| noun_like(pos[i]))
        .last()?;
    Some(first..end)
}

/// What the grammar of a cue's clause says about its speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpeakerByGrammar {
    /// The speaker is written there.
    Named(Range<usize>),
    /// No one speaks: a passive with no agent (`he was accused of`, `the plant is expected
    /// to`), a relative clause whose noun the tagger missed.
    Nobody,
    /// No rule applies: the nearest source is the speaker.
    Undecided,
}

impl SpeakerByGrammar {
    fn of(found: Option<Range<usize>>) -> SpeakerByGrammar {
        found.map_or(SpeakerByGrammar::Nobody, SpeakerByGrammar::Named)
    }
}

/// The speaker the grammar of the cue's clause dictates. `earlier` is the speaker of the
/// statement before in the same sentence.
pub fn speaker_by_grammar(
    context: &Context<'_>,
    cue: &Range<usize>,
    parts: &Parts,
    earlier: Option<Range<usize>>,
) -> SpeakerByGrammar {
    let Context { tokens, pos, .. } = *context;
    let Some(sentence) = context.sentence_at(cue.start) else {
        return SpeakerByGrammar::Undecided;
    };
    let word = |i: usize| context.word(i);
    let noun_phrase_from = |start: usize| -> Option<Range<usize>> {
        let end = (start..sentence.end.min(start + 12))
            .take_while(|&i| noun_like(pos[i]) || (word(i) == "of" && i > start))
            .last()?;
        Some(start..end + 1)
    };
    // `"...," says Paul Rieckhoff, founder of ...`: an inverted trailing attribution.
    let before_cue = cue.start.checked_sub(1).filter(|&i| i >= sentence.start);
    let after_content = before_cue.is_some_and(|i| {
        (word(i) == "," || closing_quote(word(i)))
            && i > sentence.start
            && !parts.in_source(i - 1)
            && is_cue_word(word(cue.start))
    });
    // `"...," said X, citing Y`: the participle is a statement of its own.
    let end = participle_after(context, cue.end, sentence.end);
    if after_content && end <= cue.end + 40 {
        let words: Vec<usize> = (cue.end..end)
            .filter(|&i| !is_punctuation(word(i)) && !is_day_word(word(i)))
            .collect();
        let nominal = (cue.end..end)
            .all(|i| is_punctuation(word(i)) || noun_like(pos[i]) || matches!(pos[i], "IN" | "CC"));
        if let (Some(&first), Some(&last), true) = (words.first(), words.last(), nominal) {
            if words.len() <= 14 && noun_like(pos[first]) && !matches!(pos[first], "POS" | "CD") {
                return SpeakerByGrammar::Named(first..last + 1);
            }
        }
    }
    // `officials who said`, `rules that promise`: the relative pronoun speaks for its antecedent.
    // `that` stands for the noun phrase before it (`nations that oppose`).
    let mut at = cue.start;
    if !matches!(pos[at], "WP" | "WDT") {
        while at > sentence.start
            && cue.start - at < 3
            && (matches!(pos[at - 1], "RB" | "MD") || AUXILIARIES.contains(&word(at - 1)))
        {
            at -= 1;
        }
        at = at.saturating_sub(1);
    }
    // `the oil slick that threatened`: `that` right before a finite verb is its subject, a
    // relative pronoun however the tagger took it (a conjunction `that` comes before a subject).
    // When the tagger also missed the noun it stands for, the clause has no speaker: it is
    // not the speaker of the sentence's other statement.
    let relative_that = at > sentence.start
        && at < cue.start
        && word(at).eq_ignore_ascii_case("that")
        && !matches!(pos[at], "WP" | "WDT")
        && matches!(pos[cue.start], "VBD" | "VBZ" | "VBP");
    if relative_that {
        return SpeakerByGrammar::of(noun_phrase_before(tokens, pos, at, context.entities));
    }
    if at >= sentence.start && matches!(pos[at], "WP" | "WDT") {
        if word(at).eq_ignore_ascii_case("that") {
            if let Some(antecedent) = noun_phrase_before(tokens, pos, at, context.entities) {
                return SpeakerByGrammar::Named(antecedent);
            }
        }
        return SpeakerByGrammar::Named(at..at + 1);
    }
    // `it was announced by the ministry`; `he was accused of`: no agent, no speaker.
    let passive = (cue.start..cue.end).any(|i| {
        pos[i] == "VBN"
            && (i.saturating_sub(3).max(sentence.start)..i)
                .any(|j| pos[j] != "POS" && BE.contains(&word(j).to_lowercase().as_str()))
    });
    // `members, called to service by the governor`: a participle with its agent.
    let agent_follows = cue.len() == 1
        && matches!(pos[cue.start], "VBN" | "VBD")
        && before_cue.is_some_and(|i| word(i) == ",")
        && (cue.end..sentence.end.min(cue.end + 4)).any(|i| word(i).eq_ignore_ascii_case("by"));
    if passive || agent_follows {
        if let Some(quoted) = quoted_subject(context, cue, sentence.start) {
            return SpeakerByGrammar::Named(quoted);
        }
        let by = (cue.end..sentence.end.min(cue.end + 15)).find(|&i| word(i).eq_ignore_ascii_case("by"));
        return SpeakerByGrammar::of(by.and_then(|i| noun_phrase_from(i + 1)));
    }
    // `After saying ..., she was whisked off`, `Lamenting their luck, Mexicans say`: an opening
    // participle's subject is the main clause's, after the comma.
    let opening =
        cue.start == sentence.start || (cue.start == sentence.start + 1 && pos[sentence.start] == "IN");
    if opening && participle(word(cue.start), pos[cue.start]) {
        if let Some(comma) = (cue.end..sentence.end.min(cue.end + 30)).find(|&i| word(i) == ",") {
            let start = comma + 1;
            if start < sentence.end && (pos[start] == "PRP" || noun_like(pos[start])) {
                let end = if pos[start] == "PRP" {
                    start + 1
                } else {
                    noun_phrase_from(start).map_or(start + 1, |r| r.end)
                };
                return SpeakerByGrammar::Named(start..end);
            }
        }
    }
    // `..., adding that` and `... and said`: the same speaker as the statement before.
    let joined = before_cue.is_some_and(|i| {
        let joint = word(i).to_lowercase();
        joint == "and" || joint == "but" || (joint == "," && participle(word(cue.start), pos[cue.start]))
    });
    match earlier {
        Some(speaker) if joined => SpeakerByGrammar::Named(speaker),
        _ => SpeakerByGrammar::Undecided,
    }
}

/// `"...," X was also quoted as saying`: the subject of a passive `quoted` speaks, the
/// name or pronoun right before its `be`.
fn quoted_subject(context: &Context<'_>, cue: &Range<usize>, sentence_start: usize) -> Option<Range<usize>> {
    let word = |i: usize| context.word(i).to_lowercase();
    let quoted = (cue.start..cue.end + 1)
        .take_while(|&i| i < context.tokens.len())
        .any(|i| word(i) == "quoted");
    if !quoted {
        return None;
    }
    let be = (sentence_start..cue.end)
        .rev()
        .find(|&i| BE.contains(&word(i).as_str()) && i <= cue.start + 1)?;
    let subject = be.checked_sub(1).filter(|&i| i >= sentence_start)?;
    if matches!(word(subject).as_str(), "he" | "she" | "they" | "it") {
        return Some(subject..subject + 1);
    }
    noun_phrase_before(context.tokens, context.pos, be, context.entities)
        .filter(|phrase| phrase.clone().any(|i| context.pos[i].starts_with("NNP")))
}

/// `The agency quoted the minister as saying (that) ...`: the one quoted, and what follows
/// `as saying`, if anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotedAsSaying {
    /// The one quoted.
    pub speaker: Range<usize>,
    /// What follows `as saying`, if anything.
    pub content: Option<Range<usize>>,
}

/// The speaker and content of a cue `quoted ... as saying`, when it is one.
pub fn quoted_as_saying(context: &Context<'_>, cue: &Range<usize>) -> Option<QuotedAsSaying> {
    let word = |i: usize| context.word(i).to_lowercase();
    if !matches!(word(cue.start).as_str(), "quoted" | "quotes" | "quoting") {
        return None;
    }
    let sentence = context.sentence_at(cue.start)?;
    let limit = sentence.end.min(cue.end + 16);
    // The tagger may have taken `quoted X as saying` for the cue: look inside it too.
    let as_at = (cue.start + 2..limit.saturating_sub(1))
        .find(|&i| word(i) == "as" && matches!(word(i + 1).as_str(), "saying" | "telling" | "stating"))?;
    let mut end = sentence.end;
    while end > as_at + 2
        && context
            .word(end - 1)
            .chars()
            .all(|c| !c.is_alphanumeric() && !matches!(c, '”' | '"' | '»' | '\'' | '’'))
    {
        end -= 1;
    }
    let content = (end > as_at + 2).then_some(as_at + 2..end);
    (as_at > cue.start + 1).then_some(QuotedAsSaying {
        speaker: cue.start + 1..as_at,
        content,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::attribution::fixture::Fixture;
    use crate::annotate::attribution::roles::Role;

    fn by_grammar(text: &str, roles: &[(Role, &str)], cue: &str, earlier: Option<&str>) -> Option<String> {
        let fixture = Fixture::new(text);
        let parts = Parts::new(&fixture.roles(roles));
        let earlier = earlier.map(|phrase| fixture.at(phrase));
        match speaker_by_grammar(&fixture.context(), &fixture.at(cue), &parts, earlier) {
            SpeakerByGrammar::Named(range) => Some(fixture.words(&range)),
            SpeakerByGrammar::Nobody => Some("nobody".into()),
            SpeakerByGrammar::Undecided => None,
        }
    }

    #[test]
    fn an_inverted_trailing_attribution_names_its_speaker() {
        let found = by_grammar(
            "“We will not wait,” said Ahmed Haddad, head of the delegation.",
            &[(Role::Content, "“We will not wait,”"), (Role::Cue, "said")],
            "said",
            None,
        );
        assert_eq!(found.as_deref(), Some("Ahmed Haddad, head of the delegation"));
    }

    #[test]
    fn a_relative_pronoun_speaks_for_its_noun() {
        let found = by_grammar(
            "Officials who declined to be named said talks would go on.",
            &[(Role::Cue, "said")],
            "declined",
            None,
        );
        assert_eq!(found.as_deref(), Some("who"));
    }

    #[test]
    fn a_passive_without_an_agent_has_no_speaker() {
        let found = by_grammar(
            "The plant was announced last year.",
            &[(Role::Cue, "was announced")],
            "was announced",
            None,
        );
        assert_eq!(found.as_deref(), Some("nobody"));
        let found = by_grammar(
            "It was announced by the central bank that rates would stay.",
            &[(Role::Cue, "was announced")],
            "was announced",
            None,
        );
        assert_eq!(found.as_deref(), Some("the central bank"));
    }

    #[test]
    fn the_one_quoted_in_a_passive_speaks() {
        let found = by_grammar(
            "“We will act soon,” Minister Omar Khalil was also quoted as saying.",
            &[(Role::Cue, "was also quoted as saying")],
            "was also quoted as saying",
            None,
        );
        assert_eq!(found.as_deref(), Some("Omar Khalil"));
    }

    #[test]
    fn adding_keeps_the_speaker_before() {
        let text = "The minister said the plan was ready, adding that work would start soon.";
        let found = by_grammar(text, &[(Role::Cue, "adding")], "adding", Some("The minister"));
        assert_eq!(found.as_deref(), Some("The minister"));
        assert_eq!(by_grammar(text, &[(Role::Cue, "adding")], "adding", None), None);
    }

    #[test]
    fn quoted_as_saying_gives_speaker_and_content() {
        let fixture = Fixture::new("The agency quoted the minister as saying the budget was balanced.");
        let found = quoted_as_saying(&fixture.context(), &fixture.at("quoted")).expect("quoted");
        assert_eq!(fixture.words(&found.speaker), "the minister");
        assert_eq!(
            found.content.map(|c| fixture.words(&c)).as_deref(),
            Some("the budget was balanced")
        );
    }
}
