//! Names as Gulf, Levantine, Asian and global agencies write them, on fictional sentences in
//! their house styles: Arabic name chains, honorifics and long offices, institution names, and
//! names joined by hyphens. Each test holds one family of mistakes the recogniser used to make.

use newsdesk::annotate::annotate;
use newsdesk::annotate::entities::EntityKind;

/// `(text, kind)` of every entity of a text.
fn entities(text: &str) -> Vec<(String, EntityKind)> {
    annotate(text, None)
        .entities
        .iter()
        .filter(|e| e.kind != EntityKind::Title)
        .map(|e| (e.span.text(text).to_string(), e.kind))
        .collect()
}

fn has(found: &[(String, EntityKind)], text: &str, kind: EntityKind) -> bool {
    found.iter().any(|(t, k)| t == text && *k == kind)
}

fn kinds_of(found: &[(String, EntityKind)], kind: EntityKind) -> Vec<&str> {
    found
        .iter()
        .filter(|(_, k)| *k == kind)
        .map(|(t, _)| t.as_str())
        .collect()
}

#[test]
fn arabic_name_chains_are_one_name_to_the_family_name() {
    let text = "MANAMA, March 3 (BNA) -- His Royal Highness Prince Rashid bin Hamad bin Isa Al Khalifa \
                received on Sunday the Omani Minister of Commerce, Sayyid Tariq bin Salim Al Busaidi. \
                Deputy Prime Minister Sheikh Jaber Fahad Al-Mubarak Al-Sabah also attended.";
    let found = entities(text);
    let people = kinds_of(&found, EntityKind::Person);
    assert!(
        people.contains(&"Rashid bin Hamad bin Isa Al Khalifa"),
        "{found:?}"
    );
    assert!(people.contains(&"Tariq bin Salim Al Busaidi"), "{found:?}");
    assert!(people.contains(&"Jaber Fahad Al-Mubarak Al-Sabah"), "{found:?}");
    assert!(
        !people
            .iter()
            .any(|p| p.ends_with(" Al") || p.starts_with("Royal")),
        "{found:?}"
    );
}

#[test]
fn a_family_name_alone_after_the_full_name_is_the_person() {
    let text = "Minister of Health Dr. Khalid Mubarak Al-Rashidi opened the new wing on Monday. \
                Al-Rashidi said the hospital would treat 300 patients a day.";
    let found = entities(text);
    assert!(
        has(&found, "Khalid Mubarak Al-Rashidi", EntityKind::Person),
        "{found:?}"
    );
    assert!(has(&found, "Al-Rashidi", EntityKind::Person), "{found:?}");
    assert!(
        !kinds_of(&found, EntityKind::Location).contains(&"Al-Rashidi"),
        "{found:?}"
    );
}

#[test]
fn honorifics_and_offices_are_not_names_and_do_not_split_them() {
    let text = "Minister of Electricity, Water and Renewable Energy Eng. Hessa Jaber Al-Kandari \
                inspected the Shuwaikh plant. In Kuala Lumpur, Datuk Seri Rosli Harun and \
                Tan Sri Aminah Yusof met the delegation.";
    let found = entities(text);
    let people = kinds_of(&found, EntityKind::Person);
    assert!(people.contains(&"Hessa Jaber Al-Kandari"), "{found:?}");
    assert!(people.contains(&"Rosli Harun"), "{found:?}");
    assert!(people.contains(&"Aminah Yusof"), "{found:?}");
    // The portfolio is part of the office: no organisation inside it.
    for office_word in ["Electricity", "Water", "Renewable Energy", "Eng."] {
        assert!(
            !found.iter().any(|(t, _)| t == office_word),
            "{office_word}: {found:?}"
        );
    }
}

#[test]
fn ministries_and_committees_keep_their_whole_names() {
    let text = "The Ministry of Social Affairs and Community Development said it would work with \
                the Ministry of Foreign Affairs and the National Guard. The Culture, Media and \
                Heritage Committee of the Shura Council met on Monday.";
    let found = entities(text);
    let organizations = kinds_of(&found, EntityKind::Organization);
    assert!(
        organizations.contains(&"Ministry of Social Affairs and Community Development"),
        "{found:?}"
    );
    assert!(
        organizations.contains(&"Ministry of Foreign Affairs"),
        "{found:?}"
    );
    assert!(!organizations.contains(&"Foreign Affairs"), "{found:?}");
    assert!(
        !organizations
            .iter()
            .any(|o| o.ends_with(" and") || o.starts_with("of ")),
        "no name starts or ends with a connector: {found:?}"
    );
}

#[test]
fn summits_and_forums_are_occasions_not_places() {
    let text = "The third Gulf Water Security Summit opened in Doha on Monday, a week after the \
                Caspian Energy Forum closed in Baku.";
    let found = entities(text);
    assert!(
        has(&found, "Gulf Water Security Summit", EntityKind::Misc),
        "{found:?}"
    );
    assert!(has(&found, "Caspian Energy Forum", EntityKind::Misc), "{found:?}");
    assert!(!has(&found, "Gulf Water", EntityKind::Location), "{found:?}");
}

#[test]
fn names_joined_by_hyphens_are_their_parts() {
    let text = "Kuwait-Iraq talks resumed as the Saudi-led coalition met Russian-US envoys.";
    let found = entities(text);
    assert!(has(&found, "Kuwait", EntityKind::Location), "{found:?}");
    assert!(has(&found, "Iraq", EntityKind::Location), "{found:?}");
    assert!(has(&found, "Saudi", EntityKind::Group), "{found:?}");
    assert!(!found.iter().any(|(t, _)| t.contains('-')), "{found:?}");
}

#[test]
fn countries_are_places_whatever_they_stand_for() {
    let text = "The US and Kuwait condemned the attack, while the UK said it was studying the report.";
    let found = entities(text);
    for country in ["US", "Kuwait", "UK"] {
        assert!(has(&found, country, EntityKind::Location), "{country}: {found:?}");
    }
}

#[test]
fn names_after_lowercase_particles_are_kept_whole() {
    let text = "Muslims marked Eid al-Fitr on Friday, and President Bassam al-Khatib sent greetings.";
    let found = entities(text);
    assert!(has(&found, "Eid al-Fitr", EntityKind::Misc), "{found:?}");
    assert!(has(&found, "Bassam al-Khatib", EntityKind::Person), "{found:?}");
}

#[test]
fn a_head_word_alone_is_no_name() {
    let text = "The Ministry of Health opened the clinic. The Ministry said the Kingdom would fund \
                it, and the Summit closed on Tuesday.";
    let found = entities(text);
    assert!(
        has(&found, "Ministry of Health", EntityKind::Organization),
        "{found:?}"
    );
    for head in ["Ministry", "Kingdom", "Summit"] {
        assert!(!found.iter().any(|(t, _)| t == head), "{head}: {found:?}");
    }
}

#[test]
fn a_sheikh_named_again_by_first_name_is_the_same_person() {
    let text = "Foreign Minister Sheikh Hamad Nasser Al-Mubarak Al-Sabah received the envoy. \
                Sheikh Hamad stressed Kuwait's support for the initiative.";
    let annotations = annotate(text, None);
    let hamad = annotations
        .entities
        .iter()
        .find(|e| e.span.text(text) == "Hamad")
        .expect("the second mention is found");
    assert_eq!(hamad.kind, EntityKind::Person);
    assert_eq!(hamad.canonical, "Hamad Nasser Al-Mubarak Al-Sabah");
}

#[test]
fn a_head_word_the_model_left_alone_ends_the_name_before_it() {
    let text = "The Gulf Water Council said supplies were safe.";
    let found = entities(text);
    assert!(
        has(&found, "Gulf Water Council", EntityKind::Organization),
        "{found:?}"
    );
}

#[test]
fn weekdays_nationalities_and_districts_take_their_own_kinds() {
    let text = "The Palestinian side told Al-Rai Tuesday that aid reached Qingshui County and \
                Dhofar Governorate on Monday.";
    let found = entities(text);
    assert!(has(&found, "Palestinian", EntityKind::Group), "{found:?}");
    assert!(!found.iter().any(|(t, _)| t.ends_with("Tuesday")), "{found:?}");
    assert!(has(&found, "Qingshui County", EntityKind::Location), "{found:?}");
    assert!(
        has(&found, "Dhofar Governorate", EntityKind::Location),
        "{found:?}"
    );
}

#[test]
fn a_name_led_by_an_honorific_is_a_person_unless_a_head_word_says_otherwise() {
    let text = "Tengku Faisal Harun said the Sheikh Saad Cultural Centre would reopen, and \
                Sheikha Hind Al-Ghanim agreed.";
    let found = entities(text);
    assert!(has(&found, "Faisal Harun", EntityKind::Person), "{found:?}");
    assert!(has(&found, "Hind Al-Ghanim", EntityKind::Person), "{found:?}");
    assert!(
        !kinds_of(&found, EntityKind::Person)
            .iter()
            .any(|p| p.contains("Centre")),
        "{found:?}"
    );
}

#[test]
fn offices_nationalities_and_acronyms_around_a_body_are_not_its_name() {
    let text = "EU High Representative for Foreign Affairs Lena Marsh met officials of the Kuwaiti \
                Ministry of Health. Director General of KFAED Hamad Jassim Al-Roumi said the \
                Coastal News Agency-CNA had covered the visit.";
    let found = entities(text);
    assert!(has(&found, "EU", EntityKind::Organization), "{found:?}");
    assert!(has(&found, "Kuwaiti", EntityKind::Group), "{found:?}");
    assert!(
        has(&found, "Ministry of Health", EntityKind::Organization),
        "{found:?}"
    );
    assert!(
        has(&found, "Hamad Jassim Al-Roumi", EntityKind::Person),
        "{found:?}"
    );
    assert!(
        has(&found, "Coastal News Agency", EntityKind::Organization),
        "{found:?}"
    );
    assert!(has(&found, "CNA", EntityKind::Organization), "{found:?}");
    assert!(
        !found
            .iter()
            .any(|(t, _)| t.contains("Representative") || t.contains("KFAED Hamad")),
        "{found:?}"
    );
}

#[test]
fn bodies_keep_the_whole_of_their_names() {
    let text = "Meanwhile, Kuwait News Agency reported that the Industry and Commerce Ministry, the \
                Arab and Foreign Affairs Committee and the Court of Administrative Justice in \
                Cairo had studied the plan of the National Fund for Rural Development and Care. \
                Patients of the King Talal Heart Centre were moved, Al-Watan newspaper said.";
    let found = entities(text);
    let organizations = kinds_of(&found, EntityKind::Organization);
    for name in [
        "Kuwait News Agency",
        "Industry and Commerce Ministry",
        "Arab and Foreign Affairs Committee",
        "Court of Administrative Justice",
        "National Fund for Rural Development and Care",
        "King Talal Heart Centre",
        "Al-Watan",
    ] {
        assert!(organizations.contains(&name), "{name}: {found:?}");
    }
}

#[test]
fn laws_resolutions_and_occasions_keep_their_numbers_and_kinds() {
    let text = "Ministers recalled UN Resolution No. 2417 and the 1996 Constitution at the Doha \
                Investment Summit, which opened at 0900 GMT, a week after the Baku conference. \
                Western envoys said the West would respond.";
    let found = entities(text);
    assert!(
        has(&found, "UN Resolution No. 2417", EntityKind::Misc),
        "{found:?}"
    );
    assert!(has(&found, "1996 Constitution", EntityKind::Misc), "{found:?}");
    assert!(
        has(&found, "Doha Investment Summit", EntityKind::Misc),
        "{found:?}"
    );
    assert!(has(&found, "Baku conference", EntityKind::Misc), "{found:?}");
    assert!(has(&found, "Western", EntityKind::Group), "{found:?}");
    assert!(has(&found, "West", EntityKind::Location), "{found:?}");
    assert!(!found.iter().any(|(t, _)| t == "GMT"), "{found:?}");
}

#[test]
fn a_body_named_by_its_head_word_after_the_is_found_where_the_model_missed_it() {
    let text =
        "Cavusoglu spoke at the Foreign Ministry, and Kuwait's National Guard Saturday denied the reports.";
    let found = entities(text);
    assert!(
        has(&found, "Foreign Ministry", EntityKind::Organization),
        "{found:?}"
    );
    assert!(
        has(&found, "National Guard", EntityKind::Organization),
        "{found:?}"
    );
}
