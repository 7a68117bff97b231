//! Time expressions in article text (annotation kind `date`): weekdays, written and numeric dates,
//! relative days and periods, quarters and halves, seasons, years, decades and clock times, each
//! resolved where possible against the article's publication date.
//!
//! One pass splits the text into tokens (words, digit runs, single punctuation marks) and gives
//! each word a keyword class from one `match`; month names come from the wire parser's tables
//! ([`crate::wire::dates`]), which also parses the written and numeric dates. Every token then
//! offers the longest expression that starts on it; overlapping offers are settled longest first.
//! Anaphoric days (`the next day`) are resolved last, from the day named before them.
//!
//! Conventions: ranges include both ends; weeks are ISO weeks (Monday to Sunday); seasons are
//! meteorological and Northern-hemisphere (spring is March to May, winter is December to
//! February and belongs to the year of its December); a bare or `last` weekday is read as past
//! (news copy is written in the past tense); a date, a month or a season without a year takes the
//! occurrence nearest the reference; a quarter or half without a year is the one under way or just
//! ended, unless the next one begins within 45 days. Prepositions (`on Tuesday`, `in 1990`) stay
//! outside the span; `the` belongs to it (`the first quarter`, `the next day`).

use std::cmp::Reverse;
use std::collections::BTreeMap;

use chrono::{Datelike, Days, Month, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::wire::dates::{full_dates, month_number, nearest_year, parse_written_date};

/// A time expression found in text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeExpression {
    /// Byte offset of the first byte of the expression (on a char boundary).
    pub start: usize,
    /// Byte offset just past the expression (half-open, on a char boundary).
    pub end: usize,
    /// What the expression means on the calendar, when that can be worked out.
    pub resolved: Option<Resolved>,
}

/// What a time expression means on the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Resolved {
    /// One day: `Tuesday`, `March 26`, `yesterday`, `1996-08-30`, `two days ago`.
    Day {
        /// The day.
        date: NaiveDate,
    },
    /// A run of days, both ends included: `this week`, `last month`, `March 2024`, `2019`,
    /// `the first quarter`, `last winter`.
    Range {
        /// The first day.
        from: NaiveDate,
        /// The last day (included).
        to: NaiveDate,
    },
}

/// Finds the time expressions in `text`; `reference` is the article's publication date, used
/// to resolve relative and partial expressions (None: only absolute dates are resolved).
///
/// Expressions come back in text order and never overlap.
///
/// ```
/// use chrono::NaiveDate;
/// use newsdesk::annotate::time::{find_times, Resolved};
///
/// let text = "The envoy landed on Monday, met the cabinet the next day and flies home next week.";
/// let published = NaiveDate::from_ymd_opt(2024, 3, 26); // a Tuesday
/// let found = find_times(text, published);
/// let spans: Vec<&str> = found.iter().map(|t| &text[t.start..t.end]).collect();
/// assert_eq!(spans, ["Monday", "the next day", "next week"]);
/// let date = |d| NaiveDate::from_ymd_opt(2024, 3, d).unwrap();
/// assert_eq!(found[0].resolved, Some(Resolved::Day { date: date(25) }));
/// assert_eq!(found[1].resolved, Some(Resolved::Day { date: date(26) }));
/// let next_week = Resolved::Range { from: NaiveDate::from_ymd_opt(2024, 4, 1).unwrap(),
///                                   to: NaiveDate::from_ymd_opt(2024, 4, 7).unwrap() };
/// assert_eq!(found[2].resolved, Some(next_week));
///
/// // Without a publication date only absolute dates are resolved.
/// let found = find_times("Talks opened on 26 March 2024 and end on Friday.", None);
/// assert!(found[0].resolved.is_some());
/// assert_eq!(found[1].resolved, None);
/// ```
pub fn find_times(text: &str, reference: Option<NaiveDate>) -> Vec<TimeExpression> {
    let tokens = tokenize(text);
    let scan = Scan {
        text,
        tokens: &tokens,
        reference,
    };
    let candidates: Vec<Candidate> = (0..tokens.len()).filter_map(|i| scan.longest_at(i)).collect();
    let mut previous_day = None;
    settle(candidates)
        .into_iter()
        .map(|candidate| {
            let resolved = match candidate.meaning {
                Meaning::Fixed(resolved) => resolved,
                Meaning::After(days) => previous_day
                    .and_then(|day| shift(day, days))
                    .map(|date| Resolved::Day { date }),
            };
            if let Some(Resolved::Day { date }) = resolved {
                previous_day = Some(date);
            }
            TimeExpression {
                start: candidate.start,
                end: candidate.end,
                resolved,
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    kind: Kind,
    /// The keyword class of a word.
    key: Key,
    /// The month a word names (1 to 12), 0 for none.
    month: u8,
    /// The character of a punctuation token.
    ch: char,
    /// A blank line separates this token from the one before.
    broken: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
    Hour,
}

/// Keyword classes of words (everything else is `None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    None,
    /// 0 = Monday.
    Weekday(u8),
    Today,
    Tonight,
    Yesterday,
    Tomorrow,
    This,
    Last,
    Next,
    Past,
    Coming,
    Previous,
    Following,
    Same,
    Earlier,
    Later,
    Early,
    Late,
    Mid,
    Ago,
    The,
    /// `a`, `an`.
    A,
    /// `one` to `twelve`.
    Count(u8),
    Couple,
    /// `few`, `several`, `many`, `some`.
    Few,
    Of,
    In,
    On,
    At,
    And,
    To,
    /// `since`, `until`, `till`, `during`, `through`, `throughout`.
    Strong,
    /// `by`, `from`, `between`: before a number they may introduce an amount.
    Weak,
    Before,
    After,
    Unit(Unit),
    Units(Unit),
    Weekend,
    /// 0 morning, 1 afternoon, 2 evening, 3 night.
    PartOfDay(u8),
    /// `about`, `around`.
    About,
    Noon,
    Midnight,
    /// `first` to `fourth`.
    Ordinal(u8),
    Final,
    Quarter,
    Half,
    /// 0 spring, 1 summer, 2 autumn/fall, 3 winter.
    Season(u8),
    Zone,
    Local,
    Time,
    Am,
    Pm,
    P,
    M,
    /// Capital `Q` (of `Q1`).
    Q,
    /// Capital `H` (of `H1`).
    H,
}

/// The keyword class of a word, case-insensitive (`Q` and `H` only as capitals).
fn classify(word: &str) -> Key {
    let bytes = word.as_bytes();
    if bytes.len() > 10 || !word.is_ascii() {
        return Key::None;
    }
    match word {
        "Q" => return Key::Q,
        "H" => return Key::H,
        _ => {}
    }
    let mut buffer = [0u8; 10];
    let lower = &mut buffer[..bytes.len()];
    lower.copy_from_slice(bytes);
    lower.make_ascii_lowercase();
    match &*lower {
        b"monday" => Key::Weekday(0),
        b"tuesday" => Key::Weekday(1),
        b"wednesday" => Key::Weekday(2),
        b"thursday" => Key::Weekday(3),
        b"friday" => Key::Weekday(4),
        b"saturday" => Key::Weekday(5),
        b"sunday" => Key::Weekday(6),
        b"today" => Key::Today,
        b"tonight" => Key::Tonight,
        b"yesterday" => Key::Yesterday,
        b"tomorrow" => Key::Tomorrow,
        b"this" => Key::This,
        b"last" => Key::Last,
        b"next" => Key::Next,
        b"past" => Key::Past,
        b"coming" => Key::Coming,
        b"previous" => Key::Previous,
        b"following" => Key::Following,
        b"same" => Key::Same,
        b"earlier" => Key::Earlier,
        b"later" => Key::Later,
        b"early" => Key::Early,
        b"late" => Key::Late,
        b"mid" => Key::Mid,
        b"ago" => Key::Ago,
        b"the" => Key::The,
        b"a" | b"an" => Key::A,
        b"one" => Key::Count(1),
        b"two" => Key::Count(2),
        b"three" => Key::Count(3),
        b"four" => Key::Count(4),
        b"five" => Key::Count(5),
        b"six" => Key::Count(6),
        b"seven" => Key::Count(7),
        b"eight" => Key::Count(8),
        b"nine" => Key::Count(9),
        b"ten" => Key::Count(10),
        b"eleven" => Key::Count(11),
        b"twelve" => Key::Count(12),
        b"couple" => Key::Couple,
        b"few" | b"several" | b"many" | b"some" => Key::Few,
        b"of" => Key::Of,
        b"in" => Key::In,
        b"on" => Key::On,
        b"at" => Key::At,
        b"and" => Key::And,
        b"to" => Key::To,
        b"since" | b"until" | b"till" | b"during" | b"through" | b"throughout" => Key::Strong,
        b"by" | b"from" | b"between" => Key::Weak,
        b"before" => Key::Before,
        b"after" => Key::After,
        b"day" => Key::Unit(Unit::Day),
        b"days" => Key::Units(Unit::Day),
        b"week" => Key::Unit(Unit::Week),
        b"weeks" => Key::Units(Unit::Week),
        b"month" => Key::Unit(Unit::Month),
        b"months" => Key::Units(Unit::Month),
        b"year" => Key::Unit(Unit::Year),
        b"years" => Key::Units(Unit::Year),
        b"hour" => Key::Unit(Unit::Hour),
        b"hours" => Key::Units(Unit::Hour),
        b"weekend" => Key::Weekend,
        b"morning" => Key::PartOfDay(0),
        b"afternoon" => Key::PartOfDay(1),
        b"evening" => Key::PartOfDay(2),
        b"night" => Key::PartOfDay(3),
        b"about" | b"around" => Key::About,
        b"noon" | b"midday" => Key::Noon,
        b"midnight" => Key::Midnight,
        b"first" => Key::Ordinal(1),
        b"second" => Key::Ordinal(2),
        b"third" => Key::Ordinal(3),
        b"fourth" => Key::Ordinal(4),
        b"final" => Key::Final,
        b"quarter" => Key::Quarter,
        b"half" => Key::Half,
        b"spring" => Key::Season(0),
        b"summer" => Key::Season(1),
        b"autumn" | b"fall" => Key::Season(2),
        b"winter" => Key::Season(3),
        b"gmt" | b"utc" | b"edt" | b"est" | b"cdt" | b"cst" | b"pdt" | b"pst" | b"jst" | b"kst" | b"ist"
        | b"myt" | b"ast" | b"gst" | b"msk" | b"cet" | b"cest" | b"bst" | b"eet" | b"eest" | b"sgt"
        | b"hkt" | b"aest" | b"aedt" | b"wib" => Key::Zone,
        b"local" => Key::Local,
        b"time" => Key::Time,
        b"am" => Key::Am,
        b"pm" => Key::Pm,
        b"p" => Key::P,
        b"m" => Key::M,
        _ => Key::None,
    }
}

/// Splits `text` into words (runs of letters), numbers (runs of ASCII digits) and single
/// punctuation characters, skipping whitespace.
fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(bytes.len() / 6 + 1);
    let mut pos = 0;
    let mut newlines = 0u8;
    while pos < bytes.len() {
        let start = pos;
        let byte = bytes[pos];
        let (kind, ch) = if byte.is_ascii_alphabetic() {
            pos = word_end(text, pos);
            (Kind::Word, '\0')
        } else if byte.is_ascii_digit() {
            pos += bytes[pos..].iter().take_while(|b| b.is_ascii_digit()).count();
            (Kind::Number, '\0')
        } else if byte.is_ascii() {
            pos += 1;
            if byte.is_ascii_whitespace() {
                newlines = newlines.saturating_add(u8::from(byte == b'\n'));
                continue;
            }
            (Kind::Punct, char::from(byte))
        } else {
            let Some(c) = text[pos..].chars().next() else {
                break;
            };
            if c.is_alphabetic() {
                pos = word_end(text, pos);
                (Kind::Word, '\0')
            } else {
                pos += c.len_utf8();
                if c.is_whitespace() {
                    continue;
                }
                (Kind::Punct, c)
            }
        };
        let (key, month) = if kind == Kind::Word {
            let word = &text[start..pos];
            let key = classify(word);
            let month = if key == Key::None && (3..=10).contains(&word.len()) && starts_like_month(word) {
                month_number(word).and_then(|m| u8::try_from(m).ok()).unwrap_or(0)
            } else {
                0
            };
            (key, month)
        } else {
            (Key::None, 0)
        };
        tokens.push(Token {
            start,
            end: pos,
            kind,
            key,
            month,
            ch,
            broken: newlines >= 2,
        });
        newlines = 0;
    }
    tokens
}

fn word_end(text: &str, mut pos: usize) -> usize {
    let bytes = text.as_bytes();
    while pos < bytes.len() {
        let byte = bytes[pos];
        if byte.is_ascii_alphabetic() {
            pos += 1;
        } else if byte.is_ascii() {
            break;
        } else {
            match text[pos..].chars().next() {
                Some(c) if c.is_alphabetic() => pos += c.len_utf8(),
                _ => break,
            }
        }
    }
    pos
}

/// Cheap filter before asking the month tables: month names start with one of these letters.
fn starts_like_month(word: &str) -> bool {
    matches!(
        word.as_bytes()[0].to_ascii_lowercase(),
        b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd'
    )
}

/// The English name of a month (`March`).
fn month_name(month: u32) -> Option<&'static str> {
    let month = Month::try_from(u8::try_from(month).ok()?).ok()?;
    Some(month.name())
}

/// A month word as English running text writes it: the full name, the three-letter
/// abbreviation or `Sept`; not a clipped form (`Marc`) nor another language's name.
fn english_month(word: &str, month: u32) -> bool {
    let Some(name) = month_name(month) else {
        return false;
    };
    word.eq_ignore_ascii_case(name)
        || (word.len() == 3 && name[..3].eq_ignore_ascii_case(word))
        || (month == 9 && word.eq_ignore_ascii_case("sept"))
}

/// A clipped month (`Marc`, `Octo`): the dateline parser accepts it, running text does not.
fn clipped_month(word: &str, month: u32) -> bool {
    let Some(name) = month_name(month) else {
        return false;
    };
    word.is_ascii()
        && word.len() >= 4
        && !english_month(word, month)
        && name.len() > word.len()
        && name[..word.len()].eq_ignore_ascii_case(word)
}

// ---------------------------------------------------------------------------------------------
// Candidates

/// What a candidate means before the anaphoric pass.
#[derive(Debug, Clone, Copy)]
enum Meaning {
    Fixed(Option<Resolved>),
    /// So many days after the previous day named in the text (`the next day`: 1).
    After(i64),
}

#[derive(Debug, Clone, Copy)]
struct Candidate {
    start: usize,
    end: usize,
    meaning: Meaning,
}

/// A match: its last token, its meaning, and whether a clock time may follow it.
#[derive(Debug, Clone, Copy)]
struct Hit {
    last: usize,
    meaning: Meaning,
    dated: bool,
}

impl Hit {
    fn day(last: usize, date: Option<NaiveDate>) -> Hit {
        Hit {
            last,
            meaning: Meaning::Fixed(date.map(|date| Resolved::Day { date })),
            dated: true,
        }
    }

    fn range(last: usize, period: Option<Period>) -> Hit {
        Hit {
            last,
            meaning: Meaning::Fixed(period.map(|(from, to)| Resolved::Range { from, to })),
            dated: false,
        }
    }

    fn unresolved(last: usize) -> Hit {
        Hit {
            last,
            meaning: Meaning::Fixed(None),
            dated: false,
        }
    }

    fn after(last: usize, days: i64) -> Hit {
        Hit {
            last,
            meaning: Meaning::After(days),
            dated: true,
        }
    }
}

/// Keeps the longest candidates that do not overlap (ties: the earlier one), in text order.
fn settle(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.sort_by_key(|c| (Reverse(c.end - c.start), c.start));
    let mut taken: BTreeMap<usize, Candidate> = BTreeMap::new();
    for candidate in candidates {
        let clash_before = taken
            .range(..=candidate.start)
            .next_back()
            .is_some_and(|(_, t)| t.end > candidate.start);
        let clash_after = taken
            .range(candidate.start..)
            .next()
            .is_some_and(|(_, t)| t.start < candidate.end);
        if !clash_before && !clash_after {
            taken.insert(candidate.start, candidate);
        }
    }
    taken.into_values().collect()
}

// ---------------------------------------------------------------------------------------------
// Modifiers in front of a head word

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rel {
    This,
    Last,
    Next,
    /// `past`, `this past`.
    Past,
    /// `coming`, `this coming`.
    Coming,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Early,
    Mid,
    Late,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edge {
    Earlier,
    Later,
}

/// The words in front of a head: `[the] [early|mid-|late|earlier|later] [this|last|next|…]`.
#[derive(Debug, Clone, Copy, Default)]
struct Lead {
    the: bool,
    /// `this past`, `this coming`.
    this: bool,
    part: Option<Part>,
    edge: Option<Edge>,
    rel: Option<Rel>,
}

impl Lead {
    fn is_empty(&self) -> bool {
        !self.the && !self.this && self.part.is_none() && self.edge.is_none() && self.rel.is_none()
    }
}

/// What a period is cut into by `early`, `mid-` and `late`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Grain {
    Week,
    Month,
    Season,
    Year,
    Decade,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Amount {
    Exact(u32),
    Vague,
}

/// The year a quarter or half belongs to.
#[derive(Debug, Clone, Copy)]
enum YearSpec {
    Written(i32),
    /// Years after the reference's (`of last year`: -1).
    Relative(i32),
    Implied,
}

// ---------------------------------------------------------------------------------------------
// The scanner

struct Scan<'t> {
    text: &'t str,
    tokens: &'t [Token],
    reference: Option<NaiveDate>,
}

impl Scan<'_> {
    fn key(&self, i: usize) -> Key {
        self.tokens[i].key
    }

    fn str(&self, i: usize) -> &str {
        &self.text[self.tokens[i].start..self.tokens[i].end]
    }

    /// The next token, unless a blank line comes first.
    fn next(&self, i: usize) -> Option<usize> {
        let j = i + 1;
        (j < self.tokens.len() && !self.tokens[j].broken).then_some(j)
    }

    /// The previous token, unless a blank line comes between.
    fn prev(&self, i: usize) -> Option<usize> {
        (i > 0 && !self.tokens[i].broken).then(|| i - 1)
    }

    /// The next token when it touches this one.
    fn glued(&self, i: usize) -> Option<usize> {
        let j = i + 1;
        (j < self.tokens.len() && self.tokens[j].start == self.tokens[i].end).then_some(j)
    }

    fn glued_before(&self, i: usize) -> Option<usize> {
        (i > 0 && self.tokens[i - 1].end == self.tokens[i].start).then(|| i - 1)
    }

    fn next_is(&self, i: usize, key: Key) -> Option<usize> {
        self.next(i).filter(|&j| self.key(j) == key)
    }

    fn is(&self, i: usize, ch: char) -> bool {
        self.tokens[i].kind == Kind::Punct && self.tokens[i].ch == ch
    }

    fn is_dash(&self, i: usize) -> bool {
        self.is(i, '-') || self.is(i, '–')
    }

    fn capitalized(&self, i: usize) -> bool {
        self.str(i).chars().next().is_some_and(char::is_uppercase)
    }

    fn word_in(&self, i: usize, words: &[&str]) -> bool {
        let word = self.str(i);
        words.iter().any(|w| w.eq_ignore_ascii_case(word))
    }

    /// The value and digit count of a number token.
    fn number(&self, i: usize) -> Option<(u32, usize)> {
        let token = self.tokens[i];
        let digits = &self.text.as_bytes()[token.start..token.end];
        if token.kind != Kind::Number || digits.len() > 9 {
            return None;
        }
        let value = digits.iter().fold(0, |v, d| v * 10 + u32::from(d - b'0'));
        Some((value, digits.len()))
    }

    /// Tokens `first..=last` form whole words: no letter or digit touches either end.
    fn whole(&self, first: usize, last: usize) -> bool {
        let alnum = |j: usize| self.tokens[j].kind != Kind::Punct;
        !self.glued_before(first).is_some_and(alnum) && !self.glued(last).is_some_and(alnum)
    }

    /// A month word at `i` that English running text would write: capitalized, not clipped.
    fn english_month_at(&self, i: usize) -> Option<u32> {
        let token = self.tokens[i];
        let month = u32::from(token.month);
        (token.kind == Kind::Word && month != 0 && self.capitalized(i) && english_month(self.str(i), month))
            .then_some(month)
    }

    /// A year (1900 to 2100, four digits, not part of a decimal or an amount) at `i`.
    fn year_at(&self, i: usize) -> Option<i32> {
        let (value, len) = self.number(i)?;
        if len != 4 || !(1900..=2100).contains(&value) {
            return None;
        }
        if let Some(p) = self.glued(i) {
            let part_of_number = (self.is(p, '.') || self.is(p, ','))
                && self.glued(p).is_some_and(|q| self.tokens[q].kind == Kind::Number);
            if self.tokens[p].kind != Kind::Punct || part_of_number || self.is(p, '%') {
                return None;
            }
        }
        if let Some(p) = self.glued_before(i) {
            let money = ['$', '£', '€', '#'].iter().any(|&c| self.is(p, c));
            let part_of_number = (self.is(p, '.') || self.is(p, ','))
                && self
                    .glued_before(p)
                    .is_some_and(|q| self.tokens[q].kind == Kind::Number);
            if money || part_of_number {
                return None;
            }
        }
        i32::try_from(value).ok()
    }

    /// `[,|of] YEAR` after token `last`: the year and its token.
    fn year_after(&self, last: usize, allow_of: bool) -> Option<(i32, usize)> {
        let mut k = self.next(last)?;
        if self.is(k, ',') || (allow_of && self.key(k) == Key::Of) {
            k = self.next(k)?;
        }
        Some((self.year_at(k)?, k))
    }

    /// A lowercase word after the number at `i` that makes it read as an amount
    /// (`by 2000 votes`), not a year (`by 2030 the plant`, `from 2019 levels`).
    fn amount_follows(&self, i: usize) -> bool {
        let Some(n) = self.next(i) else {
            return false;
        };
        if self.tokens[n].kind != Kind::Word || self.capitalized(n) {
            return false;
        }
        let function_word = matches!(
            self.key(n),
            Key::And
                | Key::To
                | Key::In
                | Key::On
                | Key::Of
                | Key::At
                | Key::The
                | Key::A
                | Key::Before
                | Key::After
                | Key::Strong
                | Key::Weak
        );
        !function_word
            && !self.word_in(
                n,
                &[
                    "levels", "level", "onwards", "onward", "when", "as", "but", "with", "was", "were", "is",
                    "will", "had", "has", "or", "it", "its", "figures", "for", "there",
                ],
            )
    }

    // --- the longest expression at a token ---

    fn longest_at(&self, i: usize) -> Option<Candidate> {
        let token = self.tokens[i];
        let mut best: Option<Hit> = None;
        let mut offer = |hit: Option<Hit>| {
            if let Some(hit) = hit
                && self.whole(i, hit.last)
                && best.is_none_or(|b| hit.last > b.last)
            {
                best = Some(hit);
            }
        };
        match token.kind {
            Kind::Punct => return None,
            Kind::Number => {
                offer(self.numeric_date(i));
                offer(self.written_date(i));
                offer(self.ordinal_of_month(i));
                offer(self.year(i));
                offer(self.decade(i, None));
                offer(self.ago(i));
                offer(self.quarter(Lead::default(), i));
                offer(self.clock_phrase(i));
            }
            Kind::Word => {
                if token.month != 0 || matches!(token.key, Key::Weekday(_)) {
                    offer(self.written_date(i));
                }
                match token.key {
                    Key::The => offer(self.the_day(i)),
                    Key::A | Key::Count(_) | Key::Few => offer(self.ago(i)),
                    _ => {}
                }
                if (token.key != Key::None || token.month != 0)
                    && let Some((lead, j)) = self.lead(i)
                {
                    offer(self.weekday(i, lead, j));
                    offer(self.relative_day(i, lead, j));
                    offer(self.calendar(lead, j));
                    offer(self.rolling(lead, j));
                    offer(self.month(i, lead, j));
                    offer(self.season(lead, j));
                    offer(self.quarter(lead, j));
                    offer(self.year_part(lead, j));
                }
            }
        }
        let mut hit = best?;
        if hit.dated {
            let last = self.attach_time(hit.last);
            if self.whole(i, last) {
                hit.last = last;
            }
        }
        Some(Candidate {
            start: token.start,
            end: self.tokens[hit.last].end,
            meaning: hit.meaning,
        })
    }

    /// The modifiers at `i` and the token after them (the head).
    fn lead(&self, i: usize) -> Option<(Lead, usize)> {
        let mut lead = Lead::default();
        let mut j = i;
        if self.key(j) == Key::The {
            lead.the = true;
            j = self.next(j)?;
        }
        match self.key(j) {
            Key::Early => lead.part = Some(Part::Early),
            Key::Late => lead.part = Some(Part::Late),
            Key::Mid => lead.part = Some(Part::Mid),
            Key::Earlier => lead.edge = Some(Edge::Earlier),
            Key::Later => lead.edge = Some(Edge::Later),
            _ => {}
        }
        if lead.part == Some(Part::Mid)
            && let Some(dash) = self.glued(j).filter(|&d| self.is_dash(d))
        {
            j = self.glued(dash)?;
        } else if lead.part.is_some() || lead.edge.is_some() {
            j = self.next(j)?;
        }
        let rel = match self.key(j) {
            Key::This => match self.next(j).map(|k| (k, self.key(k))) {
                Some((k, Key::Past)) => Some((Rel::Past, k)),
                Some((k, Key::Coming)) => Some((Rel::Coming, k)),
                _ => Some((Rel::This, j)),
            },
            Key::Last => Some((Rel::Last, j)),
            Key::Next => Some((Rel::Next, j)),
            Key::Past => Some((Rel::Past, j)),
            Key::Coming => Some((Rel::Coming, j)),
            _ => None,
        };
        if let Some((rel, k)) = rel {
            lead.this = self.key(j) == Key::This && k != j;
            lead.rel = Some(rel);
            j = self.next(k)?;
        }
        Some((lead, j))
    }

    // --- heads that take modifiers ---

    /// `Tuesday`, `last Friday`, `next Tuesday`, `this Friday`, `Tuesday evening`, `late Sunday`.
    fn weekday(&self, i: usize, lead: Lead, j: usize) -> Option<Hit> {
        let Key::Weekday(day) = self.key(j) else {
            return None;
        };
        if lead.the || lead.edge.is_some() {
            return None;
        }
        if i == j && day == 6 && self.newspaper_after(j) {
            return None;
        }
        let mut last = j;
        if let Some(k) = self.next(j)
            && matches!(self.key(k), Key::PartOfDay(_))
        {
            last = k;
        }
        // `Tuesday next week`: that weekday in the week named.
        if lead.rel.is_none()
            && let Some(k) = self.next(last)
            && let Some(week) = self.next_is(k, Key::Unit(Unit::Week))
        {
            let step = match self.key(k) {
                Key::This => Some(0),
                Key::Last => Some(-1),
                Key::Next => Some(1),
                _ => None,
            };
            if let Some(step) = step {
                let date = self.reference.and_then(|r| {
                    let (monday, _) = week_of(shift(r, 7 * step)?)?;
                    shift(monday, i64::from(day))
                });
                return Some(Hit::day(week, date));
            }
        }
        Some(Hit::day(
            last,
            self.reference.and_then(|r| weekday_date(r, day, lead.rel)),
        ))
    }

    /// `Sunday Times`, `Sunday Telegraph`: a newspaper, not a day.
    fn newspaper_after(&self, j: usize) -> bool {
        self.next(j).is_some_and(|k| {
            self.capitalized(k)
                && self.word_in(
                    k,
                    &[
                        "Times",
                        "Telegraph",
                        "Mirror",
                        "Express",
                        "Herald",
                        "Post",
                        "Mail",
                        "Tribune",
                        "Independent",
                        "Observer",
                        "World",
                        "Star",
                        "Sport",
                        "People",
                        "Business",
                    ],
                )
        })
    }

    /// `today`, `yesterday afternoon`, `earlier today`, `tonight`, `this morning`, `last night`.
    fn relative_day(&self, i: usize, lead: Lead, j: usize) -> Option<Hit> {
        if lead.the {
            return None;
        }
        let key = self.key(j);
        let offset = match (lead.rel, key) {
            (None, Key::Today | Key::Tonight) => 0,
            (None, Key::Yesterday) => -1,
            (None, Key::Tomorrow) => 1,
            (Some(Rel::This), Key::PartOfDay(_)) => 0,
            (Some(Rel::Last), Key::PartOfDay(2 | 3)) => -1,
            _ => return None,
        };
        // `USA Today`, `Russia Today`: a capitalized `Today` after a capitalized name.
        if i == j
            && key == Key::Today
            && self.capitalized(j)
            && self.prev(j).is_some_and(|p| {
                self.tokens[p].kind == Kind::Word && self.capitalized(p) && self.key(p) == Key::None
            })
        {
            return None;
        }
        let mut last = j;
        if matches!(key, Key::Today | Key::Yesterday | Key::Tomorrow)
            && let Some(k) = self.next(j)
            && matches!(self.key(k), Key::PartOfDay(_))
        {
            last = k;
        }
        Some(Hit::day(last, self.reference.and_then(|r| shift(r, offset))))
    }

    /// `this week`, `last month`, `next year`, `earlier this week`, `late last year`,
    /// `this quarter`, `last weekend`, `the weekend`.
    fn calendar(&self, lead: Lead, j: usize) -> Option<Hit> {
        #[derive(Clone, Copy, PartialEq, Eq)]
        enum Named {
            Week,
            Month,
            Quarter,
            Year,
            Weekend,
        }
        let named = match self.key(j) {
            Key::Unit(Unit::Week) => Named::Week,
            Key::Unit(Unit::Month) => Named::Month,
            Key::Unit(Unit::Year) => Named::Year,
            Key::Quarter => Named::Quarter,
            Key::Weekend => Named::Weekend,
            _ => return None,
        };
        let weekend = named == Named::Weekend;
        // Periods before (-1), at (0) or after (1) the reference's; None: `the weekend`.
        let step: Option<i64> = match (lead.the, lead.rel) {
            (false, Some(Rel::This)) => Some(0),
            (false, Some(Rel::Last)) => Some(-1),
            (false, Some(Rel::Next)) => Some(1),
            (_, Some(Rel::Past)) if weekend => Some(-1),
            (_, Some(Rel::Coming)) if weekend => Some(1),
            (true, None) if weekend && lead.part.is_none() && lead.edge.is_none() => None,
            _ => return None,
        };
        let grain = match named {
            Named::Week => Some(Grain::Week),
            Named::Month => Some(Grain::Month),
            Named::Year => Some(Grain::Year),
            Named::Quarter | Named::Weekend => None,
        };
        if (lead.edge.is_some() && step != Some(0)) || (lead.part.is_some() && grain.is_none()) {
            return None;
        }
        let Some(r) = self.reference else {
            return Some(Hit::range(j, None));
        };
        let period = (|| {
            let period = match (named, step) {
                (Named::Weekend, step) => {
                    let week = match step {
                        Some(step) => week_of(shift(r, 7 * step)?)?,
                        // `the weekend` in past-tense copy: the current one or the one just gone.
                        None if r.weekday().num_days_from_monday() >= 5 => week_of(r)?,
                        None => week_of(shift(r, -7)?)?,
                    };
                    (shift(week.0, 5)?, week.1)
                }
                (_, None) => return None,
                (Named::Week, Some(step)) => week_of(shift(r, 7 * step)?)?,
                (Named::Month, Some(step)) => {
                    let first = shift_months(r.with_day(1)?, step)?;
                    month_of(first.year(), first.month())?
                }
                (Named::Quarter, Some(step)) => {
                    let index = i64::from(r.year()) * 4 + i64::from(r.month0() / 3) + step;
                    let year = i32::try_from(index.div_euclid(4)).ok()?;
                    quarter_of(year, u32::try_from(index.rem_euclid(4)).ok()? + 1)?
                }
                (Named::Year, Some(step)) => year_of(r.year().checked_add(i32::try_from(step).ok()?)?)?,
            };
            let period = match (lead.part, grain) {
                (Some(part), Some(grain)) => part_of(period, part, grain)?,
                _ => period,
            };
            Some(match lead.edge {
                Some(Edge::Earlier) => (period.0, r),
                Some(Edge::Later) => (r, period.1),
                None => period,
            })
        })();
        Some(Hit::range(j, period))
    }

    /// `the past week`, `the last two weeks`, `the next three months`, `the past 24 hours`,
    /// `this past week`, `the coming week`: a run of days ending or starting at the reference.
    fn rolling(&self, lead: Lead, j: usize) -> Option<Hit> {
        let rel = lead.rel?;
        // `to last many months`, `walked past two houses`: without `the` these are verbs.
        if lead.part.is_some() || lead.edge.is_some() || !(lead.the || lead.this) {
            return None;
        }
        let forward = match rel {
            Rel::Past | Rel::Last => false,
            Rel::Next | Rel::Coming => true,
            Rel::This => return None,
        };
        let (amount, u) = match self.amount(j) {
            Some((amount, k)) => (Some(amount), self.next(k)?),
            None => (None, j),
        };
        let unit = match (self.key(u), amount) {
            (Key::Unit(unit), None | Some(Amount::Exact(1))) => unit,
            (Key::Units(unit), Some(_)) => unit,
            _ => return None,
        };
        // `the next day`: an anaphor; `the last day`: the final one.
        if amount.is_none() && unit == Unit::Day && rel != Rel::Past {
            return None;
        }
        let n = match amount {
            None => 1,
            Some(Amount::Exact(n)) => n,
            Some(Amount::Vague) => return Some(Hit::range(u, None)),
        };
        let period = self.reference.and_then(|r| {
            let far = |sign: i64| match unit {
                Unit::Hour => shift(r, sign * i64::from(n.div_ceil(24))),
                Unit::Day => shift(r, sign * i64::from(n)),
                Unit::Week => shift(r, sign * 7 * i64::from(n)),
                Unit::Month => shift_months(r, sign * i64::from(n)),
                Unit::Year => shift_months(r, sign * 12 * i64::from(n)),
            };
            if forward {
                Some((shift(r, 1)?, far(1)?))
            } else if unit == Unit::Hour {
                Some((far(-1)?, r))
            } else {
                Some((shift(far(-1)?, 1)?, r))
            }
        });
        Some(Hit::range(u, period))
    }

    /// A count at `j`: `two`, `3`, `a`, `a couple of`, `a few`, `several`; and its last token.
    fn amount(&self, j: usize) -> Option<(Amount, usize)> {
        match self.key(j) {
            Key::Count(n) => Some((Amount::Exact(u32::from(n)), j)),
            Key::Few => Some((Amount::Vague, j)),
            Key::A => {
                if let Some(k) = self.next(j) {
                    match self.key(k) {
                        Key::Couple => return Some((Amount::Exact(2), self.next_is(k, Key::Of)?)),
                        Key::Few => return Some((Amount::Vague, k)),
                        _ => {}
                    }
                }
                Some((Amount::Exact(1), j))
            }
            _ => {
                let (value, len) = self.number(j)?;
                (len <= 4 && value > 0).then_some((Amount::Exact(value), j))
            }
        }
    }

    /// `in May`, `early May`, `mid-March`, `last March`, `March 2024`, `January` (the months
    /// that are not also common words), `Oct.` after a preposition.
    fn month(&self, i: usize, lead: Lead, j: usize) -> Option<Hit> {
        let month = self.english_month_at(j)?;
        if lead.the || lead.edge.is_some() {
            return None;
        }
        let full = month_name(month).is_some_and(|name| self.str(j).eq_ignore_ascii_case(name));
        let mut last = j;
        if !full && let Some(dot) = self.glued(j).filter(|&d| self.is(d, '.')) {
            last = dot;
        }
        let with_part = |period: Option<Period>| match lead.part {
            Some(part) => period.and_then(|p| part_of(p, part, Grain::Month)),
            None => period,
        };
        if lead.rel.is_none()
            && let Some((year, k)) = self.year_after(last, true)
        {
            return Some(Hit::range(k, with_part(month_of(year, month))));
        }
        if let Some(rel) = lead.rel {
            let period = self.reference.and_then(|r| {
                let year = match rel {
                    Rel::This => r.year(),
                    Rel::Last | Rel::Past if month < r.month() => r.year(),
                    Rel::Last | Rel::Past => r.year() - 1,
                    Rel::Next | Rel::Coming if month > r.month() => r.year(),
                    Rel::Next | Rel::Coming => r.year() + 1,
                };
                month_of(year, month)
            });
            return Some(Hit::range(last, with_part(period)));
        }
        if lead.is_empty() {
            let trigger = self.prev(i).is_some_and(|p| {
                matches!(
                    self.key(p),
                    Key::In | Key::Strong | Key::Weak | Key::Of | Key::Before | Key::After
                ) || self.month_listed_before(p)
            });
            let safe = full && matches!(month, 1 | 2 | 7 | 9 | 10 | 11 | 12);
            if !(trigger || safe) || (!full && last == j) {
                return None;
            }
            // `in June Carter's songs`: a month that is also a first name, before a capital.
            let name_like = matches!(month, 4 | 5 | 6 | 8);
            if name_like
                && self
                    .next(last)
                    .is_some_and(|k| self.glued(last) != Some(k) && self.capitalized(k))
            {
                return None;
            }
        }
        let period = self
            .reference
            .and_then(|r| nearest_year(month, 15, r))
            .and_then(|year| month_of(year, month));
        Some(Hit::range(last, with_part(period)))
    }

    /// `April and May`, `April to May`, `April-May`: `p` links to a month before it.
    fn month_listed_before(&self, p: usize) -> bool {
        (matches!(self.key(p), Key::And | Key::To) || self.is_dash(p))
            && self.prev(p).is_some_and(|q| self.english_month_at(q).is_some())
    }

    /// `this summer`, `last winter`, `next spring`, `summer 2023`, `the summer of 2023`,
    /// `late last summer`.
    fn season(&self, lead: Lead, j: usize) -> Option<Hit> {
        let Key::Season(season) = self.key(j) else {
            return None;
        };
        if lead.edge.is_some() {
            return None;
        }
        let with_part = |period: Option<Period>| match lead.part {
            Some(part) => period.and_then(|p| part_of(p, part, Grain::Season)),
            None => period,
        };
        if let Some(rel) = lead.rel {
            if lead.the {
                return None;
            }
            let period = self.reference.and_then(|r| season_near(r, season, rel));
            return Some(Hit::range(j, with_part(period)));
        }
        let (year, k) = self.year_after(j, true)?;
        if !self.capitalized(j) && self.str(j).eq_ignore_ascii_case("fall") && self.amount_follows(k) {
            return None;
        }
        Some(Hit::range(k, with_part(season_of(year, season))))
    }

    /// `the first quarter`, `first-quarter`, `the second half of 2023`, `Q3 2023`, `H1`,
    /// `the fourth quarter of last year`, `1st quarter`.
    fn quarter(&self, lead: Lead, j: usize) -> Option<Hit> {
        if lead.rel.is_some() || lead.part.is_some() || lead.edge.is_some() {
            return None;
        }
        let (n, half, mut last) = match self.key(j) {
            Key::Q | Key::H => {
                let d = self.glued(j)?;
                let (n, len) = self.number(d)?;
                (len == 1).then_some(())?;
                (n, self.key(j) == Key::H, d)
            }
            Key::Ordinal(_) | Key::Final => {
                let (k, half) = self.quarter_word(j)?;
                let n = match self.key(j) {
                    Key::Ordinal(n) => u32::from(n),
                    _ if half => 2,
                    _ => 4,
                };
                (n, half, k)
            }
            _ => {
                let (n, len) = self.number(j)?;
                let suffix = self.glued(j)?;
                let expected = match n {
                    1 => "st",
                    2 => "nd",
                    3 => "rd",
                    _ => "th",
                };
                if len != 1 || !self.str(suffix).eq_ignore_ascii_case(expected) {
                    return None;
                }
                let (k, half) = self.quarter_word(suffix)?;
                (n, half, k)
            }
        };
        if n == 0 || n > if half { 2 } else { 4 } {
            return None;
        }
        let mut year = YearSpec::Implied;
        if let Some(of) = self.next_is(last, Key::Of)
            && let Some(fiscal) = self.next(of).filter(|&f| self.word_in(f, &["fiscal"]))
            && let Some(k) = self.next(fiscal).filter(|&k| self.number(k).is_some())
        {
            // `of fiscal 1986`: fiscal calendars vary, so the quarter stays unresolved.
            return Some(Hit::range(k, None));
        }
        if let Some((written, k)) = self.year_after(last, true) {
            year = YearSpec::Written(written);
            last = k;
        } else if let Some(of) = self.next_is(last, Key::Of)
            && let Some(k) = self.next(of)
            && let Some(y) = self.next_is(k, Key::Unit(Unit::Year))
        {
            let step = match self.key(k) {
                Key::The | Key::This => Some(0),
                Key::Last => Some(-1),
                Key::Next => Some(1),
                _ => None,
            };
            if let Some(step) = step {
                year = YearSpec::Relative(step);
                last = y;
            }
        }
        let period_in = |year: i32| {
            if half {
                half_of(year, n)
            } else {
                quarter_of(year, n)
            }
        };
        let period = match year {
            YearSpec::Written(year) => period_in(year),
            YearSpec::Relative(step) => self.reference.and_then(|r| period_in(r.year() + step)),
            // The one under way or just reported (the latest begun by the reference), unless
            // the next one starts within 45 days (`the second quarter` in late March).
            YearSpec::Implied => self.reference.and_then(|r| {
                let y = r.year();
                let soon = shift(r, 45)?;
                let upcoming = (y..=y + 1).filter_map(period_in).find(|p| p.0 > r && p.0 <= soon);
                upcoming.or_else(|| (y - 1..=y).filter_map(period_in).rfind(|p| p.0 <= r))
            }),
        };
        Some(Hit::range(last, period))
    }

    /// `quarter` or `half` after an ordinal ending at `k`, with or without a hyphen.
    fn quarter_word(&self, k: usize) -> Option<(usize, bool)> {
        let word = match self.glued(k).filter(|&d| self.is_dash(d)) {
            Some(dash) => self.glued(dash)?,
            None => self.next(k)?,
        };
        match self.key(word) {
            Key::Quarter => Some((word, false)),
            Key::Half => Some((word, true)),
            _ => None,
        }
    }

    /// `early 2024`, `mid-2024`, `late 2019`, `the early 1990s`.
    fn year_part(&self, lead: Lead, j: usize) -> Option<Hit> {
        let part = lead.part?;
        if lead.rel.is_some() || lead.edge.is_some() {
            return None;
        }
        if let Some(hit) = self.decade(j, Some(part)) {
            return Some(hit);
        }
        if lead.the {
            return None;
        }
        let year = self.year_at(j)?;
        Some(Hit::range(
            j,
            year_of(year).and_then(|p| part_of(p, part, Grain::Year)),
        ))
    }

    // --- heads without modifiers ---

    /// `March 26`, `26 March`, `Sept. 5`, `March 26, 2024`, `29th November, 2015`,
    /// `Tuesday, March 19`: the wire parser's written dates.
    fn written_date(&self, i: usize) -> Option<Hit> {
        let start = self.tokens[i].start;
        let (date, len) = parse_written_date(&self.text[start..])?;
        let end = start + len;
        let last = (i..self.tokens.len().min(i + 16)).find(|&j| self.tokens[j].end == end)?;
        let month_at =
            (i..=last).find(|&j| self.tokens[j].kind == Kind::Word && self.tokens[j].month != 0)?;
        let word = self.str(month_at);
        if clipped_month(word, date.month) {
            return None;
        }
        // `Apr 3.2, May 9.0`: monthly figures in a table, not dates.
        let figure = (i..=last).any(|j| {
            self.tokens[j].kind == Kind::Number
                && self.glued(j).is_some_and(|p| {
                    (self.is(p, '.') || self.is(p, ','))
                        && self.glued(p).is_some_and(|q| self.tokens[q].kind == Kind::Number)
                })
        });
        if figure {
            return None;
        }
        // `26 March.`: the period after a full month name ends the sentence (`Sept.` keeps it).
        let mut last = last;
        if last == month_at + 1 && self.is(last, '.') && word.len() > 4 {
            last = month_at;
        }
        // `All 5 may face charges`: a day before the month needs the month capitalized.
        let day_first = (i..month_at).any(|j| self.tokens[j].kind == Kind::Number);
        if day_first && !self.capitalized(month_at) {
            return None;
        }
        let resolved = date.full().or_else(|| {
            let year = nearest_year(date.month, date.day, self.reference?)?;
            NaiveDate::from_ymd_opt(year, date.month, date.day)
        });
        Some(Hit::day(last, resolved))
    }

    /// `26th of March`, `1st of May 2024`.
    fn ordinal_of_month(&self, i: usize) -> Option<Hit> {
        let (day, len) = self.number(i)?;
        if len > 2 || !(1..=31).contains(&day) {
            return None;
        }
        let suffix = self.glued(i)?;
        if !self.word_in(suffix, &["st", "nd", "rd", "th"]) {
            return None;
        }
        let of = self.next_is(suffix, Key::Of)?;
        let m = self.next(of)?;
        let month = self.english_month_at(m)?;
        let full = month_name(month).is_some_and(|name| self.str(m).eq_ignore_ascii_case(name));
        let mut last = m;
        if !full && let Some(dot) = self.glued(m).filter(|&d| self.is(d, '.')) {
            last = dot;
        }
        let date = match self.year_after(last, false) {
            Some((year, k)) => {
                last = k;
                NaiveDate::from_ymd_opt(year, month, day)
            }
            None => self
                .reference
                .and_then(|r| nearest_year(month, day, r))
                .and_then(|year| NaiveDate::from_ymd_opt(year, month, day)),
        };
        NaiveDate::from_ymd_opt(2000, month, day)?;
        Some(Hit::day(last, date))
    }

    /// `2024-03-26`, `26/03/2024`, `26.03.2024`; resolved by the wire parser's rule (a part
    /// above 12 is the day; two parts that could both be the month leave it unresolved).
    fn numeric_date(&self, i: usize) -> Option<Hit> {
        let (a, a_len) = self.number(i)?;
        let s1 = self.glued(i)?;
        let sep = self.tokens[s1].ch;
        if self.tokens[s1].kind != Kind::Punct || !matches!(sep, '/' | '.' | '-') {
            return None;
        }
        let j = self.glued(s1)?;
        let (b, b_len) = self.number(j)?;
        let s2 = self.glued(j)?;
        if !self.is(s2, sep) {
            return None;
        }
        let k = self.glued(s2)?;
        let (c, c_len) = self.number(k)?;
        let iso = a_len == 4
            && sep == '-'
            && (1900..=2099).contains(&a)
            && b_len == 2
            && c_len == 2
            && (1..=12).contains(&b)
            && (1..=31).contains(&c);
        let day_month_year = a_len <= 2
            && b_len <= 2
            && c_len == 4
            && (1900..=2099).contains(&c)
            && (1..=31).contains(&a)
            && (1..=31).contains(&b)
            && (a <= 12 || b <= 12);
        if !iso && !day_month_year {
            return None;
        }
        // Not one piece of a longer run of numbers (`1.2.2024.5`, `3/26/03/2024`).
        let more_after = self.glued(k).is_some_and(|p| {
            self.tokens[p].kind == Kind::Punct
                && self.glued(p).is_some_and(|q| self.tokens[q].kind == Kind::Number)
        });
        let more_before = self.glued_before(i).is_some_and(|p| {
            self.tokens[p].kind == Kind::Punct
                && self
                    .glued_before(p)
                    .is_some_and(|q| self.tokens[q].kind == Kind::Number)
        });
        if more_after || more_before {
            return None;
        }
        let slice = &self.text[self.tokens[i].start..self.tokens[k].end];
        let date = full_dates(slice)
            .find(|(_, range)| *range == (0..slice.len()))
            .map(|(date, _)| date);
        Some(Hit::day(k, date))
    }

    /// `2019` when clearly a year: after `in`, `since`, `until`, `till`, `during`, `through`,
    /// `year`, or `by`, `of`, `from`, `between`, `before`, `after` when no counted noun follows
    /// (`by 2000 votes`); after another year and `and`/`or`; before a month or a season.
    /// `2019-2021`, `1986/87` and `from 2019 to 2021` are one range.
    fn year(&self, i: usize) -> Option<Hit> {
        let year = self.year_at(i)?;
        // `2019-2021`, `2019–21`, `1986/87`: one span of years.
        if let Some(sep) = self.glued(i).filter(|&d| self.is_dash(d) || self.is(d, '/'))
            && let Some(k) = self.glued(sep)
            && let Some(until) = self.split_year_end(year, k)
        {
            return Some(Hit::range(k, span_years(year, until)));
        }
        let prev = self.prev(i);
        let after_year = || {
            prev.and_then(|p| self.prev(p))
                .is_some_and(|q| self.year_at(q).is_some())
        };
        let trigger = match prev.map(|p| self.key(p)) {
            Some(Key::In | Key::Strong | Key::Unit(Unit::Year)) => true,
            Some(Key::Weak | Key::Of | Key::Before | Key::After) => !self.amount_follows(i),
            // `in 2008 and 2012`, `in 1976 or 1977`: the second of a list of years.
            Some(Key::And) => after_year(),
            _ => prev.is_some_and(|p| self.word_in(p, &["or"])) && after_year(),
        };
        let before_period = self
            .next(i)
            .is_some_and(|k| matches!(self.key(k), Key::Season(_)) || self.english_month_at(k).is_some());
        if !trigger && !before_period {
            return None;
        }
        let between = prev.is_some_and(|p| self.word_in(p, &["between"]));
        if trigger
            && let Some(link) = self.next(i)
            && (self.key(link) == Key::To
                || (between && self.key(link) == Key::And)
                || self.word_in(link, &["through", "until", "till"]))
            && let Some(k) = self.next(link)
            && let Some(until) = self.year_at(k).filter(|&y| y > year)
            && self.whole(k, k)
        {
            return Some(Hit::range(k, span_years(year, until)));
        }
        Some(Hit::range(i, year_of(year)))
    }

    /// The last year of a split span after `year` at `k`: four digits later than `year`, or two
    /// digits naming the next year (`1986/87`, `2019-20`).
    fn split_year_end(&self, year: i32, k: usize) -> Option<i32> {
        let (value, len) = self.number(k)?;
        if self.glued(k).is_some_and(|n| self.tokens[n].kind != Kind::Punct) {
            return None;
        }
        match len {
            4 => self.year_at(k).filter(|&until| until > year),
            2 => {
                let until = year + 1;
                (until.rem_euclid(100) == i32::try_from(value).ok()?).then_some(until)
            }
            _ => None,
        }
    }

    /// `1990s`, `1990's`; with a part, `early 1990s`.
    fn decade(&self, i: usize, part: Option<Part>) -> Option<Hit> {
        let (value, len) = self.number(i)?;
        if len != 4 || value % 10 != 0 || !(1800..=2090).contains(&value) {
            return None;
        }
        let mut s = self.glued(i)?;
        if self.is(s, '\'') || self.is(s, '’') {
            s = self.glued(s)?;
        }
        if self.str(s) != "s" {
            return None;
        }
        let first = i32::try_from(value).ok()?;
        let period = span_years(first, first + 9);
        let period = match part {
            Some(part) => period.and_then(|p| part_of(p, part, Grain::Decade)),
            None => period,
        };
        Some(Hit::range(s, period))
    }

    /// `two days ago`, `three weeks ago`, `a month ago`, `a few years ago`; `two days later`
    /// and `a day earlier` count from the day named before them.
    fn ago(&self, i: usize) -> Option<Hit> {
        let (amount, k) = self.amount(i)?;
        let u = self.next(k)?;
        let unit = match (self.key(u), amount) {
            (Key::Unit(unit), Amount::Exact(1)) | (Key::Units(unit), _) => unit,
            _ => return None,
        };
        if unit == Unit::Hour {
            return None;
        }
        let w = self.next(u)?;
        let n = match (self.key(w), amount) {
            (Key::Ago, Amount::Exact(n)) => n,
            (Key::Ago, Amount::Vague) => return Some(Hit::unresolved(w)),
            (Key::Earlier | Key::Later, Amount::Exact(n)) if unit == Unit::Day => {
                let n = i64::from(n);
                return Some(Hit::after(w, if self.key(w) == Key::Later { n } else { -n }));
            }
            _ => return None,
        };
        let Some(r) = self.reference else {
            return Some(if unit == Unit::Day {
                Hit::day(w, None)
            } else {
                Hit::range(w, None)
            });
        };
        let n = i64::from(n);
        Some(match unit {
            Unit::Day => Hit::day(w, shift(r, -n)),
            Unit::Week => Hit::range(w, shift(r, -7 * n).and_then(week_of)),
            Unit::Month => Hit::range(w, shift_months(r, -n).and_then(|d| month_of(d.year(), d.month()))),
            _ => Hit::range(w, shift_months(r, -12 * n).and_then(|d| year_of(d.year()))),
        })
    }

    /// `the day before`, `the day after`, `the previous day`, `the next day`, `the following
    /// day`, `the same day` (from the day named before them); `the day before yesterday`,
    /// `the day after tomorrow` (from the reference).
    fn the_day(&self, i: usize) -> Option<Hit> {
        let j = self.next(i)?;
        let k = self.next(j)?;
        match (self.key(j), self.key(k)) {
            (Key::Unit(Unit::Day), Key::Before | Key::After) => {
                let forward = self.key(k) == Key::After;
                if let Some(n) = self.next(k) {
                    match (forward, self.key(n)) {
                        (false, Key::Yesterday) => {
                            return Some(Hit::day(n, self.reference.and_then(|r| shift(r, -2))));
                        }
                        (true, Key::Tomorrow) => {
                            return Some(Hit::day(n, self.reference.and_then(|r| shift(r, 2))));
                        }
                        // `the day before the vote`: counted from an event, not a date.
                        _ if self.names_event(n) => return Some(Hit::unresolved(k)),
                        _ => {}
                    }
                }
                Some(Hit::after(k, if forward { 1 } else { -1 }))
            }
            (Key::Previous, Key::Unit(Unit::Day)) => Some(Hit::after(k, -1)),
            (Key::Next | Key::Following, Key::Unit(Unit::Day)) => Some(Hit::after(k, 1)),
            (Key::Same, Key::Unit(Unit::Day)) => Some(Hit::after(k, 0)),
            _ => None,
        }
    }

    /// A token that starts a noun phrase naming an event: `the vote`, `a summit`, `Christmas`.
    fn names_event(&self, n: usize) -> bool {
        let token = self.tokens[n];
        token.kind == Kind::Number
            || matches!(token.key, Key::The | Key::A)
            || (token.kind == Kind::Word && self.capitalized(n))
    }

    /// A clock time alone (`10:00`, `3 p.m.`, `0900 GMT`), or before `on` and a day
    /// (`10:00 GMT on Tuesday`), which then gives the resolution.
    fn clock_phrase(&self, i: usize) -> Option<Hit> {
        let last = self.clock(i)?;
        let mut k = self.next(last);
        if let Some(on) = k.filter(|&on| self.key(on) == Key::On || self.is(on, ',')) {
            k = self.next(on);
        }
        if let Some(k) = k {
            let empty = Lead::default();
            let day = self
                .weekday(k, empty, k)
                .or_else(|| self.relative_day(k, empty, k))
                .or_else(|| {
                    (self.tokens[k].month != 0 || self.tokens[k].kind == Kind::Number)
                        .then(|| self.written_date(k))
                        .flatten()
                });
            if let Some(day) = day.filter(|day| self.whole(k, day.last)) {
                return Some(Hit { dated: false, ..day });
            }
        }
        Some(Hit::unresolved(last))
    }

    /// A clock time at `i`: `10:00`, `10:00:30`, `9:30 a.m.`, `3 pm`, `10.30pm`, `0900 GMT`,
    /// `14:00 local time`, `11:00 GMT+3`. Returns its last token.
    fn clock(&self, i: usize) -> Option<usize> {
        let (hour, len) = self.number(i)?;
        let mut last = i;
        let mut colon = false;
        let mut dotted = false;
        if len <= 2 {
            if hour > 23 {
                return None;
            }
            if let Some(sep) = self.glued(i).filter(|&c| self.is(c, ':') || self.is(c, '.'))
                && let Some(m) = self.glued(sep)
                && let Some((minutes, 2)) = self.number(m)
                && minutes <= 59
            {
                last = m;
                colon = self.is(sep, ':');
                dotted = !colon;
                if colon
                    && let Some(c) = self.glued(m).filter(|&c| self.is(c, ':'))
                    && let Some(s) = self.glued(c)
                    && let Some((seconds, 2)) = self.number(s)
                    && seconds <= 59
                {
                    last = s;
                }
            }
        } else if len != 4 || hour / 100 > 23 || hour % 100 > 59 {
            return None;
        }
        // Not the minutes of `10.00` or the seconds of `10:00:30`.
        if let Some(p) = self.glued_before(i)
            && (self.is(p, ':') || self.is(p, '.'))
            && self
                .glued_before(p)
                .is_some_and(|q| self.tokens[q].kind == Kind::Number)
        {
            return None;
        }
        let mut strong = colon;
        if len <= 2
            && (1..=12).contains(&hour)
            && let Some(k) = self.next(last)
            && let Some(end) = self.meridiem(k)
        {
            last = end;
            strong = true;
        }
        if let Some(k) = self.next(last)
            && let Some(end) = self.zone(k)
            && (strong || len == 4 || dotted)
        {
            last = end;
            strong = true;
        }
        strong.then_some(last)
    }

    /// `am`, `pm`, `a.m.`, `p.m`, `PM`: the last token.
    fn meridiem(&self, k: usize) -> Option<usize> {
        match self.key(k) {
            Key::Am | Key::Pm => Some(k),
            Key::A | Key::P => {
                let dot = self.glued(k).filter(|&d| self.is(d, '.'))?;
                let m = self.glued(dot).filter(|&m| self.key(m) == Key::M)?;
                Some(self.glued(m).filter(|&d| self.is(d, '.')).unwrap_or(m))
            }
            _ => None,
        }
    }

    /// `GMT`, `UTC+3`, `GMT-04:00`, `local time`: the last token.
    fn zone(&self, k: usize) -> Option<usize> {
        match self.key(k) {
            Key::Zone => {
                let mut last = k;
                if let Some(sign) = self.glued(k).filter(|&s| self.is(s, '+') || self.is(s, '-'))
                    && let Some(hours) = self.glued(sign).filter(|&h| self.number(h).is_some())
                {
                    last = hours;
                    if let Some(c) = self.glued(hours).filter(|&c| self.is(c, ':'))
                        && let Some(minutes) = self.glued(c).filter(|&m| self.number(m).is_some())
                    {
                        last = minutes;
                    }
                }
                Some(last)
            }
            Key::Local => self.next_is(k, Key::Time),
            _ => None,
        }
    }

    /// A time of day after a day (`Tuesday at 10:00 GMT`, `March 26 at noon`, `today 14:00`):
    /// the new last token, or `last` when none follows.
    fn attach_time(&self, last: usize) -> usize {
        let Some(mut j) = self.next(last) else {
            return last;
        };
        if self.is(j, ',') {
            match self.next(j) {
                Some(k) => j = k,
                None => return last,
            }
        }
        if self.key(j) == Key::At {
            let Some(mut k) = self.next(j) else {
                return last;
            };
            if self.key(k) == Key::About {
                match self.next(k) {
                    Some(after) => k = after,
                    None => return last,
                }
            }
            if matches!(self.key(k), Key::Noon | Key::Midnight) {
                return k;
            }
            return self.clock(k).unwrap_or(last);
        }
        self.clock(j).unwrap_or(last)
    }
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic (every step checked: a reference near the ends of the calendar must not
// panic)

type Period = (NaiveDate, NaiveDate);

fn shift(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    let step = Days::new(days.unsigned_abs());
    if days >= 0 {
        date.checked_add_days(step)
    } else {
        date.checked_sub_days(step)
    }
}

fn shift_months(date: NaiveDate, months: i64) -> Option<NaiveDate> {
    let step = Months::new(u32::try_from(months.unsigned_abs()).ok()?);
    if months >= 0 {
        date.checked_add_months(step)
    } else {
        date.checked_sub_months(step)
    }
}

/// The ISO week (Monday to Sunday) of `date`.
fn week_of(date: NaiveDate) -> Option<Period> {
    let monday = shift(date, -i64::from(date.weekday().num_days_from_monday()))?;
    Some((monday, shift(monday, 6)?))
}

/// `count` months from the first of `first_month` in `year` (may run into the next year).
fn months_of(year: i32, first_month: u32, count: u32) -> Option<Period> {
    let first = NaiveDate::from_ymd_opt(year, first_month, 1)?;
    Some((first, first.checked_add_months(Months::new(count))?.pred_opt()?))
}

fn month_of(year: i32, month: u32) -> Option<Period> {
    months_of(year, month, 1)
}

fn year_of(year: i32) -> Option<Period> {
    months_of(year, 1, 12)
}

fn span_years(first: i32, last: i32) -> Option<Period> {
    Some((year_of(first)?.0, year_of(last)?.1))
}

fn quarter_of(year: i32, quarter: u32) -> Option<Period> {
    months_of(year, quarter.checked_mul(3)?.checked_sub(2)?, 3)
}

fn half_of(year: i32, half: u32) -> Option<Period> {
    months_of(year, half.checked_mul(6)?.checked_sub(5)?, 6)
}

/// A season by the year of its first month (winter 2023 runs December 2023 to February 2024).
fn season_of(year: i32, season: u8) -> Option<Period> {
    months_of(year, 3 + 3 * u32::from(season), 3)
}

/// The occurrence of a season meant by `this`, `last` or `next` at `reference`: `this` is the
/// nearest, `last` the latest that is over, `next` the first that has not begun.
fn season_near(reference: NaiveDate, season: u8, rel: Rel) -> Option<Period> {
    let y = reference.year();
    let mut occurrences = (y - 2..=y + 1).filter_map(|year| season_of(year, season));
    match rel {
        Rel::This => nearest(reference, occurrences),
        Rel::Last | Rel::Past => occurrences.rfind(|p| p.1 < reference),
        Rel::Next | Rel::Coming => occurrences.find(|p| p.0 > reference),
    }
}

/// The period nearest `reference` (containing it, or the fewest days away; ties: the earlier).
fn nearest(reference: NaiveDate, periods: impl Iterator<Item = Period>) -> Option<Period> {
    periods.min_by_key(|&(from, to)| {
        if reference < from {
            (from - reference).num_days()
        } else if reference > to {
            (reference - to).num_days()
        } else {
            0
        }
    })
}

/// The early, middle or late third of a period.
fn part_of(period: Period, part: Part, grain: Grain) -> Option<Period> {
    let (from, to) = period;
    let index = match part {
        Part::Early => 0,
        Part::Mid => 1,
        Part::Late => 2,
    };
    match grain {
        Grain::Week => {
            let (a, b) = [(0, 2), (1, 3), (3, 6)][index];
            Some((shift(from, a)?, shift(from, b)?))
        }
        Grain::Month => match part {
            Part::Early => Some((from, shift(from, 9)?)),
            Part::Mid => Some((shift(from, 10)?, shift(from, 19)?)),
            Part::Late => Some((shift(from, 20)?, to)),
        },
        Grain::Season => {
            let month = shift_months(from, index as i64)?;
            month_of(month.year(), month.month())
        }
        Grain::Year => months_of(from.year(), [1, 5, 9][index], 4),
        Grain::Decade => {
            let (a, b) = [(0, 3), (3, 6), (7, 9)][index];
            span_years(from.year() + a, from.year() + b)
        }
    }
}

/// The day a weekday names at `reference`: bare, on or before the reference; `last`/`past`,
/// strictly before; `next`/`coming`, strictly after; `this`, in the reference's ISO week.
fn weekday_date(reference: NaiveDate, day: u8, rel: Option<Rel>) -> Option<NaiveDate> {
    let today = i64::from(reference.weekday().num_days_from_monday());
    let target = i64::from(day);
    let back = (today - target).rem_euclid(7);
    let ahead = (target - today).rem_euclid(7);
    let offset = match rel {
        None => -back,
        Some(Rel::This) => target - today,
        Some(Rel::Last | Rel::Past) if back == 0 => -7,
        Some(Rel::Last | Rel::Past) => -back,
        Some(Rel::Next | Rel::Coming) if ahead == 0 => 7,
        Some(Rel::Next | Rel::Coming) => ahead,
    };
    shift(reference, offset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("a YYYY-MM-DD date")
    }

    fn day(text: &str) -> Option<Resolved> {
        Some(Resolved::Day { date: date(text) })
    }

    fn range(from: &str, to: &str) -> Option<Resolved> {
        Some(Resolved::Range {
            from: date(from),
            to: date(to),
        })
    }

    /// 2024-03-26, a Tuesday.
    const TUE: &str = "2024-03-26";
    /// 2026-10-07, a Wednesday.
    const WED: &str = "2026-10-07";

    /// The spans and resolutions found in `text`.
    fn found<'t>(text: &'t str, reference: Option<&str>) -> Vec<(&'t str, Option<Resolved>)> {
        find_times(text, reference.map(date))
            .into_iter()
            .map(|t| (&text[t.start..t.end], t.resolved))
            .collect()
    }

    /// Each sentence holds exactly one expression, with this span and resolution.
    fn check_table(reference: Option<&str>, cases: &[(&str, &str, Option<Resolved>)]) {
        for &(text, span, resolved) in cases {
            assert_eq!(
                found(text, reference),
                [(span, resolved)],
                "{text:?} at {reference:?}"
            );
        }
    }

    #[test]
    fn weekdays() {
        #[rustfmt::skip]
        check_table(Some(TUE), &[
            ("Talks resumed on Tuesday in Doha.", "Tuesday", day("2024-03-26")),
            ("The board met Monday.", "Monday", day("2024-03-25")),
            ("The ballot was held on Wednesday.", "Wednesday", day("2024-03-20")),
            ("Rebels shelled the port last Friday.", "last Friday", day("2024-03-22")),
            ("She resigned last Tuesday.", "last Tuesday", day("2024-03-19")),
            ("The court rules next Tuesday.", "next Tuesday", day("2024-04-02")),
            ("Voting ends next Wednesday.", "next Wednesday", day("2024-03-27")),
            ("The summit opens this Friday.", "this Friday", day("2024-03-29")),
            ("Police arrived Tuesday evening.", "Tuesday evening", day("2024-03-26")),
            ("Markets fell on Monday morning.", "Monday morning", day("2024-03-25")),
            ("The ferry sank late Sunday.", "late Sunday", day("2024-03-24")),
            ("It rained this past Saturday.", "this past Saturday", day("2024-03-23")),
            ("Crowds gathered on Sunday's march.", "Sunday", day("2024-03-24")),
            ("Creditors meet on Tuesday next week.", "Tuesday next week", day("2024-04-02")),
            ("Creditors met on Friday last week.", "Friday last week", day("2024-03-22")),
        ]);
        #[rustfmt::skip]
        check_table(Some(WED), &[
            ("Envoys spoke on Sunday.", "Sunday", day("2026-10-04")),
            ("The decree took effect Wednesday.", "Wednesday", day("2026-10-07")),
            ("Shares slid on Thursday.", "Thursday", day("2026-10-01")),
            ("Parliament sits next Monday.", "next Monday", day("2026-10-12")),
            ("The strike began last Wednesday.", "last Wednesday", day("2026-09-30")),
        ]);
    }

    #[test]
    fn explicit_dates() {
        #[rustfmt::skip]
        check_table(Some(TUE), &[
            ("The accord was signed on March 26.", "March 26", day("2024-03-26")),
            ("It was signed on 26 March.", "26 March", day("2024-03-26")),
            ("Hearings start Sept. 5.", "Sept. 5", day("2024-09-05")),
            ("The fire broke out on March 26, 2024.", "March 26, 2024", day("2024-03-26")),
            ("Filed 26 March 2024 in Geneva.", "26 March 2024", day("2024-03-26")),
            ("Founded on 29th November, 2015 by decree.", "29th November, 2015", day("2015-11-29")),
            ("The log shows 2024-03-26 as the date.", "2024-03-26", day("2024-03-26")),
            ("A treaty dated 1996-08-30 lapsed.", "1996-08-30", day("1996-08-30")),
            ("Issued 26/03/2024 by the ministry.", "26/03/2024", day("2024-03-26")),
            ("Issued 03/26/2024 by the ministry.", "03/26/2024", day("2024-03-26")),
            ("Stamped 26.03.2024 at the border.", "26.03.2024", day("2024-03-26")),
            ("Issued 04/05/2024 by the ministry.", "04/05/2024", None),
            ("Issued 05/05/2024 by the ministry.", "05/05/2024", day("2024-05-05")),
            ("Ministers met on Tuesday, March 19.", "Tuesday, March 19", day("2024-03-19")),
            ("Mail arrives on the 26th of March.", "26th of March", day("2024-03-26")),
            ("Output peaked in March 2024.", "March 2024", range("2024-03-01", "2024-03-31")),
            ("Output peaked in May of 2023.", "May of 2023", range("2023-05-01", "2023-05-31")),
            ("The vote is due in May.", "May", range("2024-05-01", "2024-05-31")),
            ("Sales dropped in October.", "October", range("2023-10-01", "2023-10-31")),
            ("January was the wettest month.", "January", range("2024-01-01", "2024-01-31")),
            ("Work resumes in early May.", "early May", range("2024-05-01", "2024-05-10")),
            ("Work resumes by mid-May.", "mid-May", range("2024-05-11", "2024-05-20")),
            ("Snow fell in late March.", "late March", range("2024-03-21", "2024-03-31")),
            ("The ban began last March.", "last March", range("2023-03-01", "2023-03-31")),
            ("The ban ends next May.", "next May", range("2024-05-01", "2024-05-31")),
            ("Rates held through Oct. in most banks.", "Oct.", range("2023-10-01", "2023-10-31")),
            ("The dam was finished in 2019.", "2019", range("2019-01-01", "2019-12-31")),
            ("Prices have doubled since 2019.", "2019", range("2019-01-01", "2019-12-31")),
            ("A plan for the future of 2030.", "2030", range("2030-01-01", "2030-12-31")),
            ("The full year 2023 was calm.", "2023", range("2023-01-01", "2023-12-31")),
            ("The 2019 summer was dry.", "2019", range("2019-01-01", "2019-12-31")),
            ("A census taken in the 1990s.", "1990s", range("1990-01-01", "1999-12-31")),
            ("Growth slowed in early 2024.", "early 2024", range("2024-01-01", "2024-04-30")),
            ("Growth slowed by mid-2023.", "mid-2023", range("2023-05-01", "2023-08-31")),
            ("Fares rose from 2019 to 2021.", "2019 to 2021", range("2019-01-01", "2021-12-31")),
            ("Fares rose between 2019 and 2021.", "2019 and 2021", range("2019-01-01", "2021-12-31")),
            ("The 2019-2021 drought.", "2019-2021", range("2019-01-01", "2021-12-31")),
            ("The 1986/87 crop was poor.", "1986/87", range("1986-01-01", "1987-12-31")),
        ]);
        // A month and day without a year: the nearest such date to the reference.
        check_table(
            Some("2024-01-02"),
            &[(
                "The blast was on Dec 31 near the port.",
                "Dec 31",
                day("2023-12-31"),
            )],
        );
        #[rustfmt::skip]
        check_table(Some(WED), &[
            ("The plant reopens Jan 3.", "Jan 3", day("2027-01-03")),
            ("Hearings start Sept. 5.", "Sept. 5", day("2026-09-05")),
            ("Output fell in May.", "May", range("2026-05-01", "2026-05-31")),
        ]);
        // Two years joined by `and` are two expressions (a range only after `between`).
        assert_eq!(
            found("Turnout peaked in 2008 and 2012.", Some(TUE)),
            [
                ("2008", range("2008-01-01", "2008-12-31")),
                ("2012", range("2012-01-01", "2012-12-31"))
            ]
        );
    }

    #[test]
    fn absolute_dates_resolve_without_reference() {
        #[rustfmt::skip]
        check_table(None, &[
            ("Signed March 26, 2024.", "March 26, 2024", day("2024-03-26")),
            ("Dated 1996-08-30.", "1996-08-30", day("1996-08-30")),
            ("Built in 1990.", "1990", range("1990-01-01", "1990-12-31")),
            ("Sales rose in Q3 2023.", "Q3 2023", range("2023-07-01", "2023-09-30")),
            ("Talks end on March 26.", "March 26", None),
            ("Talks ended on Friday.", "Friday", None),
            ("Talks ended last week.", "last week", None),
            ("Talks ended two days ago.", "two days ago", None),
            ("Talks ended the next day.", "the next day", None),
        ]);
    }

    #[test]
    fn relative_days() {
        #[rustfmt::skip]
        check_table(Some(TUE), &[
            ("The minister said today that", "today", day("2024-03-26")),
            ("Today's talks were short.", "Today", day("2024-03-26")),
            ("Gunfire was heard yesterday.", "yesterday", day("2024-03-25")),
            ("The verdict is due tomorrow.", "tomorrow", day("2024-03-27")),
            ("He will speak tonight.", "tonight", day("2024-03-26")),
            ("A quake struck earlier today.", "earlier today", day("2024-03-26")),
            ("Results come later today.", "later today", day("2024-03-26")),
            ("Storms hit last night.", "last night", day("2024-03-25")),
            ("Power returned this morning.", "this morning", day("2024-03-26")),
            ("The polls closed yesterday afternoon.", "yesterday afternoon", day("2024-03-25")),
            ("Troops left the day before yesterday.", "the day before yesterday", day("2024-03-24")),
            ("Talks resume the day after tomorrow.", "the day after tomorrow", day("2024-03-28")),
            ("It was quiet the previous day.", "the previous day", None),
            ("Crowds gathered the day before the vote.", "the day before", None),
        ]);
    }

    #[test]
    fn days_counted_from_the_day_before_them() {
        let text = "Rebels took the town on Monday. The next day, troops retook it; \
                    two days later the road reopened, and the day before, aid had arrived.";
        assert_eq!(
            found(text, Some(TUE)),
            [
                ("Monday", day("2024-03-25")),
                ("The next day", day("2024-03-26")),
                ("two days later", day("2024-03-28")),
                ("the day before", day("2024-03-27")),
            ]
        );
    }

    #[test]
    fn relative_periods() {
        #[rustfmt::skip]
        check_table(Some(TUE), &[
            ("Fuel prices rose this week.", "this week", range("2024-03-25", "2024-03-31")),
            ("Fuel prices rose last week.", "last week", range("2024-03-18", "2024-03-24")),
            ("Fuel prices rise next week.", "next week", range("2024-04-01", "2024-04-07")),
            ("Exports grew this month.", "this month", range("2024-03-01", "2024-03-31")),
            ("Exports grew last month.", "last month", range("2024-02-01", "2024-02-29")),
            ("Exports grow next month.", "next month", range("2024-04-01", "2024-04-30")),
            ("Inflation eased this year.", "this year", range("2024-01-01", "2024-12-31")),
            ("Inflation eased last year.", "last year", range("2023-01-01", "2023-12-31")),
            ("Inflation eases next year.", "next year", range("2025-01-01", "2025-12-31")),
            ("The envoy arrived earlier this week.", "earlier this week", range("2024-03-25", "2024-03-26")),
            ("A deal is expected later this month.", "later this month", range("2024-03-26", "2024-03-31")),
            ("Debt grew late last year.", "late last year", range("2023-09-01", "2023-12-31")),
            ("Rain fell over the past week.", "the past week", range("2024-03-20", "2024-03-26")),
            ("Rain fell this past week.", "this past week", range("2024-03-20", "2024-03-26")),
            ("Rain fell over the past two weeks.", "the past two weeks", range("2024-03-13", "2024-03-26")),
            ("Rain fell in the last 24 hours.", "the last 24 hours", range("2024-03-25", "2024-03-26")),
            ("Rain is forecast for the coming week.", "the coming week", range("2024-03-27", "2024-04-02")),
            ("Troops left two days ago.", "two days ago", day("2024-03-24")),
            ("Troops left three weeks ago.", "three weeks ago", range("2024-03-04", "2024-03-10")),
            ("Troops left a month ago.", "a month ago", range("2024-02-01", "2024-02-29")),
            ("Troops left a year ago.", "a year ago", range("2023-01-01", "2023-12-31")),
            ("Troops left a few days ago.", "a few days ago", None),
            ("The bridge opened in 1990.", "1990", range("1990-01-01", "1990-12-31")),
            ("Crowds came last weekend.", "last weekend", range("2024-03-23", "2024-03-24")),
            ("Crowds came over the weekend.", "the weekend", range("2024-03-23", "2024-03-24")),
            ("Crowds come this weekend.", "this weekend", range("2024-03-30", "2024-03-31")),
            ("Sales slipped this quarter.", "this quarter", range("2024-01-01", "2024-03-31")),
            ("Sales slipped last quarter.", "last quarter", range("2023-10-01", "2023-12-31")),
        ]);
        #[rustfmt::skip]
        check_table(Some(WED), &[
            ("Exports grew last month.", "last month", range("2026-09-01", "2026-09-30")),
            ("Inflation eases next year.", "next year", range("2027-01-01", "2027-12-31")),
            ("Fuel prices rose this week.", "this week", range("2026-10-05", "2026-10-11")),
            ("The envoy arrived earlier this week.", "earlier this week", range("2026-10-05", "2026-10-07")),
            ("A vote is due later this year.", "later this year", range("2026-10-07", "2026-12-31")),
        ]);
    }

    #[test]
    fn quarters_and_halves() {
        #[rustfmt::skip]
        check_table(Some(TUE), &[
            ("Profit rose in the first quarter.", "the first quarter", range("2024-01-01", "2024-03-31")),
            ("Profit rose in the fourth quarter.", "the fourth quarter", range("2023-10-01", "2023-12-31")),
            ("Profit should rise in the second quarter.", "the second quarter", range("2024-04-01", "2024-06-30")),
            ("Profit rose in the first quarter of 2023.", "the first quarter of 2023", range("2023-01-01", "2023-03-31")),
            ("Q1 profit rose.", "Q1", range("2024-01-01", "2024-03-31")),
            ("Profit rose in Q3 2023.", "Q3 2023", range("2023-07-01", "2023-09-30")),
            ("Output fell in the first half of 2023.", "the first half of 2023", range("2023-01-01", "2023-06-30")),
            ("Output fell in the second half of last year.", "the second half of last year", range("2023-07-01", "2023-12-31")),
            ("Output fell in the final quarter of the year.", "the final quarter of the year", range("2024-10-01", "2024-12-31")),
            ("Its first-quarter profit rose.", "first-quarter", range("2024-01-01", "2024-03-31")),
            ("Sales rose in the 3rd quarter of 2022.", "the 3rd quarter of 2022", range("2022-07-01", "2022-09-30")),
            ("H2 orders slowed.", "H2", range("2023-07-01", "2023-12-31")),
            ("Net rose in the first quarter of fiscal 2024.", "the first quarter of fiscal 2024", None),
        ]);
        #[rustfmt::skip]
        check_table(Some(WED), &[
            ("Profit rose in the third quarter.", "the third quarter", range("2026-07-01", "2026-09-30")),
            ("Profit rose in the first half.", "the first half", range("2026-01-01", "2026-06-30")),
            ("Orders rose in the fourth quarter.", "the fourth quarter", range("2026-10-01", "2026-12-31")),
        ]);
    }

    #[test]
    fn seasons() {
        #[rustfmt::skip]
        check_table(Some(TUE), &[
            ("Tourism grows this summer.", "this summer", range("2024-06-01", "2024-08-31")),
            ("Gas ran short last winter.", "last winter", range("2023-12-01", "2024-02-29")),
            ("A drought hit in the summer of 2022.", "the summer of 2022", range("2022-06-01", "2022-08-31")),
            ("Enrolment opens fall 2025.", "fall 2025", range("2025-09-01", "2025-11-30")),
            ("Crops failed late last summer.", "late last summer", range("2023-08-01", "2023-08-31")),
        ]);
        #[rustfmt::skip]
        check_table(Some(WED), &[
            ("Tourism boomed this summer.", "this summer", range("2026-06-01", "2026-08-31")),
            ("Talks resume next spring.", "next spring", range("2027-03-01", "2027-05-31")),
            ("Floods hit last autumn.", "last autumn", range("2025-09-01", "2025-11-30")),
            ("Gas may run short this winter.", "this winter", range("2026-12-01", "2027-02-28")),
        ]);
    }

    #[test]
    fn times_of_day() {
        #[rustfmt::skip]
        check_table(Some(TUE), &[
            ("Polls open Tuesday at 10:00 GMT.", "Tuesday at 10:00 GMT", day("2024-03-26")),
            ("The deadline is March 26 at noon.", "March 26 at noon", day("2024-03-26")),
            ("A blast came yesterday at 9:30 a.m. local time.", "yesterday at 9:30 a.m. local time", day("2024-03-25")),
            ("Flights resume at 3 p.m. on Monday.", "3 p.m. on Monday", day("2024-03-25")),
            ("Trains stopped on Friday, 14:30 GMT+3.", "Friday, 14:30 GMT+3", day("2024-03-22")),
            ("The curfew begins at 10:00.", "10:00", None),
            ("The curfew begins at 0900 GMT.", "0900 GMT", None),
            ("The curfew begins at 9pm.", "9pm", None),
            ("Talks resume at 10.00 local time.", "10.00 local time", None),
        ]);
    }

    #[test]
    fn words_that_are_not_dates() {
        for text in [
            "Ministers may be asked to resign.",
            "May I add one thing, she asked.",
            "Some 5 may face charges.",
            "Protesters vowed to march on the capital.",
            "The March on Washington drew crowds.",
            "The Sun reported the story first.",
            "They plan to wed in a small ceremony.",
            "Some 2019 people attended.",
            "The bill passed by 2000 votes to 12.",
            "A crowd of 2019 fans.",
            "Scored 2019 points in the season.",
            "Marc 3 goals behind.",
            "USA Today reported the figures.",
            "She spoke to Russia Today on air.",
            "The Sunday Times reported it.",
            "April said the quarter was hard.",
            "Growth of 3.50 percent.",
            "In June Carter's songs.",
            "Prices fall 2000 points.",
            "The past is another country.",
            "The drought is predicted to last many months.",
            "Wheat Apr 3.2, May 9.0, Jun 13.5 mln tonnes.",
            "He paid $2019 for it.",
            "Version 10.2.2024.5 shipped.",
        ] {
            assert_eq!(found(text, Some(TUE)), [], "{text:?}");
        }
    }

    #[test]
    fn overlapping_candidates_keep_the_longest() {
        let text = "The plan, agreed last Friday and revised earlier this week, covers the \
                    first quarter of 2025 and starts Tuesday, March 19 at 10:00.";
        assert_eq!(
            found(text, Some(TUE)),
            [
                ("last Friday", day("2024-03-22")),
                ("earlier this week", range("2024-03-25", "2024-03-26")),
                ("the first quarter of 2025", range("2025-01-01", "2025-03-31")),
                ("Tuesday, March 19 at 10:00", day("2024-03-19")),
            ]
        );
        let spans = |text| {
            found(text, Some(TUE))
                .into_iter()
                .map(|(span, _)| span)
                .collect::<Vec<_>>()
        };
        assert_eq!(spans("in May 2024"), ["May 2024"]);
        assert_eq!(spans("the day before yesterday"), ["the day before yesterday"]);
        assert_eq!(spans("at 10:00 GMT on Tuesday"), ["10:00 GMT on Tuesday"]);
        assert_eq!(spans("from 2019 to 2021"), ["2019 to 2021"]);
    }

    #[test]
    fn year_boundaries() {
        #[rustfmt::skip]
        check_table(Some("2024-01-15"), &[
            ("Exports fell last month.", "last month", range("2023-12-01", "2023-12-31")),
            ("Exports fell last week.", "last week", range("2024-01-08", "2024-01-14")),
            ("The blast was on Dec 31.", "Dec 31", day("2023-12-31")),
            ("Sales fell in December.", "December", range("2023-12-01", "2023-12-31")),
            ("Sales fell in the fourth quarter.", "the fourth quarter", range("2023-10-01", "2023-12-31")),
            ("Gas ran short this winter.", "this winter", range("2023-12-01", "2024-02-29")),
            ("The mill shut last Monday.", "last Monday", day("2024-01-08")),
        ]);
        #[rustfmt::skip]
        check_table(Some("2025-12-30"), &[
            ("Exports rise next month.", "next month", range("2026-01-01", "2026-01-31")),
            ("The plant reopens Jan. 2.", "Jan. 2", day("2026-01-02")),
            ("Fuel prices rise next week.", "next week", range("2026-01-05", "2026-01-11")),
            ("Orders rise in the first quarter.", "the first quarter", range("2026-01-01", "2026-03-31")),
        ]);
    }

    #[test]
    fn unicode_around_expressions() {
        let text = "Le ministre — «yesterday» — a parlé; 東京 March 26 東京, déjà Tuesday… café 2024-03-26";
        for t in find_times(text, Some(date(TUE))) {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        }
        assert_eq!(
            found(text, Some(TUE)),
            [
                ("yesterday", day("2024-03-25")),
                ("March 26", day("2024-03-26")),
                ("Tuesday", day("2024-03-26")),
                ("2024-03-26", day("2024-03-26")),
            ]
        );
        // Letters glued to a keyword make another word; a no-break space still separates.
        assert_eq!(found("éTuesday Tuesdayé 東京March 26", Some(TUE)), []);
        assert_eq!(
            found("last\u{a0}week", Some(TUE)),
            [("last\u{a0}week", range("2024-03-18", "2024-03-24"))]
        );
    }

    #[test]
    fn blank_lines_break_expressions() {
        assert_eq!(found("It ended last\n\nweek.", Some(TUE)), []);
        assert_eq!(
            found("It ended last\nweek.", Some(TUE)),
            [("last\nweek", range("2024-03-18", "2024-03-24"))]
        );
    }

    #[test]
    fn extreme_references_do_not_panic() {
        let text = "Tuesday, next week, last month, next year, this summer, Q4, two years ago, \
                    the past 3 months, March 26, the next day, early next month, this quarter.";
        for reference in [NaiveDate::MIN, NaiveDate::MAX, date("0001-01-01")] {
            assert!(find_times(text, Some(reference)).len() >= 10);
        }
    }

    #[test]
    fn serializes_with_a_kind_tag() {
        let times = find_times("Signed on March 26, 2024 during last week.", Some(date(TUE)));
        let json = serde_json::to_string(&times).expect("serializes");
        assert_eq!(
            json,
            r#"[{"start":10,"end":24,"resolved":{"kind":"day","date":"2024-03-26"}},{"start":32,"end":41,"resolved":{"kind":"range","from":"2024-03-18","to":"2024-03-24"}}]"#
        );
    }

    /// Pieces to build texts dense with near-expressions.
    const PIECES: &[&str] = &[
        "March",
        "May",
        "may",
        "26",
        "2024",
        "1990s",
        "Tuesday",
        "last",
        "next",
        "this",
        "the",
        "day",
        "before",
        "week",
        "weeks",
        "ago",
        "two",
        "a",
        "few",
        "Q",
        "1",
        "first",
        "quarter",
        "half",
        "of",
        "early",
        "mid",
        "late",
        "summer",
        "winter",
        "at",
        "10",
        ":",
        "00",
        "GMT",
        "+",
        "p",
        "m",
        ".",
        ",",
        "-",
        "/",
        "'",
        "s",
        "th",
        "in",
        "since",
        "by",
        "yesterday",
        "tomorrow",
        "on",
        "noon",
        "é",
        "東京",
        "—",
        "\n",
        "\n\n",
        "Sept",
        "29",
        "12",
        "03",
        "0900",
        "fiscal",
        "87",
        "between",
        "and",
        "past",
    ];

    fn soup() -> impl Strategy<Value = String> {
        prop::collection::vec((0..PIECES.len(), 0..3usize), 0..40).prop_map(|parts| {
            let gaps = ["", " ", "  "];
            parts
                .into_iter()
                .map(|(piece, gap)| format!("{}{}", PIECES[piece], gaps[gap]))
                .collect()
        })
    }

    fn check_spans(text: &str, reference: Option<NaiveDate>) {
        let times = find_times(text, reference);
        let mut previous_end = 0;
        for t in &times {
            assert!(t.start < t.end, "empty span in {text:?}");
            assert!(
                t.start >= previous_end,
                "overlap or disorder in {text:?}: {times:?}"
            );
            assert!(t.end <= text.len());
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            previous_end = t.end;
        }
    }

    fn reference() -> impl Strategy<Value = Option<NaiveDate>> {
        prop_oneof![
            Just(None),
            Just(Some(date(TUE))),
            Just(Some(date(WED))),
            Just(Some(NaiveDate::MIN)),
            Just(Some(NaiveDate::MAX)),
            (-1000i32..4000, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
        ]
    }

    proptest! {
        #[test]
        fn arbitrary_strings_never_panic(text in any::<String>(), reference in reference()) {
            check_spans(&text, reference);
        }

        #[test]
        fn expression_soup_never_panics(text in soup(), reference in reference()) {
            check_spans(&text, reference);
        }
    }
}
