//! The head of an article: everything before the body. In order, as FORMATS of the agencies
//! allow: page chrome, a capture prefix, a title (perhaps printed twice), a page stamp, a
//! syndicator tag `(MENAFN- Provider)`, a bare agency line (`QNA`), a byline, and the dateline.

use crate::article::Timestamp;
use crate::lexicons::agencies::{AgencyKind, RegistryEntry, registry};
use crate::lexicons::gazetteer::{PlaceKind, gazetteer};
use crate::lexicons::names::readable;
use crate::wire::chrome::{is_caption, is_chrome};
use crate::wire::dateline::{DatelineMatch, find_glued_dateline, floor_char_boundary, match_dateline};
use crate::wire::dates::{StampLabel, capture_prefix, page_stamp, stamp_date, stamp_label};
use crate::wire::headline::Headlines;
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
    /// True when the page stamp is labelled as the time of an update (`Last Updated :`).
    pub page_stamp_is_update: bool,
    /// The dateline, with offsets into the article's text.
    pub dateline: Option<DatelineMatch>,
    /// Where the body starts.
    pub body_start: usize,
}

/// How many head lines are examined before the body is assumed to start.
const MAX_HEAD_LINES: usize = 30;

/// Reads the head of `text` (one article's text).
pub fn peel_head(text: &str) -> Head {
    let mut reader = HeadReader {
        text,
        head: Head::default(),
        headlines: Headlines::default(),
        stamps: Vec::new(),
    };
    let body_start = reader.read();
    reader.finish(body_start)
}

/// A page stamp and where its line starts.
struct Stamp {
    stamp: Timestamp,
    agency: Option<&'static RegistryEntry>,
    at: usize,
    /// Labelled as the time of an update.
    update: bool,
}

impl Stamp {
    /// A stamp line's stamp, starting at `at`.
    fn of_line(stamp: Timestamp, line: &str, at: usize) -> Stamp {
        Stamp {
            stamp,
            agency: stamp_agency(line),
            at,
            update: stamp_label(line) == Some(StampLabel::Updated),
        }
    }
}

/// The state of reading a head line by line.
struct HeadReader<'a> {
    text: &'a str,
    head: Head,
    headlines: Headlines,
    stamps: Vec<Stamp>,
}

impl HeadReader<'_> {
    /// Reads head lines until the dateline or the first line of the story, and returns where the
    /// body starts (`None` when the lines ran out first).
    fn read(&mut self) -> Option<usize> {
        let text = self.text;
        let mut pos = 0;
        let mut after_tag = false;
        let mut title_allowed = true;
        let mut skip_until = None;
        for _ in 0..MAX_HEAD_LINES {
            pos = skip_whitespace(text, pos);
            if pos >= text.len() {
                return Some(text.len());
            }
            let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
            let line = text[pos..line_end].trim_end();
            let trimmed = line.trim_start();
            let indent = line.len() - trimmed.len();
            if self.head.capture.is_none() && self.headlines.is_empty() {
                if let Some((stamp, len)) = capture_prefix(line) {
                    self.head.capture = Some(stamp);
                    pos += len;
                    continue;
                }
            }
            if is_chrome(trimmed) || is_foreign_junk(text, trimmed, line_end) {
                pos = line_end;
                continue;
            }
            if let Some((provider, len)) = menafn_tag(trimmed) {
                self.head.syndicator = Some("MENAFN".to_string());
                self.head.provider = provider;
                self.headlines.anchor();
                pos += indent + len;
                after_tag = true;
                title_allowed = false;
                continue;
            }
            if let Some(tag_at) = trimmed.find("(MENAFN") {
                // A title glued before the tag (Gulf Times).
                let before = trimmed[..tag_at].trim();
                if menafn_tag(&trimmed[tag_at..]).is_some() {
                    if self.headlines.is_empty() && is_headline(before) {
                        self.headlines.push_anchored(before, pos + indent + tag_at);
                    }
                    pos += indent + tag_at;
                    continue;
                }
            }
            if after_tag {
                after_tag = false;
                if let Some(entry) = agency_line(trimmed, self.head.provider.as_deref()) {
                    self.head.agency_line = entry;
                    pos = line_end;
                    continue;
                }
                if let Some(name) = trimmed.strip_suffix("Read more").map(str::trim) {
                    if looks_like_person(name) {
                        self.head.byline = Some(name.to_string());
                    }
                    pos = line_end;
                    continue;
                }
            }
            let here = match_dateline(&text[pos..])
                .or_else(|| placed_credit(&text[pos..]))
                .or_else(|| standalone_place(&text[pos..]));
            if here.is_none() && !is_caption(trimmed) {
                if let Some(stamp) = page_stamp(trimmed) {
                    self.stamps.push(Stamp::of_line(stamp, trimmed, pos));
                    self.headlines.anchor();
                    pos = line_end;
                    continue;
                }
                if let Some((stamp, title)) = dated_headline(trimmed) {
                    self.stamps.push(Stamp {
                        stamp,
                        agency: None,
                        at: pos,
                        update: false,
                    });
                    self.headlines.push_anchored(title, line_end);
                    pos = line_end;
                    continue;
                }
            }
            if let Some(by) = strip_by(trimmed) {
                let offset = pos + indent;
                if let Some((start, dateline)) = find_glued_dateline(&text[offset..]) {
                    let before = trimmed[..start].trim();
                    set_byline(&mut self.head, strip_by(before).unwrap_or(before));
                    self.headlines.anchor();
                    return Some(self.take_dateline(shift(dateline, offset)));
                }
                match stamp_date(by).filter(|_| by.len() <= MAX_STAMPED_LINE_BYTES) {
                    Some((date, range)) => {
                        self.stamps.push(Stamp::of_line(Timestamp::Date(date), by, pos));
                        // `By UPI Staff | Jan. 03, 2018`: the stamp is no part of the byline.
                        let name = by[..range.start].trim_end_matches([' ', '|', '-', '–', ',']);
                        set_byline(&mut self.head, name);
                    }
                    None => set_byline(&mut self.head, by),
                }
                self.headlines.anchor();
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
                self.head.page_agency = self.head.page_agency.or(distributor);
                self.headlines.anchor();
                pos = line_end;
                continue;
            }
            if here.is_none() {
                if let Some(entry) = source_line(trimmed) {
                    self.head.agency_line.get_or_insert(entry);
                    self.headlines.anchor();
                    pos = line_end;
                    continue;
                }
            }
            if let Some(dateline) = here.as_ref().filter(|d| d.place.is_none()) {
                // `(Xinhua)` alone on its line, with more head lines below: an agency line.
                let alone = dateline.text.end >= trimmed.len() + indent;
                let next = skip_whitespace(text, line_end);
                if alone && pos + dateline.body_start >= next && !dateline.credits.is_empty() {
                    let next_end = text[next..].find('\n').map_or(text.len(), |i| next + i);
                    if is_chrome(&text[next..next_end]) || is_caption(&text[next..next_end]) {
                        self.head.agency_line.get_or_insert(dateline.credits[0]);
                        self.headlines.anchor();
                        pos = line_end;
                        continue;
                    }
                }
            }
            if let Some(dateline) = here {
                let title_instead = !dateline.strong
                    && self.headlines.is_empty()
                    && next_line_has_strong_dateline(text, line_end);
                if !title_instead {
                    return Some(self.take_dateline(shift(dateline, pos)));
                }
            }
            if is_caption(trimmed) {
                self.headlines.interrupt();
                pos = line_end;
                continue;
            }
            if self.headlines.repeats(trimmed) {
                self.headlines.push(trimmed, line_end);
                pos = line_end;
                continue;
            }
            if title_allowed && is_headline(trimmed) && !is_list_item(trimmed) {
                if let Some((next, set_off)) = title_follows(text, line_end, trimmed) {
                    let headline = without_foreign_label(trimmed);
                    match set_off {
                        SetOff::Twice if self.headlines.is_empty() => {
                            self.headlines.push_anchored(headline, line_end);
                        }
                        SetOff::Twice => self.headlines.interrupt(),
                        SetOff::Head => self.headlines.push(headline, line_end),
                        SetOff::Chrome => self.headlines.push_weak(headline, line_end),
                    }
                    pos = next;
                    continue;
                }
            }
            // The first body line: a dateline may be glued after a headline (`…AustriaMuscat, 25
            // Oct (ONA)`) or a site name (`Ammon News - AMMAN (Petra) – `).
            let offset = pos + indent;
            if let Some((start, dateline)) = find_glued_dateline(&text[offset..]) {
                let before = trimmed[..start]
                    .trim()
                    .trim_end_matches(['-', '–', '—', ':', ' ']);
                if is_headline(before) && registry().lookup(before).is_none() {
                    // A site's name may be glued there too: after another headline, only a
                    // full line counts.
                    if self.headlines.is_empty() {
                        self.headlines.push_anchored(before, offset + start);
                    } else if before.split_whitespace().count() >= 4 {
                        self.headlines.push(before, offset + start);
                    }
                }
                return Some(self.take_dateline(shift(dateline, offset)));
            }
            // Below a headline, a photo's description and its caption: a line printed twice.
            if !self.headlines.is_empty() && is_short(trimmed) {
                if let Some(end) = repeated_on_next_line(text, line_end, trimmed) {
                    self.headlines.interrupt();
                    pos = end;
                    continue;
                }
            }
            // Lines that are neither head nor body before a dateline or the headline again a
            // little further down: a site's tagline, a summary, an editor's note, a site's code.
            // They are skipped.
            if skip_until.is_some_and(|until| pos < until) {
                self.headlines.interrupt();
                pos = line_end;
                continue;
            }
            let skippable = is_short(trimmed) || is_editors_note(trimmed);
            if let Some(head_line_at) = head_line_ahead(text, line_end, &self.headlines).filter(|_| skippable)
            {
                skip_until = Some(head_line_at);
                self.headlines.interrupt();
                pos = line_end;
                continue;
            }
            return Some(pos);
        }
        None
    }

    /// Records the dateline and returns where the body starts. When the dateline fills its
    /// line, the stamps right below it are read, and with no headline yet, a headline on the
    /// next line (`Riyadh - SPA⏎Headline⏎⏎Body`).
    fn take_dateline(&mut self, dateline: DatelineMatch) -> usize {
        let text = self.text;
        let mut body_start = dateline.body_start;
        if let Some(byline) = &dateline.byline {
            self.head.byline.get_or_insert_with(|| byline.clone());
        }
        let between = &text[dateline.text.end.min(body_start)..body_start];
        let fills_line =
            between.contains('\n') && between.chars().all(|c| c.is_whitespace() || is_separator_char(c));
        self.head.dateline = Some(dateline);
        if !fills_line {
            return body_start;
        }
        loop {
            let line_end = text[body_start..]
                .find('\n')
                .map_or(text.len(), |i| body_start + i);
            let line = text[body_start..line_end].trim();
            let next = skip_whitespace(text, line_end);
            if line.is_empty() || next >= text.len() {
                return body_start;
            }
            if let Some(stamp) = page_stamp(line) {
                self.stamps.push(Stamp::of_line(stamp, line, body_start));
            } else if !is_chrome(line) {
                let headline = self.headlines.is_empty()
                    && is_headline(line)
                    && text[line_end..next].matches('\n').count() >= 2;
                if !headline {
                    return body_start;
                }
                self.headlines.push(line, line_end);
            }
            body_start = next;
        }
    }

    /// The head with its headline and stamp chosen; the body starts at `body_start`, or after
    /// the headline when the lines ran out before the story was found.
    fn finish(mut self, body_start: Option<usize>) -> Head {
        let chosen = self.headlines.choose().cloned();
        let title_end = chosen.as_ref().map(|c| c.end);
        self.head.body_start = body_start.or(title_end).unwrap_or(0).min(self.text.len());
        // The stamp below the headline is the article's; one above it belongs to the page.
        let after = title_end.unwrap_or(0);
        let below = || self.stamps.iter().filter(|s| s.at >= after);
        let stamp = below()
            .find(|s| !s.update)
            .or_else(|| below().next())
            .or(self.stamps.first());
        if let Some(stamp) = stamp {
            self.head.page_stamp = Some(stamp.stamp);
            self.head.page_stamp_is_update = stamp.update;
            self.head.page_agency = self.head.page_agency.or(stamp.agency);
        }
        self.head.title = chosen.map(|c| c.text);
        self.head
    }
}

/// True for the characters of a dateline separator.
fn is_separator_char(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '―' | '_' | ':')
}

/// The longest line, in characters, that can be skipped as page furniture; a longer one is a
/// paragraph of the story.
const MAX_SKIPPED_CHARS: usize = 200;

/// The longest site name that a dateline glued after it (`Harbour News - AMMAN (Petra) –`) may
/// have for [`head_line_ahead`] to take the line for the story's first.
const MAX_GLUED_SITE_BYTES: usize = 40;

/// True for a line of at most [`MAX_SKIPPED_CHARS`] characters (counted only when the bytes
/// could be that few characters, so a long line costs nothing).
fn is_short(line: &str) -> bool {
    line.len() <= MAX_SKIPPED_CHARS
        || (line.len() <= 4 * MAX_SKIPPED_CHARS && line.chars().count() <= MAX_SKIPPED_CHARS)
}

/// The longest line that can hold a headline after its date or a byline with a stamp.
const MAX_STAMPED_LINE_BYTES: usize = 400;

/// How far ahead [`head_line_ahead`] looks, in lines and bytes.
const LOOKAHEAD_LINES: usize = 10;
const LOOKAHEAD_BYTES: usize = 2500;

/// The start of a line a few lines below `from` (chrome and stamps aside) that opens with a
/// strong dateline (perhaps after a site's name, or a place or a credit with a place on its
/// own) or repeats a headline,
/// when every line before it is short enough to be page furniture rather than a paragraph of
/// the story.
fn head_line_ahead(text: &str, from: usize, headlines: &Headlines) -> Option<usize> {
    let mut pos = from;
    let mut lines = 0;
    while lines < LOOKAHEAD_LINES && pos < text.len() && pos - from < LOOKAHEAD_BYTES {
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = text[pos..line_end].trim();
        if !line.is_empty() {
            let head_line = match_dateline(&text[pos..]).is_some_and(|d| d.strong)
                || placed_credit(&text[pos..]).is_some()
                || standalone_place(&text[pos..]).is_some()
                || find_glued_dateline(&text[pos..]).is_some_and(|(start, _)| start <= MAX_GLUED_SITE_BYTES)
                || headlines.repeats(line);
            if head_line {
                return Some(pos);
            }
            if !is_short(line) && !is_editors_note(line) {
                return None;
            }
            // Chrome and stamps (a weather widget, a menu) do not count.
            if !(is_chrome(line) || page_stamp(line).is_some()) {
                lines += 1;
            }
        }
        pos = line_end + 1;
    }
    None
}

/// A line that is only an agency and a city (`Press Trust of India Kolkata`, `IANS | New
/// Delhi`) at the start of `text`: a dateline whose body starts on the next line.
fn placed_credit(text: &str) -> Option<DatelineMatch> {
    let line_end = short_line_end(text, 120)?;
    let line = text[..line_end].trim_end();
    let trimmed = line.trim_start();
    let start = line.len() - trimmed.len();
    if trimmed.len() > 60 || !trimmed.starts_with(char::is_uppercase) {
        return None;
    }
    let word_starts: Vec<usize> = trimmed
        .match_indices(' ')
        .map(|(space, _)| space + 1)
        .filter(|&at| trimmed[at..].starts_with(char::is_uppercase))
        .collect();
    word_starts.iter().rev().take(3).find_map(|&split| {
        let agency = trimmed[..split].trim_end_matches([' ', '|', ',', '-', '–']);
        let place = &trimmed[split..];
        let entry = registry()
            .lookup(agency)
            .filter(|e| e.kind == AgencyKind::Agency)?;
        gazetteer().is(place, PlaceKind::City).then(|| DatelineMatch {
            text: start..start + trimmed.len(),
            place: Some(place.to_string()),
            regions: Vec::new(),
            date: None,
            credits: vec![entry],
            byline: None,
            body_start: skip_whitespace(text, line_end),
            strong: true,
        })
    })
}

/// The length of the first line of `text` when it is at most `limit` bytes.
fn short_line_end(text: &str, limit: usize) -> Option<usize> {
    let window = &text[..floor_char_boundary(text, text.len().min(limit))];
    match window.find('\n') {
        Some(end) => Some(end),
        None => (window.len() == text.len()).then_some(text.len()),
    }
}

/// A line that is only a known city (`TOKYO`) at the start of `text`, with the story's first
/// paragraph below it: a dateline without a separator.
fn standalone_place(text: &str) -> Option<DatelineMatch> {
    let line_end = short_line_end(text, 80)?;
    let line = text[..line_end].trim_end();
    let place = line.trim_start();
    let start = line.len() - place.len();
    if place.len() > 40 || place.split(' ').count() > 3 || !place.starts_with(char::is_uppercase) {
        return None;
    }
    if !gazetteer().is(place, PlaceKind::City) {
        return None;
    }
    let next = skip_whitespace(text, line_end);
    let prose = match short_line_end(&text[next..], 400) {
        Some(len) => {
            let paragraph = text[next..next + len].trim();
            paragraph.len() > 100 || (paragraph.ends_with(['.', '"', '”']) && !is_headline(paragraph))
        }
        None => true,
    };
    prose.then(|| DatelineMatch {
        text: start..start + place.len(),
        place: Some(place.to_string()),
        regions: Vec::new(),
        date: None,
        credits: Vec::new(),
        byline: None,
        body_start: next,
        strong: false,
    })
}

/// A line that credits an agency without a place: its banner (`IRNA - Islamic Republic News
/// Agency`), its name and country (`Kenya News Agency, Kenya`), or its name alone.
fn source_line(line: &str) -> Option<&'static RegistryEntry> {
    if line.len() > 80 {
        return None;
    }
    let agency = |name: &str| {
        registry()
            .lookup(name.trim())
            .filter(|e| e.kind == AgencyKind::Agency)
    };
    if let Some(entry) = agency(line).filter(|_| line.len() >= 3 && !line.ends_with('.')) {
        return Some(entry);
    }
    if let Some((name, country)) = line.split_once(", ") {
        return agency(name).filter(|_| gazetteer().is(country.trim(), PlaceKind::Country));
    }
    let (first, second) = line.split_once(" - ").or_else(|| line.split_once(" – "))?;
    let (first, second) = (agency(first)?, agency(second)?);
    std::ptr::eq(first, second).then_some(first)
}

/// A bulleted line (`• Draft bill would require…`): a highlight, never the headline.
fn is_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    matches!(chars.next(), Some('•' | '·' | '*' | '▪' | '■' | '►' | '-')) && chars.next() == Some(' ')
}

/// A headline after its date (`26.07.2024: Port reopens`, `2024-07-26 - Port reopens`): the
/// date and the headline.
fn dated_headline(line: &str) -> Option<(Timestamp, &str)> {
    if line.len() > MAX_STAMPED_LINE_BYTES || !line.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (date, range) = stamp_date(line)?;
    if range.start != 0 {
        return None;
    }
    let rest = line[range.end..].trim_start();
    let title = rest.strip_prefix([':', '-', '–', '|'])?.trim();
    is_headline(title).then_some((Timestamp::Date(date), title))
}

/// A headline without the label in another script that some mirrors put before it
/// (`新闻:Port reopens`).
fn without_foreign_label(line: &str) -> &str {
    let Some(colon) = line.find([':', '：']) else {
        return line;
    };
    let label = &line[..colon];
    let rest = line[colon..].trim_start_matches([':', '：']).trim_start();
    let foreign = !label.is_empty() && label.chars().all(|c| !c.is_ascii() && c.is_alphabetic());
    if foreign && rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
        rest
    } else {
        line
    }
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
    // `MENAFN - The Peninsula) QNA`: a capture may lose the opening parenthesis.
    let (rest, opened) = match text.strip_prefix("(MENAFN") {
        Some(rest) => (rest, true),
        None => (text.strip_prefix("MENAFN")?.trim_start_matches(' '), false),
    };
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
    let dashed = rest.starts_with('-') || rest.starts_with('–');
    if !(dashed || (opened && rest.starts_with(')'))) {
        return None;
    }
    let provider = (!inside.is_empty()).then(|| inside.to_string());
    let taken = text.len() - rest.len() + end + 1;
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
        .or_else(|| line.strip_prefix("/By "))
        .or_else(|| line.strip_prefix("By: "))?;
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
fn title_follows(text: &str, line_end: usize, line: &str) -> Option<(usize, SetOff)> {
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
        return Some((next_end, SetOff::Twice));
    }
    let blank_between = text[line_end..next_start].matches('\n').count() >= 2;
    let next_is_head = menafn_tag(next_line).is_some()
        || strip_by(next_line).is_some()
        || match_dateline(&text[next_start..]).is_some()
        || page_stamp(next_line).is_some()
        || is_caption(next_line)
        || is_parenthesised(next_line)
        || source_line(next_line).is_some()
        || placed_credit(&text[next_start..]).is_some()
        || dated_headline(next_line).is_some();
    if blank_between || next_is_head {
        Some((line_end, SetOff::Head))
    } else if is_chrome(next_line) {
        Some((line_end, SetOff::Chrome))
    } else {
        None
    }
}

/// What sets a headline-shaped line off from the story below it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SetOff {
    /// The same line right below it: a headline printed twice, or below a headline, a photo's
    /// description and caption.
    Twice,
    /// A blank line or a head line (stamp, byline, dateline, caption, its repetition).
    Head,
    /// Only page chrome (a site's name above its menu).
    Chrome,
}

/// The end of the line after `line_end` when it repeats `line`.
fn repeated_on_next_line(text: &str, line_end: usize, line: &str) -> Option<usize> {
    let next = skip_whitespace(text, line_end);
    let after = text[next..].strip_prefix(line)?.trim_start_matches([' ', '\t']);
    let at_line_end = after.is_empty() || after.starts_with('\n');
    (next > line_end && at_line_end).then_some(text.len() - after.len())
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
    fn lines_that_credit_an_agency() {
        let found = placed_credit("Press Trust of India Pune\nThe").expect("agency and city");
        assert_eq!(found.place.as_deref(), Some("Pune"));
        assert_eq!(found.credits[0].abbr, "PTI");
        assert!(placed_credit("Press Trust of India said").is_none());
        let entry = |line: &str| source_line(line).map(|e| e.abbr.as_str());
        assert_eq!(entry("Kenya News Agency, Kenya"), Some("KNA"));
        assert_eq!(entry("IRNA - Islamic Republic News Agency"), Some("IRNA"));
        assert_eq!(entry("IRNA - Iran Daily"), None);
        assert_eq!(entry("TT"), None);
    }

    #[test]
    fn a_city_alone_above_the_story() {
        let text = "OSAKA\n\nA shipbuilder said on Thursday it had won an order.";
        let found = standalone_place(text).expect("city line");
        assert_eq!(
            &text[found.body_start..],
            "A shipbuilder said on Thursday it had won an order."
        );
        assert!(standalone_place("OSAKA\n\nMonday").is_none());
        assert!(standalone_place("Weather\n\nRain is expected on Thursday.").is_none());
    }

    #[test]
    fn dated_and_labelled_headlines() {
        let (stamp, title) = dated_headline("14.05.2023: Ports reopen").expect("dated");
        assert_eq!(
            (stamp.to_string().as_str(), title),
            ("2023-05-14", "Ports reopen")
        );
        assert!(dated_headline("Ports reopen on 14.05.2023").is_none());
        assert_eq!(without_foreign_label("新闻:Ports reopen"), "Ports reopen");
        assert_eq!(without_foreign_label("PM: Ports reopen"), "PM: Ports reopen");
    }

    #[test]
    fn a_tag_that_lost_its_parenthesis() {
        let (provider, len) = menafn_tag("MENAFN - The Peninsula) QNA").expect("tag");
        assert_eq!(provider.as_deref(), Some("The Peninsula"));
        assert_eq!(len, "MENAFN - The Peninsula) ".len());
        assert!(menafn_tag("MENAFN05092024000071011013ID1108645120").is_none());
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
