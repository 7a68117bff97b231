//! The printed forms of the library's commands: listing lines, an article with its
//! annotations (highlighted with ANSI styles when printing to a terminal), and statistics.
//! Every piece of article text passes through [`printable`] first.

use std::fmt::Write;

use crate::annotate::entities::EntityKind;
use crate::printed::highlight::{Marks, entity_groups, pieces};
use crate::printed::safe_text::printable;
use crate::store::StoredArticle;
use crate::store::index::{Index, IndexRow};
use crate::store::stats::Stats;

/// One line of `newsdesk list`: id, date, agency, place, marks and headline.
pub fn list_line(id: &str, row: &IndexRow, index: &Index, headline: &str) -> String {
    let date = row
        .date()
        .map_or_else(|| "----------".to_string(), |d| d.to_string());
    let agency = index.agency(row.agency).map_or("-", |a| a.abbr.as_str());
    let place = index.place(row.place).unwrap_or("-");
    let marks = format!(
        "{}{}",
        if row.is_read() { ' ' } else { '●' },
        if row.is_starred() { '*' } else { ' ' }
    );
    format!(
        "{id}  {date}  {agency:<8}  {place:<16}  {marks} {}",
        one_line(&printable(headline))
    )
}

/// Text on one line: runs of white space become one space.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// ANSI styles, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Colour {
    /// Plain text (a pipe, or `NO_COLOR`).
    Off,
    /// ANSI escape sequences.
    On,
}

/// The SGR parameters for a piece's marks.
fn sgr(marks: &Marks) -> String {
    let mut codes: Vec<&str> = Vec::new();
    match marks.entity {
        Some(EntityKind::Person) => codes.extend(["1", "33"]),
        Some(EntityKind::Organization) => codes.extend(["1", "36"]),
        Some(EntityKind::Location) => codes.push("32"),
        Some(EntityKind::Group) => codes.push("35"),
        Some(EntityKind::Misc) => codes.push("34"),
        Some(EntityKind::Title) => codes.push("33"),
        None => {}
    }
    if marks.date {
        codes.push("4");
    }
    if marks.cue {
        codes.extend(["1", "31"]);
    }
    if marks.speaker {
        codes.push("4");
    }
    if marks.content {
        codes.push("3");
    }
    codes.join(";")
}

/// An article as `newsdesk show` prints it: the header, the body with its annotations
/// highlighted (when `colour` is on), the entities by kind and the statements.
pub fn show(stored: &StoredArticle, colour: Colour) -> String {
    let article = &stored.article;
    let mut out = String::new();
    let bold = |text: &str| match colour {
        Colour::On => format!("\x1b[1m{text}\x1b[0m"),
        Colour::Off => text.to_string(),
    };
    let clean = |text: &str| one_line(&printable(text));
    let _ = writeln!(out, "{}", bold(&clean(article.headline())));
    let mut facts: Vec<String> = vec![format!("id {}", article.id)];
    if let Some(published) = &article.published {
        facts.push(published.to_string());
    }
    if let Some(agency) = &article.agency {
        facts.push(format!("{} ({})", clean(&agency.name), clean(&agency.abbr)));
    }
    if let Some(dateline) = &article.dateline {
        facts.push(format!("dateline {}", clean(&dateline.text)));
    }
    if let Some(syndicator) = &article.syndicator {
        facts.push(format!("via {}", clean(syndicator)));
    }
    if let Some(byline) = &article.byline {
        facts.push(format!("by {}", clean(byline)));
    }
    let mut state = Vec::new();
    if stored.read {
        state.push("read");
    }
    if stored.starred {
        state.push("starred");
    }
    if !state.is_empty() {
        facts.push(state.join(", "));
    }
    let _ = writeln!(out, "{}\n", facts.join(" · "));
    let body = &article.body;
    for piece in pieces(body, &stored.annotations) {
        let text = printable(piece.span.text(body));
        let codes = sgr(&piece.marks);
        if colour == Colour::On && !codes.is_empty() {
            // Styles never run across a line break, so a pager shows each line styled.
            let lines: Vec<&str> = text.split('\n').collect();
            for (number, line) in lines.iter().enumerate() {
                if number > 0 {
                    out.push('\n');
                }
                if !line.is_empty() {
                    let _ = write!(out, "\x1b[{codes}m{line}\x1b[0m");
                }
            }
        } else {
            out.push_str(&text);
        }
    }
    out.push('\n');
    write_entities(&mut out, stored, &bold);
    write_statements(&mut out, stored, &bold);
    out
}

fn write_entities(out: &mut String, stored: &StoredArticle, bold: &dyn Fn(&str) -> String) {
    let groups = entity_groups(&stored.annotations);
    if groups.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", bold("Entities"));
    for (kind, names) in groups {
        let heading = match kind {
            EntityKind::Person => "People",
            EntityKind::Organization => "Organisations",
            EntityKind::Location => "Places",
            EntityKind::Group => "Groups",
            EntityKind::Misc | EntityKind::Title => "Other names",
        };
        let list: Vec<String> = names
            .iter()
            .map(|(name, count)| {
                let name = one_line(&printable(name));
                if *count > 1 {
                    format!("{name} ×{count}")
                } else {
                    name
                }
            })
            .collect();
        let _ = writeln!(out, "  {heading}: {}", list.join(", "));
    }
}

fn write_statements(out: &mut String, stored: &StoredArticle, bold: &dyn Fn(&str) -> String) {
    let body = &stored.article.body;
    if stored.annotations.statements.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", bold("Statements"));
    for statement in &stored.annotations.statements {
        let speaker = match (&statement.speaker_canonical, statement.speaker) {
            (Some(canonical), _) => one_line(&printable(canonical)),
            (None, Some(span)) => one_line(&printable(span.text(body))),
            (None, None) => "(unnamed)".to_string(),
        };
        let cue = statement
            .cue
            .map_or_else(|| "—".to_string(), |span| one_line(&printable(span.text(body))));
        let content = one_line(&printable(statement.content.text(body)));
        let _ = writeln!(out, "  {speaker} — {cue} — {content}");
    }
}

/// The figures of `newsdesk stats`.
pub fn stats(stats: &Stats) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} articles", thousands(stats.articles));
    if !stats.agencies.is_empty() {
        let _ = writeln!(out, "\nBy agency");
        for (abbr, name, count) in &stats.agencies {
            let _ = writeln!(out, "  {:>9}  {abbr:<8}  {}", thousands(*count), printable(name));
        }
    }
    if !stats.months.is_empty() {
        let _ = writeln!(out, "\nBy month");
        let most = stats.months.iter().map(|m| m.2).max().unwrap_or(1).max(1);
        for (year, month, count) in &stats.months {
            let bar = "█".repeat((count * 40).div_ceil(most));
            let _ = writeln!(out, "  {year}-{month:02}  {:>9}  {bar}", thousands(*count));
        }
    }
    if !stats.entities.is_empty() {
        let _ = writeln!(out, "\nTop entities (articles, mentions)");
        for (name, kind, articles, mentions) in &stats.entities {
            let _ = writeln!(
                out,
                "  {:>9}  {:>9}  {:<4}  {}",
                thousands(*articles),
                thousands(*mentions),
                kind.tag(),
                printable(name)
            );
        }
    }
    if !stats.speakers.is_empty() {
        let _ = writeln!(out, "\nTop speakers (articles, statements)");
        for (name, articles, statements) in &stats.speakers {
            let _ = writeln!(
                out,
                "  {:>9}  {:>9}  {}",
                thousands(*articles),
                thousands(*statements),
                printable(name)
            );
        }
    }
    out
}

/// A count with thousands separators (`12,403`).
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (position, digit) in digits.chars().enumerate() {
        if position > 0 && (digits.len() - position) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        for (n, text) in [
            (0, "0"),
            (999, "999"),
            (1000, "1,000"),
            (12403, "12,403"),
            (1_000_000, "1,000,000"),
        ] {
            assert_eq!(thousands(n), text);
        }
    }
}
