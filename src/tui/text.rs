//! Text measured in terminal columns: wide characters (CJK, emoji) take two, combining marks
//! none. Truncation and padding keep columns aligned; wrapping breaks at spaces and cuts words
//! longer than a line.

use ratatui::style::Style;
use ratatui::text::Span;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The columns `text` takes.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

fn char_width(c: char) -> usize {
    UnicodeWidthChar::width(c).unwrap_or(0)
}

/// `text` cut to at most `columns` columns, ending in `…` when cut.
pub fn truncate(text: &str, columns: usize) -> String {
    if width(text) <= columns {
        return text.to_string();
    }
    if columns == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = char_width(c);
        if used + w > columns - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `text` in exactly `columns` columns: cut with `…` or padded with spaces.
pub fn fit(text: &str, columns: usize) -> String {
    let mut out = truncate(text, columns);
    let used = width(&out);
    out.extend(std::iter::repeat_n(' ', columns.saturating_sub(used)));
    out
}

/// A run of text with one style, tagged with the statement it belongs to, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// The text (printable already; `\n` breaks the line).
    pub text: String,
    /// Its style.
    pub style: Style,
    /// The statement it belongs to.
    pub tag: Option<usize>,
}

/// A wrapped line: its spans and the tags of the segments on it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WrappedLine {
    /// The styled text.
    pub spans: Vec<Span<'static>>,
    /// The tags of the text on the line, in order, without repeats.
    pub tags: Vec<usize>,
}

/// Breaks segments into lines of at most `columns` columns: at spaces when it can, inside a
/// word longer than a line when it must, and at every `\n`. Spaces at a break are dropped.
pub fn wrap(segments: &[Segment], columns: usize) -> Vec<WrappedLine> {
    let columns = columns.max(2);
    let cells: Vec<(char, usize)> = segments
        .iter()
        .enumerate()
        .flat_map(|(index, segment)| segment.text.chars().map(move |c| (c, index)))
        .collect();
    let mut lines = Vec::new();
    let mut line: Vec<(char, usize)> = Vec::new();
    let mut used = 0;
    // True at the start of a line made by wrapping (not by `\n`), where spaces are dropped.
    let mut wrapped = false;
    let mut i = 0;
    while i < cells.len() {
        let (c, _) = cells[i];
        if c == '\n' {
            lines.push(std::mem::take(&mut line));
            used = 0;
            wrapped = false;
            i += 1;
            continue;
        }
        let space = c.is_whitespace();
        let mut end = i;
        while end < cells.len() && cells[end].0 != '\n' && cells[end].0.is_whitespace() == space {
            end += 1;
        }
        let run = &cells[i..end];
        let run_width: usize = run.iter().map(|(c, _)| char_width(*c)).sum();
        if space {
            if used == 0 && wrapped {
                // Spaces at a wrap are dropped.
            } else if used + run_width <= columns {
                line.extend_from_slice(run);
                used += run_width;
            } else {
                lines.push(std::mem::take(&mut line));
                used = 0;
                wrapped = true;
            }
        } else if used + run_width <= columns {
            line.extend_from_slice(run);
            used += run_width;
        } else if run_width <= columns {
            lines.push(std::mem::take(&mut line));
            line.extend_from_slice(run);
            used = run_width;
            wrapped = true;
        } else {
            for &(c, index) in run {
                let w = char_width(c);
                if used + w > columns && used > 0 {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                    wrapped = true;
                }
                line.push((c, index));
                used += w;
            }
        }
        i = end;
    }
    lines.push(line);
    lines
        .into_iter()
        .map(|cells| styled_line(&cells, segments))
        .collect()
}

fn styled_line(cells: &[(char, usize)], segments: &[Segment]) -> WrappedLine {
    let kept = cells
        .iter()
        .rposition(|(c, _)| !c.is_whitespace())
        .map_or(0, |last| last + 1);
    let cells = &cells[..kept];
    let mut line = WrappedLine::default();
    let mut text = String::new();
    let mut current: Option<usize> = None;
    for &(c, index) in cells {
        if current.is_some_and(|cur| segments[cur].style != segments[index].style) {
            if let Some(cur) = current {
                line.spans
                    .push(Span::styled(std::mem::take(&mut text), segments[cur].style));
            }
        }
        current = Some(index);
        text.push(c);
        if let Some(tag) = segments[index].tag {
            if !line.tags.contains(&tag) {
                line.tags.push(tag);
            }
        }
    }
    if let Some(cur) = current {
        line.spans.push(Span::styled(text, segments[cur].style));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> Vec<Segment> {
        vec![Segment {
            text: text.to_string(),
            style: Style::default(),
            tag: None,
        }]
    }

    fn texts(lines: &[WrappedLine]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn wraps_at_spaces_and_cuts_long_words() {
        let lines = wrap(
            &plain("the talks would resume\n\nsupercalifragilistic end\n  kept"),
            10,
        );
        assert_eq!(
            texts(&lines),
            [
                "the talks",
                "would",
                "resume",
                "",
                "supercalif",
                "ragilistic",
                "end",
                "  kept"
            ]
        );
    }

    #[test]
    fn wide_characters_count_two_columns() {
        assert_eq!(width("中文"), 4);
        assert_eq!(fit("中文字", 5), "中文…");
        assert_eq!(fit("中文", 5), "中文 ");
        assert_eq!(fit("ab", 4), "ab  ");
        assert_eq!(width(&fit("🌊 wave", 4)), 4);
        let lines = wrap(&plain("中文中文中文"), 5);
        assert!(
            lines
                .iter()
                .all(|l| width(&texts(std::slice::from_ref(l))[0]) <= 5)
        );
        assert_eq!(fit("مرحبا بالعالم", 6), "مرحبا…");
    }

    #[test]
    fn tags_follow_their_text() {
        let segments = vec![
            Segment {
                text: "one two ".into(),
                style: Style::default(),
                tag: None,
            },
            Segment {
                text: "three".into(),
                style: Style::default().bold(),
                tag: Some(4),
            },
        ];
        let lines = wrap(&segments, 8);
        assert_eq!(texts(&lines), ["one two", "three"]);
        assert_eq!(lines[1].tags, [4]);
        assert!(lines[0].tags.is_empty());
    }
}
