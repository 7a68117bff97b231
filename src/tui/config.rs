//! `config.toml` in the XDG config directory (`~/.config/newsdesk/config.toml` on Linux): it
//! patches the keymap (`[keys]`, `[keys.picker]`, `[keys.prompt]`) and the theme
//! (`[theme.color]`, `[theme.no-color]`). Only what it names changes. A bad entry stops the
//! start with a message that gives the file, the entry and what is wrong with its value.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use super::keymap::{EntryError, Keymap, Mode, entry_name};
use super::theme::{Palette, Role, Theme};

/// The reader's settings: the keymap and the theme.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Every key binding.
    pub keymap: Keymap,
    /// Every style.
    pub theme: Theme,
}

/// A configuration file that cannot be used: `PATH: entry: problem`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {error}")]
pub struct ConfigError {
    /// The file, as shown to the user (`~` for the home directory).
    pub path: String,
    /// The entry and what is wrong with it.
    pub error: EntryError,
}

/// Where the configuration file is: `config.toml` in the XDG config directory.
pub fn config_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "newsdesk").map(|dirs| dirs.config_dir().join("config.toml"))
}

/// A path as shown in messages: the home directory written `~`.
pub fn shown_path(path: &Path) -> String {
    let home = directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_path_buf());
    match home.and_then(|home| path.strip_prefix(home).ok().map(Path::to_path_buf)) {
        Some(rest) => format!("~/{}", rest.display()),
        None => path.display().to_string(),
    }
}

impl Config {
    /// The defaults of `assets/keymap.toml` and `assets/theme.toml`.
    pub fn defaults(palette: Palette) -> Result<Config, EntryError> {
        Ok(Config {
            keymap: Keymap::defaults()?,
            theme: Theme::defaults(palette)?,
        })
    }

    /// The defaults patched by the user's `config.toml`, when there is one.
    pub fn load(palette: Palette) -> Result<Config, ConfigError> {
        let Some(path) = config_path() else {
            return Config::defaults(palette).map_err(|error| ConfigError {
                path: "defaults".to_string(),
                error,
            });
        };
        let shown = shown_path(&path);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(error) => {
                return Err(ConfigError {
                    path: shown,
                    error: EntryError {
                        entry: "file".to_string(),
                        problem: format!("cannot read: {error}"),
                    },
                });
            }
        };
        Config::from_text(&text, palette).map_err(|error| ConfigError { path: shown, error })
    }

    /// The defaults patched by the text of a `config.toml`.
    pub fn from_text(text: &str, palette: Palette) -> Result<Config, EntryError> {
        let mut config = Config::defaults(palette)?;
        let table: toml::Table = toml::from_str(text).map_err(|error| {
            let (line, column) = error.span().map_or((1, 1), |span| line_column(text, span.start));
            EntryError {
                entry: format!("line {line}, column {column}"),
                problem: error.message().trim().to_string(),
            }
        })?;
        for (section, value) in &table {
            match section.as_str() {
                "keys" => config.patch_keys(value)?,
                "theme" => config.patch_theme(value, palette)?,
                other => {
                    return Err(EntryError {
                        entry: other.to_string(),
                        problem: "unknown section (expected keys or theme)".to_string(),
                    });
                }
            }
        }
        config.keymap.check_clashes()?;
        Ok(config)
    }

    fn patch_keys(&mut self, value: &toml::Value) -> Result<(), EntryError> {
        let table = as_table("keys", value)?;
        for (name, value) in table {
            let mode = match name.as_str() {
                "picker" => Some(Mode::Picker),
                "prompt" => Some(Mode::Prompt),
                _ => None,
            };
            match (mode, value) {
                (Some(mode), toml::Value::Table(bindings)) => {
                    for (action, keys) in bindings {
                        let entry = format!("keys.{name}.{action}");
                        self.keymap
                            .rebind(mode, &entry, action, &key_list(&entry, keys)?)?;
                    }
                }
                _ => {
                    let entry = format!("keys.{name}");
                    self.keymap
                        .rebind(Mode::Browse, &entry, name, &key_list(&entry, value)?)?;
                }
            }
        }
        Ok(())
    }

    fn patch_theme(&mut self, value: &toml::Value, palette: Palette) -> Result<(), EntryError> {
        let table = as_table("theme", value)?;
        for (name, styles) in table {
            let entry = format!("theme.{name}");
            let Some(written) = Palette::ALL.iter().find(|p| p.name() == name) else {
                return Err(EntryError {
                    entry,
                    problem: "unknown palette (expected color or no-color)".to_string(),
                });
            };
            let styles = as_table(&entry, styles)?;
            // Both palettes are checked; only the one in use is applied.
            let mut scratch = Theme::defaults(*written)?;
            for (role, style) in styles {
                let entry = format!("{entry}.{role}");
                scratch.patch(&entry, role, style)?;
                if *written == palette {
                    self.theme.patch(&entry, role, style)?;
                }
            }
        }
        Ok(())
    }
}

fn as_table<'a>(entry: &str, value: &'a toml::Value) -> Result<&'a toml::Table, EntryError> {
    value.as_table().ok_or_else(|| EntryError {
        entry: entry.to_string(),
        problem: format!("expected a table, found {value}"),
    })
}

/// A binding's keys: one string or a list of them.
fn key_list(entry: &str, value: &toml::Value) -> Result<Vec<String>, EntryError> {
    let error = || EntryError {
        entry: entry.to_string(),
        problem: format!("expected a key or a list of keys, found {value}"),
    };
    match value {
        toml::Value::String(key) => Ok(vec![key.clone()]),
        toml::Value::Array(items) => items
            .iter()
            .map(|item| item.as_str().map(str::to_string).ok_or_else(error))
            .collect(),
        _ => Err(error()),
    }
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The full default `config.toml`: every binding and every style, commented.
pub fn default_file() -> Result<String, EntryError> {
    let keymap = Keymap::defaults()?;
    let mut out = String::from(super::strings::CONFIG_HEADER);
    for mode in Mode::ALL {
        match mode {
            Mode::Browse => out.push_str("\n[keys]\n"),
            other => {
                let _ = write!(out, "\n[keys.{}]\n", other.name());
            }
        }
        for binding in keymap.bindings(mode) {
            let keys: Vec<String> = binding
                .keys
                .iter()
                .map(|k| format!("{:?}", k.to_string()))
                .collect();
            let name = entry_name(mode, &binding.action);
            let short = name.rsplit('.').next().unwrap_or(&name);
            let _ = writeln!(out, "{short} = [{}]  # {}", keys.join(", "), binding.description);
        }
    }
    for palette in Palette::ALL {
        let theme = Theme::defaults(palette)?;
        let _ = write!(out, "\n[theme.{}]\n", palette.name());
        for role in Role::ALL {
            let _ = writeln!(out, "{} = {}", role.name(), theme.written(*role));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action;
    use crate::tui::keymap::Key;

    #[test]
    fn the_default_file_reads_back_as_the_defaults() {
        let text = default_file().expect("defaults");
        for palette in Palette::ALL {
            let config = Config::from_text(&text, palette).expect("reads back");
            assert_eq!(config, Config::defaults(palette).expect("defaults"));
        }
    }

    #[test]
    fn entries_patch_keys_and_styles() {
        let text = "[keys]\nquit = \"x\"\nmove-down = [\"j\", \"Down\", \"Ctrl+n\"]\n\
                    [keys.picker]\ntoggle = \"Tab\"\n[theme.color]\ncue = { fg = \"magenta\" }\n";
        let config = Config::from_text(text, Palette::Color).expect("good config");
        let key = |k| Key::parse(k).expect("key");
        assert_eq!(config.keymap.action(Mode::Browse, key("x")), Some(Action::Quit));
        assert_eq!(config.keymap.action(Mode::Browse, key("q")), None);
        assert_eq!(
            config.keymap.action(Mode::Browse, key("Ctrl+n")),
            Some(Action::MoveDown)
        );
        assert_eq!(
            config.keymap.action(Mode::Picker, key("Tab")),
            Some(Action::Toggle)
        );
        assert_eq!(config.theme.cue().fg, Some(ratatui::style::Color::Magenta));
    }

    #[test]
    fn bad_entries_name_entry_and_value() {
        let cases = [
            (
                "[keys]\nquit = \"Ctrl+Foo\"",
                "keys.quit: unknown key \"Ctrl+Foo\"",
            ),
            ("[keys]\nfly = \"f\"", "keys.fly: unknown action \"fly\""),
            (
                "[keys]\nquit = \"j\"",
                "keys.quit: key \"j\" is also bound to move-down",
            ),
            (
                "[keys]\nquit = 3",
                "keys.quit: expected a key or a list of keys, found 3",
            ),
            (
                "[keys.picker]\nquit = \"x\"",
                "keys.picker.quit: \"quit\" is not an action of the picker keys",
            ),
            (
                "[theme.color]\ncue = { fg = \"blurple\" }",
                "theme.color.cue.fg: unknown colour \"blurple\"",
            ),
            (
                "[theme.sepia]\ncue = {}",
                "theme.sepia: unknown palette (expected color or no-color)",
            ),
            ("[colours]\n", "colours: unknown section (expected keys or theme)"),
        ];
        for (text, expected) in cases {
            let error = Config::from_text(text, Palette::Color).expect_err(text);
            assert_eq!(error.to_string(), expected);
        }
        let error = Config::from_text("[keys\n", Palette::Color).expect_err("bad toml");
        assert!(error.entry.starts_with("line 1, column"), "{error}");
    }
}
