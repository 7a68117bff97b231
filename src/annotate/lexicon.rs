//! The lexicon: every name list newsdesk embeds (places, agencies, demonyms, groups,
//! organisations and their head words, titles, given names, misc names, months and weekdays),
//! matched against the tokens of a sentence. A match gives each token it covers a code: the
//! list and the token's position in the match (begin, inside, last, unit).
//!
//! Entries listed under a `# --- ambiguous ...` heading are ordinary words too and only match
//! when the text capitalises them.

use std::collections::HashMap;

use std::sync::LazyLock;
use xxhash_rust::xxh3::Xxh3DefaultBuilder;

use super::tokens::tokenize;

/// The lists of the lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum List {
    /// Countries and territories.
    Country,
    /// Cities.
    City,
    /// First-level regions and their abbreviations.
    Region,
    /// Nationality and people words.
    Demonym,
    /// Religious, political and ideological groups.
    Group,
    /// Named organisations.
    Organization,
    /// Words that end organisation names (`Authority`, `Bank`).
    OrgSuffix,
    /// Phrases that begin organisation names (`Ministry of`).
    OrgPrefix,
    /// Honorifics (`Sheikh`, `His Highness`, `Mr`).
    Honorific,
    /// Roles and ranks (`Foreign Minister`, `Secretary of State`, `Gen.`).
    Role,
    /// Given names.
    GivenName,
    /// Events, languages, works, products.
    Misc,
    /// Words that end misc names (`Treaty`, `Declaration`).
    MiscSuffix,
    /// News agencies, syndicators and newspapers.
    Agency,
    /// Months and weekdays.
    TimeWord,
}

impl List {
    /// The code of a position in a match of this list: `4 × list + position`.
    pub fn code(self, position: u8) -> u8 {
        self as u8 * 4 + position
    }

    /// The list a code belongs to.
    pub fn of_code(code: u8) -> Option<List> {
        ALL_LISTS.get((code / 4) as usize).copied()
    }
}

const ALL_LISTS: [List; 15] = [
    List::Country,
    List::City,
    List::Region,
    List::Demonym,
    List::Group,
    List::Organization,
    List::OrgSuffix,
    List::OrgPrefix,
    List::Honorific,
    List::Role,
    List::GivenName,
    List::Misc,
    List::MiscSuffix,
    List::Agency,
    List::TimeWord,
];

/// One lexicon entry's lists and whether it must be capitalised in the text to match.
#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    lists: u32,
    capitalised_lists: u32,
}

/// Every phrase of the lexicon, keyed by its lowercase tokens joined with single spaces.
#[derive(Debug, Default)]
pub struct Lexicon {
    entries: FastMap<String, Entry>,
    /// The canonical name of aliases (`U.S.` → `United States`, `UNSC` → `United Nations
    /// Security Council`).
    canonical: HashMap<String, String>,
    /// Names listed in their own right (not only as aliases).
    names: std::collections::HashSet<String>,
    /// The longest phrase (in tokens) that starts with each first token.
    first_tokens: FastMap<String, u8>,
}

/// A map with a fast (not DoS-resistant) hash for the lexicon's lookups of every word.
type FastMap<K, V> = HashMap<K, V, Xxh3DefaultBuilder>;

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::embedded);

/// The embedded lexicon, built on first use.
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

impl Lexicon {
    /// Builds the lexicon from the embedded lists (what the first annotation does once;
    /// exposed for benchmarks).
    pub fn embedded() -> Lexicon {
        let mut lexicon = Lexicon::default();
        let places = [
            (include_str!("../../assets/places/countries.txt"), List::Country),
            (include_str!("../../assets/places/cities.txt"), List::City),
            (include_str!("../../assets/places/regions.txt"), List::Region),
        ];
        for (text, list) in places {
            lexicon.add_lines(text, |line| {
                // `Alias = Name`, `Name | Country` (cities), `Region | Abbrev. | Abbrev.`.
                let (left, right) = line.split_once('=').unwrap_or((line, ""));
                let mut names: Vec<&str> = left.split('|').collect();
                if list != List::Region {
                    names.truncate(1);
                }
                names.extend(right.split('|').take(usize::from(!right.is_empty())));
                names.into_iter().map(|name| (name, list)).collect()
            });
            for line in text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
            {
                if !line.contains('=') {
                    lexicon
                        .names
                        .insert(phrase_key(line.split('|').next().unwrap_or(line)));
                }
            }
            lexicon.add_canonical_names(text, |line| match line.split_once('=') {
                Some((alias, name)) => vec![(alias, name.split('|').next().unwrap_or(name))],
                None if list == List::Region => {
                    let mut fields = line.split('|');
                    let name = fields.next().unwrap_or(line);
                    fields.map(|abbreviation| (abbreviation, name)).collect()
                }
                None => Vec::new(),
            });
        }
        for (text, list) in [
            (include_str!("../../assets/names/demonyms.txt"), List::Demonym),
            (include_str!("../../assets/names/groups.txt"), List::Group),
            (
                include_str!("../../assets/names/given_names.txt"),
                List::GivenName,
            ),
        ] {
            lexicon.add_lines(text, |line| vec![(line.split('|').next().unwrap_or(line), list)]);
        }
        let organizations = include_str!("../../assets/names/organizations.txt");
        lexicon.add_lines(organizations, |line| {
            line.split('|').map(|name| (name, List::Organization)).collect()
        });
        lexicon.add_canonical_names(organizations, |line| {
            let mut names = line.split('|');
            let canonical = names.next().unwrap_or(line);
            names.map(|alias| (alias, canonical)).collect()
        });
        lexicon.add_lines(
            include_str!("../../assets/names/org_patterns.txt"),
            |line| match line.split_once(' ') {
                Some(("suffix", word)) => vec![(word, List::OrgSuffix)],
                Some(("prefix", words)) => vec![(words, List::OrgPrefix)],
                _ => Vec::new(),
            },
        );
        lexicon.add_lines(include_str!("../../assets/names/titles.txt"), |line| {
            let (title, kind) = line.split_once('|').unwrap_or((line, "role"));
            let list = if kind.trim() == "honorific" {
                List::Honorific
            } else {
                List::Role
            };
            vec![(title, list)]
        });
        lexicon.add_lines(include_str!("../../assets/names/misc.txt"), |line| {
            match line.split_once(' ') {
                Some(("suffix", word)) => vec![(word, List::MiscSuffix)],
                _ => vec![(line, List::Misc)],
            }
        });
        for entry in crate::lexicons::agencies::registry().entries() {
            let spellings = [&entry.abbr, &entry.name].into_iter().chain(&entry.spellings);
            for spelling in spellings {
                lexicon.add(spelling, List::Agency, false);
                lexicon.set_canonical(spelling, &entry.name);
            }
        }
        for word in [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
            "Jan.",
            "Feb.",
            "Aug.",
            "Sept.",
            "Sep.",
            "Oct.",
            "Nov.",
            "Dec.",
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ] {
            lexicon.add(word, List::TimeWord, false);
        }
        lexicon
    }

    /// Adds the entries of one file: `entries_of` turns a line into `(phrase, list)` pairs;
    /// lines after a `# --- ambiguous` heading need capitals in the text.
    fn add_lines<'a>(&mut self, text: &'a str, entries_of: impl Fn(&'a str) -> Vec<(&'a str, List)>) {
        let mut ambiguous = false;
        for line in text.lines() {
            let line = line.trim();
            if line.starts_with('#') {
                if line.to_lowercase().starts_with("# --- ambiguous") {
                    ambiguous = true;
                }
                continue;
            }
            if line.is_empty() {
                continue;
            }
            for (phrase, list) in entries_of(line) {
                self.add(phrase, list, ambiguous);
            }
        }
    }

    /// Records the canonical names a file gives: `names_of` turns a line into `(alias, name)`.
    fn add_canonical_names<'a>(
        &mut self,
        text: &'a str,
        names_of: impl Fn(&'a str) -> Vec<(&'a str, &'a str)>,
    ) {
        for line in text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            for (alias, name) in names_of(line) {
                self.set_canonical(alias, name);
            }
        }
    }

    /// Makes `name` the canonical name of `alias` (the first one given wins).
    fn set_canonical(&mut self, alias: &str, name: &str) {
        let (alias, name) = (alias.trim(), name.trim());
        let key = phrase_key(alias);
        if !key.is_empty() && key != phrase_key(name) {
            self.canonical.entry(key).or_insert_with(|| name.to_string());
        }
    }

    /// The canonical name of a phrase, when the lexicon lists it as an alias and not as a
    /// name in its own right (`Kuwait` the country stays `Kuwait` though it also stands for
    /// Kuwait City in datelines).
    pub fn canonical(&self, phrase: &str) -> Option<&str> {
        let key = phrase_key(phrase);
        if self.names.contains(&key) {
            return None;
        }
        self.canonical.get(&key).map(String::as_str)
    }

    /// Adds one phrase to a list.
    pub fn add(&mut self, phrase: &str, list: List, needs_capital: bool) {
        let phrase = phrase.trim();
        let tokens = tokenize(phrase);
        if tokens.is_empty() || tokens.len() > 8 {
            return;
        }
        let words: Vec<String> = tokens.iter().map(|t| fold(t.text(phrase))).collect();
        let key = words.join(" ");
        let entry = self.entries.entry(key).or_default();
        let bit = 1u32 << list as u32;
        if needs_capital {
            if entry.lists & bit == 0 {
                entry.capitalised_lists |= bit;
            }
        } else {
            entry.lists |= bit;
            entry.capitalised_lists &= !bit;
        }
        let longest = self.first_tokens.entry(words[0].clone()).or_default();
        *longest = (*longest).max(tokens.len() as u8);
    }

    /// The lexicon codes of every token of a sentence.
    pub fn codes(&self, words: &[&str]) -> Vec<Vec<u8>> {
        // Every word's lookup form, one after the other in one string.
        let mut folded_words = String::with_capacity(words.iter().map(|w| w.len()).sum());
        let folded_ranges: Vec<std::ops::Range<usize>> = words
            .iter()
            .map(|word| {
                let start = folded_words.len();
                push_folded(word, &mut folded_words);
                start..folded_words.len()
            })
            .collect();
        let folded = |index: usize| &folded_words[folded_ranges[index].clone()];
        let mut codes: Vec<Vec<u8>> = vec![Vec::new(); words.len()];
        let mut key = String::new();
        for start in 0..words.len() {
            let Some(&longest) = self.first_tokens.get(folded(start)) else {
                continue;
            };
            let longest = (longest as usize).min(words.len() - start);
            key.clear();
            for length in 1..=longest {
                if length > 1 {
                    key.push(' ');
                }
                key.push_str(folded(start + length - 1));
                let Some(entry) = self.entries.get(&key) else {
                    continue;
                };
                let capitalised = words[start].chars().next().is_some_and(char::is_uppercase);
                let lists = entry.lists | if capitalised { entry.capitalised_lists } else { 0 };
                for list in ALL_LISTS.iter().filter(|list| lists & (1 << **list as u32) != 0) {
                    for offset in 0..length {
                        let position = match (length, offset) {
                            (1, _) => 3,
                            (_, 0) => 0,
                            (_, o) if o + 1 == length => 2,
                            _ => 1,
                        };
                        let code = list.code(position);
                        let token_codes = &mut codes[start + offset];
                        if !token_codes.contains(&code) {
                            token_codes.push(code);
                        }
                    }
                }
            }
        }
        codes
    }

    /// The lists a whole phrase (as written) belongs to.
    pub fn lists_of(&self, phrase: &str) -> Vec<List> {
        let capitalised = phrase.chars().next().is_some_and(char::is_uppercase);
        let Some(entry) = self.entries.get(&phrase_key(phrase)) else {
            return Vec::new();
        };
        let lists = entry.lists | if capitalised { entry.capitalised_lists } else { 0 };
        ALL_LISTS
            .iter()
            .copied()
            .filter(|list| lists & (1 << *list as u32) != 0)
            .collect()
    }
}

/// A phrase's lookup key: its tokens folded and joined with single spaces.
fn phrase_key(phrase: &str) -> String {
    let tokens = tokenize(phrase);
    let words: Vec<String> = tokens.iter().map(|t| fold(t.text(phrase))).collect();
    words.join(" ")
}

/// A token's lookup form: lowercase, curly apostrophes straightened.
fn fold(word: &str) -> String {
    let mut folded = String::with_capacity(word.len());
    push_folded(word, &mut folded);
    folded
}

/// Appends the lookup form of a token (see [`fold`]) to `out`.
fn push_folded(word: &str, out: &mut String) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
    } else {
        out.extend(
            word.chars()
                .flat_map(char::to_lowercase)
                .map(|c| if c == '’' || c == '‘' { '\'' } else { c }),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lists_at(words: &[&str], index: usize) -> Vec<(List, u8)> {
        lexicon().codes(words)[index]
            .iter()
            .filter_map(|&code| List::of_code(code).map(|list| (list, code % 4)))
            .collect()
    }

    #[test]
    fn embedded_lists_match_phrases_with_positions() {
        let words = [
            "The", "United", "Nations", "Security", "Council", "met", "in", "Kuwait", "City", ".",
        ];
        assert!(lists_at(&words, 1).contains(&(List::Organization, 0)));
        assert!(lists_at(&words, 4).contains(&(List::Organization, 2)));
        assert!(lists_at(&words, 7).contains(&(List::City, 0)));
        assert!(lists_at(&words, 7).contains(&(List::Country, 3)));
        assert!(lists_at(&words, 5).is_empty());
    }

    #[test]
    fn titles_names_demonyms_agencies() {
        let words = [
            "Foreign",
            "Minister",
            "Ahmed",
            "met",
            "Israeli",
            "officials",
            "and",
            "KUNA",
            "staff",
        ];
        assert!(lists_at(&words, 0).iter().any(|(list, _)| *list == List::Role));
        assert!(lists_at(&words, 2).contains(&(List::GivenName, 3)));
        assert!(lists_at(&words, 4).contains(&(List::Demonym, 3)));
        assert!(lists_at(&words, 7).contains(&(List::Agency, 3)));
    }

    #[test]
    fn aliases_have_canonical_names() {
        assert_eq!(lexicon().canonical("U.S."), Some("United States"));
        assert_eq!(lexicon().canonical("KUNA"), Some("Kuwait News Agency"));
        assert_eq!(lexicon().canonical("Tenn."), Some("Tennessee"));
        assert_eq!(lexicon().canonical("Washington"), None);
        assert_eq!(
            lexicon().canonical("Kuwait"),
            None,
            "a country is its own canonical name"
        );
    }

    #[test]
    fn ambiguous_entries_need_capitals() {
        let mut lexicon = Lexicon::default();
        lexicon.add_lines("Hamas\n# --- ambiguous: words ---\nShell\n", |line| {
            vec![(line, List::Organization)]
        });
        assert_eq!(lexicon.codes(&["shell"])[0], Vec::<u8>::new());
        assert_eq!(lexicon.codes(&["Shell"])[0], vec![List::Organization.code(3)]);
        assert_eq!(lexicon.codes(&["hamas"])[0], vec![List::Organization.code(3)]);
    }
}
