//! The parts of a statement the tagger marks: who (source), the reporting words (cue) and what
//! was said (content), each a run of a paragraph's tokens; and a paragraph's parts as
//! statements take them.

use std::ops::Range;

/// The part of a statement a run of tokens plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Who made the statement (`the minister`).
    Source,
    /// The words that report it (`said`, `according to`).
    Cue,
    /// What was said.
    Content,
}

impl Role {
    /// Every role, in the order of their numbers.
    pub const ALL: [Role; 3] = [Role::Source, Role::Cue, Role::Content];

    /// The role's number: 0 source, 1 cue, 2 content (the order of the tagger's labels).
    pub fn number(self) -> usize {
        match self {
            Role::Source => 0,
            Role::Cue => 1,
            Role::Content => 2,
        }
    }

    /// The role with that number.
    pub fn from_number(number: usize) -> Option<Role> {
        Role::ALL.get(number).copied()
    }
}

/// The role spans of a paragraph: `(role, token range)`, token indices into the text's tokens.
pub type RoleSpans = Vec<(Role, Range<usize>)>;

/// The token ranges of one role, in order.
pub fn of_role(roles: &[(Role, Range<usize>)], role: Role) -> Vec<Range<usize>> {
    roles
        .iter()
        .filter(|(r, _)| *r == role)
        .map(|(_, range)| range.clone())
        .collect()
}

/// A paragraph's sources, cues and contents in text order, and which sources and contents a
/// statement has taken already (each belongs to one statement).
#[derive(Debug, Clone, Default)]
pub struct Parts {
    /// The tagged sources.
    pub sources: Vec<Range<usize>>,
    /// The tagged cues.
    pub cues: Vec<Range<usize>>,
    /// The tagged contents.
    pub contents: Vec<Range<usize>>,
    taken_sources: Vec<bool>,
    taken_contents: Vec<bool>,
}

impl Parts {
    /// The parts of a paragraph's role spans, none taken.
    pub fn new(roles: &[(Role, Range<usize>)]) -> Parts {
        let sources = of_role(roles, Role::Source);
        let contents = of_role(roles, Role::Content);
        Parts {
            taken_sources: vec![false; sources.len()],
            taken_contents: vec![false; contents.len()],
            cues: of_role(roles, Role::Cue),
            sources,
            contents,
        }
    }

    /// Whether the content with that number is still free.
    pub fn content_is_free(&self, index: usize) -> bool {
        !self.taken_contents.get(index).copied().unwrap_or(true)
    }

    /// Whether the source with that number is still free.
    pub fn source_is_free(&self, index: usize) -> bool {
        !self.taken_sources.get(index).copied().unwrap_or(true)
    }

    /// Marks a content as taken.
    pub fn take_content(&mut self, index: usize) {
        if let Some(taken) = self.taken_contents.get_mut(index) {
            *taken = true;
        }
    }

    /// Marks a source as taken.
    pub fn take_source(&mut self, index: usize) {
        if let Some(taken) = self.taken_sources.get_mut(index) {
            *taken = true;
        }
    }

    /// Marks every source and content that shares a token with `range` as taken.
    pub fn take_overlapping(&mut self, range: &Range<usize>) {
        let overlaps = |part: &Range<usize>| part.start < range.end && range.start < part.end;
        for (part, taken) in self.sources.iter().zip(&mut self.taken_sources) {
            *taken |= overlaps(part);
        }
        for (part, taken) in self.contents.iter().zip(&mut self.taken_contents) {
            *taken |= overlaps(part);
        }
    }

    /// Whether token `index` is part of a tagged source.
    pub fn in_source(&self, index: usize) -> bool {
        self.sources.iter().any(|s| s.contains(&index))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::from_number(role.number()), Some(role));
        }
        assert_eq!(Role::from_number(3), None);
    }

    #[test]
    fn spans_of_one_role_keep_their_order() {
        let roles = vec![
            (Role::Content, 0..3),
            (Role::Cue, 3..4),
            (Role::Source, 4..6),
            (Role::Content, 7..9),
        ];
        assert_eq!(of_role(&roles, Role::Content), vec![0..3, 7..9]);
        assert_eq!(of_role(&roles, Role::Cue), vec![3..4]);
    }

    #[test]
    fn parts_are_taken_once() {
        let mut parts = Parts::new(&[(Role::Source, 0..2), (Role::Cue, 2..3), (Role::Content, 3..8)]);
        assert!(parts.content_is_free(0) && parts.source_is_free(0));
        parts.take_content(0);
        parts.take_source(0);
        assert!(!parts.content_is_free(0) && !parts.source_is_free(0));
        assert!(!parts.content_is_free(1), "no such content");
        assert!(parts.in_source(1) && !parts.in_source(2));
    }

    #[test]
    fn overlapping_parts_are_taken() {
        let mut parts = Parts::new(&[(Role::Source, 0..2), (Role::Cue, 2..3), (Role::Content, 3..8)]);
        parts.take_overlapping(&(1..4));
        assert!(!parts.source_is_free(0) && !parts.content_is_free(0));
        let mut parts = Parts::new(&[(Role::Source, 0..2), (Role::Content, 3..8)]);
        parts.take_overlapping(&(2..3));
        assert!(parts.source_is_free(0) && parts.content_is_free(0));
    }
}
