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
    if !may_need_work(text.as_bytes()) {
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

/// A fast byte scan: false when the text certainly needs nothing done — no control byte, tab
/// or DEL, and none of the UTF-8 sequences of the characters that `normalize` changes (C1
/// controls and U+00A0; U+2000–U+200D, U+2028, U+2029, U+202F, U+2060; U+3000; U+FEFF, U+FFFE).
fn may_need_work(bytes: &[u8]) -> bool {
    // Eight bytes at a time: a chunk of printable ASCII (no byte below 0x20, none at or above
    // 0x7f) needs no closer look.
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut start = 0;
    while start + 8 <= bytes.len() {
        let mut word = [0u8; 8];
        word.copy_from_slice(&bytes[start..start + 8]);
        let x = u64::from_le_bytes(word);
        let below_space = x.wrapping_sub(ONES * 0x20) & !x & HIGHS;
        let del = x ^ (ONES * 0x7f);
        let is_del = del.wrapping_sub(ONES) & !del & HIGHS;
        if (x & HIGHS) | below_space | is_del != 0 && bytes_need_work(bytes, start, start + 8) {
            return true;
        }
        start += 8;
    }
    bytes_need_work(bytes, start, bytes.len())
}

/// The exact check of `bytes[from..to]` (a sequence starting there may run past `to`).
fn bytes_need_work(bytes: &[u8], from: usize, to: usize) -> bool {
    let mut index = from;
    while index < to {
        let b = bytes[index];
        let next = |offset: usize| bytes.get(index + offset).copied().unwrap_or(0);
        let hit = match b {
            b'\n' => false,
            0x00..=0x1f | 0x7f => true,
            0xc2 => (0x80..=0xa0).contains(&next(1)),
            0xe2 => match next(1) {
                0x80 => matches!(next(2), 0x80..=0x8d | 0xa8 | 0xa9 | 0xaf),
                0x81 => next(2) == 0xa0,
                _ => false,
            },
            0xe3 => next(1) == 0x80 && next(2) == 0x80,
            0xef => (next(1) == 0xbb && next(2) == 0xbf) || (next(1) == 0xbf && next(2) == 0xbe),
            _ => false,
        };
        if hit {
            return true;
        }
        index += 1;
    }
    false
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

    /// `normalize` forced through its slow path by a leading tab (which becomes four spaces).
    fn normalize_slowly(text: &str) -> String {
        normalize(&format!("\t{text}"))[4..].to_string()
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(
            normalize("plain text\nand more — with “quotes” – and Koweït"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn the_byte_scan_sees_every_changed_character() {
        // Every character that normalising changes, at every position of an eight-byte chunk.
        for c in '\0'..='\u{ffff}' {
            let probe = format!("a{c}b");
            if normalize_slowly(&probe) == probe {
                continue;
            }
            for before in 0..10 {
                let text = format!("{}{c}{}", "a".repeat(before), "b".repeat(9));
                assert!(
                    may_need_work(text.as_bytes()),
                    "U+{:04X} after {before}",
                    c as u32
                );
            }
        }
        assert!(!may_need_work(
            "Plain ASCII text, with no controls at all — and dashes.".as_bytes()
        ));
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
