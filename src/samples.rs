//! The sample articles bundled in the binary (`assets/samples/`): realistic, fictional wire copy
//! in the styles of many agencies, so that newsdesk shows something useful before the user has
//! imported anything.

use std::path::Path;

use crate::article::Article;
use crate::input::{Format, InputError, read_bytes};
use crate::wire::Origin;

/// One bundled sample file.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    /// The file name in `assets/samples/`.
    pub name: &'static str,
    /// The file's text.
    pub text: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/samples.rs"));

impl Sample {
    /// The path recorded in the articles' `source` (`samples/<name>`).
    pub fn path(&self) -> String {
        format!("samples/{}", self.name)
    }

    /// Parses the sample into its articles.
    pub fn articles(&self) -> Result<Vec<Article>, InputError> {
        let origin = Origin {
            path: self.path(),
            mtime: None,
        };
        read_bytes(
            self.text.as_bytes(),
            Format::of_path(Path::new(self.name)),
            &origin,
        )
    }
}

/// Every bundled sample, sorted by file name.
pub fn samples() -> &'static [Sample] {
    SAMPLES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sample_parses() {
        assert!(samples().len() >= 16);
        for sample in samples() {
            let articles = sample.articles().unwrap_or_else(|error| panic!("{error}"));
            assert!(!articles.is_empty(), "{}", sample.name);
        }
    }
}
