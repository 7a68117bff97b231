//! Entities of a text: the recogniser's spans, corrected by rules that wire copy needs (titles
//! are not names but mark them; places the model took for people; nationalities are groups),
//! then grouped within the text under one canonical name per entity.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

mod compounds;

use super::lexicon::{List, lexicon};
use super::ner::labels::{ModelType, spans_of_labels};
use super::ner::model::decode;
use super::ner::{features::DocumentFeatures, sentence_input};
use super::perceptron::{Model, ModelError};
use super::tokens::Token;
use crate::lexicons::names::readable;
use crate::span::Span;

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organisation: a body, company, ministry, party, team.
    Organization,
    /// A place: a country, region, city, landmark.
    Location,
    /// Nationalities, religious and political groups (`Israeli`, `Sunni`).
    Group,
    /// Other names: events, laws, works, products.
    Misc,
    /// A bare title standing for a person named earlier (`the Secretary`).
    Title,
}

impl EntityKind {
    /// The kind's name in JSON and markup (`person`).
    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Location => "location",
            EntityKind::Group => "group",
            EntityKind::Misc => "misc",
            EntityKind::Title => "title",
        }
    }

    /// The short tag of the bracket markup (`PER`).
    pub fn tag(self) -> &'static str {
        match self {
            EntityKind::Person => "PER",
            EntityKind::Organization => "ORG",
            EntityKind::Location => "LOC",
            EntityKind::Group => "GRP",
            EntityKind::Misc => "MISC",
            EntityKind::Title => "TITLE",
        }
    }
}

/// One mention of an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Where it is written.
    pub span: Span,
    /// What it is.
    pub kind: EntityKind,
    /// The entity it names, the same for every mention of it in the text (`Antony Blinken` for
    /// `Blinken`, `United States` for `U.S.`).
    pub canonical: String,
}

static MODEL_BYTES: &[u8] = include_bytes!("../../assets/models/ner.bin");

static MODEL: LazyLock<Model> = LazyLock::new(|| {
    // The embedded model is checked by a test; a failure here is a build defect.
    load_model().unwrap_or_else(|error| panic!("assets/models/ner.bin: {error}"))
});

/// Reads the embedded model (what the first annotation does once; exposed for benchmarks).
pub fn load_model() -> Result<Model, ModelError> {
    Model::from_bytes(MODEL_BYTES)
}

/// The embedded model, loaded on first use.
pub fn model() -> &'static Model {
    &MODEL
}

/// A mention as token indices while rules work on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mention {
    start: usize,
    end: usize,
    kind: EntityKind,
}

/// Finds the entities of a text, given its tokens and sentences.
pub fn find_entities(text: &str, tokens: &[Token], sentences: &[Range<usize>]) -> Vec<Entity> {
    let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
    let inputs: Vec<_> = sentences
        .iter()
        .map(|s| sentence_input(&words[s.clone()]))
        .collect();
    let codes: Vec<Vec<u8>> = inputs
        .iter()
        .flat_map(|s| s.iter().map(|t| t.lexicon.clone()))
        .collect();
    let features = DocumentFeatures::new(&inputs);
    let labels = decode(model(), &features);
    let mut mentions = Vec::new();
    for (sentence, labels) in sentences.iter().zip(&labels) {
        for (start, end, model_type) in spans_of_labels(labels) {
            let kind = match model_type {
                ModelType::Person => EntityKind::Person,
                ModelType::Organization => EntityKind::Organization,
                ModelType::Location => EntityKind::Location,
                ModelType::Misc => EntityKind::Misc,
            };
            mentions.push(Mention {
                start: sentence.start + start,
                end: sentence.start + end,
                kind,
            });
        }
    }
    let mut sentence_ends = vec![words.len(); words.len()];
    for sentence in sentences {
        for end in &mut sentence_ends[sentence.clone()] {
            *end = sentence.end;
        }
    }
    let rules = Rules {
        words: &words,
        codes: &codes,
        sentence_ends: &sentence_ends,
    };
    let mentions = rules.apply(mentions);
    let mut entities: Vec<Entity> = mentions
        .iter()
        .map(|m| Entity {
            span: Span::new(tokens[m.start].start, tokens[m.end - 1].end),
            kind: m.kind,
            canonical: String::new(),
        })
        .collect();
    assign_canonical(text, &mut entities);
    for (start, end, canonical) in rules.bare_titles(&mentions, &entities) {
        let span = Span::new(tokens[start].start, tokens[end - 1].end);
        // The names inside a title (`Education` of `Minister of Education`) are part of it; a
        // title that would cut a name in two is not one.
        let inside = |e: &Entity| span.start <= e.span.start && e.span.end <= span.end;
        if entities
            .iter()
            .any(|e| e.span.start < span.end && span.start < e.span.end && !inside(e))
        {
            continue;
        }
        entities.retain(|e| !inside(e));
        entities.push(Entity {
            span,
            kind: EntityKind::Title,
            canonical,
        });
    }
    entities.sort_by_key(|e| e.span.start);
    compounds::split_compounds(text, entities)
}

/// The rules that correct the recogniser on wire copy.
struct Rules<'a> {
    words: &'a [&'a str],
    codes: &'a [Vec<u8>],
    /// For each token, the end of its sentence.
    sentence_ends: &'a [usize],
}

/// Which tokens the mentions cover.
fn coverage(mentions: &[Mention], len: usize) -> Vec<bool> {
    let mut covered = vec![false; len];
    for mention in mentions {
        for flag in &mut covered[mention.start.min(len)..mention.end.min(len)] {
            *flag = true;
        }
    }
    covered
}

impl Rules<'_> {
    fn in_list(&self, token: usize, list: List) -> bool {
        self.codes
            .get(token)
            .is_some_and(|codes| codes.iter().any(|&code| List::of_code(code) == Some(list)))
    }

    /// True when a list match covers exactly `start..end`.
    fn is_phrase(&self, start: usize, end: usize, list: List) -> bool {
        let unit = end - start == 1 && self.codes[start].contains(&list.code(3));
        let whole = end - start > 1
            && self.codes[start].contains(&list.code(0))
            && self.codes[end - 1].contains(&list.code(2));
        unit || whole
    }

    /// The end of a title (honorific or role) that starts at `token`, if one does.
    fn title_end(&self, token: usize) -> Option<usize> {
        let mut end = None;
        for list in [List::Honorific, List::Role] {
            if self.codes[token].contains(&list.code(3)) {
                end = end.max(Some(token + 1));
            }
            if self.codes[token].contains(&list.code(0)) {
                let mut at = token + 1;
                while at < self.words.len() && !self.codes[at].contains(&list.code(2)) {
                    at += 1;
                }
                if at < self.words.len() {
                    end = end.max(Some(at + 1));
                }
            }
        }
        end
    }

    fn is_capitalised(&self, token: usize) -> bool {
        self.words
            .get(token)
            .is_some_and(|word| word.chars().next().is_some_and(char::is_uppercase))
    }

    fn sentence_end(&self, token: usize) -> usize {
        self.sentence_ends.get(token).copied().unwrap_or(self.words.len())
    }

    fn apply(&self, mentions: Vec<Mention>) -> Vec<Mention> {
        let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
        for mention in self.split_at_articles(mentions) {
            let mut mention = mention;
            // A name neither starts nor ends with a connector or a comma: `[Ministry of
            // Defense and] the National Guard`, `[of Parliament]`.
            while mention.end - mention.start > 1 && is_connector(self.words[mention.end - 1]) {
                mention.end -= 1;
            }
            while mention.end - mention.start > 1 && is_connector(self.words[mention.start]) {
                mention.start += 1;
            }
            if is_connector(self.words[mention.start]) {
                continue;
            }
            // Nor does a person's name end where the next person's honorific starts (`Mohammed
            // bin Rashid and His Highness ...`).
            while mention.kind == EntityKind::Person
                && mention.end - mention.start > 1
                && (is_connector(self.words[mention.end - 1]) || self.title_end(mention.end - 1).is_some())
            {
                mention.end -= 1;
            }
            // Titles are not part of a name: `Secretary Blinken` → `Blinken`.
            while mention.end - mention.start > 1 {
                match self.title_end(mention.start) {
                    Some(end) if end < mention.end && mention.kind == EntityKind::Person => {
                        mention.start = end
                    }
                    _ => break,
                }
            }
            // An office after a body's name is not part of it: `[EU] High Representative`,
            // `[Dubai Crown] Prince`.
            if mention.kind != EntityKind::Person {
                if let Some(office) = (mention.start + 1..mention.end)
                    .find(|&t| self.title_end(t).is_some_and(|end| end >= mention.end))
                {
                    mention.end = office;
                }
            }
            // A lone title or a bare common word is not an entity.
            let lone_title = self
                .title_end(mention.start)
                .is_some_and(|end| end >= mention.end);
            if lone_title && mention.kind != EntityKind::Misc {
                continue;
            }
            // A sentence adverb and its comma are no part of a name: `[Meanwhile, Kuwait News
            // Agency]`.
            if mention.end - mention.start > 2
                && self.words[mention.start + 1] == ","
                && is_sentence_adverb(self.words[mention.start])
            {
                mention.start += 2;
            }
            // A body or site named after a ruler takes in the ruler's title: `King [Hussein
            // Cancer Centre]`.
            if mention.kind != EntityKind::Person
                && mention.start > 0
                && self.in_list(mention.start - 1, List::Honorific)
                && self.title_end(mention.start - 1) == Some(mention.start)
                && (self.in_list(mention.end - 1, List::OrgSuffix) || is_site(self.words[mention.end - 1]))
            {
                mention.start -= 1;
            }
            // A name the text calls a newspaper, a channel or a website is a body's: `[Al Bayan]
            // newspaper`.
            if matches!(
                self.words.get(mention.end).copied(),
                Some("newspaper" | "daily" | "magazine" | "weekly" | "channel" | "website" | "newspaper's")
            ) {
                mention.kind = EntityKind::Organization;
            }
            // A person's name after a body's acronym or head word is the person's:
            // `[KFAED] [Waleed Al-Bahar]`, `[Ministry of Health] [Ahmad Jassim]`.
            if mention.kind != EntityKind::Person {
                let person_start = (mention.start + 1..mention.end.saturating_sub(1)).find(|&t| {
                    let previous = self.words[t - 1];
                    let acronym = previous.len() >= 2 && previous.chars().all(|c| c.is_ascii_uppercase());
                    self.in_list(t, List::GivenName)
                        && self.is_capitalised(t)
                        && (acronym || self.in_list(t - 1, List::OrgSuffix))
                });
                if let Some(person_start) = person_start {
                    out.push(Mention {
                        end: person_start,
                        ..mention
                    });
                    mention.start = person_start;
                    mention.kind = EntityKind::Person;
                }
            }
            // A place the model took for a person (`Rafah`), when nothing marks a person.
            if mention.kind == EntityKind::Person && mention.end - mention.start == 1 {
                let token = mention.start;
                let place = self.in_list(token, List::Country) || self.in_list(token, List::City);
                let titled = token > 0 && self.title_before(token);
                if place && !self.in_list(token, List::GivenName) && !titled {
                    mention.kind = EntityKind::Location;
                }
            }
            // An occasion is a misc name whatever the model took it for (`[Qatar Economic
            // Summit]`), and a time zone is no name (`GMT`).
            if mention.kind != EntityKind::Person && is_occasion_head(self.words[mention.end - 1]) {
                mention.kind = EntityKind::Misc;
            }
            if mention.end - mention.start == 1 && matches!(self.words[mention.start], "GMT" | "UTC") {
                continue;
            }
            // A law or resolution keeps its number and year: `[UN Resolution No. 1701]`, `[1987
            // Constitution]`, `[Resolution 2334]`.
            if is_instrument_head(self.words[mention.end - 1]) {
                let number_at = |t: usize| {
                    self.words
                        .get(t)
                        .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
                };
                if matches!(self.words.get(mention.end).copied(), Some("No." | "No"))
                    && number_at(mention.end + 1)
                {
                    mention.end += 2;
                } else if number_at(mention.end) {
                    mention.end += 1;
                }
                let year = mention.start > 0
                    && self.words[mention.start - 1].len() == 4
                    && number_at(mention.start - 1);
                if year {
                    mention.start -= 1;
                }
                mention.kind = EntityKind::Misc;
            }
            // A place and an occasion noun name the occasion: `the [Astana conference]`.
            if mention.kind == EntityKind::Location
                && matches!(
                    self.words.get(mention.end).copied(),
                    Some("conference" | "conferences" | "forum" | "summit" | "process" | "declaration")
                )
            {
                mention.end += 1;
                mention.kind = EntityKind::Misc;
            }
            // A country is a place, whatever it stands for (`Kuwait condemned`, `the US said`),
            // and a region is no misc name (`the Middle East`).
            let region = self.is_phrase(mention.start, mention.end, List::Region);
            if self.is_phrase(mention.start, mention.end, List::Country)
                || (region && mention.kind == EntityKind::Misc)
            {
                mention.kind = EntityKind::Location;
            }
            // Nationalities and religious or political groups; a nationality word alone is one
            // whatever the model took it for (`the Palestinian side`).
            let demonym = self.is_phrase(mention.start, mention.end, List::Demonym);
            let lone_demonym = demonym && mention.end - mention.start == 1;
            if (mention.kind == EntityKind::Misc
                && (demonym || self.is_phrase(mention.start, mention.end, List::Group)))
                || (lone_demonym && mention.kind != EntityKind::Person)
            {
                mention.kind = EntityKind::Group;
            }
            // A weekday is no part of a name (`[Bloomberg Tuesday]`, `[Tehran Thursday]`).
            while mention.end - mention.start > 1
                && mention.kind != EntityKind::Misc
                && WEEKDAYS.contains(&self.words[mention.end - 1])
            {
                mention.end -= 1;
            }
            // A name led by an honorific is a person's (`[Tengku Razaleigh]` taken for a place),
            // unless a head word makes it a body, a site or an occasion (`King Hussein Cancer
            // Centre`, `Sheikh Zayed Grand Mosque`) or it is a place's name (`Sri Lanka`).
            if mention.kind != EntityKind::Person && self.in_list(mention.start, List::Honorific) {
                let name_start = self.title_end(mention.start).unwrap_or(mention.start);
                let last = mention.end - 1;
                let headed = self.in_list(last, List::OrgSuffix)
                    || self.in_list(last, List::MiscSuffix)
                    || is_geographic(self.words[last])
                    || is_site(self.words[last]);
                let place = lexicon()
                    .lists_of(&self.words[mention.start..mention.end].join(" "))
                    .iter()
                    .any(|l| matches!(l, List::Country | List::City | List::Region));
                if name_start < mention.end && !headed && !place {
                    mention.start = name_start;
                    mention.kind = EntityKind::Person;
                }
            }
            // A currency code before an amount (`USD 2.1 billion`) is not an organisation.
            if self.is_currency_amount(mention) {
                continue;
            }
            // A name ending in a geographic word is a place (`Caspian Sea`).
            if mention.kind != EntityKind::Location && is_geographic(self.words[mention.end - 1]) {
                mention.kind = EntityKind::Location;
            }
            // Two organisation pieces side by side are one name the recogniser cut in two
            // (`[Ministry of Foreign] [Affairs]`, `[Ministry] of [Health]`), and so are a ministry and the rest of its
            // portfolios after `and` (`[Ministry of Social Affairs] and [Community
            // Development]`), unless the rest has a head of its own (`and Gulf Bank`).
            if let Some(last) = out.last_mut() {
                // Two people side by side are one name too (`[Al-Zain Sabah] [Nasser Al-Sabah]`).
                let people = last.kind == EntityKind::Person && mention.kind == EntityKind::Person;
                if people && last.end == mention.start {
                    last.end = mention.end;
                    continue;
                }
                let organizations =
                    last.kind == EntityKind::Organization && mention.kind == EntityKind::Organization;
                let portfolio_rest = last.end + 1 == mention.start
                    && self.words[last.end] == "and"
                    && self.in_list(last.start, List::OrgPrefix)
                    && !self.in_list(mention.end - 1, List::OrgSuffix);
                // `[Ministry] of [Foreign Affairs]`: the `of` belongs to the prefix.
                let after_prefix = last.end + 1 == mention.start && self.in_list(last.end, List::OrgPrefix);
                if organizations && (last.end == mention.start || portfolio_rest || after_prefix) {
                    last.end = mention.end;
                    continue;
                }
            }
            // A body's head word after a list of portfolios takes the list in: `[Industry and
            // Commerce Ministry]`, `[Arab and Foreign Affairs Committee]`.
            while mention.kind == EntityKind::Organization
                && self.in_list(mention.end - 1, List::OrgSuffix)
                && mention.start >= 2
                && matches!(self.words[mention.start - 1], "and" | ",")
                && self.is_capitalised(mention.start - 2)
                && !is_sentence_adverb(self.words[mention.start - 2])
                && out.last().is_none_or(|last| last.end <= mention.start - 2)
                && self.sentence_end(mention.start - 2) == self.sentence_end(mention.start)
            {
                mention.start -= 2;
            }
            out.push(mention);
        }
        self.attach_head_words(&mut out);
        self.separate_nationalities(&mut out);
        self.complete_names(&mut out);
        self.add_headed_organizations(&mut out);
        self.extend_person_names(&mut out);
        self.propagate_person_names(&mut out);
        out
    }

    /// A head word found alone ends the name right before it, which it gives its kind (`[Gulf
    /// Water] [Council]` is one organisation, `[Caspian Energy] [Forum]` one occasion); with no
    /// name before it, it is no name (`the Ministry`, `the Summit`, `the Kingdom`).
    fn attach_head_words(&self, mentions: &mut Vec<Mention>) {
        let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
        for &mention in mentions.iter() {
            if mention.end - mention.start > 1 || !self.is_generic_head(mention.start) {
                out.push(mention);
                continue;
            }
            if let Some(last) = out
                .last_mut()
                .filter(|l| l.end == mention.start && l.kind != EntityKind::Person)
            {
                last.end = mention.end;
                last.kind = if self.in_list(mention.start, List::OrgSuffix) {
                    EntityKind::Organization
                } else if self.in_list(mention.start, List::MiscSuffix) {
                    EntityKind::Misc
                } else {
                    EntityKind::Location
                };
            }
        }
        *mentions = out;
    }

    /// A nationality before `Ministry of` is no part of the ministry's name: `[Kuwaiti]
    /// [Ministry of Health]`.
    fn separate_nationalities(&self, mentions: &mut Vec<Mention>) {
        let prefix_begin = List::OrgPrefix.code(0);
        let mut out = Vec::with_capacity(mentions.len());
        for &mention in mentions.iter() {
            if mention.end - mention.start > 2
                && self.is_phrase(mention.start, mention.start + 1, List::Demonym)
                && self.codes[mention.start + 1].contains(&prefix_begin)
            {
                out.push(Mention {
                    start: mention.start,
                    end: mention.start + 1,
                    kind: EntityKind::Group,
                });
                out.push(Mention {
                    start: mention.start + 1,
                    kind: EntityKind::Organization,
                    ..mention
                });
            } else {
                out.push(mention);
            }
        }
        *mentions = out;
    }

    /// True for a capitalised word that ends names but is no name alone: an organisation's or
    /// an occasion's head word (`Ministry`, `Summit`) or a kind of state or area (`Kingdom`).
    fn is_generic_head(&self, token: usize) -> bool {
        const STATES_AND_AREAS: &[&str] = &[
            "Kingdom",
            "Republic",
            "Sultanate",
            "Emirate",
            "State",
            "Strip",
            "Peninsula",
            "Region",
        ];
        let word = self.words[token];
        let lowercase_after_capital = word.chars().skip(1).any(char::is_lowercase);
        lowercase_after_capital
            && (STATES_AND_AREAS.contains(&word)
                || self.in_list(token, List::OrgSuffix)
                || self.in_list(token, List::MiscSuffix))
            && !self.in_list(token, List::Organization)
            && !self.in_list(token, List::Country)
    }

    /// Splits a mention where `and the` or `, the` starts another name: `[Kuwait Investment
    /// Authority and the Gulf Bank]` is two organisations.
    fn split_at_articles(&self, mentions: Vec<Mention>) -> Vec<Mention> {
        let mut out = Vec::with_capacity(mentions.len());
        for mention in mentions {
            let mut start = mention.start;
            for token in mention.start + 1..mention.end.saturating_sub(2) {
                let joined = matches!(self.words[token], "and" | "," | "&");
                if joined && matches!(self.words[token + 1], "the" | "The") {
                    out.push(Mention {
                        start,
                        end: token,
                        ..mention
                    });
                    start = token + 2;
                }
            }
            out.push(Mention { start, ..mention });
        }
        out
    }

    /// `USD 2.1 billion`: a three-letter code in capitals before a number.
    fn is_currency_amount(&self, mention: Mention) -> bool {
        let word = self.words[mention.start];
        let next = self.words.get(mention.end).copied().unwrap_or("");
        mention.end - mention.start == 1
            && word.len() == 3
            && word.chars().all(|c| c.is_ascii_uppercase())
            && CURRENCY_CODES.contains(&word)
            && next.starts_with(|c: char| c.is_ascii_digit())
    }

    /// A name the lexicon or an organisation prefix shows whole is one name, whatever pieces
    /// the model found in it: `[UN Security] [Council]`, `[Hashemite Kingdom] of [Jordan]`,
    /// `[Ministry] of [Foreign Affairs]`. A person or a longer mention that overlaps it wins, and
    /// a listed name the model saw nothing of is left alone.
    fn complete_names(&self, mentions: &mut Vec<Mention>) {
        let mut found = Vec::new();
        let mut token = 0;
        while token < self.words.len() {
            let whole = [
                (List::Organization, EntityKind::Organization),
                (List::Country, EntityKind::Location),
            ]
            .into_iter()
            .filter_map(|(list, kind)| self.listed_phrase_end(token, list).map(|end| (end, kind, false)))
            .chain(
                self.prefixed_organization_end(token)
                    .map(|end| (end, EntityKind::Organization, true)),
            )
            .max_by_key(|&(end, _, _)| end);
            match whole {
                Some((end, kind, prefixed)) if self.is_capitalised(token) => {
                    found.push((
                        Mention {
                            start: token,
                            end,
                            kind,
                        },
                        prefixed,
                    ));
                    token = end;
                }
                _ => token += 1,
            }
        }
        for (name, prefixed) in found {
            let overlapping = |m: &Mention| m.start < name.end && name.start < m.end;
            let blocked = mentions
                .iter()
                .any(|m| overlapping(m) && (m.kind == EntityKind::Person || m.end > name.end));
            // A name the model found starting earlier is the same name, begun earlier:
            // `[National] Fund for ...`.
            let start = mentions
                .iter()
                .filter(|m| overlapping(m) && m.start < name.start)
                .map(|m| m.start)
                .min()
                .unwrap_or(name.start);
            let name = Mention { start, ..name };
            // A listed name the model did not see at all is left alone: it may be common words.
            // A prefix and a capitalised name are a name anyway.
            let seen = prefixed || mentions.iter().any(overlapping);
            if !blocked && seen {
                mentions.retain(|m| !overlapping(m));
                mentions.push(name);
            }
        }
        mentions.sort_by_key(|m| m.start);
    }

    /// Capitalised words after `the` or a possessive that end in a body's head word and that
    /// the model left untagged are an organisation: `the [Foreign Ministry]`, `Kuwait's
    /// [National Guard]`.
    fn add_headed_organizations(&self, mentions: &mut Vec<Mention>) {
        let covered = coverage(mentions, self.words.len());
        let mut added = Vec::new();
        let mut token = 1;
        while token < self.words.len() {
            let determined = matches!(
                self.words[token - 1],
                "the" | "The" | "'s" | "’s" | "its" | "their"
            );
            let limit = self.sentence_end(token);
            let mut end = token;
            while end < limit
                && !covered[end]
                && self.is_capitalised(end)
                && self.title_end(end).is_none()
                && !self.in_list(end, List::TimeWord)
            {
                end += 1;
            }
            if determined && end - token >= 2 && self.in_list(end - 1, List::OrgSuffix) {
                added.push(Mention {
                    start: token,
                    end,
                    kind: EntityKind::Organization,
                });
            }
            token = end.max(token + 1);
        }
        mentions.extend(added);
        mentions.sort_by_key(|m| m.start);
    }

    /// The end of the longest phrase of two words or more of `list` that starts at `token`.
    fn listed_phrase_end(&self, token: usize, list: List) -> Option<usize> {
        if !self.codes[token].contains(&list.code(0)) {
            return None;
        }
        let limit = self.sentence_end(token).min(token + 8);
        // The codes say where phrases of the list begin and end, not that they are one phrase:
        // the words in between are looked up whole.
        (token + 2..=limit).rev().find(|&end| {
            self.is_phrase(token, end, list)
                && self.is_capitalised(end - 1)
                && lexicon()
                    .lists_of(&self.words[token..end].join(" "))
                    .contains(&list)
        })
    }

    /// The end of an organisation named by a prefix and a name (`Ministry of` + `Foreign
    /// Affairs`, `Council for` + `Planning and Development`, `Court of` + `Cassation`): the
    /// name runs over capitalised words and the connectors between them, and stops at a title,
    /// a date word, a lowercase word or the start of another name (`and the National Guard`).
    fn prefixed_organization_end(&self, token: usize) -> Option<usize> {
        let begin = List::OrgPrefix.code(0);
        let last = List::OrgPrefix.code(2);
        if !self.codes[token].contains(&begin) {
            return None;
        }
        let limit = self.sentence_end(token);
        let prefix_end = (token + 1..limit.min(token + 5)).find(|&t| self.codes[t].contains(&last))?;
        let mut end = prefix_end + 1;
        let mut name_end = end;
        while end < limit {
            let word = self.words[end];
            // A title ends the name where a person follows it (`Ministry of Health Dr. Ahmad`),
            // not where it is a word of the name (`Court of International Justice`).
            let office = self.title_end(end).is_some_and(|after| {
                self.in_list(end, List::Honorific) || after < limit && self.is_capitalised(after)
            });
            let name_word = self.is_capitalised(end) && !office && !self.in_list(end, List::TimeWord);
            if name_word {
                end += 1;
                name_end = end;
            } else if matches!(word, "of" | "for" | "and" | "," | "the" | "&" | "on") && end + 1 < limit {
                let another = matches!(word, "and" | "," | "&")
                    && (matches!(self.words[end + 1], "the" | "The") || self.codes[end + 1].contains(&begin));
                if another {
                    break;
                }
                end += 1;
            } else {
                break;
            }
        }
        (name_end > prefix_end + 1).then_some(name_end)
    }

    /// A person's name continues over Arabic name particles and unknown capitalised words the
    /// model stopped before: `Abdulwahab Saud` + `Al-Rifai`, `Munir` + `Al-Fahad Al-Sabah`,
    /// `Kamal` + `Rithauddin`. A mention that starts with a particle right after is absorbed.
    fn extend_person_names(&self, mentions: &mut Vec<Mention>) {
        let mut absorbed = vec![false; mentions.len()];
        let mut index = 0;
        while index < mentions.len() {
            if mentions[index].kind != EntityKind::Person || absorbed[index] {
                index += 1;
                continue;
            }
            let limit = self.sentence_end(mentions[index].start);
            let mut next = index + 1;
            loop {
                let end = mentions[index].end;
                if end >= limit {
                    break;
                }
                let word = self.words[end];
                let next_mention = mentions.get(next).filter(|m| m.start == end).copied();
                let particle = matches!(word, "bin" | "ibn" | "bint" | "binti" | "Al" | "El")
                    && end + 1 < limit
                    && self.is_capitalised(end + 1);
                // Title case only: in a headline in capitals every word looks like a name.
                let unknown_capitalised = self.is_capitalised(end)
                    && word.chars().skip(1).any(char::is_lowercase)
                    && self.codes[end].is_empty()
                    && word.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                    && next_mention.is_none();
                if !(is_name_prefix(word) || particle || unknown_capitalised) {
                    break;
                }
                let new_end = match next_mention {
                    Some(following) if is_name_prefix(word) => {
                        absorbed[next] = true;
                        next += 1;
                        following.end
                    }
                    _ => end + if particle { 2 } else { 1 },
                };
                mentions[index].end = new_end.max(end + 1).min(limit);
                // Mentions the name now runs over are absorbed too.
                while mentions.get(next).is_some_and(|m| m.start < mentions[index].end) {
                    absorbed[next] = true;
                    next += 1;
                }
            }
            index = next.max(index + 1);
        }
        let mut flags = absorbed.into_iter();
        mentions.retain(|_| !flags.next().unwrap_or(false));
    }

    /// Within a text, a name once known as a person stays one: `Al-Aradi` after `Ahmed Jawad
    /// Al-Aradi` is a person even where the model said organisation (or took `Secretary
    /// Whitcombe` for a place), and an untagged `Al-Rifai` after `Abdulwahab Saud Al-Rifai`
    /// becomes a mention.
    fn propagate_person_names(&self, mentions: &mut Vec<Mention>) {
        let mut surnames: HashSet<&str> = HashSet::new();
        for mention in mentions
            .iter()
            .filter(|m| m.kind == EntityKind::Person && m.end - m.start > 1)
        {
            let last = self.words[mention.end - 1];
            if last.chars().count() >= 4 {
                surnames.insert(last);
            }
        }
        if surnames.is_empty() {
            return;
        }
        for mention in mentions.iter_mut() {
            if mention.end - mention.start == 1
                && mention.kind != EntityKind::Person
                && surnames.contains(self.words[mention.start])
            {
                mention.kind = EntityKind::Person;
            }
            // `[Secretary Whitcombe]` taken for a place: a title and a known surname.
            let titled = self.title_end(mention.start).filter(|&end| end < mention.end);
            if let Some(name_start) = titled.filter(|_| mention.kind != EntityKind::Person) {
                if mention.end - name_start <= 3 && surnames.contains(self.words[mention.end - 1]) {
                    mention.start = name_start;
                    mention.kind = EntityKind::Person;
                }
            }
        }
        let covered = coverage(mentions, self.words.len());
        let added: Vec<Mention> = (1..self.words.len())
            .filter(|&token| !covered[token] && surnames.contains(self.words[token]))
            .map(|token| Mention {
                start: token,
                end: token + 1,
                kind: EntityKind::Person,
            })
            .collect();
        mentions.extend(added);
        mentions.sort_by_key(|m| m.start);
    }

    /// The bare titles that stand for one person named with that title earlier: `the
    /// Secretary` after `Secretary of State Antony Blinken`. Returns token ranges and the
    /// person's canonical name. `entities` are the mentions with their canonical names.
    fn bare_titles(&self, mentions: &[Mention], entities: &[Entity]) -> Vec<(usize, usize, String)> {
        // The titles written before each person, by head word.
        let mut attached: Vec<(String, &str, usize)> = Vec::new();
        for (mention, entity) in mentions.iter().zip(entities) {
            if mention.kind != EntityKind::Person {
                continue;
            }
            for start in mention.start.saturating_sub(6)..mention.start {
                if self.title_end(start) == Some(mention.start) {
                    attached.push((self.title_head(start), entity.canonical.as_str(), mention.start));
                }
            }
        }
        let mut near = coverage(mentions, self.words.len() + 1);
        for mention in mentions {
            near[mention.end.min(self.words.len())] = true;
        }
        let covered = |token: usize| near[token];
        let mut bare = Vec::new();
        let mut token = 0;
        while token < self.words.len() {
            let Some(end) = self.title_end(token).filter(|_| !covered(token)) else {
                token += 1;
                continue;
            };
            let followed_by_name = end < self.words.len() && self.is_capitalised(end);
            if !followed_by_name {
                let head = self.title_head(token);
                let mut people: Vec<&str> = attached
                    .iter()
                    .filter(|(title, _, at)| *at < token && *title == head)
                    .map(|(_, person, _)| *person)
                    .collect();
                people.dedup();
                if let [person] = people.as_slice() {
                    bare.push((token, end, person.to_string()));
                }
            }
            token = end;
        }
        bare
    }

    /// The head word of the title starting at `token`, folded: `secretary` for `Secretary of
    /// State`, `minister` for `Foreign Minister`.
    fn title_head(&self, token: usize) -> String {
        let end = self.title_end(token).unwrap_or(token + 1);
        let words = &self.words[token..end];
        let head = words
            .iter()
            .position(|w| matches!(*w, "of" | "for" | "to"))
            .map_or(words.last(), |of| words.get(of.saturating_sub(1)));
        head.map(|w| w.to_lowercase()).unwrap_or_default()
    }

    /// True when a title ends right before `token`.
    fn title_before(&self, token: usize) -> bool {
        (token.saturating_sub(4)..token).any(|start| self.title_end(start) == Some(token))
    }
}

/// A word that continues an Arabic name: `Al-Sabah`, `al-Thani`, `El-Sisi`, `Abu`, `Bin`.
fn is_name_prefix(word: &str) -> bool {
    let prefixed = ["Al-", "al-", "El-", "el-", "Al ", "Abdul", "Abdel", "Bin-"]
        .iter()
        .any(|prefix| word.len() > prefix.len() + 1 && word.starts_with(prefix));
    prefixed || matches!(word, "Abu" | "Bin" | "Ibn" | "Bint")
}

/// Lowercase words and punctuation that join the words of a name but never begin or end one.
fn is_connector(word: &str) -> bool {
    matches!(
        word,
        "," | "and" | "&" | "of" | "for" | "the" | "to" | "in" | "at" | "on" | "a" | "an" | "'s" | "’s"
    )
}

/// Head words of occasions: `Summit`, `Conference`, `Exhibition`.
fn is_occasion_head(word: &str) -> bool {
    matches!(
        word,
        "Summit"
            | "Conference"
            | "Exhibition"
            | "Festival"
            | "Expo"
            | "Games"
            | "Championship"
            | "Championships"
            | "Olympiad"
            | "Fair"
            | "Marathon"
    )
}

/// Head words of laws and resolutions, which are written with their number or year.
fn is_instrument_head(word: &str) -> bool {
    matches!(word, "Resolution" | "Law" | "Decree" | "Constitution")
}

/// Words that open a sentence before a comma: `Meanwhile, ...`.
fn is_sentence_adverb(word: &str) -> bool {
    matches!(
        word,
        "Meanwhile"
            | "However"
            | "Moreover"
            | "Furthermore"
            | "Additionally"
            | "Separately"
            | "Earlier"
            | "Later"
            | "Previously"
            | "Besides"
            | "Also"
            | "Accordingly"
            | "Likewise"
    ) || (word.len() > 4 && word.ends_with("ly") && word.chars().next().is_some_and(char::is_uppercase))
}

/// The days of the week.
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Head words of buildings and sites: `Bayan Palace`, `Hamad International Airport`.
fn is_site(word: &str) -> bool {
    matches!(
        word,
        "Palace"
            | "Airport"
            | "Port"
            | "Mosque"
            | "Bridge"
            | "Stadium"
            | "Tower"
            | "Square"
            | "Park"
            | "Hall"
    )
}

/// Words that end the names of places: `Caspian Sea`, `Strait of Hormuz` ends elsewhere.
fn is_geographic(word: &str) -> bool {
    matches!(
        word,
        "Sea"
            | "Ocean"
            | "River"
            | "Bay"
            | "Island"
            | "Islands"
            | "Mountains"
            | "Desert"
            | "Lake"
            | "Strait"
            | "Peninsula"
            | "Canal"
            | "Valley"
            | "Coast"
            | "Plateau"
            | "Basin"
            | "Delta"
            | "County"
            | "Prefecture"
            | "Province"
            | "District"
            | "Governorate"
    )
}

/// Currency codes that appear before amounts in wire copy.
const CURRENCY_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "KWD", "SAR", "AED", "QAR", "OMR", "BHD", "JOD", "EGP", "IQD", "IRR",
    "TRY", "AZN", "RUB", "INR", "PKR", "MYR", "SGD", "IDR", "KRW", "CHF", "CAD", "AUD",
];

/// Gives every mention its entity's canonical name: a person's fullest name in the text whose
/// last words are the mention's (`Blinken` → `Antony Blinken`); a listed alias's canonical
/// name (`U.S.` → `United States`); otherwise the mention itself, readable if in capitals.
fn assign_canonical(text: &str, entities: &mut [Entity]) {
    let names: Vec<String> = entities.iter().map(|e| clean_name(e.span.text(text))).collect();
    // The fullest person name ending with each run of final words (`Blinken`, `Antony Blinken`).
    let mut fullest: HashMap<String, &str> = HashMap::new();
    // The fullest person name of several words starting with each first word: Gulf copy names a
    // sheikh again by honorific and first name (`Sheikh Salem` for `Salem Abdullah Al-Sabah`).
    let mut by_first_word: HashMap<&str, &str> = HashMap::new();
    // Non-person names by their initials (`United Nations Security Council` → `UNSC`).
    let mut by_initials: HashMap<String, &str> = HashMap::new();
    for (entity, name) in entities.iter().zip(&names) {
        let words: Vec<&str> = name.split(' ').collect();
        if entity.kind == EntityKind::Person {
            if let [first, _, ..] = words.as_slice() {
                let best = by_first_word.entry(first).or_insert(name);
                if name.len() > best.len() {
                    *best = name;
                }
            }
            for start in 0..words.len() {
                let tail = words[start..].join(" ");
                let best = fullest.entry(tail).or_insert(name);
                if name.len() > best.len() {
                    *best = name;
                }
            }
        } else if words.len() > 1 {
            let initials: String = name
                .split([' ', '-'])
                .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
                .collect();
            by_initials.entry(initials).or_insert(name);
        }
    }
    let lex = lexicon();
    let canonical: Vec<String> = entities
        .iter()
        .zip(&names)
        .map(|(entity, name)| match entity.kind {
            EntityKind::Person => fullest
                .get(name.as_str())
                .filter(|full| **full != name.as_str() || name.contains(' '))
                .or_else(|| by_first_word.get(name.as_str()))
                .map_or_else(|| name.clone(), |full| full.to_string()),
            _ => lex
                .canonical(name)
                .map(str::to_string)
                .or_else(|| {
                    acronym_key(name)
                        .and_then(|key| by_initials.get(&key))
                        .map(|full| full.to_string())
                })
                .unwrap_or_else(|| name.clone()),
        })
        .collect();
    for (entity, name) in entities.iter_mut().zip(canonical) {
        entity.canonical = name;
    }
}

/// White space collapsed, a possessive dropped, capitals made readable.
fn clean_name(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = text
        .strip_suffix("'s")
        .or_else(|| text.strip_suffix("’s"))
        .unwrap_or(&text);
    if text.chars().any(char::is_lowercase) || text.chars().filter(|c| c.is_alphabetic()).count() <= 4 {
        text.to_string()
    } else {
        readable(text)
    }
}

/// The letters of an acronym (`GCC`, `U.N.` → `UN`), when the name is one.
fn acronym_key(name: &str) -> Option<String> {
    let letters: String = name.chars().filter(|c| c.is_alphabetic()).collect();
    let acronym =
        (2..=8).contains(&letters.len()) && !letters.chars().any(char::is_lowercase) && !name.contains(' ');
    acronym.then_some(letters)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_model_loads() {
        assert!(Model::from_bytes(MODEL_BYTES).is_ok());
        assert!(model().feature_count() > 10_000);
    }

    #[test]
    fn a_title_at_the_end_of_the_text_is_safe() {
        // Found by the property tests: a title with nothing after it. It names nobody, and
        // whatever is found lies within the text.
        for text in ["Foreign Minister", "the Minister of", "Secretary of State Sheikh"] {
            let tokens = super::super::tokens::tokenize(text);
            let sentences = std::iter::once(0..tokens.len()).collect::<Vec<_>>();
            let found = find_entities(text, &tokens, &sentences);
            assert!(found.iter().all(|e| e.span.end <= text.len()), "{text}");
            assert!(
                found.iter().all(|e| e.kind != EntityKind::Person),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn clean_names() {
        assert_eq!(clean_name("KUWAIT"), "Kuwait");
        assert_eq!(clean_name("Britain's"), "Britain");
        assert_eq!(clean_name("UNSC"), "UNSC");
        assert_eq!(clean_name("Antony  Blinken"), "Antony Blinken");
    }
}
