//! Names joined by hyphens into one word: `Kuwait-Iraq` (relations), `Russian-US` (talks),
//! `GCC-EU` (meeting) name two entities, `Saudi-led` (coalition), `US-based` (firm) name the
//! first part alone, and `Iraqi News Agency-INA` is a name and its acronym. The recogniser sees one token; these rules give each part its own
//! span and kind, from the lexicon.

use super::{Entity, EntityKind};
use crate::annotate::lexicon::{List, lexicon};
use crate::span::Span;

/// Participles that follow a name in a compound adjective: `Saudi-led`, `UN-backed`.
const PARTICIPLES: &[&str] = &[
    "led",
    "backed",
    "based",
    "brokered",
    "sponsored",
    "funded",
    "run",
    "owned",
    "held",
    "occupied",
    "controlled",
    "claimed",
    "made",
    "born",
    "built",
    "bound",
    "linked",
    "affiliated",
    "allied",
    "aligned",
    "administered",
    "registered",
    "listed",
    "dominated",
    "mediated",
    "hosted",
    "organised",
    "organized",
    "supported",
    "free",
    "style",
    "wide",
];

/// The kind of a name the lexicon knows as a whole: a country or region is a place, a
/// nationality a group, a listed organisation or agency an organisation.
fn known_kind(name: &str) -> Option<EntityKind> {
    let lists = lexicon().lists_of(name);
    if lists
        .iter()
        .any(|l| matches!(l, List::Country | List::Region | List::City))
    {
        Some(EntityKind::Location)
    } else if lists.iter().any(|l| matches!(l, List::Demonym | List::Group)) {
        Some(EntityKind::Group)
    } else if lists
        .iter()
        .any(|l| matches!(l, List::Organization | List::Agency))
    {
        Some(EntityKind::Organization)
    } else {
        None
    }
}

/// Splits the entities written as hyphenated compounds of known names into their parts, each
/// with its canonical name; other entities are kept as they are.
pub fn split_compounds(text: &str, entities: Vec<Entity>) -> Vec<Entity> {
    let mut out = Vec::with_capacity(entities.len());
    for entity in entities {
        match compound_parts(text, &entity) {
            Some(parts) => out.extend(parts),
            None => out.push(entity),
        }
    }
    out
}

/// The parts of one entity, when it is a compound of known names or a name and its acronym
/// (`Iraqi News Agency-INA`).
fn compound_parts(text: &str, entity: &Entity) -> Option<Vec<Entity>> {
    let written = entity.span.text(text);
    if let Some((name, acronym)) = written.rsplit_once('-') {
        let is_acronym = (2..=6).contains(&acronym.len()) && acronym.chars().all(|c| c.is_ascii_uppercase());
        if is_acronym && name.contains(' ') && entity.kind == EntityKind::Organization {
            let start = entity.span.start;
            let part = |span: Span, name: &str| Entity {
                span,
                kind: EntityKind::Organization,
                canonical: name.to_string(),
            };
            return Some(vec![
                part(Span::new(start, start + name.len()), name),
                part(Span::new(start + name.len() + 1, entity.span.end), name),
            ]);
        }
    }
    if !written.contains('-') || written.contains(char::is_whitespace) || entity.kind == EntityKind::Person {
        return None;
    }
    let mut parts = Vec::new();
    let mut at = entity.span.start;
    let pieces: Vec<&str> = written.split('-').collect();
    for (index, piece) in pieces.iter().enumerate() {
        let span = Span::new(at, at + piece.len());
        at = span.end + 1;
        if index > 0 && PARTICIPLES.contains(&piece.to_lowercase().as_str()) && index + 1 == pieces.len() {
            break;
        }
        let kind = known_kind(piece)?;
        let canonical = lexicon().canonical(piece).unwrap_or(piece).to_string();
        parts.push(Entity {
            span,
            kind,
            canonical,
        });
    }
    // `Kuwait-Iraq` gives two names, `Saudi-led` one; a known name alone is left to the model.
    let joined = parts.len() >= 2;
    let led = parts.len() == 1 && pieces.len() == 2;
    (joined || led).then_some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(text: &str, word: &str, kind: EntityKind) -> Entity {
        let start = text.find(word).expect("the word is in the text");
        Entity {
            span: Span::new(start, start + word.len()),
            kind,
            canonical: String::new(),
        }
    }

    fn parts(text: &str, word: &str) -> Vec<(String, EntityKind)> {
        split_compounds(text, vec![entity(text, word, EntityKind::Misc)])
            .iter()
            .map(|e| (e.span.text(text).to_string(), e.kind))
            .collect()
    }

    #[test]
    fn two_names_joined_by_a_hyphen_are_two_entities() {
        let text = "Kuwait-Iraq relations and Russian-US talks and the GCC-EU meeting.";
        assert_eq!(
            parts(text, "Kuwait-Iraq"),
            [
                ("Kuwait".into(), EntityKind::Location),
                ("Iraq".into(), EntityKind::Location)
            ]
        );
        assert_eq!(
            parts(text, "Russian-US"),
            [
                ("Russian".into(), EntityKind::Group),
                ("US".into(), EntityKind::Location)
            ]
        );
        assert_eq!(
            parts(text, "GCC-EU"),
            [
                ("GCC".into(), EntityKind::Organization),
                ("EU".into(), EntityKind::Organization)
            ]
        );
    }

    #[test]
    fn a_name_before_a_participle_is_the_name_alone() {
        let text = "the Saudi-led coalition and a US-based firm";
        assert_eq!(parts(text, "Saudi-led"), [("Saudi".into(), EntityKind::Group)]);
        assert_eq!(parts(text, "US-based"), [("US".into(), EntityKind::Location)]);
    }

    #[test]
    fn other_hyphenated_names_stay_whole() {
        let text = "Al-Sabah met the Trans-Caspian team in Rostov-on-Don.";
        for word in ["Al-Sabah", "Trans-Caspian", "Rostov-on-Don"] {
            assert_eq!(
                parts(text, word),
                [(word.to_string(), EntityKind::Misc)],
                "{word}"
            );
        }
    }
}
