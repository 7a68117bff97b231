//! Drawing: `draw(frame, &App)` shows the state and changes nothing. One module per part of
//! the screen; every piece of article text passes through
//! [`printable`](crate::printed::safe_text::printable) before it reaches the buffer.

pub mod bars;
pub mod detail;
pub mod list;
pub mod popup;
pub mod side;
pub mod timeline;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

use super::app::App;
use super::layout::{MIN_HEIGHT, MIN_WIDTH, panes};
use super::theme::{Role, Theme};

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let Some(panes) = panes(area, app.side_panel) else {
        popup::too_small(frame, area, &app.config.theme, MIN_WIDTH, MIN_HEIGHT);
        return;
    };
    bars::filter_bar(frame, panes.filter_bar, app);
    list::draw(frame, &panes, app);
    detail::draw(frame, &panes, app);
    side::draw(frame, &panes, app);
    timeline::draw(frame, panes.timeline, app);
    bars::status_bar(frame, panes.status, app);
    popup::draw(frame, area, app);
}

/// The frame of a pane: a title row (and a separator at its left when `separated`).
fn pane_block<'a>(title: String, focused: bool, separated: bool, theme: &Theme) -> Block<'a> {
    let title_style = theme.style(if focused {
        Role::PaneTitleFocused
    } else {
        Role::PaneTitle
    });
    let borders = if separated {
        Borders::TOP | Borders::LEFT
    } else {
        Borders::TOP
    };
    Block::new()
        .borders(borders)
        .border_style(theme.style(Role::PaneTitle))
        .title(Line::from(Span::styled(format!(" {title} "), title_style)))
}

/// A one-line message in the middle of an area.
fn centered_line(frame: &mut Frame, area: Rect, text: &str, style: Style) {
    if area.height == 0 {
        return;
    }
    let line = super::text::truncate(text, usize::from(area.width));
    let width = super::text::width(&line) as u16;
    let x = area.x + area.width.saturating_sub(width) / 2;
    let y = area.y + area.height / 2;
    frame.buffer_mut().set_string(x, y, line, style);
}
