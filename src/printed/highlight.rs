//! What to highlight where: an article body cut into pieces, each knowing which annotations
//! cover it (an entity kind, a time expression, the speaker, cue or content of a statement).
//! Both `newsdesk show` and the reader style these pieces; neither decides what they mean.

use crate::annotate::Annotations;
use crate::annotate::entities::EntityKind;
use crate::span::Span;

/// The annotations covering one piece of text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    /// The kind of the entity the piece belongs to.
    pub entity: Option<EntityKind>,
    /// Part of a time expression.
    pub date: bool,
    /// Part of a statement's speaker.
    pub speaker: bool,
    /// Part of a statement's cue (`said`).
    pub cue: bool,
    /// Part of a statement's content.
    pub content: bool,
    /// The statement (index into the annotations) the piece belongs to, if any.
    pub statement: Option<usize>,
}

impl Marks {
    /// True when nothing covers the piece.
    pub fn is_plain(&self) -> bool {
        *self == Marks::default()
    }
}

/// A piece of text and its marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    /// The bytes of the piece.
    pub span: Span,
    /// What covers it.
    pub marks: Marks,
}

/// Cuts `text` at every annotation boundary; the pieces cover the whole text, in order.
///
/// ```
/// use newsdesk::annotate::annotate;
/// use newsdesk::printed::highlight::pieces;
/// let text = "Blinken said the talks would resume.";
/// let found = annotate(text, None);
/// let marked: Vec<&str> = pieces(text, &found)
///     .into_iter()
///     .filter(|p| p.marks.cue)
///     .map(|p| p.span.text(text))
///     .collect();
/// assert_eq!(marked, ["said"]);
/// ```
pub fn pieces(text: &str, annotations: &Annotations) -> Vec<Piece> {
    let mut cuts: Vec<usize> = vec![0, text.len()];
    let spans = annotations
        .entities
        .iter()
        .map(|e| e.span)
        .chain(annotations.times.iter().map(|t| Span::new(t.start, t.end)))
        .chain(
            annotations
                .statements
                .iter()
                .flat_map(|s| [s.speaker, s.cue, Some(s.content)].into_iter().flatten()),
        );
    for span in spans {
        cuts.push(span.start.min(text.len()));
        cuts.push(span.end.min(text.len()));
    }
    cuts.retain(|&cut| text.is_char_boundary(cut));
    cuts.sort_unstable();
    cuts.dedup();
    let mut pieces = Vec::with_capacity(cuts.len());
    for pair in cuts.windows(2) {
        let span = Span::new(pair[0], pair[1]);
        if span.is_empty() {
            continue;
        }
        let mut marks = Marks {
            entity: annotations
                .entities
                .iter()
                .find(|e| e.span.contains(&span))
                .map(|e| e.kind),
            date: annotations
                .times
                .iter()
                .any(|t| Span::new(t.start, t.end).contains(&span)),
            ..Marks::default()
        };
        for (index, statement) in annotations.statements.iter().enumerate() {
            let speaker = statement.speaker.is_some_and(|s| s.contains(&span));
            let cue = statement.cue.is_some_and(|c| c.contains(&span));
            let content = statement.content.contains(&span);
            if speaker || cue || content {
                marks.speaker |= speaker;
                marks.cue |= cue;
                marks.content |= content;
                marks.statement.get_or_insert(index);
            }
        }
        pieces.push(Piece { span, marks });
    }
    pieces
}

/// The kinds entities are grouped by, in the order they are listed.
pub const GROUP_ORDER: [EntityKind; 5] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Location,
    EntityKind::Group,
    EntityKind::Misc,
];

/// The entities of a text by kind, each canonical name with its number of mentions, most
/// mentioned first. A bare title (`the Secretary`) counts as a mention of the entity it stands
/// for (a person when that entity is not otherwise named).
pub fn entity_groups(annotations: &Annotations) -> Vec<(EntityKind, Vec<(String, usize)>)> {
    let kind_of = |entity: &crate::annotate::entities::Entity| {
        if entity.kind != EntityKind::Title {
            return entity.kind;
        }
        annotations
            .entities
            .iter()
            .find(|other| other.kind != EntityKind::Title && other.canonical == entity.canonical)
            .map_or(EntityKind::Person, |other| other.kind)
    };
    let mut groups = Vec::new();
    for kind in GROUP_ORDER {
        let mut names: Vec<(String, usize)> = Vec::new();
        for entity in annotations.entities.iter().filter(|e| kind_of(e) == kind) {
            match names.iter_mut().find(|(name, _)| *name == entity.canonical) {
                Some((_, count)) => *count += 1,
                None => names.push((entity.canonical.clone(), 1)),
            }
        }
        if !names.is_empty() {
            names.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            groups.push((kind, names));
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::annotate;

    #[test]
    fn pieces_cover_the_text_in_order() {
        let text = "Foreign Minister Salem Al-Rifai said on Tuesday that Kuwait backs the plan.";
        let found = annotate(text, None);
        let pieces = pieces(text, &found);
        let joined: String = pieces.iter().map(|p| p.span.text(text)).collect();
        assert_eq!(joined, text);
        let kinds = |wanted: &str| {
            pieces
                .iter()
                .find(|p| p.span.text(text) == wanted)
                .map(|p| p.marks)
                .unwrap_or_else(|| panic!("no piece {wanted:?} in {pieces:?}"))
        };
        assert_eq!(kinds("Kuwait").entity, Some(EntityKind::Location));
        assert!(kinds("Kuwait").content, "inside the content");
        assert!(kinds("said").cue);
        assert!(kinds("Tuesday").date);
        let speaker = kinds("Salem Al-Rifai");
        assert!(speaker.speaker);
        assert_eq!(speaker.entity, Some(EntityKind::Person));
        assert_eq!(speaker.statement, Some(0));
    }

    #[test]
    fn a_bare_title_counts_as_a_mention_of_its_person() {
        let text = "Secretary of State Daniel Whitcombe met Kuwaiti officials. \
                    The Secretary stressed that Whitcombe would return.";
        let groups = entity_groups(&annotate(text, None));
        let people = groups
            .iter()
            .find(|(kind, _)| *kind == EntityKind::Person)
            .map(|(_, names)| names.clone())
            .unwrap_or_default();
        assert_eq!(people, [("Daniel Whitcombe".to_string(), 3)], "{groups:?}");
        assert!(groups.iter().all(|(kind, _)| *kind != EntityKind::Title));
    }

    #[test]
    fn plain_text_is_one_piece() {
        let text = "nothing here";
        let pieces = pieces(text, &Annotations::default());
        assert_eq!(pieces.len(), 1);
        assert!(pieces[0].marks.is_plain());
    }
}
