//! Who said what: each attribution pattern of wire copy, quotations (balanced, unbalanced,
//! nested, over several paragraphs, scare quotes), and each way a speaker is resolved.

use newsdesk::annotate::annotate;
use newsdesk::annotate::attribution::statements::StatementKind;

/// A statement as text: kind, speaker, the speaker's entity, cue, content.
#[derive(Debug, PartialEq)]
struct Said {
    kind: StatementKind,
    speaker: Option<String>,
    canonical: Option<String>,
    cue: Option<String>,
    content: String,
}

fn statements(text: &str) -> Vec<Said> {
    annotate(text, None)
        .statements
        .into_iter()
        .map(|s| Said {
            kind: s.kind,
            speaker: s.speaker.map(|span| span.text(text).to_string()),
            canonical: s.speaker_canonical,
            cue: s.cue.map(|span| span.text(text).to_string()),
            content: s.content.text(text).to_string(),
        })
        .collect()
}

/// The only statement of a text.
fn one(text: &str) -> Said {
    let mut found = statements(text);
    assert_eq!(found.len(), 1, "{text}: {found:#?}");
    found.remove(0)
}

fn some(text: &str) -> Option<String> {
    Some(text.to_string())
}

#[test]
fn x_said_that() {
    let said = one("Kuwaiti Foreign Minister Abdullah Al-Yahya said that the talks would resume next week.");
    assert_eq!(said.speaker, some("Kuwaiti Foreign Minister Abdullah Al-Yahya"));
    assert_eq!(said.canonical, some("Abdullah Al-Yahya"));
    assert_eq!(said.cue, some("said"));
    assert_eq!(said.content, "that the talks would resume next week");
    assert_eq!(said.kind, StatementKind::Indirect);
}

#[test]
fn clause_then_x_said() {
    let said = one("The talks will resume next week, the minister said.");
    assert_eq!(said.speaker, some("the minister"));
    assert_eq!(said.cue, some("said"));
    assert_eq!(said.content, "The talks will resume next week");
}

#[test]
fn quotation_then_said_x_and_title() {
    let said = one(
        "\"We will not accept any delay,\" said Ahmed Al-Mansouri, the head of the Gulf Cooperation Council delegation.",
    );
    assert_eq!(said.kind, StatementKind::Direct);
    assert_eq!(said.content, "\"We will not accept any delay,\"");
    assert_eq!(said.cue, some("said"));
    assert_eq!(
        said.speaker,
        some("Ahmed Al-Mansouri, the head of the Gulf Cooperation Council delegation")
    );
    assert_eq!(said.canonical, some("Ahmed Al-Mansouri"));
}

#[test]
fn x_told_reporters() {
    let said = one("The spokesman told reporters the ceasefire was holding.");
    assert_eq!(said.speaker, some("The spokesman"));
    assert_eq!(said.cue, some("told"));
    assert_eq!(said.content, "the ceasefire was holding");
}

#[test]
fn according_to_x() {
    let said = one("According to the Health Ministry, 42 people were injured in the blast.");
    assert_eq!(said.cue, some("According to"));
    assert!(
        said.speaker
            .as_deref()
            .is_some_and(|s| s.contains("Health Ministry")),
        "{said:?}"
    );
    assert_eq!(said.content, "42 people were injured in the blast");
}

#[test]
fn speaker_colon_quotation() {
    let said = one("Foreign Minister Salem Al-Rifai: “We expect a decision within days.”");
    assert_eq!(said.kind, StatementKind::Direct);
    assert_eq!(said.canonical, some("Salem Al-Rifai"));
    assert_eq!(said.cue, some(":"));
    assert_eq!(said.content, "“We expect a decision within days.”");
}

#[test]
fn a_dateline_is_not_a_speaker() {
    let found = statements("MANAMA: Bahrain has invited developers to bid for a new plant.");
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn appositive_speaker() {
    let said = one(
        "The spokesperson for the Ministry of Foreign Affairs, Fatima Al-Zaabi, said that the embassy would reopen.",
    );
    assert!(
        said.speaker
            .as_deref()
            .is_some_and(|s| s.starts_with("The spokesperson for")),
        "{said:?}"
    );
    assert_eq!(said.canonical, some("Fatima Al-Zaabi"));
    assert_eq!(said.content, "that the embassy would reopen");
}

#[test]
fn in_a_statement() {
    let said = one("In a statement, the ministry said it would review the contracts.");
    assert_eq!(said.speaker, some("the ministry"));
    assert_eq!(said.content, "it would review the contracts");
}

#[test]
fn quoted_as_saying() {
    let said =
        one("The agency quoted Prime Minister Nasser Al-Ahmad as saying the budget would be balanced.");
    assert_eq!(said.speaker, some("Prime Minister Nasser Al-Ahmad"));
    assert_eq!(said.canonical, some("Nasser Al-Ahmad"));
    assert_eq!(said.content, "the budget would be balanced");
}

#[test]
fn quotation_then_quoted_as_saying() {
    let said = one("“The plant will be ready in 2030,” the agency quoted Minister Omar Al-Farsi as saying.");
    assert_eq!(said.canonical, some("Omar Al-Farsi"));
    assert_eq!(said.content, "“The plant will be ready in 2030,”");
}

#[test]
fn passive_with_an_agent() {
    let said =
        one("It was announced by the Central Bank of Kuwait that interest rates would stay unchanged.");
    assert_eq!(said.speaker, some("the Central Bank of Kuwait"));
    assert_eq!(said.content, "that interest rates would stay unchanged");
}

#[test]
fn passive_without_an_agent_reports_no_one() {
    let found = statements("The project is expected to be among the first to be financed.");
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn a_relative_clause_speaks_for_its_noun_not_for_the_sentence_subject() {
    // The tagger reads `slick` as a verb and `that` as a conjunction; the Secretary said
    // nothing here, and neither did the slick.
    let found = statements(
        "The United States welcomed on Monday the convening of the Gulf Water Security Summit in \
         Kuwait, with Secretary of State Daniel Whitcombe commending the State of Kuwait's \
         handling of the oil slick that threatened its desalination plants last week.",
    );
    assert!(
        found.iter().all(|s| s.cue.as_deref() != Some("threatened")),
        "{found:#?}"
    );
}

#[test]
fn acts_are_not_statements() {
    let found = statements(
        "Earlier today, the United Nations allowed the adoption of a resolution calling for a ceasefire.",
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn pronoun_speakers_resolve_to_the_person_before() {
    let said =
        &statements("Sheikh Salem Al-Rifai met the envoy on Monday. He stressed the need for calm.")[0];
    assert_eq!(said.speaker, some("He"));
    assert_eq!(said.canonical, some("Salem Al-Rifai"));
}

#[test]
fn title_speakers_resolve_to_the_person_named_with_it() {
    let said = &statements(
        "Minister Layla Haddad arrived in Doha. The minister affirmed that relations were strong.",
    )[0];
    assert_eq!(said.speaker, some("The minister"));
    assert_eq!(said.canonical, some("Layla Haddad"));
}

#[test]
fn surnames_resolve_to_the_full_name() {
    let said =
        &statements("Omar Khalid Al-Farsi visited the plant. Al-Farsi noted that output had doubled.")[0];
    assert_eq!(said.canonical, some("Omar Khalid Al-Farsi"));
}

#[test]
fn organisations_resolve_from_a_common_noun() {
    let found = statements(
        "The Ministry of Health published the figures. The ministry said more staff would be hired.",
    );
    let said = found.last().expect("a statement");
    assert_eq!(said.speaker, some("The ministry"));
    assert_eq!(said.canonical, some("Ministry of Health"));
}

#[test]
fn a_quotation_over_several_paragraphs_is_one_statement() {
    let text = "Nasser Al-Ahmad said: “We will continue our efforts to reach a settlement.\n\n\
                “The region needs calm, and the talks must go on.”\n\nThe talks resume on Monday.";
    let said = one(text);
    assert_eq!(said.kind, StatementKind::Direct);
    assert_eq!(said.canonical, some("Nasser Al-Ahmad"));
    assert!(said.content.starts_with("“We will continue"), "{said:?}");
    assert!(said.content.ends_with("must go on.”"), "{said:?}");
}

#[test]
fn a_reopened_paragraph_with_its_own_cue_is_its_own_statement() {
    let text = "Al-Ahmad said: “We will continue.\n\n“We will not stop.\n\n“We will win,” he said.";
    let found = statements(text);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found[0].content.ends_with("We will not stop."), "{found:#?}");
    assert_eq!(found[1].content, "“We will win,”");
}

#[test]
fn an_unbalanced_quotation_ends_with_its_paragraph() {
    let text = "He said \"we will go on.\n\nThe ministry said talks would resume on Monday.";
    let found = statements(text);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[0].content, "\"we will go on.");
    assert_eq!(found[0].kind, StatementKind::Direct);
    assert_eq!(found[1].content, "talks would resume on Monday");
}

#[test]
fn a_nested_quotation_stays_inside_its_statement() {
    let said = one("“He told me ‘we will win’,” Amal Saeed said.");
    assert_eq!(said.kind, StatementKind::Direct);
    assert_eq!(said.content, "“He told me ‘we will win’,”");
    assert_eq!(said.canonical, some("Amal Saeed"));
}

#[test]
fn scare_quotes_are_not_statements() {
    let found = statements("The so-called \"reform\" package was passed by parliament on Sunday.");
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn guillemets_quote() {
    let said = one("The minister said: «We will continue our efforts.»");
    assert_eq!(said.kind, StatementKind::Direct);
    assert_eq!(said.content, "«We will continue our efforts.»");
}

#[test]
fn single_quotes_in_a_headline() {
    let said = one("'We will not give up,' says Al-Sabah");
    assert_eq!(said.kind, StatementKind::Direct);
    assert_eq!(said.speaker, some("Al-Sabah"));
    assert_eq!(said.content, "'We will not give up,'");
}

#[test]
fn mixed_statements_quote_part_of_what_was_said() {
    let said = one("The minister said the talks were \"constructive and frank\" and would go on.");
    assert_eq!(said.kind, StatementKind::Mixed);
}

/// A KUNA story with no quotation marks at all: four statements by two people under several
/// names, and an act that is not a statement.
#[test]
fn reported_speech_without_quotation_marks() {
    let text = "BRUSSELS, April 2 (KUNA) -- EU foreign policy chief Marta Lindqvist affirmed Wednesday the \
                bloc's support for the Gulf water initiative amid growing concern over regional supplies.\n\n\
                The spokesperson for the European External Action Service, Pieter Claes, said that the talks \
                took place during a meeting between Lindqvist and Kuwait's Minister of Oil, Tareq Al-Roumi.\n\n\
                Lindqvist stressed the bloc's readiness to fund new desalination capacity.\n\n\
                She also noted that cooperation would protect coastal communities.\n\n\
                Earlier today, the European Union allowed the release of emergency funds for the project. (end)";
    let found = statements(text);
    let who: Vec<(Option<&str>, Option<&str>)> = found
        .iter()
        .map(|s| (s.canonical.as_deref(), s.cue.as_deref()))
        .collect();
    assert_eq!(
        who,
        [
            (Some("Marta Lindqvist"), Some("affirmed Wednesday")),
            (Some("Pieter Claes"), Some("said")),
            (Some("Marta Lindqvist"), Some("stressed")),
            (Some("Marta Lindqvist"), Some("also noted")),
        ]
    );
    assert!(
        found[0].content.starts_with("the bloc's support"),
        "{:?}",
        found[0]
    );
    assert_eq!(
        found[3].content,
        "that cooperation would protect coastal communities"
    );
}

/// The canonical speaker of each statement, in order.
fn speakers(text: &str) -> Vec<Option<String>> {
    statements(text).into_iter().map(|s| s.canonical).collect()
}

#[test]
fn he_is_the_subject_of_the_running_account_not_the_last_name() {
    let text = "DOHA, May 4 (QNA) -- Minister of State Khalid Al-Mannai said on Monday that the forum \
                would open next week.\n\n\
                Al-Mannai said Prime Minister Hamad Al-Kuwari had approved the plan in a meeting \
                with the organisers.\n\n\
                He added that 40 countries would take part.";
    let found = speakers(text);
    assert_eq!(found.last(), Some(&some("Khalid Al-Mannai")), "{found:#?}");
}

#[test]
fn she_never_stands_for_a_man() {
    let text = "Minister of Social Affairs Layla Haddad opened the centre with Omar Khalil, head of \
                the Red Crescent branch.\n\n\
                She said the centre would serve 2,000 families.";
    assert_eq!(speakers(text), [some("Layla Haddad")]);
    let text = "Sheikha Amal Al-Sabah visited the exhibition with Sheikh Fahad Al-Salem.\n\n\
                She stressed that heritage was part of national identity.";
    assert_eq!(speakers(text), [some("Amal Al-Sabah")]);
}

#[test]
fn a_form_of_address_stands_for_the_person_given_it() {
    let text = "AMMAN, June 2 (Petra) -- His Majesty King Rashid on Sunday received Foreign Minister \
                Omar Khalil.\n\n\
                His Majesty stressed that relations between the two countries were strong.\n\n\
                The King said the talks would go on.";
    assert_eq!(speakers(text), [some("Rashid"), some("Rashid")]);
}

#[test]
fn a_title_stands_for_the_person_given_that_office() {
    let text = "Minister of Health Ahmed Saleh met Tomas Varga, Director-General of the Gulf Health \
                Council, in Riyadh.\n\n\
                The Director-General said the council would fund two new hospitals.";
    assert_eq!(speakers(text), [some("Tomas Varga")]);
}

#[test]
fn an_office_of_an_organisation_stands_for_its_holder() {
    let text = "Official Spokesperson for the Ministry of Foreign Affairs Dr. Hamad Al-Kuwari affirmed \
                the ministry's support for the talks.\n\n\
                The Official Spokesperson for the Ministry of Foreign Affairs pointed out that the \
                situation was worrying.";
    let found = speakers(text);
    assert_eq!(found.last(), Some(&some("Hamad Al-Kuwari")), "{found:#?}");
    let text = "MUSCAT, May 3 (ONA) -- Sayyid Badr Hamad Al Harthi, Deputy Prime Minister for the \
                Council of Ministers, has reaffirmed the importance of the annual meeting.";
    assert_eq!(speakers(text), [some("Badr Hamad Al Harthi")]);
}

#[test]
fn a_paper_a_statement_and_it_stand_for_the_body_that_issued_them() {
    let text = "The Ministry of Interior said in a statement that the roads would reopen on Friday.\n\n\
                The statement added that drivers should follow police instructions.\n\n\
                It noted that patrols would be increased.";
    assert_eq!(
        speakers(text),
        [
            some("Ministry of Interior"),
            some("Ministry of Interior"),
            some("Ministry of Interior")
        ]
    );
    let text = "The Emirati \"Al Wahda\" newspaper said today that the summit had been a success.\n\n\
                The newspaper added that the region needed more cooperation.";
    assert_eq!(speakers(text), [some("Al Wahda"), some("Al Wahda")]);
}

#[test]
fn acts_reported_with_a_verb_are_not_statements() {
    for text in [
        "The two ministers discussed ways to enhance bilateral relations.",
        "The Interior Minister briefed the cabinet on the measures taken.",
        "The council decided to set up a working group on water security.",
        "The company intends to open a plant in the free zone.",
        "The ambassador was welcomed at the airport by senior officials.",
        "The minister welcomed the delegation at the start of the meeting.",
        "The two sides agreed to sign a memorandum of understanding next month.",
        "The envoy thanked the organisers for their hospitality.",
        "The spokesman declined to comment on the reports.",
        "The attack was blamed on militants operating near the border.",
        "Video footage showed smoke rising over the port.",
    ] {
        let found = statements(text);
        assert!(found.is_empty(), "{text}: {found:#?}");
    }
}

#[test]
fn a_question_put_to_the_speaker_is_not_a_statement() {
    let text = "Asked about the delay, Minister of Works Salem Al-Rifai said the contractor would be fined.";
    let found = statements(text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].cue, some("said"));
    assert_eq!(found[0].canonical, some("Salem Al-Rifai"));
}

#[test]
fn a_statement_inside_what_another_said_is_part_of_it() {
    for text in [
        "Deputy Foreign Minister Layla Haddad stated that Doha expects the talks to resume in June.",
        "The cargo ship, which reported engine trouble on Friday, reached the port safely, the \
         coast guard said.",
        "The director said the inspection showed that the dam was safe.",
    ] {
        let found = statements(text);
        assert_eq!(found.len(), 1, "{text}: {found:#?}");
        assert!(
            found[0]
                .cue
                .as_deref()
                .is_some_and(|c| c == "stated" || c == "said"),
            "{found:#?}"
        );
    }
}

#[test]
fn a_cue_does_not_begin_with_an_adverb() {
    let said = one("The Foreign Ministry strongly condemned the attack on the convoy.");
    assert_eq!(said.cue, some("condemned"));
}

#[test]
fn a_quotation_the_tagger_missed_takes_the_attribution_next_to_it() {
    let text = "The minister visited the site on Monday.\n\n\
                \"The contractor must finish the works before the summer heat,\" Al-Farsi, the \
                Minister of Public Works, told reporters after the visit.";
    let found = statements(text);
    let quoted = found
        .iter()
        .find(|s| s.kind == StatementKind::Direct)
        .unwrap_or_else(|| panic!("{found:#?}"));
    assert_eq!(quoted.cue, some("told"));
    assert!(
        quoted
            .speaker
            .as_deref()
            .is_some_and(|s| s.starts_with("Al-Farsi")),
        "{quoted:#?}"
    );
    let text = "He went on to say: \"There are double standards in what is happening, and everyone \
                can see them.\"";
    let found = statements(text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].kind, StatementKind::Direct);
    assert_eq!(found[0].speaker, some("He"));
}

#[test]
fn commented_reports_a_statement_and_commenting_on_frames_one() {
    let said = one("The minister commented: \"The plan will serve every family in the country.\"");
    assert_eq!(said.cue, some("commented:"));
    let found = statements("Commenting on the report, the minister said the figures were encouraging.");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].cue, some("said"));
}

#[test]
fn the_verb_before_its_speaker_after_the_clause() {
    let found = statements(
        "The new terminal had handled two million passengers in its first year, affirmed Ahmed \
         Al-Mansouri who indicated that a second runway would open in 2027.",
    );
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[0].speaker, some("Ahmed Al-Mansouri"));
    assert_eq!(found[0].cue, some("affirmed"));
    assert_eq!(
        found[0].content,
        "The new terminal had handled two million passengers in its first year"
    );
    assert_eq!(found[1].canonical, some("Ahmed Al-Mansouri"));
    assert_eq!(found[1].cue, some("indicated"));
}

#[test]
fn the_verb_before_its_speaker_then_a_participle() {
    let found = statements(
        "Besides the school meals, the charity delivered 300 food baskets to villages in the valley, \
         noted Hamad Al-Subaie, urging donors to keep giving through the winter.",
    );
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[0].speaker, some("Hamad Al-Subaie"));
    assert_eq!(found[0].cue, some("noted"));
    assert!(found[0].content.ends_with("villages in the valley"), "{found:#?}");
    assert_eq!(found[1].canonical, some("Hamad Al-Subaie"));
    assert_eq!(found[1].cue, some("urging"));
}

#[test]
fn an_open_quotation_then_said_x_on_a_medium() {
    let said = one(
        "\"The bridge will carry its first trains before the end of the summer, said Transport \
         Minister Omar Haddad on state radio.",
    );
    assert_eq!(said.kind, StatementKind::Direct);
    assert_eq!(said.speaker, some("Transport Minister Omar Haddad"));
    assert_eq!(said.cue, some("said"));
}

#[test]
fn a_title_then_added_at_the_end_of_a_long_sentence() {
    let found = statements(
        "Prime Minister Sheikh Nasser Al-Hamad arrived in Geneva on Monday. The fund will finance \
         new schools and clinics in the northern provinces over the next five years, His Highness \
         the Prime Minister added.",
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].speaker, some("His Highness the Prime Minister"));
    assert_eq!(found[0].cue, some("added"));
    assert!(
        found[0].content.starts_with("The fund will finance"),
        "{found:#?}"
    );
}

#[test]
fn an_agency_reported_citing_witnesses() {
    let found = statements(
        "A cargo ship ran aground off the northern cape late on Friday, the state news agency \
         reported, citing coast guard officers.",
    );
    let reported = found
        .iter()
        .find(|s| s.cue.as_deref() == Some("reported"))
        .expect("reported");
    assert_eq!(reported.speaker, some("the state news agency"));
    assert_eq!(
        reported.content,
        "A cargo ship ran aground off the northern cape late on Friday"
    );
}

#[test]
fn a_headline_label_is_not_a_statement() {
    let found = statements("PM: New budget due in March\n\nGCC: Talks on the water grid to resume");
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn when_the_speaker_spoke_is_not_part_of_it() {
    let said = one("The Interior Ministry Saturday denied claims that the border post had closed.");
    assert_eq!(said.speaker, some("The Interior Ministry"));
}

#[test]
fn acts_behind_an_adverb_are_not_statements() {
    let found = statements("The two committees also decided to meet again in the spring.");
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn went_on_to_say_that() {
    let found = statements(
        "Minister Layla Haddad arrived in Doha on Monday. She went on to say that the fund would \
         open to all member states.",
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].cue, some("went on to say"));
    assert_eq!(found[0].canonical, some("Layla Haddad"));
    assert_eq!(found[0].content, "that the fund would open to all member states");
}

#[test]
fn spoke_highly_of() {
    let said = one("Prime Minister Nasser Al-Ahmad spoke highly of the new rail link to the coast.");
    assert_eq!(said.cue, some("spoke highly of"));
    assert_eq!(said.canonical, some("Nasser Al-Ahmad"));
    assert_eq!(said.content, "the new rail link to the coast");
}

#[test]
fn a_speaker_then_a_phrase_set_off_by_commas() {
    let said = one(
        "Salem Al-Rifai, speaking on the sidelines of the fair, disclosed that the bank would open two branches in Oman.",
    );
    assert_eq!(said.speaker, some("Salem Al-Rifai"));
    assert_eq!(said.cue, some("disclosed"));
    assert_eq!(said.content, "that the bank would open two branches in Oman");
}

#[test]
fn has_repeatedly_assured_the_public_that() {
    let said = one("Spokesman Omar Khalil has repeatedly assured residents that the water supply is safe.");
    assert_eq!(said.canonical, some("Omar Khalil"));
    assert_eq!(said.cue, some("assured"));
    assert_eq!(said.content, "the water supply is safe");
}

#[test]
fn refuted_reports() {
    let said = one("Minister Omar Khalil has refuted claims that the port tender was cancelled.");
    assert_eq!(said.canonical, some("Omar Khalil"));
    assert!(
        said.cue.as_deref().is_some_and(|cue| cue.contains("refuted")),
        "{said:?}"
    );
}

#[test]
fn a_verb_inside_a_quotation_is_what_was_said() {
    let said = one(
        "“The harvest was good. I am sure that Sheikh Hamad acknowledges how hard the farmers worked,” he said.",
    );
    assert_eq!(said.cue, some("said"));
    assert_eq!(said.kind, StatementKind::Direct);
}

#[test]
fn the_statement_added_a_quotation_with_a_verb_inside() {
    let said = one(
        "The statement added, “The committee studied the new tariffs in detail. They emphasized \
         that prices would stay stable.”",
    );
    assert_eq!(said.speaker, some("The statement"));
    assert_eq!(said.cue, some("added"));
    assert_eq!(said.kind, StatementKind::Direct);
}

#[test]
fn a_pronoun_after_a_sentence_about_someone_else() {
    let found = statements(
        "Ahmed Al-Mansouri said the talks would go on. Salem Al-Kindi visited the port on \
         Saturday, where he stressed the need for calm. He later told residents that the port \
         would reopen.",
    );
    let stressed = found
        .iter()
        .find(|s| s.cue.as_deref() == Some("stressed"))
        .expect("stressed");
    assert_eq!(stressed.canonical, some("Salem Al-Kindi"));
    let told = found
        .iter()
        .find(|s| s.cue.as_deref() == Some("later told"))
        .expect("told");
    assert_eq!(told.canonical, some("Salem Al-Kindi"));
}

#[test]
fn a_pronoun_is_never_the_person_named_in_what_it_says() {
    let found = statements(
        "Spokesman Omar Khalil said the President would open the new museum on Monday. President \
         Rashid Al-Farsi toured the site on Sunday. Al-Farsi chose the design himself, he \
         added.",
    );
    let added = found
        .iter()
        .find(|s| s.cue.as_deref() == Some("added"))
        .expect("added");
    assert_eq!(added.canonical, some("Omar Khalil"));
}

#[test]
fn a_title_stands_for_the_one_speaking_with_it() {
    let found = statements(
        "Minister of State Sara Al-Amiri said the plan was ready. Foreign Minister Khalid \
         Al-Hamad met the envoy on Monday. Asked about the talks, the minister said they would \
         continue.",
    );
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[1].speaker, some("the minister"));
    assert_eq!(found[1].canonical, some("Sara Al-Amiri"));
}

#[test]
fn the_subject_of_quoted_as_saying_in_the_passive_speaks() {
    let said =
        one("“We will act soon on the border crossings,” Minister Omar Khalil was also quoted as saying.");
    assert_eq!(said.kind, StatementKind::Direct);
    assert_eq!(said.canonical, some("Omar Khalil"));
}

#[test]
fn a_spokesperson_named_in_the_next_sentence() {
    let found = statements(
        "The new visa rules will take effect in June, a spokesperson for Prime Minister Omar \
         Khalil said Sunday, as airlines prepared for the summer season. Mona Al-Khatib, the \
         spokesperson, gave the date at a weekly briefing.",
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].canonical, some("Mona Al-Khatib"));
    assert_eq!(found[0].content, "The new visa rules will take effect in June");
}

#[test]
fn but_did_say_is_a_statement_of_its_own() {
    let found = statements(
        "Port spokesman Rami Saleh said he would not name the buyers but did say that “the first \
         cargo leaves next week.”",
    );
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[0].content, "he would not name the buyers");
    assert_eq!(found[1].cue, some("did say"));
    assert_eq!(found[1].kind, StatementKind::Direct);
    assert_eq!(found[1].canonical, some("Rami Saleh"));
}

#[test]
fn and_later_indicated_is_a_statement_of_its_own() {
    let found = statements(
        "The airline confirmed the cancellation of the morning flights, and later indicated that \
         the evening ones would leave on time.",
    );
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[0].content, "the cancellation of the morning flights");
    assert_eq!(found[1].speaker, some("The airline"));
    assert!(
        found[1].content.ends_with("the evening ones would leave on time"),
        "{found:#?}"
    );
}
