//! Parts of speech: a greedy averaged-perceptron tagger with the Penn Treebank tag set, trained
//! on the part-of-speech column of CoNLL-2003 (`newsdesk train pos`). The attribution tagger
//! uses the tags to tell the verbs that report speech from the nouns that name speakers.

use std::borrow::Cow;
use std::sync::LazyLock;

use xxhash_rust::xxh3::xxh3_64_with_seed;

use super::ner::features::write_short_shape;
use super::perceptron::{FeatureRows, Model, ModelError, Scorer, Weights, best, score, shuffle};

static MODEL_BYTES: &[u8] = include_bytes!("../../assets/models/pos.bin");

static MODEL: LazyLock<Model> = LazyLock::new(|| {
    // The embedded model is checked by a test; a failure here is a build defect.
    load_model().unwrap_or_else(|error| panic!("assets/models/pos.bin: {error}"))
});

/// Reads the embedded part-of-speech model.
pub fn load_model() -> Result<Model, ModelError> {
    Model::from_bytes(MODEL_BYTES)
}

/// The embedded model, loaded on first use.
pub fn model() -> &'static Model {
    &MODEL
}

fn hash(template: u8, text: &str) -> u64 {
    xxh3_64_with_seed(text.as_bytes(), u64::from(template) | 0x5050_0000)
}

fn mix(a: u64, b: u64) -> u64 {
    (a ^ b.rotate_left(23)).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1
}

/// `hash(template, "")` of the constant templates and the templates of the word window,
/// computed once.
struct Templates {
    bias: u64,
    flags: u64,
    window: [u64; 4],
    previous_tag: u64,
    previous_tags: u64,
    previous_tag_word: u64,
}

static TEMPLATES: LazyLock<Templates> = LazyLock::new(|| Templates {
    bias: hash(0, ""),
    flags: hash(31, ""),
    window: [-2i64, -1, 1, 2].map(|offset| hash(40, &offset.to_string())),
    previous_tag: hash(60, ""),
    previous_tags: hash(61, ""),
    previous_tag_word: hash(62, ""),
});

/// The byte offset where the last `n` characters of `word` begin.
fn tail_start(word: &str, n: usize) -> usize {
    word.char_indices().rev().nth(n - 1).map_or(0, |(at, _)| at)
}

/// The last three characters of `word` in reverse order (`wen` for `news`), in `buffer`.
pub(crate) fn reversed_tail<'b>(word: &str, buffer: &'b mut [u8; 16]) -> &'b str {
    let mut length = 0;
    for c in word.chars().rev().take(3) {
        length += c.encode_utf8(&mut buffer[length..]).len();
    }
    std::str::from_utf8(&buffer[..length]).unwrap_or("")
}

/// Weights smaller than this (of 32,000) are left out of the packed model: half the size and
/// faster, for 0.1 point of accuracy on CoNLL-2003 dev (95.13% against 95.26%).
const SMALLEST_WEIGHT: i16 = 1500;

/// The label-independent features of each token of a sentence.
fn static_features(words: &[&str]) -> FeatureRows {
    let templates = &*TEMPLATES;
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let lower_hashes: Vec<u64> = lower.iter().map(|w| hash(1, w)).collect();
    let at = |index: i64| -> u64 {
        if index < 0 || index as usize >= words.len() {
            0xB0B0
        } else {
            lower_hashes[index as usize]
        }
    };
    let mut buffer = [0u8; 16];
    let mut shape = String::new();
    let mut out = FeatureRows::with_capacity(words.len(), 24);
    for (i, word) in words.iter().enumerate() {
        let lowered = lower[i].as_str();
        let length = lowered.chars().count();
        out.push(templates.bias);
        out.push(mix(lower_hashes[i], 2));
        for n in 1..=4.min(length) {
            out.push(hash(10 + n as u8, &lowered[tail_start(lowered, n)..]));
        }
        for n in 1..=3.min(length) {
            let end = lowered.char_indices().nth(n).map_or(lowered.len(), |(at, _)| at);
            out.push(hash(20 + n as u8, &lowered[..end]));
        }
        write_short_shape(word, &mut shape);
        out.push(hash(30, &shape));
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        let flags = u8::from(capitalised)
            | u8::from(word.chars().any(|c| c.is_ascii_digit())) << 1
            | u8::from(word.contains('-')) << 2
            | u8::from(i == 0) << 3
            | u8::from(word.chars().all(|c| !c.is_lowercase()) && word.len() > 1) << 4;
        out.push(mix(templates.flags, u64::from(flags)));
        for (template, offset) in templates.window.iter().zip([-2i64, -1, 1, 2]) {
            out.push(mix(*template, at(i as i64 + offset)));
        }
        let next_suffix = lower
            .get(i + 1)
            .map_or("", |next| reversed_tail(next, &mut buffer));
        out.push(hash(50, next_suffix));
        out.end_row();
    }
    out
}

/// The features that depend on the tags before the token.
fn tag_features(previous: &[usize], lower_hash: u64, out: &mut Vec<u64>) {
    let before = |back: usize| {
        previous
            .len()
            .checked_sub(back)
            .map_or(99, |i| previous[i] as u64)
    };
    let templates = &*TEMPLATES;
    out.push(mix(templates.previous_tag, before(1)));
    out.push(mix(mix(templates.previous_tags, before(1)), before(2)));
    out.push(mix(mix(templates.previous_tag_word, before(1)), lower_hash));
}

/// Tags a sentence greedily with any scorer over the model's labels.
fn tag_with<S: Scorer>(scorer: &S, labels: usize, words: &[&str]) -> Vec<usize> {
    let features = static_features(words);
    let mut tags: Vec<usize> = Vec::with_capacity(words.len());
    let mut dynamic = Vec::with_capacity(4);
    for static_features in (0..features.len()).map(|i| features.row(i)) {
        dynamic.clear();
        tag_features(&tags, static_features[1], &mut dynamic);
        let scores = score(scorer, static_features, &dynamic);
        tags.push(best(&scores, labels, |_| true).unwrap_or(0));
    }
    tags
}

/// The part-of-speech tags of a sentence's words (`NNP`, `VBD`, ...).
///
/// ```
/// let tags = newsdesk::annotate::pos::tag(&["The", "minister", "said", "talks", "would", "resume", "."]);
/// assert_eq!(tags[2], "VBD");
/// ```
pub fn tag(words: &[&str]) -> Vec<&'static str> {
    let model = model();
    // The training data writes straight quotes and apostrophes.
    let straight: Vec<Cow<str>> = words
        .iter()
        .map(|w| {
            if w.contains(['’', '‘', '“', '”']) {
                Cow::Owned(w.replace(['’', '‘'], "'").replace(['“', '”'], "\""))
            } else {
                Cow::Borrowed(*w)
            }
        })
        .collect();
    let words: Vec<&str> = straight.iter().map(|w| w.as_ref()).collect();
    tag_with(model, model.labels().len(), &words)
        .into_iter()
        .map(|index| model.labels().get(index).map_or("NN", String::as_str))
        .collect()
}

/// Trains a tagger on tagged sentences (words with their tags); `after_epoch` sees the epoch
/// number and the model so far. Deterministic: the same data gives the same bytes.
pub fn train(
    sentences: &[(Vec<String>, Vec<String>)],
    epochs: usize,
    mut after_epoch: impl FnMut(usize, &Model),
) -> Vec<u8> {
    let mut names: Vec<String> = sentences
        .iter()
        .flat_map(|(_, tags)| tags.iter().cloned())
        .collect();
    names.sort();
    names.dedup();
    names.truncate(super::perceptron::MAX_LABELS);
    let prepared: Vec<(FeatureRows, Vec<usize>)> = sentences
        .iter()
        .map(|(words, tags)| {
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            let gold = tags
                .iter()
                .map(|tag| names.binary_search(tag).unwrap_or(0))
                .collect();
            (static_features(&words), gold)
        })
        .collect();
    let mut weights = Weights::new(names.len());
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut seed = 1996u64;
    let mut dynamic = Vec::with_capacity(4);
    for epoch in 1..=epochs {
        shuffle(&mut order, &mut seed);
        for &index in &order {
            let (features, gold) = &prepared[index];
            let mut tags: Vec<usize> = Vec::with_capacity(gold.len());
            for (i, static_features) in (0..features.len()).map(|i| features.row(i)).enumerate() {
                weights.tick();
                dynamic.clear();
                tag_features(&tags, static_features[1], &mut dynamic);
                let scores = score(&weights, static_features, &dynamic);
                let predicted = best(&scores, names.len(), |_| true).unwrap_or(0);
                if predicted != gold[i] {
                    weights.update(static_features, &dynamic, gold[i], predicted);
                }
                tags.push(predicted);
            }
        }
        if let Ok(model) = Model::from_bytes(&Model::pack(&names, &weights.averaged(SMALLEST_WEIGHT))) {
            after_epoch(epoch, &model);
        }
    }
    Model::pack(&names, &weights.averaged(SMALLEST_WEIGHT))
}

/// The share of tokens a model tags as the data does, in percent.
pub fn accuracy(model: &Model, sentences: &[(Vec<String>, Vec<String>)]) -> f64 {
    let (mut right, mut total) = (0usize, 0usize);
    for (words, tags) in sentences {
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let predicted = tag_with(model, model.labels().len(), &words);
        for (index, gold) in predicted.into_iter().zip(tags) {
            total += 1;
            right += usize::from(model.labels().get(index) == Some(gold));
        }
    }
    100.0 * right as f64 / total.max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_model_loads_with_the_treebank_tags() {
        let model = load_model().expect("model");
        for tag in ["NN", "NNP", "VBD", "IN", "DT", "JJ"] {
            assert!(model.labels().iter().any(|label| label == tag), "{tag}");
        }
    }

    #[test]
    fn reporting_verbs_and_names() {
        let tags = tag(&[
            "Foreign",
            "Minister",
            "Salem",
            "Al-Rifai",
            "told",
            "reporters",
            "on",
            "Tuesday",
            "that",
            "talks",
            "resumed",
            ".",
        ]);
        assert_eq!(tags[4], "VBD");
        assert_eq!(tags[2], "NNP");
        assert_eq!(tags[8], "IN");
    }

    #[test]
    fn curly_quotes_tag_like_straight_ones() {
        assert_eq!(tag(&["Britain", "’s", "envoy"]), tag(&["Britain", "'s", "envoy"]));
        assert_eq!(
            tag(&["“", "Yes", ",", "”", "he", "said"])[0],
            tag(&["\"", "Yes", ",", "\"", "he", "said"])[0]
        );
    }

    #[test]
    fn training_is_deterministic_and_learns() {
        let sentence = |words: &[&str], tags: &[&str]| {
            (
                words.iter().map(|w| w.to_string()).collect(),
                tags.iter().map(|t| t.to_string()).collect(),
            )
        };
        let data = vec![
            sentence(&["He", "said", "so", "."], &["PRP", "VBD", "RB", "."]),
            sentence(&["She", "said", "no", "."], &["PRP", "VBD", "DT", "."]),
        ];
        let first = train(&data, 5, |_, _| {});
        assert_eq!(first, train(&data, 5, |_, _| {}));
        let model = Model::from_bytes(&first).expect("model");
        assert!(accuracy(&model, &data) > 99.0);
    }
}
