//! Text clean-up before parsing: one line-ending convention, ordinary spaces, and no control
//! characters or terminal escape sequences.

use std::borrow::Cow;

/// Normalises raw text:
/// - `\r\n` and lone `\r`, U+2028 and U+2029 become `\n`;
/// - no-break and other fixed-width spaces become a space, a tab becomes four spaces;
/// - ESC sequences (CSI `ESC [ ... final`, OSC `ESC ] ... BEL` or `ESC \`) are removed whole;
/// - other C0 and C1 control characters, DEL, byte-order marks and zero-width characters are removed.
///
/// Returns the input unchanged (borrowed) when there is nothing to do.
///
/// ```
/// use newsdesk::wire::normalize::normalize;
/// assert_eq!(normalize("a\r\nb\u{a0}c\u{1b}[31md\u{7}"), "a\nb cd");
/// ```
pub fn normalize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_work) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' => out.push_str("    "),
            '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2000}'..='\u{200a}' | '\u{3000}' => out.push(' '),
            '\u{1b}' => skip_escape_sequence(&mut chars),
            c if is_removed(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn needs_work(c: char) -> bool {
    matches!(
        c,
        '\r' | '\t' | '\u{2028}' | '\u{2029}' | '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2000}'
            ..='\u{200a}' | '\u{3000}' | '\u{1b}'
    ) || is_removed(c)
}

/// Control characters other than the newline, and invisible format characters.
fn is_removed(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(
            c,
            '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{fffe}'
        )
}

/// Skips the rest of an escape sequence whose ESC has been read.
fn skip_escape_sequence(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.peek() {
        Some('[') => {
            chars.next();
            // Parameters and intermediates, then one final byte in @..~.
            for c in chars.by_ref() {
                if ('\u{40}'..='\u{7e}').contains(&c) {
                    break;
                }
            }
        }
        Some(']') | Some('P') | Some('_') | Some('^') => {
            chars.next();
            // String sequences end with BEL or ESC \.
            while let Some(c) = chars.next() {
                if c == '\u{7}' {
                    break;
                }
                if c == '\u{1b}' {
                    if chars.peek() == Some(&'\\') {
                        chars.next();
                    }
                    break;
                }
            }
        }
        Some(_) => {
            // A two-character escape such as ESC c.
            chars.next();
        }
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(normalize("plain text\nand more"), Cow::Borrowed(_)));
    }

    #[test]
    fn line_endings_become_newlines() {
        assert_eq!(normalize("a\r\nb\rc\u{2029}d"), "a\nb\nc\nd");
    }

    #[test]
    fn escape_sequences_are_removed_whole() {
        let text =
            "safe\u{1b}]0;evil title\u{7} text\u{1b}[2J\u{1b}[1;31mred\u{1b}]8;;http://x\u{1b}\\link\u{9b}";
        assert_eq!(normalize(text), "safe textredlink");
    }

    #[test]
    fn controls_and_invisibles_go_spaces_stay() {
        assert_eq!(
            normalize("\u{feff}a\u{0}b\u{200b}c\u{7f}d\u{85}e\tf\u{a0}g"),
            "abcde    f g"
        );
    }
}
