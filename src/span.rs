//! Spans: half-open byte ranges into an article's text, on char boundaries. Every annotation is
//! a span; the text itself never changes. JSON output counts Unicode code points instead, which
//! [`CharOffsets`] converts to.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// The first byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The text the span covers.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// The length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies within this span.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Converts byte offsets of one text to Unicode code-point offsets, counting only the text
/// between one offset asked and the next (constant time per offset for a pure-ASCII text).
#[derive(Debug)]
pub struct CharOffsets<'a> {
    text: &'a str,
    ascii: bool,
    byte: usize,
    char: usize,
}

impl<'a> CharOffsets<'a> {
    /// A converter for `text`.
    pub fn new(text: &'a str) -> Self {
        CharOffsets {
            text,
            ascii: text.is_ascii(),
            byte: 0,
            char: 0,
        }
    }

    /// The code-point offset of byte offset `byte` (clamped to the text, rounded down to a char
    /// boundary).
    ///
    /// ```
    /// let mut offsets = newsdesk::span::CharOffsets::new("Koweït City");
    /// assert_eq!(offsets.char_offset(8), 7);
    /// assert_eq!(offsets.char_offset(0), 0);
    /// ```
    pub fn char_offset(&mut self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        if self.ascii {
            return byte;
        }
        // Count from the last offset asked, forwards or back.
        if byte >= self.byte {
            self.char += self.text[self.byte..byte].chars().count();
        } else {
            self.char -= self.text[byte..self.byte].chars().count();
        }
        self.byte = byte;
        self.char
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans() {
        let text = "Al-Sabah met Blinken";
        let span = Span::new(13, 20);
        assert_eq!(span.text(text), "Blinken");
        assert!(span.overlaps(&Span::new(19, 25)));
        assert!(!span.overlaps(&Span::new(0, 13)));
        assert!(Span::new(0, 20).contains(&span));
        assert_eq!(Span::new(3, 99).text(text), "");
    }

    #[test]
    fn char_offsets_in_any_order() {
        let text = "“Koweït” — Doha";
        let mut offsets = CharOffsets::new(text);
        let doha = text.find("Doha").expect("present");
        assert_eq!(offsets.char_offset(doha), 11);
        assert_eq!(offsets.char_offset(3), 1);
        assert_eq!(offsets.char_offset(text.len()), 15);
        assert_eq!(offsets.char_offset(2), 0, "inside a character rounds down");
    }
}
