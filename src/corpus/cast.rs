//! The cast of the labelled training articles: cultures (how people of a country are named and
//! addressed), word lists and name patterns, read from the embedded `assets/training/cast.toml`.

use std::collections::HashMap;

use serde::Deserialize;

static CAST_TOML: &str = include_str!("../../assets/training/cast.toml");

/// How the people of a culture are named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NameStyle {
    /// Given name, father's name, sometimes the grandfather's, family name (`Ahmad Jaber
    /// Al-Ali`); the ruling family adds its branch (`... Al-Ahmad Al-Sabah`).
    Arabic,
    /// Given name, `bin` (`bint`) and the father's name, sometimes a second `bin`, family name
    /// (`Hamdan bin Saif Al Nahyan`).
    ArabicBin,
    /// Given name then family name (`Ayman Safadi`, `Sergei Lavrov`).
    GivenFamily,
    /// Family name then given name (`Wang Yi`, `Park Jin`).
    FamilyGiven,
    /// Given name then the father's name, plain or after `bin`/`binti` (`Anwar Hamidi`,
    /// `Rosli bin Harun`).
    Malay,
}

/// One culture: its country, how its people are named and addressed, and its institutions.
#[derive(Debug, Clone, Deserialize)]
pub struct Culture {
    /// The country's usual name (`Kuwait`).
    pub country: String,
    /// Its formal name (`State of Kuwait`).
    pub formal: String,
    /// The nationality word (`Kuwaiti`).
    pub demonym: String,
    /// The capital.
    pub capital: String,
    /// Other cities.
    pub cities: Vec<String>,
    /// How names are built.
    pub style: NameStyle,
    /// Men's given names.
    pub male: Vec<String>,
    /// Women's given names.
    pub female: Vec<String>,
    /// Family names as copy writes them.
    pub family: Vec<String>,
    /// The ruling family's names, when the country has one.
    #[serde(default)]
    pub royal: Vec<String>,
    /// Branches of the ruling family written before its name (`Al-Ahmad Al-Sabah`).
    #[serde(default)]
    pub royal_branch: Vec<String>,
    /// Honorifics of the ruling family's men (`Sheikh`, `Prince`).
    #[serde(default)]
    pub royal_male: Vec<String>,
    /// Honorifics of the ruling family's women.
    #[serde(default)]
    pub royal_female: Vec<String>,
    /// Honorifics of officials of either sex (`Dr.`, `Eng.`, `HE`).
    #[serde(default)]
    pub honorific: Vec<String>,
    /// Honorifics of men only (`Datuk Seri`, `Tan Sri`).
    #[serde(default)]
    pub male_honorific: Vec<String>,
    /// Honorifics of women only (`Datin Paduka`, `Puan Sri`).
    #[serde(default)]
    pub female_honorific: Vec<String>,
    /// What stands before the head of state's name (`His Highness the Amir Sheikh`); empty for a
    /// president, who is `President` and a name.
    #[serde(default)]
    pub head_title: String,
    /// How copy names the head of state again without the name (`His Highness the Amir`).
    #[serde(default)]
    pub head_short: Vec<String>,
    /// The national news agency's abbreviation.
    pub agency: String,
    /// Its full name.
    pub agency_name: String,
    /// The parliament.
    pub parliament: String,
}

impl Culture {
    /// True when the country has a ruling family.
    pub fn is_monarchy(&self) -> bool {
        !self.royal.is_empty()
    }
}

/// The name patterns of the cast.
#[derive(Debug, Clone, Deserialize)]
pub struct Patterns {
    /// Offices before or after a person's name; their slots keep their kinds.
    pub office: Vec<String>,
    /// Organisation names.
    pub organization: Vec<String>,
    /// Sites: palaces, airports, ports.
    pub site: Vec<String>,
    /// Occasions, programmes, prizes, laws and days.
    pub misc: Vec<String>,
}

/// Everything the labelled articles are written from.
#[derive(Debug, Clone, Deserialize)]
pub struct Cast {
    /// The cultures.
    #[serde(rename = "culture")]
    pub cultures: Vec<Culture>,
    /// Word lists by name.
    pub lists: HashMap<String, Vec<String>>,
    /// Name patterns.
    pub patterns: Patterns,
}

impl Cast {
    /// The embedded cast.
    pub fn embedded() -> Result<Cast, toml::de::Error> {
        toml::from_str(CAST_TOML)
    }

    /// The word list of that name; empty when there is none.
    pub fn list(&self, name: &str) -> &[String] {
        self.lists.get(name).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_cast_reads_and_every_culture_can_name_people() {
        let cast = Cast::embedded().expect("assets/training/cast.toml is valid");
        assert!(cast.cultures.len() >= 20);
        for culture in &cast.cultures {
            assert!(!culture.male.is_empty(), "{}", culture.country);
            assert!(!culture.female.is_empty(), "{}", culture.country);
            assert!(!culture.family.is_empty(), "{}", culture.country);
            assert!(!culture.cities.is_empty(), "{}", culture.country);
            if culture.is_monarchy() {
                assert!(!culture.royal_male.is_empty(), "{}", culture.country);
                assert!(!culture.royal_female.is_empty(), "{}", culture.country);
            }
        }
        for list in [
            "portfolio",
            "topic",
            "cue",
            "weekday",
            "topic_name",
            "body",
            "international",
        ] {
            assert!(!cast.list(list).is_empty(), "{list}");
        }
    }
}
