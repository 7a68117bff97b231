//! The event loop: terminal events become actions through the keymap, `update` changes the
//! state, the executor carries out the effects, the screen is redrawn. Input, signals and the
//! search thread each report through one channel, so the loop sleeps until something happens.

use std::sync::mpsc::{Sender, channel};

use anyhow::{Context, Result};
use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind};

use super::action::Action;
use super::app::{App, Status};
use super::config::Config;
use super::effect::{Executor, dispatch};
use super::keymap::{Key, Mode};
use super::open::{Source, open};
use super::search::Searcher;
use super::state::StateWriter;
use super::terminal::{TerminalGuard, on_signals};
use super::theme::Palette;
use super::view;

/// What wakes the loop.
enum Message {
    /// A terminal event.
    Terminal(Event),
    /// A result from the search thread.
    Action(Action),
    /// SIGTERM, SIGINT or SIGHUP (its number): quit.
    Signal(i32),
    /// Reading terminal events failed.
    InputFailed(String),
}

/// How the reader ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// A signal (its number) ended it.
    Signal(i32),
}

/// Runs the reader on `source` until the user quits or a signal comes; the terminal is restored
/// however it ends.
pub fn run(source: &Source) -> Result<Ending> {
    let config = Config::load(Palette::from_environment())?;
    let opened = open(source)?;
    let index = opened
        .library
        .index()
        .context("cannot read the library's index")?;
    let mut app = App::new(index, config, chrono::Local::now().date_naive());
    app.status = opened.note.map(|text| Status { text, error: false });
    let (sender, receiver) = channel::<Message>();
    let mut executor = match &opened.file {
        Some(file) => {
            let results = sender.clone();
            let searcher = Searcher::start(file, move |action| {
                let _ = results.send(Message::Action(action));
            })?;
            let failures = sender.clone();
            // A library opened read-only has no state thread: a change fails where it is made.
            let state = StateWriter::start(file, move |action| {
                let _ = failures.send(Message::Action(action));
            })
            .ok();
            Executor::with_threads(opened.library, searcher, state)
        }
        None => Executor::new(opened.library),
    };
    let signals = sender.clone();
    on_signals(move |signal| {
        let _ = signals.send(Message::Signal(signal));
    })?;
    let mut guard = TerminalGuard::start()?;
    read_input(sender)?;
    let size = guard.terminal().size()?;
    dispatch(
        &mut app,
        &mut executor,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    loop {
        guard.terminal().draw(|frame| view::draw(frame, &app))?;
        let first = receiver.recv().context("the input thread stopped")?;
        for message in std::iter::once(first).chain(receiver.try_iter()) {
            let action = match message {
                Message::Terminal(event) => action_of(&app, &event),
                Message::Action(action) => Some(action),
                Message::Signal(signal) => return Ok(Ending::Signal(signal)),
                Message::InputFailed(error) => anyhow::bail!("cannot read the terminal: {error}"),
            };
            if let Some(action) = action {
                if !dispatch(&mut app, &mut executor, action) {
                    return Ok(Ending::Quit);
                }
            }
        }
    }
}

/// Reads terminal events on a thread of its own.
fn read_input(sender: Sender<Message>) -> Result<()> {
    std::thread::Builder::new()
        .name("newsdesk-input".to_string())
        .spawn(move || {
            loop {
                let message = match crossterm::event::read() {
                    Ok(event) => Message::Terminal(event),
                    Err(error) => Message::InputFailed(error.to_string()),
                };
                let failed = matches!(message, Message::InputFailed(_));
                if sender.send(message).is_err() || failed {
                    return;
                }
            }
        })
        .context("cannot start the input thread")?;
    Ok(())
}

/// The action a terminal event stands for in the reader's current mode, if any.
pub fn action_of(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => {
            let mode = app.mode();
            let written = Key::from_event(key);
            app.config
                .keymap
                .action(mode, written)
                .or_else(|| match written.code {
                    KeyCode::Char(c)
                        if mode != Mode::Browse
                            && !written
                                .modifiers
                                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                    {
                        Some(Action::Input(c))
                    }
                    _ => None,
                })
        }
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Action::Wheel {
                column: mouse.column,
                row: mouse.row,
                down: mouse.kind == MouseEventKind::ScrollDown,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: mouse.column,
                row: mouse.row,
            }),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}
