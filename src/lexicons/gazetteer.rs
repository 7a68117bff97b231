//! Place names: countries, cities and first-level regions (with their abbreviations), embedded
//! from `assets/places/` and indexed once on first use.
//!
//! The wire parser uses them to accept datelines that carry no date or agency (`Doha: `) and to
//! tell a country written before its city (`Azerbaijan, Baku`); the annotator uses them for
//! locations.
//!
//! File formats, one entry per line, `#` starts a comment:
//! - `countries.txt`: `Name`, or `Alias = Name`;
//! - `cities.txt`: `City`, `City | Country`, or `Alias = City`;
//! - `regions.txt`: `Region`, or `Region | Abbrev. | Abbrev.` (AP state abbreviations and the like).

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::lexicons::names::name_key;

/// What a place name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// A sovereign state or territory.
    Country,
    /// A first-level region: a state, province, autonomous region.
    Region,
    /// A city or town.
    City,
}

/// One place: its kind and canonical name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// What it names.
    pub kind: PlaceKind,
    /// The canonical spelling (`Turkey` for `Türkiye`, `Tennessee` for `Tenn.`).
    pub name: String,
}

/// The place-name index.
#[derive(Debug, Default)]
pub struct Gazetteer {
    places: HashMap<String, Vec<Place>>,
    /// The spellings exactly as the files write them (and in capitals), to their keys: most
    /// lookups need no key built.
    exact: HashMap<String, String>,
}

static COUNTRIES: &str = include_str!("../../assets/places/countries.txt");
static CITIES: &str = include_str!("../../assets/places/cities.txt");
static REGIONS: &str = include_str!("../../assets/places/regions.txt");

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut gazetteer = Gazetteer::default();
    gazetteer.add_file(COUNTRIES, PlaceKind::Country);
    gazetteer.add_file(REGIONS, PlaceKind::Region);
    gazetteer.add_file(CITIES, PlaceKind::City);
    gazetteer
});

/// The embedded gazetteer.
pub fn gazetteer() -> &'static Gazetteer {
    &GAZETTEER
}

impl Gazetteer {
    /// Adds every entry of one file in the formats described in the module docs.
    pub fn add_file(&mut self, text: &str, kind: PlaceKind) {
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            if let Some((alias, name)) = line.split_once('=') {
                self.add(alias.trim(), name.trim(), kind);
                continue;
            }
            let mut fields = line.split('|').map(str::trim);
            let name = fields.next().unwrap_or("");
            self.add(name, name, kind);
            if kind == PlaceKind::Region {
                for abbreviation in fields.filter(|field| !field.is_empty()) {
                    self.add(abbreviation, name, kind);
                }
            }
        }
    }

    fn add(&mut self, spelling: &str, name: &str, kind: PlaceKind) {
        if spelling.is_empty() || name.is_empty() {
            return;
        }
        let key = name_key(spelling);
        self.exact.insert(spelling.to_string(), key.clone());
        self.exact.insert(spelling.to_uppercase(), key.clone());
        let entries = self.places.entry(key).or_default();
        if !entries.iter().any(|place| place.kind == kind) {
            entries.push(Place {
                kind,
                name: name.to_string(),
            });
        }
    }

    /// Every place the name can mean (`Georgia` is a country and a region).
    pub fn lookup(&self, name: &str) -> &[Place] {
        let found = match self.exact.get(name) {
            Some(key) => self.places.get(key),
            None => self.places.get(&name_key(name)),
        };
        found.map(Vec::as_slice).unwrap_or(&[])
    }

    /// True when the name is a known place of the given kind.
    pub fn is(&self, name: &str, kind: PlaceKind) -> bool {
        self.lookup(name).iter().any(|place| place.kind == kind)
    }

    /// True when the name is any known place.
    pub fn is_place(&self, name: &str) -> bool {
        !self.lookup(name).is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_lists_know_wire_places() {
        let places = gazetteer();
        assert!(places.is("Kuwait", PlaceKind::Country));
        assert!(places.is("Azerbaijan", PlaceKind::Country));
        assert!(places.is("Doha", PlaceKind::City));
        assert!(places.is("KUALA LUMPUR", PlaceKind::City));
        assert!(places.is("Tenn.", PlaceKind::Region));
        assert!(places.is("Saskatchewan", PlaceKind::Region));
        assert!(!places.is_place("Note"));
    }

    #[test]
    fn aliases_and_abbreviations_map_to_the_canonical_name() {
        let mut places = Gazetteer::default();
        places.add_file("Tennessee | Tenn.\n# comment\n\n", PlaceKind::Region);
        places.add_file("Bombay = Mumbai\nMumbai | India\n", PlaceKind::City);
        assert_eq!(places.lookup("TENN.")[0].name, "Tennessee");
        assert_eq!(places.lookup("bombay")[0].name, "Mumbai");
        assert!(places.is("Mumbai", PlaceKind::City));
    }
}
