//! The article model every part of newsdesk shares: what the wire parser produces, what the
//! library stores and what the reader shows.
//!
//! Everything here is plain data with serde derives; the JSON form is documented field by field
//! in the README ("The article model").

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One article: a story as filed by an agency, with its metadata peeled off the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Content hash of the article's text: the same text gives the same id on every machine.
    pub id: ArticleId,
    /// The file the article came from and its position in it.
    pub source: Source,
    /// The headline, when the copy carries one.
    pub title: Option<String>,
    /// When the article was published, as precisely as the copy tells.
    pub published: Option<Timestamp>,
    /// Which evidence `published` was taken from.
    pub published_from: Option<DateSource>,
    /// The agency that filed the story, normalised through the registry.
    pub agency: Option<Agency>,
    /// Every agency credited in the dateline, in order (`NNN-PETRA` gives NNN and Petra).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credits: Vec<Agency>,
    /// The syndicator that republished the story (`MENAFN`), if any.
    pub syndicator: Option<String>,
    /// The provider named by the syndicator's tag, as written (`Kuwait News Agency (KUNA)`).
    pub provider: Option<String>,
    /// The dateline: where and when the story was filed.
    pub dateline: Option<Dateline>,
    /// The reporters, without the leading `By`.
    pub byline: Option<String>,
    /// The story text: paragraphs separated by one blank line, hard wraps joined.
    pub body: String,
    /// What was removed from the end of the copy, item by item, as written.
    #[serde(default)]
    pub trailer: Vec<String>,
    /// True when the copy ends with a continuation mark (`(more)`): another take follows.
    #[serde(default)]
    pub continues: bool,
}

impl Article {
    /// The body's paragraphs, in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.body.split("\n\n").filter(|p| !p.is_empty())
    }

    /// The title if there is one, else the first sentence-sized piece of the body.
    pub fn headline(&self) -> &str {
        match &self.title {
            Some(title) => title,
            None => self.paragraphs().next().unwrap_or(""),
        }
    }
}

/// A stable article identifier: the 64-bit XXH3 hash of the article's text (seed 0), written
/// as 16 lowercase hex digits. XXH3 is specified byte for byte, so the same text gives the
/// same id on every machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArticleId(pub u64);

impl ArticleId {
    /// Hashes a sequence of text pieces (fed in order, as if concatenated).
    pub fn of_pieces<'a>(pieces: impl IntoIterator<Item = &'a str>) -> Self {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        for piece in pieces {
            hasher.update(piece.as_bytes());
        }
        ArticleId(hasher.digest())
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

/// The error for a string that is not 16 hex digits.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("an article id is 16 hex digits, not {0:?}")]
pub struct BadArticleId(pub String);

impl FromStr for ArticleId {
    type Err = BadArticleId;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if text.len() != 16 {
            return Err(BadArticleId(text.to_string()));
        }
        u64::from_str_radix(text, 16)
            .map(ArticleId)
            .map_err(|_| BadArticleId(text.to_string()))
    }
}

impl Serialize for ArticleId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ArticleId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// Where an article came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The path as given (a file found in a directory keeps the directory prefix); `-` for stdin.
    pub path: String,
    /// The article's position among the articles of that file, from 0.
    pub index: usize,
}

/// A news agency, syndicator or newspaper as the registry knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agency {
    /// The short name used in datelines and filters (`KUNA`, `Reuters`, `AA`).
    pub abbr: String,
    /// The full name (`Kuwait News Agency`).
    pub name: String,
    /// The agency's home country, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// The dateline: the place (and often date and agency) a story opens with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// The dateline as written, up to its agency credit, without the separator.
    pub text: String,
    /// The city as a readable name (`KUALA LUMPUR` becomes `Kuala Lumpur`).
    pub place: Option<String>,
    /// The state, province, region or country written after the city (`Tenn.`, `Saudi Arabia`).
    pub country: Option<String>,
    /// The dateline's date, its year inferred when the copy leaves it out.
    pub date: Option<NaiveDate>,
    /// Where the year came from when the dateline does not write it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year_from: Option<DateSource>,
}

/// The kinds of evidence a date can be taken from, most reliable first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateSource {
    /// Written in the dateline (`ABU DHABI, 14 May 2022 (WAM)`, or month and day with the year inferred).
    Dateline,
    /// A filing stamp in the trailer (`KUNA 231837 Nov 07`).
    Trailer,
    /// A MENAFN id line (`MENAFN26032024...ID...`, day month year).
    MenafnId,
    /// A page header stamp (`Source: Xinhua| 2019-07-14 06:12:55|Editor: lu`).
    PageStamp,
    /// A date field of a JSON input.
    Json,
    /// A full date written in the article text.
    Text,
    /// The ` date YYYY-MM[-DD]` prefix that capture tools put in front of page text.
    CapturePrefix,
    /// The modification time of the file.
    FileMtime,
}

impl DateSource {
    /// The name used in JSON and in the README (`menafn-id`).
    pub fn name(self) -> &'static str {
        match self {
            DateSource::Dateline => "dateline",
            DateSource::Trailer => "trailer",
            DateSource::MenafnId => "menafn-id",
            DateSource::PageStamp => "page-stamp",
            DateSource::Json => "json",
            DateSource::Text => "text",
            DateSource::CapturePrefix => "capture-prefix",
            DateSource::FileMtime => "file-mtime",
        }
    }
}

impl fmt::Display for DateSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A point in time as precisely as the copy gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Timestamp {
    /// Only the year and month are known (a ` date 2020-03` capture prefix).
    Month {
        /// The year.
        year: i32,
        /// The month, 1 to 12.
        month: u32,
    },
    /// A calendar day.
    Date(NaiveDate),
    /// A local date and time with no known offset.
    Local(NaiveDateTime),
    /// A date and time with its offset from UTC.
    Zoned(DateTime<FixedOffset>),
}

impl Timestamp {
    /// The calendar day (the first of the month for month-only timestamps).
    pub fn date(&self) -> NaiveDate {
        match self {
            Timestamp::Month { year, month } => {
                NaiveDate::from_ymd_opt(*year, *month, 1).unwrap_or(NaiveDate::MIN)
            }
            Timestamp::Date(date) => *date,
            Timestamp::Local(datetime) => datetime.date(),
            Timestamp::Zoned(datetime) => datetime.date_naive(),
        }
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Timestamp::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Timestamp::Date(date) if (0..=9999).contains(&date.year()) => {
                write!(f, "{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
            }
            Timestamp::Date(date) => write!(f, "{}", date.format("%Y-%m-%d")),
            Timestamp::Local(datetime) => write!(f, "{}", datetime.format("%Y-%m-%dT%H:%M:%S")),
            Timestamp::Zoned(datetime) => write!(f, "{}", datetime.format("%Y-%m-%dT%H:%M:%S%:z")),
        }
    }
}

/// The error for text that is not one of the timestamp forms.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a date (YYYY-MM, YYYY-MM-DD or an RFC 3339 date-time): {0:?}")]
pub struct BadTimestamp(pub String);

impl FromStr for Timestamp {
    type Err = BadTimestamp;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if let Some(date) = plain_date(text) {
            return Ok(Timestamp::Date(date));
        }
        if let Ok(datetime) = DateTime::parse_from_rfc3339(text) {
            return Ok(Timestamp::Zoned(datetime));
        }
        for format in [
            "%Y-%m-%dT%H:%M:%S",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M:%S",
            "%Y-%m-%d %H:%M",
        ] {
            if let Ok(datetime) = NaiveDateTime::parse_from_str(text, format) {
                return Ok(Timestamp::Local(datetime));
            }
        }
        if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            return Ok(Timestamp::Date(date));
        }
        let month_only = text
            .split_once('-')
            .filter(|(year, month)| year.len() == 4 && month.len() == 2)
            .and_then(|(year, month)| Some((year.parse().ok()?, month.parse().ok()?)))
            .filter(|&(_, month): &(i32, u32)| (1..=12).contains(&month));
        match month_only {
            Some((year, month)) => Ok(Timestamp::Month { year, month }),
            None => Err(BadTimestamp(text.to_string())),
        }
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// `YYYY-MM-DD`, the form nearly every stored timestamp takes, read without a format string;
/// None for any other text (and for a day that does not exist).
fn plain_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(at, b)| at == 4 || at == 7 || b.is_ascii_digit());
    if !shaped {
        return None;
    }
    let year: i32 = text[0..4].parse().ok()?;
    let month: u32 = text[5..7].parse().ok()?;
    let day: u32 = text[8..10].parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// Reads the text in place, borrowed or not.
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = Timestamp;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date or date-time")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Timestamp, E> {
                text.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_print_back_to_what_they_parse() {
        for text in [
            "2024-03",
            "2024-03-26",
            "2018-09-02T03:38:40",
            "2007-11-23T18:37:00+03:00",
        ] {
            let timestamp: Timestamp = text.parse().expect(text);
            assert_eq!(timestamp.to_string(), text);
        }
    }

    #[test]
    fn plain_dates_read_as_the_date_format_reads_them() {
        for text in ["2024-03-26", "0001-01-01", "9999-12-31", "2024-02-29"] {
            let expected = NaiveDate::parse_from_str(text, "%Y-%m-%d").expect(text);
            assert_eq!(text.parse(), Ok(Timestamp::Date(expected)), "{text}");
            assert_eq!(Timestamp::Date(expected).to_string(), text);
        }
        for text in ["2023-02-29", "2024-00-10", "2024-1-105", "2024-03-2x"] {
            assert!(text.parse::<Timestamp>().is_err(), "{text}");
        }
        let escaped: Timestamp = serde_json::from_str(r#""2024\u002d03-26""#).expect("escaped");
        assert_eq!(escaped.to_string(), "2024-03-26");
        assert!(serde_json::from_str::<Timestamp>("20240326").is_err());
    }

    #[test]
    fn timestamps_reject_other_text() {
        for text in ["", "2024", "2024-13", "26/03/2024", "March 26"] {
            assert!(text.parse::<Timestamp>().is_err(), "{text}");
        }
    }

    #[test]
    fn utc_z_timestamps_keep_their_offset() {
        let timestamp: Timestamp = "2026-10-08T09:15:00Z".parse().expect("rfc3339");
        assert_eq!(timestamp.to_string(), "2026-10-08T09:15:00+00:00");
    }

    #[test]
    fn article_ids_are_the_same_everywhere() {
        // XXH3-64 of the empty string and of "abc", as published with the algorithm.
        assert_eq!(ArticleId::of_pieces([""]).to_string(), "2d06800538d394c2");
        assert_eq!(ArticleId::of_pieces(["a", "bc"]).to_string(), "78af5f94892f3950");
    }

    #[test]
    fn article_ids_are_stable_hex() {
        let id = ArticleId::of_pieces(["KUWAIT, March 26 (KUNA) -- text"]);
        assert_eq!(id, ArticleId::of_pieces(["KUWAIT, March 26 ", "(KUNA) -- text"]));
        assert_eq!(id.to_string().len(), 16);
        assert_eq!(id.to_string().parse::<ArticleId>(), Ok(id));
        assert!("xyz".parse::<ArticleId>().is_err());
    }
}
