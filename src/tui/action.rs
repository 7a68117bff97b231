//! Everything that can happen to the reader: a key's action (named in `assets/keymap.toml` and
//! `config.toml` by its kebab-case name), a mouse event, or a result the run loop feeds back
//! after carrying out an [`Effect`](super::effect::Effect).

use serde::{Deserialize, Serialize};

use super::app::Timeline;
use crate::store::StoredArticle;
use crate::store::select::Selection;

/// One thing that happens to the reader; [`update`](super::update::update) handles each.
///
/// The variants without data are the ones a key can be bound to; the others come from the
/// mouse, the terminal or the run loop and cannot be named in a configuration file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// The next article; in the detail, scroll down a line; in a picker or help, the next item.
    MoveDown,
    /// The previous article; in the detail, scroll up a line; in a picker or help, the previous item.
    MoveUp,
    /// A page further down the list (or the detail, or a picker).
    PageDown,
    /// A page further up the list (or the detail, or a picker).
    PageUp,
    /// The first article (the top of the detail).
    First,
    /// The last article (the end of the detail).
    Last,
    /// Move into the detail pane (marks the article read); from the detail, back to the list.
    Open,
    /// Back to the list from the detail; closes help; clears a message.
    Back,
    /// Scroll the detail down by a few lines, wherever the focus is.
    ScrollDown,
    /// Scroll the detail up by a few lines, wherever the focus is.
    ScrollUp,
    /// Jump to the next statement of the article.
    NextStatement,
    /// Jump to the previous statement of the article.
    PreviousStatement,
    /// Open the agency picker (every agency with its count in the current filter).
    PickAgency,
    /// Open the date prompt (`2024-03-26`, `2024-03`, `a..b`, `today`, `7d`).
    PromptDate,
    /// Step the date filter back a day (or set it to the selected article's day).
    PreviousDay,
    /// Step the date filter forward a day (or set it to the selected article's day).
    NextDay,
    /// Live full-text search: the list follows as you type.
    Search,
    /// Edit the whole filter in the filter language.
    EditFilter,
    /// Filter by an entity chosen from the article's entities.
    PickEntity,
    /// Filter by the speaker of the current statement.
    FilterSpeaker,
    /// Clear every filter.
    ClearFilter,
    /// Mark the selected article read or unread.
    ToggleRead,
    /// Star or unstar the selected article.
    ToggleStar,
    /// Cycle the order: newest first, oldest first, by agency.
    CycleSort,
    /// Show or hide the side panel (entities and statements).
    ToggleSidePanel,
    /// Show every key binding.
    Help,
    /// Leave the reader.
    Quit,
    /// In a picker: select or unselect the item under the cursor.
    Toggle,
    /// In a picker or prompt: apply it.
    Confirm,
    /// In a picker or prompt: close it, changing nothing.
    Cancel,
    /// In a picker or prompt: delete the last character typed.
    DeleteBack,
    /// A character typed into a picker or prompt.
    #[serde(skip)]
    Input(char),
    /// The terminal has this many columns and rows.
    #[serde(skip)]
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// The mouse wheel turned over a cell.
    #[serde(skip)]
    Wheel {
        /// The cell's column.
        column: u16,
        /// The cell's row.
        row: u16,
        /// True when turned towards the user (scrolling down).
        down: bool,
    },
    /// The left mouse button was pressed on a cell.
    #[serde(skip)]
    Click {
        /// The cell's column.
        column: u16,
        /// The cell's row.
        row: u16,
    },
    /// A filter run finished: the articles it selects.
    #[serde(skip)]
    FilterDone {
        /// The run it answers (older runs are ignored).
        generation: u64,
        /// The selected articles.
        selection: Selection,
        /// Articles per day under the filter without its date terms.
        timeline: Timeline,
    },
    /// A filter run failed.
    #[serde(skip)]
    FilterFailed {
        /// The run it answers.
        generation: u64,
        /// Why, in one line.
        message: String,
    },
    /// Article counts by agency code over the current filter without its agency term.
    #[serde(skip)]
    AgencyCounts(Vec<(u16, usize)>),
    /// An article was loaded for the detail pane.
    #[serde(skip)]
    ArticleLoaded(Box<StoredArticle>),
    /// Headlines of list rows (row number, headline).
    #[serde(skip)]
    Headlines(Vec<(u32, String)>),
    /// A library operation failed: shown in the status bar.
    #[serde(skip)]
    Failed(String),
}

impl Action {
    /// The action named `name` in a configuration file (`move-down`), if a key can be bound to it.
    pub fn named(name: &str) -> Option<Action> {
        use serde::de::IntoDeserializer;
        let deserializer: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
            name.into_deserializer();
        Action::deserialize(deserializer).ok()
    }

    /// The name a configuration file uses for the action (`move-down`), for bindable actions.
    pub fn name(&self) -> Option<String> {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::String(name)) => Some(name),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for action in [
            Action::MoveDown,
            Action::PickAgency,
            Action::DeleteBack,
            Action::Quit,
        ] {
            let name = action.name().expect("bindable");
            assert_eq!(Action::named(&name), Some(action));
        }
        assert_eq!(Action::MoveDown.name().as_deref(), Some("move-down"));
        assert_eq!(Action::named("input"), None);
        assert_eq!(Action::named("no-such-action"), None);
        assert_eq!(Action::Input('x').name(), None);
    }
}
