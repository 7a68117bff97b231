//! Trailers: what follows the last paragraph of a story — end marks and editor initials,
//! continuation marks, filing stamps, sign-offs, agency credits, reporting credits, syndicator
//! id lines and disclaimers, and page chrome such as "Related Articles".
//!
//! [`peel_trailer`] removes them from the end of a body; the line recognisers are shared with the
//! splitter, which uses end marks to find where one article stops and the next begins.

use std::sync::LazyLock;

use chrono::{DateTime, FixedOffset, NaiveDate};
use regex::Regex;

use crate::article::Timestamp;
use crate::lexicons::agencies::{AgencyKind, RegistryEntry, registry};
use crate::wire::chrome::is_chrome;
use crate::wire::dateline::floor_char_boundary;
use crate::wire::dates::{StampLabel, kuna_stamp, menafn_id, page_stamp, stamp_label};
use crate::wire::split::is_headline;

/// What was peeled off the end of a body.
#[derive(Debug, Default, Clone)]
pub struct Trailer {
    /// The removed items, in the order they appear in the copy.
    pub items: Vec<String>,
    /// An agency credited by the trailer (`-- BERNAMA`, ` Reuter`, `Source: Qatar News Agency`).
    pub credit: Option<&'static RegistryEntry>,
    /// The date of a MENAFN id line.
    pub menafn_date: Option<NaiveDate>,
    /// A KUNA filing stamp.
    pub filed: Option<DateTime<FixedOffset>>,
    /// True when the copy ends with a continuation mark (`(more)`).
    pub continues: bool,
    /// A stamp labelled as the publication time below the story (`First Published: Jun 10
    /// 2016 | 1:07 AM IST`).
    pub published: Option<Timestamp>,
}

/// Lines that start page chrome after a story: everything from them on is dropped.
const FOOTER_STARTS: &[&str] = &[
    "check also",
    "related articles",
    "related news",
    "related stories",
    "related posts",
    "related",
    "also read",
    "read also",
    "more news",
    "more stories",
    "you may also like",
    "recommended",
    "tags:",
    "share this:",
    "share this",
    "comments",
    "leave a comment",
    "leave a reply",
    "most read",
    "trending",
    "latest news",
    "related post",
    "related topics",
    "related content",
    "about the author",
    "more from this section",
    "more from",
    "next story",
    "previous story",
    "send to a friend",
    "important news",
    "popular news",
    "most popular",
    "top stories",
    "see also",
    "you might also like",
    "no comments",
    "no comments:",
    "post a comment",
    "相关文章",
];

/// True when a line starts footer chrome or a syndicator disclaimer, or is a copyright line
/// (`© Harbour Press 2024`).
pub fn is_footer_start(line: &str) -> bool {
    let line = line.trim();
    let disclaimer = line
        .get(..17)
        .is_some_and(|start| start.eq_ignore_ascii_case("legal disclaimer:"));
    disclaimer
        || (line.len() <= 40 && FOOTER_STARTS.iter().any(|start| start.eq_ignore_ascii_case(line)))
        || COPYRIGHT.is_match(line)
        || is_email_address(line)
}

/// A line that is only an e-mail address (a desk's contact under the story).
fn is_email_address(line: &str) -> bool {
    line.len() <= 60
        && !line.contains(' ')
        && line.split_once('@').is_some_and(|(user, domain)| {
            !user.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.')
        })
}

static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:©|\(c\)|copyright(?-u:\b))\s*(?:\d{4}(?:\s*-\s*\d{4})?\s*)?(?P<owner>[^\d©].{0,50}?)\.?(?:\s*all rights reserved\.?)?$")
        .expect("valid regex")
});

/// The agency a copyright line names (`© KYODO`, `(c) 2024 Kenya News Agency. All rights
/// reserved.`).
fn copyright_credit(line: &str) -> Option<&'static RegistryEntry> {
    let caps = COPYRIGHT.captures(line.trim())?;
    lookup_credit(caps.name("owner")?.as_str())
}

static END_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\((?:end|more|fin|ends)\)|//\s*(?:انتهى|يتبع)\s*//)").expect("valid regex")
});

/// An end or continuation mark near the end of a line (`(end)`, `(more)`, `(FIN)`,
/// `// انتهى //`), followed only by editor initials, stamps or nothing. Returns where the mark
/// starts and whether it is a continuation.
pub fn end_mark(line: &str) -> Option<(usize, bool)> {
    let window_start = floor_char_boundary(line, line.len().saturating_sub(80));
    let window = &line[window_start..];
    if !window.bytes().any(|b| b == b'(' || b == b'/') {
        return None;
    }
    let found = END_MARK.find_iter(window).last()?;
    if !is_initials_tail(&window[found.end()..]) {
        return None;
    }
    let mark = found.as_str().to_lowercase();
    let continues = mark.contains("more") || mark.contains("يتبع");
    Some((window_start + found.start(), continues))
}

/// Editor initials, stamps and marks that may follow an end mark: `ibi`, `jk.ajs`,
/// `KUNA 231837 Nov 07NNNN`, `(N.A.)(R.M.)`, `2304 ت م`.
fn is_initials_tail(tail: &str) -> bool {
    let tail = tail.trim();
    if tail.len() > 60 {
        return false;
    }
    if kuna_stamp(tail).is_some() {
        return true;
    }
    tail.split_whitespace().all(|token| {
        let token = token.trim_end_matches("NNNN");
        token.is_empty()
            || is_initials(token)
            || token.chars().all(|c| c.is_ascii_digit())
            || token
                .chars()
                .all(|c| c.is_uppercase() || matches!(c, '.' | '(' | ')'))
            || token.chars().all(|c| ('\u{600}'..='\u{6ff}').contains(&c))
    })
}

/// Lowercase editor initials: `mke`, `jk.ajs`, `bs`.
fn is_initials(token: &str) -> bool {
    token.len() <= 12
        && token
            .split('.')
            .all(|part| (1..=4).contains(&part.len()) && part.chars().all(|c| c.is_ascii_lowercase()))
}

static REPORTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:Source:\s*\S+\s*)?\((?:additional )?(?:reporting|writing|editing|compiled|berichterstattung|redigé|rédigé|redaktion|reportage)\b.*\)$")
        .expect("valid regex")
});

static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:--|—|–|-|_)+\s*(?P<agency>[^-–—_][^–—]*?)\s*(?:--|—|–|-)*\s*$").expect("valid regex")
});

static GLUED_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"[.!?"”’)]\s*(?P<credit>(?:--|—|–|-)\s*(?P<agency>[A-Za-z][A-Za-z .,-]{1,40}?)|\((?P<paren>[A-Za-z][A-Za-z -]{1,30})\))\s*$"#)
        .expect("valid regex")
});

static SIGN_OFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:reuter|reuters|reute|(?:\(c\)|©|copyright)\s*(?:\d{4}\s*)?(?:thomson\s+)?reuters.*|&#3;)[.…]*(?:\^M)?$").expect("valid regex")
});

static ENDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:-+\s*ends?\b.*|ends?\s*-*|-{2,}\s*\.{2,}|-{3,})$").expect("valid regex")
});

/// A line that is only a credit: `-- BERNAMA`, `— AFP`, `–ONA`, `Source: Qatar News Agency`,
/// `Anadolu Agency.`, `- Emirates News Agency, WAM –`. Returns the agency.
pub fn credit_line(line: &str) -> Option<&'static RegistryEntry> {
    let line = line.trim();
    if line.len() > 70 {
        return None;
    }
    if let Some(source) = line.strip_prefix("Source:") {
        return lookup_credit(source);
    }
    if line.starts_with(['-', '—', '–', '_']) {
        let caps = CREDIT_LINE.captures(line)?;
        return lookup_credit(caps.name("agency")?.as_str());
    }
    if CREDIT_LEAD.is_match(line) {
        return lookup_credit(line);
    }
    if let Some(entry) = slashed_staff_credit(line) {
        return Some(entry);
    }
    // A bare agency name on its own line, in capitals or as its full name.
    let plausible = line.len() <= 48
        && line.starts_with(char::is_uppercase)
        && !line.contains([',', ':', ';', '"', '“', '?', '!'])
        && line.split_whitespace().count() <= 5;
    if !plausible {
        return None;
    }
    let entry = registry()
        .lookup(line.trim_end_matches('.'))
        .filter(|e| e.kind != AgencyKind::Syndicator)?;
    // Two capitals alone (`TT`) are as often a site's code or initials as an agency.
    let shouting = line.chars().all(|c| !c.is_lowercase()) && line.len() >= 3;
    (shouting || line.contains(' ')).then_some(entry)
}

static CREDIT_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:edited\s+)?(?:translation|translated|adapted)\s+from|(?:with\s+)?inputs\s+from|courtesy(?:\s+of)?)\s+(?:the\s+)?")
        .expect("valid regex")
});

/// `WAM/Rana Saleh/Omar Nabil`: the agency, then its reporters and editors, slash-separated.
fn slashed_staff_credit(line: &str) -> Option<&'static RegistryEntry> {
    let (agency, staff) = line.split_once('/')?;
    let names_only = staff.split('/').all(|name| {
        let words: Vec<&str> = name.split_whitespace().collect();
        (1..=4).contains(&words.len()) && words.iter().all(|w| w.starts_with(char::is_uppercase))
    });
    let shouted = agency.len() >= 3 && agency.chars().all(|c| c.is_ascii_uppercase());
    (names_only && shouted).then(|| lookup_credit(agency)).flatten()
}

/// Resolves a credit (`Emirates News Agency, WAM`, `NNN-PETRA`, `Edited translation from
/// MENA`, `With inputs from Associated Press`) to its originating agency.
fn lookup_credit(text: &str) -> Option<&'static RegistryEntry> {
    let text = text.trim().trim_end_matches('.');
    let text = CREDIT_LEAD.find(text).map_or(text, |lead| &text[lead.end()..]);
    let direct = registry().lookup(text).or_else(|| {
        let (first, last) = text.rsplit_once([',', '-'])?;
        registry()
            .lookup(last.trim())
            .filter(|e| e.kind != AgencyKind::Network)
            .or_else(|| registry().lookup(first.trim()))
    })?;
    (direct.kind != AgencyKind::Syndicator).then_some(direct)
}

/// True when a whole line belongs to a trailer (used by the splitter after an end mark).
pub fn is_trailer_line(line: &str) -> bool {
    let line = line.trim();
    if line.len() > 400 {
        // A disclaimer paragraph is the longest trailer line.
        return false;
    }
    line.is_empty()
        || menafn_id(line).is_some()
        || is_initials(line)
        || line == "NNNN"
        || kuna_stamp(line).is_some_and(|(_, range)| range.start == 0)
        || end_mark(line).is_some_and(|(start, _)| start == 0)
        || SIGN_OFF.is_match(line)
        || REPORTING.is_match(line)
        || ENDS.is_match(line)
        || credit_line(line).is_some()
        || is_footer_start(line)
        || is_chrome(line)
}

/// True when a line ends a story: an end mark (possibly after the last sentence), a sign-off,
/// or a credit line.
pub fn ends_story(line: &str) -> bool {
    let line = line.trim();
    let short = line.len() <= 80;
    end_mark(line).is_some_and(|(_, continues)| !continues)
        || (short && SIGN_OFF.is_match(line))
        || (short && ENDS.is_match(line) && line.to_ascii_lowercase().contains("end"))
        || line == "NNNN"
        || credit_line(line).is_some()
}

/// Peels the trailer off the end of `lines` (the body's lines), shortening the last line when a
/// mark or credit is glued to the final sentence.
pub fn peel_trailer(lines: &mut Vec<&str>) -> Trailer {
    let mut trailer = Trailer::default();
    let mut peeled: Vec<String> = Vec::new();
    let mut seen_mark = false;
    // Footer chrome and disclaimers: from the first footer line on, everything goes.
    if let Some(footer) = lines.iter().skip(1).position(|line| is_footer_start(line)) {
        let cut = footer + 1;
        for line in lines.drain(cut..).collect::<Vec<_>>().into_iter().rev() {
            if !line.trim().is_empty() {
                peeled.push(line.trim().to_string());
            }
        }
        // The footer's first copyright line may name the agency (`© KYODO`).
        trailer.credit = peeled.iter().rev().find_map(|line| copyright_credit(line));
    }
    while let Some(&last) = lines.last() {
        let line = last.trim();
        if line.is_empty() {
            lines.pop();
            continue;
        }
        if let Some(date) = menafn_id(line) {
            trailer.menafn_date.get_or_insert(date);
            peeled.push(line.to_string());
            lines.pop();
            continue;
        }
        if let Some((start, continues)) = end_mark(line) {
            if let Some((filed, _)) = kuna_stamp(&line[start..]) {
                trailer.filed.get_or_insert(filed);
            }
            // Only the last mark of the copy tells whether the story goes on.
            if !seen_mark {
                trailer.continues = continues;
                seen_mark = true;
            }
            push_split_items(&mut peeled, &line[start..]);
            cut_last_line(lines, last, start);
            continue;
        }
        if is_initials(line) && previous_ends_with_mark(lines) {
            peeled.push(line.to_string());
            lines.pop();
            continue;
        }
        if line == "NNNN" || kuna_stamp(line).is_some_and(|(_, range)| range.start == 0) {
            if let Some((filed, _)) = kuna_stamp(line) {
                trailer.filed.get_or_insert(filed);
            }
            peeled.push(line.to_string());
            lines.pop();
            continue;
        }
        if SIGN_OFF.is_match(line) {
            trailer.credit = trailer.credit.or_else(|| registry().lookup("Reuters"));
            peeled.push(line.to_string());
            lines.pop();
            continue;
        }
        if REPORTING.is_match(line) || ENDS.is_match(line) {
            if line.to_lowercase().starts_with("source:") {
                trailer.credit = trailer
                    .credit
                    .or_else(|| line.split_whitespace().nth(1).and_then(lookup_credit));
            }
            peeled.push(line.to_string());
            lines.pop();
            continue;
        }
        if let Some(entry) = credit_line(line) {
            trailer.credit = trailer.credit.or(Some(entry));
            peeled.push(line.to_string());
            lines.pop();
            continue;
        }
        if let Some(start) = glued_sign_off(line) {
            trailer.credit = trailer.credit.or_else(|| registry().lookup("Reuters"));
            peeled.push(line[start..].trim().to_string());
            cut_last_line(lines, last, start);
            continue;
        }
        if line.eq_ignore_ascii_case("more") && !seen_mark {
            // The teletype's continuation line: another take follows.
            trailer.continues = true;
            seen_mark = true;
            peeled.push(line.to_string());
            lines.pop();
            continue;
        }
        if let Some((start, entry)) = glued_credit(line) {
            trailer.credit = trailer.credit.or(Some(entry));
            peeled.push(line[start..].trim().to_string());
            cut_last_line(lines, last, start);
            continue;
        }
        if lines.len() > 1 && is_reporter_name(line) && previous_is_paragraph_end(lines) {
            peeled.push(line.to_string());
            lines.pop();
            continue;
        }
        if lines.len() > 1 && (is_chrome(line) || is_staff_names(line)) {
            peeled.push(line.to_string());
            lines.pop();
            continue;
        }
        if let Some(teasers) = trailing_teasers(lines) {
            for _ in 0..teasers {
                while lines.last().is_some_and(|line| line.trim().is_empty()) {
                    lines.pop();
                }
                if let Some(line) = lines.pop() {
                    peeled.push(line.trim().to_string());
                }
            }
            continue;
        }
        break;
    }
    peeled.reverse();
    trailer.published = peeled
        .iter()
        .filter(|line| stamp_label(line) == Some(StampLabel::Published))
        .find_map(|line| page_stamp(line));
    trailer.items = peeled;
    trailer
}

/// Pushes a mark and what follows it as separate items: `(end) jk.ajs KUNA 231837 Nov 07NNNN`
/// gives `(end)`, `jk.ajs`, `KUNA 231837 Nov 07`, `NNNN` (in reverse, as the caller reverses).
fn push_split_items(peeled: &mut Vec<String>, text: &str) {
    let mut items: Vec<String> = Vec::new();
    let text = text.trim();
    let mark_end = END_MARK.find(text).map_or(0, |m| m.end());
    items.push(text[..mark_end].to_string());
    let mut tail = text[mark_end..].trim();
    let stamp = kuna_stamp(tail).map(|(_, range)| range);
    let (before, stamp_text, after) = match stamp {
        Some(range) => (
            &tail[..range.start],
            Some(&tail[range.clone()]),
            &tail[range.end..],
        ),
        None => (tail, None, ""),
    };
    for token in before.split_whitespace() {
        // A filing time and Arabic initials stay together: `2304 ت م`.
        let joins = |t: &str| {
            t.chars()
                .all(|c| c == ' ' || c.is_ascii_digit() || ('\u{600}'..='\u{6ff}').contains(&c))
        };
        if let Some(previous) = items
            .last_mut()
            .filter(|p| joins(p) && joins(token) && items_len_over_one(p))
        {
            previous.push(' ');
            previous.push_str(token);
            continue;
        }
        items.push(token.trim_end_matches("NNNN").to_string());
        if token.ends_with("NNNN") && token != "NNNN" {
            items.push("NNNN".to_string());
        }
    }
    if let Some(stamp_text) = stamp_text {
        items.push(stamp_text.to_string());
        tail = after.trim();
        for token in tail.split_whitespace() {
            items.push(token.to_string());
        }
    }
    items.retain(|item| !item.is_empty());
    peeled.extend(items.into_iter().rev());
}

/// False for the mark itself (the first item), which never takes tokens after it.
fn items_len_over_one(item: &str) -> bool {
    !item.starts_with('(') && !item.starts_with("//")
}

/// A teletype sign-off glued to the last line after a run of spaces: `(33.7).        REUTER`.
fn glued_sign_off(line: &str) -> Option<usize> {
    let trimmed = line.trim_end_matches(['.', ' ']);
    let word_start = trimmed.rfind(' ')? + 1;
    let word = &trimmed[word_start..];
    let spaced =
        trimmed[..word_start].ends_with("  ") || trimmed[..word_start].trim_end().ends_with(['.', '"']);
    (spaced && SIGN_OFF.is_match(word) && word.len() >= 5).then(|| trimmed[..word_start].trim_end().len())
}

/// A credit glued to the final sentence: `challenges.– NNN-PETRA`, `stability. –ONA`,
/// `said. — AFP`, `on Tuesday. (Yonhap)`. Returns where the credit starts.
fn glued_credit(line: &str) -> Option<(usize, &'static RegistryEntry)> {
    let window_start = floor_char_boundary(line, line.len().saturating_sub(60));
    let window = &line[window_start..];
    if !window.bytes().any(|b| b == b'-' || b == b'(' || b >= 0x80) {
        return None;
    }
    let caps = GLUED_CREDIT.captures(window)?;
    let credit = caps.name("credit")?;
    let agency = caps.name("agency").or_else(|| caps.name("paren"))?.as_str();
    let entry = lookup_credit(agency)?;
    Some((window_start + credit.start(), entry))
}

/// Replaces the last line by its part before `cut`, or drops it when nothing is left.
fn cut_last_line<'a>(lines: &mut Vec<&'a str>, last: &'a str, cut: usize) {
    let offset = last.len() - last.trim_start().len();
    let kept = last[..offset + cut].trim_end();
    lines.pop();
    if !kept.trim().is_empty() {
        lines.push(kept);
    }
}

fn previous_ends_with_mark(lines: &[&str]) -> bool {
    lines
        .iter()
        .rev()
        .skip(1)
        .find(|line| !line.trim().is_empty())
        .is_some_and(|line| end_mark(line.trim()).is_some())
}

fn previous_is_paragraph_end(lines: &[&str]) -> bool {
    let mut before = lines.iter().rev().skip(1);
    // A reporter's name stands apart: a blank line, then the end of a sentence above it.
    let blank = before.next().is_some_and(|line| line.trim().is_empty());
    let sentence_end = before
        .find(|line| !line.trim().is_empty())
        .is_some_and(|line| line.trim_end().ends_with(['.', '"', '”', '!', '?']));
    blank && sentence_end
}

/// The fewest headlines in a row at the end of a page that make a list of teasers.
const MIN_TEASERS: usize = 2;

/// How many lines at the end of `lines` are teasers for other stories: a run of headlines
/// (perhaps bulleted, the last perhaps cut off) below the story's last sentence.
fn trailing_teasers(lines: &[&str]) -> Option<usize> {
    let mut count = 0;
    let mut headlines = 0;
    for line in lines
        .iter()
        .rev()
        .map(|line| line.trim())
        .filter(|line| !line.is_empty())
    {
        let text = line.trim_start_matches(['-', '•', '–', '*']).trim_start();
        let cut_off = count == 0 && text.len() <= 40 && text.chars().count() <= 20;
        let teaser = text.len() <= 640 && text.chars().count() <= 160 && is_headline(text);
        if teaser || cut_off {
            count += 1;
            headlines += usize::from(teaser && !cut_off);
            continue;
        }
        let story_ended = line.ends_with(['.', '"', '”', '!', '?']);
        return (headlines >= MIN_TEASERS && story_ended).then_some(count);
    }
    None
}

/// Reporters and editors separated by slashes: `Rana Saleh / Omar al-Nabil`, `Rana
/// Saleh/Omar`.
fn is_staff_names(line: &str) -> bool {
    line.len() <= 60
        && line.contains('/')
        && line.split('/').all(|name| {
            let words: Vec<&str> = name.split_whitespace().collect();
            (1..=4).contains(&words.len())
                && words[0].starts_with(char::is_uppercase)
                && words.iter().all(|word| {
                    word.starts_with(char::is_uppercase)
                        || ["al-", "el-", "bin", "ibn", "bint", "de", "van", "von"]
                            .iter()
                            .any(|particle| word.starts_with(particle))
                })
        })
}

/// A reporter's name on its own line: `Hala Zain`, `Basma Qaddour`, `Y.K.`.
fn is_reporter_name(line: &str) -> bool {
    if line.len() > 32 {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let initials = words.len() == 1
        && line.len() <= 6
        && line
            .split('.')
            .filter(|p| !p.is_empty())
            .all(|p| p.len() == 1 && p.chars().all(char::is_uppercase))
        && line.ends_with('.');
    let name = (2..=3).contains(&words.len())
        && words.iter().all(|word| {
            let mut chars = word.chars();
            chars.next().is_some_and(char::is_uppercase)
                && chars.all(|c| c.is_lowercase() || c == '-' || c == '\'')
        });
    initials || name
}

#[cfg(test)]
mod tests {
    use super::*;

    fn peel(text: &str) -> (Vec<String>, Trailer) {
        let mut lines: Vec<&str> = text.lines().collect();
        let trailer = peel_trailer(&mut lines);
        (lines.iter().map(|l| l.to_string()).collect(), trailer)
    }

    #[test]
    fn kuna_end_marks_and_initials() {
        let (lines, trailer) = peel("The Amir left.\n\n(end)\n\nmke\n\n\n");
        assert_eq!(lines, ["The Amir left."]);
        assert_eq!(trailer.items, ["(end)", "mke"]);
        let (lines, trailer) = peel("The Amir left. (end) ibi");
        assert_eq!(lines, ["The Amir left."]);
        assert_eq!(trailer.items, ["(end)", "ibi"]);
        let (_, trailer) = peel("Text.\n(end) jk.ajs KUNA 231837 Nov 07NNNN");
        assert_eq!(trailer.items, ["(end)", "jk.ajs", "KUNA 231837 Nov 07", "NNNN"]);
        assert_eq!(
            trailer.filed.map(|t| t.to_rfc3339()).as_deref(),
            Some("2007-11-23T18:37:00+03:00")
        );
    }

    #[test]
    fn continuation_marks() {
        let (lines, trailer) = peel("The Cabinet met.\n(more)\nhb");
        assert_eq!(lines, ["The Cabinet met."]);
        assert!(trailer.continues);
        assert_eq!(trailer.items, ["(more)", "hb"]);
    }

    #[test]
    fn menafn_footer() {
        let text = "Last paragraph. (end)\n\nMENAFN26032024000071011013ID1107993908\n\nLegal Disclaimer:\nThe syndicator is not responsible for the content.";
        let (lines, trailer) = peel(text);
        assert_eq!(lines, ["Last paragraph."]);
        assert_eq!(trailer.menafn_date, NaiveDate::from_ymd_opt(2024, 3, 26));
        assert_eq!(trailer.items[0], "(end)");
        assert!(trailer.items.iter().any(|i| i == "Legal Disclaimer:"));
    }

    #[test]
    fn agency_credits() {
        for (text, abbr, kept) in [
            ("The talks ended.\n-- BERNAMA", "Bernama", "The talks ended."),
            ("The talks ended. — AFP", "AFP", "The talks ended."),
            ("for regional stability. –ONA", "ONA", "for regional stability."),
            (
                "to meet the challenges.– NNN-PETRA",
                "Petra",
                "to meet the challenges.",
            ),
            (
                "The talks ended.\n\nSource: Qatar News Agency",
                "QNA",
                "The talks ended.",
            ),
            (
                "The talks ended.\n\n- Emirates News Agency, WAM –",
                "WAM",
                "The talks ended.",
            ),
            ("The talks ended.\n Reuter", "Reuters", "The talks ended."),
            ("The talks ended.\nAnadolu Agency", "AA", "The talks ended."),
            (
                "The talks ended on Tuesday. (Yonhap)",
                "Yonhap",
                "The talks ended on Tuesday.",
            ),
            (
                "total 55.8 (33.7).        REUTER",
                "Reuters",
                "total 55.8 (33.7).",
            ),
            ("The talks ended.\nREUTER...", "Reuters", "The talks ended."),
            (
                "The talks ended.\nWAM/Rana Saleh/Omar Nabil",
                "WAM",
                "The talks ended.",
            ),
            ("The talks ended.\n--KUNA", "KUNA", "The talks ended."),
            ("The talks ended.\nSource: SPA", "SPA", "The talks ended."),
            (
                "The talks ended.\nSource: Oman News Agency",
                "ONA",
                "The talks ended.",
            ),
            (
                "The talks ended.\nEdited translation from MENA",
                "MENA",
                "The talks ended.",
            ),
            (
                "The talks ended.\n--With inputs from Associated Press",
                "AP",
                "The talks ended.",
            ),
            (
                "The talks ended.\n\n© KYODO\n\n©2024 Harbour Media Inc.\n\nSubscribe to our newsletter",
                "Kyodo",
                "The talks ended.",
            ),
        ] {
            let (lines, trailer) = peel(text);
            assert_eq!(trailer.credit.map(|e| e.abbr.as_str()), Some(abbr), "{text}");
            assert_eq!(lines.last().map(String::as_str), Some(kept), "{text}");
        }
    }

    #[test]
    fn reporting_credits_and_reporter_names() {
        let (lines, trailer) = peel("Oil rose.\n(Reporting by Jane Roe; Editing by John Doe)");
        assert_eq!(lines, ["Oil rose."]);
        assert_eq!(trailer.items, ["(Reporting by Jane Roe; Editing by John Doe)"]);
        let (lines, trailer) =
            peel("Talks went on.\n\nHala Zain\n\nCheck Also\nDamascus, SANA- Another story");
        assert_eq!(lines, ["Talks went on."]);
        assert_eq!(
            trailer.items,
            ["Hala Zain", "Check Also", "Damascus, SANA- Another story"]
        );
    }

    #[test]
    fn page_furniture_after_the_story() {
        let (lines, trailer) = peel(
            "The port reopened on Monday.\n\nFerries resume night crossings\n\nHarbour fees to rise in May\n\nGCC: new rules for cargo ships\n\nC",
        );
        assert_eq!(lines, ["The port reopened on Monday."]);
        assert_eq!(trailer.items.len(), 4);
        let (lines, _) = peel(
            "The port reopened.\n- Ferries resume night crossings\n- Harbour fees to rise in May\n- Slogans for",
        );
        assert_eq!(lines, ["The port reopened."]);
        let (lines, _) = peel("The port reopened.\n\nRana Saleh / Omar al-Nabil\n\nX");
        assert_eq!(lines, ["The port reopened."]);
        let (lines, _) =
            peel("The port reopened.\n\ndesk@harbour.example\n\nThe site shows part of the news.");
        assert_eq!(lines, ["The port reopened."]);
        let (lines, _) = peel("The port reopened.\n\nNo comments:\n\nPost a Comment");
        assert_eq!(lines, ["The port reopened."]);
        let (_, trailer) = peel(
            "The port reopened.\n\nMore From This Section\n\nFirst Published: Jun 02 2016 | 1:07 AM IST\n\nNext Story",
        );
        assert_eq!(
            trailer.published.map(|t| t.to_string()).as_deref(),
            Some("2016-06-02T01:07:00+05:30")
        );
        // One headline-shaped last line is a cut-off sentence, not teasers.
        let text = "The port reopened.\n\nThe ministry said the ferries would resume";
        let (lines, _) = peel(text);
        assert_eq!(
            lines.last().map(String::as_str),
            Some("The ministry said the ferries would resume")
        );
    }

    #[test]
    fn two_capitals_alone_are_no_credit() {
        let (lines, trailer) = peel("The talks ended.\nTT");
        assert!(trailer.credit.is_none());
        assert_eq!(lines, ["The talks ended.", "TT"]);
    }

    #[test]
    fn body_text_is_kept() {
        for text in [
            "He said the end was near.",
            "The ministry said (more details later) that talks went on.",
            "Prices rose - sharply",
            "Short final line",
        ] {
            let (lines, trailer) = peel(text);
            assert_eq!(lines, [text], "{text}");
            assert!(trailer.items.is_empty(), "{text}");
        }
    }
}
