//! Article text made safe for a terminal: escape sequences (CSI, OSC, single-character
//! escapes) are removed whole, other control characters (C0 but line feed, DEL, C1) and
//! bidirectional overrides are dropped, and tabs become spaces. Nothing from an article reaches
//! a terminal without passing through here.

use std::borrow::Cow;

/// True for characters that are never written to a terminal as they are.
fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` without escape sequences and control characters; line feeds are kept, a tab becomes
/// a space.
///
/// ```
/// use newsdesk::printed::safe_text::printable;
/// assert_eq!(printable("a\u{1b}[31mred\u{1b}[0m\u{7}b\tc"), "aredb c");
/// assert_eq!(printable("title\u{1b}]0;owned\u{7} end"), "title end");
/// ```
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\t' => out.push(' '),
            '\u{1b}' => match chars.next() {
                // CSI: parameters and intermediates, then one final byte.
                Some('[') => skip_csi(&mut chars),
                // OSC, DCS, SOS, PM, APC: a string ended by BEL or ST (ESC \).
                Some(']' | 'P' | 'X' | '^' | '_') => skip_string(&mut chars),
                _ => {}
            },
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            c if is_unsafe(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) {
            return;
        }
    }
}

fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => return,
            '\u{1b}' if chars.peek() == Some(&'\\') => {
                chars.next();
                return;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_control_is_removed() {
        let cases = [
            (
                "plain text, Arabic كلمة and 中文",
                "plain text, Arabic كلمة and 中文",
            ),
            (
                "bell\u{7} backspace\u{8} nul\u{0} del\u{7f}",
                "bell backspace nul del",
            ),
            ("csi \u{1b}[2J\u{1b}[1;31mred", "csi red"),
            ("osc \u{1b}]52;c;cGF5bG9hZA==\u{7}after", "osc after"),
            ("osc st \u{1b}]8;;http://x\u{1b}\\link", "osc st link"),
            ("c1 csi \u{9b}31m and nel\u{85}", "c1 csi  and nel"),
            ("dcs \u{1b}Pq#0;2;0;0;0\u{1b}\\ end", "dcs  end"),
            ("bidi \u{202e}txt\u{2066}", "bidi txt"),
            ("two\nlines\r\n", "two\nlines\n"),
            ("tab\there", "tab here"),
            ("unterminated \u{1b}]0;title", "unterminated "),
            ("lone escape at end \u{1b}", "lone escape at end "),
        ];
        for (input, expected) in cases {
            assert_eq!(printable(input), expected, "{input:?}");
        }
    }

    #[test]
    fn clean_text_is_not_copied() {
        assert!(matches!(printable("clean"), Cow::Borrowed(_)));
    }
}
