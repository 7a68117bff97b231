//! The filter language: one grammar for the command line and the reader's filter bar.
//!
//! A filter is a sequence of terms separated by white space; an article matches when it matches
//! every term. The empty filter matches every article. A term is a field with a value, a free
//! word or a quoted phrase:
//!
//! | Term | Matches articles |
//! |---|---|
//! | `agency:KUNA,WAM` | filed by any of the agencies (abbreviations or names) |
//! | `date:2024-03-26`, `date:2024-03`, `date:2024` | published that day, month or year |
//! | `date:2024-03-20..2024-03-26`, `date:2024-01..2024-03` | published in the inclusive range (Jan 1 to Mar 31 for the second) |
//! | `date:2024-03-20..`, `date:..2024-03-26` | published on or after, on or before the day |
//! | `date:today`, `date:yesterday` | published today, yesterday |
//! | `date:7d`, `date:2w`, `date:3m`, `date:1y` | published in the last 7 days, 2 weeks, 3 months, 1 year, today included |
//! | `since:7d`, `since:2024-03-01` | published on or after the first day of the date |
//! | `before:2024-01-01`, `before:2024` | published strictly before the first day of the date |
//! | `entity:"Antony Blinken"`, `entity:Blinken` | mentioning the entity (canonical name or mention) |
//! | `speaker:Netanyahu` | with a statement by the speaker |
//! | `place:Washington` | with that dateline place |
//! | `is:unread`, `is:read`, `is:starred`, `is:unstarred` | in that reading state |
//! | `ceasefire`, `"security council"` | containing the word or the phrase (full-text search); a trailing `*` (`minist*`, `"security coun*"`) makes the word, or the phrase's last word, a prefix |
//!
//! The details:
//!
//! - Any term is negated by a leading `-`: `-agency:AP`, `-is:read`, `-ceasefire`,
//!   `-"two words"`. Only the first `-` of a term negates, and a term cannot start with two
//!   (`--x` is an error); a word that starts with `-` is written in quotes.
//! - Keys are case-insensitive (`Agency:` works) and printed lowercase; so are `today`,
//!   `yesterday`, the units `d w m y` and the `is:` states. Every other value is kept as written.
//! - A value with white space or a `"` is written in double quotes (`entity:"Antony Blinken"`);
//!   inside quotes `\"` is a quote and `\\` a backslash, and a backslash before anything else is
//!   kept. Quotes surround a whole value, a whole phrase or one whole agency of the list
//!   (`agency:"Kuwait News Agency",WAM`); a quote inside a bare word (`O"Brien`) is an error.
//! - A word whose text before its first colon is alphabetic names a field, so `foo:bar` and
//!   `http://x` are errors (unknown field); `10:30`, `h2o:x` and `:)` are plain words. Quote such
//!   text to search for it: `"http://x"`.
//! - Values cannot be empty or blank, and `date:..` needs at least one side. A side of a range
//!   is any date except a range; a range between two calendar dates cannot end before it starts.
//! - Years have four digits; months and days one or two (`2024-3-5` is read, `2024-03-05`
//!   printed). Counts (`7d`) start at 1.
//! - Relative dates are resolved against a `today` the caller passes in (this module never reads
//!   the clock). `Nd` is the N days ending today (`7d` on 2024-03-26 is 2024-03-20 to
//!   2024-03-26), `Nw` is 7N days; `Nm` and `Ny` start the day after the same date N months or
//!   years earlier (`3m` on 2024-03-26 starts 2023-12-27), a missing day (February 30) counting as
//!   the month's last.
//!
//! Printing a [`Filter`] gives its canonical text: lowercase keys, single spaces, zero-padded
//! dates, quotes only where needed. Parsing that text gives the same filter back, for every filter
//! that keeps the invariants parsing guarantees: non-blank values, a non-empty agency list, years 0
//! to 9999, counts from 1, a range with at least one side and calendar sides in order, and a
//! [`Condition::Word`] that is a bare word (no white space or `"`, no leading `-`, not shaped like
//! `key:`). A `Word` of any other shape is printed in quotes and so reads back as a
//! [`Condition::Phrase`], which is what a "word" with spaces means anyway.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Days, Months, NaiveDate};

/// The keys, in the order error messages list them.
const KEYS: &str = "agency, date, since, before, entity, speaker, place, is";
/// What a `date:` value may be, for error messages.
const DATE_EXPECTED: &str = "a date (2024-03-26, 2024-03, 2024, a..b, today, 7d)";
/// What a `since:` or `before:` value may be, for error messages.
const PERIOD_EXPECTED: &str = "a date (2024-03-26, 2024-03, 2024, today, 7d)";
/// What an `is:` value may be, for error messages.
const STATE_EXPECTED: &str = "one of unread, read, starred, unstarred";

/// A filter: terms that must all match. The empty filter matches every article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// The terms, in the order written.
    pub terms: Vec<Term>,
}

/// One term of a filter: a condition, possibly negated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// True when written with a leading `-`: the article must not match the condition.
    pub negated: bool,
    /// What the term tests.
    pub condition: Condition,
}

/// What a term tests. Text values are kept as written; how they match is the store's business.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    /// `agency:KUNA,WAM`: filed by any of these agencies (abbreviations or names).
    Agency(Vec<String>),
    /// `date:…`: published within the period or range.
    Date(DateSpec),
    /// `since:…`: published on or after the period's first day.
    Since(Period),
    /// `before:…`: published strictly before the period's first day.
    Before(Period),
    /// `entity:…`: mentions the entity, by canonical name or mention.
    Entity(String),
    /// `speaker:…`: has a statement by the speaker.
    Speaker(String),
    /// `place:…`: the dateline place.
    Place(String),
    /// `is:…`: the article's reading state.
    Is(State),
    /// A free word, for full-text search (a bare word: see the module docs).
    Word(String),
    /// A quoted phrase, for full-text search.
    Phrase(String),
}

/// The value of `date:`: one period, or an inclusive range between two.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSpec {
    /// `2024-03-26`, `2024-03`, `2024`, `today`, `7d`, …: the days of the period.
    Period(Period),
    /// `a..b`: from the first day of `from` to the last day of `to`, either side open (`None`)
    /// but not both.
    Range {
        /// The period the range starts with; `None` when open (`..2024-03-26`).
        from: Option<Period>,
        /// The period the range ends with; `None` when open (`2024-03-20..`).
        to: Option<Period>,
    },
}

/// A run of days named by a date value: a calendar day, month or year, or one relative to today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// `2024-03-26`.
    Day(NaiveDate),
    /// `2024-03`.
    Month {
        /// The year, 0 to 9999.
        year: i32,
        /// The month.
        month: chrono::Month,
    },
    /// `2024`: a year, 0 to 9999.
    Year(i32),
    /// `today`.
    Today,
    /// `yesterday`.
    Yesterday,
    /// `7d`, `2w`, `3m`, `1y`: the last N units, today included; N is at least 1.
    Last(u32, Unit),
}

/// The unit of a relative period (`7d`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// `d`.
    Day,
    /// `w`: seven days.
    Week,
    /// `m`: a calendar month.
    Month,
    /// `y`: a calendar year.
    Year,
}

/// The value of `is:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum State {
    /// `is:unread`: not opened yet.
    Unread,
    /// `is:read`: opened.
    Read,
    /// `is:starred`: starred.
    Starred,
    /// `is:unstarred`: not starred.
    Unstarred,
}

/// A part of a filter the reader edits as one: [`Filter::set`] replaces a field's terms and
/// [`Filter::remove_field`] clears them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// `agency:`.
    Agency,
    /// `date:`, `since:` and `before:`.
    Date,
    /// `entity:`.
    Entity,
    /// `speaker:`.
    Speaker,
    /// `place:`.
    Place,
    /// `is:read` and `is:unread`.
    Read,
    /// `is:starred` and `is:unstarred`.
    Star,
    /// Free words and phrases.
    Text,
}

/// Inclusive bounds on publication days; `None` leaves that side open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateBounds {
    /// The first day included.
    pub first: Option<NaiveDate>,
    /// The last day included.
    pub last: Option<NaiveDate>,
}

/// Why filter text does not parse. `Display` gives `column N: message`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("column {column}: {message}")]
pub struct ParseError {
    /// Where the problem is, from 1, counted in characters.
    pub column: usize,
    /// What was expected and what was found.
    pub message: String,
}

impl Filter {
    /// Parses filter text (see the module docs for the grammar).
    ///
    /// ```
    /// use newsdesk::query::{Condition, Filter, State};
    ///
    /// let filter = Filter::parse("Agency:KUNA,WAM -is:read  ceasefire")?;
    /// assert_eq!(filter.terms.len(), 3);
    /// assert_eq!(filter.terms[1].condition, Condition::Is(State::Read));
    /// assert!(filter.terms[1].negated);
    /// assert_eq!(filter.to_string(), "agency:KUNA,WAM -is:read ceasefire");
    ///
    /// let error = Filter::parse("date:2024-13").unwrap_err();
    /// assert_eq!(error.column, 6);
    /// # Ok::<(), newsdesk::query::ParseError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Filter, ParseError> {
        Parser::new(text).filter()
    }

    /// True when the filter has no terms, and so matches every article.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Puts `term` in place of the terms of its [`Field`]: where the first of them was, or at
    /// the end when there is none. `date:`, `since:` and `before:` are one field.
    pub fn set(&mut self, term: Term) {
        let field = term.condition.field();
        let mut new = Some(term);
        let mut terms = Vec::with_capacity(self.terms.len() + 1);
        for old in self.terms.drain(..) {
            if old.condition.field() != field {
                terms.push(old);
            } else if let Some(new) = new.take() {
                terms.push(new);
            }
        }
        terms.extend(new);
        self.terms = terms;
    }

    /// Removes every term of `field`.
    pub fn remove_field(&mut self, field: Field) {
        self.terms.retain(|term| term.condition.field() != field);
    }
}

impl FromStr for Filter {
    type Err = ParseError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Filter::parse(text)
    }
}

impl From<Condition> for Term {
    /// The term that tests `condition`, not negated.
    fn from(condition: Condition) -> Self {
        Term {
            negated: false,
            condition,
        }
    }
}

impl Condition {
    /// The field the condition belongs to.
    pub fn field(&self) -> Field {
        match self {
            Condition::Agency(_) => Field::Agency,
            Condition::Date(_) | Condition::Since(_) | Condition::Before(_) => Field::Date,
            Condition::Entity(_) => Field::Entity,
            Condition::Speaker(_) => Field::Speaker,
            Condition::Place(_) => Field::Place,
            Condition::Is(State::Read | State::Unread) => Field::Read,
            Condition::Is(State::Starred | State::Unstarred) => Field::Star,
            Condition::Word(_) | Condition::Phrase(_) => Field::Text,
        }
    }

    /// The inclusive publication days a `date:`, `since:` or `before:` condition allows, with
    /// relative dates resolved against `today`; `None` for the other conditions.
    pub fn bounds(&self, today: NaiveDate) -> Option<DateBounds> {
        match self {
            Condition::Date(spec) => Some(spec.resolve(today)),
            Condition::Since(period) => Some(DateBounds {
                first: Some(period.span(today).0),
                last: None,
            }),
            Condition::Before(period) => Some(DateBounds {
                first: None,
                last: Some(period.span(today).0.pred_opt().unwrap_or(NaiveDate::MIN)),
            }),
            _ => None,
        }
    }
}

impl DateSpec {
    /// The inclusive days the spec covers, with relative dates resolved against `today`.
    pub fn resolve(&self, today: NaiveDate) -> DateBounds {
        match self {
            DateSpec::Period(period) => {
                let (first, last) = period.span(today);
                DateBounds {
                    first: Some(first),
                    last: Some(last),
                }
            }
            DateSpec::Range { from, to } => DateBounds {
                first: from.map(|period| period.span(today).0),
                last: to.map(|period| period.span(today).1),
            },
        }
    }
}

impl Period {
    /// The first and last day of the period. Days beyond chrono's range are clamped to it.
    fn span(&self, today: NaiveDate) -> (NaiveDate, NaiveDate) {
        match *self {
            Period::Day(day) => (day, day),
            Period::Month { year, month } => {
                let first = first_of_month(year, month.number_from_month());
                let last = first
                    .checked_add_months(Months::new(1))
                    .and_then(|next| next.pred_opt())
                    .unwrap_or(NaiveDate::MAX);
                (first, last)
            }
            Period::Year(year) => {
                let next = year
                    .checked_add(1)
                    .map_or(NaiveDate::MAX, |next| first_of_month(next, 1));
                (first_of_month(year, 1), next.pred_opt().unwrap_or(NaiveDate::MIN))
            }
            Period::Today => (today, today),
            Period::Yesterday => {
                let day = today.pred_opt().unwrap_or(today);
                (day, day)
            }
            Period::Last(count, unit) => {
                let start = match unit {
                    Unit::Day => today.checked_sub_days(Days::new(count.into())),
                    Unit::Week => today.checked_sub_days(Days::new(u64::from(count) * 7)),
                    Unit::Month => today.checked_sub_months(Months::new(count)),
                    Unit::Year => count
                        .checked_mul(12)
                        .and_then(|months| today.checked_sub_months(Months::new(months))),
                };
                let first = start.and_then(|day| day.succ_opt()).unwrap_or(NaiveDate::MIN);
                (first, today)
            }
        }
    }

    /// True for periods that depend on today.
    fn is_relative(&self) -> bool {
        matches!(self, Period::Today | Period::Yesterday | Period::Last(..))
    }
}

/// The first day of a month (`month` in 1..=12), clamped to chrono's range of dates.
fn first_of_month(year: i32, month: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(if year < 0 { NaiveDate::MIN } else { NaiveDate::MAX })
}

impl DateBounds {
    /// True when `day` is within the bounds.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.first.is_none_or(|first| first <= day) && self.last.is_none_or(|last| day <= last)
    }
}

impl fmt::Display for Filter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, term) in self.terms.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{term}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.negated {
            f.write_str("-")?;
        }
        write!(f, "{}", self.condition)
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Condition::Agency(names) => {
                f.write_str("agency:")?;
                for (i, name) in names.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write_value(f, name, is_bare_value(name) && !name.contains(','))?;
                }
                Ok(())
            }
            Condition::Date(spec) => write!(f, "date:{spec}"),
            Condition::Since(period) => write!(f, "since:{period}"),
            Condition::Before(period) => write!(f, "before:{period}"),
            Condition::Entity(value) => {
                f.write_str("entity:")?;
                write_value(f, value, is_bare_value(value))
            }
            Condition::Speaker(value) => {
                f.write_str("speaker:")?;
                write_value(f, value, is_bare_value(value))
            }
            Condition::Place(value) => {
                f.write_str("place:")?;
                write_value(f, value, is_bare_value(value))
            }
            Condition::Is(state) => write!(f, "is:{state}"),
            Condition::Word(word) => write_value(f, word, is_bare_word(word)),
            Condition::Phrase(phrase) => write_value(f, phrase, false),
        }
    }
}

impl fmt::Display for DateSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateSpec::Period(period) => write!(f, "{period}"),
            DateSpec::Range { from, to } => {
                if let Some(from) = from {
                    write!(f, "{from}")?;
                }
                f.write_str("..")?;
                if let Some(to) = to {
                    write!(f, "{to}")?;
                }
                Ok(())
            }
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Day(day) => write!(f, "{:04}-{:02}-{:02}", day.year(), day.month(), day.day()),
            Period::Month { year, month } => write!(f, "{year:04}-{:02}", month.number_from_month()),
            Period::Year(year) => write!(f, "{year:04}"),
            Period::Today => f.write_str("today"),
            Period::Yesterday => f.write_str("yesterday"),
            Period::Last(count, unit) => {
                let suffix = match unit {
                    Unit::Day => 'd',
                    Unit::Week => 'w',
                    Unit::Month => 'm',
                    Unit::Year => 'y',
                };
                write!(f, "{count}{suffix}")
            }
        }
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            State::Unread => "unread",
            State::Read => "read",
            State::Starred => "starred",
            State::Unstarred => "unstarred",
        })
    }
}

/// Writes `value` as is when `bare`, else in quotes with `"` and `\` escaped.
fn write_value(f: &mut fmt::Formatter<'_>, value: &str, bare: bool) -> fmt::Result {
    if bare {
        return f.write_str(value);
    }
    f.write_str("\"")?;
    for c in value.chars() {
        if c == '"' || c == '\\' {
            f.write_str("\\")?;
        }
        write!(f, "{c}")?;
    }
    f.write_str("\"")
}

/// True when a field value reads back without quotes: not empty, no white space, no quote.
fn is_bare_value(value: &str) -> bool {
    !value.is_empty() && !value.chars().any(|c| c.is_whitespace() || c == '"')
}

/// True when a free word reads back as a word without quotes: a bare value that does not start
/// with `-` and is not shaped like `key:`.
fn is_bare_word(word: &str) -> bool {
    is_bare_value(word)
        && !word.starts_with('-')
        && !word
            .split_once(':')
            .is_some_and(|(prefix, _)| is_key_shaped(prefix))
}

/// True when the text before a colon names a field, known or not: letters only.
fn is_key_shaped(prefix: &str) -> bool {
    !prefix.is_empty() && prefix.chars().all(char::is_alphabetic)
}

/// True for values parsing rejects: empty or only white space.
fn is_blank(value: &str) -> bool {
    value.chars().all(char::is_whitespace)
}

/// A field value as read, with what to call it in an error message.
struct Value {
    /// The value, unquoted and unescaped.
    text: String,
    /// The column it starts at (its opening quote, when quoted).
    column: usize,
    /// True when written in quotes.
    quoted: bool,
    /// How an error message names it: the text in quotes, or what stood where it was missing.
    found: String,
}

/// The parser: a cursor over the characters of the filter text.
struct Parser {
    chars: Vec<char>,
    pos: usize,
}

impl Parser {
    fn new(text: &str) -> Self {
        Parser {
            chars: text.chars().collect(),
            pos: 0,
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn column(&self) -> usize {
        self.pos + 1
    }

    /// True at white space or the end: where a term may end.
    fn at_boundary(&self) -> bool {
        self.peek().is_none_or(char::is_whitespace)
    }

    /// How an error message names what stands at the cursor.
    fn found_here(&self) -> String {
        match self.peek() {
            None => "the end".to_string(),
            Some(c) if c.is_whitespace() => "a space".to_string(),
            Some('"') => "a quote".to_string(),
            Some(_) => {
                let run: String = self.chars[self.pos..]
                    .iter()
                    .take_while(|c| !c.is_whitespace())
                    .collect();
                format!("{run:?}")
            }
        }
    }

    /// The error "expected `what`, found …" at the cursor.
    fn expected(&self, what: &str) -> ParseError {
        error(
            self.column(),
            format!("expected {what}, found {}", self.found_here()),
        )
    }

    fn filter(mut self) -> Result<Filter, ParseError> {
        let mut terms = Vec::new();
        loop {
            while self.peek().is_some_and(char::is_whitespace) {
                self.pos += 1;
            }
            if self.peek().is_none() {
                return Ok(Filter { terms });
            }
            terms.push(self.term()?);
        }
    }

    /// One term, from its first character to the white space or end after it.
    fn term(&mut self) -> Result<Term, ParseError> {
        let negated = self.peek() == Some('-');
        if negated {
            self.pos += 1;
            if self.at_boundary() || self.peek() == Some('-') {
                return Err(self.expected("a term after -"));
            }
        }
        let condition = if self.peek() == Some('"') {
            let value = self.value()?;
            Condition::Phrase(nonblank(value, "a phrase")?)
        } else {
            self.field_or_word()?
        };
        Ok(Term { negated, condition })
    }

    /// A `key:value` term, or a free word.
    fn field_or_word(&mut self) -> Result<Condition, ParseError> {
        let start = self.pos;
        let key_end = self.chars[start..]
            .iter()
            .position(|&c| c.is_whitespace() || c == '"' || c == ':')
            .map(|len| start + len);
        if let Some(end) = key_end.filter(|&end| self.chars.get(end) == Some(&':')) {
            let key: String = self.chars[start..end].iter().collect();
            if is_key_shaped(&key) {
                self.pos = end + 1;
                return self.field(&key, start + 1);
            }
        }
        Ok(Condition::Word(self.bare(false, "word")?))
    }

    /// The value of field `key` (written at `column`), the cursor just after the colon.
    fn field(&mut self, key: &str, column: usize) -> Result<Condition, ParseError> {
        Ok(match key.to_lowercase().as_str() {
            "agency" => Condition::Agency(self.agencies()?),
            "date" => Condition::Date(date_spec(&self.value()?)?),
            "since" => Condition::Since(period_value(&self.value()?)?),
            "before" => Condition::Before(period_value(&self.value()?)?),
            "entity" => Condition::Entity(nonblank(self.value()?, "an entity")?),
            "speaker" => Condition::Speaker(nonblank(self.value()?, "a speaker")?),
            "place" => Condition::Place(nonblank(self.value()?, "a place")?),
            "is" => {
                let value = self.value()?;
                Condition::Is(match value.text.to_lowercase().as_str() {
                    "unread" => State::Unread,
                    "read" => State::Read,
                    "starred" => State::Starred,
                    "unstarred" => State::Unstarred,
                    _ => return Err(value.expected(STATE_EXPECTED)),
                })
            }
            _ => {
                return Err(error(
                    column,
                    format!("unknown field `{key}`: expected one of {KEYS}"),
                ));
            }
        })
    }

    /// A value, quoted or bare, up to the white space or end after it. May be empty.
    fn value(&mut self) -> Result<Value, ParseError> {
        let column = self.column();
        if self.peek() == Some('"') {
            let text = self.quoted()?;
            if !self.at_boundary() {
                return Err(self.expected("a space after the closing quote"));
            }
            let found = format!("{text:?}");
            return Ok(Value {
                text,
                column,
                quoted: true,
                found,
            });
        }
        let missing = self.found_here();
        let text = self.bare(false, "value")?;
        let found = if text.is_empty() {
            missing
        } else {
            format!("{text:?}")
        };
        Ok(Value {
            text,
            column,
            quoted: false,
            found,
        })
    }

    /// The agency list: names, quoted or bare, separated by commas.
    fn agencies(&mut self) -> Result<Vec<String>, ParseError> {
        let mut names = Vec::new();
        loop {
            let column = self.column();
            let quoted = self.peek() == Some('"');
            let found = if self.peek() == Some(',') {
                "a comma".to_string()
            } else {
                self.found_here()
            };
            let name = if quoted {
                self.quoted()?
            } else {
                self.bare(true, "agency")?
            };
            if is_blank(&name) {
                let found = if quoted { format!("{name:?}") } else { found };
                return Err(error(column, format!("expected an agency, found {found}")));
            }
            names.push(name);
            if self.peek() == Some(',') {
                self.pos += 1;
            } else if self.at_boundary() {
                return Ok(names);
            } else {
                return Err(self.expected("a comma or a space after the closing quote"));
            }
        }
    }

    /// Characters up to white space or the end (or a comma, when `list`). A quote is an error:
    /// quotes surround whole values.
    fn bare(&mut self, list: bool, what: &str) -> Result<String, ParseError> {
        let mut text = String::new();
        while let Some(c) = self.peek() {
            if c.is_whitespace() || (list && c == ',') {
                break;
            }
            if c == '"' {
                return Err(error(
                    self.column(),
                    format!(
                        "expected a space or the end of the {what}, found a quote (quote the whole {what})"
                    ),
                ));
            }
            text.push(c);
            self.pos += 1;
        }
        Ok(text)
    }

    /// A quoted string, the cursor at its opening quote; leaves the cursor after the closing one.
    fn quoted(&mut self) -> Result<String, ParseError> {
        let open = self.column();
        self.pos += 1;
        let mut text = String::new();
        loop {
            match self.peek() {
                None => {
                    return Err(error(
                        open,
                        "unterminated quote: expected a closing \"".to_string(),
                    ));
                }
                Some('"') => {
                    self.pos += 1;
                    return Ok(text);
                }
                Some('\\') => match self.chars.get(self.pos + 1) {
                    Some(&c @ ('"' | '\\')) => {
                        text.push(c);
                        self.pos += 2;
                    }
                    _ => {
                        text.push('\\');
                        self.pos += 1;
                    }
                },
                Some(c) => {
                    text.push(c);
                    self.pos += 1;
                }
            }
        }
    }
}

impl Value {
    /// The error "expected `what`, found `<this value>`".
    fn expected(&self, what: &str) -> ParseError {
        error(self.column, format!("expected {what}, found {}", self.found))
    }
}

fn error(column: usize, message: String) -> ParseError {
    ParseError { column, message }
}

/// The value's text, unless it is blank.
fn nonblank(value: Value, what: &str) -> Result<String, ParseError> {
    if is_blank(&value.text) {
        return Err(value.expected(what));
    }
    Ok(value.text)
}

/// Reads a `since:` or `before:` value: one period.
fn period_value(value: &Value) -> Result<Period, ParseError> {
    period(&value.text).ok_or_else(|| value.expected(PERIOD_EXPECTED))
}

/// Reads a `date:` value: a period or a range.
fn date_spec(value: &Value) -> Result<DateSpec, ParseError> {
    let Some((from_text, to_text)) = value.text.split_once("..") else {
        return period(&value.text)
            .map(DateSpec::Period)
            .ok_or_else(|| value.expected(DATE_EXPECTED));
    };
    if from_text.is_empty() && to_text.is_empty() {
        return Err(value.expected(DATE_EXPECTED));
    }
    // A bad side is pointed at, unless quoting makes columns inside the value uncertain.
    let side = |text: &str, offset: usize| -> Result<Option<Period>, ParseError> {
        if text.is_empty() {
            return Ok(None);
        }
        let column = if value.quoted {
            value.column
        } else {
            value.column + offset
        };
        period(text)
            .map(Some)
            .ok_or_else(|| error(column, format!("expected {DATE_EXPECTED}, found {text:?}")))
    };
    let from = side(from_text, 0)?;
    let to = side(to_text, from_text.chars().count() + 2)?;
    if let (Some(from), Some(to)) = (from, to) {
        // Calendar sides do not depend on today, so any day does.
        let today = NaiveDate::MIN;
        if !from.is_relative() && !to.is_relative() && from.span(today).0 > to.span(today).1 {
            return Err(value.expected("a range from an earlier to a later date"));
        }
    }
    Ok(DateSpec::Range { from, to })
}

/// Reads one period: `2024-03-26`, `2024-03`, `2024`, `today`, `yesterday`, `7d`, `2w`, `3m`,
/// `1y` (letters in any case).
fn period(text: &str) -> Option<Period> {
    let text = text.to_ascii_lowercase();
    match text.as_str() {
        "today" => return Some(Period::Today),
        "yesterday" => return Some(Period::Yesterday),
        _ => {}
    }
    for (suffix, unit) in [
        ('d', Unit::Day),
        ('w', Unit::Week),
        ('m', Unit::Month),
        ('y', Unit::Year),
    ] {
        if let Some(count) = text.strip_suffix(suffix) {
            let count: u32 = digits(count, 1..=10)?.parse().ok()?;
            return (count > 0).then_some(Period::Last(count, unit));
        }
    }
    let parts: Vec<&str> = text.split('-').collect();
    let year = |text: &str| digits(text, 4..=4)?.parse::<i32>().ok();
    let month = |text: &str| {
        digits(text, 1..=2)?
            .parse::<u32>()
            .ok()
            .filter(|m| (1..=12).contains(m))
    };
    match parts.as_slice() {
        [y] => Some(Period::Year(year(y)?)),
        [y, m] => Some(Period::Month {
            year: year(y)?,
            month: chrono::Month::try_from(u8::try_from(month(m)?).ok()?).ok()?,
        }),
        [y, m, d] => {
            let day = digits(d, 1..=2)?.parse().ok()?;
            NaiveDate::from_ymd_opt(year(y)?, month(m)?, day).map(Period::Day)
        }
        _ => None,
    }
}

/// `text` when it is ASCII digits, as many as `len` allows.
fn digits(text: &str, len: std::ops::RangeInclusive<usize>) -> Option<&str> {
    (len.contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("a valid test date")
    }

    /// The day the date tests resolve against.
    fn today() -> NaiveDate {
        day(2024, 3, 26)
    }

    fn term(condition: Condition) -> Term {
        condition.into()
    }

    fn not(condition: Condition) -> Term {
        Term {
            negated: true,
            condition,
        }
    }

    fn agency(names: &[&str]) -> Condition {
        Condition::Agency(names.iter().map(|name| name.to_string()).collect())
    }

    fn date(period: Period) -> Condition {
        Condition::Date(DateSpec::Period(period))
    }

    fn range(from: Option<Period>, to: Option<Period>) -> Condition {
        Condition::Date(DateSpec::Range { from, to })
    }

    fn on(year: i32, month: u32, d: u32) -> Period {
        Period::Day(day(year, month, d))
    }

    fn month(year: i32, month: chrono::Month) -> Period {
        Period::Month { year, month }
    }

    fn word(text: &str) -> Condition {
        Condition::Word(text.to_string())
    }

    fn phrase(text: &str) -> Condition {
        Condition::Phrase(text.to_string())
    }

    fn entity(text: &str) -> Condition {
        Condition::Entity(text.to_string())
    }

    fn place(text: &str) -> Condition {
        Condition::Place(text.to_string())
    }

    fn parsed(text: &str) -> Filter {
        Filter::parse(text).unwrap_or_else(|error| panic!("{text:?} does not parse: {error}"))
    }

    #[test]
    fn parses_every_term_form() {
        use chrono::Month::{January, March};
        let table: Vec<(&str, Vec<Term>)> = vec![
            ("", vec![]),
            (" \t\n ", vec![]),
            ("agency:KUNA", vec![term(agency(&["KUNA"]))]),
            ("agency:KUNA,WAM", vec![term(agency(&["KUNA", "WAM"]))]),
            (
                r#"agency:"Kuwait News Agency",WAM,"A, B""#,
                vec![term(agency(&["Kuwait News Agency", "WAM", "A, B"]))],
            ),
            ("agency:-AP", vec![term(agency(&["-AP"]))]),
            ("date:2024-03-26", vec![term(date(on(2024, 3, 26)))]),
            ("date:2024-3-5", vec![term(date(on(2024, 3, 5)))]),
            ("date:2024-03", vec![term(date(month(2024, March)))]),
            ("date:2024", vec![term(date(Period::Year(2024)))]),
            ("date:0999", vec![term(date(Period::Year(999)))]),
            (
                "date:2024-03-20..2024-03-26",
                vec![term(range(Some(on(2024, 3, 20)), Some(on(2024, 3, 26))))],
            ),
            (
                "date:2024-01..2024-03",
                vec![term(range(Some(month(2024, January)), Some(month(2024, March))))],
            ),
            (
                "date:2023..2024-03-26",
                vec![term(range(Some(Period::Year(2023)), Some(on(2024, 3, 26))))],
            ),
            (
                "date:2024-03-20..",
                vec![term(range(Some(on(2024, 3, 20)), None))],
            ),
            (
                "date:..2024-03-26",
                vec![term(range(None, Some(on(2024, 3, 26))))],
            ),
            (
                "date:yesterday..today",
                vec![term(range(Some(Period::Yesterday), Some(Period::Today)))],
            ),
            ("date:today", vec![term(date(Period::Today))]),
            ("date:yesterday", vec![term(date(Period::Yesterday))]),
            ("date:7d", vec![term(date(Period::Last(7, Unit::Day)))]),
            ("date:2w", vec![term(date(Period::Last(2, Unit::Week)))]),
            ("date:3m", vec![term(date(Period::Last(3, Unit::Month)))]),
            ("date:1y", vec![term(date(Period::Last(1, Unit::Year)))]),
            ("date:\"2024\"", vec![term(date(Period::Year(2024)))]),
            (
                "since:7d",
                vec![term(Condition::Since(Period::Last(7, Unit::Day)))],
            ),
            ("since:2024-03-01", vec![term(Condition::Since(on(2024, 3, 1)))]),
            ("before:2024-01-01", vec![term(Condition::Before(on(2024, 1, 1)))]),
            ("before:2024", vec![term(Condition::Before(Period::Year(2024)))]),
            (r#"entity:"Antony Blinken""#, vec![term(entity("Antony Blinken"))]),
            ("entity:Blinken", vec![term(entity("Blinken"))]),
            ("entity:a:b", vec![term(entity("a:b"))]),
            (
                "speaker:Netanyahu",
                vec![term(Condition::Speaker("Netanyahu".to_string()))],
            ),
            ("place:Washington", vec![term(place("Washington"))]),
            ("is:unread", vec![term(Condition::Is(State::Unread))]),
            ("is:read", vec![term(Condition::Is(State::Read))]),
            ("is:starred", vec![term(Condition::Is(State::Starred))]),
            ("is:unstarred", vec![term(Condition::Is(State::Unstarred))]),
            ("ceasefire", vec![term(word("ceasefire"))]),
            (r#""security council""#, vec![term(phrase("security council"))]),
            (r#""ceasefire""#, vec![term(phrase("ceasefire"))]),
            (r#""agency:KUNA""#, vec![term(phrase("agency:KUNA"))]),
            ("10:30", vec![term(word("10:30"))]),
            (":)", vec![term(word(":)"))]),
            ("h2o:x", vec![term(word("h2o:x"))]),
            ("cease-fire", vec![term(word("cease-fire"))]),
            ("a\\b", vec![term(word("a\\b"))]),
            (
                "ceasefire agency:KUNA date:7d",
                vec![
                    term(word("ceasefire")),
                    term(agency(&["KUNA"])),
                    term(date(Period::Last(7, Unit::Day))),
                ],
            ),
        ];
        for (input, terms) in table {
            assert_eq!(parsed(input), Filter { terms }, "parsing {input:?}");
        }
    }

    #[test]
    fn keys_and_keywords_are_case_insensitive() {
        let table = [
            ("Agency:kuna", "agency:kuna"),
            ("AGENCY:AP", "agency:AP"),
            ("Date:Today", "date:today"),
            ("DATE:YESTERDAY..TODAY", "date:yesterday..today"),
            ("date:7D", "date:7d"),
            ("Since:2W", "since:2w"),
            ("bEfore:1Y", "before:1y"),
            ("Entity:Blinken", "entity:Blinken"),
            ("SPEAKER:Netanyahu", "speaker:Netanyahu"),
            ("Place:Zürich", "place:Zürich"),
            ("IS:Unread", "is:unread"),
            ("is:STARRED", "is:starred"),
            ("-Is:Read", "-is:read"),
        ];
        for (input, printed) in table {
            assert_eq!(parsed(input).to_string(), printed, "parsing {input:?}");
        }
    }

    #[test]
    fn any_term_can_be_negated() {
        let table = [
            ("-agency:AP", not(agency(&["AP"]))),
            ("-is:read", not(Condition::Is(State::Read))),
            ("-ceasefire", not(word("ceasefire"))),
            (r#"-"two words""#, not(phrase("two words"))),
            ("-date:2024", not(date(Period::Year(2024)))),
            ("-since:7d", not(Condition::Since(Period::Last(7, Unit::Day)))),
            (r#"-entity:"Antony Blinken""#, not(entity("Antony Blinken"))),
            ("-place:Zürich", not(place("Zürich"))),
            ("-10:30", not(word("10:30"))),
            ("-:x", not(word(":x"))),
        ];
        for (input, expected) in table {
            assert_eq!(parsed(input).terms, vec![expected], "parsing {input:?}");
        }
    }

    #[test]
    fn quotes_and_escapes() {
        let table = [
            (r#"entity:"say \"hi\"""#, entity(r#"say "hi""#)),
            (r#"entity:"back\\slash""#, entity(r"back\slash")),
            (r#""C:\path""#, phrase(r"C:\path")),
            (r#""ends with \\""#, phrase(r"ends with \")),
            (r#""a \"b\" c""#, phrase(r#"a "b" c"#)),
            (r#"place:"  padded ""#, place("  padded ")),
            (
                r#"agency:"A \"quoted\" agency""#,
                agency(&[r#"A "quoted" agency"#]),
            ),
            (r#""-x""#, phrase("-x")),
            (r#""\"""#, phrase("\"")),
        ];
        for (input, expected) in table {
            assert_eq!(parsed(input).terms, vec![term(expected)], "parsing {input:?}");
        }
    }

    #[test]
    fn unicode_values() {
        let table = [
            (r#"place:"Kuwait City""#, vec![term(place("Kuwait City"))]),
            (
                "place:Kuwait City",
                vec![term(place("Kuwait")), term(word("City"))],
            ),
            (r#"entity:"محمد""#, vec![term(entity("محمد"))]),
            ("entity:محمد", vec![term(entity("محمد"))]),
            ("place:Zürich", vec![term(place("Zürich"))]),
            ("الكويت", vec![term(word("الكويت"))]),
            ("東京\u{3000}大阪", vec![term(word("東京")), term(word("大阪"))]),
            ("\"東京\u{3000}大阪\"", vec![term(phrase("東京\u{3000}大阪"))]),
        ];
        for (input, terms) in table {
            assert_eq!(parsed(input), Filter { terms }, "parsing {input:?}");
        }
    }

    #[test]
    fn canonical_text_prints_as_written() {
        let table = [
            "",
            "agency:KUNA,WAM",
            r#"agency:"Kuwait News Agency",WAM"#,
            r#"agency:"A, B""#,
            "date:2024-03-26 date:2024-03 date:2024 date:0999",
            "date:2024-03-20..2024-03-26 date:2024-01..2024-03 date:2024-03-20.. date:..2024-03-26",
            "date:today date:yesterday date:7d date:2w date:3m date:1y date:yesterday..today",
            "since:7d since:2024-03-01 before:2024-01-01 before:2024-03",
            r#"entity:"Antony Blinken" entity:Blinken speaker:Netanyahu place:Washington"#,
            "is:unread is:read is:starred is:unstarred",
            r#"ceasefire "security council" -agency:AP -is:read -ceasefire -"two words""#,
            r#"place:"Kuwait City" entity:محمد place:Zürich 10:30 :) "http://x""#,
            r#"entity:"say \"hi\"" "back\\slash" "-x" "agency:KUNA""#,
        ];
        for text in table {
            assert_eq!(parsed(text).to_string(), text);
        }
    }

    #[test]
    fn other_text_prints_canonically() {
        let table = [
            ("  ceasefire \t -is:read\n", "ceasefire -is:read"),
            (r#"entity:"Blinken""#, "entity:Blinken"),
            (r#"agency:"KUNA","WAM""#, "agency:KUNA,WAM"),
            ("date:2024-3-5", "date:2024-03-05"),
            ("date:\"today\"", "date:today"),
            (r#""C:\path""#, r#""C:\\path""#),
        ];
        for (input, printed) in table {
            assert_eq!(parsed(input).to_string(), printed, "parsing {input:?}");
        }
    }

    #[test]
    fn values_that_need_quotes_are_printed_with_them() {
        let table = [
            (word("agency:"), r#""agency:""#),
            (word("-x"), r#""-x""#),
            (word("two words"), r#""two words""#),
            (word("a\"b"), r#""a\"b""#),
            (word("http://x"), r#""http://x""#),
            (word("10:30"), "10:30"),
            (entity("a\"b\\c"), r#"entity:"a\"b\\c""#),
            (entity("-x"), "entity:-x"),
            (agency(&["A, B", "C", "D E"]), r#"agency:"A, B",C,"D E""#),
            (phrase("one"), r#""one""#),
        ];
        for (condition, printed) in table {
            assert_eq!(term(condition).to_string(), printed);
        }
        // A word that cannot be written bare reads back as the phrase it prints as.
        assert_eq!(
            parsed(&term(word("two words")).to_string()).terms,
            vec![term(phrase("two words"))]
        );
    }

    #[test]
    fn errors_name_the_column_and_what_was_expected() {
        let date = "expected a date (2024-03-26, 2024-03, 2024, a..b, today, 7d)";
        let period = "expected a date (2024-03-26, 2024-03, 2024, today, 7d)";
        let state = "expected one of unread, read, starred, unstarred";
        let keys = "expected one of agency, date, since, before, entity, speaker, place, is";
        let table = [
            ("date:2024-13", format!("column 6: {date}, found \"2024-13\"")),
            ("date:2024-02-30", format!("column 6: {date}, found \"2024-02-30\"")),
            ("date:2023-02-29", format!("column 6: {date}, found \"2023-02-29\"")),
            ("date:24", format!("column 6: {date}, found \"24\"")),
            ("date:02024", format!("column 6: {date}, found \"02024\"")),
            ("date:0d", format!("column 6: {date}, found \"0d\"")),
            ("date:99999999999d", format!("column 6: {date}, found \"99999999999d\"")),
            ("date:-7d", format!("column 6: {date}, found \"-7d\"")),
            ("date:tomorrow", format!("column 6: {date}, found \"tomorrow\"")),
            ("date:", format!("column 6: {date}, found the end")),
            ("date: 2024", format!("column 6: {date}, found a space")),
            ("date:..", format!("column 6: {date}, found \"..\"")),
            ("date:2024-03-20..2024-13", format!("column 18: {date}, found \"2024-13\"")),
            ("date:2024-13..2024-03", format!("column 6: {date}, found \"2024-13\"")),
            ("date:2024..2025..2026", format!("column 12: {date}, found \"2025..2026\"")),
            ("date:\"2024..x\"", format!("column 6: {date}, found \"x\"")),
            ("date:\"2024-13\"", format!("column 6: {date}, found \"2024-13\"")),
            (
                "date:2024-03-26..2024-03-20",
                "column 6: expected a range from an earlier to a later date, found \"2024-03-26..2024-03-20\""
                    .to_string(),
            ),
            ("since:2024-01..2024-03", format!("column 7: {period}, found \"2024-01..2024-03\"")),
            ("before:", format!("column 8: {period}, found the end")),
            ("entity:\"Antony", "column 8: unterminated quote: expected a closing \"".to_string()),
            ("\"abc", "column 1: unterminated quote: expected a closing \"".to_string()),
            ("ceasefire \"abc\\\"", "column 11: unterminated quote: expected a closing \"".to_string()),
            ("agency:", "column 8: expected an agency, found the end".to_string()),
            ("agency: KUNA", "column 8: expected an agency, found a space".to_string()),
            ("agency:KUNA,", "column 13: expected an agency, found the end".to_string()),
            ("agency:KUNA,,WAM", "column 13: expected an agency, found a comma".to_string()),
            ("agency:,WAM", "column 8: expected an agency, found a comma".to_string()),
            ("agency:\"\"", "column 8: expected an agency, found \"\"".to_string()),
            ("agency:\" \"", "column 8: expected an agency, found \" \"".to_string()),
            (
                "agency:\"AP\"x",
                "column 12: expected a comma or a space after the closing quote, found \"x\"".to_string(),
            ),
            (
                "agency:AP\"x\"",
                "column 10: expected a space or the end of the agency, found a quote (quote the whole agency)"
                    .to_string(),
            ),
            ("entity:", "column 8: expected an entity, found the end".to_string()),
            ("entity:\"\"", "column 8: expected an entity, found \"\"".to_string()),
            ("speaker:", "column 9: expected a speaker, found the end".to_string()),
            ("place:\" \"", "column 7: expected a place, found \" \"".to_string()),
            ("is:new", format!("column 4: {state}, found \"new\"")),
            ("is:", format!("column 4: {state}, found the end")),
            ("foo:bar", format!("column 1: unknown field `foo`: {keys}")),
            ("ceasefire -Foo:x", format!("column 12: unknown field `Foo`: {keys}")),
            ("http://x", format!("column 1: unknown field `http`: {keys}")),
            ("entity:محمد größe:1", format!("column 13: unknown field `größe`: {keys}")),
            ("\"\"", "column 1: expected a phrase, found \"\"".to_string()),
            ("-\"  \"", "column 2: expected a phrase, found \"  \"".to_string()),
            ("\"abc\"def", "column 6: expected a space after the closing quote, found \"def\"".to_string()),
            ("\"a\"\"b\"", "column 4: expected a space after the closing quote, found a quote".to_string()),
            ("entity:\"a\"b", "column 11: expected a space after the closing quote, found \"b\"".to_string()),
            (
                "foo\"bar\"",
                "column 4: expected a space or the end of the word, found a quote (quote the whole word)"
                    .to_string(),
            ),
            (
                "place:Zürich\"x",
                "column 13: expected a space or the end of the value, found a quote (quote the whole value)"
                    .to_string(),
            ),
            ("-", "column 2: expected a term after -, found the end".to_string()),
            ("- x", "column 2: expected a term after -, found a space".to_string()),
            ("--x", "column 2: expected a term after -, found \"-x\"".to_string()),
        ];
        for (input, message) in table {
            match Filter::parse(input) {
                Ok(filter) => panic!("{input:?} parsed as {filter:?}"),
                Err(error) => assert_eq!(error.to_string(), message, "parsing {input:?}"),
            }
        }
    }

    #[test]
    fn error_fields() {
        let error = "date:2024-13".parse::<Filter>().expect_err("a bad month");
        assert_eq!(error.column, 6);
        assert_eq!(
            error.message,
            "expected a date (2024-03-26, 2024-03, 2024, a..b, today, 7d), found \"2024-13\""
        );
    }

    #[test]
    fn dates_resolve_against_today() {
        let table = [
            ("date:2024-03-26", Some(day(2024, 3, 26)), Some(day(2024, 3, 26))),
            ("date:2024-03", Some(day(2024, 3, 1)), Some(day(2024, 3, 31))),
            ("date:2024-02", Some(day(2024, 2, 1)), Some(day(2024, 2, 29))),
            ("date:2023-02", Some(day(2023, 2, 1)), Some(day(2023, 2, 28))),
            ("date:2024-04", Some(day(2024, 4, 1)), Some(day(2024, 4, 30))),
            ("date:2024-12", Some(day(2024, 12, 1)), Some(day(2024, 12, 31))),
            ("date:2024", Some(day(2024, 1, 1)), Some(day(2024, 12, 31))),
            (
                "date:2024-03-20..2024-03-26",
                Some(day(2024, 3, 20)),
                Some(day(2024, 3, 26)),
            ),
            (
                "date:2024-01..2024-03",
                Some(day(2024, 1, 1)),
                Some(day(2024, 3, 31)),
            ),
            (
                "date:2023..2024-02",
                Some(day(2023, 1, 1)),
                Some(day(2024, 2, 29)),
            ),
            ("date:2024-03-20..", Some(day(2024, 3, 20)), None),
            ("date:..2024-03-26", None, Some(day(2024, 3, 26))),
            ("date:..2024-02", None, Some(day(2024, 2, 29))),
            (
                "date:2024-03..2024-03",
                Some(day(2024, 3, 1)),
                Some(day(2024, 3, 31)),
            ),
            ("date:today", Some(day(2024, 3, 26)), Some(day(2024, 3, 26))),
            ("date:yesterday", Some(day(2024, 3, 25)), Some(day(2024, 3, 25))),
            (
                "date:yesterday..today",
                Some(day(2024, 3, 25)),
                Some(day(2024, 3, 26)),
            ),
            ("date:1d", Some(day(2024, 3, 26)), Some(day(2024, 3, 26))),
            ("date:7d", Some(day(2024, 3, 20)), Some(day(2024, 3, 26))),
            ("date:2w", Some(day(2024, 3, 13)), Some(day(2024, 3, 26))),
            ("date:3m", Some(day(2023, 12, 27)), Some(day(2024, 3, 26))),
            ("date:1y", Some(day(2023, 3, 27)), Some(day(2024, 3, 26))),
            ("date:4294967295y", Some(NaiveDate::MIN), Some(day(2024, 3, 26))),
            ("since:7d", Some(day(2024, 3, 20)), None),
            ("since:2024-03-01", Some(day(2024, 3, 1)), None),
            ("since:2024-02", Some(day(2024, 2, 1)), None),
            ("since:today", Some(day(2024, 3, 26)), None),
            ("before:2024-01-01", None, Some(day(2023, 12, 31))),
            ("before:2024-03", None, Some(day(2024, 2, 29))),
            ("before:2024", None, Some(day(2023, 12, 31))),
            ("before:today", None, Some(day(2024, 3, 25))),
            ("before:7d", None, Some(day(2024, 3, 19))),
        ];
        for (input, first, last) in table {
            let filter = parsed(input);
            let bounds = filter.terms[0].condition.bounds(today());
            assert_eq!(bounds, Some(DateBounds { first, last }), "resolving {input:?}");
        }
    }

    #[test]
    fn months_back_from_a_long_month_end_on_its_last_day() {
        let may_31 = day(2024, 5, 31);
        let three_months = DateSpec::Period(Period::Last(3, Unit::Month));
        assert_eq!(three_months.resolve(may_31).first, Some(day(2024, 3, 1)));
        let one_year = DateSpec::Period(Period::Last(1, Unit::Year));
        assert_eq!(one_year.resolve(day(2024, 2, 29)).first, Some(day(2023, 3, 1)));
    }

    #[test]
    fn only_date_conditions_have_bounds() {
        for text in [
            "agency:AP",
            "entity:x",
            "speaker:x",
            "place:x",
            "is:read",
            "x",
            "\"x y\"",
        ] {
            assert_eq!(parsed(text).terms[0].condition.bounds(today()), None, "{text:?}");
        }
    }

    #[test]
    fn bounds_contain_their_days() {
        let march = DateBounds {
            first: Some(day(2024, 3, 1)),
            last: Some(day(2024, 3, 31)),
        };
        assert!(march.contains(day(2024, 3, 1)));
        assert!(march.contains(day(2024, 3, 31)));
        assert!(!march.contains(day(2024, 2, 29)));
        assert!(!march.contains(day(2024, 4, 1)));
        let since = DateBounds {
            first: Some(day(2024, 3, 1)),
            last: None,
        };
        assert!(since.contains(day(9999, 1, 1)));
        assert!(!since.contains(day(2024, 2, 29)));
        let all = DateBounds {
            first: None,
            last: None,
        };
        assert!(all.contains(NaiveDate::MIN) && all.contains(NaiveDate::MAX));
    }

    #[test]
    fn conditions_belong_to_fields() {
        let table = [
            ("agency:AP", Field::Agency),
            ("date:today", Field::Date),
            ("since:7d", Field::Date),
            ("before:2024", Field::Date),
            ("entity:x", Field::Entity),
            ("speaker:x", Field::Speaker),
            ("place:x", Field::Place),
            ("is:read", Field::Read),
            ("is:unread", Field::Read),
            ("is:starred", Field::Star),
            ("is:unstarred", Field::Star),
            ("x", Field::Text),
            ("\"x y\"", Field::Text),
        ];
        for (text, field) in table {
            assert_eq!(parsed(text).terms[0].condition.field(), field, "{text:?}");
        }
    }

    #[test]
    fn set_replaces_the_terms_of_a_field_in_place() {
        let table = [
            ("agency:AP ceasefire", "agency:KUNA", "agency:KUNA ceasefire"),
            ("ceasefire", "agency:KUNA", "ceasefire agency:KUNA"),
            ("", "is:unread", "is:unread"),
            (
                "since:7d ceasefire before:2024",
                "date:today",
                "date:today ceasefire",
            ),
            ("ceasefire date:2024", "-since:2w", "ceasefire -since:2w"),
            ("is:unread", "is:starred", "is:unread is:starred"),
            ("is:unread is:starred", "is:read", "is:read is:starred"),
            ("is:unread is:starred", "-is:starred", "is:unread -is:starred"),
            ("entity:a place:x entity:b", "entity:c", "entity:c place:x"),
            ("a \"b c\" agency:AP d", "e", "e agency:AP"),
            ("-agency:AP", "agency:AP", "agency:AP"),
        ];
        for (before, new, after) in table {
            let mut filter = parsed(before);
            let mut terms = parsed(new).terms;
            assert_eq!(terms.len(), 1);
            filter.set(terms.remove(0));
            assert_eq!(filter.to_string(), after, "setting {new:?} in {before:?}");
        }
    }

    #[test]
    fn remove_field_removes_all_its_terms() {
        let table = [
            ("a agency:AP \"b c\" -d", Field::Text, "agency:AP"),
            ("since:7d a before:2024 date:today", Field::Date, "a"),
            ("is:unread is:starred", Field::Read, "is:starred"),
            ("is:unread -is:starred", Field::Star, "is:unread"),
            ("agency:AP", Field::Place, "agency:AP"),
            ("", Field::Agency, ""),
        ];
        for (before, field, after) in table {
            let mut filter = parsed(before);
            filter.remove_field(field);
            assert_eq!(filter.to_string(), after, "removing {field:?} from {before:?}");
        }
    }

    #[test]
    fn empty_filters() {
        assert!(Filter::default().is_empty());
        assert!(parsed("  ").is_empty());
        assert!(!parsed("x").is_empty());
        let mut filter = parsed("agency:AP");
        filter.remove_field(Field::Agency);
        assert!(filter.is_empty());
        assert_eq!(filter, Filter::default());
    }

    /// Non-blank text without control characters, rich in the characters the grammar cares about.
    fn any_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            4 => "[a-zA-Z0-9]{1,4}",
            1 => prop::sample::select(vec![" ", "\"", "\\", ":", "-", ",", "..", "\u{3000}", "agency:"])
                .prop_map(str::to_string),
            2 => "\\PC",
        ];
        prop::collection::vec(piece, 1..6)
            .prop_map(|pieces| pieces.concat())
            .prop_filter("blank", |text| !is_blank(text))
    }

    fn any_period() -> impl Strategy<Value = Period> {
        let unit = prop::sample::select(vec![Unit::Day, Unit::Week, Unit::Month, Unit::Year]);
        prop_oneof![
            (0i32..=9999, 1u32..=12, 1u32..=31)
                .prop_filter_map("a real day", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
                .prop_map(Period::Day),
            (0i32..=9999, 0u8..12).prop_filter_map("a month", |(year, month)| {
                chrono::Month::try_from(month + 1)
                    .ok()
                    .map(|month| Period::Month { year, month })
            }),
            (0i32..=9999).prop_map(Period::Year),
            Just(Period::Today),
            Just(Period::Yesterday),
            (1u32..=u32::MAX, unit.clone()).prop_map(|(count, unit)| Period::Last(count, unit)),
            (1u32..=40, unit).prop_map(|(count, unit)| Period::Last(count, unit)),
        ]
    }

    fn any_date_spec() -> impl Strategy<Value = DateSpec> {
        prop_oneof![
            any_period().prop_map(DateSpec::Period),
            (prop::option::of(any_period()), prop::option::of(any_period()))
                .prop_filter("a side", |(from, to)| from.is_some() || to.is_some())
                .prop_map(|(from, to)| match (from, to) {
                    // Calendar sides in the wrong order would not parse: swap them.
                    (Some(a), Some(b))
                        if !a.is_relative() && !b.is_relative() && a.span(today()).0 > b.span(today()).1 =>
                    {
                        DateSpec::Range {
                            from: Some(b),
                            to: Some(a),
                        }
                    }
                    (from, to) => DateSpec::Range { from, to },
                }),
        ]
    }

    fn any_condition() -> impl Strategy<Value = Condition> {
        let state = prop::sample::select(vec![State::Unread, State::Read, State::Starred, State::Unstarred]);
        prop_oneof![
            prop::collection::vec(any_text(), 1..4).prop_map(Condition::Agency),
            any_date_spec().prop_map(Condition::Date),
            any_period().prop_map(Condition::Since),
            any_period().prop_map(Condition::Before),
            any_text().prop_map(Condition::Entity),
            any_text().prop_map(Condition::Speaker),
            any_text().prop_map(Condition::Place),
            state.prop_map(Condition::Is),
            // Words are bare by definition; other text is a phrase.
            any_text().prop_map(|text| if is_bare_word(&text) {
                Condition::Word(text)
            } else {
                Condition::Phrase(text)
            }),
            "[a-z0-9:.,\\\\-]{1,8}".prop_filter_map("a bare word", |text| is_bare_word(&text)
                .then_some(Condition::Word(text))),
            any_text().prop_map(Condition::Phrase),
        ]
    }

    fn any_filter() -> impl Strategy<Value = Filter> {
        let term =
            (any::<bool>(), any_condition()).prop_map(|(negated, condition)| Term { negated, condition });
        prop::collection::vec(term, 0..6).prop_map(|terms| Filter { terms })
    }

    /// Pieces of filter text, for inputs that get further than arbitrary strings do.
    const PIECES: &[&str] = &[
        "agency:", "date:", "since:", "before:", "entity:", "is:", "foo:", "-", "\"", "\\", ":", ",", "..",
        " ", "2024", "-03", "-3", "7d", "0d", "today", "read", "KUNA", "Zürich", "x",
    ];

    /// Parsing never panics, and whatever parses prints as text that parses back to it.
    fn check_parse(text: &str) -> Result<(), TestCaseError> {
        if let Ok(filter) = Filter::parse(text) {
            let printed = filter.to_string();
            prop_assert_eq!(
                Filter::parse(&printed),
                Ok(filter),
                "{:?} printed as {:?}",
                text,
                printed
            );
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn printed_filters_parse_back(filter in any_filter()) {
            let printed = filter.to_string();
            prop_assert_eq!(Filter::parse(&printed), Ok(filter), "printed as {:?}", printed);
        }

        #[test]
        fn any_text_parses_or_fails_cleanly(text in "(?s).{0,60}") {
            check_parse(&text)?;
        }

        #[test]
        fn filter_like_text_parses_or_fails_cleanly(pieces in prop::collection::vec(prop::sample::select(PIECES), 0..12)) {
            check_parse(&pieces.concat())?;
        }
    }
}
