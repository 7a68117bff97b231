//! The filter bar (the filter in the filter language, the order) and the status bar (how many
//! articles the filter selects, then a message or the key hints).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::printed::safe_text::printable;
use crate::tui::app::App;
use crate::tui::strings;
use crate::tui::text::{truncate, width};
use crate::tui::theme::Role;

/// Draws the filter bar.
pub fn filter_bar(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.config.theme;
    let style = theme.style(Role::FilterBar);
    let sort = format!(" {} ", strings::sort_name(app.sort));
    let room = usize::from(area.width).saturating_sub(strings::FILTER_LABEL.len() + sort.len());
    let filter = if app.filter.is_empty() {
        strings::NO_FILTER.to_string()
    } else {
        printable(&app.filter.to_string()).replace('\n', " ")
    };
    let filter = truncate(&filter, room);
    let gap = room.saturating_sub(width(&filter));
    let line = Line::from(vec![
        Span::styled(strings::FILTER_LABEL, style.patch(theme.style(Role::Heading))),
        Span::styled(filter, style),
        Span::styled(" ".repeat(gap), style),
        Span::styled(sort, style),
    ]);
    frame.render_widget(Paragraph::new(line).style(style), area);
}

/// Draws the status bar.
pub fn status_bar(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.config.theme;
    let style = theme.style(Role::StatusBar);
    let mut counts = format!(" {}", strings::counts(app.rows.len(), app.index.len()));
    if app.searching {
        counts.push_str(" · ");
        counts.push_str(strings::SEARCHING);
    }
    counts.push_str("  ");
    let mut spans = vec![Span::styled(counts.clone(), style)];
    let mut room = usize::from(area.width).saturating_sub(width(&counts));
    match &app.status {
        Some(status) => {
            let role = if status.error { Role::Error } else { Role::Message };
            let text = truncate(&format!(" {} ", printable(&status.text)), room);
            spans.push(Span::styled(text, theme.style(role)));
        }
        None => {
            for (key, hint) in app.config.keymap.hints() {
                let needed = width(&key) + width(&hint) + 3;
                if needed > room {
                    break;
                }
                spans.push(Span::styled(format!(" {key}"), theme.style(Role::HintKey)));
                spans.push(Span::styled(format!(" {hint} "), style));
                room -= needed;
            }
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(style), area);
}
