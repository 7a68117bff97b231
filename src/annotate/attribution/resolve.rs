//! Which entity a speaker names: a person inside it (the last one, after titles and
//! appositions), a bare title's person, an organisation or group inside it; for a pronoun or a
//! common noun phrase, an entity named before it.

use crate::annotate::entities::{Entity, EntityKind};
use crate::span::Span;

const PERSON_PRONOUNS: &[&str] = &["he", "she", "him", "her", "i", "his"];
const GROUP_PRONOUNS: &[&str] = &["they", "it", "we", "them"];

/// The canonical name of the entity a speaker span names: a person inside it (the last one,
/// after titles and appositions), a bare title's person, an organisation or group inside it;
/// for a pronoun or a common noun phrase, the person (or, for `it`/`they`, the organisation or
/// group) named last before it.
pub fn resolve_speaker(text: &str, speaker: Span, entities: &[Entity]) -> Option<String> {
    let inside: Vec<&Entity> = entities.iter().filter(|e| speaker.contains(&e.span)).collect();
    let pick = |kinds: &[EntityKind]| {
        inside
            .iter()
            .rev()
            .find(|e| kinds.contains(&e.kind))
            .map(|e| e.canonical.clone())
    };
    if let Some(found) = pick(&[EntityKind::Person, EntityKind::Title]) {
        return Some(found);
    }
    if let Some(found) = pick(&[EntityKind::Organization, EntityKind::Group, EntityKind::Location]) {
        return Some(found);
    }
    let words = speaker.text(text).to_lowercase();
    let head = words.split_whitespace().last().unwrap_or("");
    let mut earlier = entities.iter().rev().filter(|e| e.span.end <= speaker.start);
    if PERSON_PRONOUNS.contains(&head) {
        return earlier
            .find(|e| matches!(e.kind, EntityKind::Person | EntityKind::Title))
            .map(|e| e.canonical.clone());
    }
    if GROUP_PRONOUNS.contains(&head) {
        return earlier
            .find(|e| matches!(e.kind, EntityKind::Organization | EntityKind::Group))
            .map(|e| e.canonical.clone());
    }
    // `the ministry`, `the spokesman`: the nearest earlier name whose words include the head.
    earlier
        .take(12)
        .find(|e| e.canonical.to_lowercase().split_whitespace().any(|w| w == head))
        .map(|e| e.canonical.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pronouns_and_titles_resolve_to_earlier_names() {
        let text = "Salem Al-Rifai met Ahmed. He said it was useful. The ministry said so.";
        let entities = vec![
            Entity {
                span: Span::new(0, 14),
                kind: EntityKind::Person,
                canonical: "Salem Al-Rifai".into(),
            },
            Entity {
                span: Span::new(19, 24),
                kind: EntityKind::Person,
                canonical: "Ahmed Nasser".into(),
            },
        ];
        let he = Span::new(26, 28);
        assert_eq!(
            resolve_speaker(text, he, &entities).as_deref(),
            Some("Ahmed Nasser")
        );
        let named = Span::new(0, 14);
        assert_eq!(
            resolve_speaker(text, named, &entities).as_deref(),
            Some("Salem Al-Rifai")
        );
        let ministry = Span::new(49, 61);
        assert_eq!(resolve_speaker(text, ministry, &entities), None);
    }
}
