//! The words by which copy refers back to someone named before (`the minister`, `His
//! Excellency`, `the ministry`, `the statement`) and the words and given names that tell a
//! person's gender: `assets/attribution/referring_words.txt` and
//! `assets/attribution/given_name_genders.txt`.

use std::collections::HashMap;
use std::sync::LazyLock;

/// A person's gender, as the text or a name tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// `she`, `Sheikha`, `spokeswoman`.
    Female,
    /// `he`, `Sheikh`, `spokesman`.
    Male,
}

impl Gender {
    /// The gender of a personal pronoun (`she`, `his`), if it has one.
    pub fn of_pronoun(word: &str) -> Option<Gender> {
        match word.to_lowercase().as_str() {
            "she" | "her" | "hers" | "herself" => Some(Gender::Female),
            "he" | "him" | "his" | "himself" => Some(Gender::Male),
            _ => None,
        }
    }
}

/// What a referring word stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Referring {
    /// One person, by office or description (`minister`, `diplomat`).
    Person,
    /// One person, by a form of address (`majesty`, `highness`, `excellency`, `Mrs`).
    Address,
    /// An organisation (`ministry`, `newspaper`).
    Body,
    /// What a body or person issued (`statement`, `report`).
    Document,
}

/// A referring word's kind and the gender it tells, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReferringWord {
    /// What it stands for.
    pub kind: Referring,
    /// The gender it tells.
    pub gender: Option<Gender>,
}

static REFERRING: LazyLock<HashMap<String, ReferringWord>> =
    LazyLock::new(|| parse_referring(include_str!("../../../assets/attribution/referring_words.txt")));

static GIVEN_NAMES: LazyLock<HashMap<String, Gender>> =
    LazyLock::new(|| parse_given_names(include_str!("../../../assets/attribution/given_name_genders.txt")));

/// The lines of a word list without comments and blank lines.
fn entries(list: &str) -> impl Iterator<Item = &str> {
    list.lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|line| !line.is_empty())
}

/// `word | kind [| gender]` lines.
fn parse_referring(list: &str) -> HashMap<String, ReferringWord> {
    let mut words = HashMap::new();
    for line in entries(list) {
        let fields: Vec<&str> = line.split('|').map(str::trim).collect();
        let kind = match fields.get(1).copied() {
            Some("person") => Referring::Person,
            Some("address") => Referring::Address,
            Some("body") => Referring::Body,
            Some("document") => Referring::Document,
            _ => continue,
        };
        let gender = match fields.get(2).copied() {
            Some("female") => Some(Gender::Female),
            Some("male") => Some(Gender::Male),
            _ => None,
        };
        words.insert(fields[0].to_lowercase(), ReferringWord { kind, gender });
    }
    words
}

/// Names under `[female]` and `[male]` section lines.
fn parse_given_names(list: &str) -> HashMap<String, Gender> {
    let mut names = HashMap::new();
    let mut gender = None;
    for line in entries(list) {
        match line {
            "[female]" => gender = Some(Gender::Female),
            "[male]" => gender = Some(Gender::Male),
            name => {
                if let Some(gender) = gender {
                    names.insert(name.to_lowercase(), gender);
                }
            }
        }
    }
    names
}

/// The referring word a token is, if it is one: listed nouns and forms of address, in any
/// case, and the abbreviations of address (`HE` and `H.E.` for excellency, `HH` for highness,
/// `HM` for majesty, `HRH` for royal highness).
pub fn referring_word(word: &str) -> Option<ReferringWord> {
    let address = |name: &str| REFERRING.get(name).copied();
    match word.trim_end_matches('.') {
        "HE" | "H.E" => address("excellency"),
        "HH" | "H.H" | "HRH" | "H.R.H" => address("highness"),
        "HM" | "H.M" => address("majesty"),
        trimmed => REFERRING.get(trimmed.to_lowercase().as_str()).copied(),
    }
}

/// The gender a given name tells, if the list knows it.
pub fn given_name_gender(name: &str) -> Option<Gender> {
    GIVEN_NAMES.get(name.to_lowercase().as_str()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_lists_is_read() {
        let referring = include_str!("../../../assets/attribution/referring_words.txt");
        assert_eq!(parse_referring(referring).len(), entries(referring).count());
        let names = include_str!("../../../assets/attribution/given_name_genders.txt");
        let sections = 2;
        assert_eq!(parse_given_names(names).len(), entries(names).count() - sections);
    }

    #[test]
    fn referring_words_and_abbreviations() {
        let minister = referring_word("Minister").expect("listed");
        assert_eq!(minister.kind, Referring::Person);
        assert_eq!(referring_word("H.E.").map(|w| w.kind), Some(Referring::Address));
        assert_eq!(referring_word("HH").map(|w| w.kind), Some(Referring::Address));
        assert_eq!(referring_word("newspaper").map(|w| w.kind), Some(Referring::Body));
        assert_eq!(
            referring_word("statement").map(|w| w.kind),
            Some(Referring::Document)
        );
        assert_eq!(
            referring_word("Sheikha").and_then(|w| w.gender),
            Some(Gender::Female)
        );
        assert_eq!(referring_word("officials"), None);
    }

    #[test]
    fn genders_of_names_and_pronouns() {
        assert_eq!(given_name_gender("Layla"), Some(Gender::Female));
        assert_eq!(given_name_gender("KHALID"), Some(Gender::Male));
        assert_eq!(given_name_gender("Kim"), None);
        assert_eq!(Gender::of_pronoun("She"), Some(Gender::Female));
        assert_eq!(Gender::of_pronoun("his"), Some(Gender::Male));
        assert_eq!(Gender::of_pronoun("they"), None);
    }
}
