//! Statements from tagged roles: each cue gathers the content next to it (both halves of a
//! quote split by `he said`) and the nearest source in its sentence; the source is then resolved
//! to an entity of the text — a name it contains, a bare title's person, or, for a pronoun, the
//! person or organisation named last before it.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::reporting::is_reporting_verb;
use super::tagger::is_cue_word;
use crate::annotate::entities::{Entity, EntityKind};
use crate::annotate::tokens::Token;
use crate::span::Span;
use crate::wire::dates::is_weekday;

/// How a statement is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StatementKind {
    /// In quotation marks: the speaker's own words.
    Direct,
    /// Reported speech: `X said that ...`.
    Indirect,
    /// Partly quoted.
    Mixed,
}

impl StatementKind {
    /// The kind's name (`direct`).
    pub fn name(self) -> &'static str {
        match self {
            StatementKind::Direct => "direct",
            StatementKind::Indirect => "indirect",
            StatementKind::Mixed => "mixed",
        }
    }
}

/// Who said what: a statement and its parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    /// Direct, indirect or mixed.
    pub kind: StatementKind,
    /// Where the speaker is named, if anywhere.
    pub speaker: Option<Span>,
    /// The canonical name of the speaker's entity, when it can be resolved.
    pub speaker_canonical: Option<String>,
    /// The words that report it (`said`, `according to`).
    pub cue: Option<Span>,
    /// What was said.
    pub content: Span,
}

/// The tokens of a paragraph's role spans: `(role, token range)`, role 0 source, 1 cue,
/// 2 content; token indices into the text's tokens.
pub type RoleSpans = Vec<(usize, Range<usize>)>;

/// What statements are assembled from: the text, its tokens with their parts of speech, its
/// sentences and entities.
pub struct Context<'a> {
    /// The whole text.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: &'a [Token],
    /// Each token's part-of-speech tag.
    pub pos: &'a [&'a str],
    /// Sentences as token ranges.
    pub sentences: &'a [Range<usize>],
    /// Each token's sentence number.
    pub sentence_of: &'a [usize],
    /// The text's entities.
    pub entities: &'a [Entity],
}

impl Context<'_> {
    /// The sentence (token range) that token `token` belongs to.
    fn sentence_at(&self, token: usize) -> Option<&Range<usize>> {
        self.sentences.get(*self.sentence_of.get(token)?)
    }
}

/// Builds the statements of a paragraph (a token range) from its role spans.
pub fn assemble(context: &Context<'_>, paragraph: Range<usize>, roles: &RoleSpans) -> Vec<Statement> {
    let Context {
        text,
        tokens,
        pos,
        sentences,
        sentence_of,
        entities,
    } = *context;
    let by_role = |role: usize| -> Vec<Range<usize>> {
        roles
            .iter()
            .filter(|(r, _)| *r == role)
            .map(|(_, range)| range.clone())
            .collect()
    };
    let (sources, cues, contents) = (by_role(0), by_role(1), by_role(2));
    let mut used_sources = vec![false; sources.len()];
    let mut used_contents = vec![false; contents.len()];
    let mut statements = Vec::new();
    let labelled =
        speaker_label(context, &paragraph).filter(|(_, colon)| !cues.iter().any(|c| c.contains(colon)));
    if let Some((label, colon)) = labelled {
        let mut end = paragraph.end;
        while end > colon + 1 && closing_quote(tokens[end - 1].text(text)) {
            end -= 1;
        }
        if end > colon + 1 {
            statements.push(build(
                text,
                tokens,
                Some(label),
                Some(colon..colon + 1),
                colon + 1..end,
                entities,
            ));
        }
    }
    // The sentence and speaker of the statement before, for `..., adding that` and `and said`.
    let mut previous: Option<(usize, Option<Range<usize>>)> = None;
    for cue in &cues {
        // Only what a reader would call a statement: the cue holds a reporting word (or is a
        // speaker's colon), not just any verb the tagger took for one (`allowed`, `decided to`),
        // and its main verb, past any auxiliaries, is that word (not `allowed the adoption of
        // a resolution calling for`).
        let reports = |t: usize| {
            let word = tokens[t].text(text);
            is_cue_word(word) || is_reporting_verb(word) || word == ":"
        };
        let auxiliary = |t: usize| {
            pos[t] == "MD"
                || BE.contains(&tokens[t].text(text).to_lowercase().as_str())
                || AUXILIARIES.contains(&tokens[t].text(text))
        };
        let main_verb = cue.clone().find(|&t| pos[t].starts_with("VB") && !auxiliary(t));
        if !cue.clone().any(reports) || main_verb.is_some_and(|t| !reports(t)) {
            continue;
        }
        let sentence = sentence_of[cue.start];
        let quoted = quoted_as_saying(context, cue);
        if let Some((speaker, Some(content))) = &quoted {
            statements.push(build(
                text,
                tokens,
                Some(speaker.clone()),
                Some(cue.clone()),
                content.clone(),
                entities,
            ));
            continue;
        }
        // Content right after the cue, and content that ends just before it (`"...," he said`).
        let gap_ok = |from: usize, to: usize| {
            (from..to).all(|t| {
                let word = tokens[t].text(text);
                word.chars().all(|c| !c.is_alphanumeric()) || word.eq_ignore_ascii_case("that")
            }) || to.saturating_sub(from) <= 1
        };
        let after = contents
            .iter()
            .enumerate()
            .find(|(i, c)| {
                !used_contents[*i] && c.start >= cue.end && c.start - cue.end <= 3 && gap_ok(cue.end, c.start)
            })
            .map(|(i, c)| (i, c.clone()));
        // `He said Obama hopes that ...`: what is said is itself a statement.
        let nested = || {
            let source = sources
                .iter()
                .find(|s| s.start >= cue.end && s.start - cue.end <= 1 && gap_ok(cue.end, s.start))?;
            let inner = cues
                .iter()
                .find(|c| c.start >= source.end && c.start - source.end <= 1)?;
            let end = contents
                .iter()
                .find(|c| c.start >= inner.end && c.start - inner.end <= 3)
                .map_or(inner.end, |c| c.end);
            Some((usize::MAX, source.start..end))
        };
        let after = after.or_else(nested);
        let before = contents
            .iter()
            .enumerate()
            .rev()
            .find(|(i, c)| !used_contents[*i] && c.end <= cue.start && cue.start - c.end <= 6)
            .map(|(i, c)| (i, c.clone()));
        let before = before.filter(|(_, c)| {
            // Only punctuation, a source or nothing between the content and the cue, and no
            // sentence end unless the content is a quotation (`"We will." he said`).
            let quoted = closing_quote(tokens[c.end - 1].text(text));
            (c.end..cue.start).all(|t| {
                let word = tokens[t].text(text);
                (word.chars().all(|ch| !ch.is_alphanumeric()) || sources.iter().any(|s| s.contains(&t)))
                    && (quoted || !matches!(word, "." | "!" | "?"))
            })
        });
        let nearest = || {
            contents
                .iter()
                .enumerate()
                .filter(|(i, c)| {
                    // Not across another cue (`X allowed Y ... calling for Z, sparking criticism`).
                    let between = if c.end <= cue.start {
                        c.end..cue.start
                    } else {
                        cue.end..c.start
                    };
                    !used_contents[*i]
                        && sentence_of[c.start] == sentence
                        && !cues.iter().any(|other| other != cue && overlaps(other, &between))
                })
                .min_by_key(|(_, c)| c.start.abs_diff(cue.end).min(c.end.abs_diff(cue.start)))
        };
        let trailing = || trailing_clause(context, cue, &sources);
        // A trailing attribution reports its whole sentence, not just the tagged part of it
        // (unless that is a quotation, which may begin sentences earlier).
        let before = match (before, trailing()) {
            (Some((_, b)), Some(clause))
                if b.start > clause.start && !opening_quote(tokens[b.start].text(text)) =>
            {
                Some((usize::MAX, clause))
            }
            (before, _) => before,
        };
        let (first, last) = match (before, after) {
            // Both halves of a quotation split by its cue (`"We will," he said, "and soon."`).
            (Some(b), Some(a)) => match quote_halves(text, tokens, &b.1, &a.1) {
                (true, true) => (b, a),
                // `"You winning?" she said, but ...`; `..., according to show insiders`.
                (true, false) => (b.clone(), b),
                _ if trailing().is_some() => (b.clone(), b),
                _ => (a.clone(), a),
            },
            (Some(b), None) => (b.clone(), b),
            (None, Some(a)) => (a.clone(), a),
            (None, None) => match trailing()
                .map(|range| (usize::MAX, range))
                .or_else(|| nearest().map(|(i, c)| (i, c.clone())))
            {
                Some(n) => (n.clone(), n),
                None => continue,
            },
        };
        for index in [first.0, last.0] {
            if let Some(slot) = used_contents.get_mut(index) {
                *slot = true;
            }
        }
        let (first, last) = (&first.1, &last.1);
        // A clause after its cue runs to the end of the sentence when nothing else is tagged in
        // the rest of it (the tagger tends to stop at the first comma).
        let mut end = last.end;
        if last.start >= cue.end {
            if let Some(sentence) = sentences.get(sentence_of[last.end - 1]) {
                let free = !cues.iter().any(|r| r.start >= last.end && r.start < sentence.end);
                if free {
                    let mut stop = sentence.end;
                    while stop > last.end
                        && tokens[stop - 1].text(text).chars().all(|c| !c.is_alphanumeric())
                        && !closing_quote(tokens[stop - 1].text(text))
                    {
                        stop -= 1;
                    }
                    end = end.max(stop);
                }
            }
        }
        let content = complete_quotation(text, tokens, first.start..end, paragraph.end);
        // The nearest free source in the sentence, before the cue first.
        let source = sources
            .iter()
            .enumerate()
            .filter(|(i, s)| {
                !used_sources[*i]
                    && sentence_of[s.start] == sentence
                    && !overlaps(s, first)
                    && !overlaps(s, last)
            })
            .min_by_key(|(_, s)| {
                if s.end <= cue.start {
                    (cue.start - s.end) * 2
                } else {
                    s.start.saturating_sub(cue.end) * 2 + 1
                }
            });
        if let Some((index, _)) = source {
            used_sources[index] = true;
        }
        // Content that wraps the cue (`"...," he said. "..."`) does not hide a source inside it.
        let tagged_content = |index: usize| {
            contents
                .iter()
                .any(|c| c.contains(&index) && !c.contains(&cue.start))
        };
        // A non-finite cue (`saying`, `to accuse`) reports its clause's subject; a finite one
        // (`he said`, `Clinton says`) the name or pronoun right before it.
        let non_finite = matches!(pos[cue.start], "VBG" | "TO");
        let earlier = previous
            .as_ref()
            .filter(|(s, _)| *s == sentence)
            .map(|(_, speaker)| speaker.clone());
        let subject = || subject_of(tokens, pos, cue, &tagged_content, sentences, sentence_of);
        let nearest = || implicit_source(context, cue, &tagged_content);
        let participle = participle(tokens[cue.start].text(text), pos[cue.start]);
        let rule = match &quoted {
            // `"...," the agency quoted the minister as saying.`
            Some((speaker, None)) => Some(Some(speaker.clone())),
            _ => grammatical_source(context, cue, &sources, earlier),
        };
        // A passive cue with no agent (`the plant is expected to`, `he was accused of`)
        // reports no one's statement unless it quotes one.
        let agentless = matches!(rule, Some(None));
        let source = match rule {
            Some(found) => found,
            // `footage of Hillary Clinton asking`: the noun right before the participle.
            None if participle
                && cue.start > 0
                && noun_like(pos[cue.start - 1])
                && tokens[cue.start - 1]
                    .text(text)
                    .chars()
                    .any(char::is_alphanumeric) =>
            {
                noun_phrase_before(tokens, pos, cue.start, entities)
                    .or_else(|| source.map(|(_, s)| s.clone()))
            }
            None => source.map(|(_, s)| s.clone()).or_else(|| {
                if non_finite {
                    subject().or_else(nearest)
                } else {
                    nearest().or_else(subject)
                }
            }),
        };
        previous = Some((sentence, source.clone()));
        let source = source.map(|s| with_head(text, tokens, pos, s));
        let (source, content) = split_name(tokens, entities, source, content);
        let content = if participle {
            within_clause(pos, content)
        } else {
            content
        };
        // `It was announced by the bank that ...`: the agent is not part of what was said.
        let content = match &source {
            Some(agent)
                if agent.start > content.start
                    && agent.start - content.start <= 1
                    && agent.end < content.end =>
            {
                agent.end..content.end
            }
            _ => content,
        };
        let statement = build(text, tokens, source, Some(cue.clone()), content, entities);
        // A participle modifying a noun (`a resolution calling for a ceasefire`) describes a
        // document or an act; it reports a statement only when a person speaks in quotation marks.
        let modifier = participle && cue.start > 0 && noun_like(pos[cue.start - 1]);
        let unspoken = agentless && statement.speaker.is_none();
        if statement.kind == StatementKind::Indirect
            && (unspoken || (modifier && !speaks_as_person(&statement, entities)))
        {
            continue;
        }
        statements.push(statement);
    }
    statements.sort_by_key(|s| s.content.start);
    statements
}

/// The clause a trailing attribution reports (`The talks will resume, sources said.`,
/// `..., said the minister.`): the sentence up to the comma before the source and cue, when
/// only the source follows the cue.
fn trailing_clause(
    context: &Context<'_>,
    cue: &Range<usize>,
    sources: &[Range<usize>],
) -> Option<Range<usize>> {
    let Context {
        text, tokens, pos, ..
    } = *context;
    let sentence = context.sentence_at(cue.start)?;
    // Only a reporting verb or `according to` ends a sentence this way (`..., sparking
    // criticism from X` reports nothing).
    let verb = matches!(pos[cue.start], "VBD" | "VBZ" | "VBP")
        || tokens[cue.start].text(text).eq_ignore_ascii_case("according");
    if !verb {
        return None;
    }
    let punctuation = |i: usize| tokens[i].text(text).chars().all(|c| !c.is_alphanumeric());
    let in_source = |i: usize| sources.iter().any(|s| s.contains(&i));
    // A trailing source is a few words: a longer rest of the sentence is something else.
    if sentence.end > cue.end + 40 {
        return None;
    }
    let after = cue.end..sentence.end;
    let named_after = after.clone().filter(|&i| !punctuation(i)).count();
    let source_after = after
        .clone()
        .all(|i| punctuation(i) || in_source(i) || noun_like(pos[i]) || pos[i] == "IN");
    if named_after > 10 || !source_after {
        return None;
    }
    // Back over the source (`, sources said`, `, the minister told reporters`) to the comma.
    let mut at = cue.start;
    while at > sentence.start && cue.start - at <= 12 && (in_source(at - 1) || noun_like(pos[at - 1])) {
        at -= 1;
    }
    let comma = at
        .checked_sub(1)
        .filter(|&i| i > sentence.start + 2 && matches!(tokens[i].text(text), "," | "”" | "\""))?;
    let mut end = comma;
    while end > sentence.start && punctuation(end - 1) && !matches!(tokens[end - 1].text(text), "”" | "\"")
    {
        end -= 1;
    }
    (end > sentence.start + 2).then_some(sentence.start..end)
}

/// `The agency quoted the minister as saying (that) ...`: the one quoted is the speaker, and
/// what follows `as saying`, if anything, is the content. Returns the speaker's tokens and
/// the content's.
fn quoted_as_saying(
    context: &Context<'_>,
    cue: &Range<usize>,
) -> Option<(Range<usize>, Option<Range<usize>>)> {
    let Context {
        text,
        tokens,
        sentences,
        sentence_of,
        ..
    } = *context;
    let word = |i: usize| tokens[i].text(text).to_lowercase();
    if !matches!(word(cue.start).as_str(), "quoted" | "quotes" | "quoting") {
        return None;
    }
    let sentence = sentences.get(sentence_of[cue.start])?;
    let limit = sentence.end.min(cue.end + 16);
    // The tagger may have taken `quoted X as saying` for the cue: look inside it too.
    let as_at = (cue.start + 2..limit.saturating_sub(1))
        .find(|&i| word(i) == "as" && matches!(word(i + 1).as_str(), "saying" | "telling" | "stating"))?;
    let mut end = sentence.end;
    while end > as_at + 2
        && tokens[end - 1]
            .text(text)
            .chars()
            .all(|c| !c.is_alphanumeric() && !matches!(c, '”' | '"' | '»' | '\'' | '’'))
    {
        end -= 1;
    }
    let content = (end > as_at + 2).then_some(as_at + 2..end);
    (as_at > cue.start + 1).then_some((cue.start + 1..as_at, content))
}

/// Words for when something was said (`said Tuesday`), which are not its speaker.
fn is_day_word(word: &str) -> bool {
    is_weekday(word)
        || ["today", "yesterday", "tonight"]
            .iter()
            .any(|day| day.eq_ignore_ascii_case(word))
}

/// A present participle (`saying`), other than the preposition `according`.
fn participle(word: &str, tag: &str) -> bool {
    tag == "VBG" && !word.eq_ignore_ascii_case("according")
}

/// Auxiliaries between a relative pronoun and its verb (`that had declared`).
const AUXILIARIES: &[&str] = &["had", "has", "have", "would", "will", "did", "does", "do"];

/// Forms of `be`, which make a participle cue passive.
const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "'s", "’s"];

/// The speaker the grammar of the cue's clause dictates, before any nearest-source guess:
/// `Some(None)` for a passive cue with no agent (`he was accused of`), `None` when no rule
/// applies. `earlier` is the speaker of the statement before in the same sentence.
fn grammatical_source(
    context: &Context<'_>,
    cue: &Range<usize>,
    sources: &[Range<usize>],
    earlier: Option<Option<Range<usize>>>,
) -> Option<Option<Range<usize>>> {
    let Context {
        text, tokens, pos, ..
    } = *context;
    let sentence = context.sentence_at(cue.start)?;
    let word = |i: usize| tokens[i].text(text);
    let punctuation = |i: usize| word(i).chars().all(|c| !c.is_alphanumeric());
    let noun_phrase_from = |start: usize| -> Option<Range<usize>> {
        let end = (start..sentence.end.min(start + 12))
            .take_while(|&i| noun_like(pos[i]) || (word(i) == "of" && i > start))
            .last()?;
        Some(start..end + 1)
    };
    // `"...," says Paul Rieckhoff, founder of ...`: an inverted trailing attribution.
    let before_cue = cue.start.checked_sub(1).filter(|&i| i >= sentence.start);
    let in_source = |i: usize| sources.iter().any(|s| s.contains(&i));
    let after_content = before_cue.is_some_and(|i| {
        (word(i) == "," || closing_quote(word(i)))
            && i > sentence.start
            && !in_source(i - 1)
            && is_cue_word(word(cue.start))
    });
    if after_content && sentence.end <= cue.end + 40 {
        let words: Vec<usize> = (cue.end..sentence.end)
            .filter(|&i| !punctuation(i) && !is_day_word(word(i)))
            .collect();
        let nominal = (cue.end..sentence.end)
            .all(|i| punctuation(i) || noun_like(pos[i]) || matches!(pos[i], "IN" | "CC"));
        if let (Some(&first), Some(&last), true) = (words.first(), words.last(), nominal) {
            if words.len() <= 14 && noun_like(pos[first]) && !matches!(pos[first], "POS" | "CD") {
                return Some(Some(first..last + 1));
            }
        }
    }
    // `officials who said`, `rules that promise`: the relative pronoun speaks for its antecedent.
    // `that` stands for the noun phrase before it (`nations that oppose`).
    let mut at = cue.start;
    if !matches!(pos[at], "WP" | "WDT") {
        while at > sentence.start
            && cue.start - at < 3
            && (matches!(pos[at - 1], "RB" | "MD") || AUXILIARIES.contains(&word(at - 1)))
        {
            at -= 1;
        }
        at = at.saturating_sub(1);
    }
    // `the oil slick that threatened`: `that` right before a finite verb is its subject, a
    // relative pronoun however the tagger took it (a conjunction `that` comes before a subject).
    // When the tagger also missed the noun it stands for, the clause has no speaker: it is
    // not the speaker of the sentence's other statement.
    let relative_that = at > sentence.start
        && at < cue.start
        && word(at).eq_ignore_ascii_case("that")
        && !matches!(pos[at], "WP" | "WDT")
        && matches!(pos[cue.start], "VBD" | "VBZ" | "VBP");
    if relative_that {
        return Some(noun_phrase_before(tokens, pos, at, context.entities));
    }
    if at >= sentence.start && matches!(pos[at], "WP" | "WDT") {
        if word(at).eq_ignore_ascii_case("that") {
            if let Some(antecedent) = noun_phrase_before(tokens, pos, at, context.entities) {
                return Some(Some(antecedent));
            }
        }
        return Some(Some(at..at + 1));
    }
    // `it was announced by the ministry`; `he was accused of`: no agent, no speaker.
    let passive = (cue.start..cue.end).any(|i| {
        pos[i] == "VBN"
            && (i.saturating_sub(3).max(sentence.start)..i)
                .any(|j| pos[j] != "POS" && BE.contains(&word(j).to_lowercase().as_str()))
    });
    // `members, called to service by the governor`: a participle with its agent.
    let agent_follows = cue.len() == 1
        && matches!(pos[cue.start], "VBN" | "VBD")
        && before_cue.is_some_and(|i| word(i) == ",")
        && (cue.end..sentence.end.min(cue.end + 4)).any(|i| word(i).eq_ignore_ascii_case("by"));
    if passive || agent_follows {
        let by = (cue.end..sentence.end.min(cue.end + 15)).find(|&i| word(i).eq_ignore_ascii_case("by"));
        return Some(by.and_then(|i| noun_phrase_from(i + 1)));
    }
    // `After saying ..., she was whisked off`, `Lamenting their luck, Mexicans say`: an opening
    // participle's subject is the main clause's, after the comma.
    let opening =
        cue.start == sentence.start || (cue.start == sentence.start + 1 && pos[sentence.start] == "IN");
    if opening && participle(word(cue.start), pos[cue.start]) {
        if let Some(comma) = (cue.end..sentence.end.min(cue.end + 30)).find(|&i| word(i) == ",") {
            let start = comma + 1;
            if start < sentence.end && (pos[start] == "PRP" || noun_like(pos[start])) {
                let end = if pos[start] == "PRP" {
                    start + 1
                } else {
                    noun_phrase_from(start).map_or(start + 1, |r| r.end)
                };
                return Some(Some(start..end));
            }
        }
    }
    // `..., adding that` and `... and said`: the same speaker as the statement before.
    let joined = before_cue.is_some_and(|i| {
        let joint = word(i).to_lowercase();
        joint == "and" || joint == "but" || (joint == "," && participle(word(cue.start), pos[cue.start]))
    });
    if joined {
        if let Some(Some(speaker)) = earlier {
            return Some(Some(speaker));
        }
    }
    None
}

/// A speaker's label opening a paragraph (`PENCE: Well, look, ...`, `Minister Al-Sabah: “...”`):
/// up to four capitalised words before a colon, naming a person or organisation or written in
/// capitals as transcripts do. Returns the label's tokens and the colon's index.
fn speaker_label(context: &Context<'_>, paragraph: &Range<usize>) -> Option<(Range<usize>, usize)> {
    let Context {
        text,
        tokens,
        entities,
        ..
    } = *context;
    let word = |i: usize| tokens[i].text(text);
    let mut start = paragraph.start;
    if start < paragraph.end && opening_quote(word(start)) {
        start += 1;
    }
    let colon = (start..paragraph.end.min(start + 5)).find(|&i| word(i) == ":")?;
    let label = start..colon;
    let capitalised = label
        .clone()
        .all(|i| word(i).chars().next().is_some_and(|c| c.is_uppercase()) || word(i) == ".");
    if label.is_empty() || !capitalised || paragraph.end - colon < 4 {
        return None;
    }
    let span = Span::new(tokens[label.start].start, tokens[colon - 1].end);
    let first = entities.partition_point(|e| e.span.end <= span.start);
    let within: Vec<&Entity> = entities[first..]
        .iter()
        .take_while(|e| e.span.start < span.end)
        .collect();
    // `MANAMA:` is a dateline, not a speaker.
    if within.iter().any(|e| e.kind == EntityKind::Location) {
        return None;
    }
    let named = within.iter().any(|e| {
        matches!(
            e.kind,
            EntityKind::Person | EntityKind::Organization | EntityKind::Title
        )
    });
    let letters: Vec<char> = span.text(text).chars().filter(|c| c.is_alphabetic()).collect();
    let shouted = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    (named || shouted).then_some((label, colon))
}

/// Whether the contents either side of a cue are quotations: the first ends at a closing mark
/// (or the comma before one), the second opens with a mark.
fn quote_halves(text: &str, tokens: &[Token], first: &Range<usize>, second: &Range<usize>) -> (bool, bool) {
    let word = |i: usize| tokens[i].text(text);
    let last = first.end - 1;
    let closes = closing_quote(word(last)) || (last + 1 < tokens.len() && closing_quote(word(last + 1)));
    (closes, opening_quote(word(second.start)))
}

/// A speaker with the head noun its apposition belongs to (`The spokesperson for the Ministry
/// of Foreign Affairs, Fatima Al-Zaabi,`).
fn with_head(text: &str, tokens: &[Token], pos: &[&str], source: Range<usize>) -> Range<usize> {
    let mut range = source;
    let has_apposition = (range.start..range.end - 1).any(|i| tokens[i].text(text) == ",");
    if has_apposition && range.start >= 3 && matches!(tokens[range.start - 1].text(text), "for" | "of" | "at")
    {
        let noun = range.start - 2;
        if matches!(pos[noun], "NN" | "NNS") && matches!(pos[noun - 1], "DT" | "PRP$") {
            range.start = noun - 1;
        }
    }
    range
}

/// A name is never split between a content and the speaker after it (`"...," Amal Saeed
/// said` with `Amal` tagged as content): the speaker takes the whole name.
fn split_name(
    tokens: &[Token],
    entities: &[Entity],
    source: Option<Range<usize>>,
    content: Range<usize>,
) -> (Option<Range<usize>>, Range<usize>) {
    let Some(speaker) = source else {
        return (None, content);
    };
    if speaker.start != content.end || speaker.start <= content.start {
        return (Some(speaker), content);
    }
    let first = tokens[speaker.start];
    let index = entities.partition_point(|e| e.span.end <= first.start);
    let name_start = entities
        .get(index)
        .filter(|e| e.span.start < first.start && e.span.end > first.start)
        .map(|e| tokens.partition_point(|t| t.start < e.span.start));
    match name_start {
        Some(start) if start > content.start => (Some(start..speaker.end), content.start..start),
        _ => (Some(speaker), content),
    }
}

/// A participle's content ends where the main clause resumes: `calling for a ceasefire and
/// did not use its veto` stops before `and did`.
fn within_clause(pos: &[&str], content: Range<usize>) -> Range<usize> {
    let resumes = (content.start + 1..content.end.saturating_sub(1))
        .find(|&i| pos[i] == "CC" && matches!(pos[i + 1], "VBD" | "VBZ" | "VBP" | "MD"));
    match resumes {
        Some(end) => content.start..end,
        None => content,
    }
}

/// Whether a token opens a quotation.
fn opening_quote(word: &str) -> bool {
    matches!(word, "“" | "\"" | "«" | "``" | "''" | "'" | "‘")
}

/// Whether a token closes a quotation.
fn closing_quote(word: &str) -> bool {
    matches!(word, "”" | "\"" | "»" | "''" | "'" | "’")
}

/// A content that opens a quotation runs to its closing mark; one that closes a quotation starts
/// at its opening mark (a quote spans sentences the tagger may cut).
fn complete_quotation(text: &str, tokens: &[Token], content: Range<usize>, limit: usize) -> Range<usize> {
    let word = |i: usize| tokens[i].text(text);
    let (opening, closing) = (opening_quote, closing_quote);
    let mut range = content;
    if opening(word(range.start)) && !(range.start + 1..range.end).any(|i| closing(word(i))) {
        if let Some(close) =
            (range.end..limit.min(tokens.len()).min(range.end + 120)).find(|&i| closing(word(i)))
        {
            range.end = close + 1;
        }
    }
    let last = range.end - 1;
    if closing(word(last)) && !(range.start..last).any(|i| opening(word(i))) {
        if let Some(open) = (range.start.saturating_sub(120)..range.start)
            .rev()
            .find(|&i| opening(word(i)))
        {
            range.start = open;
        }
    }
    range
}

/// A source the tagger did not mark: the nearest pronoun or name just before the cue in its
/// sentence (`he said`, `Trump told`), else just after it (`said Trump`).
fn implicit_source(
    context: &Context<'_>,
    cue: &Range<usize>,
    in_content: &impl Fn(usize) -> bool,
) -> Option<Range<usize>> {
    let Context {
        text,
        tokens,
        pos,
        sentences,
        sentence_of,
        entities,
    } = *context;
    let sentence_start = sentences.get(sentence_of[cue.start]).map_or(0, |s| s.start);
    let word = |i: usize| tokens[i].text(text);
    // `according to show insiders`: the noun phrase after `according to`.
    if word(cue.start).eq_ignore_ascii_case("according") {
        let start = (cue.start + 1..cue.end + 2)
            .find(|&i| i < tokens.len() && !word(i).eq_ignore_ascii_case("to"))?;
        let end = (start..tokens.len().min(start + 8))
            .take_while(|&i| noun_like(pos[i]) && !in_content(i))
            .last()?;
        return Some(start..end + 1);
    }
    // `WALLACE: Let's start ...`: a speaker's label before a colon.
    if word(cue.start) == ":" && cue.start > 0 && noun_like(pos[cue.start - 1]) {
        let end = cue.start;
        let start = (end.saturating_sub(4)..end).find(|&i| (i..end).all(|j| noun_like(pos[j])))?;
        return Some(start..end);
    }
    // A country or city speaks as the subject of its sentence (`China, ..., said`), not as a
    // place named on the way (`officials in Gaza said`).
    let subject_position = |start: usize| {
        (sentence_start..cue.start)
            .take_while(|&i| tokens[i].start < start)
            .all(|i| matches!(pos[i], "RB" | "CC" | "DT" | "``" | "''"))
    };
    let candidate = |index: usize| -> Option<Range<usize>> {
        // A name right before the cue is its subject even when the tagged content ran over it
        // (`... were made public ― Trump boasted`).
        if in_content(index) && index + 1 != cue.start {
            return None;
        }
        let lower = word(index).to_lowercase();
        if matches!(
            lower.as_str(),
            "he" | "she" | "they" | "it" | "i" | "we" | "who" | "which"
        ) {
            return Some(index..index + 1);
        }
        let token = tokens[index];
        if let Some(entity) = entities.iter().find(|e| {
            e.span.start <= token.start
                && token.end <= e.span.end
                && (matches!(
                    e.kind,
                    EntityKind::Person | EntityKind::Organization | EntityKind::Title | EntityKind::Group
                ) || (e.kind == EntityKind::Location && subject_position(e.span.start)))
        }) {
            let first = (0..=index)
                .rev()
                .take_while(|&i| tokens[i].start >= entity.span.start)
                .last()?;
            let last = (index..tokens.len())
                .take_while(|&i| tokens[i].end <= entity.span.end)
                .last()?;
            return Some(first..last + 1);
        }
        None
    };
    // Look back over the clause (not past the end of an earlier sentence), then just after.
    let mut before = None;
    for index in (cue.start.saturating_sub(14)..cue.start).rev() {
        if matches!(word(index), "." | "!" | "?") {
            break;
        }
        if let Some(found) = candidate(index) {
            before = Some(found);
            break;
        }
    }
    before.or_else(|| (cue.end..(cue.end + 3).min(tokens.len())).find_map(candidate))
}

/// The noun phrase that ends right before `end`: the entity there, else the run of nouns and
/// their modifiers.
fn noun_phrase_before(
    tokens: &[Token],
    pos: &[&str],
    end: usize,
    entities: &[Entity],
) -> Option<Range<usize>> {
    let last = end.checked_sub(1)?;
    let token = tokens[last];
    if let Some(entity) = entities
        .iter()
        .find(|e| e.span.start <= token.start && token.end <= e.span.end)
    {
        let first = (0..=last)
            .rev()
            .take_while(|&i| tokens[i].start >= entity.span.start)
            .last()?;
        return Some(first..end);
    }
    let first = (last.saturating_sub(5)..=last)
        .rev()
        .take_while(|&i| noun_like(pos[i]))
        .last()?;
    Some(first..end)
}

/// Tags of the words of a noun phrase.
fn noun_like(tag: &str) -> bool {
    matches!(
        tag,
        "DT" | "PRP$" | "JJ" | "JJS" | "JJR" | "NN" | "NNS" | "NNP" | "NNPS" | "CD" | "POS"
    )
}

/// The subject of the cue's clause when no nearer source is found: the first noun phrase of
/// the sentence, when it comes before the cue (`A reporter for USA Today spotted Stein ... and
/// reported`, `Donald Trump is questioning ..., encouraging ...`).
fn subject_of(
    tokens: &[Token],
    pos: &[&str],
    cue: &Range<usize>,
    in_content: &impl Fn(usize) -> bool,
    sentences: &[Range<usize>],
    sentence_of: &[usize],
) -> Option<Range<usize>> {
    let start = sentences.get(sentence_of[cue.start])?.start;
    // Skip an opening adverbial (`On September 27,`, `In 2009,`) and a leading conjunction or
    // adverb (`But`, `Now`).
    let mut start = start;
    if matches!(pos[start], "IN" | "RB") {
        if let Some(comma) = (start..cue.start.min(start + 9)).find(|&i| pos[i] == ",") {
            start = comma + 1;
        }
    }
    let first =
        (start..cue.start).find(|&i| !matches!(pos[i], "CC" | "RB" | "IN" | "," | "``" | "''" | ":"))?;
    let mut end = first;
    while end < cue.start && noun_like(pos[end]) && !in_content(end) {
        end += 1;
    }
    let is_noun = |i: usize| matches!(pos[i], "NN" | "NNS" | "NNP" | "NNPS");
    if end == first && matches!(pos[first], "PRP") && !in_content(first) {
        return Some(first..first + 1);
    }
    (end > first && (first..end).any(is_noun) && tokens.len() >= end).then_some(first..end)
}

/// Whether a statement's speaker is a person (named, or by title).
fn speaks_as_person(statement: &Statement, entities: &[Entity]) -> bool {
    let Some(speaker) = statement.speaker else {
        return false;
    };
    entities
        .iter()
        .any(|e| matches!(e.kind, EntityKind::Person | EntityKind::Title) && speaker.contains(&e.span))
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn build(
    text: &str,
    tokens: &[Token],
    source: Option<Range<usize>>,
    cue: Option<Range<usize>>,
    content: Range<usize>,
    entities: &[Entity],
) -> Statement {
    let span = |range: &Range<usize>| Span::new(tokens[range.start].start, tokens[range.end - 1].end);
    let content_span = span(&content);
    let speaker = source.as_ref().map(span);
    Statement {
        kind: kind_of(content_span.text(text)),
        speaker,
        speaker_canonical: speaker.and_then(|s| resolve_speaker(text, s, entities)),
        cue: cue.as_ref().map(span),
        content: content_span,
    }
}

/// Direct when the content is one quotation, mixed when it holds a quotation, else indirect.
fn kind_of(content: &str) -> StatementKind {
    let opens = |c: char| matches!(c, '"' | '“' | '«');
    let closes = |c: char| matches!(c, '"' | '”' | '»');
    let trimmed = content.trim_end_matches(['.', ',', ' ']);
    let starts = trimmed
        .chars()
        .next()
        .is_some_and(|c| opens(c) || matches!(c, '\'' | '‘'));
    let ends = trimmed
        .chars()
        .last()
        .is_some_and(|c| closes(c) || matches!(c, '\'' | '’'));
    let quote_marks = content.chars().filter(|&c| opens(c) || closes(c)).count();
    // A quotation left open at the end of its paragraph (not closed anywhere) is still direct.
    if starts && (ends || quote_marks == 1) {
        StatementKind::Direct
    } else if quote_marks >= 2 {
        StatementKind::Mixed
    } else {
        StatementKind::Indirect
    }
}

/// A quotation that runs over several paragraphs, each reopened with a quotation mark and
/// closed only at the end, is one statement: a content that opens a quotation left unclosed
/// at its paragraph's end runs on through the paragraphs that reopen it, to the closing mark.
/// `paragraphs` are token ranges in text order.
pub fn continue_quotations(
    text: &str,
    tokens: &[Token],
    paragraphs: &[Range<usize>],
    statements: &mut [Statement],
) {
    let word = |i: usize| tokens[i].text(text);
    let token_at = |offset: usize| tokens.partition_point(|t| t.end <= offset);
    // A paragraph with a cue of its own (`"We will win," he said.`) is its own statement.
    let mut cues: Vec<usize> = statements
        .iter()
        .filter_map(|s| s.cue)
        .map(|cue| token_at(cue.start))
        .collect();
    cues.sort_unstable();
    let has_cue = |paragraph: &Range<usize>| {
        let index = cues.partition_point(|&cue| cue < paragraph.start);
        cues.get(index).is_some_and(|&cue| cue < paragraph.end)
    };
    for statement in statements.iter_mut() {
        let first = token_at(statement.content.start);
        let last = token_at(statement.content.end.saturating_sub(1));
        if first >= tokens.len()
            || !opening_quote(word(first))
            || (first + 1..=last.min(tokens.len() - 1)).any(|i| closing_quote(word(i)))
        {
            continue;
        }
        let index = paragraphs.partition_point(|p| p.end <= first);
        let Some(paragraph) = paragraphs.get(index) else {
            continue;
        };
        // The content must reach the end of its paragraph (bar the final punctuation).
        if (last + 1..paragraph.end).any(|i| word(i).chars().any(char::is_alphanumeric)) {
            continue;
        }
        let mut end = None;
        for next in &paragraphs[index + 1..] {
            if next.is_empty() || !opening_quote(word(next.start)) || has_cue(next) {
                break;
            }
            if let Some(close) = (next.start + 1..next.end).find(|&i| closing_quote(word(i))) {
                end = Some(close);
                break;
            }
            end = Some(next.end - 1);
        }
        if let Some(end) = end {
            statement.content.end = tokens[end].end;
            statement.kind = StatementKind::Direct;
        }
    }
}

const PERSON_PRONOUNS: &[&str] = &["he", "she", "him", "her", "i", "his"];
const GROUP_PRONOUNS: &[&str] = &["they", "it", "we", "them"];

/// The entity a speaker span names: a person inside it (the last one, after titles and
/// appositions), a bare title's person, an organisation or group inside it; for a pronoun or a
/// common noun phrase, the person (or, for `it`/`they`, the organisation or group) named last
/// before it.
pub fn resolve_speaker(text: &str, speaker: Span, entities: &[Entity]) -> Option<String> {
    let inside: Vec<&Entity> = entities.iter().filter(|e| speaker.contains(&e.span)).collect();
    let pick = |kinds: &[EntityKind]| {
        inside
            .iter()
            .rev()
            .find(|e| kinds.contains(&e.kind))
            .map(|e| e.canonical.clone())
    };
    if let Some(found) = pick(&[EntityKind::Person, EntityKind::Title]) {
        return Some(found);
    }
    if let Some(found) = pick(&[EntityKind::Organization, EntityKind::Group, EntityKind::Location]) {
        return Some(found);
    }
    let words = speaker.text(text).to_lowercase();
    let head = words.split_whitespace().last().unwrap_or("");
    let mut earlier = entities.iter().rev().filter(|e| e.span.end <= speaker.start);
    if PERSON_PRONOUNS.contains(&head) {
        return earlier
            .find(|e| matches!(e.kind, EntityKind::Person | EntityKind::Title))
            .map(|e| e.canonical.clone());
    }
    if GROUP_PRONOUNS.contains(&head) {
        return earlier
            .find(|e| matches!(e.kind, EntityKind::Organization | EntityKind::Group))
            .map(|e| e.canonical.clone());
    }
    // `the ministry`, `the spokesman`: the nearest earlier name whose words include the head.
    earlier
        .take(12)
        .find(|e| e.canonical.to_lowercase().split_whitespace().any(|w| w == head))
        .map(|e| e.canonical.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(kind_of("“We will act,”"), StatementKind::Direct);
        assert_eq!(
            kind_of("that the talks were \"constructive\" and useful"),
            StatementKind::Mixed
        );
        assert_eq!(kind_of("that the talks would resume"), StatementKind::Indirect);
    }

    #[test]
    fn pronouns_and_titles_resolve_to_earlier_names() {
        let text = "Salem Al-Rifai met Ahmed. He said it was useful. The ministry said so.";
        let entities = vec![
            Entity {
                span: Span::new(0, 14),
                kind: EntityKind::Person,
                canonical: "Salem Al-Rifai".into(),
            },
            Entity {
                span: Span::new(19, 24),
                kind: EntityKind::Person,
                canonical: "Ahmed Nasser".into(),
            },
        ];
        let he = Span::new(26, 28);
        assert_eq!(
            resolve_speaker(text, he, &entities).as_deref(),
            Some("Ahmed Nasser")
        );
        let named = Span::new(0, 14);
        assert_eq!(
            resolve_speaker(text, named, &entities).as_deref(),
            Some("Salem Al-Rifai")
        );
        let ministry = Span::new(49, 61);
        assert_eq!(resolve_speaker(text, ministry, &entities), None);
    }
}
