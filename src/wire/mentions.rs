//! The agency a story names as its own in running text, for copy whose credit the page dropped:
//! an agency that was told or given a statement (`told AFP`, `Speaking to AA`, `In a statement
//! to Oman News Agency (ONA)`) or whose reporter saw something (`An AFP reporter saw`) wrote
//! the story; failing that, the one agency the story reports from (`SPA said`, `according to
//! the Emirates News Agency (WAM)`, `the Jordan News Agency, Petra, reported`).

use std::sync::LazyLock;

use regex::Regex;

use crate::lexicons::agencies::{AgencyKind, RegistryEntry, registry};

/// An agency's name as running text writes it, captured as `group`: capitalised words,
/// perhaps its abbreviation in parentheses after them.
fn name(group: &str) -> String {
    format!(
        r"(?P<{group}>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|for|and|de|des|du|la|el|al))*(?:\s*\([A-Z][A-Za-z]{{1,9}}\))?)"
    )
}

/// Forms in which the agency received the story: it was told, given a statement or an
/// interview, or its reporter was there.
static RECEIVED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:told|[Ss]peaking\s+to|spoke\s+to|said\s+to|statements?\s+to|remarks\s+to|interview\s+with)\s+(?:the\s+)?{}|\b(?:[Aa]n?|[Tt]he)\s+{}\s+(?:reporter|correspondent|photographer|journalist)s?\b",
        name("to"),
        name("of")
    ))
    .expect("valid regex")
});

/// Forms in which the story reports from the agency, or from a country's state agency.
static REPORTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:[Aa]ccording\s+to|[Qq]uoted\s+by|[Cc]arried\s+by)\s+(?:the\s+)?{}|{},?\s+(?:reported|reports|said|says|quoted|added|announced)\b|\b(?P<country>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?:'s|’s)?\s+(?:state|official|national)\s+news\s+agency\b",
        name("by"),
        name("subject")
    ))
    .expect("valid regex")
});

/// The group names of the agency's name in the patterns.
const NAME_GROUPS: &[&str] = &["to", "of", "by", "subject"];

/// The most text searched: agencies name themselves near the top.
const MAX_SEARCH_BYTES: usize = 6000;

/// The agency `body` names as the story's own: the first one that received it, else the only
/// one it reports from.
///
/// ```
/// use newsdesk::wire::mentions::agency_named_in;
/// let body = "The port reopened on Monday, an official told AFP.";
/// assert_eq!(agency_named_in(body).map(|e| e.abbr.as_str()), Some("AFP"));
/// ```
pub fn agency_named_in(body: &str) -> Option<&'static RegistryEntry> {
    let text = &body[..crate::wire::dateline::floor_char_boundary(body, body.len().min(MAX_SEARCH_BYTES))];
    if let Some(entry) = RECEIVED.captures_iter(text).find_map(|caps| named_agency(&caps)) {
        return Some(entry);
    }
    let mut reported = REPORTED
        .captures_iter(text)
        .filter_map(|caps| named_agency(&caps));
    let first = reported.next()?;
    reported.all(|other| std::ptr::eq(other, first)).then_some(first)
}

/// The agency a match names: by its name, or as its country's only news agency.
fn named_agency(caps: &regex::Captures) -> Option<&'static RegistryEntry> {
    if let Some(country) = caps.name("country") {
        return state_agency(country.as_str());
    }
    let name = NAME_GROUPS.iter().find_map(|group| caps.name(group))?;
    resolve(name.as_str())
}

/// A country's news agency, when the registry knows exactly one.
fn state_agency(country: &str) -> Option<&'static RegistryEntry> {
    let mut agencies = registry()
        .entries()
        .iter()
        .filter(|e| e.kind == AgencyKind::Agency && e.country.as_deref() == Some(country));
    let only = agencies.next()?;
    agencies.next().is_none().then_some(only)
}

/// The news agency a name written in running text stands for: the whole name (`Oman News
/// Agency (ONA)`), or its last words (`state news agency SPA` gives `SPA`).
fn resolve(name: &str) -> Option<&'static RegistryEntry> {
    let name = name.trim().trim_end_matches(['.', ',']);
    let words: Vec<&str> = name.split_whitespace().collect();
    (0..words.len()).find_map(|skip| {
        let candidate = words[skip..].join(" ");
        registry()
            .lookup(&candidate)
            .filter(|entry| entry.kind == AgencyKind::Agency)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(body: &str) -> Option<&'static str> {
        agency_named_in(body).map(|e| e.abbr.as_str())
    }

    #[test]
    fn the_agency_that_received_the_story() {
        assert_eq!(
            named("Speaking  to AA on Saturday, the spokesman denied it."),
            Some("AA")
        );
        assert_eq!(
            named("In a statement to Kenya News Agency (KNA) and the radio, the minister said."),
            Some("KNA")
        );
        assert_eq!(
            named("An AFP reporter saw six bodies at the hospital."),
            Some("AFP")
        );
        assert_eq!(
            named(
                "The blast was reported by the official Xinhua news agency. Police told Reuters the area was empty."
            ),
            Some("Reuters")
        );
    }

    #[test]
    fn the_one_agency_reported_from() {
        assert_eq!(
            named("The league condemned the attack, SPA said on Sunday."),
            Some("SPA")
        );
        assert_eq!(
            named("According to the Emirates News Agency (WAM), the minister stressed the point."),
            Some("WAM")
        );
        assert_eq!(
            named("The king met editors, the Jordan News Agency, Petra, reported."),
            Some("Petra")
        );
        assert_eq!(
            named("The visit was announced, Kenya state news agency said."),
            Some("KNA")
        );
        assert_eq!(
            named("Xinhua said the bridge opened, while Kyodo reported delays."),
            None
        );
        assert_eq!(named("The minister told reporters the port would reopen."), None);
        assert_eq!(
            named("The ministry told the privately-owned channel it would act."),
            None
        );
    }
}
