//! Page chrome: the lines a stored page carries around its article that belong to the site —
//! menus and share widgets, rows of `|`-separated links, breadcrumb trails, counters, feed
//! badges, weather widgets, separator rules — and photo captions. The listed forms are in
//! `assets/chrome.txt`; the shapes that no list can hold are recognised here.

use std::sync::LazyLock;

use regex::RegexSet;

static LISTED: LazyLock<RegexSet> = LazyLock::new(|| {
    let patterns: Vec<&str> = include_str!("../../assets/chrome.txt")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect();
    RegexSet::new(patterns).unwrap_or_else(|error| panic!("assets/chrome.txt: {error}"))
});

/// The longest line that can be chrome.
const MAX_CHROME_BYTES: usize = 120;

/// True for a line of page chrome: a form listed in `assets/chrome.txt` (`A+ A-`, `Skip to
/// content`, `You are here`, `0 Comments`, `[Valid Atom 1.0]`, ...), a row of links
/// (`Home | World | Sport`, `Share |`), a breadcrumb trail (`Home / Jordan News`), or a line
/// without a letter or digit (`||||`, `* * *`).
///
/// ```
/// use newsdesk::wire::chrome::is_chrome;
/// assert!(is_chrome("Home / Local News"));
/// assert!(is_chrome("Harbour Talks | Page 3 | Shipping Forum"));
/// assert!(!is_chrome("Port workers end strike"));
/// ```
pub fn is_chrome(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() || line.len() > MAX_CHROME_BYTES {
        return false;
    }
    !line.chars().any(char::is_alphanumeric)
        || is_link_row(line)
        || is_breadcrumb(line)
        || LISTED.is_match(line)
}

/// Links in a row: `|`-separated short items (`Title | Page 7 | Forum`), or an item with a
/// dangling bar (`Share |`). A row holds no date (`Source: Xinhua| 2019-07-14 …` is a stamp).
fn is_link_row(line: &str) -> bool {
    if !line.contains('|') || line.bytes().filter(u8::is_ascii_digit).count() >= 4 {
        return false;
    }
    let items: Vec<&str> = line.split('|').map(str::trim).collect();
    let dangling = items.first().is_some_and(|i| i.is_empty()) || items.last().is_some_and(|i| i.is_empty());
    let filled = items.iter().filter(|item| !item.is_empty()).count();
    (dangling || filled >= 3) && items.iter().all(|item| item.len() <= 60 && !item.ends_with('.'))
}

/// A breadcrumb trail: `Home / Jordan News`, `News › Gulf › Kuwait`.
fn is_breadcrumb(line: &str) -> bool {
    let arrows = [" › ", " » ", " > "]
        .iter()
        .map(|arrow| line.matches(arrow).count())
        .sum::<usize>();
    let home = ["Home /", "Home >", "Home »", "Home ›", "HOME /", "HOME >"]
        .iter()
        .any(|start| line.starts_with(start));
    (home || arrows >= 2) && !line.ends_with(['.', '"', '”'])
}

/// True for a photo caption or credit line: `(Photo courtesy of …)`, `Photo: ANI`,
/// `[Photo/Xinhua]`, `© dpa`, `Photo by …`, `(File photo)`.
///
/// ```
/// use newsdesk::wire::chrome::is_caption;
/// assert!(is_caption("The mayor opens the bridge on Monday. Photo: City Hall"));
/// assert!(!is_caption("The mayor opened the bridge on Monday."));
/// ```
pub fn is_caption(line: &str) -> bool {
    let line = line.trim();
    if line.len() > 400 {
        return false;
    }
    // `The minister at the port. (ONA)`: a sentence and a short credit in parentheses.
    let credited = line
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once(" ("))
        .is_some_and(|(sentence, credit)| {
            sentence.ends_with('.') && credit.len() <= 20 && !credit.contains(' ')
        });
    let lower = line.to_lowercase();
    credited
        || [
            "photo:",
            "photo :",
            "photo courtesy",
            "(photo",
            "[photo",
            "photo by ",
            "photo/",
            "/photo",
            "file photo",
            "photograph:",
            "picture:",
            "image:",
            "(image",
            "© ",
        ]
        .iter()
        .any(|marker| lower.contains(marker))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_lines() {
        for line in [
            "A+ A-",
            "Skip to main content",
            "Share |",
            "| Print | Email",
            "Ferry News, Timetables & Talk | Page 12 | Island Forum",
            "Home / Regional News",
            "World › Gulf › Harbours",
            "||||||",
            "* * *",
            "X",
            "You are here",
            "archive",
            "top of page",
            "Back to top",
            "Newsletter Signup Register / Login",
            "Online Payment",
            "0 Comments",
            "1 min read",
            "12,408 873 0",
            "[Valid RSS 2.0]",
            "23°",
            "64.4 F",
            "Categories: Regional",
            "Related topics",
        ] {
            assert!(is_chrome(line), "{line:?} is chrome");
        }
        for line in [
            "Port workers end strike",
            "Source: Xinhua| 2019-07-14 06:12:55|Editor: lu",
            "By Lena Ortiz | March 3, 2021",
            "Ministers meet in Doha | Gulf",
            "HARBOUR <HBR> BUYS DOCKYARD <DCK>",
            "Egypt",
            "TOKYO",
            "QNA",
            "1962 -- The Ministry of Public Works was set up.",
        ] {
            assert!(!is_chrome(line), "{line:?} is not chrome");
        }
    }

    #[test]
    fn captions() {
        assert!(is_caption(
            "The minister at the port (Photo courtesy of the ministry)"
        ));
        assert!(is_caption("Workers at the dock. [Photo/Xinhua] |"));
        assert!(is_caption("Harbour cranes at dawn © dpa/pa"));
        assert!(is_caption("The minister at the port. (PNA)"));
        assert!(!is_caption("The minister said the port would reopen."));
        assert!(!is_caption("Ports reopen after storm (update)"));
    }
}
