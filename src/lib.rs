//! newsdesk: a terminal reader for wire copy.
//!
//! Module map (the core never touches the terminal):
//!
//! - [`article`]: the article model every other part shares; [`span`]: byte ranges of its text.
//! - [`annotate`]: tokens, sentences, entities and time expressions of an article's text.
//! - [`input`]: reading paths, directories, stdin and JSON exports into raw documents.
//! - [`wire`]: raw wire text to articles: capture prefixes, syndicator tags, titles, bylines,
//!   datelines, trailers, paragraphs, several articles per file, dates and their evidence.
//! - [`agencies`] and [`gazetteer`]: the embedded agency registry and place-name lists;
//!   [`names`]: lookup keys and the readable form of names written in capitals.
//! - [`samples`]: the sample articles bundled in the binary.
//! - [`report`]: the readable one-block-per-article summary that `newsdesk parse` prints.
//! - [`query`]: the filter language of the command line and the reader (`agency:KUNA date:7d`).
//! - [`corpus`]: synthetic wire copy for benchmarks.
//! - [`tui`]: the reader: state, actions, pure `update` and `draw`, keymap and theme as data.
//!
//! Data flow:
//!
//! ```text
//! PATH... ─input::read─▶ Document (text or JSON items) ─wire::parse─▶ Vec<Article>
//! ```

pub mod agencies;
pub mod annotate;
pub mod article;
pub mod corpus;
pub mod gazetteer;
pub mod highlight;
pub mod input;
pub mod names;
pub mod printout;
pub mod query;
pub mod report;
pub mod safe_text;
pub mod samples;
pub mod span;
pub mod store;
pub mod tui;
pub mod wire;
