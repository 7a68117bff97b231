//! The printed forms of articles: what to highlight where, the summary `newsdesk parse` prints,
//! the library commands' listings and articles, and the escaping that makes article text safe
//! for a terminal.

pub mod highlight;
pub mod printout;
pub mod report;
pub mod safe_text;
