//! Styles as data: `assets/theme.toml` gives a style to every *role* (an entity kind, a cue,
//! the selected row, ...); widgets ask the theme for a role and never name a colour. Two
//! palettes: colour (the 16 standard colours) and no-colour (bold, underline, italic, reverse)
//! for `NO_COLOR`.

use ratatui::style::{Color, Modifier, Style};

use super::keymap::EntryError;
use crate::annotate::entities::EntityKind;

/// The default theme, embedded.
pub const DEFAULT_THEME: &str = include_str!("../../assets/theme.toml");

/// Which palette to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Palette {
    /// Colours (the 16 standard ones by default).
    Color,
    /// Bold, underline, italic and reverse only (`NO_COLOR`).
    NoColor,
}

impl Palette {
    /// Both palettes.
    pub const ALL: [Palette; 2] = [Palette::Color, Palette::NoColor];

    /// The palette's table name in `theme.toml` (`color`, `no-color`).
    pub fn name(self) -> &'static str {
        match self {
            Palette::Color => "color",
            Palette::NoColor => "no-color",
        }
    }

    /// `NoColor` when the `NO_COLOR` variable is set to anything but the empty string.
    pub fn from_environment() -> Palette {
        if std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty()) {
            Palette::NoColor
        } else {
            Palette::Color
        }
    }
}

macro_rules! roles {
    ($($(#[$doc:meta])* $variant:ident = $name:literal,)*) => {
        /// What a piece of the screen means, which decides its style.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Role {
            $($(#[$doc])* $variant,)*
        }

        impl Role {
            /// Every role, in `theme.toml` order.
            pub const ALL: &'static [Role] = &[$(Role::$variant,)*];

            /// The role's name in `theme.toml`.
            pub fn name(self) -> &'static str {
                match self {
                    $(Role::$variant => $name,)*
                }
            }
        }
    };
}

roles! {
    /// A person's name in the body.
    Person = "person",
    /// An organisation's name.
    Organization = "organization",
    /// A place's name.
    Location = "location",
    /// A nationality, religious or political group.
    Group = "group",
    /// Another name: an event, law, work, product.
    Misc = "misc",
    /// A bare title standing for a person.
    Title = "title",
    /// A time expression.
    Date = "date",
    /// The speaker of a statement.
    Speaker = "speaker",
    /// The words reporting a statement (`said`).
    Cue = "cue",
    /// What a statement says.
    Content = "content",
    /// The statement `n` and `N` moved to.
    CurrentStatement = "current-statement",
    /// The selected row of the focused list.
    Selected = "selected",
    /// The selected row when the focus is elsewhere.
    SelectedUnfocused = "selected-unfocused",
    /// A list row not read yet.
    Unread = "unread",
    /// A list row already read.
    Read = "read",
    /// The star mark.
    Star = "star",
    /// The detail's title.
    Heading = "heading",
    /// The detail's facts (date, agency, dateline) and list columns.
    Meta = "meta",
    /// A pane's title line.
    PaneTitle = "pane-title",
    /// The focused pane's title line.
    PaneTitleFocused = "pane-title-focused",
    /// The filter bar.
    FilterBar = "filter-bar",
    /// The status bar.
    StatusBar = "status-bar",
    /// A message in the status bar.
    Message = "message",
    /// An error message in the status bar.
    Error = "error",
    /// A key in the hint bar.
    HintKey = "hint-key",
    /// The timeline's bars.
    Timeline = "timeline",
    /// The timeline's bars inside the date filter's range.
    TimelineRange = "timeline-range",
    /// A popup's text.
    Popup = "popup",
    /// A popup's border.
    PopupBorder = "popup-border",
    /// The item under a picker's cursor.
    PickerCursor = "picker-cursor",
    /// A selected item of a picker.
    PickerChecked = "picker-checked",
    /// A prompt's error line.
    PromptError = "prompt-error",
    /// Secondary text: placeholders, counts, empty states.
    Muted = "muted",
}

/// A style for every role.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    styles: Vec<Style>,
}

const COLORS: [(&str, Color); 17] = [
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("dark-gray", Color::DarkGray),
    ("light-red", Color::LightRed),
    ("light-green", Color::LightGreen),
    ("light-yellow", Color::LightYellow),
    ("light-blue", Color::LightBlue),
    ("light-magenta", Color::LightMagenta),
    ("light-cyan", Color::LightCyan),
    ("white", Color::White),
    ("reset", Color::Reset),
];

const MODIFIERS: [(&str, Modifier); 6] = [
    ("bold", Modifier::BOLD),
    ("dim", Modifier::DIM),
    ("italic", Modifier::ITALIC),
    ("underlined", Modifier::UNDERLINED),
    ("reversed", Modifier::REVERSED),
    ("crossed-out", Modifier::CROSSED_OUT),
];

impl Theme {
    /// The default theme of a palette.
    pub fn defaults(palette: Palette) -> Result<Theme, EntryError> {
        let table: toml::Table = toml::from_str(DEFAULT_THEME).map_err(|error| EntryError {
            entry: "theme".to_string(),
            problem: error.message().to_string(),
        })?;
        let mut theme = Theme {
            styles: vec![Style::default(); Role::ALL.len()],
        };
        let Some(toml::Value::Table(styles)) = table.get(palette.name()) else {
            return Err(EntryError {
                entry: palette.name().to_string(),
                problem: "missing".to_string(),
            });
        };
        for (name, value) in styles {
            theme.patch(&format!("{}.{name}", palette.name()), name, value)?;
        }
        Ok(theme)
    }

    /// Replaces the style of the role `name` by `value` (a table of fg, bg, modifiers);
    /// `entry` names the setting in errors.
    pub fn patch(&mut self, entry: &str, name: &str, value: &toml::Value) -> Result<(), EntryError> {
        let error = |problem: String| EntryError {
            entry: entry.to_string(),
            problem,
        };
        let role = Role::ALL
            .iter()
            .find(|role| role.name() == name)
            .ok_or_else(|| error(format!("unknown style {name:?}")))?;
        let toml::Value::Table(table) = value else {
            return Err(error(format!(
                "expected a table {{ fg, bg, modifiers }}, found {value}"
            )));
        };
        let mut style = Style::default();
        for (key, value) in table {
            let entry = format!("{entry}.{key}");
            let error = |problem: String| EntryError {
                entry: entry.clone(),
                problem,
            };
            match key.as_str() {
                "fg" => {
                    style =
                        style.fg(parse_color(value).ok_or_else(|| error(format!("unknown colour {value}")))?)
                }
                "bg" => {
                    style =
                        style.bg(parse_color(value).ok_or_else(|| error(format!("unknown colour {value}")))?)
                }
                "modifiers" => {
                    let toml::Value::Array(items) = value else {
                        return Err(error(format!("expected a list of modifiers, found {value}")));
                    };
                    for item in items {
                        let modifier = MODIFIERS
                            .iter()
                            .find(|(name, _)| item.as_str() == Some(name))
                            .ok_or_else(|| error(format!("unknown modifier {item}")))?;
                        style = style.add_modifier(modifier.1);
                    }
                }
                _ => return Err(error("unknown setting (fg, bg or modifiers)".to_string())),
            }
        }
        self.styles[role_slot(*role)] = style;
        Ok(())
    }

    /// The style of a role.
    pub fn style(&self, role: Role) -> Style {
        self.styles[role_slot(role)]
    }

    /// The style of an entity kind in the body.
    pub fn entity(&self, kind: EntityKind) -> Style {
        self.style(match kind {
            EntityKind::Person => Role::Person,
            EntityKind::Organization => Role::Organization,
            EntityKind::Location => Role::Location,
            EntityKind::Group => Role::Group,
            EntityKind::Misc => Role::Misc,
            EntityKind::Title => Role::Title,
        })
    }

    /// The style of a statement's cue.
    pub fn cue(&self) -> Style {
        self.style(Role::Cue)
    }

    /// The style of the selected row, focused or not.
    pub fn selected_row(&self, focused: bool) -> Style {
        self.style(if focused {
            Role::Selected
        } else {
            Role::SelectedUnfocused
        })
    }

    /// A role's style as `theme.toml` writes it (`{ fg = "yellow", modifiers = ["bold"] }`).
    pub fn written(&self, role: Role) -> String {
        let style = self.style(role);
        let mut parts = Vec::new();
        if let Some(fg) = style.fg {
            parts.push(format!("fg = {}", color_text(fg)));
        }
        if let Some(bg) = style.bg {
            parts.push(format!("bg = {}", color_text(bg)));
        }
        let names: Vec<String> = MODIFIERS
            .iter()
            .filter(|(_, modifier)| style.add_modifier.contains(*modifier))
            .map(|(name, _)| format!("{name:?}"))
            .collect();
        if !names.is_empty() {
            parts.push(format!("modifiers = [{}]", names.join(", ")));
        }
        if parts.is_empty() {
            "{}".to_string()
        } else {
            format!("{{ {} }}", parts.join(", "))
        }
    }
}

fn role_slot(role: Role) -> usize {
    Role::ALL.iter().position(|r| *r == role).unwrap_or(0)
}

fn parse_color(value: &toml::Value) -> Option<Color> {
    match value {
        toml::Value::Integer(n) => u8::try_from(*n).ok().map(Color::Indexed),
        toml::Value::String(text) => {
            if let Some(hex) = text.strip_prefix('#') {
                if hex.len() != 6 {
                    return None;
                }
                let number = u32::from_str_radix(hex, 16).ok()?;
                return Some(Color::from_u32(number));
            }
            COLORS
                .iter()
                .find(|(name, _)| name == text)
                .map(|(_, color)| *color)
        }
        _ => None,
    }
}

fn color_text(color: Color) -> String {
    match color {
        Color::Indexed(n) => n.to_string(),
        Color::Rgb(r, g, b) => format!("\"#{r:02x}{g:02x}{b:02x}\""),
        other => COLORS
            .iter()
            .find(|(_, c)| *c == other)
            .map_or_else(|| "\"reset\"".to_string(), |(name, _)| format!("\"{name}\"")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_palettes_style_every_role() {
        for palette in Palette::ALL {
            let theme = Theme::defaults(palette).expect("the embedded theme reads");
            let table: toml::Table = toml::from_str(DEFAULT_THEME).expect("toml");
            let written = table[palette.name()].as_table().expect("table");
            for role in Role::ALL {
                assert!(
                    written.contains_key(role.name()),
                    "{} lacks {}",
                    palette.name(),
                    role.name()
                );
                let again: toml::Value =
                    toml::from_str::<toml::Table>(&format!("x = {}", theme.written(*role)))
                        .expect("written style parses")["x"]
                        .clone();
                let mut copy = theme.clone();
                copy.patch("x", role.name(), &again).expect("patch");
                assert_eq!(copy.style(*role), theme.style(*role));
            }
        }
    }

    #[test]
    fn no_color_uses_no_colour() {
        let theme = Theme::defaults(Palette::NoColor).expect("theme");
        for role in Role::ALL {
            let style = theme.style(*role);
            assert_eq!((style.fg, style.bg), (None, None), "{}", role.name());
        }
    }

    #[test]
    fn bad_styles_are_named() {
        let mut theme = Theme::defaults(Palette::Color).expect("theme");
        let value =
            |text: &str| toml::from_str::<toml::Table>(&format!("x = {text}")).expect("toml")["x"].clone();
        let error = theme
            .patch("theme.color.cue", "cue", &value("{ fg = \"blurple\" }"))
            .expect_err("bad colour");
        assert_eq!(
            error.to_string(),
            "theme.color.cue.fg: unknown colour \"blurple\""
        );
        let error = theme
            .patch("theme.color.cu", "cu", &value("{}"))
            .expect_err("bad role");
        assert_eq!(error.to_string(), "theme.color.cu: unknown style \"cu\"");
        theme
            .patch("theme.color.cue", "cue", &value("{ fg = \"#ff8800\", bg = 17 }"))
            .expect("good");
        assert_eq!(
            theme.cue(),
            Style::default()
                .fg(Color::Rgb(255, 136, 0))
                .bg(Color::Indexed(17))
        );
    }
}
