//! The agency registry: news agencies, syndicators, networks, press-release distributors and
//! the newspapers that appear as providers, with every spelling seen in copy.
//!
//! The registry is `assets/agencies.toml`, embedded in the binary and parsed once on first use.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::article::Agency;
use crate::lexicons::names::name_key as spelling_key;

/// What kind of outfit a registry entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AgencyKind {
    /// A news agency that files its own copy (KUNA, Reuters).
    Agency,
    /// A syndicator that republishes others' copy (MENAFN).
    Syndicator,
    /// A network that relays member agencies (NNN).
    Network,
    /// A press-release distributor (GlobeNewswire).
    Distributor,
    /// A newspaper or news site that appears as a provider or credit.
    Newspaper,
}

/// One registry entry.
#[derive(Debug, Clone, Deserialize)]
pub struct RegistryEntry {
    /// The short name (`KUNA`).
    pub abbr: String,
    /// The full name (`Kuwait News Agency`).
    pub name: String,
    /// The home country, if any.
    #[serde(default)]
    pub country: Option<String>,
    /// What kind of outfit it is.
    pub kind: AgencyKind,
    /// Other spellings seen in copy (the abbreviation and the name are spellings too).
    #[serde(default)]
    pub spellings: Vec<String>,
}

impl RegistryEntry {
    /// The entry as the article model's [`Agency`].
    pub fn to_agency(&self) -> Agency {
        Agency {
            abbr: self.abbr.clone(),
            name: self.name.clone(),
            country: self.country.clone(),
        }
    }
}

#[derive(Deserialize)]
struct RegistryFile {
    agency: Vec<RegistryEntry>,
}

/// The registry: entries and a case-insensitive index of their spellings.
#[derive(Debug)]
pub struct Registry {
    entries: Vec<RegistryEntry>,
    by_spelling: HashMap<String, usize>,
    /// The spellings exactly as the file writes them: a lookup without building a key.
    by_exact: HashMap<String, usize>,
}

static REGISTRY_TOML: &str = include_str!("../../assets/agencies.toml");

static REGISTRY: LazyLock<Registry> = LazyLock::new(|| {
    // The embedded file is checked by the test below, so failing here is a build defect.
    Registry::from_toml(REGISTRY_TOML).unwrap_or_else(|error| panic!("assets/agencies.toml: {error}"))
});

/// The embedded registry.
pub fn registry() -> &'static Registry {
    &REGISTRY
}

impl Registry {
    /// Parses a registry file; a spelling shared by two entries is an error.
    pub fn from_toml(text: &str) -> Result<Self, String> {
        let file: RegistryFile = toml::from_str(text).map_err(|error| error.to_string())?;
        let mut by_spelling: HashMap<String, usize> = HashMap::new();
        let mut by_exact: HashMap<String, usize> = HashMap::new();
        for (index, entry) in file.agency.iter().enumerate() {
            let spellings = [&entry.abbr, &entry.name].into_iter().chain(&entry.spellings);
            for spelling in spellings {
                let key = spelling_key(spelling);
                if let Some(&other) = by_spelling.get(&key) {
                    if other != index {
                        return Err(format!(
                            "the spelling {spelling:?} belongs to both {} and {}",
                            file.agency[other].abbr, entry.abbr
                        ));
                    }
                }
                by_spelling.insert(key, index);
                by_exact.insert(spelling.clone(), index);
            }
        }
        Ok(Registry {
            entries: file.agency,
            by_spelling,
            by_exact,
        })
    }

    /// Every entry, in file order.
    pub fn entries(&self) -> &[RegistryEntry] {
        &self.entries
    }

    /// The entry written `text` (case-insensitive; `Kuwait News Agency (KUNA)` and `KUNA` both work).
    pub fn lookup(&self, text: &str) -> Option<&RegistryEntry> {
        if let Some(&index) = self.by_exact.get(text) {
            return Some(&self.entries[index]);
        }
        let key = spelling_key(text);
        if key.is_empty() {
            return None;
        }
        if let Some(&index) = self.by_spelling.get(&key) {
            return Some(&self.entries[index]);
        }
        // `Name (ABBR)`: the name and the abbreviation must agree, or one of them be unknown
        // while the other is known and the whole is short.
        let (name, rest) = text.trim().split_once('(')?;
        let abbr = rest.strip_suffix(')')?;
        let by_abbr = self.by_spelling.get(&spelling_key(abbr));
        let by_name = self.by_spelling.get(&spelling_key(name));
        let index = match (by_name, by_abbr) {
            (Some(a), Some(b)) if a == b => a,
            (Some(_), Some(_)) => return None,
            (Some(only), None) | (None, Some(only)) if looks_like_name(name) && abbr.len() <= 12 => only,
            _ => return None,
        };
        Some(&self.entries[*index])
    }
}

/// One to five words, each starting with a capital letter.
fn looks_like_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=5).contains(&words.len()) && words.iter().all(|w| w.starts_with(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_registry_loads_and_is_large_enough() {
        let registry = Registry::from_toml(REGISTRY_TOML).expect("registry parses");
        assert!(registry.entries().len() >= 40, "{}", registry.entries().len());
    }

    #[test]
    fn kuna_spellings_resolve_to_one_agency() {
        for text in [
            "KUNA",
            "Kuwait News Agency",
            "Kuwait News Agency (KUNA)",
            "kuna",
            " Kuwait  News Agency ",
        ] {
            let entry = registry().lookup(text).expect(text);
            assert_eq!(entry.abbr, "KUNA", "{text}");
            assert_eq!(entry.name, "Kuwait News Agency");
        }
    }

    #[test]
    fn unknown_text_is_not_an_agency() {
        for text in ["", "Washington", "The company", "("] {
            assert!(registry().lookup(text).is_none(), "{text}");
        }
    }

    #[test]
    fn a_shared_spelling_is_rejected() {
        let text = r#"
            [[agency]]
            abbr = "AAA"
            name = "First"
            kind = "agency"
            spellings = ["Same"]
            [[agency]]
            abbr = "BBB"
            name = "Second"
            kind = "agency"
            spellings = ["same"]
        "#;
        let error = Registry::from_toml(text).expect_err("duplicate spelling");
        assert!(error.contains("AAA") && error.contains("BBB"), "{error}");
    }
}
