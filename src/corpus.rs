//! Synthetic wire copy for benchmarks and load tests: deterministic articles in the styles of
//! many agencies (MENAFN/KUNA, Reuters, AP, Xinhua, WAM, TASS, Trend, Bernama, ONA, Petra,
//! SANA and the 1987 Reuters teletype), 1–4 KB each, spread over two years.

use std::fmt::Write;

use chrono::{Datelike, Duration, NaiveDate};

/// A deterministic generator of wire articles.
#[derive(Debug, Clone)]
pub struct Corpus {
    state: u64,
    start: NaiveDate,
}

const PEOPLE: &[(&str, &str)] = &[
    ("Foreign Minister", "Abdulwahab Saud Al-Rifai"),
    ("Secretary of State", "Daniel Whitcombe"),
    ("spokesperson", "Nadia Ferrante"),
    ("Deputy Foreign Minister", "Pavel Shelestov"),
    ("Minister of Energy", "Turki Nasser Al-Harbi"),
    ("Prime Minister", "Talal Hamoud Al-Sabah"),
    ("Central Bank Governor", "Lee Seo-yeon"),
    ("Health Minister", "Faridah Othman"),
    ("President", "Elnur Tahirov"),
    ("Ambassador", "Liang Weiguo"),
];
const ORGS: &[&str] = &[
    "the United Nations Security Council",
    "the Gulf Cooperation Council",
    "OPEC",
    "the World Health Organization",
    "the Ministry of Foreign Affairs",
    "the World Bank",
    "the International Monetary Fund",
    "the European Union",
    "the Arab League",
    "UNICEF",
];
const PLACES: &[&str] = &[
    "Kuwait",
    "Riyadh",
    "Doha",
    "Abu Dhabi",
    "Muscat",
    "Amman",
    "Cairo",
    "Beijing",
    "Moscow",
    "Baku",
    "Seoul",
    "Kuala Lumpur",
    "Washington",
    "Geneva",
    "Ankara",
    "Tehran",
    "Gaza",
];
const TOPICS: &[&str] = &[
    "regional water security",
    "oil output",
    "the shipping lanes of the Gulf",
    "food prices",
    "a new trade agreement",
    "humanitarian aid",
    "renewable energy",
    "the vaccination campaign",
    "investment in infrastructure",
    "the reconstruction effort",
];
const CUES: &[&str] = &[
    "said",
    "affirmed",
    "stressed",
    "noted",
    "underscored",
    "told reporters",
    "warned",
    "announced",
];
/// The month as Reuters and KUNA datelines abbreviate it (`Sept`, no period; March to July in full).
fn dateline_month(month: u32) -> &'static str {
    match month {
        1 => "Jan",
        2 => "Feb",
        3 => "March",
        4 => "April",
        5 => "May",
        6 => "June",
        7 => "July",
        8 => "Aug",
        9 => "Sept",
        10 => "Oct",
        11 => "Nov",
        _ => "Dec",
    }
}

impl Corpus {
    /// A generator; the same seed gives the same articles.
    pub fn new(seed: u64) -> Self {
        Corpus {
            state: seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407)
                | 1,
            start: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or(NaiveDate::MIN),
        }
    }

    fn next(&mut self) -> u64 {
        // xorshift64*
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        self.state.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// A text of `articles` articles, one after another, as a capture of many pages would hold.
    pub fn text(&mut self, articles: usize) -> String {
        let mut out = String::with_capacity(articles * 2600);
        for _ in 0..articles {
            out.push_str(&self.article());
            out.push('\n');
        }
        out
    }

    /// One article in a randomly chosen agency style.
    pub fn article(&mut self) -> String {
        let date = self.start + Duration::days(self.below(730) as i64);
        let month = dateline_month(date.month());
        let day = date.day();
        let place = self.pick(PLACES);
        let caps = place.to_uppercase();
        let body = self.body();
        let title = self.title();
        let mut out = String::new();
        let _ = match self.below(12) {
            0..=2 => write!(
                out,
                " date {date} (MENAFN- Kuwait News Agency (KUNA)) {caps}, {month} {day} (KUNA) -- {body} (end)\nmke\n\nMENAFN{dmy}000071011013ID11{id:08}\n\nLegal Disclaimer:\nMENAFN provides the information as is.\n",
                dmy = date.format("%d%m%Y"),
                id = self.below(100_000_000)
            ),
            3 => write!(
                out,
                "{title}\n\nBy Jane Roe\n\n{caps}, {month} {day} (Reuters) - {body}\n\n(Reporting by Jane Roe; Editing by John Doe)\n"
            ),
            4 => write!(out, "{title}\n\n{caps} (AP) — {body}\n"),
            5 => write!(
                out,
                "{title}\nSource: Xinhua| {date} 03:38:40|Editor: yan\n{caps}, {month}. {day} (Xinhua) -- {body}\n"
            ),
            6 => writeln!(
                out,
                "{caps}, {day} {full} {year} (WAM) – {body}",
                full = date.format("%B"),
                year = date.year()
            ),
            7 => writeln!(
                out,
                " date {date} {caps}, {full} {day}. /TASS/. {body}",
                full = date.format("%B")
            ),
            8 => write!(
                out,
                "{title}\n{stamp} 13:15 (UTC +04:00)\nBAKU, Azerbaijan, {month}. {day}\n\nTrend:\n\n{body}\n",
                stamp = date.format("%d %B %Y")
            ),
            9 => write!(
                out,
                " date {date} {caps}, {month} {day} (Bernama) -- {body}\n\n-- BERNAMA\n"
            ),
            10 => writeln!(out, "{}", self.teletype(&title, &caps, month, day)),
            _ => write!(
                out,
                " date {date} {place}, {day} {month} (ONA) --- {body}\n\n---Ends/Maryam/Salim\n"
            ),
        };
        out
    }

    fn title(&mut self) -> String {
        let (role, name) = self.pick(PEOPLE);
        let topic = self.pick(TOPICS);
        format!("{role} {name} discusses {topic}")
    }

    /// Three to eight paragraphs of quotes and reported speech, 1–4 KB.
    fn body(&mut self) -> String {
        let paragraphs = 3 + self.below(6);
        let mut out = String::new();
        for index in 0..paragraphs {
            if index > 0 {
                out.push_str("\n\n");
            }
            let (role, name) = self.pick(PEOPLE);
            let org = self.pick(ORGS);
            let place = self.pick(PLACES);
            let topic = self.pick(TOPICS);
            let cue = self.pick(CUES);
            let _ = match self.below(4) {
                0 => write!(
                    out,
                    "{role} {name} {cue} on Tuesday that {org} would hold talks in {place} on {topic}, adding that the meeting was expected to produce a joint statement by the end of the week."
                ),
                1 => write!(
                    out,
                    "\"We are committed to working with our partners on {topic},\" {name} {cue}, according to a statement issued by {org} in {place}."
                ),
                2 => write!(
                    out,
                    "In a press statement, {org} {cue} that it welcomed the initiative and called on all parties in {place} to support efforts on {topic} without delay."
                ),
                _ => write!(
                    out,
                    "According to diplomats here, the delegation from {place} met officials of {org} to review {topic}, and {name} {cue} that progress had been made."
                ),
            };
        }
        out
    }

    /// A story in the 1987 teletype layout: headline, indented dateline, 65-column hard wraps.
    fn teletype(&mut self, title: &str, caps: &str, month: &str, day: u32) -> String {
        let body = self.body();
        let mut out = format!("{}\n    {caps}, {month} {day} - ", title.to_uppercase());
        for paragraph in body.split("\n\n") {
            let mut column = 4;
            for word in paragraph.split(' ') {
                if column + word.len() > 65 {
                    out.push('\n');
                    column = 0;
                } else if column > 4 {
                    out.push(' ');
                    column += 1;
                }
                out.push_str(word);
                column += word.len();
            }
            out.push_str("\n    ");
        }
        out.truncate(out.trim_end().len());
        out.push_str("\n Reuter\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_text() {
        assert_eq!(Corpus::new(7).text(20), Corpus::new(7).text(20));
        assert_ne!(Corpus::new(7).text(20), Corpus::new(8).text(20));
    }

    #[test]
    fn articles_have_realistic_sizes() {
        let mut corpus = Corpus::new(1);
        for _ in 0..200 {
            let size = corpus.article().len();
            assert!((300..6000).contains(&size), "{size}");
        }
    }
}
