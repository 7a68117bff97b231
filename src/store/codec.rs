//! The stored form of an article's annotations: a compact binary encoding (about a tenth of
//! the JSON), fast to write on import and to read when an article is shown.
//!
//! Layout, integers as LEB128 varints (signed ones zigzag-encoded):
//! `FORMAT`, then the distinct canonical names (`count`, then `length bytes` each), then the
//! entities (`count`, then `start-delta length kind name-index` each), the time expressions
//! (`count`, then `start-delta length resolution [day [day]]` each) and the statements (`count`,
//! then `flags [speaker-start speaker-length] [name-index] [cue-start cue-length]
//! content-start content-length` each). Decoding checks every length and index: a damaged
//! value is an error, never a panic.

use chrono::{Datelike, NaiveDate};

use super::rows::KINDS;
use crate::annotate::Annotations;
use crate::annotate::attribution::statements::{Statement, StatementKind};
use crate::annotate::entities::Entity;
use crate::annotate::time::{Resolved, TimeExpression};
use crate::span::Span;

/// The first byte of an encoded value: the layout's version.
const FORMAT: u8 = 1;

/// Statement flag bits.
const HAS_SPEAKER: u8 = 1 << 2;
const HAS_CANONICAL: u8 = 1 << 3;
const HAS_CUE: u8 = 1 << 4;
const KIND_MASK: u8 = 0b11;

/// Why stored annotations could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("damaged annotations: {0}")]
pub struct DecodeError(&'static str);

/// The index of `name` in `names`, added when new.
fn name_index<'a>(name: &'a str, names: &mut Vec<&'a str>) -> usize {
    match names.iter().position(|n| *n == name) {
        Some(index) => index,
        None => {
            names.push(name);
            names.len() - 1
        }
    }
}

/// Encodes annotations.
pub fn encode(annotations: &Annotations) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 + annotations.entities.len() * 8);
    out.push(FORMAT);
    let mut names: Vec<&str> = Vec::new();
    let mut entity_names = Vec::with_capacity(annotations.entities.len());
    for entity in &annotations.entities {
        entity_names.push(name_index(&entity.canonical, &mut names));
    }
    let mut speaker_names = Vec::with_capacity(annotations.statements.len());
    for statement in &annotations.statements {
        speaker_names.push(
            statement
                .speaker_canonical
                .as_deref()
                .map(|name| name_index(name, &mut names)),
        );
    }
    put(&mut out, names.len() as u64);
    for name in &names {
        put(&mut out, name.len() as u64);
        out.extend_from_slice(name.as_bytes());
    }
    put(&mut out, annotations.entities.len() as u64);
    let mut previous = 0;
    for (entity, name) in annotations.entities.iter().zip(entity_names) {
        put_span_delta(&mut out, entity.span, &mut previous);
        out.push(super::rows::kind_code(entity.kind) as u8);
        put(&mut out, name as u64);
    }
    put(&mut out, annotations.times.len() as u64);
    let mut previous = 0;
    for time in &annotations.times {
        put_span_delta(&mut out, Span::new(time.start, time.end), &mut previous);
        match time.resolved {
            None => out.push(0),
            Some(Resolved::Day { date }) => {
                out.push(1);
                put_signed(&mut out, i64::from(date.num_days_from_ce()));
            }
            Some(Resolved::Range { from, to }) => {
                out.push(2);
                put_signed(&mut out, i64::from(from.num_days_from_ce()));
                put_signed(&mut out, i64::from(to.num_days_from_ce()));
            }
        }
    }
    put(&mut out, annotations.statements.len() as u64);
    for (statement, name) in annotations.statements.iter().zip(speaker_names) {
        let kind = match statement.kind {
            StatementKind::Direct => 0,
            StatementKind::Indirect => 1,
            StatementKind::Mixed => 2,
        };
        let mut flags = kind;
        if statement.speaker.is_some() {
            flags |= HAS_SPEAKER;
        }
        if name.is_some() {
            flags |= HAS_CANONICAL;
        }
        if statement.cue.is_some() {
            flags |= HAS_CUE;
        }
        out.push(flags);
        if let Some(speaker) = statement.speaker {
            put_span(&mut out, speaker);
        }
        if let Some(name) = name {
            put(&mut out, name as u64);
        }
        if let Some(cue) = statement.cue {
            put_span(&mut out, cue);
        }
        put_span(&mut out, statement.content);
    }
    out
}

/// Decodes annotations written by [`encode`].
pub fn decode(bytes: &[u8]) -> Result<Annotations, DecodeError> {
    let mut reader = Reader { bytes, at: 0 };
    if reader.byte()? != FORMAT {
        return Err(DecodeError("unknown format"));
    }
    let name_count = reader.count()?;
    let mut names = Vec::with_capacity(name_count);
    for _ in 0..name_count {
        let length = reader.count()?;
        let raw = reader.take(length)?;
        let name = std::str::from_utf8(raw).map_err(|_| DecodeError("a name is not UTF-8"))?;
        names.push(name.to_string());
    }
    let name = |index: usize| names.get(index).cloned().ok_or(DecodeError("name index"));
    let mut annotations = Annotations::default();
    let mut previous = 0;
    for _ in 0..reader.count()? {
        let span = reader.span_delta(&mut previous)?;
        let kind = *KINDS
            .get(usize::from(reader.byte()?))
            .ok_or(DecodeError("entity kind"))?;
        let canonical = name(reader.count()?)?;
        annotations.entities.push(Entity {
            span,
            kind,
            canonical,
        });
    }
    let mut previous = 0;
    for _ in 0..reader.count()? {
        let span = reader.span_delta(&mut previous)?;
        let resolved = match reader.byte()? {
            0 => None,
            1 => Some(Resolved::Day { date: reader.date()? }),
            2 => Some(Resolved::Range {
                from: reader.date()?,
                to: reader.date()?,
            }),
            _ => return Err(DecodeError("time resolution")),
        };
        annotations.times.push(TimeExpression {
            start: span.start,
            end: span.end,
            resolved,
        });
    }
    for _ in 0..reader.count()? {
        let flags = reader.byte()?;
        let kind = match flags & KIND_MASK {
            0 => StatementKind::Direct,
            1 => StatementKind::Indirect,
            2 => StatementKind::Mixed,
            _ => return Err(DecodeError("statement kind")),
        };
        let speaker = if flags & HAS_SPEAKER != 0 {
            Some(reader.span()?)
        } else {
            None
        };
        let speaker_canonical = if flags & HAS_CANONICAL != 0 {
            Some(name(reader.count()?)?)
        } else {
            None
        };
        let cue = if flags & HAS_CUE != 0 {
            Some(reader.span()?)
        } else {
            None
        };
        let content = reader.span()?;
        annotations.statements.push(Statement {
            kind,
            speaker,
            speaker_canonical,
            cue,
            content,
        });
    }
    if reader.at != bytes.len() {
        return Err(DecodeError("bytes after the end"));
    }
    Ok(annotations)
}

fn put(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let low = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(low);
            return;
        }
        out.push(low | 0x80);
    }
}

fn put_signed(out: &mut Vec<u8>, value: i64) {
    put(out, ((value << 1) ^ (value >> 63)) as u64);
}

fn put_span(out: &mut Vec<u8>, span: Span) {
    put(out, span.start as u64);
    put(out, span.end.saturating_sub(span.start) as u64);
}

/// Spans in text order are written as the distance from the previous start.
fn put_span_delta(out: &mut Vec<u8>, span: Span, previous: &mut usize) {
    put_signed(out, span.start as i64 - *previous as i64);
    put(out, span.end.saturating_sub(span.start) as u64);
    *previous = span.start;
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, DecodeError> {
        let byte = *self.bytes.get(self.at).ok_or(DecodeError("truncated"))?;
        self.at += 1;
        Ok(byte)
    }

    fn take(&mut self, length: usize) -> Result<&[u8], DecodeError> {
        let end = self.at.checked_add(length).ok_or(DecodeError("length"))?;
        let slice = self.bytes.get(self.at..end).ok_or(DecodeError("truncated"))?;
        self.at = end;
        Ok(slice)
    }

    fn varint(&mut self) -> Result<u64, DecodeError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(DecodeError("varint too long"))
    }

    fn signed(&mut self) -> Result<i64, DecodeError> {
        let raw = self.varint()?;
        Ok((raw >> 1) as i64 ^ -((raw & 1) as i64))
    }

    /// A count or index: never more than the bytes left could describe.
    fn count(&mut self) -> Result<usize, DecodeError> {
        let value = self.varint()?;
        usize::try_from(value)
            .ok()
            .filter(|v| *v <= self.bytes.len() * 8)
            .ok_or(DecodeError("count"))
    }

    fn span(&mut self) -> Result<Span, DecodeError> {
        let start = usize::try_from(self.varint()?).map_err(|_| DecodeError("offset"))?;
        let length = usize::try_from(self.varint()?).map_err(|_| DecodeError("length"))?;
        let end = start.checked_add(length).ok_or(DecodeError("length"))?;
        Ok(Span::new(start, end))
    }

    fn span_delta(&mut self, previous: &mut usize) -> Result<Span, DecodeError> {
        let start = (*previous as i64)
            .checked_add(self.signed()?)
            .and_then(|s| usize::try_from(s).ok())
            .ok_or(DecodeError("offset"))?;
        let length = usize::try_from(self.varint()?).map_err(|_| DecodeError("length"))?;
        let end = start.checked_add(length).ok_or(DecodeError("length"))?;
        *previous = start;
        Ok(Span::new(start, end))
    }

    fn date(&mut self) -> Result<NaiveDate, DecodeError> {
        let days = i32::try_from(self.signed()?).map_err(|_| DecodeError("date"))?;
        NaiveDate::from_num_days_from_ce_opt(days).ok_or(DecodeError("date"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::annotate;
    use crate::samples::samples;

    #[test]
    fn every_sample_round_trips_and_is_small() {
        let mut json_bytes = 0;
        let mut encoded_bytes = 0;
        for sample in samples() {
            for article in sample.articles().expect("samples parse") {
                let published = article.published.map(|p| p.date());
                let annotations = annotate(&article.body, published);
                let encoded = encode(&annotations);
                assert_eq!(decode(&encoded), Ok(annotations.clone()), "{}", sample.name);
                json_bytes += serde_json::to_vec(&annotations).expect("json").len();
                encoded_bytes += encoded.len();
            }
        }
        assert!(
            encoded_bytes * 4 < json_bytes,
            "{encoded_bytes} vs {json_bytes} bytes"
        );
    }

    #[test]
    fn damaged_values_are_errors_not_panics() {
        let text = "Foreign Minister Salem Al-Rifai said on Tuesday that \"talks resume.\"";
        let encoded = encode(&annotate(text, NaiveDate::from_ymd_opt(2024, 3, 26)));
        for end in 0..encoded.len() {
            assert!(decode(&encoded[..end]).is_err(), "truncated at {end}");
        }
        let mut longer = encoded.clone();
        longer.push(0);
        assert_eq!(decode(&longer), Err(DecodeError("bytes after the end")));
        for at in 0..encoded.len() {
            let mut flipped = encoded.clone();
            flipped[at] ^= 0xff;
            let _ = decode(&flipped);
        }
        assert_eq!(decode(&[9]), Err(DecodeError("unknown format")));
    }
}
