//! The `newsdesk` command line: parses arguments and calls the library.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser, Subcommand};

/// jemalloc: threads that allocate and free as fast as an import's workers and writer wait
/// far less on it than on the system allocator.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

mod cli;

use newsdesk::annotate::output::AnnotatedArticle;
use newsdesk::article::Article;
use newsdesk::input::{self, InputError};
use newsdesk::printed::report::summary;
use newsdesk::samples::samples;

/// A terminal reader for wire copy: newsdesk parses agency articles (KUNA, WAM, QNA, Xinhua,
/// Reuters, AP, MENAFN and more) into date, agency, dateline, title and body.
///
/// With no command, newsdesk opens the reader on the library (the bundled samples while the
/// library is empty), or on the PATHs given; when standard output is not a terminal it lists
/// the articles instead.
#[derive(Parser)]
#[command(name = "newsdesk", version, after_help = EXAMPLES, subcommand_precedence_over_arg = true)]
struct Cli {
    /// The library file (default: $NEWSDESK_LIBRARY, else library.db in the data directory).
    #[arg(long, global = true, value_name = "FILE")]
    library: Option<PathBuf>,
    /// Files or folders to browse in a temporary library (nothing is imported).
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

const EXAMPLES: &str = "Examples:
  newsdesk                          open the reader on the library
  newsdesk wires/                   browse a folder of wire copy without importing it
  newsdesk | less                   list the bundled sample articles
  newsdesk parse story.txt          summarise the articles in a file
  newsdesk parse --jsonl wires/     every article under a folder, one JSON object per line
  curl -s URL | newsdesk parse -    read standard input";

#[derive(Subcommand)]
enum Command {
    /// Parse wire copy and print the articles found.
    #[command(after_help = PARSE_HELP)]
    Parse(ParseArgs),
    /// Find the people, organisations, places, groups, dates and statements in plain text.
    #[command(after_help = ANNOTATE_HELP)]
    Annotate(AnnotateArgs),
    /// Parse, annotate and store articles in the library.
    Import(cli::ImportArgs),
    /// Re-annotate the articles annotated by an older version of newsdesk.
    Reindex,
    /// List the library's articles that match a filter.
    List(cli::ListArgs),
    /// Show an article with its entities and statements.
    Show(cli::ShowArgs),
    /// Count articles by agency and month, with the top entities and speakers.
    Stats(cli::StatsArgs),
    /// Print the articles that match a filter as JSON lines that `import` reads back.
    Export(cli::ExportArgs),
    /// Write synthetic wire copy in many agency styles (for benchmarks).
    Generate(cli::GenerateArgs),
    /// Show the reader's configuration file: where it is, or the full default one.
    Config(ConfigArgs),
    /// Train one of the taggers on annotated data (for maintainers).
    #[command(after_help = TRAIN_HELP)]
    Train(TrainArgs),
}

const ANNOTATE_HELP: &str = "Output:
  By default the text with every annotation in brackets: [PER Blinken → Antony Blinken],
  [ORG ...], [LOC ...], [GRP ...] (nationalities, religious and political groups), [MISC ...],
  [TITLE ...] (a bare title standing for a person named earlier), [DATE ...]; and around them
  who said what: [SPEAKER ...] [CUE said] [CONTENT ...].
  With --jsonl, input lines {\"id\": ..., \"text\": ...} give output lines {\"id\", \"entities\":
  [{\"start\", \"end\", \"kind\", \"text\", \"canonical\" | \"resolved\"}], \"statements\":
  [{\"kind\": \"direct\" | \"indirect\" | \"mixed\", \"speaker\": {\"start\", \"end\", \"text\",
  \"canonical\"} | null, \"cue\": {...} | null, \"content\": {...}}]}. Offsets are in Unicode
  code points, each end one past the span.

Examples:
  newsdesk annotate story.txt --date 2024-03-26
  echo '{\"id\": \"1\", \"text\": \"Blinken said the talks would resume.\"}' | newsdesk annotate --jsonl";

#[derive(Args)]
struct ConfigArgs {
    /// Print the full default configuration (every key binding and style) to start from.
    #[arg(long)]
    default: bool,
}

#[derive(Args)]
struct AnnotateArgs {
    /// Read JSON lines {"id", "text"} and write one JSON line of annotations per input line.
    #[arg(long)]
    jsonl: bool,
    /// The publication date that relative dates (Tuesday, last week) are resolved against.
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<chrono::NaiveDate>,
    /// A plain-text file, or - for standard input (the default).
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
}

const TRAIN_HELP: &str = "Tasks:
  ner    the entity recogniser, from CoNLL-2003 (word ... NER-tag columns)
  pos    the part-of-speech tagger, from CoNLL-2003 (the second column)
  attribution  the who-said-what tagger, from a PolNeAR split folder (text/, attributions/)
The model is written to --out (the bundled ones are assets/models/ner.bin and pos.bin).
Training is deterministic: the same data and options give the same bytes.

Examples:
  newsdesk train ner --train conll2003/train.txt --epochs 11 --out assets/models/ner.bin
  newsdesk train pos --train conll2003/train.txt --epochs 8 --out assets/models/pos.bin
  newsdesk train attribution --train polnear/train --epochs 8 --out assets/models/attribution.bin";

/// What `newsdesk train` trains.
#[derive(Clone, Copy, clap::ValueEnum)]
enum TrainTask {
    /// The entity recogniser.
    Ner,
    /// The part-of-speech tagger.
    Pos,
    /// The attribution tagger (who said what).
    Attribution,
}

#[derive(Args)]
struct TrainArgs {
    /// What to train.
    #[arg(value_enum)]
    task: TrainTask,
    /// The training data.
    #[arg(long, value_name = "PATH")]
    train: PathBuf,
    /// Held-out data to report scores on after each epoch (never trained on).
    #[arg(long, value_name = "PATH")]
    heldout: Option<PathBuf>,
    /// Passes over the training data.
    #[arg(long, default_value_t = 11)]
    epochs: usize,
    /// For `ner`: also train on this many labelled agency articles written by the generator
    /// (`newsdesk generate N DIR --labelled --seed S` shows them).
    #[arg(long, value_name = "N", default_value_t = 0)]
    synthetic: usize,
    /// The seed of the labelled articles' generator.
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,
    /// Where to write the model.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

const PARSE_HELP: &str = "Inputs:
  Text files in any agency style (several articles per file are split apart), UTF-8 or
  Windows-1252; JSON and JSON Lines (.json, .jsonl, .ndjson): newsdesk's own output, read back
  unchanged, or exports with title/headline, body/text/content, date/published/publishedAt and
  source/agency fields. A folder is read recursively (hidden entries skipped); - is standard
  input (JSON when it starts with { or [).

Dates:
  A dateline without a year takes it from the best evidence in the article or its file (a
  filing stamp, a MENAFN id line, a page stamp, a full date in the text, a capture prefix),
  and else from the file's modification time.

Exit status:
  0 when every input gave articles, 1 when any input failed (each failure is reported on
  standard error as `newsdesk: PATH: problem`), 2 for a usage error.

Examples:
  newsdesk parse story.txt
  newsdesk parse --jsonl wires/ > articles.jsonl
  newsdesk parse --json export.json
  newsdesk parse --samples --jsonl";

#[derive(Args)]
struct ParseArgs {
    /// Print one JSON object per article, one per line.
    #[arg(long, conflicts_with = "json")]
    jsonl: bool,
    /// Print a JSON array of the articles.
    #[arg(long)]
    json: bool,
    /// Parse the bundled sample articles (as well as any PATHs).
    #[arg(long)]
    samples: bool,
    /// Files or folders to read; - reads standard input.
    #[arg(value_name = "PATH", required_unless_present = "samples")]
    paths: Vec<PathBuf>,
}

/// How articles are printed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Output {
    Summary,
    JsonLines,
    JsonArray,
}

fn main() -> ExitCode {
    let args = cli::options_before_filter(std::env::args_os().collect(), &Cli::command());
    let cli = Cli::parse_from(args);
    if cli.command.is_some() && !cli.paths.is_empty() {
        // `args_conflicts_with_subcommands` would also refuse `--library FILE import`.
        Cli::command()
            .error(
                clap::error::ErrorKind::ArgumentConflict,
                "PATHs to browse go without a command: `newsdesk PATH...`",
            )
            .exit();
    }
    let library = || cli::library_path(cli.library.as_deref());
    let result = match &cli.command {
        None if io::stdout().is_terminal() => anyhow_result(run_reader(&cli)),
        None if cli.paths.is_empty() => run_samples(),
        None => run_parse(&ParseArgs {
            jsonl: false,
            json: false,
            samples: false,
            paths: cli.paths.clone(),
        }),
        Some(Command::Config(args)) => anyhow_result(run_config(args)),
        Some(Command::Parse(args)) => run_parse(args),
        Some(Command::Annotate(args)) => run_annotate(args),
        Some(Command::Train(args)) => run_train(args),
        Some(Command::Generate(args)) => anyhow_result(cli::run_generate(args)),
        Some(Command::Import(args)) => anyhow_result(library().and_then(|l| cli::run_import(&l, args))),
        Some(Command::Reindex) => anyhow_result(library().and_then(|l| cli::run_reindex(&l))),
        Some(Command::List(args)) => anyhow_result(library().and_then(|l| cli::run_list(&l, args))),
        Some(Command::Show(args)) => anyhow_result(library().and_then(|l| cli::run_show(&l, args))),
        Some(Command::Stats(args)) => anyhow_result(library().and_then(|l| cli::run_stats(&l, args))),
        Some(Command::Export(args)) => anyhow_result(library().and_then(|l| cli::run_export(&l, args))),
    };
    match result {
        Ok(code) => code,
        // A closed pipe (`newsdesk parse x | head`) is not an error worth a message.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("newsdesk: {error}");
            ExitCode::FAILURE
        }
    }
}

/// An `anyhow` result as the `io` results of the other commands (a closed pipe stays one).
fn anyhow_result(result: anyhow::Result<ExitCode>) -> io::Result<ExitCode> {
    result.map_err(|error| {
        let broken_pipe = error.chain().any(|cause| {
            cause
                .downcast_ref::<io::Error>()
                .map(io::Error::kind)
                .or_else(|| {
                    cause
                        .downcast_ref::<serde_json::Error>()
                        .and_then(|e| e.io_error_kind())
                })
                == Some(io::ErrorKind::BrokenPipe)
        });
        if broken_pipe {
            io::Error::from(io::ErrorKind::BrokenPipe)
        } else {
            io::Error::other(format!("{error:#}"))
        }
    })
}

/// `newsdesk [PATH...]` on a terminal: the reader.
fn run_reader(cli: &Cli) -> anyhow::Result<ExitCode> {
    let source = if cli.paths.is_empty() {
        newsdesk::tui::Source::Library(cli::library_path(cli.library.as_deref())?)
    } else {
        newsdesk::tui::Source::Paths(cli.paths.clone())
    };
    Ok(match newsdesk::tui::run(&source)? {
        newsdesk::tui::Ending::Quit => ExitCode::SUCCESS,
        // As a shell reports a process a signal ended: 128 plus the signal's number.
        newsdesk::tui::Ending::Signal(signal) => {
            ExitCode::from(u8::try_from(128 + signal).unwrap_or(u8::MAX))
        }
    })
}

/// `newsdesk config`: the configuration file's path, or with `--default` the full default file.
fn run_config(args: &ConfigArgs) -> anyhow::Result<ExitCode> {
    use newsdesk::tui::config;
    if args.default {
        print!("{}", config::default_file()?);
    } else {
        match config::config_path() {
            Some(path) => println!("{}", path.display()),
            None => anyhow::bail!("no home directory to keep a configuration in"),
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `newsdesk` alone, not on a terminal: a summary of every bundled sample article.
fn run_samples() -> io::Result<ExitCode> {
    let stdout = io::stdout();
    let mut printer = Printer::new(stdout.lock(), Output::Summary);
    let mut failed = false;
    for sample in samples() {
        match sample.articles() {
            Ok(articles) => printer.print_all(&articles)?,
            Err(error) => failed |= report(&error),
        }
    }
    printer.finish()?;
    Ok(exit_code(failed))
}

fn run_parse(args: &ParseArgs) -> io::Result<ExitCode> {
    let output = if args.jsonl {
        Output::JsonLines
    } else if args.json {
        Output::JsonArray
    } else {
        Output::Summary
    };
    let stdout = io::stdout();
    let mut printer = Printer::new(stdout.lock(), output);
    let mut failed = false;
    if args.samples {
        for sample in samples() {
            match sample.articles() {
                Ok(articles) => printer.print_all(&articles)?,
                Err(error) => failed |= report(&error),
            }
        }
    }
    for input in input::expand(&args.paths) {
        match input.and_then(|input| input::read(&input)) {
            Ok(articles) => printer.print_all(&articles)?,
            Err(error) => failed |= report(&error),
        }
    }
    printer.finish()?;
    Ok(exit_code(failed))
}

/// `newsdesk annotate`: bracket markup of a text, or the JSON-lines protocol.
fn run_annotate(args: &AnnotateArgs) -> io::Result<ExitCode> {
    use newsdesk::annotate::{annotate, output};
    let (name, bytes) = match &args.file {
        Some(path) if path.as_os_str() != "-" => {
            let bytes = std::fs::read(path).map_err(|error| {
                io::Error::new(
                    error.kind(),
                    format!("{}: cannot read: {}", path.display(), error.kind()),
                )
            })?;
            (path.display().to_string(), bytes)
        }
        _ => {
            let mut bytes = Vec::new();
            io::Read::read_to_end(&mut io::stdin().lock(), &mut bytes)?;
            ("-".to_string(), bytes)
        }
    };
    let Ok(text) = newsdesk::input::decode::decode(&bytes) else {
        eprintln!("newsdesk: {name}: not text");
        return Ok(ExitCode::FAILURE);
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if !args.jsonl {
        let clean = newsdesk::wire::normalize::normalize(&text);
        let annotations = annotate(&clean, args.date);
        writeln!(out, "{}", output::markup(&clean, &annotations).trim_end())?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    #[derive(serde::Deserialize)]
    struct Request {
        id: serde_json::Value,
        text: String,
    }
    let mut failed = false;
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let request: Request = match serde_json::from_str(line) {
            Ok(request) => request,
            Err(error) => {
                eprintln!(
                    "newsdesk: {name}: invalid JSON at line {}, column {}: {error}",
                    number + 1,
                    error.column()
                );
                failed = true;
                continue;
            }
        };
        let annotations = annotate(&request.text, args.date);
        let reply = serde_json::json!({
            "id": request.id,
            "entities": output::json_entities(&request.text, &annotations),
            "statements": output::json_statements(&request.text, &annotations),
        });
        serde_json::to_writer(&mut out, &reply)?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(exit_code(failed))
}

/// `newsdesk train`: trains a model, reporting held-out scores per epoch.
fn run_train(args: &TrainArgs) -> io::Result<ExitCode> {
    use newsdesk::annotate::ner::{conll::parse_conll, train, training_document};
    let read = |path: &PathBuf| {
        std::fs::read_to_string(path)
            .map_err(|error| io::Error::new(error.kind(), format!("{}: {error}", path.display())))
    };
    let model = match args.task {
        TrainTask::Ner => {
            let mut training: Vec<_> = parse_conll(&read(&args.train)?)
                .iter()
                .map(training_document)
                .collect();
            if args.synthetic > 0 {
                let mut corpus = newsdesk::corpus::labelled::LabelledCorpus::new(args.seed)
                    .map_err(|error| io::Error::other(error.to_string()))?;
                training.extend(
                    (0..args.synthetic)
                        .map(|_| newsdesk::annotate::ner::labelled_document(&corpus.article())),
                );
            }
            let heldout: Vec<_> = match &args.heldout {
                Some(path) => parse_conll(&read(path)?).iter().map(training_document).collect(),
                None => Vec::new(),
            };
            let options = train::TrainOptions {
                epochs: args.epochs,
                ..train::TrainOptions::default()
            };
            train::train(&training, options, |report, model| {
                let mut line = format!(
                    "epoch {:2}: {} mistakes in {} tokens",
                    report.epoch, report.mistakes, report.tokens
                );
                if !heldout.is_empty() {
                    let scores = train::evaluate(model, &heldout);
                    for (name, score) in ["PER", "ORG", "LOC", "MISC", "all"].iter().zip(scores) {
                        line.push_str(&format!("  {name} {:.2}", score.f1()));
                    }
                }
                eprintln!("{line}");
            })
        }
        TrainTask::Pos => {
            let tagged = |text: &str| -> Vec<(Vec<String>, Vec<String>)> {
                parse_conll(text)
                    .into_iter()
                    .flat_map(|document| document.sentences)
                    .map(|sentence| (sentence.tokens, sentence.parts_of_speech))
                    .collect()
            };
            let training = tagged(&read(&args.train)?);
            let heldout = match &args.heldout {
                Some(path) => tagged(&read(path)?),
                None => Vec::new(),
            };
            newsdesk::annotate::pos::train(&training, args.epochs, |epoch, model| {
                let mut line = format!("epoch {epoch:2}");
                if !heldout.is_empty() {
                    line.push_str(&format!(
                        "  accuracy {:.2}",
                        newsdesk::annotate::pos::accuracy(model, &heldout)
                    ));
                }
                eprintln!("{line}");
            })
        }
        TrainTask::Attribution => {
            use newsdesk::annotate::attribution::{brat::read_split, tagger, training_paragraphs};
            let read_dir = |path: &PathBuf| {
                read_split(path)
                    .map_err(|error| io::Error::new(error.kind(), format!("{}: {error}", path.display())))
            };
            let training: Vec<_> = read_dir(&args.train)?
                .iter()
                .flat_map(training_paragraphs)
                .collect();
            let heldout: Vec<_> = match &args.heldout {
                Some(path) => read_dir(path)?.iter().flat_map(training_paragraphs).collect(),
                None => Vec::new(),
            };
            tagger::train(&training, args.epochs, |epoch, model| {
                let mut line = format!("epoch {epoch:2}");
                if !heldout.is_empty() {
                    let [source, cue, content] = tagger::evaluate(model, &heldout);
                    line.push_str(&format!(
                        "  source {source:.1}  cue {cue:.1}  content {content:.1}"
                    ));
                }
                eprintln!("{line}");
            })
        }
    };
    std::fs::write(&args.out, &model)
        .map_err(|error| io::Error::new(error.kind(), format!("{}: {error}", args.out.display())))?;
    eprintln!("wrote {} ({} bytes)", args.out.display(), model.len());
    Ok(ExitCode::SUCCESS)
}

/// Reports an input failure on standard error; returns true.
fn report(error: &InputError) -> bool {
    eprintln!("newsdesk: {error}");
    true
}

fn exit_code(failed: bool) -> ExitCode {
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes articles in the chosen output form, streaming as they come.
struct Printer<W: Write> {
    out: BufWriter<W>,
    output: Output,
    printed: usize,
}

impl<W: Write> Printer<W> {
    fn new(out: W, output: Output) -> Self {
        Printer {
            out: BufWriter::new(out),
            output,
            printed: 0,
        }
    }

    fn print_all(&mut self, articles: &[Article]) -> io::Result<()> {
        for article in articles {
            self.print(article)?;
        }
        Ok(())
    }

    fn print(&mut self, article: &Article) -> io::Result<()> {
        match self.output {
            Output::Summary => {
                if self.printed > 0 {
                    writeln!(self.out)?;
                }
                self.out.write_all(summary(article).as_bytes())?;
            }
            Output::JsonLines => {
                serde_json::to_writer(&mut self.out, &AnnotatedArticle::new(article))?;
                writeln!(self.out)?;
            }
            Output::JsonArray => {
                self.out
                    .write_all(if self.printed == 0 { b"[\n" } else { b",\n" })?;
                serde_json::to_writer_pretty(&mut self.out, &AnnotatedArticle::new(article))?;
            }
        }
        self.printed += 1;
        Ok(())
    }

    fn finish(mut self) -> io::Result<()> {
        if self.output == Output::JsonArray {
            self.out
                .write_all(if self.printed == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()
    }
}
