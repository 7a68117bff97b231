//! Reported speech the tagger missed: in a sentence with no tagged content, a named speaker
//! followed by a reporting verb of wire copy (`Secretary Blinken also underlined the need to
//! ...`, `The minister stressed that ...`) makes a statement of the rest of the sentence, or
//! of the clause before it when the verb ends the sentence (`..., the Prime Minister
//! added.`); an [`inverted`](super::inverted) attribution (`..., said Transport Minister X on
//! state radio.`) makes one of the clause before its verb.

use std::ops::Range;

use super::inverted::inverted_attribution;
use super::referents::referring_word;
use super::roles::{Role, RoleSpans};
use super::statements::Context;
use crate::annotate::entities::EntityKind;

/// Finite forms of the verbs agencies report statements with.
const REPORTING_VERBS: &[&str] = &[
    "added",
    "adds",
    "affirmed",
    "affirms",
    "announced",
    "announces",
    "asserted",
    "asserts",
    "cautioned",
    "cautions",
    "commended",
    "commends",
    "condemned",
    "condemns",
    "confirmed",
    "confirms",
    "declared",
    "declares",
    "denied",
    "denies",
    "emphasised",
    "emphasises",
    "emphasized",
    "emphasizes",
    "explained",
    "explains",
    "expressed",
    "expresses",
    "highlighted",
    "highlights",
    "indicated",
    "indicates",
    "noted",
    "notes",
    "praised",
    "praises",
    "reaffirmed",
    "reaffirms",
    "reiterated",
    "reiterates",
    "revealed",
    "reveals",
    "said",
    "says",
    "stated",
    "states",
    "stressed",
    "stresses",
    "tells",
    "told",
    "underlined",
    "underlines",
    "underscored",
    "underscores",
    "urged",
    "urges",
    "voiced",
    "voices",
    "warned",
    "warns",
];

/// True for a finite reporting verb of wire copy (`stressed`, `underscores`).
pub fn is_reporting_verb(word: &str) -> bool {
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        REPORTING_VERBS.binary_search(&word).is_ok()
    } else {
        REPORTING_VERBS
            .binary_search(&word.to_lowercase().as_str())
            .is_ok()
    }
}

/// Roles for the statements of `paragraph` (a token range) that the tagged `roles` miss.
pub fn untagged_reports(
    context: &Context<'_>,
    paragraph: &Range<usize>,
    roles: &[(Role, Range<usize>)],
) -> RoleSpans {
    let Context {
        text,
        tokens,
        pos,
        sentences,
        sentence_of,
        entities,
    } = *context;
    let word = |i: usize| tokens[i].text(text);
    let mut found = RoleSpans::new();
    let (Some(&first), Some(&last)) = (
        sentence_of.get(paragraph.start),
        sentence_of.get(paragraph.end.wrapping_sub(1)),
    ) else {
        return found;
    };
    // Sentences where the tagger found something said are left to it, unless it found no
    // cue and the verb reporting it follows it (the tagger often marks the clause and misses
    // the cue after it).
    let tagged = |role: Role, sentence: &Range<usize>| {
        roles
            .iter()
            .any(|(r, range)| *r == role && sentence.contains(&range.start))
    };
    for sentence in sentences.get(first..=last).unwrap_or_default() {
        let said = tagged(Role::Content, sentence);
        if said && tagged(Role::Cue, sentence) {
            continue;
        }
        let verbs = (sentence.start + 1..sentence.end)
            .filter(|&i| matches!(pos[i], "VBD" | "VBZ" | "VBN") && is_reporting_verb(word(i)));
        // `..., affirmed X, adding ...`: the verb before its speaker.
        let mut inverted = verbs
            .clone()
            .filter_map(|verb| Some((verb, inverted_attribution(context, &(verb..verb + 1))?)));
        if let Some((verb, found_inverted)) = inverted.next() {
            found.push((Role::Content, found_inverted.content));
            found.push((Role::Cue, verb..verb + 1));
            found.push((Role::Source, found_inverted.speaker));
            continue;
        }
        let Some(verb) = verbs.clone().find(|&i| pos[i] != "VBN") else {
            continue;
        };
        let at_end = (verb + 1..sentence.end).all(|i| word(i).chars().all(|c| !c.is_alphanumeric()));
        if said && !at_end {
            continue;
        }
        // The subject right before the verb (over adverbs: `also`, `later`).
        let mut end = verb;
        while end > sentence.start && pos[end - 1] == "RB" {
            end -= 1;
        }
        let Some(head) = end.checked_sub(1).filter(|&i| i >= sentence.start) else {
            continue;
        };
        let entity = entities.partition_point(|e| e.span.end <= tokens[head].start);
        let named = entities.get(entity).is_some_and(|e| {
            e.span.start <= tokens[head].start
                && matches!(
                    e.kind,
                    EntityKind::Person | EntityKind::Title | EntityKind::Organization
                )
        });
        let pronoun = matches!(word(head).to_lowercase().as_str(), "he" | "she" | "they");
        // `The spokesman told`, `the report noted`, `the Prime Minister added`: a common noun
        // or a title heading its noun phrase.
        let noun = matches!(pos[head], "NN" | "NNS") || referring_word(word(head)).is_some();
        if !named && !pronoun && !noun {
            continue;
        }
        let start = (sentence.start..=head)
            .rev()
            .take_while(|&i| {
                matches!(
                    pos[i],
                    "NNP" | "NNPS" | "NN" | "DT" | "PRP" | "PRP$" | "POS" | "JJ"
                )
            })
            .last()
            .unwrap_or(head);
        // `told reporters (that) ...`: what was said follows whom it was told to.
        let mut content_start = verb + 1;
        if matches!(word(verb).to_lowercase().as_str(), "told" | "tells") {
            while content_start < sentence.end
                && content_start - verb <= 2
                && matches!(pos[content_start], "DT" | "JJ")
            {
                content_start += 1;
            }
            if content_start < sentence.end && matches!(pos[content_start], "PRP" | "NNS" | "NN" | "NNP") {
                content_start += 1;
            } else {
                content_start = verb + 1;
            }
        }
        let mut content_end = sentence.end;
        while content_end > content_start && word(content_end - 1).chars().all(|c| !c.is_alphanumeric()) {
            content_end -= 1;
        }
        if content_end > content_start {
            found.push((Role::Source, start..head + 1));
            found.push((Role::Cue, end..verb + 1));
            found.push((Role::Content, content_start..content_end));
        } else if start > sentence.start + 3 && word(start - 1) == "," {
            // `..., His Highness the Prime Minister added.`: the clause before the comma is
            // what was said, which the statement's content rule finds.
            found.push((Role::Source, start..head + 1));
            found.push((Role::Cue, end..verb + 1));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_verb_list_is_sorted_for_binary_search() {
        assert!(REPORTING_VERBS.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(is_reporting_verb("Underlined"));
        assert!(!is_reporting_verb("allowed"));
    }
}
