//! JSON and JSON Lines inputs: newsdesk's own article schema (read back unchanged), and the
//! shapes that scrapers and news APIs export — an array of items, or an object holding one
//! (`articles`, `items`, `results`, `data`, `response.results`, `hits.hits[]._source`, ...),
//! whose items name their fields `title`/`headline`, `body`/`text`/`content`,
//! `date`/`published`/`publishedAt`, `source`/`agency`, `author`/`byline`.

use serde::Deserialize;
use serde::de::value::MapAccessDeserializer;
use serde::de::{DeserializeSeed, IntoDeserializer, MapAccess, Visitor};
use serde_json::{Map, Value};

use crate::annotate::attribution::statements::StatementKind;
use crate::annotate::entities::EntityKind;
use crate::annotate::time::Resolved;

use crate::article::{Article, ArticleId, Timestamp};
use crate::wire::Hints;
use crate::wire::html::clean_export_text;

/// One item of a JSON input.
#[derive(Debug)]
pub enum JsonItem {
    /// An article in newsdesk's own schema, with the library fields of an export.
    Article(Box<Article>, Box<Exported>),
    /// Text to parse, with the export's metadata.
    Raw {
        /// The article text.
        text: String,
        /// The export's fields.
        hints: Hints,
    },
}

/// What an article in newsdesk's own schema carries besides the article: the annotations that
/// `parse --jsonl` and `export` print, and the reader's state that `export` prints.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Exported {
    /// The version of the annotator that made `entities` and `statements` (exports only).
    #[serde(default)]
    pub annotator: Option<u32>,
    /// The entities and dates, as written (code-point offsets).
    #[serde(default)]
    pub entities: Option<Vec<ExportedEntity>>,
    /// The statements, as written.
    #[serde(default)]
    pub statements: Option<Vec<ExportedStatement>>,
    /// Whether the article had been read.
    #[serde(default)]
    pub read: bool,
    /// Whether the article was starred.
    #[serde(default)]
    pub starred: bool,
}

/// An entity or date of an exported article.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ExportedEntity {
    /// The first code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// `person`, ..., or `date`.
    pub kind: ExportedKind,
    /// The canonical name (entities).
    #[serde(default)]
    pub canonical: Option<String>,
    /// The calendar meaning (dates).
    #[serde(default)]
    pub resolved: Option<Resolved>,
}

/// The kind of an exported entity: an entity kind, or None for a date (read from its name
/// without copying it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportedKind(pub Option<EntityKind>);

impl<'de> Deserialize<'de> for ExportedKind {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Name;
        impl serde::de::Visitor<'_> for Name {
            type Value = ExportedKind;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an entity kind or \"date\"")
            }

            fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<ExportedKind, E> {
                if name == "date" {
                    return Ok(ExportedKind(None));
                }
                let name: serde::de::value::StrDeserializer<'_, E> = name.into_deserializer();
                EntityKind::deserialize(name).map(|kind| ExportedKind(Some(kind)))
            }
        }
        deserializer.deserialize_str(Name)
    }
}

/// A span of an exported statement.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ExportedSpan {
    /// The first code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The speaker's entity (speakers).
    #[serde(default)]
    pub canonical: Option<String>,
}

/// A statement of an exported article.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ExportedStatement {
    /// `direct`, `indirect` or `mixed`.
    pub kind: StatementKind,
    /// The speaker.
    #[serde(default)]
    pub speaker: Option<ExportedSpan>,
    /// The cue.
    #[serde(default)]
    pub cue: Option<ExportedSpan>,
    /// The content.
    pub content: ExportedSpan,
}

/// Keys of an own-schema object that are not article fields.
const EXPORT_KEYS: &[&str] = &["annotator", "entities", "statements", "read", "starred"];

impl Exported {
    /// Removes the library fields from an article object; fields of the wrong shape are
    /// dropped (the article is then annotated again).
    fn take(object: &mut Map<String, Value>) -> Self {
        let mut extras = Map::new();
        for key in EXPORT_KEYS {
            if let Some(value) = object.remove(*key) {
                extras.insert((*key).to_string(), value);
            }
        }
        serde_json::from_value(Value::Object(extras)).unwrap_or_default()
    }
}

/// A JSON line in newsdesk's own schema read straight into its types (the fast path for
/// exports); None when the line has another shape.
fn own_line(line: &str) -> Option<JsonItem> {
    // One pass reads an export's line whole; a line whose library fields have the wrong shape
    // is read again for the article alone (which is then annotated again).
    if let Ok(own) = serde_json::from_str::<OwnLine>(line) {
        return Some(JsonItem::Article(Box::new(own.article), Box::new(own.exported)));
    }
    let article: Article = serde_json::from_str(line).ok()?;
    let exported: Exported = serde_json::from_str(line).unwrap_or_default();
    Some(JsonItem::Article(Box::new(article), Box::new(exported)))
}

/// A line of an export: the article and the fields of [`Exported`], read in one pass. The
/// library fields are taken out as they come, and the article reads the rest as its own
/// object (no copy of the line's values is buffered, as `#[serde(flatten)]` would).
struct OwnLine {
    article: Article,
    exported: Exported,
}

impl<'de> Deserialize<'de> for OwnLine {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Line;
        impl<'de> Visitor<'de> for Line {
            type Value = OwnLine;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an article object")
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<OwnLine, A::Error> {
                let mut exported = Exported::default();
                let fields = ArticleFields {
                    map,
                    exported: &mut exported,
                };
                let article = Article::deserialize(MapAccessDeserializer::new(fields))?;
                Ok(OwnLine { article, exported })
            }
        }
        deserializer.deserialize_map(Line)
    }
}

/// The entries of an export line as the article sees them: the library fields are read
/// into `exported` on the way.
struct ArticleFields<'a, A> {
    map: A,
    exported: &'a mut Exported,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for ArticleFields<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        while let Some(key) = self.map.next_key::<Key<'de>>()? {
            let exported = &mut *self.exported;
            match key.as_str() {
                "annotator" => exported.annotator = self.map.next_value()?,
                "entities" => exported.entities = self.map.next_value()?,
                "statements" => exported.statements = self.map.next_value()?,
                "read" => exported.read = self.map.next_value()?,
                "starred" => exported.starred = self.map.next_value()?,
                other => return seed.deserialize(other.into_deserializer()).map(Some),
            }
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }
}

/// An object key, borrowed from the input unless it had to be unescaped.
enum Key<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl Key<'_> {
    fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(key) => key,
            Key::Owned(key) => key,
        }
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Text;
        impl<'de> Visitor<'de> for Text {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a key")
            }

            fn visit_borrowed_str<E: serde::de::Error>(self, key: &'de str) -> Result<Key<'de>, E> {
                Ok(Key::Borrowed(key))
            }

            fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<Key<'de>, E> {
                Ok(Key::Owned(key.to_string()))
            }
        }
        deserializer.deserialize_str(Text)
    }
}

/// Where and why JSON could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1.
    pub column: usize,
    /// What is wrong.
    pub reason: String,
}

/// Reads the items of a JSON document, or of JSON Lines when `lines` is true or the document
/// turns out to hold one value per line.
pub fn read_items(text: &str, lines: bool) -> Result<Vec<JsonItem>, JsonError> {
    if !lines {
        match serde_json::from_str::<Value>(text) {
            Ok(value) => {
                let mut items = Vec::new();
                collect(value, 1, &mut items)?;
                return Ok(items);
            }
            Err(error) if !is_trailing_value(&error) => return Err(located(&error, 0)),
            Err(_) => {}
        }
    }
    let mut items = Vec::new();
    for (index, line) in lines_of(text).enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        if let Some(item) = own_line(line) {
            items.push(item);
            continue;
        }
        let value: Value = serde_json::from_str(line).map_err(|error| located(&error, index))?;
        collect(value, index + 1, &mut items)?;
    }
    Ok(items)
}

/// The lines of a text, as [`str::lines`] gives them (split at `\n`, a `\r` before it
/// dropped, no empty last line), found with a vectorised search: an export's lines are long.
fn lines_of(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).map(Some);
    ends.chain(std::iter::once(None)).filter_map(move |end| {
        let line = match end {
            Some(end) => {
                let line = &text[start..end];
                start = end + 1;
                line.strip_suffix('\r').unwrap_or(line)
            }
            None if start < text.len() => &text[start..],
            None => return None,
        };
        Some(line)
    })
}

/// A second value after the first: the file is JSON Lines.
fn is_trailing_value(error: &serde_json::Error) -> bool {
    error.is_syntax() && error.to_string().starts_with("trailing characters") && error.line() > 1
}

fn located(error: &serde_json::Error, line_offset: usize) -> JsonError {
    let reason = error.to_string();
    // serde_json appends " at line L column C"; the location is reported separately.
    let reason = reason
        .rsplit_once(" at line ")
        .map_or(reason.as_str(), |(before, _)| before)
        .to_string();
    JsonError {
        line: error.line().max(1) + line_offset,
        column: error.column().max(1),
        reason,
    }
}

/// Keys under which exports put their list of items.
const LIST_KEYS: &[&str] = &[
    "articles", "items", "results", "data", "entries", "docs", "posts", "news", "stories", "hits",
    "response", "value", "records",
];

/// Adds the items of one JSON value (found on `line`).
fn collect(value: Value, line: usize, items: &mut Vec<JsonItem>) -> Result<(), JsonError> {
    match value {
        Value::Array(values) => {
            for value in values {
                collect(value, line, items)?;
            }
            Ok(())
        }
        Value::Object(object) => {
            if is_own_schema(&object) {
                let mut object = object;
                let exported = Exported::take(&mut object);
                let article: Article =
                    serde_json::from_value(Value::Object(object)).map_err(|error| JsonError {
                        line,
                        column: 1,
                        reason: format!("not a valid newsdesk article: {error}"),
                    })?;
                items.push(JsonItem::Article(Box::new(article), Box::new(exported)));
                return Ok(());
            }
            if let Some(item) = raw_item(&object) {
                items.push(item);
                return Ok(());
            }
            // An envelope: `{"articles": [...]}`, `{"response": {"results": [...]}}`, `_source`.
            let mut object = object;
            if let Some(inner) = object.remove("_source") {
                return collect(inner, line, items);
            }
            for key in LIST_KEYS {
                if let Some(inner) = object.remove(*key) {
                    if matches!(inner, Value::Array(_) | Value::Object(_)) {
                        return collect(inner, line, items);
                    }
                }
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// An object shaped like newsdesk's own output: a 16-hex `id`, a `body` and a `source` object.
fn is_own_schema(object: &Map<String, Value>) -> bool {
    let id_ok = object
        .get("id")
        .and_then(Value::as_str)
        .is_some_and(|id| id.parse::<ArticleId>().is_ok());
    id_ok
        && object.get("body").is_some_and(Value::is_string)
        && object.get("source").is_some_and(Value::is_object)
}

const TEXT_KEYS: &[&str] = &[
    "body",
    "text",
    "articleBody",
    "article_body",
    "content",
    "full_text",
    "fulltext",
    "bodyText",
    "story",
    "description",
    "summary",
    "abstract",
    "lead_paragraph",
];
const TITLE_KEYS: &[&str] = &["title", "headline", "webTitle", "name", "heading"];
const DATE_KEYS: &[&str] = &[
    "published",
    "publishedAt",
    "published_at",
    "pubDate",
    "date",
    "datePublished",
    "webPublicationDate",
    "pub_date",
    "publication_date",
    "created_at",
    "time",
    "timestamp",
];
const AGENCY_KEYS: &[&str] = &["agency", "source", "publisher", "provider", "site", "source_name"];
const AUTHOR_KEYS: &[&str] = &["author", "byline", "creator", "authors"];

/// A generic export item: some text or a title, with whatever metadata it names.
fn raw_item(object: &Map<String, Value>) -> Option<JsonItem> {
    let fields = object.get("fields").and_then(Value::as_object);
    let lookup = |keys: &[&str]| {
        keys.iter()
            .find_map(|key| object.get(*key).and_then(string_of))
            .or_else(|| fields.and_then(|f| keys.iter().find_map(|key| f.get(*key).and_then(string_of))))
    };
    let text = lookup(TEXT_KEYS).map(|text| clean_export_text(&text));
    let title = lookup(TITLE_KEYS).map(|title| clean_export_text(&title));
    if text.as_deref().is_none_or(str::is_empty) && title.is_none() {
        return None;
    }
    let published = DATE_KEYS
        .iter()
        .find_map(|key| object.get(*key))
        .and_then(timestamp_of);
    Some(JsonItem::Raw {
        text: text.unwrap_or_default(),
        hints: Hints {
            title,
            published,
            agency: lookup(AGENCY_KEYS),
            byline: lookup(AUTHOR_KEYS),
        },
    })
}

/// A string field, or the `name` of an object field, or the names in an array field.
fn string_of(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(text) => text.trim().to_string(),
        Value::Object(object) => object.get("name").and_then(Value::as_str)?.trim().to_string(),
        Value::Array(values) => values.iter().filter_map(string_of).collect::<Vec<_>>().join(", "),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

/// A date field: an ISO or RFC 3339 string, an RFC 2822 string, or Unix seconds.
fn timestamp_of(value: &Value) -> Option<Timestamp> {
    match value {
        Value::String(text) => text.parse().ok().or_else(|| {
            chrono::DateTime::parse_from_rfc2822(text.trim())
                .ok()
                .map(Timestamp::Zoned)
        }),
        Value::Number(number) => {
            let seconds = number.as_i64()?;
            let seconds = if seconds > 100_000_000_000 {
                seconds / 1000
            } else {
                seconds
            };
            let utc = chrono::DateTime::from_timestamp(seconds, 0)?;
            Some(Timestamp::Zoned(utc.fixed_offset()))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(items: &[JsonItem]) -> Vec<(&str, &Hints)> {
        items
            .iter()
            .filter_map(|item| match item {
                JsonItem::Raw { text, hints } => Some((text.as_str(), hints)),
                JsonItem::Article(..) => None,
            })
            .collect()
    }

    #[test]
    fn newsapi_shape() {
        let text = r#"{"status":"ok","articles":[{"source":{"id":null,"name":"Reuters"},"author":"Jane Roe","title":"Oil rises","publishedAt":"2026-10-08T09:15:00Z","content":"DUBAI, Oct 8 (Reuters) - Oil rose… [+1234 chars]"}]}"#;
        let items = read_items(text, false).expect("valid");
        let raw = raw(&items);
        assert_eq!(raw.len(), 1);
        assert_eq!(raw[0].0, "DUBAI, Oct 8 (Reuters) - Oil rose");
        assert_eq!(raw[0].1.agency.as_deref(), Some("Reuters"));
        assert_eq!(raw[0].1.title.as_deref(), Some("Oil rises"));
        assert_eq!(
            raw[0].1.published.map(|t| t.to_string()).as_deref(),
            Some("2026-10-08T09:15:00+00:00")
        );
    }

    #[test]
    fn nested_envelopes_and_field_names() {
        let guardian = r#"{"response":{"results":[{"webTitle":"T","webPublicationDate":"2026-10-01T10:00:00Z","fields":{"bodyText":"Body."}}]}}"#;
        assert_eq!(raw(&read_items(guardian, false).expect("valid"))[0].0, "Body.");
        let elastic = r#"{"hits":{"hits":[{"_source":{"headline":"H","text":"T"}}]}}"#;
        assert_eq!(
            raw(&read_items(elastic, false).expect("valid"))[0]
                .1
                .title
                .as_deref(),
            Some("H")
        );
    }

    #[test]
    fn json_lines_with_an_error_name_the_line() {
        let text = "{\"title\":\"a\",\"text\":\"b\"}\n\n{\"title\": \"c\", \"text\": }\n";
        let error = read_items(text, true).expect_err("invalid");
        assert_eq!((error.line, error.column), (3, 24));
        let error = read_items("[{\"title\": 1,", false).expect_err("truncated");
        assert_eq!(error.line, 1);
        assert_eq!(error.reason, "EOF while parsing a value");
    }

    #[test]
    fn a_json_file_holding_lines_is_read_as_lines() {
        let text = "{\"title\":\"a\",\"text\":\"b\"}\n{\"title\":\"c\",\"text\":\"d\"}\n";
        assert_eq!(read_items(text, false).expect("valid").len(), 2);
    }

    #[test]
    fn dates_in_other_forms() {
        assert_eq!(
            timestamp_of(&Value::from("Wed, 07 Oct 2015 19:58:00 +0500"))
                .map(|t| t.to_string())
                .as_deref(),
            Some("2015-10-07T19:58:00+05:00")
        );
        assert_eq!(
            timestamp_of(&Value::from(1_790_000_000))
                .map(|t| t.to_string())
                .as_deref(),
            Some("2026-09-21T14:13:20+00:00")
        );
    }

    #[test]
    fn lines_split_as_the_standard_library_splits_them() {
        for text in [
            "",
            "a",
            "a\n",
            "a\r\nb",
            "a\n\nb\r\n",
            "\n",
            "a\rb\n",
            "é\nü\r",
            "\r\n\r\n",
        ] {
            assert_eq!(
                lines_of(text).collect::<Vec<_>>(),
                text.lines().collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn an_export_line_keeps_its_library_fields_unless_they_are_malformed() {
        let line = r#"{"id":"00000000000000ab","source":{"path":"gen","index":0},"title":null,"body":"Salem Al-Rifai said talks would resume.","entities":[{"start":0,"end":14,"kind":"person","text":"Salem Al-Rifai","canonical":"Salem Al-Rifai"}],"statements":[{"kind":"indirect","speaker":{"start":0,"end":14,"canonical":"Salem Al-Rifai"},"cue":{"start":15,"end":19},"content":{"start":20,"end":39}}],"annotator":2,"read":true,"starred":false}"#;
        let article_and_fields = |line: &str| match read_items(line, true).expect("valid").pop() {
            Some(JsonItem::Article(article, exported)) => (article, exported),
            other => panic!("not an article: {other:?}"),
        };
        let (article, exported) = article_and_fields(line);
        assert_eq!(article.id, ArticleId(0xab));
        assert_eq!(article.body, "Salem Al-Rifai said talks would resume.");
        assert_eq!(exported.annotator, Some(2));
        assert!(exported.read && !exported.starred);
        let entities = exported.entities.expect("entities");
        assert_eq!(entities[0].canonical.as_deref(), Some("Salem Al-Rifai"));
        assert_eq!(exported.statements.expect("statements")[0].content.end, 39);
        // Entities of the wrong shape: the article stays, its fields are dropped.
        let (article, exported) = article_and_fields(
            &line.replace(r#""start":0,"end":14,"kind""#, r#""start":"x","end":14,"kind""#),
        );
        assert_eq!(article.body, "Salem Al-Rifai said talks would resume.");
        assert_eq!(*exported, Exported::default());
        let (_, exported) = article_and_fields(&line.replace(r#""kind":"person""#, r#""kind":"planet""#));
        assert_eq!(*exported, Exported::default(), "an unknown kind");
        let (_, exported) = article_and_fields(&line.replace(r#""kind":"person""#, r#""kind":"date""#));
        assert_eq!(exported.entities.expect("entities")[0].kind, ExportedKind(None));
        // The library fields first, and an escaped key.
        let reordered = r#"{"read":true,"annotator":2,"id":"00000000000000ab","source":{"path":"gen","index":0},"b\u006fdy":"Talks resumed."}"#;
        let (article, exported) = article_and_fields(reordered);
        assert_eq!(article.body, "Talks resumed.");
        assert_eq!((exported.annotator, exported.read), (Some(2), true));
    }
}
