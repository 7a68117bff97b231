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
    /// The statements of its body.
    pub statements: Vec<JsonStatement>,
}

impl<'a> AnnotatedArticle<'a> {
    /// Annotates an article's body, resolving dates against its publication date.
    pub fn new(article: &'a Article) -> Self {
        let annotations = annotate(&article.body, article.published.map(|p| p.date()));
        AnnotatedArticle {
            article,
            entities: json_entities(&article.body, &annotations),
            statements: json_statements(&article.body, &annotations),
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

/// A span of a statement in the JSON protocol.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JsonSpan {
    /// The first code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The text of the span.
    pub text: String,
    /// The entity the span names (speakers only), when resolved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
}

/// A statement in the JSON protocol.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JsonStatement {
    /// `direct`, `indirect` or `mixed`.
    pub kind: &'static str,
    /// Who made it, when the text names them.
    pub speaker: Option<JsonSpan>,
    /// The reporting words.
    pub cue: Option<JsonSpan>,
    /// What was said.
    pub content: JsonSpan,
}

/// The statements of a text in the JSON protocol.
pub fn json_statements(text: &str, annotations: &Annotations) -> Vec<JsonStatement> {
    let mut offsets = CharOffsets::new(text);
    let mut span = |span: Span, canonical: Option<String>| JsonSpan {
        start: offsets.char_offset(span.start),
        end: offsets.char_offset(span.end),
        text: span.text(text).to_string(),
        canonical,
    };
    annotations
        .statements
        .iter()
        .map(|statement| JsonStatement {
            kind: statement.kind.name(),
            speaker: statement
                .speaker
                .map(|s| span(s, statement.speaker_canonical.clone())),
            cue: statement.cue.map(|c| span(c, None)),
            content: span(statement.content, None),
        })
        .collect()
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

/// The text with every annotation in brackets: entities and dates as `[PER Blinken → Antony
/// Blinken]` (the canonical name after the arrow when it differs), `[LOC Rafah]`, `[DATE
/// Tuesday]`, and around them the parts of each statement: `[SPEAKER ...] [CUE said] [CONTENT
/// ...]`. A statement part that would cut through an entity or cross another part is left out.
pub fn markup(text: &str, annotations: &Annotations) -> String {
    let leaves = leaf_marks(text, annotations);
    let containers = statement_marks(annotations, &leaves);
    let mut out = String::with_capacity(text.len() + (leaves.len() + containers.len()) * 12);
    let mut at = 0;
    let mut open_ends: Vec<usize> = Vec::new();
    let mut containers = containers.into_iter().peekable();
    let mut leaves = leaves.into_iter().peekable();
    loop {
        let close = open_ends.last().copied();
        let open = containers.peek().map(|(span, _)| span.start);
        let leaf = leaves.peek().map(|(span, _)| span.start);
        let Some(next) = [close, open, leaf].into_iter().flatten().min() else {
            break;
        };
        out.push_str(text.get(at..next).unwrap_or(""));
        at = at.max(next);
        if close == Some(next) {
            out.push(']');
            open_ends.pop();
        } else if let Some((span, label)) = containers.next_if(|(span, _)| span.start == next) {
            out.push('[');
            out.push_str(label);
            out.push(' ');
            open_ends.push(span.end);
        } else if let Some((span, label)) = leaves.next() {
            out.push_str(&label);
            at = span.end;
        }
    }
    out.push_str(text.get(at..).unwrap_or(""));
    out
}

/// Entities and the dates that do not overlap one, in text order, with their bracketed labels.
fn leaf_marks(text: &str, annotations: &Annotations) -> Vec<(Span, String)> {
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
    marks.sort_by_key(|(span, _)| span.start);
    let entity_count = marks.len();
    for time in &annotations.times {
        let span = Span::new(time.start, time.end);
        let first_after = marks[..entity_count].partition_point(|(entity, _)| entity.end <= span.start);
        let clashes = marks[first_after..entity_count]
            .first()
            .is_some_and(|(entity, _)| entity.overlaps(&span));
        if !clashes {
            marks.push((span, format!("[DATE {}]", span.text(text))));
        }
    }
    marks.sort_by_key(|(span, _)| span.start);
    let mut end = 0;
    marks.retain(|(span, _)| {
        let keep = span.start >= end;
        if keep {
            end = span.end;
        }
        keep
    });
    marks
}

/// The speakers, cues and contents of the statements as properly nested spans, outer first,
/// none cutting through a leaf mark.
fn statement_marks(annotations: &Annotations, leaves: &[(Span, String)]) -> Vec<(Span, &'static str)> {
    let inside_leaf = |offset: usize| {
        let index = leaves.partition_point(|(leaf, _)| leaf.end <= offset);
        leaves.get(index).is_some_and(|(leaf, _)| leaf.start < offset)
    };
    let mut parts: Vec<(Span, &'static str)> = Vec::new();
    for statement in &annotations.statements {
        let roles = [
            (statement.speaker, "SPEAKER"),
            (statement.cue, "CUE"),
            (Some(statement.content), "CONTENT"),
        ];
        for (span, label) in roles {
            if let Some(span) = span.filter(|s| !s.is_empty() && !inside_leaf(s.start) && !inside_leaf(s.end))
            {
                parts.push((span, label));
            }
        }
    }
    parts.sort_by_key(|(span, label)| (span.start, std::cmp::Reverse(span.end), *label));
    parts.dedup();
    let mut open_ends: Vec<usize> = Vec::new();
    parts.retain(|(span, _)| {
        while open_ends.last().is_some_and(|&end| end <= span.start) {
            open_ends.pop();
        }
        let nested = open_ends.last().is_none_or(|&end| span.end <= end);
        if nested {
            open_ends.push(span.end);
        }
        nested
    });
    parts
}

#[cfg(test)]
mod tests {
    use super::super::attribution::statements::{Statement, StatementKind};
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
            statements: Vec::new(),
        };
        (text, annotations)
    }

    #[test]
    fn markup_nests_statement_parts_around_entities() {
        let text = "Blinken said the talks would resume.";
        let span = |start: usize, end: usize| Some(Span::new(start, end));
        let annotations = Annotations {
            entities: vec![Entity {
                span: Span::new(0, 7),
                kind: EntityKind::Person,
                canonical: "Antony Blinken".into(),
            }],
            times: Vec::new(),
            statements: vec![Statement {
                kind: StatementKind::Indirect,
                speaker: span(0, 7),
                speaker_canonical: Some("Antony Blinken".into()),
                cue: span(8, 12),
                content: Span::new(13, 35),
            }],
        };
        assert_eq!(
            markup(text, &annotations),
            "[SPEAKER [PER Blinken → Antony Blinken]] [CUE said] [CONTENT the talks would resume]."
        );
    }

    #[test]
    fn markup_drops_a_part_that_crosses_another() {
        let text = "One two three four five.";
        let annotations = Annotations {
            entities: Vec::new(),
            times: Vec::new(),
            statements: vec![
                Statement {
                    kind: StatementKind::Indirect,
                    speaker: None,
                    speaker_canonical: None,
                    cue: None,
                    content: Span::new(0, 13),
                },
                Statement {
                    kind: StatementKind::Indirect,
                    speaker: None,
                    speaker_canonical: None,
                    cue: None,
                    content: Span::new(8, 18),
                },
            ],
        };
        assert_eq!(markup(text, &annotations), "[CONTENT One two three] four five.");
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
