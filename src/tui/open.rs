//! What the reader opens: the library (the bundled samples, in memory, when it is missing or
//! empty), or files and folders read into a temporary in-memory library.

use std::path::PathBuf;

use anyhow::{Context, Result};

use super::config::shown_path;
use super::strings;
use crate::store::import::{Options, Sources, import};
use crate::store::{Library, Mode, StoreError};

/// What to browse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The library at this path.
    Library(PathBuf),
    /// These files and folders, read without importing them.
    Paths(Vec<PathBuf>),
}

/// An opened library and what to say about it.
pub struct Opened {
    /// The library.
    pub library: Library,
    /// Its file, when it is one a search thread can open too.
    pub file: Option<PathBuf>,
    /// The start-up message.
    pub note: Option<String>,
}

/// Opens what the reader browses.
pub fn open(source: &Source) -> Result<Opened> {
    match source {
        Source::Paths(paths) => {
            let mut library = Library::in_memory()?;
            let tally = import(
                &mut library,
                &Sources {
                    paths: paths.clone(),
                    samples: false,
                },
                Options::default(),
                &mut |_| {},
            )?;
            Ok(Opened {
                library,
                file: None,
                note: Some(strings::opened_paths(
                    tally.imported + tally.already,
                    &tally.failures,
                )),
            })
        }
        Source::Library(path) => {
            let shown = shown_path(path);
            let (library, note) = match Library::open(path, Mode::Write) {
                Ok(library) => (library, None),
                Err(StoreError::Missing { .. }) => return samples(&shown),
                Err(StoreError::Sqlite { .. }) => {
                    let library = Library::open(path, Mode::Read)?;
                    (library, Some(strings::read_only(&shown)))
                }
                Err(error) => return Err(error.into()),
            };
            if library.is_empty()? {
                return samples(&shown);
            }
            Ok(Opened {
                library,
                file: Some(path.clone()),
                note,
            })
        }
    }
}

/// The bundled samples in an in-memory library.
fn samples(shown: &str) -> Result<Opened> {
    let mut library = Library::in_memory()?;
    import(
        &mut library,
        &Sources {
            paths: Vec::new(),
            samples: true,
        },
        Options::default(),
        &mut |_| {},
    )
    .context("cannot read the bundled samples")?;
    Ok(Opened {
        library,
        file: None,
        note: Some(strings::showing_samples(shown)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_library_shows_the_samples_and_a_stored_one_itself() {
        let scratch = tempfile::TempDir::new().expect("scratch");
        let path = scratch.path().join("library.db");
        drop(Library::open(&path, Mode::Create).expect("an empty library"));
        let opened = open(&Source::Library(path.clone())).expect("opened");
        assert_eq!(opened.file, None, "the samples, in memory");
        assert!(!opened.library.is_empty().expect("readable"));
        drop(opened);
        import(
            &mut Library::open(&path, Mode::Write).expect("writable"),
            &Sources {
                paths: Vec::new(),
                samples: true,
            },
            Options::default(),
            &mut |_| {},
        )
        .expect("imported");
        let opened = open(&Source::Library(path.clone())).expect("opened");
        assert_eq!(opened.file, Some(path));
        assert_eq!(opened.note, None);
    }
}
