//! Keys as data: `assets/keymap.toml` names every binding with its keys and a description; the
//! user's `config.toml` patches it (see [`config`](super::config)). `?` and the hints in the
//! status bar list these same bindings.

use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use super::action::Action;

/// The default keymap, embedded.
pub const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

/// Which bindings apply: the reader's state decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// The list, the detail and the help screen.
    Browse,
    /// The agency and entity pickers (unbound printable keys are typed).
    Picker,
    /// The date, search and filter prompts (unbound printable keys are typed).
    Prompt,
}

impl Mode {
    /// Every mode, in the order the help screen lists them.
    pub const ALL: [Mode; 3] = [Mode::Browse, Mode::Picker, Mode::Prompt];

    /// The mode's name in `keymap.toml` and in `config.toml` (`[keys.picker]`).
    pub fn name(self) -> &'static str {
        match self {
            Mode::Browse => "browse",
            Mode::Picker => "picker",
            Mode::Prompt => "prompt",
        }
    }

    fn slot(self) -> usize {
        match self {
            Mode::Browse => 0,
            Mode::Picker => 1,
            Mode::Prompt => 2,
        }
    }
}

/// A key with its modifiers, as written in the keymap (`j`, `Ctrl+c`, `PageDown`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl and Alt (Shift is part of a character, or of `BackTab`).
    pub modifiers: KeyModifiers,
}

/// Named keys and how the keymap writes them.
const NAMED: [(&str, KeyCode); 16] = [
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("PageUp", KeyCode::PageUp),
    ("PageDown", KeyCode::PageDown),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("Enter", KeyCode::Enter),
    ("Tab", KeyCode::Tab),
    ("BackTab", KeyCode::BackTab),
    ("Esc", KeyCode::Esc),
    ("Space", KeyCode::Char(' ')),
    ("Backspace", KeyCode::Backspace),
    ("Delete", KeyCode::Delete),
    ("Insert", KeyCode::Insert),
];

impl Key {
    /// A key without modifiers.
    pub fn plain(code: KeyCode) -> Key {
        Key {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    /// The key of a terminal event, in the form bindings are written in.
    pub fn from_event(event: &KeyEvent) -> Key {
        let mut modifiers = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let code = match event.code {
            KeyCode::Tab if event.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            other => other,
        };
        if code == KeyCode::BackTab {
            modifiers.remove(KeyModifiers::SHIFT);
        }
        Key { code, modifiers }
    }

    /// Parses a key as written in the keymap; `None` when it names no key.
    pub fn parse(text: &str) -> Option<Key> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        let mut shift = false;
        while let Some((prefix, after)) = rest.split_once('+') {
            if after.is_empty() {
                break;
            }
            match prefix.to_ascii_lowercase().as_str() {
                "ctrl" => modifiers |= KeyModifiers::CONTROL,
                "alt" => modifiers |= KeyModifiers::ALT,
                "shift" => shift = true,
                _ => return None,
            }
            rest = after;
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => {
                if modifiers.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else if shift {
                    KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
                } else {
                    KeyCode::Char(c)
                }
            }
            _ => {
                let named = NAMED
                    .iter()
                    .find(|(name, _)| name.eq_ignore_ascii_case(rest))
                    .map(|(_, code)| *code);
                match named {
                    Some(KeyCode::Tab) if shift => KeyCode::BackTab,
                    Some(code) => code,
                    None => {
                        let number = rest
                            .strip_prefix(['F', 'f'])
                            .and_then(|n| n.parse::<u8>().ok())
                            .filter(|n| (1..=12).contains(n))?;
                        KeyCode::F(number)
                    }
                }
            }
        };
        Some(Key { code, modifiers })
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl+")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("Alt+")?;
        }
        if let Some((name, _)) = NAMED.iter().find(|(_, code)| *code == self.code) {
            return f.write_str(name);
        }
        match self.code {
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// One binding: an action, its keys and what it does.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    /// What the keys do.
    pub action: Action,
    /// The keys (none: unbound).
    pub keys: Vec<Key>,
    /// What the action does, for the help screen.
    pub description: String,
    /// The word the hint bar shows for it, when it is shown there.
    pub hint: Option<String>,
}

/// A problem with a keymap entry: the entry (`keys.quit`) and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{entry}: {problem}")]
pub struct EntryError {
    /// The entry, as a dotted path (`keys.picker.toggle`).
    pub entry: String,
    /// What is wrong with its value.
    pub problem: String,
}

/// Every binding of every mode.
#[derive(Debug, Clone, PartialEq)]
pub struct Keymap {
    modes: [Vec<Binding>; 3],
}

/// One binding as `keymap.toml` writes it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBinding {
    action: String,
    keys: Vec<String>,
    description: String,
    hint: Option<String>,
}

/// `keymap.toml`: a list of bindings per mode.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKeymap {
    browse: Vec<RawBinding>,
    picker: Vec<RawBinding>,
    prompt: Vec<RawBinding>,
}

impl Keymap {
    /// The keymap of `assets/keymap.toml`.
    pub fn defaults() -> Result<Keymap, EntryError> {
        Keymap::from_toml(DEFAULT_KEYMAP)
    }

    /// Reads a keymap in the form of `assets/keymap.toml`.
    pub fn from_toml(text: &str) -> Result<Keymap, EntryError> {
        let raw: RawKeymap = toml::from_str(text).map_err(|error| EntryError {
            entry: "keymap".to_string(),
            problem: error.message().to_string(),
        })?;
        let mut keymap = Keymap {
            modes: [Vec::new(), Vec::new(), Vec::new()],
        };
        for (mode, bindings) in [
            (Mode::Browse, raw.browse),
            (Mode::Picker, raw.picker),
            (Mode::Prompt, raw.prompt),
        ] {
            for raw in bindings {
                let entry = format!("{}.{}", mode.name(), raw.action);
                let action = Action::named(&raw.action).ok_or_else(|| EntryError {
                    entry: entry.clone(),
                    problem: format!("unknown action {:?}", raw.action),
                })?;
                let keys = parse_keys(&entry, &raw.keys)?;
                keymap.modes[mode.slot()].push(Binding {
                    action,
                    keys,
                    description: raw.description,
                    hint: raw.hint,
                });
            }
        }
        keymap.check_clashes()?;
        Ok(keymap)
    }

    /// The bindings of a mode, in keymap order.
    pub fn bindings(&self, mode: Mode) -> &[Binding] {
        &self.modes[mode.slot()]
    }

    /// The action a key is bound to in a mode.
    pub fn action(&self, mode: Mode, key: Key) -> Option<Action> {
        self.bindings(mode)
            .iter()
            .find(|binding| binding.keys.contains(&key))
            .map(|binding| binding.action.clone())
    }

    /// The first key bound to an action in a mode, for hints and messages.
    pub fn key_for(&self, mode: Mode, action: &Action) -> Option<Key> {
        self.bindings(mode)
            .iter()
            .find(|binding| &binding.action == action)
            .and_then(|binding| binding.keys.first().copied())
    }

    /// Binds `action` in `mode` to exactly `keys`; `entry` names the setting in errors. The
    /// action must be one the mode has.
    pub fn rebind(
        &mut self,
        mode: Mode,
        entry: &str,
        action: &str,
        keys: &[String],
    ) -> Result<(), EntryError> {
        let error = |problem: String| EntryError {
            entry: entry.to_string(),
            problem,
        };
        let named = Action::named(action).ok_or_else(|| error(format!("unknown action {action:?}")))?;
        let keys = parse_keys(entry, keys)?;
        let binding = self.modes[mode.slot()]
            .iter_mut()
            .find(|binding| binding.action == named)
            .ok_or_else(|| error(format!("{action:?} is not an action of the {} keys", mode.name())))?;
        binding.keys = keys;
        Ok(())
    }

    /// An error when a key is bound to two actions of one mode.
    pub fn check_clashes(&self) -> Result<(), EntryError> {
        for mode in Mode::ALL {
            let bindings = self.bindings(mode);
            for (position, binding) in bindings.iter().enumerate() {
                for key in &binding.keys {
                    if let Some(earlier) = bindings[..position].iter().find(|b| b.keys.contains(key)) {
                        return Err(EntryError {
                            entry: entry_name(mode, &binding.action),
                            problem: format!(
                                "key \"{key}\" is also bound to {}",
                                earlier.action.name().unwrap_or_default()
                            ),
                        });
                    }
                }
            }
        }
        Ok(())
    }

    /// The hint bar's entries: the first key and the hint word of each hinted browse binding.
    pub fn hints(&self) -> Vec<(String, String)> {
        self.bindings(Mode::Browse)
            .iter()
            .filter_map(|binding| Some((binding.keys.first()?.to_string(), binding.hint.clone()?)))
            .collect()
    }
}

/// How `config.toml` names a binding: `keys.quit`, `keys.picker.toggle`.
pub fn entry_name(mode: Mode, action: &Action) -> String {
    let name = action.name().unwrap_or_default();
    match mode {
        Mode::Browse => format!("keys.{name}"),
        other => format!("keys.{}.{name}", other.name()),
    }
}

fn parse_keys(entry: &str, keys: &[String]) -> Result<Vec<Key>, EntryError> {
    keys.iter()
        .map(|text| {
            Key::parse(text).ok_or_else(|| EntryError {
                entry: entry.to_string(),
                problem: format!("unknown key {text:?}"),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_parse_and_print_back() {
        for text in [
            "j", "J", "?", "*", "[", "Ctrl+c", "Alt+x", "PageDown", "Space", "F5", "BackTab", "Enter",
        ] {
            let key = Key::parse(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(key.to_string(), text);
        }
        assert_eq!(Key::parse("Shift+Tab"), Key::parse("BackTab"));
        assert_eq!(Key::parse("shift+j"), Key::parse("J"));
        assert_eq!(Key::parse("Ctrl+C"), Key::parse("Ctrl+c"));
        for bad in ["Ctrl+Foo", "", "F13", "Hyper+x", "jj"] {
            assert_eq!(Key::parse(bad), None, "{bad}");
        }
        assert_eq!(
            Key::parse("+"),
            Some(Key::plain(KeyCode::Char('+'))),
            "a plus sign alone is a key"
        );
    }

    #[test]
    fn events_match_the_written_keys() {
        let event = |code, modifiers| Key::from_event(&KeyEvent::new(code, modifiers));
        assert_eq!(
            event(KeyCode::Char('J'), KeyModifiers::SHIFT),
            Key::parse("J").expect("key")
        );
        assert_eq!(
            event(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Key::parse("Ctrl+c").expect("key")
        );
        assert_eq!(
            event(KeyCode::Tab, KeyModifiers::SHIFT),
            Key::parse("BackTab").expect("key")
        );
    }

    #[test]
    fn the_default_keymap_is_complete_and_clash_free() {
        let keymap = Keymap::defaults().expect("the embedded keymap reads");
        let key = |text| Key::parse(text).expect("key");
        assert_eq!(keymap.action(Mode::Browse, key("j")), Some(Action::MoveDown));
        assert_eq!(keymap.action(Mode::Browse, key("?")), Some(Action::Help));
        assert_eq!(keymap.action(Mode::Picker, key("Space")), Some(Action::Toggle));
        assert_eq!(keymap.action(Mode::Prompt, key("j")), None, "typed, not bound");
        assert!(keymap.hints().iter().any(|(k, h)| k == "q" && h == "quit"));
    }

    #[test]
    fn rebinding_checks_actions_keys_and_clashes() {
        let mut keymap = Keymap::defaults().expect("keymap");
        let bad_key = keymap.rebind(Mode::Browse, "keys.quit", "quit", &["Ctrl+Foo".to_string()]);
        assert_eq!(
            bad_key.map_err(|e| e.to_string()),
            Err("keys.quit: unknown key \"Ctrl+Foo\"".to_string())
        );
        let unknown = keymap.rebind(Mode::Browse, "keys.fly", "fly", &[]);
        assert!(unknown.is_err_and(|e| e.problem == "unknown action \"fly\""));
        keymap
            .rebind(Mode::Browse, "keys.quit", "quit", &["j".to_string()])
            .expect("rebinds");
        let clash = keymap.check_clashes().expect_err("j is move-down too");
        assert_eq!(
            clash.to_string(),
            "keys.quit: key \"j\" is also bound to move-down"
        );
    }
}
