//! Body reflow: lines as the copy lays them out become paragraphs separated by one blank line.
//!
//! - A blank line always ends a paragraph.
//! - In a block that mixes indented and flush lines (the 1987 teletype layout), an indented line
//!   starts a paragraph and flush lines continue it.
//! - Otherwise a line break is a hard wrap, and the lines are joined, when the next line's first
//!   word would not have fitted on the line (judged against the block's longest line, for blocks
//!   wrapped at 100 columns or less) or when the next line starts in lowercase; any other line
//!   break ends a paragraph (single-newline sites, lists such as `1993 -- ...`).

/// Reflows body lines into paragraphs separated by `\n\n`.
///
/// ```
/// use newsdesk::wire::paragraphs::reflow;
/// let lines = ["The minister said the talks", "would resume.", "", "Second paragraph."];
/// assert_eq!(reflow(&lines), "The minister said the talks would resume.\n\nSecond paragraph.");
/// ```
pub fn reflow(lines: &[&str]) -> String {
    let mut out = String::with_capacity(lines.iter().map(|line| line.len() + 1).sum());
    let mut block: Vec<&str> = Vec::new();
    for &line in lines {
        if line.trim().is_empty() {
            flush_block(&block, &mut out);
            block.clear();
        } else {
            block.push(line);
        }
    }
    flush_block(&block, &mut out);
    out
}

/// Appends one block of consecutive non-blank lines as one or more paragraphs.
fn flush_block(block: &[&str], out: &mut String) {
    if block.is_empty() {
        return;
    }
    let teletype = is_teletype(block);
    let width = block
        .iter()
        .map(|line| line.trim().chars().count())
        .max()
        .unwrap_or(0);
    let mut paragraph = String::new();
    for (index, line) in block.iter().enumerate() {
        let text = line.trim();
        if index > 0 {
            let previous = block[index - 1].trim();
            let joined = if teletype {
                !is_indented(line)
            } else {
                is_wrap(previous, text, width)
            };
            if joined {
                if !(previous.ends_with('-') && previous.len() > 1 && text.starts_with(char::is_lowercase)) {
                    paragraph.push(' ');
                }
            } else {
                push_paragraph(&paragraph, out);
                paragraph.clear();
            }
        }
        push_collapsed(text, &mut paragraph);
    }
    push_paragraph(&paragraph, out);
}

/// A block laid out like the teletype: some later lines indented, some flush.
fn is_teletype(block: &[&str]) -> bool {
    let later = &block[block.len().min(1)..];
    later.iter().any(|line| is_indented(line)) && later.iter().any(|line| !is_indented(line))
}

fn is_indented(line: &str) -> bool {
    line.starts_with("  ")
}

/// True when the break between `previous` and `next` is a hard wrap.
fn is_wrap(previous: &str, next: &str, width: usize) -> bool {
    if next.starts_with(char::is_lowercase) {
        return true;
    }
    if width > 100 || starts_list_item(next) {
        return false;
    }
    let next_word = char_count(next.split(' ').next().unwrap_or(""));
    let previous = char_count(previous);
    previous + 1 + next_word > width.saturating_sub(2).max(1) && previous * 4 >= width * 3
}

/// `1993 -- ...`, `- item`, `• item`, `* item`: lines that start list items.
fn starts_list_item(line: &str) -> bool {
    if line.starts_with(['•', '*', '·', '▪', '-', '–', '—']) {
        return true;
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    digits == 4 && line[4..].trim_start().starts_with(['-', '–', '—', ':'])
}

/// The number of characters (bytes, for ASCII text).
fn char_count(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    }
}

/// Appends `text` with runs of spaces collapsed to one.
fn push_collapsed(text: &str, out: &mut String) {
    if !text.contains("  ") {
        out.push_str(text);
        return;
    }
    let mut previous_space = false;
    for c in text.chars() {
        if c == ' ' {
            if !previous_space {
                out.push(' ');
            }
            previous_space = true;
        } else {
            out.push(c);
            previous_space = false;
        }
    }
}

fn push_paragraph(paragraph: &str, out: &mut String) {
    let paragraph = paragraph.trim();
    if paragraph.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push_str("\n\n");
    }
    out.push_str(paragraph);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn teletype_indentation_starts_paragraphs() {
        let lines = [
            "Rogers Corp said first quarter",
            "earnings will be up significantly.",
            "    The company said it expects revenues",
            "to be somewhat higher.",
        ];
        assert_eq!(
            reflow(&lines),
            "Rogers Corp said first quarter earnings will be up significantly.\n\nThe company said it expects revenues to be somewhat higher."
        );
    }

    #[test]
    fn long_lines_are_paragraphs_of_their_own() {
        let first = "A".repeat(120);
        let second = "B".repeat(110);
        assert_eq!(reflow(&[&first, &second]), format!("{first}\n\n{second}"));
    }

    #[test]
    fn hard_wraps_join_and_short_lines_end_paragraphs() {
        let lines = [
            "Azerbaijan's oil exports through the pipeline fell",
            "by ten percent in the first eight months of the",
            "year, the operator said.",
            "Shipments are expected to recover next year, it",
            "added.",
        ];
        assert_eq!(
            reflow(&lines),
            "Azerbaijan's oil exports through the pipeline fell by ten percent in the first eight months of the year, the operator said.\n\nShipments are expected to recover next year, it added."
        );
    }

    #[test]
    fn list_lines_stay_apart() {
        let lines = [
            "1961 -- Kuwait gains independence.",
            "1963 -- Kuwait joins the United Nations as its 111th member state.",
        ];
        assert_eq!(reflow(&lines), lines.join("\n\n"));
    }

    #[test]
    fn blank_line_runs_and_spaces_collapse() {
        assert_eq!(
            reflow(&["", "One  two", "", "", "", "Three", ""]),
            "One two\n\nThree"
        );
    }

    #[test]
    fn hyphenated_wraps_join_without_space() {
        assert_eq!(
            reflow(&["the well-", "known envoy said so in a long line of text"]),
            "the well-known envoy said so in a long line of text"
        );
    }
}
