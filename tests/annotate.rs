//! The annotator on wire copy: entity rules, canonical grouping, time resolution, the two
//! output forms, and a reviewed snapshot of the markup of every bundled sample article.

use chrono::NaiveDate;
use newsdesk::annotate::entities::EntityKind;
use newsdesk::annotate::output::{json_entities, markup};
use newsdesk::annotate::{Annotations, annotate};
use newsdesk::samples::samples;

fn day(text: &str) -> Option<NaiveDate> {
    text.parse().ok()
}

/// `(text, kind, canonical)` of every entity.
fn entities(text: &str, annotations: &Annotations) -> Vec<(String, EntityKind, String)> {
    annotations
        .entities
        .iter()
        .map(|e| (e.span.text(text).to_string(), e.kind, e.canonical.clone()))
        .collect()
}

fn has(found: &[(String, EntityKind, String)], text: &str, kind: EntityKind, canonical: &str) -> bool {
    found
        .iter()
        .any(|(t, k, c)| t == text && *k == kind && c == canonical)
}

const STORY: &str = "WASHINGTON, Oct 5 (KUNA) -- U.S. Secretary of State Daniel Whitcombe on Monday hailed the water summit opening in Kuwait, officials in Washington said.\n\n\
Nadia Ferrante, a spokeswoman for the State Department, told reporters that Secretary Whitcombe had discussed the summit with Kuwaiti Foreign Minister Abdulwahab Al-Rifai in a phone call.\n\n\
The Secretary stressed that the United States supports the initiative, and Whitcombe thanked the Gulf Cooperation Council (GCC) for its work. Israeli and Palestinian officials also attended.";

#[test]
fn titles_mark_people_and_are_not_part_of_names() {
    let annotations = annotate(STORY, day("2026-10-05"));
    let found = entities(STORY, &annotations);
    assert!(
        has(&found, "Daniel Whitcombe", EntityKind::Person, "Daniel Whitcombe"),
        "{found:#?}"
    );
    assert!(
        has(&found, "Whitcombe", EntityKind::Person, "Daniel Whitcombe"),
        "{found:#?}"
    );
    assert!(
        has(&found, "Nadia Ferrante", EntityKind::Person, "Nadia Ferrante"),
        "{found:#?}"
    );
    assert!(
        has(
            &found,
            "Abdulwahab Al-Rifai",
            EntityKind::Person,
            "Abdulwahab Al-Rifai"
        ),
        "{found:#?}"
    );
    assert!(
        !found
            .iter()
            .any(|(t, _, _)| t.starts_with("Secretary ") || t.starts_with("Foreign Minister")),
        "{found:#?}"
    );
}

#[test]
fn a_bare_title_joins_the_person_it_was_attached_to() {
    let annotations = annotate(STORY, day("2026-10-05"));
    let found = entities(STORY, &annotations);
    assert!(
        has(&found, "Secretary", EntityKind::Title, "Daniel Whitcombe"),
        "{found:#?}"
    );
}

#[test]
fn aliases_and_acronyms_share_a_canonical_name() {
    let annotations = annotate(STORY, day("2026-10-05"));
    let found = entities(STORY, &annotations);
    assert!(
        has(&found, "U.S.", EntityKind::Location, "United States"),
        "{found:#?}"
    );
    assert!(
        has(&found, "United States", EntityKind::Location, "United States"),
        "{found:#?}"
    );
    assert!(
        has(
            &found,
            "GCC",
            EntityKind::Organization,
            "Gulf Cooperation Council"
        ),
        "{found:#?}"
    );
}

#[test]
fn an_organisation_cut_in_two_is_one_name() {
    let text = "In a statement, the Ministry of Foreign Affairs said that it welcomed the initiative. \
                The Kuwait Investment Authority and the Gulf Bank agreed.";
    let found = entities(text, &annotate(text, None));
    let organizations: Vec<&str> = found
        .iter()
        .filter(|(_, kind, _)| *kind == EntityKind::Organization)
        .map(|(text, _, _)| text.as_str())
        .collect();
    assert_eq!(
        organizations,
        [
            "Ministry of Foreign Affairs",
            "Kuwait Investment Authority",
            "Gulf Bank"
        ]
    );
}

#[test]
fn nationalities_are_groups() {
    let annotations = annotate(STORY, day("2026-10-05"));
    let found = entities(STORY, &annotations);
    for group in ["Israeli", "Palestinian", "Kuwaiti"] {
        assert!(
            has(&found, group, EntityKind::Group, group),
            "{group}: {found:#?}"
        );
    }
}

#[test]
fn places_are_not_people() {
    let text = "Tanks massed near Rafah on Sunday as talks on Gaza stalled.";
    let found = entities(text, &annotate(text, None));
    assert!(has(&found, "Rafah", EntityKind::Location, "Rafah"), "{found:#?}");
}

#[test]
fn dates_resolve_against_the_publication_day() {
    let annotations = annotate(STORY, day("2026-10-05"));
    let monday = annotations
        .times
        .iter()
        .find(|t| &STORY[t.start..t.end] == "Monday")
        .expect("Monday");
    assert_eq!(
        monday.resolved,
        Some(newsdesk::annotate::time::Resolved::Day {
            date: NaiveDate::from_ymd_opt(2026, 10, 5).expect("date")
        })
    );
}

#[test]
fn json_offsets_count_code_points() {
    let text = "« Koweït » — Emir Sheikh Munir Al-Sabah received Liang Weiguo in Kuwait City.";
    let annotations = annotate(text, None);
    for item in json_entities(text, &annotations) {
        let by_chars: String = text
            .chars()
            .skip(item.start)
            .take(item.end - item.start)
            .collect();
        assert_eq!(by_chars, item.text);
    }
}

#[test]
fn markup_of_every_sample_article() {
    let mut out = String::new();
    for sample in samples() {
        for article in sample.articles().unwrap_or_else(|error| panic!("{error}")) {
            let annotations = annotate(&article.body, article.published.map(|p| p.date()));
            out.push_str(&format!(
                "== {} #{}\n{}\n\n",
                article.source.path,
                article.source.index,
                markup(&article.body, &annotations)
            ));
        }
    }
    insta::assert_snapshot!(out);
}

#[test]
fn ministers_named_after_their_portfolio() {
    let text = "The envoy met Minister of Electricity and Water Affairs Ahmed Jawad Al-Aradi and Director-General of Health Datuk Dr Faridah Othman on Sunday.";
    let found = entities(text, &annotate(text, None));
    assert!(
        has(
            &found,
            "Ahmed Jawad Al-Aradi",
            EntityKind::Person,
            "Ahmed Jawad Al-Aradi"
        ),
        "{found:#?}"
    );
    assert!(
        has(&found, "Faridah Othman", EntityKind::Person, "Faridah Othman"),
        "{found:#?}"
    );
    assert!(
        !found
            .iter()
            .any(|(t, _, _)| t.contains("Electricity") || t.contains("Health")),
        "{found:#?}"
    );
}

#[test]
fn arabic_names_run_over_their_particles_and_stay_people() {
    let text = "His Highness the Amir Sheikh Munir Al-Fahad Al-Sabah received Foreign Minister Abdulwahab Saud Al-Rifai.\n\nAl-Rifai later briefed the Cabinet.";
    let found = entities(text, &annotate(text, None));
    assert!(
        has(
            &found,
            "Munir Al-Fahad Al-Sabah",
            EntityKind::Person,
            "Munir Al-Fahad Al-Sabah"
        ),
        "{found:#?}"
    );
    assert!(
        has(
            &found,
            "Abdulwahab Saud Al-Rifai",
            EntityKind::Person,
            "Abdulwahab Saud Al-Rifai"
        ),
        "{found:#?}"
    );
    assert!(
        has(&found, "Al-Rifai", EntityKind::Person, "Abdulwahab Saud Al-Rifai"),
        "{found:#?}"
    );
}

#[test]
fn currencies_and_seas() {
    let text = "States pledged USD 2.1 billion to protect the Caspian Sea and the Arabian Sea.";
    let found = entities(text, &annotate(text, None));
    assert!(!found.iter().any(|(t, _, _)| t == "USD"), "{found:#?}");
    assert!(
        found
            .iter()
            .any(|(t, k, _)| t == "Caspian Sea" && *k == EntityKind::Location),
        "{found:#?}"
    );
}

#[test]
fn a_bare_title_takes_in_the_names_inside_it() {
    // A title standing for a person named earlier (here a garbled name) holds a word the
    // recogniser also took for a place: the title and the place overlapped.
    let text =
        "The Minister  Educati said.\n\nThe Minister of Education and er Education visited the school.";
    let annotations = annotate(text, None);
    let mut previous_end = 0;
    for entity in &annotations.entities {
        assert!(entity.span.start >= previous_end, "overlap at {entity:?}");
        previous_end = entity.span.end;
    }
    let found = entities(text, &annotations);
    assert!(
        found
            .iter()
            .any(|(t, k, _)| t == "Minister of Education" && *k == EntityKind::Title),
        "{found:?}"
    );
}
