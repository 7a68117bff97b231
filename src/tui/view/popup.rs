//! What opens on top of the panes: the agency and entity pickers, the prompts, the help screen
//! (generated from the keymap), and the message of a terminal too small to draw in.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::centered_line;
use crate::printed::printout::thousands;
use crate::printed::safe_text::printable;
use crate::tui::app::{AgencyItem, App, EntityItem, Picker, Popup, Prompt, PromptKind};
use crate::tui::keymap::Mode;
use crate::tui::strings;
use crate::tui::text::{fit, truncate, width};
use crate::tui::theme::{Role, Theme};

/// Draws the open popup, if any.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    match &app.popup {
        None => {}
        Some(Popup::Help { scroll }) => help(frame, area, app, *scroll),
        Some(Popup::Agencies(picker)) => agencies(frame, area, app, picker),
        Some(Popup::Entities(picker)) => entities(frame, area, app, picker),
        Some(Popup::Prompt(prompt)) => prompt_box(frame, area, app, prompt),
    }
}

/// The message shown instead of everything when the terminal is too small.
pub fn too_small(frame: &mut Frame, area: Rect, theme: &Theme, min_width: u16, min_height: u16) {
    let text = strings::too_small(area.width, area.height, min_width, min_height);
    let segment = crate::tui::text::Segment {
        text,
        style: theme.style(Role::Error),
        tag: None,
    };
    let lines = crate::tui::text::wrap(&[segment], usize::from(area.width));
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    for (number, line) in lines.into_iter().enumerate() {
        let y = top + number as u16;
        if y >= area.bottom() {
            break;
        }
        centered_line(
            frame,
            Rect::new(area.x, y, area.width, 1),
            &line.spans.iter().map(|s| s.content.as_ref()).collect::<String>(),
            theme.style(Role::Error),
        );
    }
}

/// A box of at most `width`×`height` in the middle of `area`, cleared, with a border and title.
fn open_box(
    frame: &mut Frame,
    area: Rect,
    width: u16,
    height: u16,
    title: &str,
    footer: &str,
    theme: &Theme,
) -> Rect {
    let width = width.min(area.width.saturating_sub(2)).max(10);
    let height = height.min(area.height.saturating_sub(2)).max(3);
    let outer = Rect::new(
        area.x + (area.width.saturating_sub(width)) / 2,
        area.y + (area.height.saturating_sub(height)) / 2,
        width,
        height,
    );
    frame.render_widget(Clear, outer);
    let block = Block::bordered()
        .border_style(theme.style(Role::PopupBorder))
        .style(theme.style(Role::Popup))
        .title(Line::from(format!(" {title} ")).style(theme.style(Role::PopupBorder)))
        .title_bottom(
            Line::from(format!(
                " {} ",
                truncate(footer, usize::from(width).saturating_sub(4))
            ))
            .style(theme.style(Role::Muted)),
        );
    let inner = block.inner(outer);
    frame.render_widget(block, outer);
    inner
}

fn help(frame: &mut Frame, area: Rect, app: &App, scroll: usize) {
    let theme = &app.config.theme;
    let keymap = &app.config.keymap;
    let mut lines: Vec<Line> = Vec::new();
    for mode in Mode::ALL {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(
            strings::mode_heading(mode),
            theme.style(Role::Heading),
        ));
        for binding in keymap.bindings(mode) {
            let keys: Vec<String> = binding.keys.iter().map(ToString::to_string).collect();
            lines.push(Line::from(vec![
                Span::styled(
                    format!("  {}", fit(&keys.join(" "), 18)),
                    theme.style(Role::HintKey).patch(theme.style(Role::Popup)),
                ),
                Span::raw(format!(" {}", binding.description)),
            ]));
        }
    }
    let height = lines.len() as u16 + 2;
    let inner = open_box(
        frame,
        area,
        76,
        height,
        strings::HELP_TITLE,
        strings::HELP_FOOTER,
        theme,
    );
    let most = lines.len().saturating_sub(usize::from(inner.height));
    let shown: Vec<Line> = lines.into_iter().skip(scroll.min(most)).collect();
    frame.render_widget(Paragraph::new(shown), inner);
}

/// The typed text with a cursor after it, on the first row of `inner`.
fn query_line(frame: &mut Frame, inner: Rect, query: &str, theme: &Theme) {
    let shown = printable(query);
    let room = usize::from(inner.width).saturating_sub(3);
    // Keep the end of a long text in sight.
    let mut visible: String = shown.to_string();
    while width(&visible) > room {
        visible.remove(0);
    }
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("> ", theme.style(Role::Heading)),
            Span::raw(visible.clone()),
        ])),
        Rect::new(inner.x, inner.y, inner.width, 1),
    );
    frame.set_cursor_position(Position::new(inner.x + 2 + width(&visible) as u16, inner.y));
}

/// The rows of a picker: the items around the cursor, the cursor row highlighted.
fn picker_rows<T>(
    frame: &mut Frame,
    inner: Rect,
    picker: &Picker<T>,
    visible: &[usize],
    theme: &Theme,
    row: impl Fn(&T, usize) -> Vec<Span<'static>>,
) {
    let list = Rect::new(inner.x, inner.y + 2, inner.width, inner.height.saturating_sub(2));
    let height = usize::from(list.height).max(1);
    let offset = picker.cursor.saturating_sub(height - 1);
    let lines: Vec<Line> = visible
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(position, &item)| {
            let line = Line::from(row(&picker.items[item], usize::from(inner.width)));
            if position == picker.cursor {
                line.patch_style(theme.style(Role::PickerCursor))
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

fn agencies(frame: &mut Frame, area: Rect, app: &App, picker: &Picker<AgencyItem>) {
    let theme = &app.config.theme;
    let visible = picker.visible();
    let height = (picker.items.len() as u16).saturating_add(4).max(8);
    let inner = open_box(
        frame,
        area,
        64,
        height,
        strings::AGENCY_TITLE,
        strings::PICKER_FOOTER,
        theme,
    );
    query_line(frame, inner, &picker.query, theme);
    picker_rows(frame, inner, picker, &visible, theme, |item, columns| {
        let count = item
            .count
            .map_or_else(|| strings::COUNTING.to_string(), thousands);
        let mark = if item.checked { "[x] " } else { "[ ] " };
        let mark_style = if item.checked {
            theme.style(Role::PickerChecked)
        } else {
            Style::default()
        };
        if item.code.is_none() {
            return vec![
                Span::raw("    "),
                Span::raw(fit(&item.name, columns.saturating_sub(4))),
            ];
        }
        let name_columns = columns.saturating_sub(4 + 9 + 9);
        vec![
            Span::styled(mark, mark_style),
            Span::styled(
                format!("{} ", fit(&printable(&item.abbr), 8)),
                theme.style(Role::Heading),
            ),
            Span::raw(fit(&printable(&item.name), name_columns)),
            Span::styled(format!("{count:>9}"), theme.style(Role::Muted)),
        ]
    });
}

fn entities(frame: &mut Frame, area: Rect, app: &App, picker: &Picker<EntityItem>) {
    let theme = &app.config.theme;
    let visible = picker.visible();
    let height = (picker.items.len() as u16).saturating_add(4).max(8);
    let inner = open_box(
        frame,
        area,
        60,
        height,
        strings::ENTITY_TITLE,
        strings::ENTITY_FOOTER,
        theme,
    );
    query_line(frame, inner, &picker.query, theme);
    picker_rows(frame, inner, picker, &visible, theme, |item, columns| {
        vec![
            Span::styled(format!("{:<5} ", item.kind.tag()), theme.style(Role::Muted)),
            Span::styled(
                fit(&printable(&item.name), columns.saturating_sub(12)),
                theme.entity(item.kind),
            ),
            Span::styled(
                format!("{:>6}", format!("×{}", item.mentions)),
                theme.style(Role::Muted),
            ),
        ]
    });
}

fn prompt_box(frame: &mut Frame, area: Rect, app: &App, prompt: &Prompt) {
    let theme = &app.config.theme;
    let (title, help) = match prompt.kind {
        PromptKind::Date => (strings::DATE_TITLE, strings::DATE_HELP),
        PromptKind::Search => (strings::SEARCH_TITLE, strings::SEARCH_HELP),
        PromptKind::Filter => (strings::FILTER_TITLE, strings::FILTER_HELP),
    };
    let inner = open_box(frame, area, 78, 6, title, strings::PROMPT_FOOTER, theme);
    query_line(frame, inner, &prompt.input, theme);
    let (text, role) = match &prompt.error {
        Some(error) => (printable(error).into_owned(), Role::PromptError),
        None => (help.to_string(), Role::Muted),
    };
    let lines: Vec<Line> = crate::tui::text::wrap(
        &[crate::tui::text::Segment {
            text,
            style: theme.style(role),
            tag: None,
        }],
        usize::from(inner.width),
    )
    .into_iter()
    .map(|line| Line::from(line.spans))
    .collect();
    frame.render_widget(
        Paragraph::new(lines),
        Rect::new(inner.x, inner.y + 1, inner.width, inner.height.saturating_sub(1)),
    );
}
