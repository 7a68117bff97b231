//! Proper names: the lookup key used by the registry and the gazetteer, and the readable form of
//! names that wire copy writes in capitals.

/// The lookup key of a name: lowercase, curly apostrophes straightened, white space collapsed,
/// trailing periods dropped.
///
/// ```
/// assert_eq!(newsdesk::lexicons::names::name_key("  Kuwait  News Agency. "), "kuwait news agency");
/// assert_eq!(newsdesk::lexicons::names::name_key("ST. JOHN\u{2019}S"), "st. john's");
/// ```
pub fn name_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        for c in word.chars() {
            match c {
                '\u{2019}' | '\u{2018}' | '`' => key.push('\''),
                _ => key.extend(c.to_lowercase()),
            }
        }
    }
    while key.ends_with('.') {
        key.pop();
    }
    key
}

/// Small words that stay lowercase inside a title-cased place name (`Rio de Janeiro`).
const PARTICLES: &[&str] = &[
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "les", "el", "of", "on",
    "upon", "the", "and", "am", "an", "sur", "en", "y", "au", "aux",
];

/// The readable form of a name written in capitals: each ALL-CAPS word is title-cased
/// (`KUALA LUMPUR` → `Kuala Lumpur`, `ST. JOHN'S` → `St. John's`, `RIO DE JANEIRO` →
/// `Rio de Janeiro`), abbreviations with periods keep their capitals (`N.J.`), and words that
/// are already mixed case stay as written. White space is collapsed.
///
/// ```
/// use newsdesk::lexicons::names::readable;
/// assert_eq!(readable("KOWEÏT"), "Koweït");
/// assert_eq!(readable("AL-AIN"), "Al-Ain");
/// assert_eq!(readable("CALIF."), "Calif.");
/// assert_eq!(readable("N.J."), "N.J.");
/// assert_eq!(readable("Abu Dhabi"), "Abu Dhabi");
/// ```
pub fn readable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (index, word) in text.split_whitespace().enumerate() {
        if index > 0 {
            out.push(' ');
        }
        if !is_all_caps(word) || is_initialism(word) {
            out.push_str(word);
            continue;
        }
        let lower = word.to_lowercase();
        if index > 0 && PARTICLES.contains(&lower.as_str()) {
            out.push_str(&lower);
            continue;
        }
        if let Some(rest) = lower
            .strip_prefix("d'")
            .filter(|rest| rest.chars().count() > 1 && index > 0)
        {
            out.push_str("d'");
            title_case_word(rest, &mut out);
            continue;
        }
        title_case_word(word, &mut out);
    }
    out
}

/// True when the word has at least two letters and no lowercase letter.
fn is_all_caps(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

/// True for `N.J.`, `D.C.`, `U.S.`: single letters each followed by a period.
fn is_initialism(word: &str) -> bool {
    let mut chars = word.chars().peekable();
    let mut groups = 0;
    while let Some(c) = chars.next() {
        if !c.is_alphabetic() || chars.next() != Some('.') {
            return false;
        }
        groups += 1;
    }
    groups >= 2
}

/// Appends `word` title-cased: capitals after the start, a hyphen, and an apostrophe that is
/// followed by two or more letters (`D'ALENE` → `D'Alene`, `JOHN'S` → `John's`).
fn title_case_word(word: &str, out: &mut String) {
    let chars: Vec<char> = word.chars().collect();
    let mut capital_next = true;
    for (i, &c) in chars.iter().enumerate() {
        if capital_next && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            capital_next = false;
            continue;
        }
        out.extend(c.to_lowercase());
        capital_next = match c {
            '-' | '/' => true,
            '\'' | '\u{2019}' => chars[i + 1..].iter().take_while(|c| c.is_alphabetic()).count() >= 2,
            c if c.is_alphabetic() => false,
            // Leading marks (`****RIO`) leave the first letter capital.
            _ => capital_next,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_become_readable() {
        let cases = [
            ("WASHINGTON", "Washington"),
            ("KUALA LUMPUR", "Kuala Lumpur"),
            ("ST. JOHN'S", "St. John's"),
            ("COEUR D'ALENE", "Coeur d'Alene"),
            ("N'DJAMENA", "N'Djamena"),
            ("PORT OF SPAIN", "Port of Spain"),
            ("WILKES-BARRE", "Wilkes-Barre"),
            ("OHIO", "Ohio"),
            ("ILL.", "Ill."),
            ("D.C.", "D.C."),
            ("Doha [Qatar]", "Doha [Qatar]"),
            ("République arabe d'Égypte", "République arabe d'Égypte"),
            ("****RIO DE JANEIRO", "****Rio de Janeiro"),
            ("  NEW   YORK ", "New York"),
        ];
        for (written, expected) in cases {
            assert_eq!(readable(written), expected, "{written}");
        }
    }

    #[test]
    fn keys_ignore_case_spacing_and_apostrophe_style() {
        assert_eq!(name_key("Côte d’Ivoire"), name_key("CÔTE D'IVOIRE"));
        assert_eq!(name_key("Wam."), "wam");
    }
}
