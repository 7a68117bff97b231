//! newsdesk: a terminal reader for wire copy.
//!
//! Module map (the core — `article`, `span`, `input`, `wire`, `annotate`, `lexicons`, `store`,
//! `query` — never touches the terminal):
//!
//! - [`article`]: the article model every other part shares; [`span`]: byte ranges of its text.
//! - [`input`]: reading paths, directories, stdin and JSON exports into raw documents.
//! - [`wire`]: raw wire text to articles: capture prefixes, syndicator tags, titles, bylines,
//!   datelines, trailers, paragraphs, several articles per file, dates and their evidence.
//! - [`annotate`]: tokens and sentences, entities, time expressions and statements (who said
//!   what) of an article's text, and the trained models behind them.
//! - [`lexicons`]: the embedded word lists: the agency registry, the place-name gazetteer, and
//!   the lookup keys and readable forms of names written in capitals.
//! - [`store`]: the library: one SQLite file with the articles, their annotations, the indexes
//!   of names and full text, and the reader's read and starred marks.
//! - [`query`]: the filter language of the command line and the reader (`agency:KUNA date:7d`).
//! - [`printed`]: the printed forms: highlight pieces, the `newsdesk parse` summary, the library
//!   commands' listings, and [`printed::safe_text`], which every piece of article text passes.
//! - [`samples`]: the sample articles bundled in the binary; [`corpus`]: synthetic wire copy
//!   for benchmarks and load tests.
//! - [`tui`]: the reader: state, actions, pure `update` and `draw`, keymap and theme as data.
//!
//! Data flow:
//!
//! ```text
//! PATH... ─input::read─▶ Document ─wire::parse─▶ Article ─annotate─▶ AnnotatedArticle
//!         ─store::import─▶ library ─query::Filter─▶ visible rows ─tui / printed─▶ screen
//! ```

pub mod annotate;
pub mod article;
pub mod corpus;
pub mod input;
pub mod lexicons;
pub mod printed;
pub mod query;
pub mod samples;
pub mod span;
pub mod store;
pub mod tui;
pub mod wire;
