//! Dating articles: every article collects dated evidence (its dateline, filing stamp, MENAFN id
//! line, page stamp, JSON date, capture prefix); a dateline without a year takes it from the best
//! evidence in the article, then in the file, then from a full date written in the body, then
//! from the file's modification date. A full date
//! written in the body is used for the year only, never as the publication date, and a weekday is
//! never used at all.

use chrono::NaiveDate;

use crate::article::{DateSource, Timestamp};
use crate::wire::dates::{WrittenDate, full_dates, latest_year_not_after, nearest_year};

/// One piece of dated evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Evidence {
    /// Where it was found.
    pub source: DateSource,
    /// What it says.
    pub stamp: Timestamp,
}

/// What dating needs to know about one article.
#[derive(Debug, Default, Clone)]
pub struct DateFacts {
    /// The dateline's date as written.
    pub written: Option<WrittenDate>,
    /// Every piece of evidence found in the article.
    pub evidence: Vec<Evidence>,
}

/// The outcome of dating one article.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Dating {
    /// The dateline's date, its year resolved.
    pub dateline_date: Option<NaiveDate>,
    /// Where the dateline's year came from when it was not written.
    pub year_from: Option<DateSource>,
    /// The publication time.
    pub published: Option<Timestamp>,
    /// Where the publication time came from.
    pub published_from: Option<DateSource>,
}

/// The most reliable evidence of a list (by [`DateSource`] order, first found on ties).
fn best(evidence: &[Evidence]) -> Option<Evidence> {
    evidence.iter().copied().min_by_key(|e| e.source)
}

/// The day an evidence stands for when inferring a year (mid-month for month-only stamps).
fn reference_day(stamp: &Timestamp) -> NaiveDate {
    match stamp {
        Timestamp::Month { year, month } => {
            NaiveDate::from_ymd_opt(*year, *month, 15).unwrap_or(stamp.date())
        }
        _ => stamp.date(),
    }
}

/// Dates every article of one file. `bodies` gives each article's body, searched for a full
/// date only when nothing better dates a yearless dateline.
pub fn date_articles(facts: &[DateFacts], bodies: &[&str], mtime: Option<NaiveDate>) -> Vec<Dating> {
    let file_best = best(&facts.iter().filter_map(|f| best(&f.evidence)).collect::<Vec<_>>());
    facts
        .iter()
        .zip(bodies)
        .map(|(facts, body)| date_one(facts, body, file_best, mtime))
        .collect()
}

fn date_one(facts: &DateFacts, body: &str, file_best: Option<Evidence>, mtime: Option<NaiveDate>) -> Dating {
    let own = best(&facts.evidence);
    let mut dating = Dating::default();
    if let Some(written) = facts.written {
        let (date, year_from) = match written.full() {
            Some(date) => (Some(date), None),
            None => resolve_year(written, own, body, file_best, mtime),
        };
        dating.dateline_date = date;
        dating.year_from = year_from;
        if let Some(date) = date {
            // A stamp with a time on the same day makes the publication time precise.
            let timed = facts
                .evidence
                .iter()
                .filter(|e| matches!(e.stamp, Timestamp::Zoned(_) | Timestamp::Local(_)))
                .filter(|e| e.stamp.date() == date)
                .min_by_key(|e| e.source);
            (dating.published, dating.published_from) = match timed {
                Some(e) => (Some(e.stamp), Some(e.source)),
                None => (Some(Timestamp::Date(date)), Some(DateSource::Dateline)),
            };
            return dating;
        }
    }
    let fallback = own.or_else(|| {
        mtime.map(|date| Evidence {
            source: DateSource::FileMtime,
            stamp: Timestamp::Date(date),
        })
    });
    if let Some(evidence) = fallback {
        dating.published = Some(evidence.stamp);
        dating.published_from = Some(evidence.source);
    }
    dating
}

/// The year of a month-day dateline: from the article's best evidence, the file's best
/// evidence, a full date in its body, or the latest such day not after the file's mtime.
fn resolve_year(
    written: WrittenDate,
    own: Option<Evidence>,
    body: &str,
    file_best: Option<Evidence>,
    mtime: Option<NaiveDate>,
) -> (Option<NaiveDate>, Option<DateSource>) {
    let text_date = || {
        full_dates(body).next().map(|(date, _)| Evidence {
            source: DateSource::Text,
            stamp: Timestamp::Date(date),
        })
    };
    let evidence = own.or(file_best).or_else(text_date);
    let inferred = match evidence {
        Some(e) => {
            nearest_year(written.month, written.day, reference_day(&e.stamp)).map(|year| (year, e.source))
        }
        None => mtime.and_then(|limit| {
            latest_year_not_after(written.month, written.day, limit).map(|year| (year, DateSource::FileMtime))
        }),
    };
    match inferred {
        Some((year, source)) => (
            NaiveDate::from_ymd_opt(year, written.month, written.day),
            Some(source),
        ),
        None => (None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    fn written(month: u32, day: u32) -> Option<WrittenDate> {
        Some(WrittenDate {
            year: None,
            month,
            day,
        })
    }

    fn evidence(source: DateSource, stamp: &str) -> Evidence {
        Evidence {
            source,
            stamp: stamp.parse().expect("timestamp"),
        }
    }

    #[test]
    fn the_best_evidence_sets_the_year() {
        let facts = DateFacts {
            written: written(3, 26),
            evidence: vec![
                evidence(DateSource::CapturePrefix, "2019-03-26"),
                evidence(DateSource::MenafnId, "2024-03-27"),
            ],
        };
        let dating = &date_articles(&[facts], &[""], None)[0];
        assert_eq!(dating.dateline_date, Some(day(2024, 3, 26)));
        assert_eq!(dating.year_from, Some(DateSource::MenafnId));
        assert_eq!(dating.published_from, Some(DateSource::Dateline));
    }

    #[test]
    fn a_stamp_on_the_same_day_gives_the_time() {
        let facts = DateFacts {
            written: written(11, 23),
            evidence: vec![evidence(DateSource::Trailer, "2007-11-23T18:37:00+03:00")],
        };
        let dating = &date_articles(&[facts], &[""], None)[0];
        assert_eq!(
            dating.published.map(|t| t.to_string()).as_deref(),
            Some("2007-11-23T18:37:00+03:00")
        );
        assert_eq!(dating.published_from, Some(DateSource::Trailer));
    }

    #[test]
    fn december_dateline_with_january_stamp_stays_in_the_old_year() {
        let facts = DateFacts {
            written: written(12, 31),
            evidence: vec![evidence(DateSource::MenafnId, "2024-01-01")],
        };
        assert_eq!(
            date_articles(&[facts], &[""], None)[0].dateline_date,
            Some(day(2023, 12, 31))
        );
    }

    #[test]
    fn siblings_then_body_then_mtime() {
        let dated = DateFacts {
            written: written(5, 2),
            evidence: vec![evidence(DateSource::MenafnId, "2022-05-02")],
        };
        let bare = DateFacts {
            written: written(5, 1),
            evidence: vec![],
        };
        let datings = date_articles(&[dated, bare.clone()], &["", ""], None);
        assert_eq!(datings[1].dateline_date, Some(day(2022, 5, 1)));
        assert_eq!(datings[1].year_from, Some(DateSource::MenafnId));

        let from_body = date_articles(
            std::slice::from_ref(&bare),
            &["The accord of April 30, 2021 expired."],
            Some(day(2026, 1, 1)),
        );
        assert_eq!(from_body[0].dateline_date, Some(day(2021, 5, 1)));
        assert_eq!(from_body[0].year_from, Some(DateSource::Text));

        let from_mtime = date_articles(&[bare], &["No dates here."], Some(day(2026, 4, 30)));
        assert_eq!(from_mtime[0].dateline_date, Some(day(2025, 5, 1)));
        assert_eq!(from_mtime[0].year_from, Some(DateSource::FileMtime));
    }

    #[test]
    fn undated_articles_fall_back_to_evidence_then_mtime() {
        let monthly = DateFacts {
            written: None,
            evidence: vec![evidence(DateSource::CapturePrefix, "2020-03")],
        };
        let dating = &date_articles(&[monthly], &[""], Some(day(2026, 1, 1)))[0];
        assert_eq!(
            dating.published.map(|t| t.to_string()).as_deref(),
            Some("2020-03")
        );
        let nothing = &date_articles(
            &[DateFacts::default()],
            &["On March 3, 2019 a treaty was signed."],
            Some(day(2026, 1, 1)),
        )[0];
        assert_eq!(nothing.published_from, Some(DateSource::FileMtime));
        assert_eq!(
            date_articles(&[DateFacts::default()], &[""], None)[0],
            Dating::default()
        );
    }
}
