//! Raw wire text to articles.
//!
//! [`parse`] normalises the text, splits it into articles ([`split`]), reads each article's head
//! ([`head`]: capture prefix, page [`chrome`], title ([`headline`]), syndicator tag, agency
//! line, byline, dateline),
//! peels its trailer ([`trailer`]), reflows the body ([`paragraphs`]), and finally dates every
//! article from the best evidence in it or in its file ([`evidence`]).

pub mod chrome;
pub mod dateline;
pub mod dates;
pub mod evidence;
pub mod head;
pub mod headline;
pub mod html;
pub mod mentions;
pub mod normalize;
pub mod paragraphs;
pub mod split;
pub mod trailer;

use chrono::NaiveDate;

use crate::article::{Agency, Article, ArticleId, DateSource, Dateline, Source, Timestamp};
use crate::lexicons::agencies::{AgencyKind, RegistryEntry, registry};
use crate::lexicons::gazetteer::{PlaceKind, gazetteer};
use crate::lexicons::names::readable;
use evidence::{DateFacts, Evidence, date_articles};
use head::{Head, peel_head};
use normalize::normalize;
use paragraphs::reflow;
use split::split_articles;
use trailer::{Trailer, peel_trailer};

/// Where a text came from: what the parser needs besides the text itself.
#[derive(Debug, Clone, Default)]
pub struct Origin {
    /// The path to record in each article's `source` (`-` for stdin).
    pub path: String,
    /// The file's modification date, the last resort for a dateline's year.
    pub mtime: Option<NaiveDate>,
}

/// Metadata that came with a text from outside it (the fields of a JSON export).
#[derive(Debug, Clone, Default)]
pub struct Hints {
    /// The export's title.
    pub title: Option<String>,
    /// The export's date.
    pub published: Option<Timestamp>,
    /// The export's source or agency name.
    pub agency: Option<String>,
    /// The export's author.
    pub byline: Option<String>,
}

/// Parses raw wire text (one file's worth) into its articles, in order.
///
/// ```
/// use newsdesk::wire::{parse, Origin};
/// let text = " date 2025-02-11 (MENAFN- Kuwait News Agency (KUNA)) KUWAIT, Feb 11 (KUNA) -- The Cabinet met. (end)";
/// let articles = parse(text, &Origin::default());
/// assert_eq!(articles[0].agency.as_ref().unwrap().abbr, "KUNA");
/// assert_eq!(articles[0].published.unwrap().to_string(), "2025-02-11");
/// assert_eq!(articles[0].body, "The Cabinet met.");
/// ```
pub fn parse(text: &str, origin: &Origin) -> Vec<Article> {
    let cleaned;
    let text = if html::looks_like_html(text) {
        cleaned = html::clean_export_text(text);
        normalize(&cleaned)
    } else {
        normalize(text)
    };
    let lines: Vec<&str> = text.split('\n').collect();
    let drafts: Vec<Draft> = split_articles(&lines)
        .into_iter()
        .filter_map(|range| {
            let segment = join_range(&text, &lines, range);
            parse_segment(segment, &Hints::default())
        })
        .collect();
    finish(drafts, origin)
}

/// Parses a text known to hold exactly one article (an item of a JSON export), with the
/// export's own metadata as hints. Returns `None` when the text holds nothing.
pub fn parse_single(text: &str, hints: &Hints, origin: &Origin) -> Option<Article> {
    let text = normalize(text);
    let draft = parse_segment(&text, hints)?;
    finish(vec![draft], origin).pop()
}

/// The text of a range of lines (they are consecutive slices of `text`).
fn join_range<'a>(text: &'a str, lines: &[&'a str], range: std::ops::Range<usize>) -> &'a str {
    let base = text.as_ptr() as usize;
    let start = lines[range.start].as_ptr() as usize - base;
    let last = lines[range.end - 1];
    let end = last.as_ptr() as usize - base + last.len();
    &text[start..end]
}

/// An article before dating.
struct Draft {
    article: Article,
    facts: DateFacts,
}

fn finish(drafts: Vec<Draft>, origin: &Origin) -> Vec<Article> {
    let facts: Vec<DateFacts> = drafts.iter().map(|d| d.facts.clone()).collect();
    let bodies: Vec<&str> = drafts.iter().map(|d| d.article.body.as_str()).collect();
    let datings = date_articles(&facts, &bodies, origin.mtime);
    drafts
        .into_iter()
        .zip(datings)
        .enumerate()
        .map(|(index, (draft, dating))| {
            let mut article = draft.article;
            article.source = Source {
                path: origin.path.clone(),
                index,
            };
            article.published = dating.published;
            article.published_from = dating.published_from;
            if let Some(dateline) = &mut article.dateline {
                dateline.date = dating.dateline_date;
                dateline.year_from = dating.year_from;
            }
            article
        })
        .collect()
}

/// Parses one article's text.
fn parse_segment(segment: &str, hints: &Hints) -> Option<Draft> {
    let mut head = peel_head(segment);
    drop_briefing_dateline(segment, &mut head);
    let body_text = &segment[head.body_start.min(segment.len())..];
    let mut lines: Vec<&str> = body_text.split('\n').collect();
    let trailer = peel_trailer(&mut lines);
    let body = reflow(&lines);
    let title = head.title.clone().or_else(|| hints.title.clone());
    // Text without a single letter (punctuation, numbers, rules) is not an article.
    let has_words = body
        .chars()
        .chain(title.iter().flat_map(|t| t.chars()))
        .any(char::is_alphabetic);
    if !has_words && head.dateline.is_none() {
        return None;
    }
    let facts = date_facts(&head, &trailer, hints);
    let (agency, credits) = choose_agency(&head, &trailer, hints, &body);
    let provider = head.provider.clone().or_else(|| {
        hints
            .agency
            .clone()
            .filter(|name| registry().lookup(name).is_none())
    });
    let article = Article {
        id: content_id(segment),
        source: Source {
            path: String::new(),
            index: 0,
        },
        title,
        published: None,
        published_from: None,
        agency,
        credits,
        syndicator: head.syndicator.clone(),
        provider,
        dateline: head.dateline.as_ref().map(|d| dateline_of(segment, d)),
        byline: head.byline.clone().or_else(|| hints.byline.clone()),
        body,
        trailer: trailer.items,
        continues: trailer.continues,
    };
    Some(Draft { article, facts })
}

/// A briefing (`KUWAIT - ...`, `KUALA LUMPUR - ...` items) has no dateline of its own: when the
/// dateline is only a place and a separator and another paragraph opens the same way, the
/// dateline is given back to the body.
fn drop_briefing_dateline(segment: &str, head: &mut Head) {
    let Some(found) = head.dateline.as_ref().filter(|d| !d.strong) else {
        return;
    };
    let body = &segment[head.body_start.min(segment.len())..];
    let another = body
        .split("\n\n")
        .skip(1)
        .any(|paragraph| dateline::match_dateline(paragraph.trim_start()).is_some_and(|d| !d.strong));
    if another {
        head.body_start = found.text.start;
        head.dateline = None;
    }
}

/// The id: a hash of the article's lines with trailing spaces and surrounding blank lines
/// removed, so that the same copy gives the same id wherever it is found.
fn content_id(segment: &str) -> ArticleId {
    let trimmed = segment.trim_matches(|c: char| c == '\n' || c == ' ');
    if !trimmed.contains(" \n") {
        return ArticleId::of_pieces([trimmed]);
    }
    let mut pieces = Vec::new();
    for (index, line) in trimmed.split('\n').enumerate() {
        if index > 0 {
            pieces.push("\n");
        }
        pieces.push(line.trim_end());
    }
    ArticleId::of_pieces(pieces)
}

fn date_facts(head: &Head, trailer: &Trailer, hints: &Hints) -> DateFacts {
    let mut evidence = Vec::new();
    let written = head.dateline.as_ref().and_then(|d| d.date);
    if let Some(date) = written.and_then(|w| w.full()) {
        evidence.push(Evidence {
            source: DateSource::Dateline,
            stamp: Timestamp::Date(date),
        });
    }
    let mut push = |source, stamp: Option<Timestamp>| {
        if let Some(stamp) = stamp {
            evidence.push(Evidence { source, stamp });
        }
    };
    push(DateSource::Trailer, trailer.filed.map(Timestamp::Zoned));
    push(DateSource::MenafnId, trailer.menafn_date.map(Timestamp::Date));
    // A publication stamp below the story outranks a head stamp labelled as an update.
    if head.page_stamp_is_update {
        push(DateSource::PageStamp, trailer.published);
        push(DateSource::PageStamp, head.page_stamp);
    } else {
        push(DateSource::PageStamp, head.page_stamp);
        push(DateSource::PageStamp, trailer.published);
    }
    push(DateSource::Json, hints.published);
    push(DateSource::CapturePrefix, head.capture);
    DateFacts { written, evidence }
}

/// The agency that filed the story, and the agencies the dateline credits. Precedence: the
/// dateline (its originating agency for `NNN-PETRA`), an agency line or byline credit, the
/// syndicator's provider, a page header, the trailer, an export's source field, MENAFN for its
/// own copy, and last the agency the body names as the story's own ([`mentions`]).
fn choose_agency(head: &Head, trailer: &Trailer, hints: &Hints, body: &str) -> (Option<Agency>, Vec<Agency>) {
    let credits: Vec<&RegistryEntry> = head
        .dateline
        .as_ref()
        .map(|d| d.credits.clone())
        .unwrap_or_default();
    let from_dateline = credits
        .iter()
        .find(|e| e.kind != AgencyKind::Network)
        .or(credits.first())
        .copied();
    let provider = head
        .provider
        .as_deref()
        .and_then(|p| registry().lookup(p))
        .filter(|e| e.kind != AgencyKind::Syndicator);
    let hinted = hints
        .agency
        .as_deref()
        .and_then(|a| registry().lookup(a))
        .filter(|e| e.kind != AgencyKind::Syndicator);
    // MENAFN's own copy (a bare `(MENAFN)` tag) is MENAFN's.
    let own_copy = (head.syndicator.is_some() && head.provider.is_none())
        .then(|| registry().lookup("MENAFN"))
        .flatten();
    let agency = from_dateline
        .or(head.agency_line)
        .or(provider)
        .or(head.page_agency)
        .or(trailer.credit)
        .or(hinted)
        .or(own_copy)
        .or_else(|| mentions::agency_named_in(body));
    (
        agency.map(RegistryEntry::to_agency),
        credits.into_iter().map(RegistryEntry::to_agency).collect(),
    )
}

/// The article model's dateline from a match: readable names, and the country before the
/// city (Trend's old form, `Azerbaijan, Baku`) put back in order.
fn dateline_of(segment: &str, found: &dateline::DatelineMatch) -> Dateline {
    let places = gazetteer();
    let mut place = found.place.clone();
    let mut regions = found.regions.clone();
    if let (Some(first), Some(region)) = (&place, regions.first()) {
        let country_first = places.is(first, PlaceKind::Country)
            && places.is(region, PlaceKind::City)
            && !places.is(region, PlaceKind::Country);
        if country_first {
            let city = regions.remove(0);
            regions.insert(0, place.replace(city).unwrap_or_default());
        }
    }
    let country = (!regions.is_empty()).then(|| {
        regions
            .iter()
            .map(|region| readable(region))
            .collect::<Vec<_>>()
            .join(", ")
    });
    Dateline {
        text: segment[found.text.clone()].trim().to_string(),
        place: place.map(|p| readable(&p)),
        country,
        date: None,
        year_from: None,
    }
}
