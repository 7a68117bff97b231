//! The library's subcommands: import, reindex, list, show, stats, export and generate. Each
//! opens the library, calls the store and prints.

use std::ffi::OsString;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result, anyhow, bail};
use clap::Args;

use newsdesk::corpus::Corpus;
use newsdesk::corpus::labelled::LabelledCorpus;
use newsdesk::printed::printout::{self, Colour, thousands};
use newsdesk::query::Filter;
use newsdesk::store::export::ExportLine;
use newsdesk::store::import::{self, Options, Sources, Tally};
use newsdesk::store::select::{Selection, Sort, select};
use newsdesk::store::{Index, Library, Mode, default_path, stats};

/// Where the library is: `--library`, else `$NEWSDESK_LIBRARY`, else the data directory.
pub fn library_path(given: Option<&Path>) -> Result<PathBuf> {
    match given {
        Some(path) => Ok(path.to_path_buf()),
        None => default_path()
            .ok_or_else(|| anyhow!("no home directory to keep the library in; give --library PATH")),
    }
}

/// The arguments of `newsdesk import`.
#[derive(Args)]
pub struct ImportArgs {
    /// Files or folders of wire copy or JSON exports; - reads standard input.
    #[arg(value_name = "PATH", required_unless_present = "samples")]
    paths: Vec<PathBuf>,
    /// Import the sample articles bundled with newsdesk (as well as any PATHs).
    #[arg(long)]
    samples: bool,
    /// Parsing and annotating threads (default: one per core).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Articles stored per transaction.
    #[arg(long, value_name = "N", default_value_t = newsdesk::store::import::DEFAULT_BATCH)]
    batch: usize,
    /// Print a progress line after every N articles when not on a terminal.
    #[arg(long, value_name = "N", default_value_t = 10_000)]
    progress_every: usize,
}

/// `newsdesk import`.
pub fn run_import(library: &Path, args: &ImportArgs) -> Result<ExitCode> {
    let mut library = Library::open(library, Mode::Create)?;
    let options = Options {
        batch: args.batch.max(1),
        threads: args.threads.unwrap_or_else(|| Options::default().threads).max(1),
    };
    let sources = Sources {
        paths: args.paths.clone(),
        samples: args.samples,
    };
    let started = Instant::now();
    let tally = if io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(0);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:30} {pos}/{len} files  {msg}  {elapsed_precise} (ETA {eta})",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        let result = import::import(&mut library, &sources, options, &mut |tally: &Tally| {
            bar.set_length(tally.files as u64);
            bar.set_position(tally.files_done as u64);
            bar.set_message(format!(
                "{} articles ({}/s)",
                thousands(tally.imported),
                thousands(rate(tally.imported, started))
            ));
        });
        bar.finish_and_clear();
        result?
    } else {
        let every = args.progress_every.max(1);
        let mut next = every;
        import::import(&mut library, &sources, options, &mut |tally: &Tally| {
            let seen = tally.imported + tally.already;
            if seen >= next {
                eprintln!(
                    "{} articles imported, {} already in the library, {}/{} files ({}/s)",
                    thousands(tally.imported),
                    thousands(tally.already),
                    tally.files_done,
                    tally.files,
                    thousands(rate(tally.imported, started))
                );
                next = (seen / every + 1) * every;
            }
        })?
    };
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{} imported, {} already in the library, {} failed ({:.1} s, {}/s)",
        thousands(tally.imported),
        thousands(tally.already),
        match tally.failed_files {
            1 => "1 file".to_string(),
            n => format!("{} files", thousands(n)),
        },
        seconds,
        thousands(rate(tally.imported, started)),
    );
    for failure in &tally.failures {
        eprintln!("newsdesk: {failure}");
    }
    Ok(if tally.failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn rate(count: usize, started: Instant) -> usize {
    let seconds = started.elapsed().as_secs_f64();
    if seconds > 0.0 {
        (count as f64 / seconds) as usize
    } else {
        0
    }
}

/// `newsdesk reindex`.
pub fn run_reindex(library: &Path) -> Result<ExitCode> {
    let mut library = Library::open(library, Mode::Write)?;
    let started = Instant::now();
    let done = import::reindex(&mut library, Options::default(), &mut |done, total| {
        if total > 0 && done < total {
            eprintln!(
                "{} of {} articles re-annotated",
                thousands(done),
                thousands(total)
            );
        }
    })?;
    println!(
        "{} articles re-annotated ({:.1} s)",
        thousands(done),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

/// The subcommands that take a filter.
const FILTERING: [&str; 3] = ["list", "stats", "export"];

/// The command line with the options of a filtering command moved before its filter, so that
/// `list agency:KUNA --limit 5` means what it says: the filter takes every word after it,
/// negations (`-term`) included, and would read a later option as part of itself. A word
/// starting with `--` is never a filter term; everything after a bare `--` is left as it is.
pub fn options_before_filter(args: Vec<OsString>, command: &clap::Command) -> Vec<OsString> {
    let takes_value = |scope: &clap::Command, long: &str| {
        scope
            .get_arguments()
            .chain(command.get_arguments())
            .find(|arg| arg.get_long() == Some(long))
            .is_some_and(|arg| arg.get_action().takes_values())
    };
    // The subcommand: the first word that is not an option of newsdesk itself or its value.
    let mut at = 1;
    while let Some(text) = args.get(at).and_then(|arg| arg.to_str()) {
        match text.strip_prefix("--") {
            Some(long) if !long.contains('=') && takes_value(command, long) => at += 2,
            Some(_) => at += 1,
            None => break,
        }
    }
    let Some(subcommand) = args
        .get(at)
        .and_then(|arg| arg.to_str())
        .filter(|name| FILTERING.contains(name))
        .and_then(|name| command.find_subcommand(name))
    else {
        return args;
    };
    let mut options = Vec::new();
    let mut words = Vec::new();
    let mut rest = args[at + 1..].iter();
    while let Some(arg) = rest.next() {
        match arg.to_str() {
            Some("--") => {
                words.push(arg.clone());
                words.extend(rest.by_ref().cloned());
            }
            Some(text) if text.starts_with("--") => {
                options.push(arg.clone());
                if !text.contains('=') && takes_value(subcommand, &text[2..]) {
                    options.extend(rest.next().cloned());
                }
            }
            _ => words.push(arg.clone()),
        }
    }
    let mut reordered = args[..=at].to_vec();
    reordered.extend(options);
    reordered.extend(words);
    reordered
}

/// The filter words given on the command line, parsed as one filter.
fn parse_filter(words: &[String]) -> Result<Filter> {
    let text = words.join(" ");
    Filter::parse(&text).map_err(|error| anyhow!("bad filter {text:?}: {error}"))
}

/// The filter and order shared by list, stats and export.
#[derive(Args)]
pub struct FilterArgs {
    /// The filter: agency:KUNA,WAM date:2024-03 since:7d entity:"Antony Blinken" speaker:Miller
    /// place:Washington is:unread is:starred, free words, "phrases", -negations.
    #[arg(value_name = "FILTER", allow_hyphen_values = true)]
    filter: Vec<String>,
}

/// The articles a command's filter selects, with the library and its index.
fn selected(path: &Path, filter: &FilterArgs, sort: Sort) -> Result<(Library, Index, Selection)> {
    let filter = parse_filter(&filter.filter)?;
    let library = Library::open(path, Mode::Read)?;
    let index = library.index()?;
    let today = chrono::Local::now().date_naive();
    let selection = select(&library, &index, &filter, today, sort)?;
    Ok((library, index, selection))
}

/// The arguments of `newsdesk list`.
#[derive(Args)]
pub struct ListArgs {
    #[command(flatten)]
    filter: FilterArgs,
    /// Print one JSON object per article.
    #[arg(long)]
    json: bool,
    /// The most articles to print (0: all).
    #[arg(long, value_name = "N", default_value_t = 50)]
    limit: usize,
    /// The order: -date (newest first), date, or agency.
    #[arg(
        long,
        value_name = "ORDER",
        default_value = "-date",
        allow_hyphen_values = true
    )]
    sort: Sort,
}

/// `newsdesk list`.
pub fn run_list(library: &Path, args: &ListArgs) -> Result<ExitCode> {
    let (library, index, selection) = selected(library, &args.filter, args.sort)?;
    let limit = if args.limit == 0 { usize::MAX } else { args.limit };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for row in selection.rows.iter().take(limit) {
        let id = library.id_at(i64::from(row.row))?.to_string();
        let headline = library.headline(i64::from(row.row))?;
        if args.json {
            let line = serde_json::json!({
                "id": id,
                "date": row.date(),
                "agency": index.agency(row.agency).map(|a| &a.abbr),
                "place": index.place(row.place),
                "title": headline,
                "read": row.is_read(),
                "starred": row.is_starred(),
            });
            serde_json::to_writer(&mut out, &line)?;
            writeln!(out)?;
        } else {
            writeln!(out, "{}", printout::list_line(&id, row, &index, &headline))?;
        }
    }
    out.flush()?;
    let shown = selection.rows.len().min(limit);
    if !args.json && shown < selection.rows.len() {
        eprintln!(
            "{} of {} articles shown (--limit 0 shows all)",
            thousands(shown),
            thousands(selection.rows.len())
        );
    } else if selection.rows.is_empty() {
        eprintln!("no article matches");
    }
    Ok(ExitCode::SUCCESS)
}

/// The arguments of `newsdesk show`.
#[derive(Args)]
pub struct ShowArgs {
    /// The article's id (16 hex digits, or enough of its start to be unique).
    #[arg(value_name = "ID")]
    id: String,
    /// Print the article and its annotations as JSON.
    #[arg(long)]
    json: bool,
}

/// `newsdesk show`.
pub fn run_show(library: &Path, args: &ShowArgs) -> Result<ExitCode> {
    let library = Library::open(library, Mode::Read)?;
    let prefix = args.id.trim().to_ascii_lowercase();
    if prefix.is_empty() || prefix.len() > 16 || !prefix.chars().all(|c| c.is_ascii_hexdigit()) {
        bail!(
            "{:?} is not an article id: ids are 16 hex digits (a unique start will do)",
            args.id
        );
    }
    let rows = library.rows_with_id_prefix(&prefix, 2)?;
    let row = match rows.as_slice() {
        [row] => *row,
        [] => bail!("no article {prefix} in {}", library.path()),
        _ => bail!("{prefix} is the start of several article ids; give more digits"),
    };
    let stored = library.article_at(row)?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if args.json {
        serde_json::to_writer_pretty(&mut out, &ExportLine::new(&stored))?;
        writeln!(out)?;
    } else {
        let colour =
            if io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) {
                Colour::On
            } else {
                Colour::Off
            };
        out.write_all(printout::show(&stored, colour).as_bytes())?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The arguments of `newsdesk stats`.
#[derive(Args)]
pub struct StatsArgs {
    #[command(flatten)]
    filter: FilterArgs,
    /// How many entities and speakers to list.
    #[arg(long, value_name = "N", default_value_t = 15)]
    top: usize,
}

/// `newsdesk stats`.
pub fn run_stats(library: &Path, args: &StatsArgs) -> Result<ExitCode> {
    let (library, index, selection) = selected(library, &args.filter, Sort::Newest)?;
    let figures = stats::stats(&library, &index, &selection, args.top)?;
    print!("{}", printout::stats(&figures));
    Ok(ExitCode::SUCCESS)
}

/// The arguments of `newsdesk export`.
#[derive(Args)]
pub struct ExportArgs {
    #[command(flatten)]
    filter: FilterArgs,
}

/// `newsdesk export`: JSON lines, oldest first.
pub fn run_export(library: &Path, args: &ExportArgs) -> Result<ExitCode> {
    let (library, _index, selection) = selected(library, &args.filter, Sort::Oldest)?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for row in &selection.rows {
        let stored = library.article_at(i64::from(row.row))?;
        serde_json::to_writer(&mut out, &ExportLine::new(&stored))?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The arguments of `newsdesk generate`.
#[derive(Args)]
pub struct GenerateArgs {
    /// How many articles.
    #[arg(value_name = "N")]
    articles: usize,
    /// The folder to write them to (created when missing).
    #[arg(value_name = "DIR")]
    out: PathBuf,
    /// Articles per file.
    #[arg(long, value_name = "N", default_value_t = 100)]
    per_file: usize,
    /// The generator's seed: the same seed writes the same files.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Write the labelled training articles instead, every name in brackets with its kind
    /// (`[PER Ahmad Al-Ali] said ...`), the form the recogniser's in-domain training data takes.
    #[arg(long)]
    labelled: bool,
}

/// `newsdesk generate`: synthetic wire copy for benchmarks, or labelled training articles.
pub fn run_generate(args: &GenerateArgs) -> Result<ExitCode> {
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("{}: cannot create the folder", args.out.display()))?;
    let mut corpus = Corpus::new(args.seed);
    let mut labelled = if args.labelled {
        Some(LabelledCorpus::new(args.seed)?)
    } else {
        None
    };
    let per_file = args.per_file.max(1);
    let files = args.articles.div_ceil(per_file);
    for file in 0..files {
        let count = per_file.min(args.articles - file * per_file);
        let (path, text) = match labelled.as_mut() {
            Some(labelled) => {
                let text: Vec<String> = (0..count).map(|_| labelled.article().markup()).collect();
                (args.out.join(format!("labelled-{file:06}.txt")), text.join("\n"))
            }
            None => (args.out.join(format!("wire-{file:06}.txt")), corpus.text(count)),
        };
        std::fs::write(&path, text).with_context(|| format!("{}: cannot write", path.display()))?;
    }
    println!(
        "{} articles in {} files under {}",
        thousands(args.articles),
        thousands(files),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}
