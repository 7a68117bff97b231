//! Export: one JSON line per article in the form `parse --jsonl` prints (the article, then its
//! `entities` and `statements` with code-point offsets), plus `annotator`, `read` and
//! `starred`, so that `import` rebuilds an equal library without annotating again.

use serde::Serialize;

use super::StoredArticle;
use crate::annotate::attribution::statements::Statement;
use crate::annotate::entities::Entity;
use crate::annotate::output::{JsonEntity, JsonStatement, json_entities, json_statements};
use crate::annotate::time::TimeExpression;
use crate::annotate::{ANNOTATOR_VERSION, Annotations};
use crate::article::Article;
use crate::input::json::{Exported, ExportedSpan};
use crate::span::Span;

/// An article as `export` (and `show --json`) prints it.
#[derive(Debug, Serialize)]
pub struct ExportLine<'a> {
    /// The article.
    #[serde(flatten)]
    pub article: &'a Article,
    /// Its entities and dates (code-point offsets into `body`).
    pub entities: Vec<JsonEntity>,
    /// Its statements.
    pub statements: Vec<JsonStatement>,
    /// The annotator version that found them.
    pub annotator: u32,
    /// Whether it has been read.
    pub read: bool,
    /// Whether it is starred.
    pub starred: bool,
}

impl<'a> ExportLine<'a> {
    /// The export form of a stored article.
    pub fn new(stored: &'a StoredArticle) -> Self {
        let body = &stored.article.body;
        ExportLine {
            article: &stored.article,
            entities: json_entities(body, &stored.annotations),
            statements: json_statements(body, &stored.annotations),
            annotator: stored.annotator,
            read: stored.read,
            starred: stored.starred,
        }
    }
}

/// The annotations an exported article carries, when they come from this annotator version
/// and fit its body; None means the article must be annotated again.
pub fn current_annotations(body: &str, exported: Exported) -> Option<Annotations> {
    if exported.annotator != Some(ANNOTATOR_VERSION) {
        return None;
    }
    let entities = exported.entities?;
    let statements = exported.statements?;
    let bytes = ByteOffsets::new(body);
    let mut annotations = Annotations {
        entities: Vec::with_capacity(entities.len()),
        times: Vec::new(),
        statements: Vec::with_capacity(statements.len()),
    };
    for item in entities {
        let span = bytes.span(item.start, item.end)?;
        match item.kind.0 {
            None => annotations.times.push(TimeExpression {
                start: span.start,
                end: span.end,
                resolved: item.resolved,
            }),
            Some(kind) => annotations.entities.push(Entity {
                span,
                kind,
                canonical: item.canonical?,
            }),
        }
    }
    for item in statements {
        let part = |span: &ExportedSpan| bytes.span(span.start, span.end);
        annotations.statements.push(Statement {
            kind: item.kind,
            speaker: match &item.speaker {
                Some(span) => Some(part(span)?),
                None => None,
            },
            speaker_canonical: item.speaker.and_then(|s| s.canonical),
            cue: match &item.cue {
                Some(span) => Some(part(span)?),
                None => None,
            },
            content: part(&item.content)?,
        });
    }
    Some(annotations)
}

/// Converts code-point offsets of one text back to byte offsets.
struct ByteOffsets {
    /// The byte offset of every code point, and the text's length last; empty for ASCII text.
    starts: Vec<usize>,
    len: usize,
}

impl ByteOffsets {
    fn new(text: &str) -> Self {
        let starts = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices()
                .map(|(at, _)| at)
                .chain(std::iter::once(text.len()))
                .collect()
        };
        ByteOffsets {
            starts,
            len: text.len(),
        }
    }

    fn byte(&self, char: usize) -> Option<usize> {
        if self.starts.is_empty() {
            (char <= self.len).then_some(char)
        } else {
            self.starts.get(char).copied()
        }
    }

    fn span(&self, start: usize, end: usize) -> Option<Span> {
        let span = Span::new(self.byte(start)?, self.byte(end)?);
        (span.start <= span.end).then_some(span)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::annotate;

    /// A value printed as JSON and read back as another type.
    fn round_trip<T: Serialize, U: for<'de> serde::Deserialize<'de>>(value: &T) -> U {
        let text = serde_json::to_string(value).expect("printable");
        serde_json::from_str(&text).expect("readable")
    }

    #[test]
    fn exported_annotations_read_back_equal() {
        let body = "Le ministre Salem Al-Rifaï a déclaré mardi à Koweït que « la paix » \
                    viendrait. \"We will talk,\" said Foreign Minister Salem Al-Rifai on Tuesday.";
        let annotations = annotate(body, chrono::NaiveDate::from_ymd_opt(2024, 3, 26));
        assert!(!annotations.entities.is_empty() && !annotations.statements.is_empty());
        let exported = Exported {
            annotator: Some(ANNOTATOR_VERSION),
            entities: Some(round_trip(&json_entities(body, &annotations))),
            statements: Some(round_trip(&json_statements(body, &annotations))),
            read: false,
            starred: false,
        };
        assert_eq!(current_annotations(body, exported), Some(annotations));
    }

    #[test]
    fn older_or_misfit_annotations_are_not_used() {
        let body = "Foreign Minister Salem Al-Rifai said the talks would resume in Doha.";
        let annotations = annotate(body, None);
        assert!(!annotations.entities.is_empty() && !annotations.statements.is_empty());
        let mut exported = Exported {
            annotator: Some(ANNOTATOR_VERSION + 1),
            entities: Some(round_trip(&json_entities(body, &annotations))),
            statements: Some(round_trip(&json_statements(body, &annotations))),
            read: false,
            starred: false,
        };
        assert_eq!(
            current_annotations(body, exported.clone()),
            None,
            "another version"
        );
        exported.annotator = None;
        assert_eq!(
            current_annotations(body, exported.clone()),
            None,
            "no version: parse output"
        );
        exported.annotator = Some(ANNOTATOR_VERSION);
        assert!(current_annotations(body, exported.clone()).is_some());
        assert_eq!(current_annotations("Bl", exported), None, "offsets past the body");
    }
}
