//! The `newsdesk` command line: parses arguments and calls the library.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use newsdesk::article::Article;
use newsdesk::input::{self, InputError};
use newsdesk::report::summary;
use newsdesk::samples::samples;

/// A terminal reader for wire copy: newsdesk parses agency articles (KUNA, WAM, QNA, Xinhua,
/// Reuters, AP, MENAFN and more) into date, agency, dateline, title and body.
///
/// With no command, newsdesk lists the sample articles bundled with it.
#[derive(Parser)]
#[command(name = "newsdesk", version, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

const EXAMPLES: &str = "Examples:
  newsdesk                          list the bundled sample articles
  newsdesk parse story.txt          summarise the articles in a file
  newsdesk parse --jsonl wires/     every article under a folder, one JSON object per line
  curl -s URL | newsdesk parse -    read standard input";

#[derive(Subcommand)]
enum Command {
    /// Parse wire copy and print the articles found.
    #[command(after_help = PARSE_HELP)]
    Parse(ParseArgs),
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
    let cli = Cli::parse();
    let result = match cli.command {
        None => run_samples(),
        Some(Command::Parse(args)) => run_parse(&args),
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

/// `newsdesk` alone: a summary of every bundled sample article.
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
                serde_json::to_writer(&mut self.out, article)?;
                writeln!(self.out)?;
            }
            Output::JsonArray => {
                self.out
                    .write_all(if self.printed == 0 { b"[\n" } else { b",\n" })?;
                serde_json::to_writer_pretty(&mut self.out, article)?;
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
