//! The dateline matcher: `CITY[, Region][, Date] (AGENCY) SEP` and every variant wire copy uses.
//!
//! A dateline is *strong* when it carries a date or a known agency credit, and *weak* when it is
//! only a place and a separator (`AMMAN - `, `Doha: `); weak datelines are accepted only for
//! ALL-CAPS places and places the gazetteer knows, so that `Note: ` is not a city.
//! Every scan is bounded to the first few hundred bytes of a line, so matching is linear.

use crate::lexicons::agencies::{AgencyKind, RegistryEntry, registry};
use crate::lexicons::gazetteer::{PlaceKind, gazetteer};
use crate::wire::dates::{WrittenDate, is_weekday_in_any_language, parse_written_date};

/// How far into a line a dateline may reach.
const MAX_DATELINE_BYTES: usize = 240;
/// The most words a place name may have.
const MAX_PLACE_WORDS: usize = 5;
/// The most regions after a city (`RIYADH, Saudi Arabia, May 02, 2024` has one).
const MAX_REGIONS: usize = 3;

/// A dateline found at the start of some text. Ranges are byte offsets into that text.
#[derive(Debug, Clone)]
pub struct DatelineMatch {
    /// The dateline as written, without the separator.
    pub text: std::ops::Range<usize>,
    /// The place as written (`KUALA LUMPUR`), when the dateline names one.
    pub place: Option<String>,
    /// The regions written after the place, in order (`Saudi Arabia`; `Qatar` from `[Qatar]`).
    pub regions: Vec<String>,
    /// The written date.
    pub date: Option<WrittenDate>,
    /// The agencies credited, resolved through the registry, in order.
    pub credits: Vec<&'static RegistryEntry>,
    /// A byline found with the dateline (`By Elchin Mehdiyev – Trend:`).
    pub byline: Option<String>,
    /// Where the body starts: after the separator and the spaces that follow it.
    pub body_start: usize,
    /// True when the dateline has a date or a known agency credit.
    pub strong: bool,
}

/// Words that start sentences, never places: they keep `Meanwhile, March 3 - ` out.
const NOT_PLACES: &[&str] = &[
    "a",
    "about",
    "according",
    "additionally",
    "after",
    "also",
    "an",
    "and",
    "as",
    "at",
    "before",
    "breaking",
    "but",
    "by",
    "correction",
    "during",
    "earlier",
    "early",
    "editor's",
    "elsewhere",
    "exclusive",
    "factbox",
    "for",
    "from",
    "furthermore",
    "he",
    "her",
    "his",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "last",
    "late",
    "later",
    "meanwhile",
    "moreover",
    "next",
    "note",
    "on",
    "our",
    "photo",
    "read",
    "refile",
    "separately",
    "she",
    "since",
    "source",
    "sources",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "to",
    "today",
    "tomorrow",
    "tonight",
    "until",
    "update",
    "updated",
    "urgent",
    "video",
    "warning",
    "watch",
    "we",
    "when",
    "while",
    "with",
    "yesterday",
    "you",
    "advisory",
    "analysis",
    "alert",
    "flash",
    "timeline",
    "wrapup",
    "preview",
    "poll",
    "interview",
    "highlights",
    "snapshot",
    "ends",
    "q&a",
];

/// True for a word that starts sentences and never names a place.
fn is_not_place(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    NOT_PLACES.iter().any(|other| other.eq_ignore_ascii_case(word))
}

/// Lowercase words allowed inside a place name (`Rio de Janeiro`, `Port of Spain`).
const PLACE_PARTICLES: &[&str] = &[
    "de", "da", "do", "dos", "das", "del", "di", "du", "des", "la", "le", "el", "al", "of", "on", "upon",
    "am", "an", "sur", "en", "y", "au", "aux",
];

/// Honorifics that open a sentence right after a city and a comma (`Doha, HE Minister …`,
/// `Muscat, Sayyid Badr …`).
const HONORIFICS: &[&str] = &[
    "HE", "H.E.", "HH", "H.H.", "HRH", "His", "Her", "Sheikh", "Sheikha", "Shaikh", "Shaikha", "Sayyid",
    "Sayyida",
];

/// The separators that can follow a dateline, longest first.
const SEPARATORS: &[&str] = &["---", "—-", "--", "—", "–", "―", "-", "_", ":"];

/// Matches a dateline at the very start of `text` (leading spaces allowed).
///
/// ```
/// use newsdesk::wire::dateline::match_dateline;
/// let found = match_dateline("KUWAIT, March 26 (KUNA) -- The Amir said").unwrap();
/// assert_eq!(found.place.as_deref(), Some("KUWAIT"));
/// assert_eq!(found.credits[0].abbr, "KUNA");
/// assert_eq!(&"KUWAIT, March 26 (KUNA) -- The Amir said"[found.body_start..], "The Amir said");
/// ```
pub fn match_dateline(text: &str) -> Option<DatelineMatch> {
    // Leading spaces, and the asterisks some teletype copy carries (`****LONDON`).
    let start = text.len() - text.trim_start_matches([' ', '*']).len();
    if !could_start_dateline(&text[start..]) {
        return None;
    }
    Scanner::new(text, start).scan()
}

/// Finds a dateline glued after other text on the first line (`By Massita Ahmad SINGAPORE, June
/// 25 (NNN-BERNAMA) — `, `…President of AustriaMuscat, 25 Oct (ONA) --- `). Only datelines with a
/// known agency credit count here. Returns where the dateline starts and the match (its ranges
/// are offsets into `text`).
pub fn find_glued_dateline(text: &str) -> Option<(usize, DatelineMatch)> {
    let line_end = text.find('\n').unwrap_or(text.len());
    let limit = floor_char_boundary(text, line_end.min(MAX_DATELINE_BYTES));
    let mut previous: Option<char> = None;
    for (index, c) in text[..limit].char_indices() {
        let at_word_start = previous.is_some_and(|p| p == ' ' || p == '\u{a0}');
        let at_camel_join = previous.is_some_and(char::is_lowercase) && c.is_uppercase();
        previous = Some(c);
        if index == 0 || !(c.is_uppercase() || c == '(') || !(at_word_start || at_camel_join) {
            continue;
        }
        if !could_start_dateline(&text[index..]) {
            continue;
        }
        let Some(found) = Scanner::new(text, index).scan() else {
            continue;
        };
        if found.credits.is_empty() {
            continue;
        }
        // `AustriaMuscat`: prefer the city after the join to the fused word.
        let camel = found
            .place
            .as_deref()
            .and_then(|place| camel_join(place).map(|offset| index + offset));
        if let Some(join) = camel {
            if let Some(better) = Scanner::new(text, join).scan() {
                return Some((join, better));
            }
        }
        return Some((index, found));
    }
    None
}

/// The byte offset of a lowercase-to-uppercase join inside a word (`AustriaMuscat`).
fn camel_join(place: &str) -> Option<usize> {
    let mut previous = None;
    for (index, c) in place.char_indices() {
        if previous.is_some_and(char::is_lowercase) && c.is_uppercase() {
            return Some(index);
        }
        previous = Some(c);
    }
    None
}

/// A cheap test that rejects ordinary sentence starts before the full scan: up to six
/// capitalised words, then a comma, parenthesis, bracket, separator, slash or the end of line.
pub fn could_start_dateline(text: &str) -> bool {
    let mut chars = text.chars().peekable();
    match chars.peek() {
        Some('(') => return true,
        Some(c) if c.is_uppercase() => {}
        _ => return false,
    }
    let mut words = 0;
    loop {
        // One word.
        let Some(&first) = chars.peek() else { return true };
        if !(first.is_alphabetic()) {
            return false;
        }
        if first.is_lowercase() && words == 0 {
            return false;
        }
        let mut last = first;
        while let Some(&c) = chars
            .peek()
            .filter(|&&c| c.is_alphabetic() || matches!(c, '\'' | '’' | '.' | '-'))
        {
            last = c;
            chars.next();
        }
        words += 1;
        if last == '-' {
            // `ALGIERS- The`: the hyphen is a separator.
            return true;
        }
        match chars.peek() {
            None | Some('\n') => return true,
            Some(',' | '(' | '[' | ':' | '—' | '–' | '―' | '_' | '/' | '-') => return true,
            Some(' ') => {
                chars.next();
                match chars.peek() {
                    // `Rio de Janeiro`, `New york, March 2`: lowercase words may follow the first.
                    Some(c) if c.is_alphabetic() => {}
                    Some('(' | '[' | ':' | '—' | '–' | '―' | '-' | '_' | '/' | ',' | '\n') | None => {
                        return true;
                    }
                    _ => return false,
                }
            }
            _ => return false,
        }
        if words > MAX_PLACE_WORDS {
            return false;
        }
    }
}

/// The largest char boundary at or below `index`.
pub(crate) fn floor_char_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

struct Scanner<'a> {
    text: &'a str,
    /// The end of the first line (the scan never passes it except to look for a separator line).
    line_end: usize,
    pos: usize,
    start: usize,
    place: Option<(usize, usize)>,
    regions: Vec<String>,
    date: Option<WrittenDate>,
    credits: Vec<&'static RegistryEntry>,
    /// A parenthesised credit that the registry does not know (`(Chinese media)`).
    unknown_credit: bool,
    /// Regions with lowercase words (`République arabe d'Égypte`) need a date to be trusted.
    loose_region: bool,
    text_end: usize,
    byline: Option<String>,
    /// A credit that ends the dateline by itself: slashed (`/TASS/.`, `/ Trend /`) or closed by
    /// a period (`, ARMENPRESS.`).
    self_closing: bool,
    /// The dateline ended at a comma before an honorific (`Doha, HE Minister`).
    comma_separator: bool,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str, start: usize) -> Self {
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line_end = floor_char_boundary(text, line_end.min(start + MAX_DATELINE_BYTES)).max(start);
        Scanner {
            text,
            line_end,
            pos: start,
            start,
            place: None,
            regions: Vec::new(),
            date: None,
            credits: Vec::new(),
            unknown_credit: false,
            loose_region: false,
            text_end: start,
            byline: None,
            self_closing: false,
            comma_separator: false,
        }
    }

    fn rest(&self) -> &'a str {
        &self.text[self.pos..self.line_end]
    }

    fn skip_spaces(&mut self) {
        self.pos += self.rest().len() - self.rest().trim_start_matches(' ').len();
    }

    fn scan(mut self) -> Option<DatelineMatch> {
        if self.rest().starts_with('(') {
            // `(Reuters) – The death toll…`: an agency with no place.
            if !self.paren()? || self.credits.is_empty() {
                return None;
            }
            return self.finish();
        }
        let (place_start, place_end) = self.place_words()?;
        self.place = Some((place_start, place_end));
        self.text_end = place_end;
        self.components()?;
        self.finish()
    }

    /// The city: one to five words, ALL CAPS or capitalised, particles allowed inside.
    fn place_words(&mut self) -> Option<(usize, usize)> {
        let start = self.pos;
        let mut end = start;
        let mut words = 0;
        loop {
            let word_end = self.word_end(self.pos)?;
            let word = &self.text[self.pos..word_end];
            let first = word.chars().next()?;
            let is_particle =
                PLACE_PARTICLES.contains(&word) || word.starts_with("d'") || word.starts_with("d’");
            // `New york, March 2`, `La paz, march 4`: a lowercase last word right before the comma.
            let last_before_comma = words > 0 && self.text[word_end..self.line_end].starts_with(',');
            if first.is_lowercase() && (words == 0 || !(is_particle || last_before_comma)) {
                break;
            }
            let is_the = word.eq_ignore_ascii_case("the");
            if words == 0 && !is_the && (is_not_place(word) || is_weekday_in_any_language(word)) {
                return None;
            }
            if words > 0 && !is_particle {
                let previous_caps = is_all_caps(&self.text[start..end]);
                let this_caps = is_all_caps(word);
                // `Massita Ahmad SINGAPORE`: a capitalised name runs into the city; the place
                // does not start here.
                if this_caps && !previous_caps {
                    return None;
                }
                // `ALGIERS The`: a capitalised word after a city in capitals starts the body,
                // unless it is an abbreviation (`FARMINGTON Conn.`).
                if previous_caps && !this_caps && !word.contains('.') {
                    break;
                }
            }
            words += 1;
            end = word_end;
            self.pos = word_end;
            // `ALGIERS- The`: a hyphen at the end of a word is the separator.
            if words == MAX_PLACE_WORDS || word.ends_with('-') {
                break;
            }
            // Continue only over one space to another word.
            let rest = self.rest();
            if !rest.starts_with(' ') || rest[1..].starts_with(' ') {
                break;
            }
            let next_start = self.pos + 1;
            if self.word_end(next_start).is_none() {
                break;
            }
            // A month or weekday after the city ends it (`Doha (Feb 21)` is handled by parens).
            self.pos = next_start;
            if parse_written_date(&self.text[next_start..self.line_end]).is_some() {
                self.pos = end;
                break;
            }
        }
        // A place word trailing a hyphen separator: `ALGIERS- `.
        while self.text[start..end].ends_with('-') {
            end -= 1;
        }
        self.pos = end;
        if words == 0 || end == start {
            return None;
        }
        // Whole-place checks: `The` only opens a known place (`THE HAGUE`), no month words.
        let place = &self.text[start..end];
        let the = place.split(' ').next().unwrap_or("").eq_ignore_ascii_case("the");
        if the && !(gazetteer().is_place(place) || (is_all_caps(place) && place.contains(' '))) {
            return None;
        }
        if place
            .split(' ')
            .any(|w| crate::wire::dates::month_number(w).is_some() && w.len() > 3)
        {
            return None;
        }
        Some((start, end))
    }

    /// The end of a word of letters (with `'`, `’`, `-`, `.` inside) starting at `pos`.
    fn word_end(&self, pos: usize) -> Option<usize> {
        let rest = &self.text[pos..self.line_end];
        let mut end = 0;
        for (index, c) in rest.char_indices() {
            let inner = matches!(c, '\'' | '’' | '-' | '.' | '/') && index > 0;
            if !(c.is_alphabetic() || inner || (index > 0 && is_combining(c))) {
                break;
            }
            end = index + c.len_utf8();
        }
        // A word is not a lone dash or period.
        (end > 0 && rest[..end].chars().any(char::is_alphabetic)).then_some(pos + end)
    }

    /// The parts after the city: regions, date, agency credits, in the forms wire copy uses.
    fn components(&mut self) -> Option<()> {
        let mut regions = 0;
        loop {
            let rest = self.rest();
            if rest.starts_with(" [") || rest.starts_with('[') {
                // `Doha [Qatar], May 8 (ANI):`
                let open = self.pos + rest.find('[')?;
                let close = open + self.text[open..self.line_end].find(']')?;
                let inside = self.text[open + 1..close].trim();
                if inside.is_empty() || inside.len() > 40 {
                    return None;
                }
                self.regions.push(inside.to_string());
                self.pos = close + 1;
                self.text_end = self.pos;
                continue;
            }
            if rest.trim_start_matches(' ').starts_with(',') && rest.starts_with(' ') {
                // `OAKLAND , N.J.`: a space before the comma.
                self.skip_spaces();
                continue;
            }
            if let Some(after_comma) = rest.strip_prefix(',') {
                let after = self.pos + 1 + (after_comma.len() - after_comma.trim_start_matches(' ').len());
                // `AMMAN,- Jordan's King…`: the separator right after the comma.
                if starts_with_separator(&self.text[after..self.line_end]).is_some() {
                    self.pos += 1;
                    return Some(());
                }
                // QNA's `Doha, HE Minister …`: a known city, a comma, then an honorific.
                let next_word = self.text[after..self.line_end].split(' ').next().unwrap_or("");
                let known_city = || {
                    self.place
                        .is_some_and(|(start, end)| gazetteer().is(&self.text[start..end], PlaceKind::City))
                };
                if HONORIFICS.contains(&next_word)
                    && self.regions.is_empty()
                    && self.date.is_none()
                    && known_city()
                {
                    self.pos = after;
                    self.comma_separator = true;
                    return Some(());
                }
                self.pos = after;
                if self.date.is_none() && self.try_date() {
                    continue;
                }
                if self.rest().starts_with('(') {
                    self.paren()?;
                    continue;
                }
                if self.try_bare_agency() {
                    continue;
                }
                if self.date.is_none()
                    && self.credits.is_empty()
                    && regions < MAX_REGIONS
                    && self.try_region()
                {
                    regions += 1;
                    continue;
                }
                return None;
            }
            if self.date.is_some() && self.credits.is_empty() && rest.starts_with(". (") {
                // `Manama, Sept. 30. (BNA):`: a period after the date.
                self.pos += 1;
                continue;
            }
            if rest.starts_with(" (") || rest.starts_with('(') {
                self.skip_spaces();
                self.paren()?;
                continue;
            }
            if rest.starts_with(". /") || rest.starts_with(" /") || rest.starts_with('/') {
                // TASS `June 15. /TASS/.` and Trend `Apr 25 / Trend /`.
                if self.slashed_agency() {
                    continue;
                }
                return None;
            }
            if self.date.is_some() && self.credits.is_empty() && rest.starts_with(' ') {
                // Kyodo `TOKYO, April 14 Kyodo` at the end of the line.
                let word = rest.trim();
                if let Some(entry) = registry().lookup(word) {
                    if is_credit_kind(entry) && starts_with_separator(word).is_none() && !word.contains(' ') {
                        self.credits.push(entry);
                        self.pos = self.line_end;
                        self.text_end = self.pos;
                        continue;
                    }
                }
            }
            return Some(());
        }
    }

    /// A written date at the cursor.
    fn try_date(&mut self) -> bool {
        match parse_written_date(self.rest()) {
            Some((date, len)) => {
                self.date = Some(date);
                self.pos += len;
                self.text_end = self.pos;
                true
            }
            None => false,
        }
    }

    /// A parenthesised part: a date (`(Feb 21)`) or agency credits (`(KUNA)`, `(NNN-PETRA)`).
    /// Returns false for a parenthesis that is neither (the scan stops there).
    fn paren(&mut self) -> Option<bool> {
        let rest = self.rest();
        let close = rest.find(')');
        let spans_separator = close.is_none_or(|close| rest[1..close].contains([' ', '/']));
        if spans_separator && self.credits.is_empty() && self.unclosed_credit() {
            return Some(true);
        }
        let close = close?;
        let inside = rest[1..close].trim();
        if inside.is_empty() || inside.len() > 60 || inside.contains('(') {
            return None;
        }
        if self.place.is_some() && self.regions.is_empty() && self.date.is_none() && self.credits.is_empty() {
            // `KOTA KINABALU (Malaysia), March 12 (Bernama)`: the country in parentheses.
            let places = gazetteer();
            if places.is(inside, PlaceKind::Country) || places.is(inside, PlaceKind::Region) {
                self.regions.push(inside.to_string());
                self.pos += close + 1;
                self.text_end = self.pos;
                return Some(true);
            }
        }
        if self.date.is_none() {
            if let Some((date, len)) = parse_written_date(inside) {
                if len == inside.len() {
                    self.date = Some(date);
                    self.pos += close + 1;
                    self.text_end = self.pos;
                    return Some(true);
                }
            }
        }
        if !self.credits.is_empty() || self.unknown_credit {
            return None;
        }
        match resolve_credits(inside) {
            Some(credits) => self.credits = credits,
            None if looks_like_name(inside) => self.unknown_credit = true,
            None => return None,
        }
        self.pos += close + 1;
        self.text_end = self.pos;
        Some(true)
    }

    /// A credit whose parenthesis is never closed (`(KUNA -- The`, `(dpa / – According`): the
    /// agency, then a separator, where the cursor stops.
    fn unclosed_credit(&mut self) -> bool {
        let inner = &self.rest()[1..];
        let limit = floor_char_boundary(inner, inner.len().min(40));
        let Some(space) = inner[..limit]
            .match_indices(' ')
            .map(|(space, _)| space)
            .find(|&space| starts_with_separator(inner[space..].trim_start_matches(' ')).is_some())
        else {
            return false;
        };
        let name = inner[..space].trim_end().trim_end_matches('/').trim_end();
        let Some(entry) = registry().lookup(name.trim()).filter(|e| is_credit_kind(e)) else {
            return false;
        };
        self.credits.push(entry);
        self.text_end = self.pos + 1 + name.len();
        self.pos += 1 + space;
        true
    }

    /// A bare agency after a comma: `Tehran, IRNA – `, `Damascus, SANA-Syria`, `Baku, May 10, AZERTAC`.
    fn try_bare_agency(&mut self) -> bool {
        let rest = self.rest();
        let word_len = rest
            .char_indices()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
            .map_or(rest.len(), |(i, _)| i);
        // `YEREVAN, MAY 4, ARMENPRESS. The`: a period closes the dateline.
        let word = &rest[..word_len];
        let closing_period = word.ends_with('.') && rest[word_len..].starts_with(' ');
        let name = if closing_period {
            &word[..word_len - 1]
        } else {
            word
        };
        let Some(entry) = registry().lookup(name) else {
            return false;
        };
        let after = &rest[word_len..];
        let at_end = after.trim().is_empty();
        let separated = starts_with_separator(after.trim_start_matches(' ')).is_some();
        // Bare agencies are written in capitals (`SANA`, `IRNA`) or with a date before them.
        let shouted = name.chars().all(|c| !c.is_lowercase());
        let credible = shouted || self.date.is_some();
        let closed = closing_period && shouted && self.date.is_some();
        if !is_credit_kind(entry) || !(at_end || separated || closed) || !credible || name.len() < 2 {
            return false;
        }
        self.credits.push(entry);
        self.pos += name.len();
        self.text_end = self.pos;
        if closed {
            self.pos += 1;
            self.self_closing = true;
        }
        true
    }

    /// A region after a comma: `Tenn.`, `Saudi Arabia`, `République arabe d'Égypte`.
    fn try_region(&mut self) -> bool {
        let start = self.pos;
        let mut end = start;
        let mut words = 0;
        let mut lowercase_words = 0;
        let mut cursor = start;
        while words < 5 {
            let Some(word_end) = self.word_end(cursor) else {
                break;
            };
            let word = &self.text[cursor..word_end];
            let first = word.chars().next().unwrap_or(' ');
            if first.is_lowercase() {
                if words == 0 {
                    break;
                }
                if !PLACE_PARTICLES.contains(&word) {
                    lowercase_words += 1;
                }
            }
            if parse_written_date(&self.text[cursor..self.line_end]).is_some() {
                break;
            }
            words += 1;
            end = word_end;
            if !self.text[end..self.line_end].starts_with(' ') {
                break;
            }
            cursor = end + 1;
        }
        if words == 0 {
            return false;
        }
        // Lowercase words only in a region that reaches a comma (more parts follow).
        if lowercase_words > 0 && !self.text[end..self.line_end].starts_with(',') {
            return false;
        }
        let region = &self.text[start..end];
        if is_not_place(region) {
            return false;
        }
        self.loose_region |= lowercase_words > 0;
        self.regions.push(region.trim_end_matches('-').to_string());
        self.pos = end;
        self.text_end = end;
        true
    }

    /// `. /TASS/.` or ` / Trend /`.
    fn slashed_agency(&mut self) -> bool {
        let rest = self.rest();
        let Some(open) = rest.find('/') else { return false };
        if !rest[..open].trim_matches(|c| c == ' ' || c == '.').is_empty() {
            return false;
        }
        let Some(close) = rest[open + 1..].find('/') else {
            return false;
        };
        let inside = rest[open + 1..open + 1 + close].trim();
        // `/Trend, N. Kirtskhalia/`: the reporter after the agency.
        let (agency, reporter) = inside.split_once(',').unwrap_or((inside, ""));
        let Some(entry) = registry().lookup(agency.trim()).filter(|e| is_credit_kind(e)) else {
            return false;
        };
        let reporter = reporter.trim();
        if !reporter.is_empty() {
            self.byline = Some(reporter.to_string());
        }
        self.credits.push(entry);
        self.self_closing = true;
        let mut end = open + 1 + close + 1;
        self.text_end = self.pos + end;
        if rest[end..].starts_with('.') {
            end += 1;
        }
        self.pos += end;
        true
    }

    /// The separator (or end of line) after the dateline, then the checks that decide whether
    /// what was scanned is a dateline at all.
    fn finish(mut self) -> Option<DatelineMatch> {
        let known_credit = !self.credits.is_empty();
        let strong = known_credit || self.date.is_some();
        self.skip_spaces();
        let rest = self.rest();
        let separator = starts_with_separator(rest);
        match separator {
            Some(len) => {
                let separator = self.pos..self.pos + len;
                self.pos += len;
                // APS: `ALGIERS – Tuesday, 02 May 2023 (APS) – `.
                if !strong {
                    let (save, save_text_end) = (self.pos, self.text_end);
                    self.skip_spaces();
                    if self.try_date() {
                        self.skip_spaces();
                        if self.rest().starts_with('(') && self.paren() == Some(true) {
                            self.skip_spaces();
                            if let Some(len) = starts_with_separator(self.rest()) {
                                self.pos += len;
                                return self.accept(true);
                            }
                        }
                    }
                    self.pos = save;
                    self.date = None;
                    self.credits.clear();
                    self.text_end = save_text_end;
                }
                // A second distributor: `(GLOBE NEWSWIRE) -- via NewMediaWire – `.
                let rest = self.rest();
                let after = rest.trim_start_matches(' ');
                if let Some(via) = after.strip_prefix("via ") {
                    if let Some(end) = end_of_spaced_separator(via) {
                        self.pos += rest.len() - after.len() + "via ".len() + end;
                    }
                }
                if self.weak_separator_is_not_prose(strong, separator) {
                    self.accept(strong)
                } else {
                    None
                }
            }
            None if self.self_closing => self.accept(true),
            None if self.place.is_none() && !self.credits.is_empty() && rest.starts_with('/') => {
                // `(Wam) / 4 February 2014 The…`: a credit and the date after a slash.
                self.pos += 1;
                self.skip_spaces();
                if self.try_date() && self.date.is_some_and(|d| d.year.is_some()) {
                    self.accept(true)
                } else {
                    None
                }
            }
            None if self.comma_separator => self.accept(strong),
            None if rest.trim().is_empty() => {
                // The body starts on a later line; a separator may stand alone there (`--`),
                // or a Trend credit line (`Trend:`, `By Name – Trend:`).
                if !strong {
                    return None;
                }
                self.pos = self.line_end;
                self.newline_separator();
                self.accept(true)
            }
            None => None,
        }
    }

    /// A hyphen after a weak dateline must be spaced like a separator (`AMMAN - `, `ALGIERS- `),
    /// not a hyphenated word.
    fn weak_separator_is_not_prose(&self, strong: bool, separator: std::ops::Range<usize>) -> bool {
        if strong || separator.len() != 1 {
            return true;
        }
        let before_space = self.text[..separator.start].ends_with(' ');
        let after_space = self.text[separator.end..].starts_with(' ');
        before_space || after_space || self.text[separator.start..].starts_with(':')
    }

    /// After a dateline that ends its line: a lone separator line, or an agency credit line.
    fn newline_separator(&mut self) {
        let mut cursor = self.line_end;
        // Look at most three lines ahead, skipping blank ones.
        for _ in 0..3 {
            let Some(next) = self.text[cursor..].strip_prefix('\n') else {
                return;
            };
            let line_start = cursor + 1;
            let line_end = next.find('\n').map_or(self.text.len(), |i| line_start + i);
            let line = self.text[line_start..line_end].trim();
            if line.is_empty() {
                cursor = line_end;
                continue;
            }
            if SEPARATORS.contains(&line) {
                self.pos = line_end;
                self.line_end = line_end;
                return;
            }
            if self.credits.is_empty() {
                if let Some((credit, byline, colon)) = credit_line(&self.text[line_start..line_end]) {
                    self.credits.push(credit);
                    self.byline = byline;
                    self.pos = line_start + colon;
                    self.line_end = line_end;
                }
            }
            return;
        }
    }

    fn accept(mut self, mut strong: bool) -> Option<DatelineMatch> {
        let place = self.place.map(|(start, end)| self.text[start..end].to_string());
        if self.loose_region && self.date.is_none() {
            return None;
        }
        if !strong && !self.weak_place_is_credible(place.as_deref()?) {
            return None;
        }
        // An agency's name where the place would be: its credit (`Harbour News – WAM: The`),
        // or its banner when its own name follows (`IRNA - Islamic Republic News Agency`). A
        // name that is a place too (`Petra -- The King`) stays the place as well.
        let mut place = place;
        let named_agency = place.as_deref().and_then(|p| registry().lookup(p));
        if let Some(entry) = named_agency.filter(|_| !strong) {
            let rest = self.text[self.pos..self.line_end].trim();
            let banner = registry()
                .lookup(rest)
                .is_some_and(|other| std::ptr::eq(other, entry));
            if banner || rest.is_empty() || !is_credit_kind(entry) {
                return None;
            }
            self.credits.push(entry);
            if !place.as_deref().is_some_and(|p| gazetteer().is_place(p)) {
                self.regions.clear();
                place = None;
            }
            strong = true;
        }
        if self.unknown_credit && !strong {
            return None;
        }
        self.skip_spaces();
        if self.credits.is_empty() {
            // `Cairo - MENA` (the agency alone on the line) and `Дамаск – САНА Министр …` (an
            // agency in another script): the credit after the separator of a place-only
            // dateline. An English word after it would make it the subject of a sentence
            // (`CHICAGO, March 13 - CNW Corp said`), so the agency must end the line there.
            let rest = self.rest().trim_end();
            let (word, after) = rest.split_once(' ').unwrap_or((rest, ""));
            let foreign_script = !word.is_ascii() && word.chars().all(|c| !c.is_lowercase());
            let credible = !strong && (after.is_empty() || foreign_script);
            if let Some(entry) = registry().lookup(word).filter(|e| is_credit_kind(e) && credible) {
                self.credits.push(entry);
                self.pos += word.len();
                self.text_end = self.pos;
                self.skip_spaces();
                strong = true;
            }
        }
        // `BAKU: Azerbaijan Sends Protest Note To Russia`: a headline with its place, not a
        // dateline before a sentence.
        if !strong && is_title_case(&self.text[self.pos..self.line_end]) {
            return None;
        }
        let mut body_start = self.pos;
        // The body starts on the next line when the separator ends this one.
        if self.text[body_start..].starts_with('\n') || body_start == self.line_end {
            body_start = self.text[body_start..]
                .find(|c: char| !c.is_whitespace())
                .map_or(self.text.len(), |i| body_start + i);
        }
        Some(DatelineMatch {
            text: self.start..self.text_end,
            place,
            regions: self.regions,
            date: self.date,
            credits: self.credits,
            byline: self.byline,
            body_start,
            strong,
        })
    }

    /// A weak dateline (place and separator only) needs an ALL-CAPS or known place, and known
    /// regions.
    fn weak_place_is_credible(&self, place: &str) -> bool {
        let places = gazetteer();
        let regions_known = self
            .regions
            .iter()
            .all(|region| places.is_place(region) || region.contains('.'));
        if !regions_known {
            return false;
        }
        let letters = place.chars().filter(|c| c.is_alphabetic()).count();
        let all_caps = place.chars().all(|c| !c.is_lowercase());
        (all_caps && letters >= 3)
            || places.is_place(place)
            || self.regions.iter().any(|r| places.is(r, PlaceKind::Country))
    }
}

/// `Trend:` or `By Elchin Mehdiyev – Trend:`: the agency credit line under a Trend dateline.
/// Returns the agency, the byline and the offset just after the colon.
fn credit_line(line: &str) -> Option<(&'static RegistryEntry, Option<String>, usize)> {
    let colon = line.find(':')?;
    let head = &line[..colon];
    let (byline, agency) = match head.strip_prefix("By ") {
        Some(rest) => {
            let (name, agency) = rest.rsplit_once(['–', '—', '-'])?;
            (Some(name.trim().to_string()), agency.trim())
        }
        None => (None, head.trim()),
    };
    let entry = registry().lookup(agency).filter(|e| is_credit_kind(e))?;
    Some((entry, byline, colon + 1))
}

/// The end of the first separator with a space before it (` – `), within a short credit.
fn end_of_spaced_separator(text: &str) -> Option<usize> {
    let limit = floor_char_boundary(text, text.len().min(60));
    text[..limit].match_indices(' ').find_map(|(space, _)| {
        let after = &text[space + 1..];
        starts_with_separator(after).map(|len| space + 1 + len)
    })
}

/// Resolves the inside of a credit parenthesis: the whole text (`GLOBE NEWSWIRE`,
/// `Jiji Press`), or every part of a compound (`NNN-PETRA`, `KUNA-AFP`).
fn resolve_credits(inside: &str) -> Option<Vec<&'static RegistryEntry>> {
    if let Some(entry) = registry().lookup(inside) {
        return Some(vec![entry]);
    }
    let parts: Vec<&str> = inside.split(['-', '/']).map(str::trim).collect();
    if parts.len() < 2 {
        return None;
    }
    let unknown_are_call_signs = parts
        .iter()
        .filter(|part| registry().lookup(part).is_none())
        .all(|part| part.len() <= 6 && part.chars().all(|c| c.is_ascii_uppercase()));
    if inside.contains('/') && unknown_are_call_signs {
        // `(CBS/AP)`: a broadcaster sharing the credit with an agency; the known ones count.
        // A photographer's name after the agency (`(Xinhua/Nasser Rahmani)`) is no credit.
        let known: Vec<_> = parts
            .iter()
            .filter_map(|part| registry().lookup(part))
            .filter(|entry| entry.kind == AgencyKind::Agency)
            .collect();
        return (!known.is_empty()).then_some(known);
    }
    parts.iter().map(|part| registry().lookup(part)).collect()
}

/// Up to five words, each starting with a capital: a credit the registry does not know.
fn looks_like_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase())
                && w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-')
        })
}

fn is_credit_kind(entry: &RegistryEntry) -> bool {
    entry.kind != AgencyKind::Syndicator
}

/// The length of a dateline separator at the start of `text`, if there is one.
pub fn starts_with_separator(text: &str) -> Option<usize> {
    SEPARATORS
        .iter()
        .find(|sep| text.starts_with(**sep))
        .map(|sep| sep.len())
}

/// Four or more words with no sentence end and none starting in lowercase (`Azerbaijan Sends
/// Protest Note To Russia`): the style of a headline, never of a sentence.
fn is_title_case(text: &str) -> bool {
    let text = text.trim();
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() >= 4
        && !text.ends_with(['.', '"', '”', ','])
        && words.iter().all(|w| !w.starts_with(char::is_lowercase))
}

/// True when the text has letters and none of them is lowercase.
fn is_all_caps(text: &str) -> bool {
    text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase)
}

/// Unicode combining marks (a decomposed `é`).
fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Expect {
        place: Option<&'static str>,
        regions: &'static [&'static str],
        date: Option<(Option<i32>, u32, u32)>,
        credits: &'static [&'static str],
        text: &'static str,
        body: &'static str,
    }

    fn check(input: &str, expect: Expect) {
        let found = match_dateline(input).unwrap_or_else(|| panic!("no dateline in {input:?}"));
        assert_eq!(found.place.as_deref(), expect.place, "place of {input:?}");
        assert_eq!(found.regions, expect.regions, "regions of {input:?}");
        let date = found.date.map(|d| (d.year, d.month, d.day));
        assert_eq!(date, expect.date, "date of {input:?}");
        let credits: Vec<&str> = found.credits.iter().map(|e| e.abbr.as_str()).collect();
        assert_eq!(credits, expect.credits, "credits of {input:?}");
        assert_eq!(&input[found.text.clone()], expect.text, "text of {input:?}");
        assert_eq!(&input[found.body_start..], expect.body, "body of {input:?}");
    }

    #[test]
    fn agency_datelines() {
        let table: &[(&str, Expect)] = &[
            (
                "KUWAIT, Sept 5 (KUNA) -- The Cabinet met",
                Expect {
                    place: Some("KUWAIT"),
                    regions: &[],
                    date: Some((None, 9, 5)),
                    credits: &["KUNA"],
                    text: "KUWAIT, Sept 5 (KUNA)",
                    body: "The Cabinet met",
                },
            ),
            (
                "WASHINGTON (Reuters) – The Fed",
                Expect {
                    place: Some("WASHINGTON"),
                    regions: &[],
                    date: None,
                    credits: &["Reuters"],
                    text: "WASHINGTON (Reuters)",
                    body: "The Fed",
                },
            ),
            (
                "LONDON (Reuters) -The IMF",
                Expect {
                    place: Some("LONDON"),
                    regions: &[],
                    date: None,
                    credits: &["Reuters"],
                    text: "LONDON (Reuters)",
                    body: "The IMF",
                },
            ),
            (
                "(Reuters) – The death toll",
                Expect {
                    place: None,
                    regions: &[],
                    date: None,
                    credits: &["Reuters"],
                    text: "(Reuters)",
                    body: "The death toll",
                },
            ),
            (
                "MEMPHIS, Tenn. (AP) — Police",
                Expect {
                    place: Some("MEMPHIS"),
                    regions: &["Tenn."],
                    date: None,
                    credits: &["AP"],
                    text: "MEMPHIS, Tenn. (AP)",
                    body: "Police",
                },
            ),
            (
                "SAN JUAN, Puerto Rico (AP) — A",
                Expect {
                    place: Some("SAN JUAN"),
                    regions: &["Puerto Rico"],
                    date: None,
                    credits: &["AP"],
                    text: "SAN JUAN, Puerto Rico (AP)",
                    body: "A",
                },
            ),
            (
                "XIGAZE, Tibet, April 29 (Xinhua) -- Monks",
                Expect {
                    place: Some("XIGAZE"),
                    regions: &["Tibet"],
                    date: Some((None, 4, 29)),
                    credits: &["Xinhua"],
                    text: "XIGAZE, Tibet, April 29 (Xinhua)",
                    body: "Monks",
                },
            ),
            (
                "BEIJING, March. 20 (Xinhuanet) -- China",
                Expect {
                    place: Some("BEIJING"),
                    regions: &[],
                    date: Some((None, 3, 20)),
                    credits: &["Xinhua"],
                    text: "BEIJING, March. 20 (Xinhuanet)",
                    body: "China",
                },
            ),
            (
                "ABU DHABI, 14 May 2022 (WAM) – The",
                Expect {
                    place: Some("ABU DHABI"),
                    regions: &[],
                    date: Some((Some(2022), 5, 14)),
                    credits: &["WAM"],
                    text: "ABU DHABI, 14 May 2022 (WAM)",
                    body: "The",
                },
            ),
            (
                "Dubai, 29th November, 2015 (WAM) - The",
                Expect {
                    place: Some("Dubai"),
                    regions: &[],
                    date: Some((Some(2015), 11, 29)),
                    credits: &["WAM"],
                    text: "Dubai, 29th November, 2015 (WAM)",
                    body: "The",
                },
            ),
            (
                "Doha, April 13 (QNA) - HE",
                Expect {
                    place: Some("Doha"),
                    regions: &[],
                    date: Some((None, 4, 13)),
                    credits: &["QNA"],
                    text: "Doha, April 13 (QNA)",
                    body: "HE",
                },
            ),
            (
                "Petra, Dec. 23 (Petra) – The",
                Expect {
                    place: Some("Petra"),
                    regions: &[],
                    date: Some((None, 12, 23)),
                    credits: &["Petra"],
                    text: "Petra, Dec. 23 (Petra)",
                    body: "The",
                },
            ),
            (
                "AMMAN, Sept 19 (NNN-PETRA) – Jordan",
                Expect {
                    place: Some("AMMAN"),
                    regions: &[],
                    date: Some((None, 9, 19)),
                    credits: &["NNN", "Petra"],
                    text: "AMMAN, Sept 19 (NNN-PETRA)",
                    body: "Jordan",
                },
            ),
            (
                "Muscat, Nov 3 (ONA) —- The",
                Expect {
                    place: Some("Muscat"),
                    regions: &[],
                    date: Some((None, 11, 3)),
                    credits: &["ONA"],
                    text: "Muscat, Nov 3 (ONA)",
                    body: "The",
                },
            ),
            (
                "Muscat, Nov 2 (ONA)--- The",
                Expect {
                    place: Some("Muscat"),
                    regions: &[],
                    date: Some((None, 11, 2)),
                    credits: &["ONA"],
                    text: "Muscat, Nov 2 (ONA)",
                    body: "The",
                },
            ),
            (
                "Muscat, 25 Oct (ONA) --- The",
                Expect {
                    place: Some("Muscat"),
                    regions: &[],
                    date: Some((None, 10, 25)),
                    credits: &["ONA"],
                    text: "Muscat, 25 Oct (ONA)",
                    body: "The",
                },
            ),
            (
                "Damascus, SANA- The",
                Expect {
                    place: Some("Damascus"),
                    regions: &[],
                    date: None,
                    credits: &["SANA"],
                    text: "Damascus, SANA",
                    body: "The",
                },
            ),
            (
                "Damascus, SANA-Syria condemned",
                Expect {
                    place: Some("Damascus"),
                    regions: &[],
                    date: None,
                    credits: &["SANA"],
                    text: "Damascus, SANA",
                    body: "Syria condemned",
                },
            ),
            (
                "DAMASCUS, (ST)_President",
                Expect {
                    place: Some("DAMASCUS"),
                    regions: &[],
                    date: None,
                    credits: &["ST"],
                    text: "DAMASCUS, (ST)",
                    body: "President",
                },
            ),
            (
                "Tehran, IRNA – Iran",
                Expect {
                    place: Some("Tehran"),
                    regions: &[],
                    date: None,
                    credits: &["IRNA"],
                    text: "Tehran, IRNA",
                    body: "Iran",
                },
            ),
            (
                "ALGIERS – Tuesday, 02 May 2023 (APS) – The",
                Expect {
                    place: Some("ALGIERS"),
                    regions: &[],
                    date: Some((Some(2023), 5, 2)),
                    credits: &["APS"],
                    text: "ALGIERS – Tuesday, 02 May 2023 (APS)",
                    body: "The",
                },
            ),
            (
                "MOSCOW, June 15. /TASS/. Russia",
                Expect {
                    place: Some("MOSCOW"),
                    regions: &[],
                    date: Some((None, 6, 15)),
                    credits: &["TASS"],
                    text: "MOSCOW, June 15. /TASS/",
                    body: "Russia",
                },
            ),
            (
                "Azerbaijan, Baku, Apr 25 / Trend / The",
                Expect {
                    place: Some("Azerbaijan"),
                    regions: &["Baku"],
                    date: Some((None, 4, 25)),
                    credits: &["Trend"],
                    text: "Azerbaijan, Baku, Apr 25 / Trend /",
                    body: "The",
                },
            ),
            (
                "Doha [Qatar], May 8 (ANI): The",
                Expect {
                    place: Some("Doha"),
                    regions: &["Qatar"],
                    date: Some((None, 5, 8)),
                    credits: &["ANI"],
                    text: "Doha [Qatar], May 8 (ANI)",
                    body: "The",
                },
            ),
            (
                "KUALA LUMPUR (Feb 21): The",
                Expect {
                    place: Some("KUALA LUMPUR"),
                    regions: &[],
                    date: Some((None, 2, 21)),
                    credits: &[],
                    text: "KUALA LUMPUR (Feb 21)",
                    body: "The",
                },
            ),
            (
                "RIYADH, Saudi Arabia, May 02, 2024 (GLOBE NEWSWIRE) — The",
                Expect {
                    place: Some("RIYADH"),
                    regions: &["Saudi Arabia"],
                    date: Some((Some(2024), 5, 2)),
                    credits: &["GlobeNewswire"],
                    text: "RIYADH, Saudi Arabia, May 02, 2024 (GLOBE NEWSWIRE)",
                    body: "The",
                },
            ),
            (
                "CAIRO, Nov. 01, 2021 (GLOBE NEWSWIRE) -- via NewMediaWire – The",
                Expect {
                    place: Some("CAIRO"),
                    regions: &[],
                    date: Some((Some(2021), 11, 1)),
                    credits: &["GlobeNewswire"],
                    text: "CAIRO, Nov. 01, 2021 (GLOBE NEWSWIRE)",
                    body: "The",
                },
            ),
            (
                "Le Caire, République arabe d'Égypte, 3 juin 2021 (GLOBE NEWSWIRE) -- Le",
                Expect {
                    place: Some("Le Caire"),
                    regions: &["République arabe d'Égypte"],
                    date: Some((Some(2021), 6, 3)),
                    credits: &["GlobeNewswire"],
                    text: "Le Caire, République arabe d'Égypte, 3 juin 2021 (GLOBE NEWSWIRE)",
                    body: "Le",
                },
            ),
            (
                "KOWEÏT, 16 Septembre (KUNA) – Le",
                Expect {
                    place: Some("KOWEÏT"),
                    regions: &[],
                    date: Some((None, 9, 16)),
                    credits: &["KUNA"],
                    text: "KOWEÏT, 16 Septembre (KUNA)",
                    body: "Le",
                },
            ),
            (
                "ANTALYA, Türkiye (AA) – The",
                Expect {
                    place: Some("ANTALYA"),
                    regions: &["Türkiye"],
                    date: None,
                    credits: &["AA"],
                    text: "ANTALYA, Türkiye (AA)",
                    body: "The",
                },
            ),
            (
                "Tokyo (Jiji Press)—Japanese",
                Expect {
                    place: Some("Tokyo"),
                    regions: &[],
                    date: None,
                    credits: &["Jiji"],
                    text: "Tokyo (Jiji Press)",
                    body: "Japanese",
                },
            ),
            (
                "KABUL (PAJHWOK): The",
                Expect {
                    place: Some("KABUL"),
                    regions: &[],
                    date: None,
                    credits: &["Pajhwok"],
                    text: "KABUL (PAJHWOK)",
                    body: "The",
                },
            ),
            (
                "Cairo, Apr 6 2023 – The",
                Expect {
                    place: Some("Cairo"),
                    regions: &[],
                    date: Some((Some(2023), 4, 6)),
                    credits: &[],
                    text: "Cairo, Apr 6 2023",
                    body: "The",
                },
            ),
            (
                "    HARTFORD, Conn., March 26 - Rogers Corp",
                Expect {
                    place: Some("HARTFORD"),
                    regions: &["Conn."],
                    date: Some((None, 3, 26)),
                    credits: &[],
                    text: "HARTFORD, Conn., March 26",
                    body: "Rogers Corp",
                },
            ),
            (
                "ST. JOHN'S, Newfoundland, March 3 - A",
                Expect {
                    place: Some("ST. JOHN'S"),
                    regions: &["Newfoundland"],
                    date: Some((None, 3, 3)),
                    credits: &[],
                    text: "ST. JOHN'S, Newfoundland, March 3",
                    body: "A",
                },
            ),
            (
                "Bogota, march 4 - colombia's",
                Expect {
                    place: Some("Bogota"),
                    regions: &[],
                    date: Some((None, 3, 4)),
                    credits: &[],
                    text: "Bogota, march 4",
                    body: "colombia's",
                },
            ),
            (
                "OAKLAND , N.J., March 2 - Diagnostic",
                Expect {
                    place: Some("OAKLAND"),
                    regions: &["N.J."],
                    date: Some((None, 3, 2)),
                    credits: &[],
                    text: "OAKLAND , N.J., March 2",
                    body: "Diagnostic",
                },
            ),
            (
                "New york, March 2 - Chicago",
                Expect {
                    place: Some("New york"),
                    regions: &[],
                    date: Some((None, 3, 2)),
                    credits: &[],
                    text: "New york, March 2",
                    body: "Chicago",
                },
            ),
            (
                "DALLAS/FORT WORTH, Texas, March 3 - AMR",
                Expect {
                    place: Some("DALLAS/FORT WORTH"),
                    regions: &["Texas"],
                    date: Some((None, 3, 3)),
                    credits: &[],
                    text: "DALLAS/FORT WORTH, Texas, March 3",
                    body: "AMR",
                },
            ),
            (
                "****LONDON, March 5 - India",
                Expect {
                    place: Some("LONDON"),
                    regions: &[],
                    date: Some((None, 3, 5)),
                    credits: &[],
                    text: "LONDON, March 5",
                    body: "India",
                },
            ),
            (
                "THE HAGUE, March 9 - The Dutch",
                Expect {
                    place: Some("THE HAGUE"),
                    regions: &[],
                    date: Some((None, 3, 9)),
                    credits: &[],
                    text: "THE HAGUE, March 9",
                    body: "The Dutch",
                },
            ),
            (
                "AKRON, OHIO, March 3 - Telxon",
                Expect {
                    place: Some("AKRON"),
                    regions: &["OHIO"],
                    date: Some((None, 3, 3)),
                    credits: &[],
                    text: "AKRON, OHIO, March 3",
                    body: "Telxon",
                },
            ),
        ];
        for (input, expect) in table {
            check(input, Expect { ..*expect });
        }
    }

    #[test]
    fn separators_on_later_lines() {
        check(
            "KUWAIT, Sept 5 (KUNA)\n\n1993 -- The",
            Expect {
                place: Some("KUWAIT"),
                regions: &[],
                date: Some((None, 9, 5)),
                credits: &["KUNA"],
                text: "KUWAIT, Sept 5 (KUNA)",
                body: "1993 -- The",
            },
        );
        check(
            "KUWAIT, March 17 (KUNA)\n\n--\n\n1950 -- The",
            Expect {
                place: Some("KUWAIT"),
                regions: &[],
                date: Some((None, 3, 17)),
                credits: &["KUNA"],
                text: "KUWAIT, March 17 (KUNA)",
                body: "1950 -- The",
            },
        );
        check(
            "KUWAIT, Sept 5 (KUNA) --\n1993 -- The",
            Expect {
                place: Some("KUWAIT"),
                regions: &[],
                date: Some((None, 9, 5)),
                credits: &["KUNA"],
                text: "KUWAIT, Sept 5 (KUNA)",
                body: "1993 -- The",
            },
        );
        check(
            "Baku, May 10, AZERTAC\nThe staff",
            Expect {
                place: Some("Baku"),
                regions: &[],
                date: Some((None, 5, 10)),
                credits: &["AZERTAC"],
                text: "Baku, May 10, AZERTAC",
                body: "The staff",
            },
        );
        check(
            "TOKYO, April 14 Kyodo\nThe yen",
            Expect {
                place: Some("TOKYO"),
                regions: &[],
                date: Some((None, 4, 14)),
                credits: &["Kyodo"],
                text: "TOKYO, April 14 Kyodo",
                body: "The yen",
            },
        );
        let trend = "BAKU, Azerbaijan, Jan. 15\n\nBy Elchin Mehdiyev – Trend:\n\nAzerbaijan's";
        let found = match_dateline(trend).expect("trend");
        assert_eq!(found.credits[0].abbr, "Trend");
        assert_eq!(found.byline.as_deref(), Some("Elchin Mehdiyev"));
        assert_eq!(&trend[found.body_start..], "Azerbaijan's");
    }

    #[test]
    fn weak_datelines_need_capitals_or_a_known_place() {
        check(
            "AMMAN - Jordan's",
            Expect {
                place: Some("AMMAN"),
                regions: &[],
                date: None,
                credits: &[],
                text: "AMMAN",
                body: "Jordan's",
            },
        );
        check(
            "ALGIERS- The",
            Expect {
                place: Some("ALGIERS"),
                regions: &[],
                date: None,
                credits: &[],
                text: "ALGIERS",
                body: "The",
            },
        );
        check(
            "Doha, Qatar: The",
            Expect {
                place: Some("Doha"),
                regions: &["Qatar"],
                date: None,
                credits: &[],
                text: "Doha, Qatar",
                body: "The",
            },
        );
        check(
            "Amman : The",
            Expect {
                place: Some("Amman"),
                regions: &[],
                date: None,
                credits: &[],
                text: "Amman",
                body: "The",
            },
        );
        check(
            "Doha, HE Minister of State met",
            Expect {
                place: Some("Doha"),
                regions: &[],
                date: None,
                credits: &[],
                text: "Doha",
                body: "HE Minister of State met",
            },
        );
        assert!(match_dateline("Paris, London and Berlin agreed - on Monday").is_none());
        check(
            "AMMAN,- Jordan's",
            Expect {
                place: Some("AMMAN"),
                regions: &[],
                date: None,
                credits: &[],
                text: "AMMAN",
                body: "Jordan's",
            },
        );
        for prose in [
            "Note: the figures are provisional",
            "Update: prices rose",
            "The minister said - in a statement",
            "Meanwhile, March 3 - the",
            "The company, March 3 - the",
            "On Tuesday, March 26 - the",
            "EXCLUSIVE - Talks",
            "Well-known figures said",
            "Mr Smith, the chairman, said",
            "1993 -- The Amir",
            "irna 27,.feb athens",
            "U.S. Secretary of State Antony Blinken confirmed",
        ] {
            assert!(match_dateline(prose).is_none(), "{prose}");
        }
    }

    #[test]
    fn damaged_and_unusual_credits() {
        check(
            "Manama, Oct. 4. (BNA): The council met",
            Expect {
                place: Some("Manama"),
                regions: &[],
                date: Some((None, 10, 4)),
                credits: &["BNA"],
                text: "Manama, Oct. 4. (BNA)",
                body: "The council met",
            },
        );
        check(
            "KUWAIT, Oct 2 (KUNA -- The Cabinet met",
            Expect {
                place: Some("KUWAIT"),
                regions: &[],
                date: Some((None, 10, 2)),
                credits: &["KUNA"],
                text: "KUWAIT, Oct 2 (KUNA",
                body: "The Cabinet met",
            },
        );
        check(
            "Hamburg (dpa / – Port workers (dockers) walked out",
            Expect {
                place: Some("Hamburg"),
                regions: &[],
                date: None,
                credits: &["dpa"],
                text: "Hamburg (dpa",
                body: "Port workers (dockers) walked out",
            },
        );
        check(
            "DENVER (CBS/AP) -- Snow closed",
            Expect {
                place: Some("DENVER"),
                regions: &[],
                date: None,
                credits: &["AP"],
                text: "DENVER (CBS/AP)",
                body: "Snow closed",
            },
        );
        check(
            "IPOH (Malaysia), July 8 (Bernama) -- Floods",
            Expect {
                place: Some("IPOH"),
                regions: &["Malaysia"],
                date: Some((None, 7, 8)),
                credits: &["Bernama"],
                text: "IPOH (Malaysia), July 8 (Bernama)",
                body: "Floods",
            },
        );
        check(
            "GYUMRI, JUNE 12, ARMENPRESS. The mayor",
            Expect {
                place: Some("GYUMRI"),
                regions: &[],
                date: Some((None, 6, 12)),
                credits: &["Armenpress"],
                text: "GYUMRI, JUNE 12, ARMENPRESS",
                body: "The mayor",
            },
        );
        let text = "Georgia, Batumi, March 9 /Trend, L. Maisuradze/\nThe port";
        let found = match_dateline(text).expect("slashed credit with a reporter");
        assert_eq!(found.credits[0].abbr, "Trend");
        assert_eq!(found.byline.as_deref(), Some("L. Maisuradze"));
        assert_eq!(&text[found.body_start..], "The port");
    }

    #[test]
    fn banners_and_placed_headlines_are_not_datelines() {
        assert!(match_dateline("IRNA - Islamic Republic News Agency").is_none());
        let found = match_dateline("Petra -- His Majesty the King said").expect("Petra's credit");
        assert_eq!(
            (found.place.as_deref(), found.credits[0].abbr.as_str()),
            (Some("Petra"), "Petra")
        );
        let text = "WAM: The minister said";
        let found = match_dateline(text).expect("an agency's name as the credit");
        assert_eq!((found.place, found.credits[0].abbr.as_str()), (None, "WAM"));
        assert_eq!(&text[found.body_start..], "The minister said");
        let text = "Port reopens (Wam) / 4 March 2015 The port reopened";
        let (start, found) = find_glued_dateline(text).expect("credit and date after a slash");
        assert_eq!(&text[..start], "Port reopens ");
        assert_eq!(
            found
                .date
                .and_then(|d| d.full())
                .map(|d| d.to_string())
                .as_deref(),
            Some("2015-03-04")
        );
        assert_eq!(&text[found.body_start..], "The port reopened");
        assert!(match_dateline("BAKU: Georgia Opens New Border Crossing To Trucks").is_none());
        assert!(match_dateline("Doha, Qatar: HE Minister of State met").is_some());
        assert!(match_dateline("Senin, 30 April 2012").is_none());
        assert!(match_dateline("BAKU: Georgia opened a border crossing on Monday.").is_some());
    }

    #[test]
    fn a_distributor_after_a_weak_dateline_is_skipped_safely() {
        // Found by the mutated-fixture property test: a multi-byte separator after `via`.
        let found = match_dateline("AMMAN - via NewMediaWire –The board").expect("dateline");
        assert_eq!(found.place.as_deref(), Some("AMMAN"));
    }

    #[test]
    fn agency_after_the_separator() {
        let found = match_dateline("Cairo - MENA\nThe minister").expect("credit after separator");
        assert_eq!(found.credits[0].abbr, "MENA");
        assert_eq!(found.place.as_deref(), Some("Cairo"));
        let text = "Дамаск – САНА Министр здравоохранения";
        let found = match_dateline(text).expect("Russian SANA");
        assert_eq!(found.credits[0].abbr, "SANA");
        assert_eq!(&text[found.body_start..], "Министр здравоохранения");
        let found = match_dateline("KUWAIT - KUNA reported that").expect("weak dateline");
        assert!(
            found.credits.is_empty(),
            "a sentence that names the agency keeps it"
        );
        let text = "CHICAGO, March 13 - CNW Corp said";
        let found = match_dateline(text).expect("dated dateline");
        assert!(found.credits.is_empty());
        assert_eq!(&text[found.body_start..], "CNW Corp said");
    }

    #[test]
    fn glued_datelines() {
        let text = "By Massita Ahmad SINGAPORE, June 25 (NNN-BERNAMA) — Singapore";
        let (start, found) = find_glued_dateline(text).expect("glued");
        assert_eq!(&text[..start], "By Massita Ahmad ");
        assert_eq!(found.place.as_deref(), Some("SINGAPORE"));
        let text = "Minister meets President of AustriaMuscat, 25 Oct (ONA) --- The";
        let (start, found) = find_glued_dateline(text).expect("camel");
        assert_eq!(&text[..start], "Minister meets President of Austria");
        assert_eq!(found.place.as_deref(), Some("Muscat"));
        let text = "By Salem Rashid Al Hameli, Director of the Emirates News Agency (WAM) DUBAI, 9 March 2024 (WAM) – The";
        let (start, found) = find_glued_dateline(text).expect("wam byline");
        assert_eq!(found.place.as_deref(), Some("DUBAI"));
        assert!(text[..start].ends_with("(WAM) "));
    }
}
