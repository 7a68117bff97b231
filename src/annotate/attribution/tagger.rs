//! The attribution tagger: every token of a paragraph is outside, or begins or continues a
//! source, a cue or a content (BIO over three roles). An averaged perceptron trained on
//! PolNeAR (`newsdesk train attribution`) decides, greedily left to right, from the words and
//! their parts of speech, the quotation marks around them, the reporting verbs near them, the
//! entities they belong to, and the labels before them.

use std::collections::HashSet;
use std::sync::LazyLock;

use xxhash_rust::xxh3::xxh3_64_with_seed;

use crate::annotate::ner::features::write_short_shape;
use crate::annotate::perceptron::{
    FeatureRows, HashMapOfHashes, Model, ModelError, Scorer, Scores, Weights, score, shuffle,
};
use crate::annotate::pos::reversed_tail;

use super::roles::{Role, RoleSpans};

/// The tagger's labels: `O`, then `B`/`I` of source, cue and content.
pub const LABELS: [&str; 7] = ["O", "B-SRC", "I-SRC", "B-CUE", "I-CUE", "B-CON", "I-CON"];

/// The label of a role position: `begin` or inside.
pub fn label_of(role: Role, begin: bool) -> usize {
    1 + 2 * role.number() + usize::from(!begin)
}

/// The role of a label, `None` for `O`.
pub fn role_of(label: usize) -> Option<Role> {
    label.checked_sub(1).and_then(|l| Role::from_number(l / 2))
}

/// True when `label` may follow `previous` (an inside label continues its own role).
fn allows(previous: usize, label: usize) -> bool {
    label == 0 || (label - 1) % 2 == 0 || role_of(previous) == role_of(label)
}

/// One token as the tagger sees it.
#[derive(Debug, Clone, Default)]
pub struct TokenView<'a> {
    /// The token's text.
    pub text: &'a str,
    /// Its part-of-speech tag.
    pub pos: &'a str,
    /// The kind of entity it is part of (`person`, ...), if any.
    pub entity: Option<&'static str>,
    /// True for the first token of a sentence.
    pub sentence_start: bool,
    /// True for the last token of a sentence.
    pub sentence_end: bool,
}

static CUES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../../assets/attribution/cues.txt")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
});

/// True for a word that reports speech, thought or intention (`said`, `believes`).
pub fn is_cue_word(word: &str) -> bool {
    if word.bytes().all(|b| !b.is_ascii_uppercase() && b.is_ascii()) {
        CUES.contains(word)
    } else {
        CUES.contains(word.to_lowercase().as_str())
    }
}

fn hash(template: u8, text: &str) -> u64 {
    xxh3_64_with_seed(text.as_bytes(), u64::from(template) | 0xA770_0000)
}

fn mix(a: u64, b: u64) -> u64 {
    (a ^ b.rotate_left(27)).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1
}

fn bucket(distance: usize) -> u64 {
    match distance {
        0..=3 => distance as u64,
        4..=6 => 4,
        7..=12 => 5,
        _ => 6,
    }
}

/// True for a quotation mark that opens or closes a quote.
fn is_quote(text: &str) -> bool {
    matches!(text, "\"" | "“" | "”" | "«" | "»" | "``" | "''")
}

/// `hash(template, "")` for every template, and the position templates of the word and
/// part-of-speech windows, computed once.
struct Templates {
    empty: [u64; 33],
    word_at: [u64; 4],
    pos_at: [u64; 6],
}

static TEMPLATES: LazyLock<Templates> = LazyLock::new(|| Templates {
    empty: std::array::from_fn(|template| hash(template as u8, "")),
    word_at: [-2i64, -1, 1, 2].map(|offset| hash(7, &offset.to_string())),
    pos_at: [-3i64, -2, -1, 1, 2, 3].map(|offset| hash(8, &offset.to_string())),
});

/// For each token, the nearest reporting word before it (`forward == false`) or after it in
/// its sentence.
fn nearest_cues(cue: &[bool], sentence_of: &[usize], forward: bool) -> Vec<Option<usize>> {
    let n = cue.len();
    let mut out = vec![None; n];
    let mut last: Option<usize> = None;
    let order: Box<dyn Iterator<Item = usize>> = if forward {
        Box::new((0..n).rev())
    } else {
        Box::new(0..n)
    };
    for i in order {
        out[i] = last.filter(|&j| sentence_of[j] == sentence_of[i]);
        if cue[i] {
            last = Some(i);
        }
    }
    out
}

/// The label-independent features of every token of a paragraph.
pub fn paragraph_features(tokens: &[TokenView<'_>]) -> FeatureRows {
    let templates = &*TEMPLATES;
    let lower: Vec<String> = tokens.iter().map(|t| t.text.to_lowercase()).collect();
    let lower_hashes: Vec<u64> = lower.iter().map(|w| hash(1, w)).collect();
    let pos_hashes: Vec<u64> = tokens.iter().map(|t| hash(2, t.pos)).collect();
    let cue: Vec<bool> = tokens.iter().map(|t| is_cue_word(t.text)).collect();
    // Inside a quotation: straight quotes alternate, curly ones say which way they face.
    let mut inside = vec![false; tokens.len()];
    let mut open = false;
    for (index, token) in tokens.iter().enumerate() {
        match token.text {
            "“" | "«" => open = true,
            "”" | "»" => open = false,
            "\"" | "``" | "''" => open = !open,
            _ => {}
        }
        inside[index] = open || is_quote(token.text);
    }
    let sentence_of: Vec<usize> = tokens
        .iter()
        .scan(0usize, |sentence, token| {
            if token.sentence_start {
                *sentence += 1;
            }
            Some(*sentence)
        })
        .collect();
    let cues_before = nearest_cues(&cue, &sentence_of, false);
    let cues_after = nearest_cues(&cue, &sentence_of, true);
    let paragraph_quote = tokens.first().is_some_and(|t| is_quote(t.text));
    let at = |hashes: &[u64], index: i64| -> u64 {
        if index < 0 || index as usize >= hashes.len() {
            0xFEED
        } else {
            hashes[index as usize]
        }
    };
    let empty = |template: usize| templates.empty[template];
    let mut out = FeatureRows::with_capacity(tokens.len(), 40);
    let mut buffer = [0u8; 16];
    let mut shape = String::new();
    for (i, token) in tokens.iter().enumerate() {
        out.push(empty(0));
        out.push(mix(lower_hashes[i], 3));
        out.push(mix(pos_hashes[i], 4));
        write_short_shape(token.text, &mut shape);
        out.push(hash(5, &shape));
        out.push(hash(6, reversed_tail(&lower[i], &mut buffer)));
        for (template, offset) in templates.word_at.iter().zip([-2i64, -1, 1, 2]) {
            out.push(mix(*template, at(&lower_hashes, i as i64 + offset)));
        }
        for (template, offset) in templates.pos_at.iter().zip([-3i64, -2, -1, 1, 2, 3]) {
            out.push(mix(*template, at(&pos_hashes, i as i64 + offset)));
        }
        out.push(mix(mix(empty(9), at(&pos_hashes, i as i64 - 1)), pos_hashes[i]));
        out.push(mix(mix(empty(10), pos_hashes[i]), at(&pos_hashes, i as i64 + 1)));
        out.push(mix(
            empty(11),
            u64::from(inside[i]) << 1 | u64::from(is_quote(token.text)),
        ));
        out.push(mix(mix(empty(12), u64::from(inside[i])), pos_hashes[i]));
        let place = u64::from(token.sentence_start) | u64::from(token.sentence_end) << 1;
        out.push(mix(empty(13), place));
        out.push(mix(empty(14), u64::from(cue[i])));
        // The nearest reporting word on each side within the sentence, and how far.
        let entity = hash(19, token.entity.unwrap_or("none"));
        for (direction, found) in [(0u64, cues_before[i]), (1u64, cues_after[i])] {
            match found {
                Some(j) => {
                    let distance = bucket(i.abs_diff(j));
                    out.push(mix(mix(empty(15), direction), distance));
                    out.push(mix(mix(empty(16), direction), mix(distance, lower_hashes[j])));
                    out.push(mix(mix(empty(17), direction), mix(distance, pos_hashes[i])));
                    out.push(mix(mix(empty(23), direction), mix(distance, entity)));
                    out.push(mix(
                        mix(empty(24), direction),
                        mix(u64::from(inside[i]), distance),
                    ));
                }
                None => out.push(mix(empty(18), direction)),
            }
        }
        out.push(entity);
        out.push(mix(
            hash(20, token.entity.unwrap_or("none")),
            at(&lower_hashes, i as i64 - 1),
        ));
        if i > 0 && cue[i - 1] && lower[i] == "that" {
            out.push(hash(21, "that-after-cue"));
        }
        out.push(mix(
            mix(empty(25), at(&lower_hashes, i as i64 - 1)),
            lower_hashes[i],
        ));
        out.push(mix(
            mix(empty(26), lower_hashes[i]),
            at(&lower_hashes, i as i64 + 1),
        ));
        out.push(mix(empty(22), u64::from(paragraph_quote)));
        out.end_row();
    }
    out
}

/// The features of the step from label `previous` (`START` at the paragraph's beginning) to
/// the token with part of speech `pos`.
fn transition_features(previous: usize, pos: u64) -> [u64; 2] {
    let empty = &TEMPLATES.empty;
    [
        mix(empty[30], previous as u64),
        mix(mix(empty[32], previous as u64), pos),
    ]
}

/// Weights smaller than this (of 32,000) are left out of the packed model: on PolNeAR dev
/// they change no score by more than half a point, and without them the model is a tenth of
/// the size and faster to look up.
const SMALLEST_WEIGHT: i16 = 800;

/// The label before the first token.
const START: usize = LABELS.len();

/// The transition scores of the step from each previous label (`START` last) to each label.
type StepScores = [[i32; LABELS.len()]; START + 1];

/// The transition scores of the steps into a token with part of speech `pos`, with the
/// previous labels' `label_bias` added.
fn step_scores<S: Scorer>(scorer: &S, label_bias: &[Scores], pos: u64) -> StepScores {
    std::array::from_fn(|previous| {
        let transitions = score(scorer, &transition_features(previous, pos)[1..], &[]);
        std::array::from_fn(|label| transitions[label] + label_bias[previous][label])
    })
}

/// The best label sequence of a paragraph (Viterbi over the labels, BIO enforced), with its
/// per-token static features and parts of speech.
fn viterbi<S: Scorer>(scorer: &S, features: &FeatureRows, pos: &[u64]) -> Vec<usize> {
    let n = features.len();
    if n == 0 {
        return Vec::new();
    }
    let labels = LABELS.len();
    let mut best_score = vec![[i64::MIN; LABELS.len()]; n];
    let mut back = vec![[0usize; LABELS.len()]; n];
    // The first transition feature depends on the previous label alone: score it once.
    let label_bias: Vec<Scores> = (0..=START)
        .map(|previous| score(scorer, &transition_features(previous, 0)[..1], &[]))
        .collect();
    // The steps into a token depend on its part of speech alone: score them once for each
    // part of speech of the paragraph.
    let mut steps_by_pos: HashMapOfHashes<StepScores> = HashMapOfHashes::default();
    for i in 0..n {
        let static_scores = score(scorer, features.row(i), &[]);
        let steps = steps_by_pos
            .entry(pos[i])
            .or_insert_with(|| step_scores(scorer, &label_bias, pos[i]));
        let previous_labels: &[usize] = if i == 0 { &[START] } else { &[0, 1, 2, 3, 4, 5, 6] };
        for &previous in previous_labels {
            let from = if i == 0 { 0 } else { best_score[i - 1][previous] };
            if from == i64::MIN {
                continue;
            }
            let step = &steps[previous];
            for label in 0..labels {
                if !allows(if previous == START { 0 } else { previous }, label) {
                    continue;
                }
                let total = from + i64::from(static_scores[label]) + i64::from(step[label]);
                if total > best_score[i][label] {
                    best_score[i][label] = total;
                    back[i][label] = previous;
                }
            }
        }
    }
    let mut label = (0..labels).max_by_key(|&l| best_score[n - 1][l]).unwrap_or(0);
    let mut path = vec![0; n];
    for i in (0..n).rev() {
        path[i] = label;
        label = back[i][label];
    }
    path
}

/// Tags a paragraph with the best label sequence.
pub fn tag_with<S: Scorer>(scorer: &S, tokens: &[TokenView<'_>], features: &FeatureRows) -> Vec<usize> {
    let pos: Vec<u64> = tokens.iter().map(|t| hash(2, t.pos)).collect();
    viterbi(scorer, features, &pos)
}

static MODEL_BYTES: &[u8] = include_bytes!("../../../assets/models/attribution.bin");

static MODEL: LazyLock<Model> = LazyLock::new(|| {
    // The embedded model is checked by a test; a failure here is a build defect.
    load_model().unwrap_or_else(|error| panic!("assets/models/attribution.bin: {error}"))
});

/// Reads the embedded attribution model.
pub fn load_model() -> Result<Model, ModelError> {
    Model::from_bytes(MODEL_BYTES)
}

/// The embedded model, loaded on first use.
pub fn model() -> &'static Model {
    &MODEL
}

/// One training paragraph: token features, parts of speech and gold labels.
pub struct TrainingParagraph {
    features: FeatureRows,
    pos: Vec<u64>,
    gold: Vec<usize>,
}

impl TrainingParagraph {
    /// A paragraph from its tokens and their gold labels.
    pub fn new(tokens: &[TokenView<'_>], gold: Vec<usize>) -> Self {
        TrainingParagraph {
            features: paragraph_features(tokens),
            pos: tokens.iter().map(|t| hash(2, t.pos)).collect(),
            gold,
        }
    }
}

/// Trains the tagger as a structured perceptron: each paragraph is decoded whole, and where
/// the best sequence differs from the gold one, the gold path's features go up and the
/// predicted path's down. `after_epoch` sees each epoch and the model so far. Deterministic.
pub fn train(
    paragraphs: &[TrainingParagraph],
    epochs: usize,
    mut after_epoch: impl FnMut(usize, &Model),
) -> Vec<u8> {
    let names: Vec<String> = LABELS.iter().map(|l| l.to_string()).collect();
    let mut weights = Weights::new(LABELS.len());
    let mut order: Vec<usize> = (0..paragraphs.len()).collect();
    let mut seed = 2016u64;
    for epoch in 1..=epochs {
        shuffle(&mut order, &mut seed);
        for &index in &order {
            let paragraph = &paragraphs[index];
            let predicted = viterbi(&weights, &paragraph.features, &paragraph.pos);
            for _ in 0..paragraph.gold.len() {
                weights.tick();
            }
            if predicted == paragraph.gold {
                continue;
            }
            for (i, (&gold, &guess)) in paragraph.gold.iter().zip(&predicted).enumerate() {
                let gold_before = if i == 0 { START } else { paragraph.gold[i - 1] };
                let guess_before = if i == 0 { START } else { predicted[i - 1] };
                if gold == guess && gold_before == guess_before {
                    continue;
                }
                weights.adjust(paragraph.features.row(i), gold, 1);
                weights.adjust(&transition_features(gold_before, paragraph.pos[i]), gold, 1);
                weights.adjust(paragraph.features.row(i), guess, -1);
                weights.adjust(&transition_features(guess_before, paragraph.pos[i]), guess, -1);
            }
        }
        if let Ok(model) = Model::from_bytes(&Model::pack(&names, &weights.averaged(SMALLEST_WEIGHT))) {
            after_epoch(epoch, &model);
        }
    }
    Model::pack(&names, &weights.averaged(SMALLEST_WEIGHT))
}

/// Role spans of BIO labels: `(role, token range)` in order.
pub fn spans(labels: &[usize]) -> RoleSpans {
    let mut out = RoleSpans::new();
    for (index, &label) in labels.iter().enumerate() {
        let Some(role) = role_of(label) else { continue };
        let begins = (label - 1) % 2 == 0;
        match out.last_mut() {
            Some((last_role, range)) if !begins && *last_role == role && range.end == index => {
                range.end = index + 1
            }
            _ => out.push((role, index..index + 1)),
        }
    }
    out
}

/// Exact span F1 per role (source, cue, content) of a model on paragraphs, in percent.
pub fn evaluate(model: &Model, paragraphs: &[TrainingParagraph]) -> [f64; 3] {
    let mut counts = [[0usize; 3]; 3]; // true positives, predicted, gold
    for paragraph in paragraphs {
        let labels = viterbi(model, &paragraph.features, &paragraph.pos);
        let found = spans(&labels);
        let wanted = spans(&paragraph.gold);
        for (role, range) in &found {
            counts[role.number()][1] += 1;
            if wanted.contains(&(*role, range.clone())) {
                counts[role.number()][0] += 1;
            }
        }
        for (role, _) in &wanted {
            counts[role.number()][2] += 1;
        }
    }
    counts.map(|[tp, predicted, gold]| {
        let precision = tp as f64 / predicted.max(1) as f64;
        let recall = tp as f64 / gold.max(1) as f64;
        if precision + recall == 0.0 {
            0.0
        } else {
            200.0 * precision * recall / (precision + recall)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_spans() {
        let labels = [
            0,
            label_of(Role::Source, true),
            label_of(Role::Source, false),
            label_of(Role::Cue, true),
            label_of(Role::Content, true),
            label_of(Role::Content, false),
            0,
        ];
        assert_eq!(
            spans(&labels),
            vec![(Role::Source, 1..3), (Role::Cue, 3..4), (Role::Content, 4..6)]
        );
        assert!(!allows(0, label_of(Role::Content, false)));
        assert!(allows(
            label_of(Role::Content, true),
            label_of(Role::Content, false)
        ));
        assert_eq!(role_of(0), None);
        assert_eq!(role_of(label_of(Role::Cue, false)), Some(Role::Cue));
    }

    #[test]
    fn the_cue_list_knows_reporting_verbs() {
        for word in ["said", "Told", "affirmed", "according", "believes"] {
            assert!(is_cue_word(word), "{word}");
        }
        assert!(!is_cue_word("table"));
    }
}
