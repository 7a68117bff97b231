//! What the library benchmarks share: the library they measure.

use std::path::PathBuf;

use newsdesk::corpus::Corpus;
use newsdesk::store::import::{Options, Sources, import};
use newsdesk::store::{Library, Mode};

/// The library named by `NEWSDESK_BENCH_LIBRARY`, or else one of 3,000 generated articles
/// built in `scratch`.
pub fn library_path(scratch: &tempfile::TempDir) -> PathBuf {
    if let Some(path) = std::env::var_os("NEWSDESK_BENCH_LIBRARY") {
        return PathBuf::from(path);
    }
    let corpus = scratch.path().join("corpus");
    std::fs::create_dir_all(&corpus).expect("corpus folder");
    let mut generator = Corpus::new(7);
    for file in 0..30 {
        std::fs::write(corpus.join(format!("{file}.txt")), generator.text(100)).expect("write");
    }
    let path = scratch.path().join("library.db");
    let mut library = Library::open(&path, Mode::Create).expect("library");
    let sources = Sources {
        paths: vec![corpus],
        samples: false,
    };
    import(&mut library, &sources, Options::default(), &mut |_| {}).expect("import");
    path
}
