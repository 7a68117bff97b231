//! Reading CoNLL-2003 files (`WORD POS CHUNK TAG` lines, blank lines between sentences,
//! `-DOCSTART-` between documents, IOB1 or IOB2 tags): the training data of the recogniser.

use super::labels::ModelType;

/// One sentence: its tokens, their part-of-speech tags, and its entities as token spans.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConllSentence {
    /// The tokens.
    pub tokens: Vec<String>,
    /// The Penn Treebank part-of-speech tag of each token (the second column).
    pub parts_of_speech: Vec<String>,
    /// The entities: `(first token, one past the last, type)`.
    pub spans: Vec<(usize, usize, ModelType)>,
}

/// One document: its sentences.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConllDocument {
    /// The sentences, in order.
    pub sentences: Vec<ConllSentence>,
}

/// Parses the text of a CoNLL file into documents. Lines that are not `WORD ... TAG` are
/// skipped; a tag that names no known type counts as `O`.
pub fn parse_conll(text: &str) -> Vec<ConllDocument> {
    let mut documents = Vec::new();
    let mut document = ConllDocument::default();
    let mut tokens: Vec<String> = Vec::new();
    let mut parts: Vec<String> = Vec::new();
    let mut tags: Vec<String> = Vec::new();
    let flush_sentence = |document: &mut ConllDocument,
                          tokens: &mut Vec<String>,
                          parts: &mut Vec<String>,
                          tags: &mut Vec<String>| {
        if !tokens.is_empty() {
            let spans = spans_of_tags(tags);
            document.sentences.push(ConllSentence {
                tokens: std::mem::take(tokens),
                parts_of_speech: std::mem::take(parts),
                spans,
            });
            tags.clear();
        }
    };
    for line in text.lines() {
        let line = line.trim_end();
        if line.starts_with("-DOCSTART-") {
            flush_sentence(&mut document, &mut tokens, &mut parts, &mut tags);
            if !document.sentences.is_empty() {
                documents.push(std::mem::take(&mut document));
            }
            continue;
        }
        if line.trim().is_empty() {
            flush_sentence(&mut document, &mut tokens, &mut parts, &mut tags);
            continue;
        }
        let mut fields = line.split(' ');
        let (Some(word), Some(tag)) = (fields.next(), line.rsplit(' ').next()) else {
            continue;
        };
        tokens.push(word.to_string());
        parts.push(
            fields
                .next()
                .filter(|_| line.matches(' ').count() >= 2)
                .unwrap_or("")
                .to_string(),
        );
        tags.push(tag.to_string());
    }
    flush_sentence(&mut document, &mut tokens, &mut parts, &mut tags);
    if !document.sentences.is_empty() {
        documents.push(document);
    }
    documents
}

/// IOB1 or IOB2 tags to token spans, as conlleval reads them.
fn spans_of_tags(tags: &[String]) -> Vec<(usize, usize, ModelType)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, ModelType)> = None;
    for (index, tag) in tags.iter().map(String::as_str).chain(["O"]).enumerate() {
        let (prefix, name) = tag.split_once('-').unwrap_or((tag, ""));
        let model_type = ModelType::from_conll(name);
        let continues = prefix == "I" && open.is_some_and(|(_, t)| Some(t) == model_type);
        if continues {
            continue;
        }
        if let Some((start, t)) = open.take() {
            spans.push((start, index, t));
        }
        if let Some(model_type) = model_type {
            open = Some((index, model_type));
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_sentences_and_spans() {
        let text = "-DOCSTART- -X- -X- O\n\nWest NNP B-NP B-MISC\nIndian NNP I-NP I-MISC\nplayer NN I-NP O\nPhil NNP I-NP I-PER\nBrown NNP I-NP I-PER\n\nHe PRP B-NP O\n\n-DOCSTART- -X- -X- O\n\nLONDON NNP B-NP I-LOC\n";
        let documents = parse_conll(text);
        assert_eq!(documents.len(), 2);
        let first = &documents[0].sentences[0];
        assert_eq!(first.tokens, ["West", "Indian", "player", "Phil", "Brown"]);
        assert_eq!(first.parts_of_speech, ["NNP", "NNP", "NN", "NNP", "NNP"]);
        assert_eq!(first.spans, [(0, 2, ModelType::Misc), (3, 5, ModelType::Person)]);
        assert_eq!(documents[0].sentences.len(), 2);
        assert_eq!(documents[1].sentences[0].spans, [(0, 1, ModelType::Location)]);
    }

    #[test]
    fn adjacent_entities_of_one_type_split_on_b() {
        let text = "A X X I-PER\nB X X B-PER\nC X X I-PER\n";
        let spans = &parse_conll(text)[0].sentences[0].spans;
        assert_eq!(spans, &[(0, 1, ModelType::Person), (1, 3, ModelType::Person)]);
    }
}
