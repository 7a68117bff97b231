//! The reader: a terminal interface over the library, in the Elm style. [`app::App`] is the
//! whole state; [`action::Action`] everything that can happen; [`update::update`] changes the
//! state and returns [`effect::Effect`]s (no I/O); [`effect::Executor`] carries them out on
//! the library and answers with actions; [`view::draw`] shows the state. Keys
//! ([`keymap`], `assets/keymap.toml`) and styles ([`theme`], `assets/theme.toml`) are data,
//! patched by the user's [`config`]. [`run()`] is the event loop and [`terminal`] sets the
//! terminal up and always restores it.

pub mod action;
pub mod app;
pub mod config;
pub mod effect;
pub mod keymap;
pub mod layout;
pub mod open;
pub mod run;
pub mod search;
pub mod state;
pub mod strings;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod update;
pub mod view;

pub use open::Source;
pub use run::{Ending, run};
