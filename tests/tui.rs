//! The reader on a `TestBackend`: the main screens as snapshots at 80×24 and 160×48, the style
//! of every highlight kind and of the selected row read off the buffer, untrusted text that
//! must never reach it raw, and one run of the real binary in a pseudo-terminal.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::NaiveDate;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use newsdesk::printed::highlight::{Marks, pieces};
use newsdesk::store::import::{Options, Sources, import};
use newsdesk::store::{Library, Mode, StoredArticle};
use newsdesk::tui::action::Action;
use newsdesk::tui::app::App;
use newsdesk::tui::config::Config;
use newsdesk::tui::effect::{Executor, dispatch};
use newsdesk::tui::run::action_of;
use newsdesk::tui::theme::{Palette, Role};
use newsdesk::tui::view::draw;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};
use tempfile::TempDir;

/// A library file holding the bundled samples, made once per test run.
fn template() -> &'static Path {
    static TEMPLATE: OnceLock<PathBuf> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("tui-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("samples.db");
        let mut library = Library::open(&path, Mode::Create).expect("library");
        let sources = Sources {
            paths: Vec::new(),
            samples: true,
        };
        import(&mut library, &sources, Options::default(), &mut |_| {}).expect("import");
        path
    })
}

/// The reader over a copy of the sample library, as the run loop drives it.
struct Reader {
    _dir: TempDir,
    app: App,
    executor: Executor,
}

impl Reader {
    fn new(width: u16, height: u16) -> Reader {
        Reader::with_palette(width, height, Palette::Color)
    }

    fn with_palette(width: u16, height: u16, palette: Palette) -> Reader {
        let dir = TempDir::new().expect("temp dir");
        let path = dir.path().join("library.db");
        std::fs::copy(template(), &path).expect("copy");
        let library = Library::open(&path, Mode::Write).expect("library");
        let index = library.index().expect("index");
        let today = NaiveDate::from_ymd_opt(2026, 10, 20).expect("date");
        let app = App::new(index, Config::defaults(palette).expect("config"), today);
        let mut reader = Reader {
            _dir: dir,
            app,
            executor: Executor::new(library),
        };
        reader.act(Action::Resize { width, height });
        reader
    }

    fn act(&mut self, action: Action) {
        dispatch(&mut self.app, &mut self.executor, action);
    }

    /// Presses keys through the keymap, as the terminal would send them.
    fn keys(&mut self, keys: &[KeyCode]) {
        for code in keys {
            let event = Event::Key(KeyEvent::new(*code, KeyModifiers::NONE));
            if let Some(action) = action_of(&self.app, &event) {
                self.act(action);
            }
        }
    }

    fn typed(&mut self, text: &str) {
        let codes: Vec<KeyCode> = text.chars().map(KeyCode::Char).collect();
        self.keys(&codes);
    }

    /// Selects the article at `row`.
    fn select(&mut self, row: i64) {
        let position = self
            .app
            .rows
            .iter()
            .position(|r| i64::from(r.row) == row)
            .expect("listed");
        self.act(Action::First);
        for _ in 0..position {
            self.act(Action::MoveDown);
        }
    }

    fn buffer(&self) -> Buffer {
        let area = self.app.viewport;
        let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).expect("terminal");
        terminal.draw(|frame| draw(frame, &self.app)).expect("draw");
        terminal.backend().buffer().clone()
    }

    fn screen(&self) -> String {
        text(&self.buffer())
    }

    fn stored(&self) -> Vec<StoredArticle> {
        self.app
            .rows
            .iter()
            .map(|r| {
                self.executor
                    .library()
                    .article_at(i64::from(r.row))
                    .expect("article")
            })
            .collect()
    }
}

/// The symbols of a row, the cells a wide character covers skipped.
fn row_symbols(buffer: &Buffer, y: u16, from: u16, to: u16) -> Vec<&str> {
    let mut symbols = Vec::new();
    let mut x = from;
    while x < to {
        let symbol = buffer[(x, y)].symbol();
        symbols.push(symbol);
        x += (unicode_width::UnicodeWidthStr::width(symbol) as u16).max(1);
    }
    symbols
}

fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    (0..area.height)
        .map(|y| {
            row_symbols(buffer, y, 0, area.width)
                .concat()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

#[test]
fn list_and_detail() {
    for (width, height) in SIZES {
        let reader = Reader::new(width, height);
        insta::assert_snapshot!(format!("list_detail_{width}x{height}"), reader.screen());
    }
}

#[test]
fn side_panel() {
    for (width, height) in SIZES {
        let mut reader = Reader::new(width, height);
        reader.typed("p");
        reader.typed("n");
        insta::assert_snapshot!(format!("side_panel_{width}x{height}"), reader.screen());
    }
}

#[test]
fn agency_picker() {
    for (width, height) in SIZES {
        let mut reader = Reader::new(width, height);
        reader.typed("a");
        reader.keys(&[KeyCode::Down, KeyCode::Char(' '), KeyCode::Down]);
        insta::assert_snapshot!(format!("agency_picker_{width}x{height}"), reader.screen());
    }
}

#[test]
fn date_prompt() {
    for (width, height) in SIZES {
        let mut reader = Reader::new(width, height);
        reader.typed("d2026-10-0");
        insta::assert_snapshot!(format!("date_prompt_{width}x{height}"), reader.screen());
    }
}

#[test]
fn help() {
    for (width, height) in SIZES {
        let mut reader = Reader::new(width, height);
        reader.typed("?");
        insta::assert_snapshot!(format!("help_{width}x{height}"), reader.screen());
    }
}

#[test]
fn empty_result() {
    for (width, height) in SIZES {
        let mut reader = Reader::new(width, height);
        reader.typed("/zzyzx ");
        reader.keys(&[KeyCode::Enter]);
        assert!(reader.app.rows.is_empty());
        insta::assert_snapshot!(format!("empty_result_{width}x{height}"), reader.screen());
    }
}

#[test]
fn too_small() {
    let reader = Reader::new(30, 8);
    insta::assert_snapshot!("too_small_30x8", reader.screen());
}

#[test]
fn filtering_by_agency_and_date_through_keys() {
    let mut reader = Reader::new(160, 48);
    reader.typed("akuna");
    reader.keys(&[KeyCode::Enter]);
    assert_eq!(reader.app.filter.to_string(), "agency:KUNA");
    assert_eq!(reader.app.rows.len(), 8);
    let screen = reader.screen();
    assert!(screen.contains(" 8 of 29 articles"), "{screen}");
    assert!(screen.contains("Filter: agency:KUNA"), "{screen}");
    reader.typed("d2026-10-07");
    reader.keys(&[KeyCode::Enter]);
    assert_eq!(reader.app.filter.to_string(), "agency:KUNA date:2026-10-07");
    assert_eq!(reader.app.rows.len(), 3);
    assert!(
        reader.app.timeline.counts.len() > 1,
        "the strip shows days around the date filter"
    );
    reader.typed("]");
    assert_eq!(reader.app.filter.to_string(), "agency:KUNA date:2026-10-08");
    reader.typed("c");
    assert_eq!(reader.app.rows.len(), 29);
}

#[test]
fn read_and_star_state_is_stored_in_the_library() {
    let mut reader = Reader::new(160, 48);
    let row = reader.app.rows[0].row;
    reader.keys(&[KeyCode::Enter]);
    reader.typed("*");
    let stored = reader
        .executor
        .library()
        .article_at(i64::from(row))
        .expect("article");
    assert!(stored.read && stored.starred);
    let index = reader.executor.library().index().expect("index");
    assert!(
        index
            .rows()
            .iter()
            .any(|r| r.row == row && r.is_read() && r.is_starred())
    );
    assert!(
        reader
            .screen()
            .lines()
            .nth(2)
            .is_some_and(|line| line.starts_with("* "))
    );
}

/// Where `word` is written in the detail body with a style that includes `want`.
fn styled_word(buffer: &Buffer, left: u16, word: &str, want: Style) -> bool {
    let area = buffer.area;
    for y in 0..area.height {
        let symbols: Vec<&str> = (0..area.width).map(|x| buffer[(x, y)].symbol()).collect();
        let chars: Vec<char> = word.chars().collect();
        for x in usize::from(left)..symbols.len().saturating_sub(chars.len()) {
            let matches = chars
                .iter()
                .enumerate()
                .all(|(i, c)| symbols[x + i] == c.to_string());
            if !matches {
                continue;
            }
            let cell = &buffer[(x as u16, y)];
            let fg_ok = want.fg.is_none_or(|fg| cell.fg == fg);
            let bg_ok = want.bg.is_none_or(|bg| cell.bg == bg);
            if fg_ok && bg_ok && cell.modifier.contains(want.add_modifier) {
                return true;
            }
        }
    }
    false
}

#[test]
fn every_highlight_kind_has_its_style() {
    type Wanted = (&'static str, fn(&Marks) -> bool, Role);
    let kinds: [Wanted; 9] = [
        (
            "person",
            |m| m.entity.is_some_and(|k| k.name() == "person"),
            Role::Person,
        ),
        (
            "organisation",
            |m| m.entity.is_some_and(|k| k.name() == "organization"),
            Role::Organization,
        ),
        (
            "location",
            |m| m.entity.is_some_and(|k| k.name() == "location"),
            Role::Location,
        ),
        (
            "group",
            |m| m.entity.is_some_and(|k| k.name() == "group"),
            Role::Group,
        ),
        (
            "misc",
            |m| m.entity.is_some_and(|k| k.name() == "misc"),
            Role::Misc,
        ),
        ("date", |m| m.date && m.entity.is_none(), Role::Date),
        ("speaker", |m| m.speaker, Role::Speaker),
        ("cue", |m| m.cue && m.entity.is_none() && !m.date, Role::Cue),
        (
            "content",
            |m| m.content && m.entity.is_none() && !m.date,
            Role::Content,
        ),
    ];
    let mut reader = Reader::new(160, 48);
    let articles = reader.stored();
    let theme = reader.app.config.theme.clone();
    for (name, wanted, role) in kinds {
        // The first article with such a piece early enough to be on screen.
        let found = articles.iter().find_map(|stored| {
            let body = &stored.article.body;
            pieces(body, &stored.annotations)
                .into_iter()
                .filter(|p| p.span.start < 1_500 && wanted(&p.marks))
                .find_map(|p| {
                    let word = p
                        .span
                        .text(body)
                        .split_whitespace()
                        .find(|w| w.chars().count() >= 3)?;
                    Some((
                        stored.row,
                        word.trim_matches(|c: char| !c.is_alphanumeric()).to_string(),
                    ))
                })
                .filter(|(_, word)| word.chars().count() >= 3)
        });
        let (row, word) = found.unwrap_or_else(|| panic!("no sample article has a {name}"));
        reader.select(row);
        let buffer = reader.buffer();
        let panes = reader.app.panes().expect("panes");
        assert!(
            styled_word(&buffer, panes.detail_body.x, &word, theme.style(role)),
            "{name} {word:?} not styled {:?} in\n{}",
            theme.style(role),
            text(&buffer)
        );
    }
}

#[test]
fn the_selected_row_is_highlighted_focused_or_not() {
    let mut reader = Reader::new(160, 48);
    reader.act(Action::MoveDown);
    let panes = reader.app.panes().expect("panes");
    let y = panes.list_body.y + 1;
    let buffer = reader.buffer();
    for x in panes.list_body.x..panes.list_body.right() {
        assert_eq!(
            (buffer[(x, y)].fg, buffer[(x, y)].bg),
            (Color::Black, Color::Cyan),
            "column {x}"
        );
    }
    assert_ne!(
        buffer[(panes.list_body.x, y - 1)].bg,
        Color::Cyan,
        "other rows are not"
    );
    reader.act(Action::Open);
    let buffer = reader.buffer();
    assert!(
        buffer[(panes.list_body.x + 3, y)]
            .modifier
            .contains(Modifier::REVERSED)
    );
}

#[test]
fn no_color_uses_only_bold_underline_italic_and_reverse() {
    let mut reader = Reader::with_palette(160, 48, Palette::NoColor);
    reader.typed("pn");
    let buffer = reader.buffer();
    for cell in buffer.content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
    }
    let panes = reader.app.panes().expect("panes");
    assert!(
        buffer[(panes.list_body.x, panes.list_body.y)]
            .modifier
            .contains(Modifier::REVERSED)
    );
}

#[test]
fn control_characters_never_reach_the_buffer() {
    let mut reader = Reader::new(160, 48);
    reader.typed("p");
    let row = reader.app.rows[0].row;
    let nasty = "Evil\u{1b}[2J\u{1b}[31mred\u{7} bell \u{1b}]0;title\u{7} osc \u{1b}]8;;http://x\u{1b}\\link \
                 \u{9b}31m c1 \u{85}next \u{8}back\u{0}nul\u{7f}del\rreturn\ttab \u{202e}bidi";
    let mut stored = reader
        .executor
        .library()
        .article_at(i64::from(row))
        .expect("article");
    stored.article.title = Some(format!("Title {nasty}"));
    stored.article.byline = Some(format!("By {nasty}"));
    stored.article.syndicator = Some(nasty.to_string());
    stored.article.body =
        format!("Minister Salem Al-Rifai said {nasty} on Tuesday.\n\n\"Quote {nasty},\" he said.");
    stored.annotations = newsdesk::annotate::annotate(&stored.article.body, None);
    reader.act(Action::ArticleLoaded(Box::new(stored)));
    reader.act(Action::Headlines(vec![(row, format!("Headline {nasty}"))]));
    reader.act(Action::Failed(format!("library: {nasty}")));
    let buffer = reader.buffer();
    for cell in buffer.content() {
        for c in cell.symbol().chars() {
            assert!(
                !c.is_control() && !('\u{202a}'..='\u{202e}').contains(&c),
                "{c:?} reached the buffer:\n{}",
                text(&buffer)
            );
        }
    }
    let screen = text(&buffer);
    assert!(screen.contains("Headline Evilred bell"), "{screen}");
    assert!(screen.contains("Title Evilred"), "{screen}");
}

#[test]
fn wide_and_right_to_left_text_keeps_columns() {
    let mut reader = Reader::new(160, 48);
    let rows: Vec<u32> = reader.app.rows.iter().take(3).map(|r| r.row).collect();
    let headlines = [
        "中文标题：海湾水安全峰会在科威特开幕，各国领导人出席并签署宣言",
        "🌊🌊 Gulf 🌊 water 🌊 fund 🌊 pledges pass 🌊 two billion dollars 🌊🌊🌊🌊",
        "القمة الخليجية للأمن المائي تختتم أعمالها في الكويت بإعلان مشترك",
    ];
    reader.act(Action::Headlines(
        rows.iter()
            .copied()
            .zip(headlines.iter().map(|h| h.to_string()))
            .collect(),
    ));
    let buffer = reader.buffer();
    let panes = reader.app.panes().expect("panes");
    for y in panes.list_body.y..panes.list_body.y + 3 {
        let width: usize = row_symbols(&buffer, y, panes.list_body.x, panes.list_body.right())
            .iter()
            .map(|symbol| unicode_width::UnicodeWidthStr::width(*symbol).max(1))
            .sum();
        assert_eq!(
            width,
            usize::from(panes.list_body.width),
            "row {y}:\n{}",
            text(&buffer)
        );
        assert_eq!(
            buffer[(panes.detail.x, y)].symbol(),
            "│",
            "the separator stays put on row {y}"
        );
    }
    let screen = text(&buffer);
    assert!(screen.contains("中文标题"), "{screen}");
    assert!(screen.contains('…'), "long headlines are cut");
}

mod end_to_end {
    //! The real binary in a pseudo-terminal: start on a library of the samples, filter by
    //! agency, open an article, quit, and check the terminal was put back; and the same when a
    //! SIGTERM ends it.

    use std::io::{Read, Write};
    use std::num::NonZeroU16;
    use std::path::{Path, PathBuf};
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, Instant};

    use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

    /// What the binary wrote, and the screen it makes.
    struct Screen {
        bytes: Vec<u8>,
        parser: vt100::Parser,
    }

    /// The reader running in a pseudo-terminal of 120×40 on a library of the samples.
    struct Session {
        _dir: tempfile::TempDir,
        library: PathBuf,
        child: Box<dyn Child + Send + Sync>,
        master: Box<dyn MasterPty + Send>,
        input: Box<dyn Write + Send>,
        screen: Arc<Mutex<Screen>>,
        reading: std::thread::JoinHandle<()>,
    }

    impl Session {
        fn start() -> Session {
            let dir = tempfile::TempDir::new().expect("temp dir");
            let library = dir.path().join("library.db");
            let binary = env!("CARGO_BIN_EXE_newsdesk");
            let status = std::process::Command::new(binary)
                .arg("--library")
                .arg(&library)
                .args(["import", "--samples"])
                .env("XDG_CONFIG_HOME", dir.path())
                .output()
                .expect("import runs");
            assert!(status.status.success(), "{status:?}");
            let pty = native_pty_system()
                .openpty(PtySize {
                    rows: 40,
                    cols: 120,
                    pixel_width: 0,
                    pixel_height: 0,
                })
                .expect("a pseudo-terminal");
            let mut command = CommandBuilder::new(binary);
            command.arg("--library");
            command.arg(&library);
            command.env("XDG_CONFIG_HOME", dir.path());
            command.env("TERM", "xterm-256color");
            command.env_remove("NO_COLOR");
            let child = pty.slave.spawn_command(command).expect("the reader starts");
            drop(pty.slave);
            let mut output = pty.master.try_clone_reader().expect("reader");
            let input = pty.master.take_writer().expect("writer");
            let screen = Arc::new(Mutex::new(Screen {
                bytes: Vec::new(),
                parser: vt100::Parser::new(
                    NonZeroU16::new(40).expect("rows"),
                    NonZeroU16::new(120).expect("columns"),
                    0,
                ),
            }));
            let sink = Arc::clone(&screen);
            let reading = std::thread::spawn(move || {
                let mut chunk = [0u8; 8192];
                while let Ok(n) = output.read(&mut chunk) {
                    if n == 0 {
                        break;
                    }
                    let mut screen = sink.lock().expect("lock");
                    screen.bytes.extend_from_slice(&chunk[..n]);
                    screen.parser.process(&chunk[..n]);
                }
            });
            Session {
                _dir: dir,
                library,
                child,
                master: pty.master,
                input,
                screen,
                reading,
            }
        }

        fn send(&mut self, keys: &str) {
            self.input.write_all(keys.as_bytes()).expect("keys sent");
            self.input.flush().expect("flush");
        }

        fn wait_for(&self, what: &str, wanted: impl Fn(&str) -> bool) -> String {
            let deadline = Instant::now() + Duration::from_secs(60);
            loop {
                let contents = self.screen.lock().expect("lock").parser.screen().contents();
                if wanted(&contents) {
                    return contents;
                }
                assert!(
                    Instant::now() < deadline,
                    "timed out waiting for {what}; the screen:\n{contents}"
                );
                std::thread::sleep(Duration::from_millis(20));
            }
        }

        /// Waits for the reader to end; its exit status and everything it wrote.
        fn finish(mut self) -> (ExitStatus, Arc<Mutex<Screen>>, PathBuf, tempfile::TempDir) {
            let deadline = Instant::now() + Duration::from_secs(30);
            let status = loop {
                if let Some(status) = self.child.try_wait().expect("wait") {
                    break status;
                }
                assert!(Instant::now() < deadline, "the reader did not end");
                std::thread::sleep(Duration::from_millis(20));
            };
            drop(self.master);
            let _ = self.reading.join();
            (status, self.screen, self.library, self._dir)
        }
    }

    /// Checks that the terminal was put back: main screen, cursor shown, mouse capture off.
    fn assert_restored(screen: &Screen) {
        let parsed = screen.parser.screen();
        assert!(!parsed.alternate_screen(), "the alternate screen was left");
        assert!(!parsed.hide_cursor(), "the cursor is shown");
        let bytes = String::from_utf8_lossy(&screen.bytes);
        let entered = bytes
            .rfind("\u{1b}[?1049h")
            .expect("entered the alternate screen");
        let left = bytes.rfind("\u{1b}[?1049l").expect("left the alternate screen");
        assert!(left > entered);
        assert!(bytes[left..].contains("\u{1b}[?25h") || bytes[entered..left].contains("\u{1b}[?25h"));
        assert!(bytes.contains("\u{1b}[?1000l"), "mouse capture turned off");
    }

    fn read_articles(library: &Path) -> usize {
        let index = newsdesk::store::Library::open(library, newsdesk::store::Mode::Read)
            .and_then(|l| l.index())
            .expect("library");
        index.rows().iter().filter(|r| r.is_read()).count()
    }

    #[test]
    fn filter_open_quit_and_the_terminal_is_restored() {
        let mut session = Session::start();
        session.wait_for("the list", |s| s.contains("29 of 29 articles"));
        session.send("a");
        session.wait_for("the agency picker", |s| {
            s.contains("Agencies") && s.contains("Kuwait News Agency")
        });
        session.send("kuna");
        session.wait_for("the narrowed picker", |s| s.contains("> kuna"));
        session.send("\r");
        let filtered = session.wait_for("the filtered list", |s| s.contains("8 of 29 articles"));
        assert!(filtered.contains("Filter: agency:KUNA"), "{filtered}");
        session.send("\r");
        session.wait_for("the opened article", |s| s.contains("Kuwait News Agency (KUNA)"));
        session.send("q");
        let (status, screen, library, _dir) = session.finish();
        assert!(status.success(), "{status:?}");
        assert_restored(&screen.lock().expect("lock"));
        assert_eq!(read_articles(&library), 1, "the opened article is read");
    }

    #[test]
    fn sigterm_restores_the_terminal_and_exits_as_signalled() {
        let session = Session::start();
        session.wait_for("the list", |s| s.contains("29 of 29 articles"));
        let pid = session.child.process_id().expect("a process id");
        let killed = std::process::Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()
            .expect("kill runs");
        assert!(killed.success());
        let (status, screen, _library, _dir) = session.finish();
        assert_eq!(status.exit_code(), 128 + 15, "{status:?}");
        assert_restored(&screen.lock().expect("lock"));
    }
}

mod configuration {
    //! The binary on good and bad configuration files: `config --default` reads back, and a bad
    //! entry stops the reader before it touches the terminal, naming file, entry and value.

    use std::io::Read;

    use portable_pty::{CommandBuilder, PtySize, native_pty_system};

    #[test]
    fn the_default_file_is_printed_and_reads_back() {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_newsdesk"))
            .args(["config", "--default"])
            .output()
            .expect("runs");
        assert!(output.status.success());
        let text = String::from_utf8(output.stdout).expect("UTF-8");
        assert!(
            text.contains("[keys]\n") && text.contains("quit = [\"q\", \"Ctrl+c\"]"),
            "{text}"
        );
        assert!(text.contains("[theme.no-color]\n"));
        let config = newsdesk::tui::config::Config::from_text(&text, newsdesk::tui::theme::Palette::Color)
            .expect("reads back");
        assert_eq!(
            config,
            newsdesk::tui::config::Config::defaults(newsdesk::tui::theme::Palette::Color).expect("defaults")
        );
    }

    #[test]
    fn a_bad_entry_is_a_start_up_error() {
        let home = tempfile::TempDir::new().expect("temp dir");
        let folder = home.path().join("newsdesk");
        std::fs::create_dir_all(&folder).expect("config folder");
        std::fs::write(folder.join("config.toml"), "[keys]\nquit = \"Ctrl+Foo\"\n").expect("config");
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 200,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_newsdesk"));
        command.arg("--library");
        command.arg(home.path().join("library.db"));
        command.env("XDG_CONFIG_HOME", home.path());
        let mut child = pty.slave.spawn_command(command).expect("starts");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let status = child.wait().expect("ends");
        drop(pty.master);
        let mut output = Vec::new();
        let _ = reader.read_to_end(&mut output);
        let text = String::from_utf8_lossy(&output);
        assert!(!status.success());
        let path = folder.join("config.toml");
        let expected = format!(
            "newsdesk: {}: keys.quit: unknown key \"Ctrl+Foo\"",
            path.display()
        );
        assert!(text.contains(&expected), "{text:?} lacks {expected:?}");
        assert!(!text.contains("\u{1b}[?1049h"), "the terminal was never switched");
    }
}
