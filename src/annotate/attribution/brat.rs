//! Reading attribution corpora in brat standoff (PolNeAR): `text/NAME.txt` with
//! `attributions/NAME_ANNOTATOR.ann`, whose `T` lines are Source, Cue and Content spans
//! (fragments joined by `;`) and whose `E` lines join them into attributions. Where a text has
//! several annotators' files, the first in name order counts.

use std::collections::BTreeMap;
use std::path::Path;

/// A role in an attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Who is quoted or reported.
    Source,
    /// The words that report: `said`, `according to`.
    Cue,
    /// What was said, thought or intended.
    Content,
}

/// One gold attribution: byte ranges of its parts (a content may have several fragments).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoldAttribution {
    /// The source's fragments.
    pub source: Vec<(usize, usize)>,
    /// The cue's fragments.
    pub cue: Vec<(usize, usize)>,
    /// The content's fragments.
    pub content: Vec<(usize, usize)>,
}

/// One annotated document.
#[derive(Debug, Clone)]
pub struct GoldDocument {
    /// The file name without extension.
    pub name: String,
    /// The text.
    pub text: String,
    /// Its attributions.
    pub attributions: Vec<GoldAttribution>,
}

/// Reads a split directory (`text/`, `attributions/`). Brat offsets count characters; they are
/// converted to byte offsets here.
pub fn read_split(dir: &Path) -> std::io::Result<Vec<GoldDocument>> {
    let mut files: BTreeMap<String, String> = BTreeMap::new();
    for entry in std::fs::read_dir(dir.join("attributions"))? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if let Some(stem) = name.strip_suffix(".ann") {
            let document = stem
                .rsplit_once('_')
                .map_or(stem, |(document, _)| document)
                .to_string();
            let slot = files.entry(document).or_insert_with(|| name.clone());
            if name < *slot {
                *slot = name;
            }
        }
    }
    let mut documents = Vec::with_capacity(files.len());
    for (name, annotations) in files {
        let text = std::fs::read_to_string(dir.join("text").join(format!("{name}.txt")))?;
        let standoff = std::fs::read_to_string(dir.join("attributions").join(annotations))?;
        let attributions = parse_standoff(&text, &standoff);
        documents.push(GoldDocument {
            name,
            text,
            attributions,
        });
    }
    Ok(documents)
}

/// The byte ranges of a span's fragments.
type Fragments = Vec<(usize, usize)>;

/// The attributions of one standoff file over `text`.
pub fn parse_standoff(text: &str, standoff: &str) -> Vec<GoldAttribution> {
    // Character offset → byte offset.
    let bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    let byte = |char_offset: usize| bytes.get(char_offset).copied().unwrap_or(text.len());
    let mut spans: BTreeMap<&str, (Role, Fragments)> = BTreeMap::new();
    let mut events: Vec<BTreeMap<&str, &str>> = Vec::new();
    for line in standoff.lines() {
        let mut fields = line.split('\t');
        let (Some(id), Some(body)) = (fields.next(), fields.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let Some((label, ranges)) = body.split_once(' ') else {
                continue;
            };
            let role = match label {
                "Source" => Role::Source,
                "Cue" => Role::Cue,
                "Content" => Role::Content,
                _ => continue,
            };
            let fragments: Vec<(usize, usize)> = ranges
                .split(';')
                .filter_map(|range| {
                    let (start, end) = range.trim().split_once(' ')?;
                    Some((byte(start.parse().ok()?), byte(end.parse().ok()?)))
                })
                .collect();
            spans.insert(id, (role, fragments));
        } else if id.starts_with('E') {
            events.push(body.split(' ').filter_map(|part| part.split_once(':')).collect());
        }
    }
    events
        .iter()
        .filter_map(|event| {
            let fragments = |key: &str| {
                event
                    .get(key)
                    .and_then(|id| spans.get(id))
                    .map(|(_, fragments)| fragments.clone())
                    .unwrap_or_default()
            };
            let attribution = GoldAttribution {
                source: fragments("Source"),
                cue: fragments("Cue"),
                content: fragments("Content"),
            };
            (!attribution.cue.is_empty() || !attribution.content.is_empty()).then_some(attribution)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standoff_spans_and_events() {
        let text = "“Koweït is ready,” the minister said.";
        let standoff = "T1\tContent 0 18\tx\nT2\tSource 19 31\tthe minister\nT3\tCue 32 36\tsaid\nT4\tAttribution 32 36\tsaid\nE1\tAttribution:T4 Source:T2 Content:T1 Cue:T3\n";
        let attributions = parse_standoff(text, standoff);
        assert_eq!(attributions.len(), 1);
        let (start, end) = attributions[0].source[0];
        assert_eq!(&text[start..end], "the minister");
        let (start, end) = attributions[0].content[0];
        assert_eq!(&text[start..end], "“Koweït is ready,”");
    }

    #[test]
    fn fragments_are_kept() {
        let text = "A said B and C.";
        let standoff = "T1\tContent 7 8;13 14\tB C\nE1\tAttribution:T9 Content:T1\n";
        assert_eq!(parse_standoff(text, standoff)[0].content, vec![(7, 8), (13, 14)]);
    }
}
