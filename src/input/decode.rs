//! Bytes to text: UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark, and
//! otherwise Windows-1252 (a superset of the Latin-1 that Reuters-21578 uses). Binary data is
//! refused.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Why bytes could not be read as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes hold NUL or many other control bytes: a binary file.
    NotText,
}

/// Decodes bytes to text.
///
/// ```
/// use newsdesk::input::decode::decode;
/// assert_eq!(decode("Koweït".as_bytes()).unwrap(), "Koweït");
/// assert_eq!(decode(b"Kowe\xeft").unwrap(), "Koweït");
/// assert!(decode(b"\x00\x01binary").is_err());
/// ```
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        return decode_without_bom(rest);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xff, 0xfe]) {
        return Ok(UTF_16LE.decode_without_bom_handling(rest).0.into_owned());
    }
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        return Ok(UTF_16BE.decode_without_bom_handling(rest).0.into_owned());
    }
    decode_without_bom(bytes)
}

fn decode_without_bom(bytes: &[u8]) -> Result<String, DecodeError> {
    if looks_binary(bytes) {
        return Err(DecodeError::NotText);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(_) => Ok(WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned()),
    }
}

/// NUL bytes, or more than one in fifty bytes a control other than tab, newline, form feed,
/// carriage return and escape.
fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.contains(&0) {
        return true;
    }
    let controls = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0c | b'\r' | 0x1b))
        .count();
    controls > 8 && controls * 50 > bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_order_marks() {
        assert_eq!(decode(b"\xef\xbb\xbfText").as_deref(), Ok("Text"));
        assert_eq!(decode(b"\xff\xfeK\x00U\x00").as_deref(), Ok("KU"));
        assert_eq!(decode(b"\xfe\xff\x00K\x00U").as_deref(), Ok("KU"));
    }

    #[test]
    fn windows_1252_punctuation() {
        assert_eq!(
            decode(b"\x93quoted\x94 \x96 dash").as_deref(),
            Ok("\u{201c}quoted\u{201d} \u{2013} dash")
        );
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(decode(b"text\0more"), Err(DecodeError::NotText));
        let noisy: Vec<u8> = (0..200u8).map(|i| if i % 3 == 0 { 1 } else { b'a' }).collect();
        assert_eq!(decode(&noisy), Err(DecodeError::NotText));
        assert!(decode(b"a few \x07 bells \x07 are fine in a long enough text").is_ok());
    }
}
