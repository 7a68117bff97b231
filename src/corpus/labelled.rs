//! Labelled training articles: synthetic agency copy whose every name is known with its kind, for
//! training the entity recogniser on the copy newsdesk reads (name chains such as `Sheikh Ahmad
//! bin Saif Al Nahyan`, honorifics, long offices and ministries, occasions and sites) beside
//! CoNLL-2003's 1996 Reuters text.
//!
//! Articles are written from the cast (`assets/training/cast.toml`: cultures with their name
//! parts and honorifics, word lists, name patterns) and the sentences
//! (`assets/training/sentences.txt`: a headline, a lead and body sentences with slots). Each
//! article has its own people, bodies, places and occasions, mentioned first in full and then
//! as copy mentions them again (`Sheikh Ahmad`, `Al-Ali`, `the minister`, `he`). Titles,
//! honorifics and pronouns are never part of a name. The generator is deterministic: the same
//! seed gives the same articles.

use std::fmt::Write;

use thiserror::Error;

use super::cast::{Cast, Culture, NameStyle};
use super::random::Random;
use crate::annotate::entities::EntityKind;
use crate::span::Span;

static SENTENCES: &str = include_str!("../../assets/training/sentences.txt");

/// Why the labelled articles cannot be written.
#[derive(Debug, Error)]
pub enum LabelledError {
    /// The cast file does not read.
    #[error("assets/training/cast.toml: {0}")]
    Cast(#[from] toml::de::Error),
    /// A sentence template is wrong.
    #[error("assets/training/sentences.txt:{line}: {problem}")]
    Sentence {
        /// The line, from 1.
        line: usize,
        /// What is wrong.
        problem: String,
    },
}

/// One name in a labelled article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabelledEntity {
    /// Where it is written.
    pub span: Span,
    /// What it is.
    pub kind: EntityKind,
}

/// A synthetic article and every name in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LabelledArticle {
    /// The text: an optional headline, then paragraphs separated by blank lines.
    pub text: String,
    /// The names, in text order.
    pub entities: Vec<LabelledEntity>,
}

impl LabelledArticle {
    /// The text with every name in brackets: `[PER Ahmad Al-Ali] said ...`.
    pub fn markup(&self) -> String {
        let mut out = String::with_capacity(self.text.len() + self.entities.len() * 8);
        let mut at = 0;
        for entity in &self.entities {
            out.push_str(&self.text[at..entity.span.start]);
            let _ = write!(out, "[{} {}]", entity.kind.tag(), entity.span.text(&self.text));
            at = entity.span.end;
        }
        out.push_str(&self.text[at..]);
        out
    }
}

/// A piece of text, a name of some kind or plain words.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Piece {
    text: String,
    kind: Option<EntityKind>,
}

impl Piece {
    fn plain(text: impl Into<String>) -> Piece {
        Piece {
            text: text.into(),
            kind: None,
        }
    }

    fn name(text: impl Into<String>, kind: EntityKind) -> Piece {
        Piece {
            text: text.into(),
            kind: Some(kind),
        }
    }
}

/// Where a sentence template belongs in an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Headline,
    Lead,
    Body,
    Quote,
}

/// A part of a sentence template.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Words(String),
    Slot { base: String, form: String },
}

/// The slots a sentence may use, with the forms each allows.
const SLOTS: &[(&str, &[&str])] = &[
    ("p1", PERSON_FORMS),
    ("p2", PERSON_FORMS),
    ("p3", PERSON_FORMS),
    ("head", &["", "short"]),
    ("o1", &["", "name", "short"]),
    ("o2", &["", "name", "short"]),
    ("intl", &[""]),
    ("paper", &[""]),
    ("agency", &["", "name"]),
    ("home", &["", "formal"]),
    ("capital", &[""]),
    ("city", &[""]),
    ("country", &[""]),
    ("country2", &[""]),
    ("fcity", &[""]),
    ("site", &[""]),
    ("region", &[""]),
    ("demonym", &[""]),
    ("fdemonym", &[""]),
    ("group", &[""]),
    ("event", &["", "name"]),
    ("misc", &[""]),
    ("topic", &[""]),
    ("cue", &[""]),
    ("weekday", &[""]),
    ("month", &[""]),
    ("day", &[""]),
    ("year", &[""]),
    ("number", &[""]),
    ("unit", &[""]),
    ("currency", &[""]),
];

const PERSON_FORMS: &[&str] = &[
    "",
    "name",
    "full",
    "short",
    "title",
    "office",
    "the_office",
    "he",
    "He",
    "his",
    "His",
    "him",
];

/// The sentence templates by section.
#[derive(Debug, Clone, Default)]
struct Sentences {
    headline: Vec<Vec<Part>>,
    lead: Vec<Vec<Part>>,
    body: Vec<Vec<Part>>,
    quote: Vec<Vec<Part>>,
}

impl Sentences {
    fn parse(text: &str) -> Result<Sentences, LabelledError> {
        let mut sentences = Sentences::default();
        let mut section = None;
        for (index, line) in text.lines().enumerate() {
            let line = line.trim();
            let error = |problem: String| LabelledError::Sentence {
                line: index + 1,
                problem,
            };
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = Some(match name {
                    "headline" => Section::Headline,
                    "lead" => Section::Lead,
                    "body" => Section::Body,
                    "quote" => Section::Quote,
                    other => return Err(error(format!("unknown section [{other}]"))),
                });
                continue;
            }
            let parts = parse_template(line).map_err(error)?;
            let list = match section {
                Some(Section::Headline) => &mut sentences.headline,
                Some(Section::Lead) => &mut sentences.lead,
                Some(Section::Body) => &mut sentences.body,
                Some(Section::Quote) => &mut sentences.quote,
                None => return Err(error("a sentence before the first [section]".into())),
            };
            list.push(parts);
        }
        if sentences.headline.is_empty() || sentences.lead.is_empty() || sentences.body.is_empty() {
            return Err(LabelledError::Sentence {
                line: text.lines().count(),
                problem: "the [headline], [lead] and [body] sections must not be empty".into(),
            });
        }
        Ok(sentences)
    }
}

/// Splits a template into words and slots, checking each slot's name and form.
fn parse_template(line: &str) -> Result<Vec<Part>, String> {
    let mut parts = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            parts.push(Part::Words(rest[..open].to_string()));
        }
        let close = rest[open..]
            .find('}')
            .ok_or_else(|| format!("`{{` without `}}` in {line:?}"))?;
        let slot = &rest[open + 1..open + close];
        let (base, form) = slot.split_once('.').unwrap_or((slot, ""));
        let known = SLOTS
            .iter()
            .find(|(name, _)| *name == base)
            .ok_or_else(|| format!("unknown slot {{{slot}}}"))?;
        if !known.1.contains(&form) {
            return Err(format!("slot {{{base}}} has no form .{form}"));
        }
        parts.push(Part::Slot {
            base: base.to_string(),
            form: form.to_string(),
        });
        rest = &rest[open + close + 1..];
    }
    if !rest.is_empty() {
        parts.push(Part::Words(rest.to_string()));
    }
    Ok(parts)
}

/// A person of an article.
#[derive(Debug, Clone)]
struct Person {
    female: bool,
    /// Honorifics before the name (`Sheikh`, `Dr.`, `Datuk Seri`); empty when none.
    honorific: String,
    /// The full name.
    full: String,
    /// How the name is written again: the first given name after a royal honorific, else the
    /// family name.
    again: String,
    /// True for the ruling family, whose members are named again by honorific and given name.
    royal: bool,
    /// The office, with the kinds of the names in it; empty when none.
    office: Vec<Piece>,
    /// The title that stands for the person alone (`the minister`).
    title: String,
    /// True once the person has been named.
    introduced: bool,
}

/// An organisation of an article.
#[derive(Debug, Clone)]
struct Organization {
    name: String,
    /// Written after `the`.
    with_article: bool,
    /// How it is mentioned again: an abbreviation (a name) or `the ministry` (not a name).
    again: Piece,
}

/// Everything one article is about.
#[derive(Debug, Clone)]
struct Story {
    home: usize,
    foreign: usize,
    other: usize,
    people: [Person; 3],
    head: Person,
    organizations: [Organization; 2],
    site: String,
    region: String,
    event: String,
    misc: String,
    group: String,
}

/// A deterministic writer of labelled articles.
#[derive(Debug, Clone)]
pub struct LabelledCorpus {
    cast: Cast,
    sentences: Sentences,
    random: Random,
}

/// Builds text and remembers where each name went.
#[derive(Debug, Default)]
struct Writer {
    article: LabelledArticle,
}

impl Writer {
    fn push(&mut self, piece: &Piece) {
        let start = self.article.text.len();
        self.article.text.push_str(&piece.text);
        if let Some(kind) = piece.kind {
            self.article.entities.push(LabelledEntity {
                span: Span::new(start, self.article.text.len()),
                kind,
            });
        }
    }

    fn words(&mut self, text: &str) {
        self.article.text.push_str(text);
    }

    fn name(&mut self, text: &str, kind: EntityKind) {
        self.push(&Piece::name(text, kind));
    }

    fn len(&self) -> usize {
        self.article.text.len()
    }
}

/// A value of `list` other than those in `not`, when the list has one.
fn pick_other(random: &mut Random, list: &[String], not: &[&String]) -> String {
    let mut value = pick(random, list);
    for _ in 0..4 {
        if !not.contains(&&value) {
            break;
        }
        value = pick(random, list);
    }
    value
}

fn pick(random: &mut Random, list: &[String]) -> String {
    if list.is_empty() {
        return String::new();
    }
    list[random.below(list.len())].clone()
}

/// The Gulf cultures come first in the cast and are written about most.
const GULF_CULTURES: usize = 6;

impl LabelledCorpus {
    /// A writer of labelled articles; the same seed gives the same articles.
    pub fn new(seed: u64) -> Result<LabelledCorpus, LabelledError> {
        Ok(LabelledCorpus {
            cast: Cast::embedded()?,
            sentences: Sentences::parse(SENTENCES)?,
            random: Random::new(seed),
        })
    }

    /// The next article.
    pub fn article(&mut self) -> LabelledArticle {
        let mut story = self.story();
        let mut writer = Writer::default();
        if self.random.chance(70) {
            let template = pick_template(&mut self.random, &self.sentences.headline);
            let start = writer.len();
            self.write_sentence(&mut writer, &mut story, &template);
            let style = self.random.below(10);
            style_headline(&mut writer.article.text[start..], style);
            writer.words("\n\n");
        }
        let lead = pick_template(&mut self.random, &self.sentences.lead);
        self.write_sentence(&mut writer, &mut story, &lead);
        let count = 3 + self.random.below(6);
        for _ in 0..count {
            let quote = !self.sentences.quote.is_empty() && self.random.chance(25);
            let list = if quote {
                &self.sentences.quote
            } else {
                &self.sentences.body
            };
            let template = pick_template(&mut self.random, list);
            writer.words(if self.random.chance(65) { "\n\n" } else { " " });
            self.write_sentence(&mut writer, &mut story, &template);
        }
        writer.words("\n");
        writer.article
    }

    /// Chooses the article's cast.
    fn story(&mut self) -> Story {
        let count = self.cast.cultures.len();
        let home = if self.random.chance(50) {
            self.random.below(GULF_CULTURES.min(count))
        } else {
            self.random.below(count)
        };
        let foreign = self.other_culture(&[home]);
        let other = self.other_culture(&[home, foreign]);
        let royal_first = self.cast.cultures[home].is_monarchy() && self.random.chance(35);
        let third_has_office = self.random.chance(80);
        let people = [
            self.person(home, other, royal_first, true),
            self.person(foreign, home, false, true),
            self.person(home, foreign, false, third_has_office),
        ];
        let head = self.head_of_state(home);
        let organizations = [
            self.organization(home, foreign),
            self.foreign_organization(foreign, home),
        ];
        let site = self.flat_pattern("site", home, foreign);
        let event = self.flat_pattern("misc_event", home, foreign);
        let misc = self.flat_pattern("misc", home, foreign);
        let region = pick(&mut self.random, self.cast.list("region"));
        let group = pick(&mut self.random, self.cast.list("group"));
        Story {
            home,
            foreign,
            other,
            people,
            head,
            organizations,
            site,
            region,
            event,
            misc,
            group,
        }
    }

    fn other_culture(&mut self, not: &[usize]) -> usize {
        let count = self.cast.cultures.len();
        let mut culture = self.random.below(count);
        for _ in 0..count {
            if !not.contains(&culture) {
                break;
            }
            culture = (culture + 1) % count;
        }
        culture
    }

    /// A person of a culture, with an office when `with_office`; `abroad` is the country the
    /// office may name (an ambassador's posting).
    fn person(&mut self, culture: usize, abroad: usize, royal: bool, with_office: bool) -> Person {
        let female = self.random.chance(if royal { 15 } else { 25 });
        self.person_of_sex(culture, abroad, royal, with_office, female)
    }

    fn person_of_sex(
        &mut self,
        culture: usize,
        abroad: usize,
        royal: bool,
        with_office: bool,
        female: bool,
    ) -> Person {
        let c = &self.cast.cultures[culture];
        let random = &mut self.random;
        let given_list = if female { &c.female } else { &c.male };
        let given = pick(random, given_list);
        let father = pick_other(random, &c.male, &[&given]);
        let grandfather = pick_other(random, &c.male, &[&given, &father]);
        let family = pick(random, &c.family);
        let (full, again) = match (c.style, royal) {
            (NameStyle::Arabic, true) => {
                let house = pick(random, &c.royal);
                let branch = pick(random, &c.royal_branch);
                let full = if random.chance(60) && branch != house {
                    format!("{given} {father} {branch} {house}")
                } else {
                    format!("{given} {father} {house}")
                };
                (full, given.clone())
            }
            (NameStyle::ArabicBin, true) => {
                let house = pick(random, &c.royal);
                let link = if female { "bint" } else { "bin" };
                let full = if random.chance(35) {
                    format!("{given} {link} {father} bin {grandfather} {house}")
                } else {
                    format!("{given} {link} {father} {house}")
                };
                (full, given.clone())
            }
            (NameStyle::Arabic, false) => {
                let full = match random.below(10) {
                    0..=3 => format!("{given} {father} {family}"),
                    4..=5 => format!("{given} {father} {grandfather} {family}"),
                    _ => format!("{given} {family}"),
                };
                (full, family.clone())
            }
            (NameStyle::ArabicBin, false) => {
                let full = match random.below(10) {
                    0..=3 => format!("{given} {father} {family}"),
                    4..=6 => format!("{given} bin {father} {family}"),
                    _ => format!("{given} {family}"),
                };
                (full, family.clone())
            }
            (NameStyle::GivenFamily, true) => {
                // `Abdullah II bin Al Hussein`: a ruler's given name, ordinal and house.
                let house = pick(random, &c.royal);
                let ordinal = ["", "", " II"][random.below(3)];
                (format!("{given}{ordinal} {house}"), given.clone())
            }
            (NameStyle::GivenFamily, false) => {
                let arabic = c
                    .family
                    .iter()
                    .any(|f| f.starts_with("al-") || f.starts_with("Al"));
                let full = if arabic && random.chance(25) {
                    format!("{given} {father} {family}")
                } else {
                    format!("{given} {family}")
                };
                (full, family.clone())
            }
            (NameStyle::FamilyGiven, _) => (format!("{family} {given}"), family.clone()),
            (NameStyle::Malay, _) => match random.below(10) {
                0..=5 => (format!("{given} {family}"), given.clone()),
                6..=8 => {
                    let link = if female { "binti" } else { "bin" };
                    (format!("{given} {link} {family}"), given.clone())
                }
                _ => (given.clone(), given.clone()),
            },
        };
        let honorific = if royal {
            pick(random, if female { &c.royal_female } else { &c.royal_male })
        } else {
            let gendered = if female {
                &c.female_honorific
            } else {
                &c.male_honorific
            };
            let usual = if gendered.is_empty() { 35 } else { 70 };
            let choices: Vec<String> = c.honorific.iter().chain(gendered).cloned().collect();
            if random.chance(usual) {
                pick(random, &choices)
            } else {
                String::new()
            }
        };
        let office = if with_office {
            let pattern = pick(&mut self.random, &self.cast.patterns.office);
            self.expand(&pattern, culture, abroad, true)
        } else {
            Vec::new()
        };
        let title = title_of(&office);
        Person {
            female,
            honorific,
            full,
            again,
            royal,
            office,
            title,
            introduced: false,
        }
    }

    /// The head of state of a culture: a ruler of the ruling family, else a president.
    fn head_of_state(&mut self, culture: usize) -> Person {
        let monarchy = self.cast.cultures[culture].is_monarchy();
        let mut head = self.person_of_sex(culture, culture, monarchy, false, false);
        let c = &self.cast.cultures[culture];
        if monarchy {
            head.honorific = c.head_title.clone();
            head.title = pick(&mut self.random, &c.head_short);
            if self.random.chance(30) {
                // Rulers are often named by given name and ordinal alone: `King Hamad II`.
                let given = head.again.clone();
                let ordinal = ["", "", " II", " III"][self.random.below(4)];
                head.full = format!("{given}{ordinal}");
                head.again = head.full.clone();
            }
        } else {
            head.honorific = "President".into();
            head.title = "the President".into();
        }
        head
    }

    /// An organisation of a culture.
    fn organization(&mut self, culture: usize, abroad: usize) -> Organization {
        let pattern = pick(&mut self.random, &self.cast.patterns.organization);
        let name = flatten(&self.expand(&pattern, culture, abroad, false));
        self.organization_named(name)
    }

    /// An organisation of another culture, or an international one.
    fn foreign_organization(&mut self, culture: usize, abroad: usize) -> Organization {
        if self.random.chance(30) {
            let name = pick(&mut self.random, self.cast.list("international"));
            self.organization_named(name)
        } else {
            self.organization(culture, abroad)
        }
    }

    fn organization_named(&mut self, name: String) -> Organization {
        let capitalised: Vec<&str> = name
            .split([' ', '-'])
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .collect();
        let abbreviation = name.chars().all(|c| !c.is_lowercase());
        let again = if abbreviation {
            Piece::name(name.clone(), EntityKind::Organization)
        } else if capitalised.len() >= 3 && self.random.chance(40) {
            let initials: String = capitalised.iter().filter_map(|w| w.chars().next()).collect();
            Piece::name(initials, EntityKind::Organization)
        } else {
            Piece::plain(format!("the {}", head_noun(&name).to_lowercase()))
        };
        Organization {
            with_article: !abbreviation && self.random.chance(85),
            name,
            again,
        }
    }

    /// A name from a pattern list, written as one piece of text.
    fn flat_pattern(&mut self, list: &str, culture: usize, abroad: usize) -> String {
        let patterns = match list {
            "site" => &self.cast.patterns.site,
            _ => &self.cast.patterns.misc,
        };
        let pattern = pick(&mut self.random, patterns);
        let name = flatten(&self.expand(&pattern, culture, abroad, false));
        if list == "misc_event" && !pattern.contains("{occasion_head}") {
            // An occasion is named after a topic and a head word.
            let region = pick(&mut self.random, self.cast.list("region_name"));
            let topic = pick(&mut self.random, self.cast.list("topic_name"));
            let head = pick(&mut self.random, self.cast.list("occasion_head"));
            return format!("{region} {topic} {head}");
        }
        name
    }

    /// Expands a pattern in the setting of a culture; with `kinds` the names in it keep their
    /// kinds, else everything is plain text (the caller labels the whole).
    fn expand(&mut self, pattern: &str, culture: usize, abroad: usize, kinds: bool) -> Vec<Piece> {
        let mut pieces = Vec::new();
        let mut rest = pattern;
        while let Some(open) = rest.find('{') {
            if open > 0 {
                pieces.push(Piece::plain(&rest[..open]));
            }
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            let slot = &rest[open + 1..open + close];
            let piece = self.pattern_slot(slot, culture, abroad);
            pieces.push(if kinds { piece } else { Piece::plain(piece.text) });
            rest = &rest[open + close + 1..];
        }
        if !rest.is_empty() {
            pieces.push(Piece::plain(rest));
        }
        pieces
    }

    fn pattern_slot(&mut self, slot: &str, culture: usize, abroad: usize) -> Piece {
        let c = &self.cast.cultures[culture];
        let far = &self.cast.cultures[abroad];
        let random = &mut self.random;
        match slot {
            "country" => Piece::name(c.country.clone(), EntityKind::Location),
            "country2" => Piece::name(far.country.clone(), EntityKind::Location),
            "formal" => Piece::name(format!("the {}", c.formal), EntityKind::Location),
            "city" => Piece::name(city_of(random, c), EntityKind::Location),
            "demonym" => Piece::name(c.demonym.clone(), EntityKind::Group),
            "parliament" => Piece::name(c.parliament.clone(), EntityKind::Organization),
            "culture_agency_name" => Piece::name(c.agency_name.clone(), EntityKind::Organization),
            "intl" => Piece::name(
                pick(random, self.cast.list("international")),
                EntityKind::Organization,
            ),
            "org" => {
                let organization = self.organization(culture, abroad);
                Piece::name(organization.name, EntityKind::Organization)
            }
            "year" => Piece::plain((2015 + random.below(13)).to_string()),
            "year2" => Piece::plain(["2030", "2035", "2040", "2050"][random.below(4)]),
            "lawno" => Piece::plain(format!(
                "{} of {}",
                1 + random.below(120),
                2000 + random.below(26)
            )),
            "resolution" => Piece::plain((200 + random.below(2600)).to_string()),
            "copno" => Piece::plain((26 + random.below(8)).to_string()),
            list => Piece::plain(pick(random, self.cast.list(list))),
        }
    }

    fn write_sentence(&mut self, writer: &mut Writer, story: &mut Story, template: &[Part]) {
        let start = writer.len();
        for (index, part) in template.iter().enumerate() {
            match part {
                Part::Words(words) => writer.words(words),
                Part::Slot { base, form } => {
                    let next = template.get(index + 1);
                    self.write_slot(writer, story, base, form, next);
                }
            }
        }
        capitalise_first(&mut writer.article.text, start);
    }

    fn write_slot(
        &mut self,
        writer: &mut Writer,
        story: &mut Story,
        base: &str,
        form: &str,
        next: Option<&Part>,
    ) {
        let home = &self.cast.cultures[story.home];
        let foreign = &self.cast.cultures[story.foreign];
        let random = &mut self.random;
        match base {
            "p1" | "p2" | "p3" => {
                let index = usize::from(base.as_bytes()[1] - b'1');
                let appositive_fits = matches!(next, Some(Part::Words(w)) if w.starts_with(' ')
                    && w[1..].starts_with(|c: char| c.is_ascii_lowercase()));
                write_person(writer, random, &mut story.people[index], form, appositive_fits);
            }
            "head" if form.is_empty() && !story.head.introduced && random.chance(20) => {
                // `Jordanian King Abdullah II`, `Azerbaijani President Elnur Aliyev`.
                story.head.introduced = true;
                let title = story.head.honorific.rsplit(' ').next().unwrap_or_default();
                writer.name(&home.demonym, EntityKind::Group);
                writer.words(&format!(" {title} "));
                writer.name(&story.head.full, EntityKind::Person);
            }
            "head" => write_person(writer, random, &mut story.head, form, false),
            "o1" | "o2" => {
                let index = usize::from(base.as_bytes()[1] - b'1');
                let organization = &story.organizations[index];
                match form {
                    "short" => writer.push(&organization.again),
                    "name" => writer.name(&organization.name, EntityKind::Organization),
                    _ => {
                        if organization.with_article {
                            writer.words("the ");
                        }
                        writer.name(&organization.name, EntityKind::Organization);
                    }
                }
            }
            "intl" => {
                let name = pick(random, self.cast.list("international"));
                writer.words("the ");
                writer.name(&name, EntityKind::Organization);
            }
            "paper" => {
                let name = pick(random, self.cast.list("newspaper"));
                if random.chance(50) {
                    writer.words("the ");
                }
                writer.name(&name, EntityKind::Organization);
            }
            "agency" if form == "name" => writer.name(&home.agency_name, EntityKind::Organization),
            "agency" => writer.name(&home.agency, EntityKind::Organization),
            "home" if form == "formal" => {
                writer.words("the ");
                writer.name(&home.formal, EntityKind::Location);
            }
            "home" => writer.name(&home.country, EntityKind::Location),
            "capital" => writer.name(&home.capital, EntityKind::Location),
            "city" => writer.name(&city_of(random, home), EntityKind::Location),
            "country" => writer.name(&foreign.country, EntityKind::Location),
            "country2" => writer.name(&self.cast.cultures[story.other].country, EntityKind::Location),
            "fcity" => writer.name(&city_of(random, foreign), EntityKind::Location),
            "site" => writer.name(&story.site, EntityKind::Location),
            "region" => {
                writer.words("the ");
                writer.name(&story.region, EntityKind::Location);
            }
            "demonym" => writer.name(&home.demonym, EntityKind::Group),
            "fdemonym" => writer.name(&foreign.demonym, EntityKind::Group),
            "group" => writer.name(&story.group, EntityKind::Group),
            "event" => {
                if form != "name" {
                    writer.words("the ");
                    if random.chance(30) {
                        let ordinal = pick(random, self.cast.list("ordinal"));
                        writer.words(&format!("{ordinal} "));
                    }
                }
                writer.name(&story.event, EntityKind::Misc);
            }
            "misc" => {
                writer.words("the ");
                writer.name(&story.misc, EntityKind::Misc);
            }
            "day" => writer.words(&(1 + random.below(28)).to_string()),
            "year" => writer.words(&(2016 + random.below(11)).to_string()),
            "month" if random.chance(40) => writer.words(&pick(random, self.cast.list("month_short"))),
            list => writer.words(&pick(random, self.cast.list(list))),
        }
    }
}

/// Writes a person in the form a slot asks for.
fn write_person(
    writer: &mut Writer,
    random: &mut Random,
    person: &mut Person,
    form: &str,
    appositive_fits: bool,
) {
    let pronoun = |male: &'static str, female: &'static str| if person.female { female } else { male };
    let form = match form {
        "short" | "name" | "full" if !person.introduced => "",
        other => other,
    };
    match form {
        "he" => writer.words(pronoun("he", "she")),
        "He" => writer.words(pronoun("He", "She")),
        "his" => writer.words(pronoun("his", "her")),
        "His" => writer.words(pronoun("His", "Her")),
        "him" => writer.words(pronoun("him", "her")),
        "title" => writer.words(&person.title),
        "office" => write_office(writer, person, false),
        "the_office" => write_office(writer, person, true),
        "full" => writer.name(&person.full, EntityKind::Person),
        "name" => write_honorific_and_name(writer, person),
        "short" => {
            if person.royal && !person.honorific.is_empty() {
                let courtesy = person.honorific.rsplit(' ').next().unwrap_or_default();
                writer.words(&format!("{courtesy} "));
                writer.name(&person.again, EntityKind::Person);
            } else {
                match random.below(10) {
                    0..=5 => writer.name(&person.again, EntityKind::Person),
                    6..=7 if !person.honorific.is_empty() => {
                        writer.words(&format!("{} ", person.honorific));
                        writer.name(&person.again, EntityKind::Person);
                    }
                    _ => writer.name(&person.full, EntityKind::Person),
                }
            }
        }
        _ => {
            person.introduced = true;
            if person.office.is_empty() {
                write_honorific_and_name(writer, person);
            } else if appositive_fits && random.chance(25) {
                write_honorific_and_name(writer, person);
                writer.words(", ");
                write_office(writer, person, true);
                writer.words(",");
            } else {
                write_office(writer, person, false);
                writer.words(" ");
                write_honorific_and_name(writer, person);
            }
        }
    }
    if !matches!(
        form,
        "he" | "He" | "his" | "His" | "him" | "title" | "office" | "the_office"
    ) {
        person.introduced = true;
    }
}

fn write_honorific_and_name(writer: &mut Writer, person: &Person) {
    if !person.honorific.is_empty() {
        writer.words(&person.honorific);
        writer.words(" ");
    }
    writer.name(&person.full, EntityKind::Person);
}

fn write_office(writer: &mut Writer, person: &Person, with_the: bool) {
    if with_the {
        writer.words("the ");
    }
    for piece in &person.office {
        writer.push(piece);
    }
}

/// The office's head as a title standing alone: `the minister` for `Minister of Health`.
fn title_of(office: &[Piece]) -> String {
    let text = flatten(office);
    let heads = [
        ("Prime Minister", "the prime minister"),
        ("Minister", "the minister"),
        ("Ambassador", "the ambassador"),
        ("Secretary", "the Secretary-General"),
        ("spokes", "the spokesperson"),
        ("Governor", "the governor"),
        ("Mayor", "the mayor"),
        ("Director", "the Director-General"),
        ("Speaker", "the Speaker"),
        ("Chairman", "the chairman"),
        ("President", "the president"),
        ("Representative", "the envoy"),
    ];
    heads
        .iter()
        .find(|(word, _)| text.contains(word))
        .map_or("the official", |(_, title)| title)
        .to_string()
}

fn flatten(pieces: &[Piece]) -> String {
    pieces.iter().map(|p| p.text.as_str()).collect()
}

/// The head noun of an organisation's name, by which it is mentioned again (`Ministry` of
/// `Ministry of Health`, `Authority` of `Kuwait Investment Authority`).
fn head_noun(name: &str) -> &str {
    let words: Vec<&str> = name.split(' ').collect();
    let before_of = words
        .iter()
        .position(|w| matches!(*w, "of" | "for" | "in" | "to"))
        .filter(|&at| at > 0)
        .map(|at| words[at - 1]);
    before_of.or(words.last().copied()).unwrap_or("organisation")
}

fn city_of(random: &mut Random, culture: &Culture) -> String {
    if random.chance(40) {
        culture.capital.clone()
    } else {
        pick(random, &culture.cities)
    }
}

fn pick_template(random: &mut Random, list: &[Vec<Part>]) -> Vec<Part> {
    list.get(random.below(list.len())).cloned().unwrap_or_default()
}

/// Uppercases the first letter written from `start` when it is a lowercase ASCII letter (a
/// sentence that opens with `the ministry`).
fn capitalise_first(text: &mut String, start: usize) {
    let first = text[start..].find(|c: char| !c.is_whitespace() && c != '"');
    if let Some(at) = first.map(|offset| start + offset) {
        if let Some(byte) = text[at..].chars().next().filter(char::is_ascii_lowercase) {
            text.replace_range(at..at + 1, &byte.to_ascii_uppercase().to_string());
        }
    }
}

/// Writes a headline as agencies do: as it stands (six in ten), in title case (three in ten) or
/// in capitals. Only ASCII letters change, so every name keeps its place.
fn style_headline(headline: &mut str, style: usize) {
    const SMALL: &[&str] = &[
        "a", "an", "the", "of", "in", "on", "for", "to", "and", "with", "at", "by",
    ];
    match style {
        0..=5 => {}
        6..=8 => {
            let starts: Vec<usize> = headline
                .split(' ')
                .scan(0, |at, word| {
                    let start = *at;
                    *at += word.len() + 1;
                    Some((start, word))
                })
                .enumerate()
                .filter(|(index, (_, word))| *index == 0 || !SMALL.contains(word))
                .map(|(_, (start, _))| start)
                .collect();
            for start in starts {
                if headline.as_bytes().get(start).is_some_and(u8::is_ascii_lowercase) {
                    headline[start..start + 1].make_ascii_uppercase();
                }
            }
        }
        _ => headline.make_ascii_uppercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::tokens::tokenize;

    fn articles(seed: u64, count: usize) -> Vec<LabelledArticle> {
        let mut corpus = LabelledCorpus::new(seed).expect("the embedded cast and sentences read");
        (0..count).map(|_| corpus.article()).collect()
    }

    #[test]
    fn the_same_seed_writes_the_same_articles() {
        assert_eq!(articles(3, 5), articles(3, 5));
        assert_ne!(articles(3, 5), articles(4, 5));
    }

    #[test]
    fn every_name_lies_on_token_edges_in_text_order() {
        for article in articles(11, 200) {
            let tokens = tokenize(&article.text);
            let mut last_end = 0;
            for entity in &article.entities {
                assert!(entity.span.start >= last_end, "{}", article.markup());
                last_end = entity.span.end;
                let starts = tokens.iter().any(|t| t.start == entity.span.start);
                let ends = tokens.iter().any(|t| t.end == entity.span.end);
                assert!(
                    starts && ends,
                    "{:?} in {}",
                    entity.span.text(&article.text),
                    article.markup()
                );
            }
        }
    }

    #[test]
    fn titles_honorifics_and_pronouns_are_never_part_of_a_name() {
        // `Al Shaikh` is a family name, so honorifics are looked for only where a name starts.
        let honorifics = [
            "Sheikh", "Shaikh", "Sayyid", "Prince", "Dr.", "HE", "Eng.", "Datuk", "Tan",
        ];
        let anywhere = ["Minister", "His", "Highness", "Majesty", "he", "she"];
        for article in articles(5, 300) {
            for entity in article.entities.iter().filter(|e| e.kind == EntityKind::Person) {
                let name = entity.span.text(&article.text);
                let first = name.split(' ').next().unwrap_or_default();
                assert!(!honorifics.contains(&first), "{name:?} in {}", article.markup());
                for word in name.split(' ') {
                    assert!(!anywhere.contains(&word), "{name:?} in {}", article.markup());
                }
            }
        }
    }

    #[test]
    fn articles_carry_every_kind_of_name_and_real_name_chains() {
        let all = articles(2, 300);
        let names = |kind: EntityKind| -> Vec<String> {
            all.iter()
                .flat_map(|a| {
                    a.entities
                        .iter()
                        .filter(move |e| e.kind == kind)
                        .map(move |e| e.span.text(&a.text).to_string())
                })
                .collect()
        };
        let people = names(EntityKind::Person);
        assert!(
            people
                .iter()
                .any(|p| p.contains(" bin ") && p.split(' ').count() >= 4)
        );
        assert!(
            people
                .iter()
                .any(|p| p.contains(" Al-") && p.split(' ').count() >= 3)
        );
        assert!(
            names(EntityKind::Organization)
                .iter()
                .any(|o| o.starts_with("Ministry of "))
        );
        assert!(names(EntityKind::Organization).iter().any(|o| o.contains(", ")));
        assert!(!names(EntityKind::Location).is_empty());
        assert!(!names(EntityKind::Group).is_empty());
        assert!(!names(EntityKind::Misc).is_empty());
    }

    #[test]
    fn a_person_named_again_is_named_shorter() {
        let article = articles(9, 60)
            .into_iter()
            .find(|a| a.text.contains("Sheikh "))
            .expect("some article names a sheikh");
        let people: Vec<&str> = article
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .map(|e| e.span.text(&article.text))
            .collect();
        let longest = people.iter().map(|p| p.split(' ').count()).max().unwrap_or(0);
        let shortest = people.iter().map(|p| p.split(' ').count()).min().unwrap_or(0);
        assert!(longest > shortest, "{}", article.markup());
    }

    #[test]
    fn markup_brackets_each_name_with_its_kind() {
        let article = LabelledArticle {
            text: "Sheikh Ahmad Al-Ali visited Doha.".into(),
            entities: vec![
                LabelledEntity {
                    span: Span::new(7, 19),
                    kind: EntityKind::Person,
                },
                LabelledEntity {
                    span: Span::new(28, 32),
                    kind: EntityKind::Location,
                },
            ],
        };
        assert_eq!(article.markup(), "Sheikh [PER Ahmad Al-Ali] visited [LOC Doha].");
    }

    #[test]
    fn a_bad_template_names_its_line_and_problem() {
        let error = Sentences::parse("[lead]\n{p1} said {nobody}.\n").expect_err("an unknown slot");
        assert_eq!(
            error.to_string(),
            "assets/training/sentences.txt:2: unknown slot {nobody}"
        );
        let error = Sentences::parse("[lead]\n{p1.shout} said.\n").expect_err("an unknown form");
        assert_eq!(
            error.to_string(),
            "assets/training/sentences.txt:2: slot {p1} has no form .shout"
        );
    }

    #[test]
    fn every_slot_of_every_pattern_has_values() {
        // The slots `pattern_slot` fills itself; every other slot names a word list.
        const OWN: &[&str] = &[
            "country",
            "country2",
            "formal",
            "city",
            "demonym",
            "parliament",
            "culture_agency_name",
            "intl",
            "org",
            "year",
            "year2",
            "lawno",
            "resolution",
            "copno",
        ];
        let cast = Cast::embedded().expect("the cast reads");
        let patterns = &cast.patterns;
        let all = [
            &patterns.office,
            &patterns.organization,
            &patterns.site,
            &patterns.misc,
        ];
        for pattern in all.into_iter().flatten() {
            for slot in pattern.split('{').skip(1).filter_map(|rest| rest.split_once('}')) {
                let name = slot.0;
                assert!(
                    OWN.contains(&name) || !cast.list(name).is_empty(),
                    "{{{name}}} in {pattern:?}"
                );
            }
        }
    }

    #[test]
    fn headlines_change_case_without_moving_names() {
        let mut title = String::from("the minister of health meets the envoy in Türkiye");
        style_headline(&mut title, 7);
        assert_eq!(title, "The Minister of Health Meets the Envoy in Türkiye");
        style_headline(&mut title, 9);
        assert_eq!(title, "THE MINISTER OF HEALTH MEETS THE ENVOY IN TüRKIYE");
    }
}
