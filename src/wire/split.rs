//! Splitting a file into articles. A new article starts:
//! - at a ` date YYYY-MM[-DD]` capture prefix, once the current article has content;
//! - after an end mark (`(end)`, ` Reuter`, `-- BERNAMA`, `NNNN`, ...) and the trailer lines
//!   that follow it (initials, MENAFN id line, disclaimer), at the next other line;
//! - at a strong dateline at the start of a line once the current article already had a
//!   dateline or body text, together with the headline right above it.

use std::ops::Range;

use crate::wire::dateline::{could_start_dateline, match_dateline};
use crate::wire::dates::capture_prefix;
use crate::wire::trailer::{ends_story, is_footer_start, is_trailer_line};

/// Splits `lines` into the line ranges of its articles, in order. Ranges cover every line
/// (blank lines between articles go with the article before them).
pub fn split_articles(lines: &[&str]) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut state = SegmentState::default();
    for (index, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            state.blank_before = true;
            continue;
        }
        let boundary = if state.has_content && capture_prefix(line).is_some() {
            Some(index)
        } else if state.in_footer {
            None
        } else if state.ended {
            let still_trailer = is_trailer_line(trimmed) || (state.in_disclaimer && !state.blank_before);
            (!still_trailer).then_some(index)
        } else if state.has_body_or_dateline && looks_like_new_story(lines, index) {
            Some(headline_above(lines, start, index))
        } else {
            None
        };
        if let Some(boundary) = boundary.filter(|&b| b > start) {
            ranges.push(start..boundary);
            start = boundary;
            state = SegmentState::default();
            // Lines between the boundary and this one (a headline) are content already.
            state.has_content = true;
        }
        state.observe(trimmed);
        state.blank_before = false;
    }
    if start < lines.len() {
        ranges.push(start..lines.len());
    }
    ranges
}

#[derive(Default)]
struct SegmentState {
    has_content: bool,
    has_body_or_dateline: bool,
    ended: bool,
    in_disclaimer: bool,
    in_footer: bool,
    blank_before: bool,
    sentences: usize,
}

impl SegmentState {
    fn observe(&mut self, line: &str) {
        self.has_content = true;
        if self.ended {
            if line.starts_with("Legal Disclaimer:") {
                self.in_disclaimer = true;
            }
            return;
        }
        if is_footer_start(line) && self.has_body_or_dateline {
            self.ended = true;
            self.in_disclaimer = line.starts_with("Legal Disclaimer:");
            self.in_footer = !self.in_disclaimer;
            return;
        }
        if ends_story(line) && self.has_body_or_dateline {
            self.ended = true;
            return;
        }
        // Body text: two sentence-sized lines (an editor's note or a caption is not enough).
        let sentence = line.len() >= 60 && line.ends_with(['.', '"', '”']) && !is_editors_note(line);
        if sentence {
            self.sentences += 1;
        }
        if !self.has_body_or_dateline
            && (self.sentences >= 2 || match_dateline(line).is_some_and(|d| d.strong))
        {
            self.has_body_or_dateline = true;
        }
    }
}

/// A strong dateline at the start of the line.
fn looks_like_new_story(lines: &[&str], index: usize) -> bool {
    let line = lines[index];
    if !could_start_dateline(line.trim_start_matches([' ', '*'])) {
        return false;
    }
    let previous_blank_or_title =
        index == 0 || lines[index - 1].trim().is_empty() || is_headline(lines[index - 1]);
    previous_blank_or_title && match_dateline(line).is_some_and(|d| d.strong && d.place.is_some())
}

/// Where the story whose dateline is at `index` starts: at the headline right above it (and
/// its repetition), if there is one, else at the dateline.
fn headline_above(lines: &[&str], start: usize, index: usize) -> usize {
    let Some(above) = previous_content_line(lines, start, index) else {
        return index;
    };
    if !is_headline(lines[above]) {
        return index;
    }
    let before = previous_content_line(lines, start, above);
    match before {
        Some(twice) if lines[twice].trim() == lines[above].trim() => twice,
        Some(other)
            if other + 1 == above && !lines[other].trim().is_empty() && !ends_story(lines[other].trim()) =>
        {
            index
        }
        _ => above,
    }
}

fn previous_content_line(lines: &[&str], start: usize, index: usize) -> Option<usize> {
    (start..index).rev().find(|&i| !lines[i].trim().is_empty())
}

/// A line shaped like a headline: short, no sentence end.
pub fn is_headline(line: &str) -> bool {
    let line = line.trim();
    // Three to two hundred characters (a character is one to four bytes).
    let chars = if line.is_ascii() {
        line.len()
    } else {
        line.chars().count()
    };
    if line.len() > 800 || !(3..=200).contains(&chars) {
        return false;
    }
    // A sentence may end inside its closing quote (`… unpunished.”`).
    let unquoted = line.trim_end_matches(['"', '”', '’', '\'']);
    line.chars().any(char::is_alphabetic)
        && (!unquoted.ends_with(['.', ',', ';', ':'])
            || (line.ends_with('.') && (shouts(line) || ends_with_abbreviation(line))))
        && !line.starts_with("By ")
        && !is_trailer_line(line)
}

/// True for the opening of an editor's note (`EDITOR'S NOTE: This story ...`).
pub fn is_editors_note(line: &str) -> bool {
    line.get(..13)
        .is_some_and(|start| start.eq_ignore_ascii_case("editor's note"))
}

/// True when a line has capital letters and no lowercase ones (a teletype headline may end
/// with `U.S.`). A script without case (Arabic) never shouts.
fn shouts(line: &str) -> bool {
    line.chars().any(char::is_uppercase) && !line.chars().any(char::is_lowercase)
}

/// Abbreviations a headline may end with.
const ABBREVIATIONS: &[&str] = &[
    "Corp.", "Inc.", "Co.", "Ltd.", "Jr.", "Sr.", "Bros.", "No.", "St.", "Dr.",
];

/// True when the last word is an abbreviation, an initialism (`U.S.`) or a month with a period
/// (`Jan.-Sept.`).
fn ends_with_abbreviation(line: &str) -> bool {
    let word = line.rsplit([' ', '-', '/']).next().unwrap_or("");
    let initialism = word.len() >= 4
        && word
            .split('.')
            .filter(|p| !p.is_empty())
            .all(|p| p.chars().count() == 1);
    initialism
        || ABBREVIATIONS.contains(&word)
        || crate::wire::dates::month_number(word).is_some_and(|_| word.len() <= 6)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<String> {
        let lines: Vec<&str> = text.lines().collect();
        split_articles(&lines)
            .into_iter()
            .map(|range| lines[range].join("\n").trim().to_string())
            .collect()
    }

    #[test]
    fn headlines() {
        for line in [
            "Amir receives envoy",
            "TAIWAN TO SEEK HIGHER TEXTILE EXPORTS TO U.S.",
            "Exports up in Jan.-Sept.",
            "Talks with U.S.",
            "Minister: “We will not wait”",
        ] {
            assert!(is_headline(line), "{line}");
        }
        for line in [
            "The minister said talks would resume.",
            "By Jane Roe",
            "x",
            "(end)",
            "Amir receives envoy,",
            "The minister said the attack “will not go unpunished.”",
            "افتتح الأمير المهرجان اليوم.",
        ] {
            assert!(!is_headline(line), "{line}");
        }
    }

    #[test]
    fn capture_prefixes_start_articles() {
        let text = " date 2024-03-26 KUWAIT, March 26 (KUNA) -- One.\n date 2024-03-27 KUWAIT, March 27 (KUNA) -- Two.";
        assert_eq!(split(text).len(), 2);
    }

    #[test]
    fn end_marks_end_articles_with_their_footer() {
        let text = "KUWAIT, March 26 (KUNA) -- The Amir received the envoy on the occasion of the visit today.\n(end)\nmke\n\nMENAFN26032024000071011013ID1107993908\n\nLegal Disclaimer:\nThe syndicator provides this text as is.\n\nKUWAIT, March 27 (KUNA) -- The Cabinet met on Wednesday under the chairmanship of the premier.";
        let parts = split(text);
        assert_eq!(parts.len(), 2, "{parts:#?}");
        assert!(parts[0].ends_with("as is."));
        assert!(parts[1].starts_with("KUWAIT, March 27"));
    }

    #[test]
    fn teletype_stories_split_after_the_sign_off_with_their_headline() {
        let text = "COCOA REVIEW\n    SALVADOR, Feb 26 - Showers continued throughout the week in the\ncocoa zone.\n Reuter\nGRAIN OUTLOOK\n    CHICAGO, Feb 26 - Grain prices rose.\n Reuter\n";
        let parts = split(text);
        assert_eq!(parts.len(), 2, "{parts:#?}");
        assert!(parts[1].starts_with("GRAIN OUTLOOK"));
    }

    #[test]
    fn a_second_dateline_starts_a_story_with_the_title_above() {
        let text = "Amir receives envoy\n\nKUWAIT, March 26 (KUNA) -- His Highness the Amir received the envoy of the United Nations today.\n\nCabinet meets\n\nKUWAIT, March 26 (KUNA) -- The Cabinet held its weekly meeting on Tuesday under the premier.";
        let parts = split(text);
        assert_eq!(parts.len(), 2, "{parts:#?}");
        assert!(parts[1].starts_with("Cabinet meets"));
    }

    #[test]
    fn history_lists_and_briefings_stay_whole() {
        let text = "KUWAIT, Sept 5 (KUNA) -- \n1993 -- The National Assembly approved a law on the protection of public funds.\n1999 -- A new school year began.\n(end)\nmt";
        assert_eq!(split(text).len(), 1);
        let briefing = "KUNA main news for Tuesday\n\nKUWAIT - The Amir received the ambassador of Japan at Bayan Palace on Tuesday.\n\nKUALA LUMPUR - Malaysia hosted a regional forum on food security that drew ministers.";
        assert_eq!(split(briefing).len(), 1);
    }
}
