//! Choosing the headline among the headline-shaped lines above a story. A stored page holds
//! several: the site's name, a section, a forum's title, the headline, its standfirst. The
//! headline is the one a page sets off with what belongs to it — a date stamp, a byline, an
//! agency line, or its own repetition — and otherwise the last full line before the story,
//! unless that line only expands the one above it (a standfirst).

/// One headline-shaped line of the head.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// The line's text.
    pub text: String,
    /// Where the line ends, in bytes into the article's text.
    pub end: usize,
    /// True when a stamp, byline or agency line follows it, or it is printed twice.
    anchored: bool,
    /// True when only chrome sets it off (a site's name above its menu): it is the headline
    /// only if something sets it off later.
    weak: bool,
}

/// The headline-shaped lines of a head, in order, and what followed each.
#[derive(Debug, Default)]
pub struct Headlines {
    candidates: Vec<Candidate>,
    /// The last candidate, while nothing but chrome has followed it.
    pending: bool,
}

/// The longest line that can repeat a headline.
const MAX_HEADLINE_BYTES: usize = 800;

/// The fewest words of a line that can be the headline when nothing sets one off.
const FULL_HEADLINE_WORDS: usize = 4;

impl Headlines {
    /// True when no line has been taken.
    pub fn is_empty(&self) -> bool {
        self.candidates.is_empty()
    }

    /// Takes a headline-shaped line that ends at `end`. A line that repeats an earlier one
    /// (case, a place prefix and punctuation aside) sets it off.
    pub fn push(&mut self, text: &str, end: usize) {
        let anchored = self.repeats(text);
        self.candidates.push(Candidate {
            text: text.to_string(),
            end,
            anchored,
            weak: false,
        });
        self.pending = true;
    }

    /// Takes a line that only chrome sets off from what follows.
    pub fn push_weak(&mut self, text: &str, end: usize) {
        self.push(text, end);
        if let Some(last) = self.candidates.last_mut() {
            last.weak = !last.anchored;
        }
    }

    /// Takes a line that is set off by what it is printed with (a date stamp on its line, a
    /// syndicator tag after it).
    pub fn push_anchored(&mut self, text: &str, end: usize) {
        self.push(text, end);
        self.anchor();
    }

    /// A stamp, byline, agency line or syndicator tag follows: it sets off the last line.
    pub fn anchor(&mut self) {
        if self.pending {
            if let Some(last) = self.candidates.last_mut() {
                last.anchored = true;
                last.weak = false;
            }
        }
        self.pending = false;
    }

    /// Something other than chrome follows the last line (prose, a caption).
    pub fn interrupt(&mut self) {
        self.pending = false;
    }

    /// True when `text` repeats a line already taken.
    pub fn repeats(&self, text: &str) -> bool {
        if self.candidates.is_empty() || text.len() > MAX_HEADLINE_BYTES {
            return false;
        }
        let key = comparable(text);
        !key.is_empty() && self.candidates.iter().any(|c| comparable(&c.text) == key)
    }

    /// The headline: the last line set off, else the last full line (or the line above it when
    /// it is that line's standfirst), else the last line.
    pub fn choose(&self) -> Option<&Candidate> {
        if let Some(anchored) = self.candidates.iter().rev().find(|c| c.anchored) {
            return Some(anchored);
        }
        let strong: Vec<&Candidate> = self.candidates.iter().filter(|c| !c.weak).collect();
        let full = strong
            .iter()
            .rposition(|c| c.text.split_whitespace().count() >= FULL_HEADLINE_WORDS);
        match full {
            Some(index) if index > 0 && is_standfirst(&strong[index].text, &strong[index - 1].text) => {
                Some(strong[index - 1])
            }
            Some(index) => Some(strong[index]),
            None => strong.last().copied(),
        }
    }
}

/// A headline's text for comparison: lowercase letters and digits, without a leading
/// `PLACE:` (`BAKU: Ships Collide` repeats `SHIPS COLLIDE`).
fn comparable(text: &str) -> String {
    let text = match text.split_once(": ") {
        Some((place, rest)) if !place.contains(' ') && place.chars().all(|c| !c.is_lowercase()) => rest,
        _ => text,
    };
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// True when `line` is the standfirst of `above`: longer, and sharing at least two of its
/// words of four letters or more (`Minister condemns remark` above `The minister, facing
/// criticism over his comments, said the remark was wrong`).
fn is_standfirst(line: &str, above: &str) -> bool {
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .map(str::to_lowercase)
            .collect()
    };
    let above_words = words(above);
    let shared = words(line)
        .iter()
        .filter(|w| above_words.contains(w))
        .collect::<std::collections::HashSet<_>>()
        .len();
    above.split_whitespace().count() >= 3 && line.len() > above.len() && shared >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choose(lines: &[(&str, bool)]) -> Option<String> {
        let mut headlines = Headlines::default();
        for (index, (line, anchor)) in lines.iter().enumerate() {
            headlines.push(line, index);
            if *anchor {
                headlines.anchor();
            }
        }
        headlines.choose().map(|c| c.text.clone())
    }

    #[test]
    fn a_line_set_off_by_a_stamp_or_byline_wins() {
        let lines = [
            ("Ferry Forum | Page 3", false),
            ("Island Ferries, Timetables & Talk", true),
            ("Ferry operator adds two night crossings", true),
            ("Passengers board at the quay", false),
        ];
        assert_eq!(
            choose(&lines).as_deref(),
            Some("Ferry operator adds two night crossings")
        );
    }

    #[test]
    fn otherwise_the_last_full_line() {
        let lines = [
            ("Watch Harbour TV", false),
            ("Storm closes harbour; two boats sink", false),
        ];
        assert_eq!(
            choose(&lines).as_deref(),
            Some("Storm closes harbour; two boats sink")
        );
        let lines = [
            ("Regional", false),
            ("Port reopens after storm", false),
            ("Lena Ortiz", false),
        ];
        assert_eq!(choose(&lines).as_deref(), Some("Port reopens after storm"));
        assert_eq!(choose(&[("Weather", false)]).as_deref(), Some("Weather"));
    }

    #[test]
    fn a_line_only_chrome_sets_off_is_no_headline() {
        let mut headlines = Headlines::default();
        headlines.push_weak("Harbour Radio 98.1", 0);
        assert!(headlines.choose().is_none());
        headlines.push("Ferries resume crossings after storm", 1);
        assert_eq!(
            headlines.choose().map(|c| c.text.as_str()),
            Some("Ferries resume crossings after storm")
        );
    }

    #[test]
    fn a_standfirst_gives_way_to_its_headline() {
        let lines = [
            ("Harbour minister condemns strike call", false),
            (
                "The harbour minister, facing criticism over the closures, says the strike call is wrong",
                false,
            ),
        ];
        assert_eq!(
            choose(&lines).as_deref(),
            Some("Harbour minister condemns strike call")
        );
    }

    #[test]
    fn a_headline_printed_twice_is_set_off() {
        let mut headlines = Headlines::default();
        headlines.push("Site of the Week", 0);
        headlines.push("VALETTA: Ferries Resume Crossings", 1);
        headlines.interrupt();
        headlines.push("FERRIES RESUME CROSSINGS", 2);
        headlines.push("A crowd at the quay waits for boats", 3);
        assert_eq!(
            headlines.choose().map(|c| c.text.as_str()),
            Some("FERRIES RESUME CROSSINGS")
        );
    }
}
