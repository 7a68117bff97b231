//! The head of an article: everything before the body. In order, as FORMATS of the agencies
//! allow: page chrome, a capture prefix, a title (perhaps printed twice), a page stamp, a
//! syndicator tag `(MENAFN- Provider)`, a bare agency line (`QNA`), a byline, and the dateline.

use std::sync::LazyLock;

use regex::RegexSet;

use crate::article::Timestamp;
use crate::lexicons::agencies::{AgencyKind, RegistryEntry, registry};
use crate::lexicons::names::readable;
use crate::wire::dateline::{DatelineMatch, find_glued_dateline, floor_char_boundary, match_dateline};
use crate::wire::dates::{capture_prefix, page_stamp};
use crate::wire::split::{is_editors_note, is_headline};

/// What the head of an article holds. Offsets are bytes into the article's text.
#[derive(Debug, Default)]
pub struct Head {
    /// The headline.
    pub title: Option<String>,
    /// The reporters.
    pub byline: Option<String>,
    /// `MENAFN` when a syndicator tag is present.
    pub syndicator: Option<String>,
    /// The provider named in the syndicator tag, as written.
    pub provider: Option<String>,
    /// An agency credited on a line of its own or in the byline (`QNA`, `By WAM`).
    pub agency_line: Option<&'static RegistryEntry>,
    /// An agency named by a page header (`Source: Xinhua| ...`).
    pub page_agency: Option<&'static RegistryEntry>,
    /// The capture prefix's date.
    pub capture: Option<Timestamp>,
    /// A page header stamp.
    pub page_stamp: Option<Timestamp>,
    /// The dateline, with offsets into the article's text.
    pub dateline: Option<DatelineMatch>,
    /// Where the body starts.
    pub body_start: usize,
}

/// How many head lines are examined before the body is assumed to start.
const MAX_HEAD_LINES: usize = 14;

static CHROME: LazyLock<RegexSet> = LazyLock::new(|| {
    let patterns: Vec<&str> = include_str!("../../assets/chrome.txt")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect();
    RegexSet::new(patterns).unwrap_or_else(|error| panic!("assets/chrome.txt: {error}"))
});

/// True for a line of page chrome (`A+ A-`, `Skip to content`, `403`, an HTML tag line, ...),
/// as listed in `assets/chrome.txt`.
pub fn is_chrome(line: &str) -> bool {
    let line = line.trim();
    line.len() <= 120 && CHROME.is_match(line)
}

/// Reads the head of `text` (one article's text).
pub fn peel_head(text: &str) -> Head {
    let mut head = Head::default();
    let mut pos = 0;
    let mut after_tag = false;
    let mut title_allowed = true;
    let mut skip_until = None;
    for _ in 0..MAX_HEAD_LINES {
        pos = skip_whitespace(text, pos);
        if pos >= text.len() {
            break;
        }
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = text[pos..line_end].trim_end();
        let trimmed = line.trim_start();
        if head.capture.is_none() && head.title.is_none() {
            if let Some((stamp, len)) = capture_prefix(line) {
                head.capture = Some(stamp);
                pos += len;
                continue;
            }
        }
        if is_chrome(trimmed) || is_foreign_junk(text, trimmed, line_end) {
            pos = line_end;
            continue;
        }
        if trimmed.starts_with("(MENAFN") {
            if let Some((provider, len)) = menafn_tag(trimmed) {
                head.syndicator = Some("MENAFN".to_string());
                head.provider = provider;
                pos += (line.len() - trimmed.len()) + len;
                after_tag = true;
                title_allowed = false;
                continue;
            }
        }
        if let Some(tag_at) = trimmed.find("(MENAFN") {
            // A title glued before the tag (Gulf Times).
            let before = trimmed[..tag_at].trim();
            if menafn_tag(&trimmed[tag_at..]).is_some() {
                if head.title.is_none() && is_headline(before) {
                    head.title = Some(before.to_string());
                }
                pos += (line.len() - trimmed.len()) + tag_at;
                continue;
            }
        }
        if after_tag {
            after_tag = false;
            if let Some(entry) = agency_line(trimmed, head.provider.as_deref()) {
                head.agency_line = entry;
                pos = line_end;
                continue;
            }
            if let Some(name) = trimmed.strip_suffix("Read more").map(str::trim) {
                if looks_like_person(name) {
                    head.byline = Some(name.to_string());
                }
                pos = line_end;
                continue;
            }
        }
        let here = match_dateline(&text[pos..]);
        if head.page_stamp.is_none() && here.is_none() {
            if let Some(stamp) = page_stamp(trimmed) {
                head.page_stamp = Some(stamp);
                head.page_agency = stamp_agency(trimmed);
                pos = line_end;
                continue;
            }
        }
        if let Some(by) = strip_by(trimmed) {
            let offset = pos + (line.len() - trimmed.len());
            if let Some((start, dateline)) = find_glued_dateline(&text[offset..]) {
                let before = trimmed[..start].trim();
                set_byline(&mut head, strip_by(before).unwrap_or(before));
                head.body_start = offset + dateline.body_start;
                head.dateline = Some(shift(dateline, offset));
                return head;
            }
            set_byline(&mut head, by);
            pos = line_end;
            title_allowed = false;
            continue;
        }
        if is_parenthesised(trimmed) && here.is_none() {
            // A distributor line or an advisory: `(Japan Economic Newswire Via Acquire Media
            // NewsEdge)`, `(Adds comment from the minister in paragraph 4)`.
            let inside = &trimmed[1..trimmed.len() - 1];
            let distributor = inside
                .split(" Via ")
                .next()
                .or(Some(inside))
                .and_then(|name| registry().lookup(name.trim()));
            head.page_agency = head.page_agency.or(distributor);
            pos = line_end;
            continue;
        }
        if let Some(dateline) = here {
            let title_instead =
                !dateline.strong && head.title.is_none() && next_line_has_strong_dateline(text, line_end);
            if !title_instead {
                head.body_start = pos + dateline.body_start;
                if let Some(byline) = &dateline.byline {
                    head.byline.get_or_insert_with(|| byline.clone());
                }
                head.dateline = Some(shift(dateline, pos));
                return head;
            }
        }
        if title_allowed && head.title.is_none() && is_headline(trimmed) {
            if let Some(next) = title_follows(text, line_end, trimmed) {
                head.title = Some(trimmed.to_string());
                pos = next;
                continue;
            }
        }
        // The first body line: a dateline may be glued after a headline (`…AustriaMuscat, 25 Oct (ONA)`)
        // or a site name (`Ammon News - AMMAN (Petra) – `).
        let offset = pos + (line.len() - trimmed.len());
        if let Some((start, dateline)) = find_glued_dateline(&text[offset..]) {
            let before = trimmed[..start]
                .trim()
                .trim_end_matches(['-', '–', '—', ':', ' ']);
            if head.title.is_none() && is_headline(before) && registry().lookup(before).is_none() {
                head.title = Some(before.to_string());
            }
            head.body_start = offset + dateline.body_start;
            head.dateline = Some(shift(dateline, offset));
            return head;
        }
        // Lines that are neither head nor body before a dateline a little further down: site
        // chrome, bullets, captions, an editor's note. They are skipped.
        if skip_until.is_some_and(|until| pos < until) {
            pos = line_end;
            continue;
        }
        if let Some(dateline_at) = dateline_ahead(text, line_end) {
            skip_until = Some(dateline_at);
            pos = line_end;
            title_allowed = false;
            continue;
        }
        break;
    }
    head.body_start = pos.min(text.len());
    head
}

/// How far ahead [`dateline_ahead`] looks, in lines and bytes.
const LOOKAHEAD_LINES: usize = 10;
const LOOKAHEAD_BYTES: usize = 2500;

/// The start of a line a few lines below `from` that opens with a strong dateline, when every
/// line before it is short enough to be page furniture rather than a paragraph of the story.
fn dateline_ahead(text: &str, from: usize) -> Option<usize> {
    let mut pos = from;
    let mut lines = 0;
    while lines < LOOKAHEAD_LINES && pos < text.len() && pos - from < LOOKAHEAD_BYTES {
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = text[pos..line_end].trim();
        if !line.is_empty() {
            if match_dateline(&text[pos..]).is_some_and(|d| d.strong) {
                return Some(pos);
            }
            let editors_note = is_editors_note(line);
            if line.chars().count() > 200 && !editors_note {
                return None;
            }
            lines += 1;
        }
        pos = line_end + 1;
    }
    None
}

/// A line wholly in one pair of parentheses.
fn is_parenthesised(line: &str) -> bool {
    line.len() > 2
        && line.len() < 200
        && line.starts_with('(')
        && line.ends_with(')')
        && !line[1..line.len() - 1].contains(['(', ')'])
}

/// The agency a page stamp names before its date: `Source: Xinhua| 2018-09-02 ...`,
/// `APS, 19/09/2018`.
fn stamp_agency(line: &str) -> Option<&'static RegistryEntry> {
    let before_date = &line[..line.find(|c: char| c.is_ascii_digit())?];
    let name = before_date.strip_prefix("Source:").unwrap_or(before_date);
    let name = name.trim().trim_end_matches([',', '|', ':', '-', '–']).trim();
    registry()
        .lookup(name)
        .filter(|e| e.kind != AgencyKind::Syndicator)
}

/// Moves a dateline's offsets by `offset`.
fn shift(mut dateline: DatelineMatch, offset: usize) -> DatelineMatch {
    dateline.text = dateline.text.start + offset..dateline.text.end + offset;
    dateline.body_start += offset;
    dateline
}

fn skip_whitespace(text: &str, pos: usize) -> usize {
    pos + text[pos..].len() - text[pos..].trim_start().len()
}

/// Parses `(MENAFN- Provider (ABBR))` or `(MENAFN)` at the start of `text`, with nested
/// parentheses. Returns the provider and the bytes taken (with the spaces after).
pub fn menafn_tag(text: &str) -> Option<(Option<String>, usize)> {
    let rest = text.strip_prefix("(MENAFN")?;
    let mut depth = 1;
    let mut end = None;
    let limit = floor_char_boundary(rest, rest.len().min(160));
    for (index, c) in rest[..limit].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    end = Some(index);
                    break;
                }
            }
            '\n' => return None,
            _ => {}
        }
    }
    let end = end?;
    let inside = rest[..end].trim_start_matches(['-', '–', ' ']).trim();
    if !(rest.starts_with(')') || rest.starts_with('-') || rest.starts_with('–')) {
        return None;
    }
    let provider = (!inside.is_empty()).then(|| inside.to_string());
    let taken = "(MENAFN".len() + end + 1;
    let spaces = text[taken..].len() - text[taken..].trim_start_matches(' ').len();
    Some((provider, taken + spaces))
}

/// The line after a syndicator tag that only names an agency (`QNA`, `Wam`) or repeats the
/// provider (`The Peninsula`). Returns the agency, if the registry knows it.
fn agency_line(line: &str, provider: Option<&str>) -> Option<Option<&'static RegistryEntry>> {
    let line = line.trim();
    if line.is_empty() || line.len() > 60 {
        return None;
    }
    if let Some(entry) = registry().lookup(line) {
        return (entry.kind != AgencyKind::Syndicator).then_some(Some(entry));
    }
    provider
        .is_some_and(|provider| {
            crate::lexicons::names::name_key(provider) == crate::lexicons::names::name_key(line)
        })
        .then_some(None)
}

/// The text of a byline line without its `By`.
fn strip_by(line: &str) -> Option<&str> {
    let rest = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))
        .or_else(|| line.strip_prefix("/By "))?;
    rest.starts_with(|c: char| c.is_uppercase()).then_some(rest)
}

/// Records a byline: an agency credit (`By WAM`, `By NNN-Petra,`) or reporters, without
/// trailing agency credits (`from the Associated Press`, `– Trend:`), readable if in capitals.
fn set_byline(head: &mut Head, text: &str) {
    let text = text.trim().trim_end_matches([',', ':', '/']).trim();
    if let Some(entry) = registry().lookup(text).or_else(|| {
        text.split(['-', '/'])
            .map(str::trim)
            .rfind(|part| !part.is_empty())
            .and_then(|part| registry().lookup(part))
            .filter(|_| text.split_whitespace().count() == 1)
    }) {
        head.agency_line.get_or_insert(entry);
        return;
    }
    let mut name = text;
    for cut in [" from the ", " – ", " - ", " — ", ", "] {
        if let Some((before, after)) = name.split_once(cut) {
            let credit = after.trim().trim_end_matches([':', '.']);
            if let Some(entry) = registry().lookup(credit) {
                head.agency_line.get_or_insert(entry);
                name = before;
            } else if cut == ", " {
                // `Hamad Saeed Al Ketbi, Director of Research at ...`: the job title goes.
                name = before;
            }
        }
    }
    if !name.is_empty() && head.byline.is_none() {
        head.byline = Some(readable(name));
    }
}

/// Up to four capitalised words: a person's name.
fn looks_like_person(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=4).contains(&words.len()) && words.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// Decides whether a headline-like line at the top is the title: it is printed twice, or the
/// next line is a dateline, byline or syndicator tag, or a blank line and more text follow.
/// Returns where parsing continues.
fn title_follows(text: &str, line_end: usize, line: &str) -> Option<usize> {
    let after = &text[line_end..];
    let next_start = line_end + after.len() - after.trim_start().len();
    if next_start >= text.len() {
        return None;
    }
    let next_end = text[next_start..]
        .find('\n')
        .map_or(text.len(), |i| next_start + i);
    let next_line = text[next_start..next_end].trim();
    if next_line == line {
        return Some(next_end);
    }
    let blank_between = text[line_end..next_start].matches('\n').count() >= 2;
    let next_is_head = next_line.starts_with("(MENAFN")
        || strip_by(next_line).is_some()
        || match_dateline(&text[next_start..]).is_some()
        || page_stamp(next_line).is_some();
    (blank_between || next_is_head).then_some(line_end)
}

/// True when the next non-blank line opens with a strong dateline.
fn next_line_has_strong_dateline(text: &str, line_end: usize) -> bool {
    let rest = text[line_end..].trim_start_matches(['\n', ' ']);
    match_dateline(rest).is_some_and(|d| d.strong)
}

/// A head line in a script that the rest of the article does not use (a CJK spam header
/// above an English story).
fn is_foreign_junk(text: &str, line: &str, line_end: usize) -> bool {
    let cjk =
        |c: &char| matches!(*c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}');
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 0 || line.chars().filter(cjk).count() * 2 < letters {
        return false;
    }
    let sample_end = floor_char_boundary(text, (line_end + 600).min(text.len()));
    let rest = &text[line_end..sample_end];
    let rest_letters = rest.chars().filter(|c| c.is_alphabetic()).count();
    rest_letters > 40 && rest.chars().filter(cjk).count() * 10 < rest_letters
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn menafn_tags_with_nested_parentheses() {
        let text = "(MENAFN- Kuwait News Agency (KUNA)) KUWAIT, March 26";
        let (provider, len) = menafn_tag(text).expect("tag");
        assert_eq!(provider.as_deref(), Some("Kuwait News Agency (KUNA)"));
        assert_eq!(&text[len..], "KUWAIT, March 26");
        let (provider, len) = menafn_tag("(MENAFN) According to").expect("bare");
        assert_eq!((provider, len), (None, 9));
        assert!(menafn_tag("(MENAFNX)").is_none());
        assert!(menafn_tag("(MENAFN- unclosed (KUNA) text").is_none());
    }

    #[test]
    fn seed_shape_head() {
        let text =
            " date 2025-02-11 (MENAFN- Kuwait News Agency (KUNA)) LONDON, Feb 11 (KUNA) -- The Foreign";
        let head = peel_head(text);
        assert_eq!(head.capture.map(|t| t.to_string()).as_deref(), Some("2025-02-11"));
        assert_eq!(head.syndicator.as_deref(), Some("MENAFN"));
        assert_eq!(head.provider.as_deref(), Some("Kuwait News Agency (KUNA)"));
        assert_eq!(
            head.dateline.as_ref().and_then(|d| d.place.as_deref()),
            Some("LONDON")
        );
        assert_eq!(&text[head.body_start..], "The Foreign");
    }

    #[test]
    fn peninsula_agency_line_and_colon_dateline() {
        let text = "(MENAFN- The Peninsula) QNA\n\nDoha, Qatar: The Minister of State met";
        let head = peel_head(text);
        assert_eq!(head.agency_line.map(|e| e.abbr.as_str()), Some("QNA"));
        assert_eq!(
            head.dateline.as_ref().map(|d| d.regions.clone()),
            Some(vec!["Qatar".to_string()])
        );
        assert_eq!(&text[head.body_start..], "The Minister of State met");
    }

    #[test]
    fn titles_printed_twice_and_chrome() {
        let text = "A+ A-\nAmir receives envoy\nAmir receives envoy\n\nKUWAIT, Sept 5 (KUNA) -- The Amir";
        let head = peel_head(text);
        assert_eq!(head.title.as_deref(), Some("Amir receives envoy"));
        assert_eq!(&text[head.body_start..], "The Amir");
    }

    #[test]
    fn teletype_headline_then_dateline() {
        let text = "ECONOMIC SPOTLIGHT - BANKAMERICA <BAC>\n    LOS ANGELES, March 3 - BankAmerica";
        let head = peel_head(text);
        assert_eq!(
            head.title.as_deref(),
            Some("ECONOMIC SPOTLIGHT - BANKAMERICA <BAC>")
        );
        assert_eq!(
            head.dateline.and_then(|d| d.place),
            Some("LOS ANGELES".to_string())
        );
    }

    #[test]
    fn a_headline_that_opens_like_a_weak_dateline_is_the_title() {
        let text =
            "NCM: Autumn begins with milder nights\n\nDubai, 23rd September, 2026 (WAM) - The centre said";
        let head = peel_head(text);
        assert_eq!(
            head.title.as_deref(),
            Some("NCM: Autumn begins with milder nights")
        );
        assert_eq!(head.dateline.and_then(|d| d.place).as_deref(), Some("Dubai"));
    }

    #[test]
    fn a_headline_may_end_with_an_abbreviation() {
        let text = "Non-oil exports up 11 pct in Jan.-Sept.\n\n15 October 2026 13:15 (UTC +04:00)\n\nBAKU, Azerbaijan, Oct. 15\nTrend:\nExports rose.";
        let head = peel_head(text);
        assert_eq!(
            head.title.as_deref(),
            Some("Non-oil exports up 11 pct in Jan.-Sept.")
        );
        assert_eq!(
            head.agency_line
                .or(head.dateline.as_ref().and_then(|d| d.credits.first().copied()))
                .map(|e| e.abbr.as_str()),
            Some("Trend")
        );
        assert_eq!(&text[head.body_start..], "Exports rose.");
    }

    #[test]
    fn bylines() {
        let text = "Oil prices rise\n\nBy DANICA KIRKA from the Associated Press\n\nLONDON (AP) — Oil";
        let head = peel_head(text);
        assert_eq!(head.byline.as_deref(), Some("Danica Kirka"));
        assert_eq!(head.title.as_deref(), Some("Oil prices rise"));
        let text = "By Massita Ahmad SINGAPORE, June 25 (NNN-BERNAMA) — Singapore";
        let head = peel_head(text);
        assert_eq!(head.byline.as_deref(), Some("Massita Ahmad"));
        assert_eq!(&text[head.body_start..], "Singapore");
    }

    #[test]
    fn page_stamps_and_their_agency() {
        let text = "China hails summit\nSource: Xinhua| 2019-07-14 06:12:55|Editor: lu\nKUWAIT CITY, Sept. 1 (Xinhua) -- Kuwait";
        let head = peel_head(text);
        assert_eq!(
            head.page_stamp.map(|t| t.to_string()).as_deref(),
            Some("2019-07-14T06:12:55")
        );
        assert_eq!(head.page_agency.map(|e| e.abbr.as_str()), Some("Xinhua"));
        assert_eq!(head.title.as_deref(), Some("China hails summit"));
    }
}
