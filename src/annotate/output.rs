//! The two printed forms of annotations: the JSON of the annotation protocol (Unicode code-point
//! offsets, end exclusive) and the bracket markup people review (`[PER Antony Blinken]
//! confirmed [DATE Tuesday] ...`).

use serde::Serialize;

use super::time::Resolved;
use super::{Annotations, annotate};
use crate::article::Article;
use crate::span::{CharOffsets, Span};

/// An article with the annotations of its body, as `newsdesk parse --jsonl` prints it: the
/// article's fields, then `entities` (offsets into `body`, in code points).
#[derive(Debug, Serialize)]
pub struct AnnotatedArticle<'a> {
    /// The article.
    #[serde(flatten)]
    pub article: &'a Article,
    /// The entities and dates of its body.
    pub entities: Vec<JsonEntity>,
}

impl<'a> AnnotatedArticle<'a> {
    /// Annotates an article's body, resolving dates against its publication date.
    pub fn new(article: &'a Article) -> Self {
        let annotations = annotate(&article.body, article.published.map(|p| p.date()));
        AnnotatedArticle {
            article,
            entities: json_entities(&article.body, &annotations),
        }
    }
}

/// One annotation in the JSON protocol.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JsonEntity {
    /// The first code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// `person`, `organization`, `location`, `group`, `misc`, `title` or `date`.
    pub kind: &'static str,
    /// The text of the span.
    pub text: String,
    /// The entity's canonical name (entities only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
    /// The calendar meaning (dates only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolved: Option<Resolved>,
}

/// The entities and dates of a text in the JSON protocol, in text order.
pub fn json_entities(text: &str, annotations: &Annotations) -> Vec<JsonEntity> {
    let mut items: Vec<(Span, JsonEntity)> = Vec::new();
    for entity in &annotations.entities {
        items.push((
            entity.span,
            JsonEntity {
                start: entity.span.start,
                end: entity.span.end,
                kind: entity.kind.name(),
                text: entity.span.text(text).to_string(),
                canonical: Some(entity.canonical.clone()),
                resolved: None,
            },
        ));
    }
    for time in &annotations.times {
        let span = Span::new(time.start, time.end);
        items.push((
            span,
            JsonEntity {
                start: span.start,
                end: span.end,
                kind: "date",
                text: span.text(text).to_string(),
                canonical: None,
                resolved: time.resolved,
            },
        ));
    }
    items.sort_by_key(|(span, _)| (span.start, span.end));
    let mut offsets = CharOffsets::new(text);
    items
        .into_iter()
        .map(|(span, mut item)| {
            item.start = offsets.char_offset(span.start);
            item.end = offsets.char_offset(span.end);
            item
        })
        .collect()
}

/// The text with every entity and date in brackets: `[PER Blinken → Antony Blinken]` when the
/// canonical name differs from the text, `[LOC Rafah]`, `[DATE Tuesday]`.
pub fn markup(text: &str, annotations: &Annotations) -> String {
    let mut marks: Vec<(Span, String)> = annotations
        .entities
        .iter()
        .map(|entity| {
            let written = entity.span.text(text);
            let label = if entity.canonical == written {
                format!("[{} {written}]", entity.kind.tag())
            } else {
                format!("[{} {written} → {}]", entity.kind.tag(), entity.canonical)
            };
            (entity.span, label)
        })
        .collect();
    for time in &annotations.times {
        let span = Span::new(time.start, time.end);
        if !marks.iter().any(|(other, _)| other.overlaps(&span)) {
            marks.push((span, format!("[DATE {}]", span.text(text))));
        }
    }
    marks.sort_by_key(|(span, _)| span.start);
    let mut out = String::with_capacity(text.len() + marks.len() * 12);
    let mut at = 0;
    for (span, label) in marks {
        if span.start < at {
            continue;
        }
        out.push_str(&text[at..span.start]);
        out.push_str(&label);
        at = span.end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::super::entities::{Entity, EntityKind};
    use super::super::time::TimeExpression;
    use super::*;

    fn sample() -> (&'static str, Annotations) {
        let text = "Koweït: Blinken left on Tuesday.";
        let annotations = Annotations {
            entities: vec![
                Entity {
                    span: Span::new(0, 7),
                    kind: EntityKind::Location,
                    canonical: "Kuwait".into(),
                },
                Entity {
                    span: Span::new(9, 16),
                    kind: EntityKind::Person,
                    canonical: "Antony Blinken".into(),
                },
            ],
            times: vec![TimeExpression {
                start: 25,
                end: 32,
                resolved: None,
            }],
        };
        (text, annotations)
    }

    #[test]
    fn markup_brackets_every_annotation() {
        let (text, annotations) = sample();
        assert_eq!(
            markup(text, &annotations),
            "[LOC Koweït → Kuwait]: [PER Blinken → Antony Blinken] left on [DATE Tuesday]."
        );
    }

    #[test]
    fn json_counts_code_points() {
        let (text, annotations) = sample();
        let items = json_entities(text, &annotations);
        assert_eq!((items[0].start, items[0].end), (0, 6));
        assert_eq!(
            (items[1].start, items[1].end, items[1].text.as_str()),
            (8, 15, "Blinken")
        );
        assert_eq!((items[2].start, items[2].kind), (24, "date"));
    }
}
