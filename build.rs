//! Writes two generated files into `OUT_DIR`:
//!
//! - `samples.rs`: a list of every `.txt`, `.json` and `.jsonl` file in `assets/samples/`, so
//!   that adding a sample needs no code change;
//! - `annotator_version.rs`: the annotator's version, a hash of every model, word list and
//!   source file that shapes annotations, so that any change to them makes `reindex`
//!   re-annotate the articles annotated before it.

use std::fmt::Write;
use std::path::{Path, PathBuf};

/// What annotations depend on, relative to the crate root: files, or folders taken whole.
const ANNOTATOR_INPUTS: &[&str] = &[
    "src/annotate.rs",
    "src/annotate",
    "src/lexicons.rs",
    "src/lexicons",
    "src/span.rs",
    "src/wire/dates.rs",
    "assets/models",
    "assets/names",
    "assets/places",
    "assets/attribution",
    "assets/agencies.toml",
];

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let root = Path::new(&manifest);
    write_samples(root, Path::new(&out_dir));
    write_annotator_version(root, Path::new(&out_dir));
}

fn write_samples(root: &Path, out_dir: &Path) {
    let dir = root.join("assets").join("samples");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("assets/samples exists")
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".txt") || name.ends_with(".json") || name.ends_with(".jsonl"))
        .collect();
    names.sort();
    let mut code =
        String::from("/// Every bundled sample, sorted by file name.\npub static SAMPLES: &[Sample] = &[\n");
    for name in &names {
        let path = dir.join(name);
        writeln!(
            code,
            "    Sample {{ name: {name:?}, text: include_str!({path:?}) }},",
            path = path.display().to_string()
        )
        .expect("writing to a String");
    }
    code.push_str("];\n");
    std::fs::write(out_dir.join("samples.rs"), code).expect("OUT_DIR is writable");
}

fn write_annotator_version(root: &Path, out_dir: &Path) {
    let mut files = Vec::new();
    for input in ANNOTATOR_INPUTS {
        let path = root.join(input);
        println!("cargo:rerun-if-changed={}", path.display());
        collect_files(&path, &mut files);
    }
    files.sort();
    // FNV-1a over each file's path and contents; carriage returns are skipped so that a checkout
    // with Windows line endings gets the same version.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in &files {
        let relative = file
            .strip_prefix(root)
            .unwrap_or(file)
            .to_string_lossy()
            .replace('\\', "/");
        let contents = std::fs::read(file).expect("annotator inputs are readable");
        for &byte in relative
            .as_bytes()
            .iter()
            .chain([0u8].iter())
            .chain(contents.iter())
        {
            if byte != b'\r' {
                hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            }
        }
    }
    // Folded to 31 bits so that it is a positive integer everywhere it is stored.
    let version = ((hash >> 32) ^ hash) as u32 & 0x7fff_ffff;
    let code = format!(
        "/// The annotator's version: a hash of its models, word lists and code (see `build.rs`).\n\
         pub const ANNOTATOR_VERSION: u32 = {version};\n"
    );
    std::fs::write(out_dir.join("annotator_version.rs"), code).expect("OUT_DIR is writable");
}

/// Every file at `path`: the file itself, or the files of a folder and its subfolders.
fn collect_files(path: &Path, files: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path)
            .expect("annotator input folders are readable")
            .flatten()
        {
            collect_files(&entry.path(), files);
        }
    } else if path.is_file() {
        files.push(path.to_path_buf());
    }
}
