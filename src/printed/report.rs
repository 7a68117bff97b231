//! The readable summary `newsdesk parse` prints by default: one block per article with its date,
//! agency, dateline, title and the start of its body.

use std::fmt::Write;

use crate::article::Article;

/// How many characters of the body's first paragraph a summary shows.
const LEAD_CHARS: usize = 110;

/// One article's summary block, ending with a newline.
///
/// ```text
/// 2026-09-28  KUNA  Kuwait
///   title     Coast Guard contains tanker leak
///   dateline  KUWAIT, Sept 28 (KUNA) · Kuwait · 2026-09-28 (year from menafn-id)
///   agency    Kuwait News Agency (KUNA), via MENAFN from Kuwait News Agency (KUNA)
///   body      5 paragraphs: The Kuwait Coast Guard said on Monday…
///   source    samples/menafn-kuna-tanker-slick-2026-09-28.txt #0 · id 1a2b3c4d5e6f7a8b
/// ```
pub fn summary(article: &Article) -> String {
    let mut out = String::new();
    let date = article
        .published
        .map_or_else(|| "undated".to_string(), |p| p.to_string());
    let agency = article.agency.as_ref().map_or("-", |a| a.abbr.as_str());
    let place = article
        .dateline
        .as_ref()
        .and_then(|d| d.place.as_deref())
        .unwrap_or("-");
    let _ = writeln!(out, "{date}  {agency}  {place}");
    if let Some(from) = article.published_from {
        let _ = writeln!(out, "  date from {from}");
    }
    if let Some(title) = &article.title {
        let _ = writeln!(out, "  title     {title}");
    }
    if let Some(dateline) = &article.dateline {
        let mut line = dateline.text.clone();
        for part in [&dateline.place, &dateline.country].into_iter().flatten() {
            let _ = write!(line, " · {part}");
        }
        if let Some(date) = dateline.date {
            let _ = write!(line, " · {}", date.format("%Y-%m-%d"));
        }
        if let Some(from) = dateline.year_from {
            let _ = write!(line, " (year from {from})");
        }
        let _ = writeln!(out, "  dateline  {line}");
    }
    if let Some(agency) = &article.agency {
        let mut line = format!("{} ({})", agency.name, agency.abbr);
        if let Some(syndicator) = &article.syndicator {
            let _ = write!(line, ", via {syndicator}");
            if let Some(provider) = &article.provider {
                let _ = write!(line, " from {provider}");
            }
        }
        let _ = writeln!(out, "  agency    {line}");
    }
    if let Some(byline) = &article.byline {
        let _ = writeln!(out, "  byline    {byline}");
    }
    let paragraphs = article.paragraphs().count();
    let lead = article
        .paragraphs()
        .next()
        .map(|p| shorten(p, LEAD_CHARS))
        .unwrap_or_default();
    let plural = if paragraphs == 1 { "" } else { "s" };
    let _ = writeln!(out, "  body      {paragraphs} paragraph{plural}: {lead}");
    if article.continues {
        let _ = writeln!(out, "  continues in another take");
    }
    let _ = writeln!(
        out,
        "  source    {} #{} · id {}",
        article.source.path, article.source.index, article.id
    );
    out
}

/// The first `max` characters of `text`, with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_cuts_on_characters() {
        assert_eq!(shorten("Koweït est là", 6), "Koweït…");
        assert_eq!(shorten("short", 10), "short");
    }
}
