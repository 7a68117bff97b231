//! Embeds the sample articles: writes `$OUT_DIR/samples.rs`, a list of every `.txt`, `.json`
//! and `.jsonl` file in `assets/samples/`, so that adding a sample needs no code change.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let dir = Path::new(&manifest).join("assets").join("samples");
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
    std::fs::write(Path::new(&out_dir).join("samples.rs"), code).expect("OUT_DIR is writable");
}
