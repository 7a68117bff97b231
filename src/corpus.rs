//! Synthetic wire copy for benchmarks and load tests: deterministic articles in the house styles
//! of two dozen agencies (datelines, separators, credits, page stamps, trailers and sign-offs
//! as the agencies and their republishers write them), 1–4 KB each, spread over 2024 and 2025.
//!
//! The agencies: KUNA (via MENAFN), Reuters (wire and the 1987 teletype), AP, Xinhua, WAM,
//! TASS, Trend, Bernama, ONA, QNA (wire and via MENAFN/The Peninsula), Petra (via MENAFN and
//! NNN), SANA, Anadolu, IRNA, MENA, Iran Press, Yonhap, Kyodo, Jiji, AFP (Gulf reprints), ANI,
//! APS, AZERTAC and Pajhwok. Stories whose copy carries no year get the ` date YYYY-MM-DD`
//! prefix that page captures put in front of the text.
//!
//! Every article is written straight into the output string; the only other buffer is a
//! scratch string, reused, for bodies that are hard-wrapped.

use std::fmt::Write;

use chrono::{Datelike, Duration, NaiveDate};

pub mod cast;
pub mod labelled;
pub mod random;

use random::Random;

/// A deterministic generator of wire articles.
#[derive(Debug, Clone)]
pub struct Corpus {
    random: Random,
    start: NaiveDate,
    /// A body before it is hard-wrapped (teletype and Kyodo copy); reused between articles.
    scratch: String,
}

const PEOPLE: &[(&str, &str)] = &[
    ("Foreign Minister", "Abdulwahab Saud Al-Rifai"),
    ("Secretary of State", "Daniel Whitcombe"),
    ("Spokesperson", "Nadia Ferrante"),
    ("Deputy Foreign Minister", "Pavel Shelestov"),
    ("Minister of Energy", "Turki Nasser Al-Harbi"),
    ("Prime Minister", "Talal Hamoud Al-Sabah"),
    ("Central Bank Governor", "Lee Seo-yeon"),
    ("Health Minister", "Faridah Othman"),
    ("President", "Elnur Tahirov"),
    ("Ambassador", "Liang Weiguo"),
    ("Minister of Planning", "Rania Khalil Mansour"),
    ("Trade Minister", "Kenji Moriwaki"),
    ("Interior Minister", "Hamid Rezaei Tabar"),
    ("Finance Minister", "Mehmet Arslanoglu"),
    ("Minister of State", "Khalifa Jassim Al-Kuwari"),
    ("Envoy", "Ravi Shankar Menon"),
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
    "the Organisation of Islamic Cooperation",
    "the Asian Development Bank",
    "the African Union",
    "the Food and Agriculture Organization",
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
    "Manama",
    "Damascus",
    "Algiers",
    "Tokyo",
    "New Delhi",
    "Kabul",
    "Istanbul",
    "Brussels",
    "Nairobi",
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
    "desalination projects",
    "air links between the two countries",
    "the protection of migrant workers",
    "grain shipments",
    "the digital economy",
    "flood relief",
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
    "pointed out",
    "reiterated",
    "explained",
];
/// Reporters and editors for bylines and reporting credits (fictional).
const REPORTERS: &[&str] = &[
    "Jane Roe",
    "John Doe",
    "Leila Haddad",
    "Omar Khalil",
    "Park Min-ji",
    "Aziz Karimov",
    "Sofia Marchetti",
    "Tariq Aziz Malik",
    "Nurul Huda Ismail",
    "Pieter van Dam",
];
/// Reporter names that close SANA copy on a line of their own (fictional).
const SIGNATURES: &[&str] = &[
    "Rasha Mahmoud",
    "Ghaith Nassar",
    "Mais Haddad",
    "Fadi Youssef",
    "Lama Suleiman",
];
/// Lowercase editor initials after a KUNA end mark.
const INITIALS: &[&str] = &["mke", "ibi", "mt", "bs", "gta", "ajs", "rk"];
/// Given names for ONA's `---Ends/Name/Name` trailer (fictional).
const ONA_NAMES: &[&str] = &["Maryam", "Salim", "Thuraiya", "Anas", "Badr", "Huda"];

/// A month's full name (TASS, WAM, Yonhap, Kyodo, AZERTAC, APS), counted from 0.
fn full_month_name(month: usize) -> &'static str {
    u8::try_from(month % 12 + 1)
        .ok()
        .and_then(|number| chrono::Month::try_from(number).ok())
        .map_or("January", |month| month.name())
}

/// A month as wire datelines shorten it, March to July in full and September as `Sept`; `AP`
/// style (Xinhua, Petra on MENAFN) puts a period after a shortened one, Reuters, KUNA, Bernama,
/// QNA and ONA do not.
fn short_month(month: usize, period: bool) -> &'static str {
    let (plain, dotted) = match month {
        0 => ("Jan", "Jan."),
        1 => ("Feb", "Feb."),
        7 => ("Aug", "Aug."),
        8 => ("Sept", "Sept."),
        9 => ("Oct", "Oct."),
        10 => ("Nov", "Nov."),
        11 => ("Dec", "Dec."),
        other => {
            let full = full_month_name(other);
            (full, full)
        }
    };
    if period { dotted } else { plain }
}
/// Trend's months: abbreviations with periods (`Jan.`, `Apr.`, `Oct.`).
const TREND_MONTHS: [&str; 12] = [
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
];
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// AP datelines: stand-alone cities, and cities with their state or country.
const AP_DATELINES: &[&str] = &[
    "WASHINGTON",
    "NEW YORK",
    "LONDON",
    "KUWAIT CITY",
    "MEMPHIS, Tenn.",
    "PORTLAND, Ore.",
    "TRENTON, N.J.",
    "SEOUL, South Korea",
    "CANBERRA, Australia",
    "TROMSOE, Norway",
];
/// Anadolu datelines (with `Türkiye` after a Turkish city outside the big two).
const AA_DATELINES: &[&str] = &[
    "ANKARA",
    "ISTANBUL",
    "ANTALYA, Türkiye",
    "IZMIR, Türkiye",
    "CAIRO",
    "DOHA",
];
/// Gulf reprints of AFP copy: an ALL-CAPS city and a colon.
const AFP_DATELINES: &[&str] = &["MANAMA", "DUBAI", "RIYADH", "KUWAIT CITY", "DOHA", "BEIRUT"];
/// ANI datelines: a city and its country in square brackets.
const ANI_DATELINES: &[&str] = &[
    "New Delhi [India]",
    "Doha [Qatar]",
    "Kabul [Afghanistan]",
    "Dubai [UAE]",
    "Colombo [Sri Lanka]",
];
/// Pajhwok datelines: a city, and the agency in one of its three spellings.
const PAJHWOK_DATELINES: &[&str] = &[
    "KABUL (Pajhwok)",
    "KABUL (PAN)",
    "KABUL (PAJHWOK)",
    "HERAT (Pajhwok)",
    "KANDAHAR (PAN)",
];

/// One agency house style (or one of an agency's forms).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// KUNA as syndicated by MENAFN: tag, `KUWAIT, Sept 5 (KUNA) -- `, `(end)` and initials,
    /// MENAFN id line and disclaimer.
    KunaMenafn,
    /// Reuters: title, byline, `RIYADH, July 26 (Reuters) - ` or `PARIS (Reuters) - `,
    /// reporting credits.
    Reuters,
    /// The 1987 Reuters teletype: capital headline, indented dateline, 65-column wraps, ` Reuter`.
    Teletype,
    /// AP: `MEMPHIS, Tenn. (AP) — `, no date.
    Ap,
    /// Xinhua: page header `Source: Xinhua| date time|Editor: x`, `BEIJING, Sept. 1 (Xinhua) -- `.
    Xinhua,
    /// WAM: `ABU DHABI, 14 May 2022 (WAM) – `.
    Wam,
    /// WAM's other form: `Dubai, 29th November, 2015 (WAM) - ` and a `– Emirates News Agency, WAM`
    /// trailer.
    WamOrdinal,
    /// TASS: `MOSCOW, June 15. /TASS/. `.
    Tass,
    /// Trend: title, page stamp with `(UTC +04:00)`, `BAKU, Azerbaijan, Jan. 15`, then `Trend:`.
    Trend,
    /// Bernama: `KUALA LUMPUR, May 18 (Bernama) — `, `-- BERNAMA`.
    Bernama,
    /// ONA: `Muscat, Nov 3 (ONA) --- ` or `Muscat, 25 Oct (ONA) --- `, `---Ends/Name/Name`.
    Ona,
    /// QNA via MENAFN and The Peninsula: tag, bare `QNA` line, `Doha: `.
    QnaPeninsula,
    /// QNA on the wire: `Doha, April 13 (QNA) - `.
    QnaWire,
    /// Petra via MENAFN (Jordan News Agency): `Petra, Dec. 23 (Petra) – `.
    PetraMenafn,
    /// Petra carried by NNN: a capitals dateline credited `(NNN-PETRA)`, the same credit at the end.
    PetraNnn,
    /// SANA: `Damascus, SANA- ` or `Damascus, SANA – `, a reporter's name at the end.
    Sana,
    /// Anadolu: `ANTALYA, Türkiye (AA) – `.
    Anadolu,
    /// IRNA: `Tehran, IRNA – `.
    Irna,
    /// MENA: a `Cairo - MENA` line above the body.
    Mena,
    /// Iran Press: `Tehran (IP) - `.
    IranPress,
    /// Yonhap: page stamp `All News 09:05 April 11, 2024`, `SEOUL, April 11 (Yonhap) -- `.
    Yonhap,
    /// Kyodo via a distributor: `(Japan Economic Newswire Via Acquire Media NewsEdge)`,
    /// `TOKYO, April 14 Kyodo` on its own line, body wrapped at 70 columns.
    Kyodo,
    /// Jiji: `Tokyo (Jiji Press)—`, sometimes a `(Jiji)` credit after the last sentence.
    Jiji,
    /// AFP as Gulf papers run it: `MANAMA: `, `— AFP` after the last sentence.
    AfpGulf,
    /// ANI: `Doha [Qatar], May 8 (ANI): `.
    Ani,
    /// APS: `ALGIERS – Tuesday, 02 May 2023 (APS) – `.
    Aps,
    /// AZERTAC: `Baku, May 10, AZERTAC` on its own line.
    Azertac,
    /// Pajhwok: `KABUL (Pajhwok): `.
    Pajhwok,
}

/// The styles an article is drawn from (KUNA twice: the syndicated Gulf copy is the most common).
const STYLES: &[Style] = &[
    Style::KunaMenafn,
    Style::KunaMenafn,
    Style::Reuters,
    Style::Teletype,
    Style::Ap,
    Style::Xinhua,
    Style::Wam,
    Style::WamOrdinal,
    Style::Tass,
    Style::Trend,
    Style::Bernama,
    Style::Ona,
    Style::QnaPeninsula,
    Style::QnaWire,
    Style::PetraMenafn,
    Style::PetraNnn,
    Style::Sana,
    Style::Anadolu,
    Style::Irna,
    Style::Mena,
    Style::IranPress,
    Style::Yonhap,
    Style::Kyodo,
    Style::Jiji,
    Style::AfpGulf,
    Style::Ani,
    Style::Aps,
    Style::Azertac,
    Style::Pajhwok,
];

/// The article's day, with the pieces datelines are written from.
#[derive(Debug, Clone, Copy)]
struct Day {
    date: NaiveDate,
    /// Days since the corpus start (MENAFN ids rise with it).
    offset: u32,
    /// The month, 0 to 11.
    month: usize,
    day: u32,
    year: i32,
}

impl Day {
    /// The day `offset` days after `start`.
    fn new(start: NaiveDate, offset: u32) -> Self {
        let date = start + Duration::days(i64::from(offset));
        Day {
            date,
            offset,
            month: date.month0() as usize,
            day: date.day(),
            year: date.year(),
        }
    }

    fn full_month(&self) -> &'static str {
        full_month_name(self.month)
    }

    fn wire_month(&self) -> &'static str {
        short_month(self.month, false)
    }

    fn ap_month(&self) -> &'static str {
        short_month(self.month, true)
    }

    fn weekday(&self) -> &'static str {
        WEEKDAYS[self.date.weekday().num_days_from_monday() as usize]
    }

    /// The ordinal suffix of the day (`1st`, `2nd`, `11th`, `23rd`).
    fn ordinal(&self) -> &'static str {
        match (self.day % 10, self.day % 100) {
            (_, 11..=13) => "th",
            (1, _) => "st",
            (2, _) => "nd",
            (3, _) => "rd",
            _ => "th",
        }
    }
}

/// Appends the ` date YYYY-MM-DD ` prefix that a page capture puts before the text.
fn capture(out: &mut String, day: &Day) {
    let _ = write!(out, " date {} ", day.date);
}

/// Appends `text` in capitals (`Abu Dhabi` → `ABU DHABI`).
fn push_upper(out: &mut String, text: &str) {
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_uppercase());
        } else {
            out.extend(c.to_uppercase());
        }
    }
}

/// Appends `body` (paragraphs separated by blank lines) hard-wrapped at `width` columns,
/// continuing the current line of `out`; each paragraph after the first opens with
/// `paragraph_start`.
fn push_wrapped(out: &mut String, body: &str, width: usize, paragraph_start: &str) {
    let mut column = out.len() - out.rfind('\n').map_or(0, |i| i + 1);
    for (index, paragraph) in body.split("\n\n").enumerate() {
        if index > 0 {
            out.push_str(paragraph_start);
            column = paragraph_start.len() - paragraph_start.rfind('\n').map_or(0, |i| i + 1);
        }
        for (position, word) in paragraph.split(' ').enumerate() {
            if position > 0 {
                if column + 1 + word.len() > width {
                    out.push('\n');
                    column = 0;
                } else {
                    out.push(' ');
                    column += 1;
                }
            }
            out.push_str(word);
            column += word.len();
        }
    }
}

impl Corpus {
    /// A generator; the same seed gives the same articles.
    pub fn new(seed: u64) -> Self {
        Corpus {
            random: Random::new(seed),
            start: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or(NaiveDate::MIN),
            scratch: String::new(),
        }
    }

    fn below(&mut self, n: usize) -> usize {
        self.random.below(n)
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        self.random.pick(items)
    }

    /// The agency's home city two times in three, else another city of the list.
    fn home(&mut self, home: &'static str) -> &'static str {
        if self.below(3) < 2 {
            home
        } else {
            self.pick(PLACES)
        }
    }

    /// A text of `articles` articles, one after another, as a capture of many pages would hold.
    pub fn text(&mut self, articles: usize) -> String {
        let mut out = String::with_capacity(articles * 2600);
        for _ in 0..articles {
            self.write_article(&mut out);
            out.push('\n');
        }
        out
    }

    /// One article in a randomly chosen agency style.
    pub fn article(&mut self) -> String {
        let mut out = String::with_capacity(4096);
        self.write_article(&mut out);
        out
    }

    /// Appends one article in a randomly chosen style, on a random day of 2024–2025.
    fn write_article(&mut self, out: &mut String) {
        let day = Day::new(self.start, self.below(731) as u32);
        let style = self.pick(STYLES);
        self.write_style(style, &day, out);
    }

    /// Appends one article in `style`.
    fn write_style(&mut self, style: Style, day: &Day, out: &mut String) {
        let date = day.date;
        let d = day.day;
        match style {
            Style::KunaMenafn => {
                // Always with the capture prefix: without it, a tag that opens a line after a
                // story with no end mark does not start a new article for the splitter.
                capture(out, day);
                out.push_str("(MENAFN- Kuwait News Agency (KUNA)) ");
                let place = self.home("Kuwait");
                push_upper(out, place);
                let _ = write!(out, ", {} {d} (KUNA) -- ", day.wire_month());
                self.body(out, "\n\n");
                let initials = self.pick(INITIALS);
                if self.below(2) == 0 {
                    let _ = write!(out, " (end)\n{initials}\n\n");
                } else {
                    let _ = write!(out, "\n(end) {initials}\n\n");
                }
                self.menafn_footer(out, day, "000071011013");
            }
            Style::Reuters => {
                capture(out, day);
                self.title(out);
                let reporter = self.pick(REPORTERS);
                let _ = write!(out, "\n\nBy {reporter}\n\n");
                let place = self.pick(PLACES);
                push_upper(out, place);
                if self.below(3) == 0 {
                    out.push_str(" (Reuters) - ");
                } else {
                    let _ = write!(out, ", {} {d} (Reuters) - ", day.wire_month());
                }
                self.body(out, "\n\n");
                let editor = self.pick(REPORTERS);
                let _ = writeln!(out, "\n\n(Reporting by {reporter}; Editing by {editor})");
            }
            Style::Teletype => self.teletype(out, day),
            Style::Ap => {
                capture(out, day);
                self.title(out);
                out.push_str("\n\n");
                let dateline = self.pick(AP_DATELINES);
                let _ = write!(out, "{dateline} (AP) — ");
                self.body(out, "\n\n");
                out.push('\n');
            }
            Style::Xinhua => {
                self.title(out);
                let editor = self.pick(&["yan", "lu", "huaxia", "Zhang"]);
                let _ = write!(
                    out,
                    "\nSource: Xinhua| {date} {:02}:{:02}:{:02}|Editor: {editor}\n",
                    self.below(24),
                    self.below(60),
                    self.below(60)
                );
                let place = self.home("Beijing");
                push_upper(out, place);
                let _ = write!(out, ", {} {d} (Xinhua) -- ", day.ap_month());
                self.body(out, "\n\n");
                out.push('\n');
            }
            Style::Wam => {
                let place = self.home("Abu Dhabi");
                push_upper(out, place);
                let _ = write!(out, ", {d} {} {} (WAM) – ", day.full_month(), day.year);
                self.body(out, "\n\n");
                out.push('\n');
            }
            Style::WamOrdinal => {
                self.title(out);
                let place = self.pick(&["Dubai", "Abu Dhabi", "Sharjah", "Al Ain"]);
                let _ = write!(
                    out,
                    "\n\n{place}, {d}{} {}, {} (WAM) - ",
                    day.ordinal(),
                    day.full_month(),
                    day.year
                );
                self.body(out, "\n\n");
                out.push_str("\n\n– Emirates News Agency, WAM\n");
            }
            Style::Tass => {
                capture(out, day);
                self.title(out);
                out.push_str("\n\n");
                let place = self.home("Moscow");
                push_upper(out, place);
                let _ = write!(out, ", {} {d}. /TASS/. ", day.full_month());
                self.body(out, "\n\n");
                out.push('\n');
            }
            Style::Trend => {
                self.title(out);
                let _ = write!(
                    out,
                    "\n{d} {} {} {:02}:{:02} (UTC +04:00)\nBAKU, Azerbaijan, {} {d}\n\n",
                    day.full_month(),
                    day.year,
                    8 + self.below(12),
                    self.below(60),
                    TREND_MONTHS[day.month]
                );
                if self.below(2) == 0 {
                    out.push_str("Trend:\n\n");
                } else {
                    let reporter = self.pick(REPORTERS);
                    let _ = write!(out, "By {reporter} – Trend:\n\n");
                }
                self.body(out, "\n\n");
                out.push('\n');
            }
            Style::Bernama => {
                capture(out, day);
                let place = self.home("Kuala Lumpur");
                push_upper(out, place);
                let _ = write!(out, ", {} {d} (Bernama) — ", day.wire_month());
                self.body(out, "\n\n");
                out.push_str("\n\n-- BERNAMA\n");
            }
            Style::Ona => {
                capture(out, day);
                let place = self.home("Muscat");
                out.push_str(place);
                let month = day.wire_month();
                let _ = match self.below(3) {
                    0 => write!(out, ", {month} {d} (ONA) —- "),
                    1 => write!(out, ", {d} {month} (ONA) --- "),
                    _ => write!(out, ", {month} {d} (ONA)--- "),
                };
                self.body(out, "\n\n");
                let (first, second) = (self.pick(ONA_NAMES), self.pick(ONA_NAMES));
                let _ = writeln!(out, "\n\n---Ends/{first}/{second}");
            }
            Style::QnaPeninsula => {
                capture(out, day);
                out.push_str("(MENAFN- The Peninsula) QNA\n\n");
                out.push_str(if self.below(2) == 0 {
                    "Doha: "
                } else {
                    "Doha, Qatar: "
                });
                self.body(out, "\n\n");
                out.push_str("\n\n");
                self.menafn_footer(out, day, "000163011029");
            }
            Style::QnaWire => {
                capture(out, day);
                self.title(out);
                let _ = write!(out, "\n\nDoha, {} {d} (QNA) - ", day.wire_month());
                self.body(out, "\n\n");
                out.push('\n');
            }
            Style::PetraMenafn => {
                // The capture prefix is missing on many MENAFN pages; the dateline on its own
                // line still starts a new article.
                if self.below(2) == 0 {
                    capture(out, day);
                }
                let place = self.pick(&["Petra", "Amman", "Amman", "Aqaba"]);
                let _ = write!(
                    out,
                    "(MENAFN- Jordan News Agency)\n\n{place}, {} {d} (Petra) – ",
                    day.ap_month()
                );
                self.body(out, "\n\n");
                out.push_str("\n\n");
                self.menafn_footer(out, day, "000216011043");
            }
            Style::PetraNnn => {
                capture(out, day);
                let _ = write!(out, "AMMAN, {} {d} (NNN-PETRA) – ", day.wire_month());
                self.body(out, "\n\n");
                // The credit is glued to the final sentence.
                out.push_str("– NNN-PETRA\n");
            }
            Style::Sana => {
                capture(out, day);
                self.title(out);
                out.push_str(if self.below(2) == 0 {
                    "\n\nDamascus, SANA-  "
                } else {
                    "\n\nDamascus, SANA – "
                });
                self.body(out, "\n\n");
                let signature = self.pick(SIGNATURES);
                let _ = writeln!(out, "\n\n{signature}");
            }
            Style::Anadolu => {
                capture(out, day);
                self.title(out);
                let dateline = self.pick(AA_DATELINES);
                let _ = write!(out, "\n\n{dateline} (AA) – ");
                self.body(out, "\n\n");
                out.push('\n');
            }
            Style::Irna => {
                capture(out, day);
                self.title(out);
                out.push_str("\n\nTehran, IRNA – ");
                self.body(out, "\n\n");
                out.push('\n');
            }
            Style::Mena => {
                capture(out, day);
                self.title(out);
                out.push_str("\n\nCairo - MENA\n\n");
                self.body(out, "\n\n");
                out.push('\n');
            }
            Style::IranPress => {
                capture(out, day);
                self.title(out);
                out.push_str("\n\nTehran (IP) - ");
                self.body(out, "\n\n");
                out.push('\n');
            }
            Style::Yonhap => {
                self.title(out);
                let _ = write!(
                    out,
                    "\nAll News {:02}:{:02} {} {d}, {}\n\nSEOUL, {} {d} (Yonhap) -- ",
                    7 + self.below(15),
                    self.below(60),
                    day.full_month(),
                    day.year,
                    day.full_month()
                );
                self.body(out, "\n\n");
                out.push('\n');
            }
            Style::Kyodo => {
                capture(out, day);
                let _ = write!(
                    out,
                    "(Japan Economic Newswire Via Acquire Media NewsEdge)\nTOKYO, {} {d} Kyodo\n",
                    day.full_month()
                );
                let mut body = std::mem::take(&mut self.scratch);
                body.clear();
                self.body(&mut body, "\n\n");
                push_wrapped(out, &body, 70, "\n\n");
                self.scratch = body;
                out.push('\n');
            }
            Style::Jiji => {
                capture(out, day);
                self.title(out);
                out.push_str("\n\nTokyo (Jiji Press)—");
                self.body(out, "\n\n");
                if self.below(2) == 0 {
                    out.push_str(" (Jiji)");
                }
                out.push('\n');
            }
            Style::AfpGulf => {
                capture(out, day);
                self.title(out);
                let dateline = self.pick(AFP_DATELINES);
                let _ = write!(out, "\n\n{dateline}: ");
                self.body(out, "\n\n");
                out.push_str(" — AFP\n");
            }
            Style::Ani => {
                capture(out, day);
                self.title(out);
                let dateline = self.pick(ANI_DATELINES);
                let _ = write!(out, "\n\n{dateline}, {} {d} (ANI): ", day.wire_month());
                self.body(out, "\n\n");
                out.push('\n');
            }
            Style::Aps => {
                self.title(out);
                let _ = write!(
                    out,
                    "\n\nALGIERS – {}, {d:02} {} {} (APS) – ",
                    day.weekday(),
                    day.full_month(),
                    day.year
                );
                self.body(out, "\n\n");
                out.push('\n');
            }
            Style::Azertac => {
                capture(out, day);
                self.title(out);
                let _ = write!(out, "\n\nBaku, {} {d}, AZERTAC\n\n", day.full_month());
                self.body(out, "\n\n");
                out.push('\n');
            }
            Style::Pajhwok => {
                capture(out, day);
                self.title(out);
                let dateline = self.pick(PAJHWOK_DATELINES);
                let _ = write!(out, "\n\n{dateline}: ");
                self.body(out, "\n\n");
                out.push('\n');
            }
        }
    }

    /// MENAFN's footer: the id line (`MENAFN` + DDMMYYYY + provider code + `ID` + an article
    /// number that rises by a few thousand a day) and the disclaimer.
    fn menafn_footer(&mut self, out: &mut String, day: &Day, code: &str) {
        let id = 1_107_713_000 + u64::from(day.offset) * 3_700 + self.below(3_700) as u64;
        let _ = write!(
            out,
            "MENAFN{:02}{:02}{}{code}ID{id}\n\nLegal Disclaimer:\nMENAFN provides the information as is.\n",
            day.day,
            day.month + 1,
            day.year
        );
    }

    /// A headline (no final period).
    fn title(&mut self, out: &mut String) {
        let (role, name) = self.pick(PEOPLE);
        let topic = self.pick(TOPICS);
        let _ = match self.below(3) {
            0 => write!(out, "{role} {name} discusses {topic}"),
            1 => write!(out, "{name} stresses cooperation on {topic}"),
            _ => {
                let org = self.pick(ORGS);
                let org = org.strip_prefix("the ").unwrap_or(org);
                write!(out, "{role} urges {org} to act on {topic}")
            }
        };
    }

    /// Paragraphs of quotes and reported speech, separated by `separator`, until the body
    /// holds 900 to 3,800 bytes.
    fn body(&mut self, out: &mut String, separator: &str) {
        let target = 900 + self.below(2_900);
        let start = out.len();
        while out.len() - start < target {
            if out.len() > start {
                out.push_str(separator);
            }
            self.paragraph(out);
        }
    }

    /// One paragraph.
    fn paragraph(&mut self, out: &mut String) {
        let (role, name) = self.pick(PEOPLE);
        let org = self.pick(ORGS);
        let place = self.pick(PLACES);
        let topic = self.pick(TOPICS);
        let cue = self.pick(CUES);
        let _ = match self.below(7) {
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
            3 => write!(
                out,
                "According to diplomats here, the delegation from {place} met officials of {org} to review {topic}, and {name} {cue} that progress had been made."
            ),
            4 => write!(
                out,
                "Figures released by {org} showed that spending on {topic} rose by {} percent over the previous year, reaching {} million dollars.",
                2 + self.below(18),
                40 + self.below(900)
            ),
            5 => write!(
                out,
                "{role} {name} also received a cable from {org} on {topic} and expressed appreciation for the efforts made by all sides in {place}."
            ),
            _ => write!(
                out,
                "The talks in {place} came as {org} prepared a report on {topic}, officials said, and a follow-up session was scheduled for next month."
            ),
        };
    }

    /// A story in the 1987 teletype layout: capital headline, indented dateline, 65-column hard
    /// wraps, indented paragraphs, ` Reuter` sign-off.
    fn teletype(&mut self, out: &mut String, day: &Day) {
        capture(out, day);
        let title_start = out.len();
        self.title(out);
        out[title_start..].make_ascii_uppercase();
        out.push_str("\n    ");
        let place = self.pick(PLACES);
        push_upper(out, place);
        let _ = write!(out, ", {} {} - ", day.wire_month(), day.day);
        let mut body = std::mem::take(&mut self.scratch);
        body.clear();
        self.body(&mut body, "\n\n");
        push_wrapped(out, &body, 65, "\n    ");
        self.scratch = body;
        out.push_str("\n Reuter\n");
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::wire::{Origin, parse};

    impl Style {
        /// The agency the parser should report for the style.
        fn abbr(self) -> &'static str {
            match self {
                Style::KunaMenafn => "KUNA",
                Style::Reuters | Style::Teletype => "Reuters",
                Style::Ap => "AP",
                Style::Xinhua => "Xinhua",
                Style::Wam | Style::WamOrdinal => "WAM",
                Style::Tass => "TASS",
                Style::Trend => "Trend",
                Style::Bernama => "Bernama",
                Style::Ona => "ONA",
                Style::QnaPeninsula | Style::QnaWire => "QNA",
                Style::PetraMenafn | Style::PetraNnn => "Petra",
                Style::Sana => "SANA",
                Style::Anadolu => "AA",
                Style::Irna => "IRNA",
                Style::Mena => "MENA",
                Style::IranPress => "IP",
                Style::Yonhap => "Yonhap",
                Style::Kyodo => "Kyodo",
                Style::Jiji => "Jiji",
                Style::AfpGulf => "AFP",
                Style::Ani => "ANI",
                Style::Aps => "APS",
                Style::Azertac => "AZERTAC",
                Style::Pajhwok => "Pajhwok",
            }
        }
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn the_same_seed_gives_the_same_text() {
        assert_eq!(Corpus::new(7).text(20), Corpus::new(7).text(20));
        assert_ne!(Corpus::new(7).text(20), Corpus::new(8).text(20));
    }

    #[test]
    fn articles_have_realistic_sizes() {
        let mut corpus = Corpus::new(1);
        for _ in 0..500 {
            let size = corpus.article().len();
            assert!((900..5000).contains(&size), "{size}");
        }
    }

    #[test]
    fn generated_articles_parse_in_their_agency_style() {
        let expected: Vec<&str> = STYLES.iter().map(|style| style.abbr()).collect();
        let (first, last) = (day(2024, 1, 1), day(2025, 12, 31));
        let origin = Origin::default();
        let mut corpus = Corpus::new(2024);
        let mut agencies: BTreeMap<String, usize> = BTreeMap::new();
        for _ in 0..2_000 {
            let text = corpus.article();
            let articles = parse(&text, &origin);
            assert_eq!(articles.len(), 1, "{text}");
            let article = &articles[0];
            let abbr = article
                .agency
                .as_ref()
                .map(|agency| agency.abbr.as_str())
                .unwrap_or_else(|| panic!("no agency in {text}"));
            assert!(expected.contains(&abbr), "{abbr} from {text}");
            *agencies.entry(abbr.to_string()).or_default() += 1;
            let dateline = article
                .dateline
                .as_ref()
                .unwrap_or_else(|| panic!("no dateline in {text}"));
            assert!(
                dateline.place.as_deref().is_some_and(|place| !place.is_empty()),
                "no dateline place in {text}"
            );
            let published = article
                .published
                .map(|stamp| stamp.date())
                .or(dateline.date)
                .unwrap_or_else(|| panic!("no date in {text}"));
            assert!((first..=last).contains(&published), "{published} in {text}");
            if let Some(date) = dateline.date {
                assert_eq!(date, published, "{text}");
            }
            let size = article.body.len();
            assert!((800..=4_500).contains(&size), "{size}-byte body in {text}");
        }
        assert!(agencies.len() >= 20, "{agencies:?}");
    }

    #[test]
    fn every_style_parses_as_its_own_agency() {
        let origin = Origin::default();
        let mut corpus = Corpus::new(5);
        for &style in STYLES {
            for offset in [0, 45, 59, 60, 250, 365, 366, 500, 729, 730] {
                let day = Day::new(corpus.start, offset);
                let date = day.date;
                let mut text = String::new();
                corpus.write_style(style, &day, &mut text);
                let articles = parse(&text, &origin);
                assert_eq!(articles.len(), 1, "{style:?}: {text}");
                let article = &articles[0];
                let abbr = article.agency.as_ref().map(|agency| agency.abbr.as_str());
                assert_eq!(abbr, Some(style.abbr()), "{style:?}: {text}");
                assert_eq!(
                    article.published.map(|stamp| stamp.date()),
                    Some(date),
                    "{style:?}: {text}"
                );
                // Nothing of the head or the trailer is left in the body.
                let body = &article.body;
                assert!(
                    body.starts_with(|c: char| c.is_uppercase() || c == '"')
                        && body.ends_with('.')
                        && !body.contains("(end)")
                        && !body.contains("MENAFN"),
                    "{style:?}: {body}"
                );
            }
        }
    }

    #[test]
    fn a_concatenated_text_splits_into_its_articles() {
        let text = Corpus::new(11).text(300);
        let articles = parse(&text, &Origin::default());
        assert_eq!(articles.len(), 300);
    }
}
