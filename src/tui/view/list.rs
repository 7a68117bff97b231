//! The article list: a star mark, date, agency, dateline place and headline per row; unread
//! rows bold, the selected row highlighted.

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{centered_line, pane_block};
use crate::printed::printout::one_line;
use crate::printed::safe_text::printable;
use crate::tui::app::{App, Focus};
use crate::tui::layout::Panes;
use crate::tui::strings;
use crate::tui::text::fit;
use crate::tui::theme::Role;

/// Columns of the agency abbreviation.
const AGENCY_COLUMNS: usize = 8;
/// Columns of the dateline place.
const PLACE_COLUMNS: usize = 14;
/// The list shows the place column from this width on.
const PLACE_FROM: usize = 64;

/// Draws the list pane.
pub fn draw(frame: &mut Frame, panes: &Panes, app: &App) {
    let theme = &app.config.theme;
    let focused = app.focus == Focus::List && app.popup.is_none();
    frame.render_widget(
        pane_block(strings::LIST_TITLE.to_string(), focused, false, theme),
        panes.list,
    );
    let body = panes.list_body;
    if app.rows.is_empty() {
        let text = if app.searching {
            strings::SEARCHING
        } else {
            strings::EMPTY_LIST
        };
        centered_line(frame, body, text, theme.style(Role::Muted));
        return;
    }
    let width = usize::from(body.width);
    let show_place = width >= PLACE_FROM;
    let end = (app.list_offset + usize::from(body.height)).min(app.rows.len());
    let mut lines = Vec::with_capacity(end - app.list_offset);
    for (position, row) in app.rows[app.list_offset..end].iter().enumerate() {
        let selected = app.list_offset + position == app.cursor;
        let base = theme.style(if row.is_read() { Role::Read } else { Role::Unread });
        let patch = |style: Style| {
            if selected {
                style.patch(theme.selected_row(focused))
            } else {
                style
            }
        };
        let date = row
            .date()
            .map_or_else(|| "----------".to_string(), |d| d.to_string());
        let agency = app.index.agency(row.agency).map_or("-", |a| a.abbr.as_str());
        let mut used = 2 + 11 + AGENCY_COLUMNS + 1;
        let mut spans = vec![
            Span::styled(
                if row.is_starred() { "* " } else { "  " },
                patch(base.patch(theme.style(Role::Star))),
            ),
            Span::styled(format!("{date} "), patch(base.patch(theme.style(Role::Meta)))),
            Span::styled(
                format!("{} ", fit(&printable(agency), AGENCY_COLUMNS)),
                patch(base.patch(theme.style(Role::Meta))),
            ),
        ];
        if show_place {
            let place = app.index.place(row.place).unwrap_or("");
            spans.push(Span::styled(
                format!("{} ", fit(&one_line(&printable(place)), PLACE_COLUMNS)),
                patch(base.patch(theme.style(Role::Meta))),
            ));
            used += PLACE_COLUMNS + 1;
        }
        let headline = app.headline(row.row).unwrap_or("");
        spans.push(Span::styled(
            fit(&one_line(&printable(headline)), width.saturating_sub(used)),
            patch(base),
        ));
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), body);
}
