//! The timeline strip: articles per day over the current filter (its date terms left out) as a
//! row of bars between the first and last day, the date filter's range marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::store::rows::day_date;
use crate::tui::app::App;
use crate::tui::theme::Role;

/// Bar heights, lowest first.
const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// Draws the strip.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.config.theme;
    let timeline = &app.timeline;
    let days = timeline.counts.len();
    let date = |offset: usize| {
        day_date(timeline.first_day + offset as i32).map_or_else(String::new, |d| d.to_string())
    };
    if days == 0 {
        return;
    }
    let left = format!(" {} ", date(0));
    let right = format!(" {} ", date(days - 1));
    let columns = usize::from(area.width).saturating_sub(left.len() + right.len());
    if columns == 0 {
        return;
    }
    let bounds = app.date_bounds();
    // Each column covers a run of days; with fewer days than columns a day spans several.
    let column_days = |column: usize| {
        let start = column * days / columns;
        let end = ((column + 1) * days / columns).max(start + 1).min(days);
        start..end
    };
    let totals: Vec<u32> = (0..columns)
        .map(|column| column_days(column).map(|day| timeline.counts[day]).sum())
        .collect();
    let most = totals.iter().copied().max().unwrap_or(0).max(1);
    let mut spans = vec![Span::styled(left, theme.style(Role::Muted))];
    for (column, total) in totals.iter().enumerate() {
        let bar = if *total == 0 {
            ' '
        } else {
            BARS[((*total as usize * BARS.len()).div_ceil(most as usize)).clamp(1, BARS.len()) - 1]
        };
        let in_range = bounds.is_some_and(|bounds| {
            column_days(column).any(|day| {
                day_date(timeline.first_day + day as i32).is_some_and(|date| bounds.contains(date))
            })
        });
        let role = if in_range {
            Role::TimelineRange
        } else {
            Role::Timeline
        };
        spans.push(Span::styled(bar.to_string(), theme.style(role)));
    }
    spans.push(Span::styled(right, theme.style(Role::Muted)));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
