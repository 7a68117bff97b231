//! Inputs: text files, directories (recursively), standard input, and JSON / JSON Lines
//! exports, turned into articles. Every failure names its file and says what is wrong, and one
//! bad file never stops the others.

pub mod decode;
pub mod json;

use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Local};

use crate::article::Article;
use crate::wire::{Origin, parse, parse_single};
use decode::{DecodeError, decode};
use json::{Exported, JsonItem, read_items};

/// The largest file newsdesk reads, in bytes.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Why an input gave no articles. `Display` gives the one-line message, starting with the path.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum InputError {
    /// The file could not be read (missing, unreadable, a special file).
    #[error("{path}: cannot read: {reason}")]
    Unreadable {
        /// The path as given.
        path: String,
        /// The operating system's reason.
        reason: String,
    },
    /// The file holds binary data.
    #[error("{path}: not text")]
    NotText {
        /// The path as given.
        path: String,
    },
    /// The file is empty or only white space.
    #[error("{path}: empty file")]
    Empty {
        /// The path as given.
        path: String,
    },
    /// The file holds text but no article.
    #[error("{path}: no article found")]
    NoArticle {
        /// The path as given.
        path: String,
    },
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error("{path}: too large ({size_mb} MB; the limit is {limit_mb} MB)")]
    TooLarge {
        /// The path as given.
        path: String,
        /// Its size in megabytes.
        size_mb: u64,
        /// The limit in megabytes.
        limit_mb: u64,
    },
    /// The JSON is malformed, or an item in newsdesk's schema is invalid.
    #[error("{path}: invalid JSON at line {line}, column {column}: {reason}")]
    Json {
        /// The path as given.
        path: String,
        /// The line, from 1.
        line: usize,
        /// The column, from 1.
        column: usize,
        /// What is wrong.
        reason: String,
    },
}

/// How an input's bytes are to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Raw wire text.
    Text,
    /// One JSON document (or JSON Lines that turn out to be so).
    Json,
    /// JSON Lines: one value per line.
    JsonLines,
    /// Decided from the content: JSON when it starts with `{` or `[`, else text.
    Sniff,
}

impl Format {
    /// The format a path's extension calls for.
    pub fn of_path(path: &Path) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("json") => Format::Json,
            Some("jsonl" | "ndjson") => Format::JsonLines,
            _ => Format::Text,
        }
    }
}

/// One input to read: a file, or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file found at this path.
    File(PathBuf),
    /// Standard input (`-`).
    Stdin,
}

/// Expands the paths given on the command line: `-` is standard input, a directory gives every
/// file under it (recursively, sorted, hidden entries and files that hold no copy, such as images and archives, skipped), anything
/// else is a file. Directories that cannot be walked give an error in place of their files.
pub fn expand(paths: &[PathBuf]) -> Vec<Result<Input, InputError>> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Ok(Input::Stdin));
        } else if path.is_dir() {
            let walker = walkdir::WalkDir::new(path)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|entry| {
                    entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.')
                });
            for entry in walker {
                match entry {
                    Ok(entry) if entry.file_type().is_file() && !not_copy(entry.path()) => {
                        inputs.push(Ok(Input::File(entry.into_path())))
                    }
                    Ok(_) => {}
                    Err(error) => inputs.push(Err(InputError::Unreadable {
                        path: error.path().unwrap_or(path).display().to_string(),
                        reason: error.io_error().map_or_else(|| error.to_string(), io_reason),
                    })),
                }
            }
        } else {
            inputs.push(Ok(Input::File(path.clone())));
        }
    }
    inputs
}

/// Extensions of files that a folder of wire copy may hold beside it but that are never copy:
/// images, audio and video, archives, documents of office programs, databases (a library kept
/// in the folder, with its log), code and configuration.
const NOT_COPY: &[&str] = &[
    "png",
    "jpg",
    "jpeg",
    "gif",
    "webp",
    "bmp",
    "tif",
    "tiff",
    "svg",
    "ico",
    "mp3",
    "wav",
    "m4a",
    "mp4",
    "mov",
    "avi",
    "mkv",
    "zip",
    "gz",
    "tgz",
    "bz2",
    "xz",
    "zst",
    "7z",
    "rar",
    "tar",
    "pdf",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "ppt",
    "pptx",
    "odt",
    "ods",
    "db",
    "sqlite",
    "sqlite3",
    "db-wal",
    "db-shm",
    "db-journal",
    "toml",
    "yaml",
    "yml",
    "ini",
    "cfg",
    "conf",
    "lock",
    "py",
    "rs",
    "sh",
    "js",
    "css",
    "exe",
    "dll",
    "so",
    "o",
];

/// Whether a file found in a folder is, by its extension, something other than wire copy
/// (see [`NOT_COPY`]); a file named on the command line is always read.
fn not_copy(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    NOT_COPY.iter().any(|extension| {
        name.strip_suffix(extension)
            .is_some_and(|stem| stem.len() > 1 && stem.ends_with('.'))
    })
}

/// An article as read, with the library fields an exported article carries.
#[derive(Debug, Clone)]
pub struct Record {
    /// The article.
    pub article: Article,
    /// Annotations and reader state written beside it (own-schema JSON only).
    pub exported: Option<Box<Exported>>,
}

/// Reads one input into its articles.
pub fn read(input: &Input) -> Result<Vec<Article>, InputError> {
    read_records(input).map(articles_of)
}

fn articles_of(records: Vec<Record>) -> Vec<Article> {
    records.into_iter().map(|record| record.article).collect()
}

/// Reads one input into its records (articles, and what exports carry beside them).
pub fn read_records(input: &Input) -> Result<Vec<Record>, InputError> {
    match input {
        Input::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .take(MAX_FILE_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|error| InputError::Unreadable {
                    path: "-".to_string(),
                    reason: io_reason(&error),
                })?;
            check_size("-", bytes.len() as u64)?;
            read_record_bytes(
                &bytes,
                Format::Sniff,
                &Origin {
                    path: "-".to_string(),
                    mtime: None,
                },
            )
        }
        Input::File(path) => read_file_records(path),
    }
}

/// Reads a file into its articles, dating yearless datelines by its modification time.
pub fn read_file(path: &Path) -> Result<Vec<Article>, InputError> {
    read_file_records(path).map(articles_of)
}

/// Reads a file into its records.
pub fn read_file_records(path: &Path) -> Result<Vec<Record>, InputError> {
    let shown = path.display().to_string();
    let unreadable = |error: std::io::Error| InputError::Unreadable {
        path: shown.clone(),
        reason: io_reason(&error),
    };
    let metadata = std::fs::metadata(path).map_err(unreadable)?;
    if !metadata.is_file() {
        return Err(InputError::Unreadable {
            path: shown,
            reason: "not a regular file".to_string(),
        });
    }
    check_size(&shown, metadata.len())?;
    let bytes = std::fs::read(path).map_err(unreadable)?;
    let mtime = metadata
        .modified()
        .ok()
        .map(|time| DateTime::<Local>::from(time).date_naive());
    read_record_bytes(&bytes, Format::of_path(path), &Origin { path: shown, mtime })
}

fn check_size(path: &str, size: u64) -> Result<(), InputError> {
    if size > MAX_FILE_BYTES {
        return Err(InputError::TooLarge {
            path: path.to_string(),
            size_mb: size.div_ceil(1024 * 1024),
            limit_mb: MAX_FILE_BYTES / (1024 * 1024),
        });
    }
    Ok(())
}

/// Reads bytes in the given format into articles; `origin` names them and dates them.
pub fn read_bytes(bytes: &[u8], format: Format, origin: &Origin) -> Result<Vec<Article>, InputError> {
    read_record_bytes(bytes, format, origin).map(articles_of)
}

/// Reads bytes in the given format into records; `origin` names them and dates them.
pub fn read_record_bytes(bytes: &[u8], format: Format, origin: &Origin) -> Result<Vec<Record>, InputError> {
    let path = || origin.path.clone();
    let text = decode(bytes).map_err(|DecodeError::NotText| InputError::NotText { path: path() })?;
    if text.trim().is_empty() {
        return Err(InputError::Empty { path: path() });
    }
    let format = match format {
        Format::Sniff if text.trim_start().starts_with(['{', '[']) => Format::Json,
        Format::Sniff => Format::Text,
        other => other,
    };
    let records = match format {
        Format::Json | Format::JsonLines => {
            let place = ChunkPlace::default();
            read_json_records(&text, format == Format::JsonLines, origin, place)?
        }
        _ => parse(&text, origin)
            .into_iter()
            .map(|article| Record {
                article,
                exported: None,
            })
            .collect(),
    };
    if records.is_empty() {
        return Err(InputError::NoArticle { path: path() });
    }
    Ok(records)
}

/// Where a piece of a JSON Lines file read on its own sits in the whole file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ChunkPlace {
    /// Lines before the piece.
    pub lines_before: usize,
    /// Articles before the piece.
    pub articles_before: usize,
}

/// The records of JSON text (or of a piece of a JSON Lines file, placed by `place`):
/// own-schema items as they are, export items parsed.
pub fn read_json_records(
    text: &str,
    lines: bool,
    origin: &Origin,
    place: ChunkPlace,
) -> Result<Vec<Record>, InputError> {
    let items = read_items(text, lines).map_err(|error| InputError::Json {
        path: origin.path.clone(),
        line: error.line + place.lines_before,
        column: error.column,
        reason: error.reason,
    })?;
    let mut records = Vec::with_capacity(items.len());
    for item in items {
        match item {
            JsonItem::Article(article, exported) => records.push(Record {
                article: *article,
                exported: Some(exported),
            }),
            JsonItem::Raw { text, hints } => {
                if let Some(mut article) = parse_single(&text, &hints, origin) {
                    article.source.index = place.articles_before + records.len();
                    records.push(Record {
                        article,
                        exported: None,
                    });
                }
            }
        }
    }
    Ok(records)
}

/// The operating system's reason without the error code (`No such file or directory`).
fn io_reason(error: &std::io::Error) -> String {
    let text = error.to_string();
    match text.rsplit_once(" (os error") {
        Some((reason, _)) => reason.to_string(),
        None => text,
    }
}
