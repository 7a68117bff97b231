//! Where each pane goes for a terminal size: a filter bar on top, the list and the detail side
//! by side from 100 columns (the list above the detail below that), the side panel at the
//! detail's right, the timeline strip and the status bar at the bottom. Shared by `update`
//! (page sizes, mouse hits) and the view.

use ratatui::layout::Rect;

/// The narrowest terminal the reader draws in.
pub const MIN_WIDTH: u16 = 40;
/// The lowest terminal the reader draws in.
pub const MIN_HEIGHT: u16 = 12;
/// From this width on, the list and the detail sit side by side.
pub const SIDE_BY_SIDE: u16 = 100;

/// The areas of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    /// The filter bar (one row).
    pub filter_bar: Rect,
    /// The list pane, its title row included.
    pub list: Rect,
    /// The list's rows.
    pub list_body: Rect,
    /// The detail pane, its title row included.
    pub detail: Rect,
    /// The detail's text.
    pub detail_body: Rect,
    /// True when the detail (and side panel) draw a separator at their left.
    pub separated: bool,
    /// The side panel, when shown.
    pub side: Option<Rect>,
    /// The side panel's text.
    pub side_body: Option<Rect>,
    /// The timeline strip (one row).
    pub timeline: Rect,
    /// The status bar (one row).
    pub status: Rect,
}

/// The panes of a screen of `area`, or `None` when it is too small to use.
pub fn panes(area: Rect, side_panel: bool) -> Option<Panes> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let row = |y: u16| Rect::new(area.x, y, area.width, 1);
    let filter_bar = row(area.y);
    let status = row(area.bottom() - 1);
    let timeline = row(area.bottom() - 2);
    let main = Rect::new(area.x, area.y + 1, area.width, area.height - 3);
    let wide = area.width >= SIDE_BY_SIDE;
    let (list, rest) = if wide {
        let list_width = (main.width * 9 / 20).max(40);
        (
            Rect::new(main.x, main.y, list_width, main.height),
            Rect::new(main.x + list_width, main.y, main.width - list_width, main.height),
        )
    } else {
        let list_height = (main.height * 2 / 5).max(4);
        (
            Rect::new(main.x, main.y, main.width, list_height),
            Rect::new(
                main.x,
                main.y + list_height,
                main.width,
                main.height - list_height,
            ),
        )
    };
    let (detail, side) = match side_panel {
        false => (rest, None),
        true if rest.width >= 70 => {
            let side_width = (rest.width / 3).max(28);
            (
                Rect::new(rest.x, rest.y, rest.width - side_width, rest.height),
                Some(Rect::new(
                    rest.right() - side_width,
                    rest.y,
                    side_width,
                    rest.height,
                )),
            )
        }
        true => {
            let top = rest.height / 2;
            (
                Rect::new(rest.x, rest.y, rest.width, top),
                Some(Rect::new(rest.x, rest.y + top, rest.width, rest.height - top)),
            )
        }
    };
    let body = |pane: Rect, separator: bool| {
        let left = u16::from(separator);
        Rect::new(
            pane.x + left,
            pane.y + 1,
            pane.width.saturating_sub(left),
            pane.height.saturating_sub(1),
        )
    };
    let side_separated = |side: Rect| side.y == detail.y && (wide || side.x > detail.x);
    Some(Panes {
        filter_bar,
        list,
        list_body: body(list, false),
        detail,
        detail_body: body(detail, wide),
        separated: wide,
        side,
        side_body: side.map(|side| body(side, side_separated(side))),
        timeline,
        status,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_screens_put_the_list_beside_the_detail() {
        let p = panes(Rect::new(0, 0, 160, 48), true).expect("fits");
        assert_eq!(p.list.y, p.detail.y);
        assert!(p.list.right() <= p.detail.x);
        let side = p.side.expect("side panel");
        assert_eq!(side.right(), 160);
        assert_eq!(p.status.y, 47);
        assert_eq!(p.timeline.y, 46);
    }

    #[test]
    fn narrow_screens_stack_them() {
        let p = panes(Rect::new(0, 0, 80, 24), false).expect("fits");
        assert!(p.list.bottom() <= p.detail.y);
        assert_eq!(p.list_body.height + 1, p.list.height);
        assert_eq!(p.detail.bottom(), 22);
    }

    #[test]
    fn tiny_screens_have_no_panes() {
        assert!(panes(Rect::new(0, 0, 39, 24), false).is_none());
        assert!(panes(Rect::new(0, 0, 80, 11), false).is_none());
    }
}
