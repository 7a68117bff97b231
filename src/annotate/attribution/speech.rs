//! Whether a cue reports a statement: it must hold a reporting word and be headed by it, and it
//! must not report an act (`discussed`, `welcomed`, `thanked`, `decided to`, `agreed to
//! sign`; `assets/attribution/acts.txt`), a question put to someone (`Asked about ...`, `when
//! asked whether`), a cause (`blamed on`), a scene (`video footage showed`) or speech that did
//! not happen (`declined to comment`); nor may it be the `as saying` of `quoted X as saying`,
//! whose statement that cue makes. Also the cue's extent: a leading adverb (`strongly
//! condemned`) is not part of it.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use super::grammar::{AUXILIARIES, BE};
use super::quotes::opening_quote;
use super::reporting::{is_reporting_verb, reporting_phrase};
use super::statements::Context;
use super::tagger::is_cue_word;

/// The words of `assets/attribution/acts.txt`: acts, and (under `[visual]`) what shows a scene.
struct Acts {
    acts: HashSet<&'static str>,
    visual: HashSet<&'static str>,
}

static ACTS: LazyLock<Acts> = LazyLock::new(|| {
    let mut acts = Acts {
        acts: HashSet::new(),
        visual: HashSet::new(),
    };
    let mut visual = false;
    for line in include_str!("../../../assets/attribution/acts.txt").lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        match line {
            "" => {}
            "[visual]" => visual = true,
            word if visual => {
                acts.visual.insert(word);
            }
            word => {
                acts.acts.insert(word);
            }
        }
    }
    acts
});

/// Whether a cue reports a statement.
pub fn reports_speech(context: &Context<'_>, cue: &Range<usize>) -> bool {
    headed_by_reporting_word(context, cue)
        && !reports_an_act(context, cue)
        && !ends_quoted_as_saying(context, cue)
        && !is_headline_colon(context, cue)
}

/// A cue that is only the colon of a headline label.
fn is_headline_colon(context: &Context<'_>, cue: &Range<usize>) -> bool {
    cue.len() == 1 && context.word(cue.start) == ":" && labels_a_headline(context, cue.start)
}

/// `PM: New budget due in March`, `Ministry: Fares to rise in May`: a colon after a name on
/// a line that ends without punctuation labels a headline or a teaser with whom it is about,
/// not a quotation (a quoted label, `Minister X: "..."`, and a transcript's `X: Well, ...`
/// end their lines with a mark).
pub fn labels_a_headline(context: &Context<'_>, colon: usize) -> bool {
    let quoted = context
        .tokens
        .get(colon + 1)
        .is_some_and(|t| opening_quote(t.text(context.text)));
    let after = &context.text[context.tokens[colon].end..];
    let line = after.split('\n').next().unwrap_or("").trim_end();
    !quoted && line.chars().last().is_some_and(char::is_alphanumeric)
}

/// `as saying` after `quoted X` earlier in its sentence: the end of the cue `quoted X as
/// saying`, whose statement that cue makes.
fn ends_quoted_as_saying(context: &Context<'_>, cue: &Range<usize>) -> bool {
    let lower = |i: usize| context.word(i).to_lowercase();
    let as_saying = cue.len() >= 2
        && lower(cue.start) == "as"
        && matches!(lower(cue.start + 1).as_str(), "saying" | "telling" | "stating");
    let sentence_start = context.sentence_at(cue.start).map_or(0, |s| s.start);
    as_saying
        && (sentence_start..cue.start).any(|i| matches!(lower(i).as_str(), "quoted" | "quotes" | "quoting"))
}

/// The cue holds a reporting word (or is a speaker's colon), not just any verb the tagger took
/// for one (`allowed`), and its main verb, past any auxiliaries, is that word (not `allowed
/// the adoption of a resolution calling for`).
fn headed_by_reporting_word(context: &Context<'_>, cue: &Range<usize>) -> bool {
    let Context { pos, .. } = *context;
    let reports = |t: usize| {
        let word = context.word(t);
        is_cue_word(word)
            || is_reporting_verb(word)
            || word == ":"
            || reporting_phrase(|i| context.word(i), t, cue.end).is_some()
    };
    let main_verb = cue
        .clone()
        .find(|&t| pos[t].starts_with("VB") && !is_auxiliary(context, t));
    cue.clone().any(reports) && main_verb.is_none_or(reports)
}

/// Whether the cue reports an act, a question put, a cause or a scene rather than a statement.
fn reports_an_act(context: &Context<'_>, cue: &Range<usize>) -> bool {
    let lower = |i: usize| context.word(i).to_lowercase();
    // The verb past any adverb (`also decided`, `has always welcomed`, `did not comment`).
    let Some(verb) = cue.clone().find(|&i| {
        context.word(i).chars().any(char::is_alphabetic)
            && context.pos[i] != "RB"
            && !is_adverb(context, i)
            && !is_auxiliary(context, i)
    }) else {
        return false;
    };
    let word = lower(verb);
    let next = (cue.end < context.tokens.len()).then(|| lower(cue.end));
    let following = |i: usize| (i < context.tokens.len()).then(|| lower(i));
    if ACTS.acts.contains(word.as_str()) {
        return true;
    }
    match word.as_str() {
        // `agreed to sign`, `agrees to cooperate`: an undertaking, not a claim (`agreed that`).
        "agree" | "agreed" | "agrees" => {
            let after = cue.clone().skip_while(|&i| i <= verb).chain(cue.end..cue.end + 1);
            after.take(1).any(|i| following(i).as_deref() == Some("to"))
        }
        // `blamed on militants`: a cause, not a statement.
        "blamed" => cue
            .clone()
            .chain(cue.end..cue.end + 1)
            .any(|i| following(i).as_deref() == Some("on")),
        "asked" => is_question_put(context, cue, verb, next.as_deref()),
        "show" | "shows" | "showed" | "shown" | "showing" => shows_a_scene(context, verb),
        _ => false,
    }
}

/// `Asked about the talks, he said`, `when asked whether`, `was asked`, `asked about`: a
/// question put to the speaker, who answers in a statement of its own. (`asked the government
/// to act` is a request, and a statement.)
fn is_question_put(context: &Context<'_>, cue: &Range<usize>, verb: usize, next: Option<&str>) -> bool {
    let sentence_start = context.sentence_at(verb).map_or(0, |s| s.start);
    let opening = verb == sentence_start || context.word(verb).starts_with('A');
    let before = verb
        .checked_sub(1)
        .filter(|&i| i >= sentence_start)
        .map(|i| context.word(i).to_lowercase());
    let passive_or_when = before
        .as_deref()
        .is_some_and(|w| matches!(w, "was" | "were" | "been" | "being" | "when" | "if" | "after"));
    let about = cue
        .clone()
        .skip_while(|&i| i <= verb)
        .map(|i| context.word(i).to_lowercase())
        .chain(next.map(str::to_string))
        .take(1)
        .any(|w| matches!(w.as_str(), "about" | "whether" | "if" | "on" | "for"));
    opening || passive_or_when || about
}

/// `Video footage showed a collapsed bridge`: a picture shows a scene, not a finding. The
/// subject is the noun phrase right before the verb.
fn shows_a_scene(context: &Context<'_>, verb: usize) -> bool {
    let sentence_start = context.sentence_at(verb).map_or(0, |s| s.start);
    (sentence_start..verb)
        .rev()
        .take(4)
        .any(|i| ACTS.visual.contains(context.word(i).to_lowercase().as_str()))
}

/// A modal or a form of `be`, `have` or `do`.
fn is_auxiliary(context: &Context<'_>, token: usize) -> bool {
    let word = context.word(token);
    context.pos[token] == "MD" || BE.contains(&word.to_lowercase().as_str()) || AUXILIARIES.contains(&word)
}

/// An adverb ending in `-ly` (`strongly`, `utterly`), tagged so.
fn is_adverb(context: &Context<'_>, token: usize) -> bool {
    context.pos[token] == "RB" && context.word(token).ends_with("ly")
}

/// The cue without the adverbs that open it (`strongly condemned` → `condemned`) and the
/// auxiliaries before them (`has repeatedly assured` → `assured`).
pub fn without_leading_adverbs(context: &Context<'_>, cue: &Range<usize>) -> Range<usize> {
    let mut start = cue.start;
    while start + 1 < cue.end
        && (is_adverb(context, start) || (is_auxiliary(context, start) && is_adverb(context, start + 1)))
    {
        start += 1;
    }
    start..cue.end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::attribution::fixture::Fixture;

    fn reports(text: &str, cue: &str) -> bool {
        let fixture = Fixture::new(text);
        reports_speech(&fixture.context(), &fixture.at(cue))
    }

    #[test]
    fn reporting_words_report() {
        assert!(reports("The minister said the plan was ready.", "said"));
        assert!(reports(
            "The minister has stressed that the plan was ready.",
            "has stressed"
        ));
        assert!(!reports(
            "The council allowed the adoption of a resolution.",
            "allowed"
        ));
    }

    #[test]
    fn acts_are_not_statements() {
        assert!(!reports(
            "The two ministers discussed the water project.",
            "discussed"
        ));
        assert!(!reports("The minister welcomed the delegation.", "welcomed"));
        assert!(!reports(
            "The envoy thanked the organisers for their work.",
            "thanked"
        ));
        assert!(!reports("The sides agreed to sign a memorandum.", "agreed"));
        assert!(reports("The sides agreed that the talks were useful.", "agreed"));
        assert!(!reports("The spokesman declined to comment.", "declined"));
        assert!(!reports("The attack was blamed on militants.", "blamed"));
        assert!(!reports(
            "The two committees also decided to meet again in the spring.",
            "also decided"
        ));
        assert!(!reports(
            "The council has always welcomed new members.",
            "has always welcomed"
        ));
    }

    #[test]
    fn a_question_put_is_not_a_statement() {
        assert!(!reports(
            "Asked about the talks, the minister said they would go on.",
            "Asked"
        ));
        assert!(!reports("When asked whether he would run, he smiled.", "asked"));
        assert!(reports("The minister asked the council to act quickly.", "asked"));
    }

    #[test]
    fn a_headline_label_is_not_a_statement() {
        let text = "PM: New budget due in March\n\nThe cabinet met on Monday.";
        assert!(!reports(text, ":"));
        let text = "GCC: Talks on the water grid to resume in Muscat";
        assert!(!reports(text, ":"));
        assert!(reports(
            "Minister Layla Haddad: “We are ready for the talks.”",
            ":"
        ));
        assert!(reports("HADDAD: Well, we are ready for the talks.", ":"));
    }

    #[test]
    fn as_saying_belongs_to_quoted() {
        let text = "The meeting quoted the minister as saying: \"We will act.\"";
        assert!(!reports(text, "as saying"));
        assert!(reports(text, "quoted"));
    }

    #[test]
    fn pictures_show_scenes_and_surveys_show_findings() {
        assert!(!reports("Video footage showed a collapsed bridge.", "showed"));
        assert!(reports("The survey shows that prices rose.", "shows"));
    }

    #[test]
    fn a_leading_adverb_is_not_part_of_the_cue() {
        let fixture = Fixture::new("The minister strongly condemned the attack.");
        let cue = fixture.at("strongly condemned");
        let trimmed = without_leading_adverbs(&fixture.context(), &cue);
        assert_eq!(fixture.words(&trimmed), "condemned");
        let fixture = Fixture::new("The spokesman has repeatedly assured residents that all was well.");
        let cue = fixture.at("has repeatedly assured");
        let trimmed = without_leading_adverbs(&fixture.context(), &cue);
        assert_eq!(fixture.words(&trimmed), "assured");
    }
}
