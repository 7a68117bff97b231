//! Every sentence the reader shows, in one place.

use crate::printed::printout::thousands;
use crate::store::select::Sort;

/// The header of `newsdesk config --default`.
pub const CONFIG_HEADER: &str = "\
# newsdesk reader configuration: config.toml in the XDG config directory
# (~/.config/newsdesk/config.toml on Linux). Every entry is optional: keep only what you change.
#
# [keys] binds the list and detail, [keys.picker] the agency and entity pickers, [keys.prompt]
# the date, search and filter prompts. A value is a key or a list of keys; [] unbinds.
# Keys: a character (j, J, ?, *), or Up, Down, Left, Right, PageUp, PageDown, Home, End, Enter,
# Tab, BackTab, Esc, Space, Backspace, Delete, Insert, F1-F12, with Ctrl+, Alt+ or Shift+ before.
#
# [theme.color] styles colour terminals, [theme.no-color] terminals run with NO_COLOR set.
# A style: { fg = COLOUR, bg = COLOUR, modifiers = [...] }; a colour is black, red, green,
# yellow, blue, magenta, cyan, gray, dark-gray, light-red, light-green, light-yellow,
# light-blue, light-magenta, light-cyan, white, reset, \"#rrggbb\" or 0-255; modifiers are bold,
# dim, italic, underlined, reversed, crossed-out.
";

/// The filter bar's label.
pub const FILTER_LABEL: &str = " Filter: ";
/// The filter bar when there is no filter.
pub const NO_FILTER: &str = "none: every article (/ search, a agency, d date, : edit)";
/// The list pane's title.
pub const LIST_TITLE: &str = "Articles";
/// The detail pane's title.
pub const DETAIL_TITLE: &str = "Article";
/// The side panel's title.
pub const SIDE_TITLE: &str = "Entities and statements";
/// The list when the filter selects nothing.
pub const EMPTY_LIST: &str = "No article matches the filter. c clears it.";
/// The detail when no article is selected.
pub const NO_ARTICLE: &str = "No article selected.";
/// The side panel's statements heading.
pub const STATEMENTS: &str = "Statements";
/// The side panel when the article has no entity and no statement.
pub const NOTHING_FOUND: &str = "No entities or statements found.";
/// A statement's speaker when the text names none.
pub const UNNAMED: &str = "(unnamed)";
/// While a search runs.
pub const SEARCHING: &str = "searching…";
/// The help popup's title.
pub const HELP_TITLE: &str = "Keys";
/// The help popup's footer.
pub const HELP_FOOTER: &str = "Esc or ? closes · j/k scroll";
/// The agency picker's title.
pub const AGENCY_TITLE: &str = "Agencies";
/// The entity picker's title.
pub const ENTITY_TITLE: &str = "Entities";
/// The pickers' footer.
pub const PICKER_FOOTER: &str = "type to narrow · Space select · Enter apply · Esc cancel";
/// The entity picker's footer.
pub const ENTITY_FOOTER: &str = "type to narrow · Enter filter · Esc cancel";
/// The "every agency" item of the agency picker.
pub const ALL_AGENCIES: &str = "All agencies (no agency filter)";
/// A count not known yet.
pub const COUNTING: &str = "…";
/// The prompts' footer.
pub const PROMPT_FOOTER: &str = "Enter apply · Esc cancel";
/// The date prompt's title.
pub const DATE_TITLE: &str = "Date";
/// The date prompt's help.
pub const DATE_HELP: &str = "2024-03-26 · 2024-03 · 2024 · 2024-03-01..2024-03-15 · today · yesterday · 7d · 2w · 3m (empty: no date filter)";
/// The search prompt's title.
pub const SEARCH_TITLE: &str = "Search";
/// The search prompt's help.
pub const SEARCH_HELP: &str =
    "words and \"phrases\" all occur, -word excludes; typing desal finds desalination";
/// The filter prompt's title.
pub const FILTER_TITLE: &str = "Filter";
/// The filter prompt's help.
pub const FILTER_HELP: &str =
    "agency:KUNA,WAM date:7d entity:\"…\" speaker:… place:… is:unread words \"phrases\" -term";
/// A search prompt holding other terms than words and phrases.
pub const SEARCH_ONLY_TEXT: &str = "only words and phrases here; : edits the whole filter";
/// `e` on an article without entities.
pub const NO_ENTITIES: &str = "This article names no entity.";
/// `S` without a statement that names its speaker.
pub const NO_SPEAKER: &str = "No statement with a named speaker here: n and N move between statements.";
/// `n`/`N` on an article without statements.
pub const NO_STATEMENTS: &str = "This article has no statements.";
/// `[`/`]` without a date filter or a dated article.
pub const NO_DAY: &str = "No date to step from: select a dated article or set a date with d.";
/// `c` without a filter.
pub const NOTHING_TO_CLEAR: &str = "There is no filter to clear.";
/// The message of a terminal too small to draw in.
pub fn too_small(width: u16, height: u16, min_width: u16, min_height: u16) -> String {
    format!("Terminal too small: {width}×{height}. newsdesk needs at least {min_width}×{min_height}.")
}

/// `312 of 10,482 articles`.
pub fn counts(shown: usize, total: usize) -> String {
    format!("{} of {} articles", thousands(shown), thousands(total))
}

/// The sort order as the status bar names it.
pub fn sort_name(sort: Sort) -> &'static str {
    match sort {
        Sort::Newest => "newest first",
        Sort::Oldest => "oldest first",
        Sort::Agency => "by agency",
    }
}

/// After `o`.
pub fn sorted(sort: Sort) -> String {
    format!("Sorted {}.", sort_name(sort))
}

/// The start-up message when the library is missing or empty.
pub fn showing_samples(library: &str) -> String {
    format!("{library} is empty: showing the bundled samples. Import your own with `newsdesk import PATH`.")
}

/// The start-up message for `newsdesk PATH...`: how many articles, and the first failure.
pub fn opened_paths(articles: usize, failures: &[String]) -> String {
    let read = format!(
        "{} articles read into a temporary library (nothing imported).",
        thousands(articles)
    );
    match failures {
        [] => read,
        [first] => format!("{read} Failed: {first}"),
        [first, rest @ ..] => format!("{read} {} inputs failed: {first}; …", rest.len() + 1),
    }
}

/// The start-up message when the library can only be read.
pub fn read_only(library: &str) -> String {
    format!("{library} is read-only: read and star marks will not be kept.")
}

/// A filter that does not parse.
pub fn bad_filter(error: &str) -> String {
    format!("bad filter: {error}")
}

/// The side panel's heading for an entity kind.
pub fn kind_heading(kind: crate::annotate::entities::EntityKind) -> &'static str {
    use crate::annotate::entities::EntityKind;
    match kind {
        EntityKind::Person => "People",
        EntityKind::Organization => "Organisations",
        EntityKind::Location => "Places",
        EntityKind::Group => "Groups",
        EntityKind::Misc => "Other names",
        EntityKind::Title => "Titles",
    }
}

/// The help screen's heading of a keymap mode.
pub fn mode_heading(mode: crate::tui::keymap::Mode) -> &'static str {
    use crate::tui::keymap::Mode;
    match mode {
        Mode::Browse => "List and detail",
        Mode::Picker => "Pickers (type to narrow)",
        Mode::Prompt => "Prompts (type to edit)",
    }
}
