//! The detail pane: the article's header (title, date, agency, dateline, syndicator, byline)
//! and its body with every annotation styled: entity kinds, time expressions, and each
//! statement's speaker, cue and content.

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{centered_line, pane_block};
use crate::printed::highlight::pieces;
use crate::printed::printout::one_line;
use crate::printed::safe_text::printable;
use crate::tui::app::{App, Focus, Shown};
use crate::tui::layout::Panes;
use crate::tui::strings;
use crate::tui::text::{Segment, WrappedLine, wrap};
use crate::tui::theme::{Role, Theme};

/// The article wrapped to `width` columns: header, blank line, body. Lines carry the
/// statements on them (for `n`, `N` and `S`); `current` is the statement to mark.
pub fn detail_lines(shown: &Shown, theme: &Theme, width: usize, current: Option<usize>) -> Vec<WrappedLine> {
    let article = &shown.stored.article;
    let clean = |text: &str| one_line(&printable(text));
    let plain = |text: String, style: Style| Segment {
        text,
        style,
        tag: None,
    };
    let mut segments = vec![plain(
        format!("{}\n", clean(article.headline())),
        theme.style(Role::Heading),
    )];
    let mut facts: Vec<String> = Vec::new();
    if let Some(published) = &article.published {
        facts.push(published.to_string());
    }
    if let Some(agency) = &article.agency {
        facts.push(format!("{} ({})", clean(&agency.name), clean(&agency.abbr)));
    }
    if let Some(dateline) = &article.dateline {
        facts.push(clean(&dateline.text));
    }
    if let Some(syndicator) = &article.syndicator {
        facts.push(format!("via {}", clean(syndicator)));
    }
    if let Some(byline) = &article.byline {
        facts.push(format!("by {}", clean(byline)));
    }
    if shown.stored.starred {
        facts.push("starred".to_string());
    }
    if !facts.is_empty() {
        segments.push(plain(format!("{}\n", facts.join(" · ")), theme.style(Role::Meta)));
    }
    segments.push(plain("\n".to_string(), Style::default()));
    let body = &article.body;
    for piece in pieces(body, &shown.stored.annotations) {
        let marks = piece.marks;
        let mut style = Style::default();
        if marks.content {
            style = style.patch(theme.style(Role::Content));
        }
        if marks.speaker {
            style = style.patch(theme.style(Role::Speaker));
        }
        if marks.cue {
            style = style.patch(theme.cue());
        }
        if marks.date {
            style = style.patch(theme.style(Role::Date));
        }
        if let Some(kind) = marks.entity {
            style = style.patch(theme.entity(kind));
        }
        if marks.statement.is_some() && marks.statement == current {
            style = style.patch(theme.style(Role::CurrentStatement));
        }
        segments.push(Segment {
            text: printable(piece.span.text(body)).into_owned(),
            style,
            tag: marks.statement,
        });
    }
    wrap(&segments, width)
}

/// Draws the detail pane.
pub fn draw(frame: &mut Frame, panes: &Panes, app: &App) {
    let theme = &app.config.theme;
    let focused = app.focus == Focus::Detail && app.popup.is_none();
    let mut title = strings::DETAIL_TITLE.to_string();
    if let (Some(shown), Some(current)) = (&app.shown, app.current_statement) {
        title = format!(
            "{title} · statement {} of {}",
            current + 1,
            shown.statements.len()
        );
    }
    frame.render_widget(pane_block(title, focused, panes.separated, theme), panes.detail);
    let body = panes.detail_body;
    let Some(shown) = &app.shown else {
        centered_line(frame, body, strings::NO_ARTICLE, theme.style(Role::Muted));
        return;
    };
    let lines: Vec<Line> = detail_lines(shown, theme, usize::from(body.width), app.current_statement)
        .into_iter()
        .skip(app.detail_scroll)
        .take(usize::from(body.height))
        .map(|line| Line::from(line.spans))
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
}
