//! Features of the entity recogniser. Every feature is a 64-bit hash of a template and its
//! values; the features of a token that do not depend on labels are computed once per document
//! ([`DocumentFeatures`]), those that do ([`label_features`]) at each decoding step.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use crate::annotate::perceptron::{FeatureRows, HashMapOfHashes, PassThrough};

use xxhash_rust::xxh3::xxh3_64_with_seed;

use super::labels::{LABELS, Label};

/// One token as the recogniser sees it: its text and the lexicon entries it is part of.
#[derive(Debug, Clone, Default)]
pub struct TokenInput<'a> {
    /// The token's text.
    pub text: &'a str,
    /// Lexicon memberships: `(list, position)` codes, each below 64.
    pub lexicon: Vec<u8>,
}

/// A sentence: its tokens, in order.
pub type SentenceInput<'a> = Vec<TokenInput<'a>>;

/// Feature templates; the discriminant seeds the hash.
#[derive(Debug, Clone, Copy)]
#[repr(u8)]
enum Template {
    Bias = 1,
    Lower,
    Exact,
    Shape,
    ShortShape,
    Prefix,
    Suffix,
    Flags,
    LowerAt,
    ShapeAt,
    LowerPair,
    ShapePair,
    LexiconHere,
    LexiconAt,
    Headline,
    HeadlineShape,
    SentenceStart,
    DocumentLowercase,
    DocumentCapitalised,
    PreviousLabel,
    PreviousLabels,
    PreviousLabelWord,
    History,
    HistoryShape,
    LexiconShape,
    PreviousLabelShape,
    Aggregate,
    LowerShape,
}

fn mix(a: u64, b: u64) -> u64 {
    (a ^ b.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (a >> 31)
}

fn feature(template: Template, value: u64) -> u64 {
    mix(template as u64 | (0xA5 << 56), value) | 1
}

fn feature2(template: Template, first: u64, second: u64) -> u64 {
    feature(template, mix(first, second.wrapping_add(0x51)))
}

fn hash_str(text: &str) -> u64 {
    xxh3_64_with_seed(text.as_bytes(), 7)
}

/// The word shape: `X` for capitals, `x` lowercase, `d` digits, other characters as they are,
/// at most 12 characters (`Al-Sabah` → `Xx-Xxxxx`).
pub fn shape(word: &str) -> String {
    word.chars().take(12).map(shape_char).collect()
}

/// One character's shape: `X`, `x`, `d`, or the character itself.
fn shape_char(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

/// The shape with runs of one character collapsed (`Xx-Xx`).
pub fn short_shape(word: &str) -> String {
    let mut out = String::new();
    write_short_shape(word, &mut out);
    out
}

/// Writes the short shape of `word` (see [`short_shape`]) into `out`, in place of what it held.
pub fn write_short_shape(word: &str, out: &mut String) {
    out.clear();
    let mut last = None;
    for c in word.chars().take(12).map(shape_char) {
        if last != Some(c) {
            out.push(c);
            last = Some(c);
        }
    }
}

/// Writes `word` in lowercase, character by character, into `out`, in place of what it held.
fn write_lowercase(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// What is known about one token besides its own text, precomputed per document.
#[derive(Debug, Clone, Copy)]
struct TokenFacts {
    lower: u64,
    shape: u64,
    short_shape: u64,
}

impl TokenFacts {
    /// The facts of a token; `buffer` is scratch space reused between tokens.
    fn of(token: &TokenInput<'_>, buffer: &mut String) -> TokenFacts {
        write_lowercase(token.text, buffer);
        let lower = hash_str(buffer);
        buffer.clear();
        buffer.extend(token.text.chars().take(12).map(shape_char));
        let shape = hash_str(buffer);
        write_short_shape(token.text, buffer);
        let short_shape = hash_str(buffer);
        TokenFacts {
            lower,
            shape,
            short_shape,
        }
    }
}

/// A set of hashes.
type HashSetOfHashes = HashSet<u64, BuildHasherDefault<PassThrough>>;

/// The label-independent features of every token of a document, and what label features need.
#[derive(Debug)]
pub struct DocumentFeatures {
    /// Per sentence, per token, its static feature hashes.
    pub sentences: Vec<FeatureRows>,
    /// Per sentence, per token, the hash of the lowercase word (for label features).
    lower: Vec<Vec<u64>>,
    /// Per sentence, per token, the hash of the short shape.
    short_shapes: Vec<Vec<u64>>,
    /// Per sentence, per token, which labels the token can take.
    allowed: Vec<Vec<Allowed>>,
}

/// Which labels a token can take, from its form alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Allowed {
    /// Any label.
    Any,
    /// Outside every entity: sentence punctuation, and lowercase words other than the
    /// connectors that occur inside names (`of`, `de`, `bin`, `'s`). The recogniser does not
    /// even score these tokens.
    Outside,
}

impl Allowed {
    /// What a token's form allows.
    pub fn of(word: &str) -> Allowed {
        const CONNECTORS: &[&str] = &[
            "of", "and", "for", "the", "de", "del", "della", "dello", "di", "da", "do", "dos", "du", "des",
            "la", "le", "les", "el", "al", "bin", "ibn", "bint", "van", "von", "der", "den", "zu", "y", "e",
            "on", "upon", "in", "at", "'s", "’s", "'", "’", "a", "an", "to",
        ];
        let punctuation = word != ","
            && word.chars().all(|c| {
                matches!(
                    c,
                    '.' | ',' | ';' | ':' | '!' | '?' | '(' | ')' | '[' | ']' | '"' | '“' | '”'
                )
            });
        let lowercase_start = word.chars().next().is_some_and(char::is_lowercase);
        if punctuation || (lowercase_start && !CONNECTORS.contains(&word) && !is_particle_name(word)) {
            return Allowed::Outside;
        }
        Allowed::Any
    }

    /// True when the label is allowed.
    pub fn permits(self, label: Label) -> bool {
        self == Allowed::Any || label == Label::OUTSIDE
    }
}

/// A name written after a lowercase Arabic or European particle: `al-Assad`, `el-Sheikh`,
/// `bin-Salman`, `ash-Shura`, `van-Dijk`.
fn is_particle_name(word: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "bin", "ibn", "abu", "bou", "ben", "da", "de",
        "di", "du", "le", "la", "van", "von",
    ];
    word.split_once('-').is_some_and(|(particle, name)| {
        PARTICLES.contains(&particle) && name.chars().next().is_some_and(char::is_uppercase)
    })
}

impl DocumentFeatures {
    /// Computes the static features of a document's sentences.
    pub fn new(sentences: &[SentenceInput<'_>]) -> Self {
        let mut buffer = String::new();
        let facts: Vec<Vec<TokenFacts>> = sentences
            .iter()
            .map(|sentence| {
                sentence
                    .iter()
                    .map(|token| TokenFacts::of(token, &mut buffer))
                    .collect()
            })
            .collect();
        // Document-level facts: which words appear in lowercase, which capitalised mid-sentence.
        let mut seen_lowercase: HashSetOfHashes = HashSetOfHashes::default();
        let mut seen_capitalised_mid: HashSetOfHashes = HashSetOfHashes::default();
        let headlines: Vec<bool> = sentences.iter().map(|s| is_headline(s)).collect();
        for ((sentence, &headline), facts) in sentences.iter().zip(&headlines).zip(&facts) {
            let opening = first_word(sentence);
            for (index, token) in sentence.iter().enumerate() {
                let word = token.text;
                if word.chars().all(|c| !c.is_uppercase()) && word.chars().any(char::is_alphabetic) {
                    seen_lowercase.insert(facts[index].lower);
                } else if index > opening && !headline && is_capitalised(word) {
                    seen_capitalised_mid.insert(facts[index].lower);
                }
            }
        }
        let contexts = aggregate_contexts(sentences, &facts);
        let mut all = Vec::with_capacity(sentences.len());
        let mut out = Vec::with_capacity(64);
        let allowed: Vec<Vec<Allowed>> = sentences
            .iter()
            .map(|s| s.iter().map(|t| Allowed::of(t.text)).collect())
            .collect();
        for (((sentence, &headline), facts), allowed) in
            sentences.iter().zip(&headlines).zip(&facts).zip(&allowed)
        {
            let opening = first_word(sentence);
            let mut features = FeatureRows::with_capacity(sentence.len(), 64);
            for (index, token) in sentence.iter().enumerate() {
                if allowed[index] == Allowed::Outside {
                    features.end_row();
                    continue;
                }
                out.clear();
                token_features(
                    sentence,
                    facts,
                    index,
                    headline,
                    index <= opening,
                    &mut buffer,
                    &mut out,
                );
                let lower = facts[index].lower;
                if is_capitalised(token.text) && seen_lowercase.contains(&lower) {
                    out.push(feature(Template::DocumentLowercase, facts[index].short_shape));
                }
                if (index == 0 || headline) && seen_capitalised_mid.contains(&lower) {
                    out.push(feature(Template::DocumentCapitalised, u64::from(headline)));
                }
                if let Some(context) = contexts.get(&lower) {
                    out.extend(context.iter().map(|&c| feature(Template::Aggregate, c)));
                }
                features.push_row(&out);
            }
            all.push(features);
        }
        DocumentFeatures {
            sentences: all,
            lower: facts
                .iter()
                .map(|s| s.iter().map(|f| f.lower).collect())
                .collect(),
            short_shapes: facts
                .iter()
                .map(|s| s.iter().map(|f| f.short_shape).collect())
                .collect(),
            allowed,
        }
    }

    /// The hash of the lowercase word of a token (the key of the prediction history).
    pub fn lower(&self, sentence: usize, token: usize) -> u64 {
        self.lower[sentence][token]
    }

    /// The hash of the short shape of a token.
    pub fn short_shape(&self, sentence: usize, token: usize) -> u64 {
        self.short_shapes[sentence][token]
    }

    /// Which labels a token can take.
    pub fn allowed(&self, sentence: usize, token: usize) -> Allowed {
        self.allowed[sentence][token]
    }
}

/// Context aggregation: for every capitalised word, the words around all its occurrences in
/// the document (at most a few dozen), so that `Simmons` alone inherits `Phil Simmons took`.
fn aggregate_contexts(
    sentences: &[SentenceInput<'_>],
    facts: &[Vec<TokenFacts>],
) -> HashMapOfHashes<Vec<u64>> {
    const MOST: usize = 24;
    let mut contexts: HashMapOfHashes<Vec<u64>> = HashMapOfHashes::default();
    for (sentence, facts) in sentences.iter().zip(facts) {
        for (index, token) in sentence.iter().enumerate() {
            if !is_capitalised(token.text) {
                continue;
            }
            let entry = contexts.entry(facts[index].lower).or_default();
            for offset in [-2i64, -1, 1, 2] {
                let at = index as i64 + offset;
                if at < 0 || at as usize >= facts.len() || entry.len() >= MOST {
                    continue;
                }
                let value = mix(offset as u64, facts[at as usize].lower);
                if !entry.contains(&value) {
                    entry.push(value);
                }
            }
        }
    }
    contexts
}

/// A sentence written in capitals (a headline): most of its letters are capitals.
fn is_headline(sentence: &[TokenInput<'_>]) -> bool {
    let (mut upper, mut lower) = (0usize, 0usize);
    for token in sentence {
        for c in token.text.chars() {
            if c.is_uppercase() {
                upper += 1;
            } else if c.is_lowercase() {
                lower += 1;
            }
        }
    }
    upper >= 4 && upper > 3 * lower
}

/// The index of the first token with a letter or digit (the sentence's first word; tokens
/// before it are opening quotes and brackets).
fn first_word(sentence: &[TokenInput<'_>]) -> usize {
    sentence
        .iter()
        .position(|t| t.text.chars().any(char::is_alphanumeric))
        .unwrap_or(sentence.len())
}

fn token_features(
    sentence: &[TokenInput<'_>],
    facts: &[TokenFacts],
    index: usize,
    headline: bool,
    sentence_start: bool,
    buffer: &mut String,
    out: &mut Vec<u64>,
) {
    let word = sentence[index].text;
    let here = &facts[index];
    out.push(feature(Template::Bias, 0));
    out.push(feature(Template::Lower, here.lower));
    out.push(feature(Template::Exact, hash_str(word)));
    out.push(feature(Template::Shape, here.shape));
    out.push(feature(Template::ShortShape, here.short_shape));
    write_lowercase(word, buffer);
    let chars = buffer.chars().count();
    for n in 1..=4.min(chars) {
        let prefix_end = buffer.char_indices().nth(n).map_or(buffer.len(), |(at, _)| at);
        let suffix_start = buffer.char_indices().nth_back(n - 1).map_or(0, |(at, _)| at);
        let prefix = &buffer[..prefix_end];
        let suffix = &buffer[suffix_start..];
        out.push(feature(Template::Prefix, mix(n as u64, hash_str(prefix))));
        out.push(feature(Template::Suffix, mix(n as u64, hash_str(suffix))));
    }
    out.push(feature(Template::Flags, flags(word)));
    for offset in [-2i64, -1, 1, 2] {
        let at = index as i64 + offset;
        let value = if at < 0 || at >= facts.len() as i64 {
            // Before the start or after the end of the sentence.
            mix(offset as u64, 0xBAD)
        } else {
            mix(offset as u64, facts[at as usize].lower)
        };
        out.push(feature(Template::LowerAt, value));
        if offset.abs() == 1 {
            let shape = if at < 0 || at >= facts.len() as i64 {
                mix(offset as u64, 0xBAD)
            } else {
                mix(offset as u64, facts[at as usize].short_shape)
            };
            out.push(feature(Template::ShapeAt, shape));
        }
    }
    let previous = index.checked_sub(1).map(|i| &facts[i]);
    let next = facts.get(index + 1);
    let lower_of = |f: Option<&TokenFacts>| f.map_or(0xBAD, |f| f.lower);
    let shape_of = |f: Option<&TokenFacts>| f.map_or(0xBAD, |f| f.short_shape);
    out.push(feature(
        Template::LowerPair,
        mix(mix(1, lower_of(previous)), here.lower),
    ));
    out.push(feature(
        Template::LowerPair,
        mix(mix(2, here.lower), lower_of(next)),
    ));
    out.push(feature(
        Template::ShapePair,
        mix(mix(1, shape_of(previous)), here.short_shape),
    ));
    out.push(feature(
        Template::ShapePair,
        mix(mix(2, here.short_shape), shape_of(next)),
    ));
    out.push(feature(
        Template::ShapePair,
        mix(mix(3, shape_of(previous)), mix(here.short_shape, shape_of(next))),
    ));
    out.push(feature(
        Template::LowerShape,
        mix(mix(1, lower_of(previous)), here.short_shape),
    ));
    out.push(feature(
        Template::LowerShape,
        mix(mix(2, here.short_shape), lower_of(next)),
    ));
    for &code in &sentence[index].lexicon {
        out.push(feature(Template::LexiconHere, u64::from(code)));
        out.push(feature2(
            Template::LexiconShape,
            u64::from(code),
            here.short_shape,
        ));
    }
    for offset in [-2i64, -1, 1, 2] {
        let at = index as i64 + offset;
        if at >= 0 && (at as usize) < facts.len() {
            for &code in &sentence[at as usize].lexicon {
                out.push(feature(Template::LexiconAt, mix(offset as u64, u64::from(code))));
            }
        }
    }
    if headline {
        out.push(feature(Template::Headline, here.lower));
        out.push(feature(Template::HeadlineShape, here.short_shape));
    }
    if sentence_start {
        out.push(feature(Template::SentenceStart, here.short_shape));
        out.push(feature(Template::SentenceStart, mix(here.lower, 0x57)));
    }
}

/// Word flags as one number: capitalised, all capitals, digits, hyphen, period, apostrophe,
/// punctuation only, a single capital, length band.
fn flags(word: &str) -> u64 {
    let mut flags = 0u64;
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if is_capitalised(word) {
        flags |= 1;
    }
    if letters > 1 && word.chars().all(|c| !c.is_lowercase()) {
        flags |= 2;
    }
    if word.chars().any(|c| c.is_ascii_digit()) {
        flags |= 4;
    }
    if word.contains('-') {
        flags |= 8;
    }
    if word.contains('.') {
        flags |= 16;
    }
    if word.contains(['\'', '’']) {
        flags |= 32;
    }
    if letters == 0 && !word.chars().any(|c| c.is_ascii_digit()) {
        flags |= 64;
    }
    let length_band = match word.chars().count() {
        0..=1 => 0,
        2..=3 => 1,
        4..=6 => 2,
        7..=10 => 3,
        _ => 4,
    };
    flags | (length_band << 8)
}

/// The prediction history of a document: for each word, the entity types the decoder gave its
/// earlier occurrences.
#[derive(Debug, Default)]
pub struct History {
    counts: HashMapOfHashes<[u16; 5]>,
}

impl History {
    /// Records the label given to a word.
    pub fn record(&mut self, lower: u64, label: Label) {
        let slot = label.model_type().map_or(0, |t| t as usize + 1);
        let counts = self.counts.entry(lower).or_default();
        counts[slot] = counts[slot].saturating_add(1);
    }

    /// The most frequent entity type of the word's earlier occurrences, if it was ever tagged.
    fn majority(&self, lower: u64) -> Option<usize> {
        let counts = self.counts.get(&lower)?;
        let (best, &count) = counts.iter().enumerate().skip(1).max_by_key(|&(_, c)| *c)?;
        (count > 0).then_some(best)
    }
}

/// The features that depend on earlier labels: the previous label or two, the previous label
/// with the word, and the document's prediction history for the word.
pub fn label_features(
    document: &DocumentFeatures,
    sentence: usize,
    index: usize,
    previous: &[Label],
    history: &History,
    out: &mut Vec<u64>,
) {
    let before = |back: usize| {
        index
            .checked_sub(back)
            .map_or(u64::from(LABELS as u8 + back as u8), |i| u64::from(previous[i].0))
    };
    let lower = document.lower(sentence, index);
    out.push(feature(Template::PreviousLabel, before(1)));
    out.push(feature(Template::PreviousLabels, mix(before(2), before(1))));
    out.push(feature(Template::PreviousLabelWord, mix(before(1), lower)));
    out.push(feature(
        Template::PreviousLabelShape,
        mix(before(1), document.short_shape(sentence, index)),
    ));
    if let Some(majority) = history.majority(lower) {
        out.push(feature(Template::History, majority as u64));
        out.push(feature2(
            Template::HistoryShape,
            majority as u64,
            document.short_shape(sentence, index),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("Al-Sabah"), "Xx-Xxxxx");
        assert_eq!(short_shape("Al-Sabah"), "Xx-Xx");
        assert_eq!(short_shape("1996-08-30"), "d-d-d");
        assert_eq!(short_shape("U.S."), "X.X.");
    }

    #[test]
    fn features_are_deterministic_and_distinct() {
        let sentence: SentenceInput<'_> = ["Blinken", "met", "Golan"]
            .into_iter()
            .map(|text| TokenInput {
                text,
                lexicon: Vec::new(),
            })
            .collect();
        let one = DocumentFeatures::new(std::slice::from_ref(&sentence));
        let two = DocumentFeatures::new(std::slice::from_ref(&sentence));
        assert_eq!(one.sentences, two.sentences);
        let first: HashSet<u64> = one.sentences[0].row(0).iter().copied().collect();
        assert_eq!(
            first.len(),
            one.sentences[0].row(0).len(),
            "no two templates collide"
        );
    }

    #[test]
    fn headlines_are_capitals() {
        let words = |list: &[&'static str]| -> SentenceInput<'static> {
            list.iter()
                .map(|&text| TokenInput {
                    text,
                    lexicon: Vec::new(),
                })
                .collect()
        };
        assert!(is_headline(&words(&[
            "LEICESTERSHIRE",
            "TAKE",
            "OVER",
            "AT",
            "TOP"
        ])));
        assert!(!is_headline(&words(&["The", "Amir", "received", "the", "envoy"])));
    }

    #[test]
    fn names_after_a_lowercase_particle_may_be_names() {
        for word in ["al-Assad", "el-Sheikh", "ash-Shura", "bin-Salman", "van-Dijk"] {
            assert_eq!(Allowed::of(word), Allowed::Any, "{word}");
        }
        for word in ["al-qaeda", "well-known", "said", "co-Chair"] {
            assert_eq!(Allowed::of(word), Allowed::Outside, "{word}");
        }
    }
}
