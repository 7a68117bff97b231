//! Quotation marks: which way a mark faces, a quotation completed to its marks, the kind of
//! statement a content makes, and quotations that run over several paragraphs.

use std::ops::Range;

use super::statements::{Statement, StatementKind};
use crate::annotate::tokens::Token;

/// Whether a token opens a quotation.
pub fn opening_quote(word: &str) -> bool {
    matches!(word, "“" | "\"" | "«" | "``" | "''" | "'" | "‘")
}

/// Whether a token closes a quotation.
pub fn closing_quote(word: &str) -> bool {
    matches!(word, "”" | "\"" | "»" | "''" | "'" | "’")
}

/// Whether token `token` lies inside a quotation opened since token `from` (curly marks say
/// which way they face, straight ones alternate).
pub fn inside_quotation(text: &str, tokens: &[Token], from: usize, token: usize) -> bool {
    let mut open = false;
    for each in &tokens[from..token] {
        match each.text(text) {
            "“" | "«" => open = true,
            "”" | "»" => open = false,
            "\"" | "``" | "''" => open = !open,
            _ => {}
        }
    }
    open
}

/// A content that opens a quotation runs to its closing mark; one that closes a quotation starts
/// at its opening mark (a quote spans sentences the tagger may cut).
pub fn complete_quotation(text: &str, tokens: &[Token], content: Range<usize>, limit: usize) -> Range<usize> {
    let word = |i: usize| tokens[i].text(text);
    let mut range = content;
    if opening_quote(word(range.start)) && !(range.start + 1..range.end).any(|i| closing_quote(word(i))) {
        if let Some(close) =
            (range.end..limit.min(tokens.len()).min(range.end + 120)).find(|&i| closing_quote(word(i)))
        {
            range.end = close + 1;
        }
    }
    let last = range.end - 1;
    if closing_quote(word(last)) && !(range.start..last).any(|i| opening_quote(word(i))) {
        if let Some(open) = (range.start.saturating_sub(120)..range.start)
            .rev()
            .find(|&i| opening_quote(word(i)))
        {
            range.start = open;
        }
    }
    range
}

/// Whether the contents either side of a cue are quotations: the first ends at a closing mark
/// (or the comma before one), the second opens with a mark.
pub fn quote_halves(
    text: &str,
    tokens: &[Token],
    first: &Range<usize>,
    second: &Range<usize>,
) -> (bool, bool) {
    let word = |i: usize| tokens[i].text(text);
    let last = first.end - 1;
    let closes = closing_quote(word(last)) || (last + 1 < tokens.len() && closing_quote(word(last + 1)));
    (closes, opening_quote(word(second.start)))
}

/// Direct when the content is one quotation, mixed when it holds a quotation, else indirect.
pub fn kind_of(content: &str) -> StatementKind {
    let opens = |c: char| matches!(c, '"' | '“' | '«');
    let closes = |c: char| matches!(c, '"' | '”' | '»');
    let trimmed = content.trim_end_matches(['.', ',', ' ']);
    let starts = trimmed
        .chars()
        .next()
        .is_some_and(|c| opens(c) || matches!(c, '\'' | '‘'));
    let ends = trimmed
        .chars()
        .last()
        .is_some_and(|c| closes(c) || matches!(c, '\'' | '’'));
    let quote_marks = content.chars().filter(|&c| opens(c) || closes(c)).count();
    // A quotation left open at the end of its paragraph (not closed anywhere) is still direct.
    if starts && (ends || quote_marks == 1) {
        StatementKind::Direct
    } else if quote_marks >= 2 {
        StatementKind::Mixed
    } else {
        StatementKind::Indirect
    }
}

/// A quotation that runs over several paragraphs, each reopened with a quotation mark and
/// closed only at the end, is one statement: a content that opens a quotation left unclosed
/// at its paragraph's end runs on through the paragraphs that reopen it, to the closing mark.
/// `paragraphs` are token ranges in text order.
pub fn continue_quotations(
    text: &str,
    tokens: &[Token],
    paragraphs: &[Range<usize>],
    statements: &mut [Statement],
) {
    let word = |i: usize| tokens[i].text(text);
    let token_at = |offset: usize| tokens.partition_point(|t| t.end <= offset);
    // A paragraph with a cue of its own (`"We will win," he said.`) is its own statement.
    let mut cues: Vec<usize> = statements
        .iter()
        .filter_map(|s| s.cue)
        .map(|cue| token_at(cue.start))
        .collect();
    cues.sort_unstable();
    let has_cue = |paragraph: &Range<usize>| {
        let index = cues.partition_point(|&cue| cue < paragraph.start);
        cues.get(index).is_some_and(|&cue| cue < paragraph.end)
    };
    for statement in statements.iter_mut() {
        let first = token_at(statement.content.start);
        let last = token_at(statement.content.end.saturating_sub(1));
        if first >= tokens.len()
            || !opening_quote(word(first))
            || (first + 1..=last.min(tokens.len() - 1)).any(|i| closing_quote(word(i)))
        {
            continue;
        }
        let index = paragraphs.partition_point(|p| p.end <= first);
        let Some(paragraph) = paragraphs.get(index) else {
            continue;
        };
        // The content must reach the end of its paragraph (bar the final punctuation).
        if (last + 1..paragraph.end).any(|i| word(i).chars().any(char::is_alphanumeric)) {
            continue;
        }
        let mut end = None;
        for next in &paragraphs[index + 1..] {
            if next.is_empty() || !opening_quote(word(next.start)) || has_cue(next) {
                break;
            }
            if let Some(close) = (next.start + 1..next.end).find(|&i| closing_quote(word(i))) {
                end = Some(close);
                break;
            }
            end = Some(next.end - 1);
        }
        if let Some(end) = end {
            statement.content.end = tokens[end].end;
            statement.kind = StatementKind::Direct;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::tokens::tokenize;

    #[test]
    fn kinds() {
        assert_eq!(kind_of("“We will act,”"), StatementKind::Direct);
        assert_eq!(
            kind_of("that the talks were \"constructive\" and useful"),
            StatementKind::Mixed
        );
        assert_eq!(kind_of("that the talks would resume"), StatementKind::Indirect);
        assert_eq!(kind_of("“We will go on."), StatementKind::Direct);
    }

    #[test]
    fn a_quotation_is_completed_to_its_marks() {
        let text = "“We will act. We will win,” she said.";
        let tokens = tokenize(text);
        let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
        let win = words.iter().position(|w| *w == "We").map_or(0, |i| i + 4);
        let completed = complete_quotation(text, &tokens, win..win + 5, tokens.len());
        assert_eq!(words[completed.start], "“");
        let opened = complete_quotation(text, &tokens, 0..3, tokens.len());
        assert_eq!(words[opened.end - 1], "”");
    }

    #[test]
    fn inside_a_quotation() {
        let text = "He said: “We trust that Omar agrees.” Omar agrees, \"he says\" so.";
        let tokens = tokenize(text);
        let at = |word: &str, nth: usize| {
            tokens
                .iter()
                .enumerate()
                .filter(|(_, t)| t.text(text) == word)
                .nth(nth)
                .map_or(0, |(i, _)| i)
        };
        assert!(inside_quotation(text, &tokens, 0, at("agrees", 0)));
        assert!(!inside_quotation(text, &tokens, 0, at("agrees", 1)));
        assert!(inside_quotation(text, &tokens, 0, at("says", 0)));
    }

    #[test]
    fn the_halves_of_a_split_quotation() {
        let text = "“We will act,” he said, “and soon.”";
        let tokens = tokenize(text);
        let comma = tokens.iter().position(|t| t.text(text) == ",").unwrap_or(0);
        let reopen = tokens.len() - 5;
        assert_eq!(
            quote_halves(text, &tokens, &(0..comma + 1), &(reopen..tokens.len())),
            (true, true)
        );
    }
}
