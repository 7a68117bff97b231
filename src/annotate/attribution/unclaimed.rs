//! Quotations the tagger left without a statement: a quotation in double marks that no
//! statement's content covers, followed by its attribution (`"...," Al-Farsi, the minister of
//! X, told reporters`; `"...," said the minister`) or introduced by one (`He went on to say:
//! "..."`), is a direct statement of its own.

use std::ops::Range;

use super::reporting::is_reporting_verb;
use super::speech::reports_speech;
use super::statements::{Context, Statement};
use super::tagger::is_cue_word;
use crate::span::Span;

/// The fewest tokens a quotation has (marks included) to be someone's statement rather than a
/// name or a phrase in quotation marks.
const SHORTEST_QUOTATION: usize = 6;

/// How far after a quotation (or before it) its reporting verb may be, in tokens.
const ATTRIBUTION_REACH: usize = 12;

/// The statements of a paragraph's quotations that none of `statements` covers.
pub fn unclaimed_quotations(
    context: &Context<'_>,
    paragraph: &Range<usize>,
    statements: &[Statement],
) -> Vec<Statement> {
    let mut found = Vec::new();
    let mut at = paragraph.start;
    while at < paragraph.end {
        let Some(close) = closing_mark(context.word(at))
            .and_then(|marks| (at + 1..paragraph.end).find(|&i| marks.contains(&context.word(i))))
        else {
            at += 1;
            continue;
        };
        let quotation = at..close + 1;
        at = close + 1;
        let span = Span::new(context.tokens[quotation.start].start, context.tokens[close].end);
        let claimed = statements
            .iter()
            .any(|s| s.content.start < span.end && span.start < s.content.end);
        if quotation.len() < SHORTEST_QUOTATION || claimed {
            continue;
        }
        let attribution =
            attribution_after(context, &quotation).or_else(|| attribution_before(context, &quotation));
        if let Some((speaker, cue)) = attribution {
            found.push(context.statement(speaker, Some(cue), quotation));
        }
    }
    found
}

/// The marks that close a quotation opened by `word`, if it opens one (double marks only:
/// single ones are also apostrophes).
fn closing_mark(word: &str) -> Option<&'static [&'static str]> {
    match word {
        "“" => Some(&["”", "\""]),
        "\"" => Some(&["\"", "”"]),
        "«" => Some(&["»"]),
        "``" => Some(&["''"]),
        _ => None,
    }
}

/// Whether a token is a reporting verb that reports a statement here.
fn reports(context: &Context<'_>, token: usize) -> bool {
    let word = context.word(token);
    let verb = context.pos[token].starts_with("VB");
    (is_reporting_verb(word) || (verb && is_cue_word(word))) && reports_speech(context, &(token..token + 1))
}

/// `"...," Al-Farsi, the minister, told reporters` and `"...," said the minister`: the
/// speaker and cue after the quotation, in its sentence.
fn attribution_after(
    context: &Context<'_>,
    quotation: &Range<usize>,
) -> Option<(Option<Range<usize>>, Range<usize>)> {
    let sentence_end = context.sentence_at(quotation.end - 1)?.end;
    let start = (quotation.end..sentence_end).find(|&i| context.word(i) != ",")?;
    let limit = sentence_end.min(start + ATTRIBUTION_REACH);
    let cue = (start..limit).find(|&i| reports(context, i))?;
    if cue == start {
        // `said the minister`: the words after the cue, to the next comma or the end.
        let end = (cue + 1..limit)
            .find(|&i| matches!(context.word(i), "," | "." | ";"))
            .unwrap_or(limit);
        return Some(((end > cue + 1).then_some(cue + 1..end), cue..cue + 1));
    }
    // `Al-Farsi, the minister, told`: the name before its apposition.
    let end = (start..cue).find(|&i| context.word(i) == ",").unwrap_or(cue);
    names_someone(context, &(start..end)).then_some((Some(start..end), cue..cue + 1))
}

/// `He went on to say: "..."`: the cue right before the quotation's colon or comma, and the
/// nearest name or pronoun before it in the sentence.
fn attribution_before(
    context: &Context<'_>,
    quotation: &Range<usize>,
) -> Option<(Option<Range<usize>>, Range<usize>)> {
    let mark = quotation.start.checked_sub(1)?;
    if !matches!(context.word(mark), ":" | ",") {
        return None;
    }
    let sentence_start = context.sentence_at(mark)?.start;
    let reach = mark.saturating_sub(ATTRIBUTION_REACH / 2).max(sentence_start);
    let cue = (reach..mark).rev().find(|&i| reports(context, i))?;
    let speaker = (sentence_start..cue)
        .rev()
        .find(|&i| names_someone(context, &(i..i + 1)))
        .map(|i| name_around(context, i));
    Some((speaker, cue..cue + 1))
}

/// Whether tokens name someone: a pronoun, or a name the recogniser found.
fn names_someone(context: &Context<'_>, range: &Range<usize>) -> bool {
    if range.is_empty() || range.len() > 8 {
        return false;
    }
    let pronoun = range.len() == 1
        && matches!(
            context.word(range.start).to_lowercase().as_str(),
            "he" | "she" | "they" | "we" | "i"
        );
    let span = Span::new(
        context.tokens[range.start].start,
        context.tokens[range.end - 1].end,
    );
    pronoun
        || context
            .entities
            .iter()
            .any(|e| e.span.start < span.end && span.start < e.span.end)
}

/// The whole entity a token belongs to (or the token itself, for a pronoun).
fn name_around(context: &Context<'_>, token: usize) -> Range<usize> {
    let at = context.tokens[token];
    let Some(entity) = context
        .entities
        .iter()
        .find(|e| e.span.start <= at.start && at.end <= e.span.end)
    else {
        return token..token + 1;
    };
    let start = context.tokens.partition_point(|t| t.end <= entity.span.start);
    let end = context.tokens.partition_point(|t| t.start < entity.span.end);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::attribution::fixture::Fixture;

    fn unclaimed(text: &str) -> Vec<(Option<String>, Option<String>, String)> {
        let fixture = Fixture::new(text);
        let paragraph = 0..fixture.tokens.len();
        unclaimed_quotations(&fixture.context(), &paragraph, &[])
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

    #[test]
    fn an_attribution_after_the_quotation() {
        let found = unclaimed(
            "“We will not accept any delay in the works,” Al-Farsi, the minister of works, told reporters.",
        );
        assert_eq!(
            found,
            [(
                Some("Al-Farsi".to_string()),
                Some("told".to_string()),
                "“We will not accept any delay in the works,”".to_string()
            )]
        );
        let found = unclaimed("\"The plant will be ready by the summer,\" said the minister.");
        assert_eq!(found[0].0.as_deref(), Some("the minister"));
    }

    #[test]
    fn an_attribution_before_the_quotation() {
        let found = unclaimed("He went on to say: \"There are double standards in what is happening.\"");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0.as_deref(), Some("He"));
        assert_eq!(found[0].1.as_deref(), Some("say"));
    }

    #[test]
    fn a_phrase_in_quotation_marks_is_not_a_statement() {
        assert!(unclaimed("The minister called the plan \"a success\" on Monday.").is_empty());
        assert!(unclaimed("The \"Water for All\" campaign ends on Monday, organisers said.").is_empty());
    }
}
