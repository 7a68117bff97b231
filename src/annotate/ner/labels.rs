//! The recogniser's labels: `O`, and BILOU positions (begin, inside, last, unit) of the four
//! model types, with the transitions BILOU allows.

/// The entity types the model predicts (groups are told apart from other `misc` afterwards).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ModelType {
    /// A person.
    Person,
    /// An organisation.
    Organization,
    /// A location.
    Location,
    /// Anything else named: nationalities, events, works, products.
    Misc,
}

impl ModelType {
    /// Every type, in label order.
    pub const ALL: [ModelType; 4] = [
        ModelType::Person,
        ModelType::Organization,
        ModelType::Location,
        ModelType::Misc,
    ];

    /// The CoNLL name (`PER`, `ORG`, `LOC`, `MISC`).
    pub fn conll(self) -> &'static str {
        match self {
            ModelType::Person => "PER",
            ModelType::Organization => "ORG",
            ModelType::Location => "LOC",
            ModelType::Misc => "MISC",
        }
    }

    /// The type a CoNLL name stands for.
    pub fn from_conll(name: &str) -> Option<ModelType> {
        ModelType::ALL.into_iter().find(|t| t.conll() == name)
    }
}

/// A position within an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// The first token of several.
    Begin,
    /// A middle token.
    Inside,
    /// The last token of several.
    Last,
    /// The only token.
    Unit,
}

/// How many labels there are: `O` and four positions of four types.
pub const LABELS: usize = 17;

/// A label: 0 is `O`, then `1 + 4 × type + position`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Label(pub u8);

impl Label {
    /// Outside any entity.
    pub const OUTSIDE: Label = Label(0);

    /// The label of a position in an entity of a type.
    pub fn new(model_type: ModelType, position: Position) -> Label {
        Label(1 + 4 * model_type as u8 + position as u8)
    }

    /// The entity type, or `None` for `O`.
    pub fn model_type(self) -> Option<ModelType> {
        (self.0 > 0).then(|| ModelType::ALL[((self.0 - 1) / 4) as usize])
    }

    /// The position, or `None` for `O`.
    pub fn position(self) -> Option<Position> {
        let positions = [Position::Begin, Position::Inside, Position::Last, Position::Unit];
        (self.0 > 0).then(|| positions[((self.0 - 1) % 4) as usize])
    }

    /// True when an entity continues after this label (`B` or `I`).
    pub fn is_open(self) -> bool {
        matches!(self.position(), Some(Position::Begin | Position::Inside))
    }

    /// True when BILOU allows `next` after `self`.
    pub fn allows(self, next: Label) -> bool {
        if self.is_open() {
            next.model_type() == self.model_type()
                && matches!(next.position(), Some(Position::Inside | Position::Last))
        } else {
            matches!(next.position(), None | Some(Position::Begin | Position::Unit))
        }
    }

    /// True when `self` may end a sentence (no entity left open).
    pub fn may_end(self) -> bool {
        !self.is_open()
    }

    /// A short name for features and debugging (`O`, `B-PER`, `U-LOC`).
    pub fn name(self) -> String {
        match (self.model_type(), self.position()) {
            (Some(t), Some(p)) => {
                let p = match p {
                    Position::Begin => 'B',
                    Position::Inside => 'I',
                    Position::Last => 'L',
                    Position::Unit => 'U',
                };
                format!("{p}-{}", t.conll())
            }
            _ => "O".to_string(),
        }
    }
}

/// The BILOU labels of token spans `(start, end, type)` over `len` tokens.
pub fn labels_of_spans(len: usize, spans: &[(usize, usize, ModelType)]) -> Vec<Label> {
    let mut labels = vec![Label::OUTSIDE; len];
    for &(start, end, model_type) in spans {
        if end <= start || end > len {
            continue;
        }
        if end - start == 1 {
            labels[start] = Label::new(model_type, Position::Unit);
            continue;
        }
        labels[start] = Label::new(model_type, Position::Begin);
        for label in &mut labels[start + 1..end - 1] {
            *label = Label::new(model_type, Position::Inside);
        }
        labels[end - 1] = Label::new(model_type, Position::Last);
    }
    labels
}

/// The token spans `(start, end, type)` that BILOU labels mark; a malformed run (an entity
/// left open, a `L` without `B`) still gives the span it most likely meant.
pub fn spans_of_labels(labels: &[Label]) -> Vec<(usize, usize, ModelType)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, ModelType)> = None;
    for (index, label) in labels.iter().enumerate() {
        let (Some(model_type), Some(position)) = (label.model_type(), label.position()) else {
            if let Some((start, t)) = open.take() {
                spans.push((start, index, t));
            }
            continue;
        };
        match position {
            Position::Begin | Position::Unit => {
                if let Some((start, t)) = open.take() {
                    spans.push((start, index, t));
                }
                if position == Position::Unit {
                    spans.push((index, index + 1, model_type));
                } else {
                    open = Some((index, model_type));
                }
            }
            Position::Inside | Position::Last => {
                match open {
                    Some((_, t)) if t == model_type => {}
                    _ => {
                        if let Some((start, t)) = open.take() {
                            spans.push((start, index, t));
                        }
                        open = Some((index, model_type));
                    }
                }
                if position == Position::Last {
                    if let Some((start, t)) = open.take() {
                        spans.push((start, index + 1, t));
                    }
                }
            }
        }
    }
    if let Some((start, t)) = open {
        spans.push((start, labels.len(), t));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_round_trip_through_labels() {
        let spans = vec![
            (0, 2, ModelType::Misc),
            (3, 5, ModelType::Person),
            (7, 8, ModelType::Organization),
        ];
        let labels = labels_of_spans(9, &spans);
        let names: Vec<String> = labels.iter().map(|l| l.name()).collect();
        assert_eq!(
            names,
            ["B-MISC", "L-MISC", "O", "B-PER", "L-PER", "O", "O", "U-ORG", "O"]
        );
        assert_eq!(spans_of_labels(&labels), spans);
    }

    #[test]
    fn transitions() {
        let begin = Label::new(ModelType::Person, Position::Begin);
        assert!(begin.allows(Label::new(ModelType::Person, Position::Last)));
        assert!(!begin.allows(Label::new(ModelType::Location, Position::Last)));
        assert!(!begin.allows(Label::OUTSIDE));
        assert!(Label::OUTSIDE.allows(Label::new(ModelType::Misc, Position::Unit)));
        assert!(!Label::OUTSIDE.allows(Label::new(ModelType::Misc, Position::Inside)));
    }

    #[test]
    fn malformed_runs_still_give_spans() {
        let inside = Label::new(ModelType::Location, Position::Inside);
        assert_eq!(spans_of_labels(&[inside, inside]), [(0, 2, ModelType::Location)]);
    }
}
