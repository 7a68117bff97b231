//! The side panel: the article's entities grouped by kind with their mention counts, then its
//! statements as "speaker — cue — content".

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{centered_line, pane_block};
use crate::tui::app::App;
use crate::tui::layout::Panes;
use crate::tui::strings;
use crate::tui::text::{Segment, wrap};
use crate::tui::theme::Role;

/// Draws the side panel, when it is shown.
pub fn draw(frame: &mut Frame, panes: &Panes, app: &App) {
    let (Some(area), Some(body)) = (panes.side, panes.side_body) else {
        return;
    };
    let theme = &app.config.theme;
    let separated = body.x > area.x;
    frame.render_widget(
        pane_block(strings::SIDE_TITLE.to_string(), false, separated, theme),
        area,
    );
    let Some(shown) = &app.shown else {
        centered_line(frame, body, strings::NO_ARTICLE, theme.style(Role::Muted));
        return;
    };
    if shown.entities.is_empty() && shown.statements.is_empty() {
        centered_line(frame, body, strings::NOTHING_FOUND, theme.style(Role::Muted));
        return;
    }
    let segment = |text: String, style: Style, tag: Option<usize>| Segment { text, style, tag };
    let heading = theme.style(Role::Heading);
    let mut segments = Vec::new();
    for (kind, names) in &shown.entities {
        segments.push(segment(
            format!("{}\n", strings::kind_heading(*kind)),
            heading,
            None,
        ));
        for (name, count) in names {
            segments.push(segment(format!("  {name}"), theme.entity(*kind), None));
            let times = if *count > 1 {
                format!(" ×{count}")
            } else {
                String::new()
            };
            segments.push(segment(format!("{times}\n"), theme.style(Role::Muted), None));
        }
    }
    if !shown.statements.is_empty() {
        if !segments.is_empty() {
            segments.push(segment("\n".to_string(), Style::default(), None));
        }
        segments.push(segment(format!("{}\n", strings::STATEMENTS), heading, None));
        for (index, statement) in shown.statements.iter().enumerate() {
            let current = if app.current_statement == Some(index) {
                theme.style(Role::CurrentStatement)
            } else {
                Style::default()
            };
            let speaker = statement
                .speaker
                .clone()
                .unwrap_or_else(|| strings::UNNAMED.to_string());
            segments.push(segment(
                format!("• {speaker}"),
                theme.style(Role::Speaker).patch(current),
                Some(index),
            ));
            segments.push(segment(" — ".to_string(), current, Some(index)));
            segments.push(segment(
                statement.cue.clone().unwrap_or_else(|| "—".to_string()),
                theme.cue().patch(current),
                Some(index),
            ));
            segments.push(segment(" — ".to_string(), current, Some(index)));
            segments.push(segment(
                format!("{}\n", statement.content),
                theme.style(Role::Content).patch(current),
                Some(index),
            ));
        }
    }
    let lines = wrap(&segments, usize::from(body.width));
    // Keep the current statement in sight.
    let skip = app
        .current_statement
        .and_then(|current| lines.iter().position(|line| line.tags.contains(&current)))
        .map_or(0, |line| line.saturating_sub(usize::from(body.height) / 2));
    let lines: Vec<Line> = lines
        .into_iter()
        .skip(skip)
        .take(usize::from(body.height))
        .map(|line| Line::from(line.spans))
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
}
