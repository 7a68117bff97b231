//! HTML in wire text: pages captured with their markup, and exports whose text fields hold
//! HTML. Tags become line breaks or nothing, scripts and styles are dropped, entities decoded.

use std::sync::LazyLock;

use regex::Regex;

static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?is)<(script|style)\b[^>]*>.*?</(?:script|style)\s*>|<(/?)([a-z][a-z0-9]*)\b[^>]*>|<!--.*?-->|<![a-z][^>]*>").expect("valid regex")
});
static BLANK_RUNS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\n[ \t]*\n(?:[ \t]*\n)+").expect("valid regex"));
static TRUNCATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*(?:…|\.\.\.)?\s*\[\+\d+ chars\]\s*$").expect("valid regex"));

/// Export text as plain text: HTML tags turned into line breaks or dropped, entities decoded,
/// and a news API's truncation marker (`… [+2345 chars]`) removed.
pub fn clean_export_text(text: &str) -> String {
    let text = TRUNCATION.replace(text, "");
    if !text.contains('<') && !text.contains('&') {
        return text.into_owned();
    }
    let without_tags = TAG.replace_all(&text, |caps: &regex::Captures| {
        let name = caps.get(3).map_or("", |m| m.as_str()).to_ascii_lowercase();
        match name.as_str() {
            "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "blockquote" | "tr" | "title"
            | "article" | "section" => "\n\n",
            "br" => "\n",
            _ => "",
        }
    });
    let text = decode_entities(&without_tags);
    BLANK_RUNS.replace_all(&text, "\n\n").into_owned()
}

/// Decodes the HTML entities that exports carry (`&amp;`, `&quot;`, `&#8217;`, `&#x2014;`, ...).
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let entity_end = after.find(';').filter(|&end| end <= 10);
        let decoded = entity_end.and_then(|end| {
            let name = &after[..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                "mdash" => Some('—'),
                "ndash" => Some('–'),
                "hellip" => Some('…'),
                "rsquo" => Some('’'),
                "lsquo" => Some('‘'),
                "rdquo" => Some('”'),
                "ldquo" => Some('“'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|dec| dec.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// True when a text is an HTML page or fragment rather than plain wire copy: it has a doctype,
/// an `<html>` or `<body>` tag, or closing paragraph tags (a ticker such as `<P>` alone is not
/// HTML).
pub fn looks_like_html(text: &str) -> bool {
    let head = &text[..crate::wire::dateline::floor_char_boundary(text, text.len().min(4096))];
    let lower = head.to_ascii_lowercase();
    ["<!doctype html", "<html", "<body", "</p>", "</div>"]
        .iter()
        .any(|tag| lower.contains(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_and_entities() {
        assert_eq!(
            clean_export_text("<p>One &amp; two</p><p>Three&#8217;s<br/>four</p>"),
            "\n\nOne & two\n\nThree’s\nfour\n\n"
        );
        assert_eq!(
            clean_export_text("AT&T & co &bogus; &#xZZ;"),
            "AT&T & co &bogus; &#xZZ;"
        );
    }

    #[test]
    fn pages_lose_scripts_and_keep_text() {
        let page = "<!DOCTYPE html><html><head><title>T</title><script>var x = '<p>';</script></head><body><p>Body.</p></body></html>";
        assert!(looks_like_html(page));
        assert_eq!(clean_export_text(page).trim(), "T\n\nBody.");
        assert!(!looks_like_html("KUWAIT, March 26 (KUNA) -- a < b and c > d"));
        assert!(!looks_like_html("DU PONT <DD> WINS SUIT AGAINST PHILLIPS <P>"));
    }
}
