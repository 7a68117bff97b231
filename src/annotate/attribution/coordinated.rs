//! A second reporting verb inside what a statement says, joined to the first by `and` or
//! `but` with no subject of its own (`The airline confirmed the cancellations, and later
//! indicated that ...`; `he would not name the buyers but did say that “...”`), is a statement
//! of its own by the same speaker: the first statement ends before the conjunction.

use super::grammar::AUXILIARIES;
use super::quotes::{inside_quotation, kind_of, opening_quote};
use super::reporting::is_reporting_verb;
use super::statements::{Context, Statement};
use crate::span::Span;

/// The statements with every coordinated second statement split off.
pub fn split_coordinated(context: &Context<'_>, statements: Vec<Statement>) -> Vec<Statement> {
    let mut out = Vec::with_capacity(statements.len());
    for statement in statements {
        let second = second_statement(context, &statement);
        match second {
            Some((first_end, second)) => {
                let mut first = statement;
                first.content.end = first_end;
                first.kind = kind_of(first.content.text(context.text));
                out.push(first);
                out.push(second);
            }
            None => out.push(statement),
        }
    }
    out
}

/// The end of the first content and the second statement, when the content holds one.
fn second_statement(context: &Context<'_>, statement: &Statement) -> Option<(usize, Statement)> {
    let Context { tokens, pos, .. } = *context;
    statement.speaker?;
    let first = tokens.partition_point(|t| t.end <= statement.content.start);
    let last = tokens.partition_point(|t| t.start < statement.content.end);
    let word = |i: usize| context.word(i).to_lowercase();
    for joint in first + 2..last.saturating_sub(3) {
        let comma = word(joint - 1) == ",";
        if !matches!(word(joint).as_str(), "and" | "but")
            || inside_quotation(context.text, tokens, first, joint)
        {
            continue;
        }
        // Adverbs and an emphatic `did` between the conjunction and the verb, no subject.
        let mut verb = joint + 1;
        while verb < last && (pos[verb] == "RB" || AUXILIARIES.contains(&word(verb).as_str())) {
            verb += 1;
        }
        let emphatic = verb > joint + 1 && word(verb - 1) == "did";
        let reports = is_reporting_verb(context.word(verb)) || (emphatic && word(verb) == "say");
        if !reports || !(comma || emphatic) || verb + 1 >= last {
            continue;
        }
        // What follows is said: `that ...` or a quotation.
        let mut start = verb + 1;
        if word(start) == "that" {
            start += 1;
        } else if !opening_quote(context.word(start)) {
            continue;
        }
        if start >= last {
            continue;
        }
        let cue_start = if emphatic { verb - 1 } else { verb };
        let first_end = if comma { joint - 1 } else { joint };
        let second = Statement {
            kind: kind_of(Span::new(tokens[start].start, statement.content.end).text(context.text)),
            speaker: statement.speaker,
            speaker_canonical: None,
            cue: Some(Span::new(tokens[cue_start].start, tokens[verb].end)),
            content: Span::new(tokens[start].start, statement.content.end),
        };
        return Some((tokens[first_end - 1].end, second));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::attribution::fixture::Fixture;

    fn split(text: &str, speaker: &str, content: &str) -> Vec<(String, String)> {
        let fixture = Fixture::new(text);
        let context = fixture.context();
        let span = |phrase: &str| {
            let range = fixture.at(phrase);
            Span::new(
                fixture.tokens[range.start].start,
                fixture.tokens[range.end - 1].end,
            )
        };
        let statement = Statement {
            kind: kind_of(content),
            speaker: Some(span(speaker)),
            speaker_canonical: None,
            cue: None,
            content: span(content),
        };
        split_coordinated(&context, vec![statement])
            .into_iter()
            .map(|s| {
                (
                    s.cue.map_or(String::new(), |c| c.text(text).to_string()),
                    s.content.text(text).to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn and_later_indicated_that() {
        let found = split(
            "The airline confirmed the cancellation of the morning flights, and later indicated that the evening ones would leave on time.",
            "The airline",
            "the cancellation of the morning flights, and later indicated that the evening ones would leave on time",
        );
        assert_eq!(
            found,
            [
                (
                    String::new(),
                    "the cancellation of the morning flights".to_string()
                ),
                (
                    "indicated".to_string(),
                    "the evening ones would leave on time".to_string()
                )
            ]
        );
    }

    #[test]
    fn but_did_say_a_quotation() {
        let found = split(
            "Al-Amin said he would not name the buyers but did say that “the first cargo leaves soon.”",
            "Al-Amin",
            "he would not name the buyers but did say that “the first cargo leaves soon.”",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[1].0, "did say");
        assert_eq!(found[1].1, "“the first cargo leaves soon.”");
    }

    #[test]
    fn a_clause_with_its_own_subject_is_not_split() {
        let found = split(
            "The minister said the council met and the envoy confirmed that talks would go on.",
            "The minister",
            "the council met and the envoy confirmed that talks would go on",
        );
        assert_eq!(found.len(), 1, "{found:?}");
    }
}
