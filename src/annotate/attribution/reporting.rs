//! Reported speech the tagger missed: in a sentence with no tagged content, a named speaker
//! followed by a reporting verb of wire copy (`Secretary Blinken also underlined the need to
//! ...`, `The minister stressed that ...`) makes a statement of the rest of the sentence, or
//! of the clause before it when the verb ends the sentence (`..., the Prime Minister
//! added.`); an [`inverted`](super::inverted) attribution (`..., said Transport Minister X on
//! state radio.`) makes one of the clause before its verb.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use super::grammar::AUXILIARIES;
use super::inverted::inverted_attribution;
use super::quotes::inside_quotation;
use super::referents::referring_word;
use super::roles::{Role, RoleSpans};
use super::statements::Context;
use crate::annotate::entities::EntityKind;

/// The reporting verbs and phrases of `assets/attribution/reporting_verbs.txt`.
struct ReportingWords {
    verbs: HashSet<&'static str>,
    phrases: Vec<Vec<&'static str>>,
}

static REPORTING: LazyLock<ReportingWords> = LazyLock::new(|| {
    let mut words = ReportingWords {
        verbs: HashSet::new(),
        phrases: Vec::new(),
    };
    for line in include_str!("../../../assets/attribution/reporting_verbs.txt").lines() {
        let entry: Vec<&str> = line.split('#').next().unwrap_or("").split_whitespace().collect();
        match entry.as_slice() {
            [] => {}
            [verb] => {
                words.verbs.insert(verb);
            }
            _ => words.phrases.push(entry),
        }
    }
    words
});

/// True for a finite reporting verb of wire copy (`stressed`, `underscores`).
pub fn is_reporting_verb(word: &str) -> bool {
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        REPORTING.verbs.contains(word)
    } else {
        REPORTING.verbs.contains(word.to_lowercase().as_str())
    }
}

/// The end (exclusive) of a reporting phrase (`pointed out`, `went on to say`) that starts at
/// token `at`, given each token's text by `word` and the end of the text by `end`.
pub fn reporting_phrase<'w>(word: impl Fn(usize) -> &'w str, at: usize, end: usize) -> Option<usize> {
    REPORTING.phrases.iter().find_map(|phrase| {
        let fits = at + phrase.len() <= end
            && phrase
                .iter()
                .enumerate()
                .all(|(offset, part)| word(at + offset).eq_ignore_ascii_case(part));
        fits.then_some(at + phrase.len())
    })
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
        // `has (repeatedly) assured`: a participle after `have` is no passive.
        let perfect = |verb: usize| {
            (sentence.start..verb)
                .rev()
                .find(|&i| pos[i] != "RB")
                .is_some_and(|i| matches!(word(i).to_lowercase().as_str(), "has" | "have" | "had"))
        };
        // Reporting verbs and phrases, as cue ranges.
        let cues = (sentence.start + 1..sentence.end).filter_map(|i| {
            if let Some(end) = reporting_phrase(word, i, sentence.end) {
                return Some(i..end);
            }
            (matches!(pos[i], "VBD" | "VBZ" | "VBN") && is_reporting_verb(word(i))).then_some(i..i + 1)
        });
        // `..., affirmed X, adding ...`: the verb before its speaker.
        let mut inverted = cues
            .clone()
            .filter_map(|cue| Some((cue.clone(), inverted_attribution(context, &cue)?)));
        if let Some((cue, found_inverted)) = inverted.next() {
            found.push((Role::Content, found_inverted.content));
            found.push((Role::Cue, cue));
            found.push((Role::Source, found_inverted.speaker));
            continue;
        }
        // Not what someone says in a quotation (`“... I trust that X acknowledges ...”`).
        let Some(cue) = cues.clone().find(|cue| {
            (pos[cue.start] != "VBN" || perfect(cue.start))
                && !inside_quotation(text, tokens, paragraph.start, cue.start)
        }) else {
            continue;
        };
        let verb = cue.start;
        let at_end = (cue.end..sentence.end).all(|i| word(i).chars().all(|c| !c.is_alphanumeric()));
        if said && !at_end {
            continue;
        }
        // The subject right before the verb, over adverbs (`also`, `later`), which the cue
        // keeps, and auxiliaries (`has repeatedly`), which it does not; and over a phrase set
        // off by commas (`X, speaking at the fair, disclosed`).
        let mut end = verb;
        while end > sentence.start && pos[end - 1] == "RB" {
            end -= 1;
        }
        let mut subject_end = end;
        while subject_end > sentence.start
            && (pos[subject_end - 1] == "RB"
                || pos[subject_end - 1] == "MD"
                || AUXILIARIES.contains(&word(subject_end - 1)))
        {
            subject_end -= 1;
        }
        if subject_end < end {
            end = verb;
        }
        if subject_end > sentence.start + 2 && word(subject_end - 1) == "," {
            if let Some(comma) = (subject_end.saturating_sub(12).max(sentence.start + 1)..subject_end - 1)
                .rev()
                .find(|&i| word(i) == ",")
            {
                subject_end = comma;
            }
        }
        let Some(head) = subject_end.checked_sub(1).filter(|&i| i >= sentence.start) else {
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
        let mut content_start = cue.end;
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
        // `assured residents that ...`: what was said follows `that` after whom it was said to.
        let object_then_that = (content_start..sentence.end.min(content_start + 5))
            .find(|&i| word(i).eq_ignore_ascii_case("that"))
            .filter(|&that| {
                that > content_start
                    && (content_start..that)
                        .all(|i| matches!(pos[i], "DT" | "JJ" | "NN" | "NNS" | "NNP" | "PRP"))
            });
        if let Some(that) = object_then_that {
            content_start = that + 1;
        }
        let mut content_end = sentence.end;
        while content_end > content_start && word(content_end - 1).chars().all(|c| !c.is_alphanumeric()) {
            content_end -= 1;
        }
        if content_end > content_start {
            found.push((Role::Source, start..head + 1));
            found.push((Role::Cue, end..cue.end));
            found.push((Role::Content, content_start..content_end));
        } else if start > sentence.start + 3 && word(start - 1) == "," {
            // `..., His Highness the Prime Minister added.`: the clause before the comma is
            // what was said, which the statement's content rule finds.
            found.push((Role::Source, start..head + 1));
            found.push((Role::Cue, end..cue.end));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reporting_verbs_in_any_case() {
        assert!(is_reporting_verb("Underlined"));
        assert!(is_reporting_verb("refuted"));
        assert!(!is_reporting_verb("allowed"));
    }

    #[test]
    fn reporting_phrases() {
        let words = ["He", "went", "on", "to", "say", "that"];
        assert_eq!(reporting_phrase(|i| words[i], 1, words.len()), Some(5));
        assert_eq!(reporting_phrase(|i| words[i], 0, words.len()), None);
        let words = ["spoke", "highly"];
        assert_eq!(reporting_phrase(|i| words[i], 0, words.len()), None);
    }
}
