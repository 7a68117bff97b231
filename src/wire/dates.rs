//! Dates as wire copy writes them: month names in several languages, the date forms of
//! datelines, and the dated evidence found around an article (capture prefixes, MENAFN id lines,
//! KUNA filing stamps, page stamps, full dates in the text), plus year inference.

use std::sync::LazyLock;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use regex::Regex;

use crate::article::Timestamp;

/// A date as a dateline writes it: always a month and a day, sometimes a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrittenDate {
    /// The year, when written.
    pub year: Option<i32>,
    /// The month, 1 to 12.
    pub month: u32,
    /// The day of the month.
    pub day: u32,
}

impl WrittenDate {
    /// The calendar date, when the year is written and the day exists.
    pub fn full(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month, self.day)
    }
}

/// Month names and abbreviations (English, French, Spanish, German), lowercase, without periods.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("janvier", 1),
    ("janv", 1),
    ("enero", 1),
    ("januar", 1),
    ("february", 2),
    ("feb", 2),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("fevr", 2),
    ("febrero", 2),
    ("februar", 2),
    ("march", 3),
    ("mar", 3),
    ("mars", 3),
    ("marzo", 3),
    ("märz", 3),
    ("maerz", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("avr", 4),
    ("abril", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("june", 6),
    ("jun", 6),
    ("juin", 6),
    ("junio", 6),
    ("juni", 6),
    ("july", 7),
    ("jul", 7),
    ("juillet", 7),
    ("juil", 7),
    ("julio", 7),
    ("juli", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("setiembre", 9),
    ("october", 10),
    ("oct", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("oktober", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("december", 12),
    ("dec", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    ("diciembre", 12),
    ("dezember", 12),
];

/// Month names that only page stamps use (Portuguese, Indonesian and Malay), kept apart from
/// [`MONTHS`] because some are also place names (`Rio de Janeiro`).
const STAMP_MONTHS: &[(&str, u32)] = &[
    // Portuguese.
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("marco", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    // Indonesian and Malay.
    ("januari", 1),
    ("februari", 2),
    ("maret", 3),
    ("mei", 5),
    ("julai", 7),
    ("agustus", 8),
    ("ogos", 8),
    ("desember", 12),
    ("disember", 12),
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
];

/// Weekday names in other languages that pages print in their date stamps (`Senin, 30 April
/// 2012`, `sexta-feira, 8 de julho de 2011`); only the first word of a compound is listed.
const OTHER_WEEKDAYS: &[&str] = &[
    // Spanish and Portuguese.
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
    "segunda",
    "terça",
    "quarta",
    "quinta",
    "sexta",
    // German.
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    // Indonesian and Malay.
    "senin",
    "isnin",
    "selasa",
    "rabu",
    "kamis",
    "khamis",
    "jumat",
    "sabtu",
    "minggu",
    "ahad",
];

/// The month a word names (`Sept.`, `March`, `Septembre`, `mai`), case-insensitive.
pub fn month_number(word: &str) -> Option<u32> {
    let word = word.strip_suffix('.').unwrap_or(word);
    if word.len() < 3 || word.len() > 10 {
        return None;
    }
    if !word.starts_with(char::is_alphabetic) {
        return None;
    }
    let exact = if word.is_ascii() {
        MONTHS.iter().find(|(name, _)| name.eq_ignore_ascii_case(word))
    } else {
        let lower = word.to_lowercase();
        MONTHS.iter().find(|(name, _)| *name == lower)
    };
    exact.map(|&(_, month)| month).or_else(|| {
        // A clipped English month (`Marc 3`, `Septem`): a prefix of a full name.
        let clipped = word.len() >= 4 && word.is_ascii();
        ENGLISH_MONTHS
            .iter()
            .position(|name| {
                clipped && name.len() > word.len() && name[..word.len()].eq_ignore_ascii_case(word)
            })
            .map(|index| [1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12][index])
    })
}

const ENGLISH_MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// True for a weekday name or abbreviation (`Tuesday`, `Tues.`, `mardi`).
pub fn is_weekday(word: &str) -> bool {
    let word = word.trim_end_matches([',', '.']);
    WEEKDAYS.iter().any(|day| day.eq_ignore_ascii_case(word))
}

/// True for a weekday in English, French or one of the other languages of page stamps
/// (`Senin`, `sexta`, `Donnerstag`).
pub fn is_weekday_in_any_language(word: &str) -> bool {
    let word = word.trim_end_matches([',', '.']);
    is_weekday(word) || OTHER_WEEKDAYS.contains(&word.to_lowercase().as_str())
}

/// Parses a written date at the start of `text`: `March 26`, `Sept. 1`, `March. 20`,
/// `Nov. 01, 2021`, `Apr 6 2023`, `14 May 2022`, `29th November, 2015`, `25 Oct`,
/// `16 Septembre`, `Tuesday, 02 May 2023`. Returns the date and the bytes it takes.
///
/// ```
/// use newsdesk::wire::dates::parse_written_date;
/// let (date, len) = parse_written_date("Sept. 1 (Xinhua) --").unwrap();
/// assert_eq!((date.month, date.day, date.year, len), (9, 1, None, 7));
/// ```
pub fn parse_written_date(text: &str) -> Option<(WrittenDate, usize)> {
    let mut pos = 0;
    // An optional weekday: `Tuesday, 02 May 2023`.
    let (first, first_end) = word_at(text, 0);
    if is_weekday(first) {
        pos = skip_spaces(text, first_end);
        if text[pos..].starts_with(',') {
            pos = skip_spaces(text, pos + 1);
        }
    }
    let (month, day, mut end) = month_then_day(text, pos).or_else(|| day_then_month(text, pos))?;
    let mut year = None;
    // A year after the day or the month: `, 2024`, ` 2023`, `,2019`.
    let mut after = end;
    if text[after..].starts_with(',') {
        after += 1;
    }
    let after = skip_spaces(text, after);
    if let Some((value, year_end)) = digits_at(text, after, 4) {
        if (1900..=2100).contains(&value) && !next_is_alphanumeric(text, year_end) {
            year = Some(value as i32);
            end = year_end;
        }
    }
    let date = WrittenDate { year, month, day };
    let valid = match year {
        Some(_) => date.full().is_some(),
        None => NaiveDate::from_ymd_opt(2000, month, day).is_some(),
    };
    valid.then_some((date, end))
}

/// `Month[.] Day[ordinal]` at `pos`.
fn month_then_day(text: &str, pos: usize) -> Option<(u32, u32, usize)> {
    let (word, word_end) = word_at(text, pos);
    let month = month_number(word)?;
    let mut after = word_end;
    if text[after..].starts_with('.') {
        after += 1;
    }
    let day_pos = skip_spaces(text, after);
    if day_pos == after {
        return None;
    }
    let (day, end) = day_at(text, day_pos)?;
    Some((month, day, end))
}

/// `Day[ordinal] Month[.]` at `pos`.
fn day_then_month(text: &str, pos: usize) -> Option<(u32, u32, usize)> {
    let (day, day_end) = day_at(text, pos)?;
    let month_pos = skip_spaces(text, day_end);
    if month_pos == day_end {
        return None;
    }
    let (word, mut end) = word_at(text, month_pos);
    let month = month_number(word)?;
    if text[end..].starts_with('.') {
        end += 1;
    }
    Some((month, day, end))
}

/// A day number (1–31, one or two digits) with an optional ordinal suffix.
fn day_at(text: &str, pos: usize) -> Option<(u32, usize)> {
    let bytes = text.as_bytes();
    let digits = bytes[pos..].iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let day: u32 = text[pos..pos + digits].parse().ok()?;
    if !(1..=31).contains(&day) {
        return None;
    }
    let mut end = pos + digits;
    for suffix in ["st", "nd", "rd", "th"] {
        if text[end..].starts_with(suffix) {
            end += suffix.len();
            break;
        }
    }
    (!next_is_alphanumeric(text, end)).then_some((day, end))
}

/// Exactly `count` ASCII digits at `pos`, not followed by another digit.
fn digits_at(text: &str, pos: usize, count: usize) -> Option<(u32, usize)> {
    let bytes = text.as_bytes();
    let digits = bytes[pos..].iter().take_while(|b| b.is_ascii_digit()).count();
    if digits != count {
        return None;
    }
    Some((text[pos..pos + count].parse().ok()?, pos + count))
}

/// The run of letters at `pos` (a word), and where it ends.
fn word_at(text: &str, pos: usize) -> (&str, usize) {
    let len: usize = text[pos..]
        .chars()
        .take_while(|c| c.is_alphabetic())
        .map(char::len_utf8)
        .sum();
    (&text[pos..pos + len], pos + len)
}

fn skip_spaces(text: &str, pos: usize) -> usize {
    pos + text[pos..].bytes().take_while(|&b| b == b' ').count()
}

fn next_is_alphanumeric(text: &str, pos: usize) -> bool {
    text[pos..].chars().next().is_some_and(char::is_alphanumeric)
}

/// The ` date YYYY-MM[-DD]` prefix that capture tools put in front of page text. Returns the
/// timestamp and the bytes it takes, with the spaces after it.
///
/// ```
/// use newsdesk::wire::dates::capture_prefix;
/// let (stamp, len) = capture_prefix(" date 2024-03-26 (MENAFN- KUNA)").unwrap();
/// assert_eq!((stamp.to_string().as_str(), len), ("2024-03-26", 17));
/// ```
pub fn capture_prefix(text: &str) -> Option<(Timestamp, usize)> {
    let start = skip_spaces(text, 0);
    let rest = text[start..].strip_prefix("date ")?;
    let pos = text.len() - rest.len();
    let (year, after_year) = digits_at(text, pos, 4)?;
    let month_pos = after_year + usize::from(text[after_year..].starts_with('-'));
    if month_pos == after_year {
        return None;
    }
    let (month, after_month) = digits_at(text, month_pos, 2)?;
    let mut end = after_month;
    let mut day = None;
    if text[end..].starts_with('-') {
        let (value, after_day) = digits_at(text, end + 1, 2)?;
        day = Some(value);
        end = after_day;
    }
    if next_is_alphanumeric(text, end) {
        return None;
    }
    let stamp = match day {
        Some(day) => Timestamp::Date(NaiveDate::from_ymd_opt(year as i32, month, day)?),
        None if (1..=12).contains(&month) => Timestamp::Month {
            year: year as i32,
            month,
        },
        None => return None,
    };
    let end = end
        + text[end..]
            .bytes()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
    Some((stamp, end))
}

static MENAFN_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^MENAFN(\d{2})(\d{2})(\d{4})\d*ID\d+$").expect("valid regex"));

/// The publication date in a MENAFN id line (`MENAFN26032024000071011013ID1107993908`: the
/// digits after `MENAFN` are day, month, year).
pub fn menafn_id(line: &str) -> Option<NaiveDate> {
    let line = line.trim();
    if !line.starts_with("MENAFN") || line.len() > 80 {
        return None;
    }
    let caps = MENAFN_ID.captures(line)?;
    let number = |i: usize| caps.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    NaiveDate::from_ymd_opt(number(3)? as i32, number(2)?, number(1)?)
}

static KUNA_STAMP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bKUNA (\d{2})(\d{2})(\d{2}) ([A-Za-z]{3}) (\d{2})").expect("valid regex"));

/// A KUNA filing stamp (`KUNA 231837 Nov 07`: day, hour, minute, month, two-digit year), in
/// Kuwait time (UTC+3). Returns the time and the byte range of the stamp in `text`.
pub fn kuna_stamp(text: &str) -> Option<(DateTime<FixedOffset>, std::ops::Range<usize>)> {
    if !text.contains("KUNA ") {
        return None;
    }
    let caps = KUNA_STAMP.captures(text)?;
    let number = |i: usize| caps.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let month = month_number(caps.get(4)?.as_str())?;
    let short_year = number(5)? as i32;
    let year = if short_year >= 70 {
        1900 + short_year
    } else {
        2000 + short_year
    };
    let date = NaiveDate::from_ymd_opt(year, month, number(1)?)?;
    let time = NaiveTime::from_hms_opt(number(2)?, number(3)?, 0)?;
    let kuwait = FixedOffset::east_opt(3 * 3600)?;
    let stamp = kuwait.from_local_datetime(&date.and_time(time)).single()?;
    Some((stamp, caps.get(0)?.range()))
}

const MONTH_PATTERN: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

static FULL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?i)\b(?:(?P<m1>{m})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s*(?P<y1>(?:19|20)\d\d)|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{m})\.?,?\s+(?P<y2>(?:19|20)\d\d)|(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d)|(?P<a4>\d{{1,2}})[/.-](?P<b4>\d{{1,2}})[/.-](?P<y4>(?:19|20)\d\d))\b",
        m = MONTH_PATTERN
    );
    Regex::new(&pattern).expect("valid regex")
});

/// Every unambiguous full date written in `text` (`March 26, 2024`, `26 March 2024`,
/// `2024-03-26`, `26/03/2024`), with its byte range. A numeric date whose first two parts could
/// each be the month (`04/05/2024`) is skipped.
pub fn full_dates(text: &str) -> impl Iterator<Item = (NaiveDate, std::ops::Range<usize>)> + '_ {
    FULL_DATE.captures_iter(text).filter_map(|caps| {
        let range = caps.get(0)?.range();
        let number = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
        let month_named = |name: &str| caps.name(name).and_then(|m| month_number(m.as_str()));
        let date = if let Some(month) = month_named("m1") {
            NaiveDate::from_ymd_opt(number("y1")? as i32, month, number("d1")?)
        } else if let Some(month) = month_named("m2") {
            NaiveDate::from_ymd_opt(number("y2")? as i32, month, number("d2")?)
        } else if let Some(year) = number("y3") {
            NaiveDate::from_ymd_opt(year as i32, number("m3")?, number("d3")?)
        } else {
            let (a, b, year) = (number("a4")?, number("b4")?, number("y4")? as i32);
            match (a > 12, b > 12) {
                (true, false) => NaiveDate::from_ymd_opt(year, b, a),
                (false, true) => NaiveDate::from_ymd_opt(year, a, b),
                _ if a == b => NaiveDate::from_ymd_opt(year, a, b),
                _ => None,
            }
        };
        Some((date?, range))
    })
}

static STAMP_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let mut names: Vec<&str> = MONTHS.iter().chain(STAMP_MONTHS).map(|(name, _)| *name).collect();
    names.sort_by_key(|name| std::cmp::Reverse(name.len()));
    let pattern = format!(
        r"(?i)\b(?:(?P<m1>{m})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s*(?P<y1>(?:19|20)\d\d)|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+de\s+|\s*/\s*|\s+)(?P<m2>{m})\.?(?:\s*/\s*[a-z]{{3}}\.?)?(?:,\s*|\s+de\s+|\s*/\s*|\s+)(?P<y2>(?:19|20)\d\d)|(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d)|(?P<a4>\d{{1,2}})(?P<s4>[/.-])(?P<b4>\d{{1,2}})[/.-](?P<y4>(?:19|20)\d\d))\b",
        m = names.join("|")
    );
    Regex::new(&pattern).expect("valid regex")
});

/// The first date of a page stamp, in the forms pages print: those of [`full_dates`], month
/// names of other languages (`8 de julho de 2011`, `Senin, 30 April 2012`), a month between
/// slashes (`08/November/2023`) or followed by its abbreviation (`25 August / Aug 2014`), and
/// numeric dates whose first parts could each be the month: day first when written with dots
/// or hyphens (`07.02.2013`, `11-01-2026`, the European orders), and with slashes when a
/// weekday before it fits only one reading (`Thu, 01/10/2013`) or, fitting both, in the US
/// order of the sites that print a weekday this way.
pub fn stamp_date(line: &str) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    let caps = STAMP_DATE.captures(line)?;
    let range = caps.get(0)?.range();
    let number = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let month_named = |name: &str| {
        caps.name(name).and_then(|m| {
            let lower = m.as_str().to_lowercase();
            month_number(m.as_str()).or_else(|| {
                STAMP_MONTHS
                    .iter()
                    .find(|(month, _)| *month == lower)
                    .map(|&(_, number)| number)
            })
        })
    };
    let date = if let Some(month) = month_named("m1") {
        NaiveDate::from_ymd_opt(number("y1")? as i32, month, number("d1")?)
    } else if let Some(month) = month_named("m2") {
        NaiveDate::from_ymd_opt(number("y2")? as i32, month, number("d2")?)
    } else if let Some(year) = number("y3") {
        NaiveDate::from_ymd_opt(year as i32, number("m3")?, number("d3")?)
    } else {
        let (a, b, year) = (number("a4")?, number("b4")?, number("y4")? as i32);
        let day_first = NaiveDate::from_ymd_opt(year, b, a);
        let month_first = NaiveDate::from_ymd_opt(year, a, b);
        match (a > 12, b > 12) {
            (true, false) => day_first,
            (false, true) => month_first,
            (true, true) => None,
            (false, false) if caps.name("s4").is_some_and(|s| s.as_str() != "/") => day_first,
            (false, false) => {
                let weekday = line[..range.start]
                    .split(|c: char| !c.is_alphabetic())
                    .rev()
                    .find(|word| !word.is_empty())
                    .and_then(weekday_number);
                let fits = |date: Option<NaiveDate>| {
                    date.is_some_and(|d| Some(d.weekday().num_days_from_monday()) == weekday)
                };
                match (fits(month_first), fits(day_first)) {
                    (true, _) => month_first,
                    (false, true) => day_first,
                    (false, false) => None,
                }
            }
        }
    };
    Some((date?, range))
}

/// The day of the week an English weekday name or abbreviation gives, Monday = 0.
fn weekday_number(word: &str) -> Option<u32> {
    let lower = word.to_ascii_lowercase();
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        .iter()
        .position(|day| lower.starts_with(day) && is_weekday(word))
        .and_then(|index| u32::try_from(index).ok())
}

static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?P<h>\d{1,2}):(?P<m>\d\d)(?::(?P<s>\d\d))?(?:\s*(?P<ampm>[ap])\.?m\b\.?)?(?:\s*\(?(?:(?P<utc>UTC|GMT)\s*(?P<off>[+-]\d{1,2}(?::?\d\d)?)?|(?P<zone>JST|KST|IST|EDT|EST|CDT|CST|PDT|PST|MYT|AST|GST|MSK|CET|CEST|BST))\b)?")
        .expect("valid regex")
});

/// A page header stamp: a short line that is mostly a date, often with a time and a zone
/// (`Source: Xinhua| 2019-07-14 06:12:55|Editor: lu`, `All News 09:05 April 11, 2022`,
/// `25 April 2009 13:15 (UTC +04:00)`, `25/05/2022 08:50 PM`).
pub fn page_stamp(line: &str) -> Option<Timestamp> {
    let line = line.trim();
    let digits = line.bytes().filter(u8::is_ascii_digit).count();
    if line.len() > 120 || digits < 4 {
        return None;
    }
    let (date, range) = stamp_date(line)?;
    let clock = CLOCK.captures(line);
    let clock_len = clock.as_ref().and_then(|c| c.get(0)).map_or(0, |m| m.len());
    // Mostly date: the words left besides the date and the time are few, or `|` fields.
    let rest_letters = line.len().saturating_sub(range.len() + clock_len);
    if rest_letters > 40 && !line.contains('|') {
        return None;
    }
    let Some(clock) = clock else {
        return Some(Timestamp::Date(date));
    };
    let number = |name: &str| clock.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let mut hour = number("h")?;
    match clock.name("ampm").map(|m| m.as_str().to_ascii_lowercase()) {
        Some(ampm) if ampm == "p" && hour < 12 => hour += 12,
        Some(ampm) if ampm == "a" && hour == 12 => hour = 0,
        _ => {}
    }
    let time = NaiveTime::from_hms_opt(hour, number("m")?, number("s").unwrap_or(0))?;
    let local = NaiveDateTime::new(date, time);
    let offset_seconds = if let Some(offset) = clock.name("off") {
        parse_offset(offset.as_str())
    } else if clock.name("utc").is_some() {
        Some(0)
    } else {
        clock.name("zone").and_then(|zone| zone_offset(zone.as_str()))
    };
    let zoned = offset_seconds
        .and_then(FixedOffset::east_opt)
        .and_then(|offset| offset.from_local_datetime(&local).single());
    Some(match zoned {
        Some(zoned) => Timestamp::Zoned(zoned),
        None => Timestamp::Local(local),
    })
}

static STAMP_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?P<update>(?:last\s+)?updated?|modified)\b|\b(?P<publish>(?:first\s+)?published|posted)\b",
    )
    .expect("valid regex")
});

/// What a page stamp's label before its date says the date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StampLabel {
    /// `Published:`, `First Published:`, `Posted on`.
    Published,
    /// `Updated:`, `Last Updated :`, `Modified`.
    Updated,
}

/// The label before a stamp's date (`Last Updated : Apr 09 2019`, `First Published: Jun 10
/// 2016`), if it has one.
pub fn stamp_label(line: &str) -> Option<StampLabel> {
    let (_, range) = stamp_date(line)?;
    let label = STAMP_LABEL.captures_iter(&line[..range.start]).last()?;
    Some(if label.name("update").is_some() {
        StampLabel::Updated
    } else {
        StampLabel::Published
    })
}

/// `+04:00`, `+0400`, `-5` as seconds east of UTC.
fn parse_offset(text: &str) -> Option<i32> {
    let sign = if text.starts_with('-') { -1 } else { 1 };
    let digits: String = text[1..].chars().filter(char::is_ascii_digit).collect();
    let (hours, minutes) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        3 | 4 => {
            let split = digits.len() - 2;
            (digits[..split].parse().ok()?, digits[split..].parse().ok()?)
        }
        _ => return None,
    };
    Some(sign * (hours * 3600 + minutes * 60))
}

fn zone_offset(zone: &str) -> Option<i32> {
    let minutes_east = match zone.to_ascii_uppercase().as_str() {
        "JST" | "KST" => 9 * 60,
        "IST" => 5 * 60 + 30,
        "EDT" => -4 * 60,
        "EST" | "CDT" => -5 * 60,
        "CST" => -6 * 60,
        "PDT" => -7 * 60,
        "PST" => -8 * 60,
        "MYT" => 8 * 60,
        "AST" | "MSK" => 3 * 60,
        "GST" => 4 * 60,
        "CET" | "BST" => 60,
        "CEST" => 2 * 60,
        _ => return None,
    };
    Some(minutes_east * 60)
}

/// The year that puts month/day nearest to the evidence date (within a year either way).
pub fn nearest_year(month: u32, day: u32, evidence: NaiveDate) -> Option<i32> {
    let year = evidence.year();
    [year, year - 1, year + 1]
        .into_iter()
        .filter_map(|candidate| NaiveDate::from_ymd_opt(candidate, month, day))
        .min_by_key(|date| (*date - evidence).num_days().abs())
        .map(|date| date.year())
}

/// The latest year in which month/day falls on or before `limit` (the file-mtime rule).
pub fn latest_year_not_after(month: u32, day: u32, limit: NaiveDate) -> Option<i32> {
    (0..8)
        .map(|back| limit.year() - back)
        .find(|&year| NaiveDate::from_ymd_opt(year, month, day).is_some_and(|date| date <= limit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamp_dates_in_the_forms_pages_print() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let date = |line: &str| stamp_date(line).map(|(date, _)| date);
        assert_eq!(date("quarta-feira, 3 de março de 2010"), day(2010, 3, 3));
        assert_eq!(date("Selasa, 14 Mei 2013"), day(2013, 5, 14));
        assert_eq!(date("Muscat Tuesday 05/September/2023 10:15 AM"), day(2023, 9, 5));
        assert_eq!(date("Sat 12 March / Mar 2016. 09:30 AM"), day(2016, 3, 12));
        assert_eq!(date("04.03.2015 11:20"), day(2015, 3, 4));
        assert_eq!(date("09-02-2021 06:40 PM"), day(2021, 2, 9));
        assert_eq!(date("Tue, 02/05/2013 - 09:12"), day(2013, 2, 5));
        assert_eq!(date("Thu, 02/05/2013 - 09:12"), day(2013, 5, 2));
        assert_eq!(date("02/05/2013"), None);
        assert_eq!(date("25/05/2022 08:50 PM"), day(2022, 5, 25));
    }

    #[test]
    fn stamp_labels() {
        assert_eq!(
            stamp_label("1 min read Last Updated : Mar 09 2021 | 4:12 PM IST"),
            Some(StampLabel::Updated)
        );
        assert_eq!(
            stamp_label("First Published: Jun 02 2016 | 1:07 AM IST"),
            Some(StampLabel::Published)
        );
        assert_eq!(stamp_label("04.03.2015 - Update : 04.03.2015"), None);
        assert_eq!(stamp_label("25/05/2022 08:50 PM"), None);
    }

    #[test]
    fn weekdays_of_other_languages() {
        for word in ["Senin", "sexta", "Donnerstag", "Monday", "mardi"] {
            assert!(is_weekday_in_any_language(word), "{word}");
        }
        assert!(!is_weekday_in_any_language("Sejong"));
        assert!(!is_weekday("Domingo"));
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn dateline_date_forms() {
        let cases: &[(&str, Option<i32>, u32, u32, &str)] = &[
            ("March 26 (KUNA)", None, 3, 26, " (KUNA)"),
            ("Sept 5 (KUNA)", None, 9, 5, " (KUNA)"),
            ("Sept. 1 (Xinhua)", None, 9, 1, " (Xinhua)"),
            ("March. 20 (Xinhuanet)", None, 3, 20, " (Xinhuanet)"),
            ("Sep 23:", None, 9, 23, ":"),
            ("Nov. 01, 2021 (GLOBE", Some(2021), 11, 1, " (GLOBE"),
            ("May 02, 2024 (GLOBE", Some(2024), 5, 2, " (GLOBE"),
            ("Apr 6 2023 –", Some(2023), 4, 6, " –"),
            ("14 May 2022 (WAM)", Some(2022), 5, 14, " (WAM)"),
            ("29th November, 2015 (WAM)", Some(2015), 11, 29, " (WAM)"),
            ("25 Oct (ONA)", None, 10, 25, " (ONA)"),
            ("16 Septembre (KUNA)", None, 9, 16, " (KUNA)"),
            ("14 mai 2018 (GLOBE", Some(2018), 5, 14, " (GLOBE"),
            ("Tuesday, 02 May 2023 (APS)", Some(2023), 5, 2, " (APS)"),
            ("June 15. /TASS/.", None, 6, 15, ". /TASS/."),
            ("march 4 - colombia", None, 3, 4, " - colombia"),
            ("Marc 3 - KeyCorp", None, 3, 3, " - KeyCorp"),
        ];
        for &(text, year, month, day, rest) in cases {
            let (parsed, len) = parse_written_date(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(parsed, WrittenDate { year, month, day }, "{text}");
            assert_eq!(&text[len..], rest, "{text}");
        }
    }

    #[test]
    fn non_dates_are_refused() {
        for text in [
            "Tenn. (AP)",
            "Marching 5",
            "March",
            "32 May",
            "Feb 30 2023",
            "May 5th1",
            "1993 --",
            "Monday said",
        ] {
            assert!(parse_written_date(text).is_none(), "{text}");
        }
    }

    #[test]
    fn capture_prefixes() {
        let (stamp, len) = capture_prefix(" date 2020-03 Ich freue").expect("month prefix");
        assert_eq!(stamp, Timestamp::Month { year: 2020, month: 3 });
        assert_eq!(len, 14);
        assert!(capture_prefix("date 2024-13-01 x").is_none());
        assert!(capture_prefix("dated 2024-03-01").is_none());
        assert!(capture_prefix(" date 2024-03-26<!DOCTYPE html>").is_some());
    }

    #[test]
    fn menafn_ids_give_day_month_year() {
        assert_eq!(
            menafn_id("MENAFN05092023000071011013ID1107006744"),
            Some(date(2023, 9, 5))
        );
        assert_eq!(menafn_id("MENAFN32092023000071011013ID1107006744"), None);
        assert_eq!(menafn_id("MENAFN provides the information"), None);
    }

    #[test]
    fn kuna_stamps_are_kuwait_time() {
        let (stamp, range) = kuna_stamp("(end) jk.ajs KUNA 231837 Nov 07NNNN").expect("stamp");
        assert_eq!(stamp.to_rfc3339(), "2007-11-23T18:37:00+03:00");
        assert_eq!(range, 13..31);
    }

    #[test]
    fn full_dates_in_text() {
        let text = "On March 26, 2024 and 5 April 2023, then 2022-01-02, 31/12/2021 but not 04/05/2020.";
        let found: Vec<NaiveDate> = full_dates(text).map(|(d, _)| d).collect();
        assert_eq!(
            found,
            [
                date(2024, 3, 26),
                date(2023, 4, 5),
                date(2022, 1, 2),
                date(2021, 12, 31)
            ]
        );
    }

    #[test]
    fn page_stamps() {
        let cases = [
            (
                "Source: Xinhua| 2019-07-14 06:12:55|Editor: lu",
                "2019-07-14T06:12:55",
            ),
            ("All News 09:05 April 11, 2022", "2022-04-11T09:05:00"),
            ("25 April 2009 13:15 (UTC +04:00)", "2009-04-25T13:15:00+04:00"),
            ("25/05/2022 08:50 PM", "2022-05-25T20:50:00"),
            ("15:00 JST, December 23, 2022", "2022-12-23T15:00:00+09:00"),
            ("Updated: 2013-03-31", "2013-03-31"),
        ];
        for (line, expected) in cases {
            assert_eq!(
                page_stamp(line).map(|t| t.to_string()).as_deref(),
                Some(expected),
                "{line}"
            );
        }
        assert!(
            page_stamp(
                "The treaty signed on March 26, 2019 was the first of many such agreements in the region."
            )
            .is_none()
        );
    }

    #[test]
    fn year_inference() {
        assert_eq!(nearest_year(12, 31, date(2024, 1, 1)), Some(2023));
        assert_eq!(nearest_year(1, 1, date(2023, 12, 31)), Some(2024));
        assert_eq!(nearest_year(3, 26, date(2024, 3, 26)), Some(2024));
        assert_eq!(latest_year_not_after(11, 20, date(2026, 11, 19)), Some(2025));
        assert_eq!(latest_year_not_after(11, 19, date(2026, 11, 19)), Some(2026));
        assert_eq!(latest_year_not_after(2, 29, date(2026, 3, 1)), Some(2024));
    }
}
