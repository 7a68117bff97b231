//! The terminal for the reader: raw mode, the alternate screen and mouse capture on start, and
//! all of it undone on quit, on error (the guard's drop) and on panic (a panic hook). Signals
//! (SIGTERM, SIGINT, SIGHUP) are turned into a message the run loop quits on.

use std::io::{self, Write};

use crossterm::cursor::Show;
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use ratatui::DefaultTerminal;

/// The terminal in reader mode; dropping it restores the terminal.
pub struct TerminalGuard {
    terminal: DefaultTerminal,
}

impl TerminalGuard {
    /// Enters raw mode, the alternate screen and mouse capture, and installs a panic hook that
    /// restores the terminal before the panic message is printed.
    pub fn start() -> io::Result<TerminalGuard> {
        let terminal = ratatui::try_init()?;
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
        if let Err(error) = execute!(io::stdout(), EnableMouseCapture) {
            restore();
            return Err(error);
        }
        Ok(TerminalGuard { terminal })
    }

    /// The terminal to draw on.
    pub fn terminal(&mut self) -> &mut DefaultTerminal {
        &mut self.terminal
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Puts the terminal back as it was: mouse capture off, cursor shown, raw mode off, the main
/// screen back. Safe to call more than once.
pub fn restore() {
    let mut stdout = io::stdout();
    let _ = execute!(stdout, DisableMouseCapture, Show);
    ratatui::restore();
    let _ = stdout.flush();
}

/// Calls `on_signal` with the signal's number (on a thread of its own) when the process gets
/// SIGTERM, SIGINT or SIGHUP.
pub fn on_signals(on_signal: impl Fn(i32) + Send + 'static) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP])?;
    std::thread::Builder::new()
        .name("newsdesk-signals".to_string())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                on_signal(signal);
            }
        })?;
    Ok(())
}
