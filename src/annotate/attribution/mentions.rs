//! What a text says about the entities it names, for resolving speakers: each mention's
//! tokens, the titles and descriptions written with it (`Foreign Minister X`, `X, Minister of
//! State,`, `Al Bayan newspaper`), and each person's gender as the text tells it (`Sheikha`,
//! `spokeswoman`, a given name, `her` after the name).

use std::collections::HashMap;
use std::ops::Range;

use super::quotes::{closing_quote, opening_quote};
use super::referents::{Gender, Referring, given_name_gender, referring_word};
use super::statements::Context;
use crate::annotate::entities::{Entity, EntityKind};

/// One mention of an entity.
#[derive(Debug, Clone)]
pub struct Mention<'e> {
    /// The entity.
    pub entity: &'e Entity,
    /// Its tokens.
    pub tokens: Range<usize>,
    /// Where its title begins (the mention's first token when it has none).
    pub title_start: usize,
    /// The lowercase words of the titles and descriptions written with it.
    pub described_as: Vec<String>,
}

impl Mention<'_> {
    /// A person (named, or by a title the recogniser joined to one).
    pub fn is_person(&self) -> bool {
        matches!(self.entity.kind, EntityKind::Person | EntityKind::Title)
    }

    /// An organisation.
    pub fn is_organization(&self) -> bool {
        self.entity.kind == EntityKind::Organization
    }

    /// A body that can speak as one: an organisation, a named paper or programme the
    /// recogniser took for another name, or a country.
    pub fn is_body(&self) -> bool {
        matches!(
            self.entity.kind,
            EntityKind::Organization | EntityKind::Misc | EntityKind::Location
        )
    }

    /// The entity's canonical name.
    pub fn name(&self) -> &str {
        &self.entity.canonical
    }

    /// Whether the mention is written with this word, or its name holds it.
    pub fn known_as(&self, word: &str) -> bool {
        self.described_as.iter().any(|w| w == word)
            || self
                .entity
                .canonical
                .split([' ', '-'])
                .any(|w| w.eq_ignore_ascii_case(word))
    }
}

/// The mentions of a text in order, and the gender of each person named.
pub struct Mentions<'e> {
    /// Every mention, in text order.
    pub all: Vec<Mention<'e>>,
    genders: HashMap<&'e str, Gender>,
}

/// How far before a name its title may begin, in tokens.
const LONGEST_TITLE: usize = 12;

impl<'e> Mentions<'e> {
    /// The mentions of the context's entities.
    pub fn new(context: &Context<'e>) -> Mentions<'e> {
        let tokens = context.tokens;
        let all: Vec<Mention<'e>> = context
            .entities
            .iter()
            .filter_map(|entity| {
                let start = tokens.partition_point(|t| t.end <= entity.span.start);
                let end = tokens.partition_point(|t| t.start < entity.span.end);
                (start < end).then(|| {
                    let (title_start, described_as) = descriptions(context, entity, start..end);
                    Mention {
                        entity,
                        title_start,
                        described_as,
                        tokens: start..end,
                    }
                })
            })
            .collect();
        let genders = genders(context, &all);
        Mentions { all, genders }
    }

    /// The gender of a person, by canonical name, when the text tells it.
    pub fn gender(&self, name: &str) -> Option<Gender> {
        self.genders.get(name).copied()
    }

    /// Whether a person may be referred to with that gender.
    pub fn agrees(&self, name: &str, gender: Option<Gender>) -> bool {
        match (gender, self.gender(name)) {
            (Some(wanted), Some(known)) => wanted == known,
            _ => true,
        }
    }

    /// The mentions that end before token `token`, nearest first.
    pub fn before(&self, token: usize) -> impl Iterator<Item = &Mention<'e>> {
        let end = self.all.partition_point(|m| m.tokens.start < token);
        self.all[..end]
            .iter()
            .rev()
            .filter(move |m| m.tokens.end <= token)
    }
}

/// The words written with a mention: for a person, the title before the name (`Official
/// Spokesperson for the Ministry of Foreign Affairs Dr.`, `Deputy KRCS chairman`, `the
/// Executive Director of X,`) and an apposition after it (`, Minister of State,`); for an
/// organisation, the word after it (`Al Bayan newspaper`). Returns where the title begins and
/// the words.
fn descriptions(context: &Context<'_>, entity: &Entity, tokens: Range<usize>) -> (usize, Vec<String>) {
    let Some(sentence) = context.sentence_at(tokens.start) else {
        return (tokens.start, Vec::new());
    };
    let word = |i: usize| context.word(i);
    let lower = |range: Range<usize>| range.map(|i| word(i).to_lowercase()).collect::<Vec<_>>();
    let mut found = Vec::new();
    if !matches!(entity.kind, EntityKind::Person | EntityKind::Title) {
        // `Al Bayan newspaper`, `the "Al Bayan" newspaper`, `the daily Al-Rai`.
        let quote = |i: usize| is_quote_mark(word(i));
        let after = (tokens.end..sentence.end).find(|&i| !quote(i));
        let before = (sentence.start..tokens.start).rev().find(|&i| !quote(i));
        for i in after.into_iter().chain(before) {
            if referring_word(word(i)).is_some_and(|w| w.kind == Referring::Body) {
                found.push(word(i).to_lowercase());
            }
        }
        return (tokens.start, found);
    }
    // The title before: capitalised words and their joining words, back to the clause start.
    let titled = |i: usize| {
        let w = word(i);
        w.chars().next().is_some_and(char::is_uppercase)
            || matches!(w, "of" | "for" | "the" | "and" | "&" | "'s" | "’s")
            || referring_word(w).is_some()
    };
    let mut start = tokens.start;
    let limit = tokens.start.saturating_sub(LONGEST_TITLE).max(sentence.start);
    while start > limit && titled(start - 1) {
        start -= 1;
    }
    // `the Executive Director of the Society, Rami Al-Nazer`: a title set off by a comma.
    if start == tokens.start && start > limit + 1 && word(start - 1) == "," {
        let mut before = start - 1;
        while before > limit && titled(before - 1) {
            before -= 1;
        }
        if (before..start - 1).any(|i| referring_word(word(i)).is_some_and(|w| w.kind == Referring::Person)) {
            start = before;
        }
    }
    found.extend(lower(start..tokens.start));
    // The apposition after: `, Minister of State,`.
    if tokens.end + 1 < sentence.end && word(tokens.end) == "," {
        let end = (tokens.end + 1..sentence.end.min(tokens.end + 1 + LONGEST_TITLE))
            .find(|&i| word(i) == ",")
            .unwrap_or(sentence.end);
        let apposition = tokens.end + 1..end;
        // `X, His Highness the Prime Minister Sheikh Y arrived`: a title of the next name.
        let names_another = context.entities.iter().any(|e| {
            e.kind == EntityKind::Person
                && e.span.start >= context.tokens[apposition.start].start
                && e.span.start < context.tokens[end - 1].end
        });
        if !names_another
            && apposition
                .clone()
                .any(|i| referring_word(word(i)).is_some_and(|w| w.kind == Referring::Person))
        {
            found.extend(lower(apposition));
        }
    }
    (start, found)
}

/// A quotation mark either way.
fn is_quote_mark(word: &str) -> bool {
    opening_quote(word) || closing_quote(word)
}

/// Each person's gender, by the votes of what is written with their mentions: a gendered
/// title or form of address (`Sheikha`, `spokeswoman`, `His Highness`) or a given name
/// counts three, the first personal pronoun after a mention in its sentence (`X expressed her
/// thanks`) one.
fn genders<'e>(context: &Context<'_>, mentions: &[Mention<'e>]) -> HashMap<&'e str, Gender> {
    let mut votes: HashMap<&'e str, [i32; 2]> = HashMap::new();
    let vote = |votes: &mut HashMap<&'e str, [i32; 2]>, name: &'e str, gender: Gender, weight: i32| {
        let slot = votes.entry(name).or_default();
        slot[usize::from(gender == Gender::Male)] += weight;
    };
    for (index, mention) in mentions.iter().enumerate() {
        if !mention.is_person() {
            continue;
        }
        let name = mention.entity.canonical.as_str();
        for word in &mention.described_as {
            let told = referring_word(word)
                .and_then(|w| w.gender)
                .or_else(|| Gender::of_pronoun(word).filter(|_| matches!(word.as_str(), "his" | "her")));
            if let Some(gender) = told {
                vote(&mut votes, name, gender, 3);
            }
        }
        let first_name = mention
            .tokens
            .clone()
            .map(|i| context.word(i))
            .find(|w| referring_word(w).is_none());
        if let Some(gender) = first_name.and_then(given_name_gender) {
            vote(&mut votes, name, gender, 3);
        }
        // The first personal pronoun after the mention, before any other person, in its sentence.
        let Some(sentence) = context.sentence_at(mention.tokens.start) else {
            continue;
        };
        let next_person = mentions[index + 1..]
            .iter()
            .find(|m| m.is_person())
            .map_or(usize::MAX, |m| m.tokens.start);
        let pronoun = (mention.tokens.end..sentence.end.min(next_person))
            .find_map(|i| Gender::of_pronoun(context.word(i)));
        if let Some(gender) = pronoun {
            vote(&mut votes, name, gender, 1);
        }
    }
    votes
        .into_iter()
        .filter_map(|(name, [female, male])| match female.cmp(&male) {
            std::cmp::Ordering::Greater => Some((name, Gender::Female)),
            std::cmp::Ordering::Less => Some((name, Gender::Male)),
            std::cmp::Ordering::Equal => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::attribution::fixture::Fixture;

    #[test]
    fn titles_before_and_appositions_after_describe_a_person() {
        let fixture =
            Fixture::new("Foreign Minister Salem Al-Rifai met Dr. Layla Haddad, Minister of State, in Doha.");
        let context = fixture.context();
        let mentions = Mentions::new(&context);
        let rifai = mentions
            .all
            .iter()
            .find(|m| m.name() == "Salem Al-Rifai")
            .expect("Al-Rifai");
        assert!(rifai.known_as("minister") && rifai.known_as("foreign"));
        let haddad = mentions
            .all
            .iter()
            .find(|m| m.name() == "Layla Haddad")
            .expect("Haddad");
        assert!(
            haddad.known_as("state") && haddad.known_as("dr."),
            "{:?}",
            haddad.described_as
        );
    }

    #[test]
    fn the_title_of_the_next_name_is_no_apposition() {
        let fixture = Fixture::new(
            "Envoy of the Sultan Sayyid Nasser Al-Harthy, His Highness the Prime Minister Sayyid \
             Fahad Al-Said opened the book fair in Muscat on Monday.",
        );
        let context = fixture.context();
        let mentions = Mentions::new(&context);
        let representative = mentions
            .all
            .iter()
            .find(|m| m.name().starts_with("Nasser"))
            .expect("the representative");
        assert!(
            !representative.known_as("minister"),
            "{:?}",
            representative.described_as
        );
        let prime_minister = mentions
            .all
            .iter()
            .find(|m| m.name().starts_with("Fahad"))
            .expect("the prime minister");
        assert!(prime_minister.known_as("minister"));
    }

    #[test]
    fn genders_come_from_titles_names_and_pronouns() {
        let fixture = Fixture::new(
            "Sheikha Noor Al-Sabah met Omar Khalil. Rashad Tamimi expressed her thanks to them.",
        );
        let context = fixture.context();
        let mentions = Mentions::new(&context);
        assert_eq!(mentions.gender("Noor Al-Sabah"), Some(Gender::Female));
        assert_eq!(mentions.gender("Omar Khalil"), Some(Gender::Male));
        assert_eq!(mentions.gender("Rashad Tamimi"), Some(Gender::Female));
        assert!(mentions.agrees("Omar Khalil", None));
        assert!(!mentions.agrees("Omar Khalil", Some(Gender::Female)));
    }
}
