//! The reader's state: one struct that [`update`](super::update::update) changes and
//! [`view::draw`](super::view::draw) shows. It holds the library's compact index, the current
//! filter and its selection, the article on show and what is open on top.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use ratatui::layout::Rect;

use super::config::Config;
use super::keymap::Mode;
use super::layout::{Panes, panes};
use crate::annotate::entities::EntityKind;
use crate::printed::safe_text::printable;
use crate::query::{Condition, Field, Filter};
use crate::store::StoredArticle;
use crate::store::index::{Index, IndexRow, NO_DAY};
use crate::store::select::Sort;

/// Headlines kept in memory before the cache starts over.
pub const HEADLINE_CACHE: usize = 4_096;

/// Which pane the movement keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The article list.
    List,
    /// The detail pane.
    Detail,
}

/// A line of the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// What to say.
    pub text: String,
    /// True for a failure.
    pub error: bool,
}

/// The article on show, with what the side panel lists.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    /// The article and its annotations.
    pub stored: StoredArticle,
    /// Its entities by kind, each name with its number of mentions.
    pub entities: Vec<(EntityKind, Vec<(String, usize)>)>,
    /// Its statements: speaker, cue and content, made printable.
    pub statements: Vec<StatementLine>,
}

/// One statement as the side panel shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementLine {
    /// The speaker's canonical name, else as written, else `None`.
    pub speaker: Option<String>,
    /// The reporting words, if any.
    pub cue: Option<String>,
    /// What was said.
    pub content: String,
}

impl Shown {
    /// Prepares an article for the detail and the side panel.
    pub fn new(stored: StoredArticle) -> Shown {
        let clean = |text: &str| crate::printed::printout::one_line(&printable(text));
        let entities = crate::printed::highlight::entity_groups(&stored.annotations)
            .into_iter()
            .map(|(kind, names)| {
                let names = names
                    .into_iter()
                    .map(|(name, count)| (clean(&name), count))
                    .collect();
                (kind, names)
            })
            .collect();
        let body = &stored.article.body;
        let statements = stored
            .annotations
            .statements
            .iter()
            .map(|statement| StatementLine {
                speaker: statement
                    .speaker_canonical
                    .as_deref()
                    .map(clean)
                    .or_else(|| statement.speaker.map(|span| clean(span.text(body)))),
                cue: statement.cue.map(|span| clean(span.text(body))),
                content: clean(statement.content.text(body)),
            })
            .collect();
        Shown {
            stored,
            entities,
            statements,
        }
    }
}

/// Articles per day over the current selection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Timeline {
    /// The first day counted (days since 0001-01-01).
    pub first_day: i32,
    /// Articles on each day from `first_day` on.
    pub counts: Vec<u32>,
}

impl Timeline {
    /// Counts the dated rows by day.
    pub fn of(rows: &[IndexRow]) -> Timeline {
        let mut days = rows.iter().map(|r| r.day).filter(|d| *d != NO_DAY);
        let Some(first) = days.next() else {
            return Timeline::default();
        };
        let (low, high) = days.fold((first, first), |(low, high), day| (low.min(day), high.max(day)));
        // A stray date centuries away would make the strip useless: keep ten years at most.
        let low = low.max(high.saturating_sub(3_660));
        let mut counts = vec![0u32; (high - low) as usize + 1];
        for row in rows {
            if row.day != NO_DAY && row.day >= low {
                counts[(row.day - low) as usize] += 1;
            }
        }
        Timeline {
            first_day: low,
            counts,
        }
    }
}

/// An item of the agency picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgencyItem {
    /// The agency's code; `None` for the "all agencies" item.
    pub code: Option<u16>,
    /// Its abbreviation (what the filter names).
    pub abbr: String,
    /// Its full name.
    pub name: String,
    /// Its articles in the current filter (agency term left out), once counted.
    pub count: Option<usize>,
    /// Selected for the filter.
    pub checked: bool,
}

/// An item of the entity picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityItem {
    /// What kind of entity.
    pub kind: EntityKind,
    /// Its canonical name.
    pub name: String,
    /// How often the article mentions it.
    pub mentions: usize,
}

/// A list to choose from, narrowed by what is typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker<T> {
    /// Every item.
    pub items: Vec<T>,
    /// What has been typed to narrow the list.
    pub query: String,
    /// The cursor, among the items that match the query.
    pub cursor: usize,
}

/// Something an item can be narrowed by.
pub trait Narrow {
    /// True when the item matches the typed text (lower case).
    fn matches(&self, query: &str) -> bool;
}

impl Narrow for AgencyItem {
    fn matches(&self, query: &str) -> bool {
        self.code.is_none() && query.is_empty()
            || self.code.is_some()
                && (self.abbr.to_lowercase().contains(query) || self.name.to_lowercase().contains(query))
    }
}

impl Narrow for EntityItem {
    fn matches(&self, query: &str) -> bool {
        self.name.to_lowercase().contains(query)
    }
}

impl<T: Narrow> Picker<T> {
    /// A picker over `items`, nothing typed.
    pub fn new(items: Vec<T>) -> Picker<T> {
        Picker {
            items,
            query: String::new(),
            cursor: 0,
        }
    }

    /// The positions (in `items`) of the items that match what was typed.
    pub fn visible(&self) -> Vec<usize> {
        let query = self.query.to_lowercase();
        (0..self.items.len())
            .filter(|&i| self.items[i].matches(&query))
            .collect()
    }

    /// The position (in `items`) of the item under the cursor.
    pub fn current(&self) -> Option<usize> {
        self.visible().get(self.cursor).copied()
    }
}

/// What a prompt edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// The date filter's value.
    Date,
    /// The full-text words, applied as they are typed.
    Search,
    /// The whole filter.
    Filter,
}

/// A line of text being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// What it edits.
    pub kind: PromptKind,
    /// The text so far.
    pub input: String,
    /// Why the text does not parse, when it does not.
    pub error: Option<String>,
    /// The filter before the prompt opened, restored on cancel.
    pub before: Filter,
}

/// What is open on top of the panes.
#[derive(Debug, Clone, PartialEq)]
pub enum Popup {
    /// The agency picker.
    Agencies(Picker<AgencyItem>),
    /// The entity picker.
    Entities(Picker<EntityItem>),
    /// A prompt.
    Prompt(Prompt),
    /// The key bindings.
    Help {
        /// Lines scrolled past.
        scroll: usize,
    },
}

/// The reader's whole state.
#[derive(Debug, Clone)]
pub struct App {
    /// Keys and styles.
    pub config: Config,
    /// Every article of the library, compactly (shared with a running search).
    pub index: Arc<Index>,
    /// The day relative dates resolve against.
    pub today: NaiveDate,
    /// The current filter.
    pub filter: Filter,
    /// The order of the list.
    pub sort: Sort,
    /// The articles the filter selects, in order.
    pub rows: Vec<IndexRow>,
    /// The number of the latest filter run; results of older runs are dropped.
    pub generation: u64,
    /// True while a filter run is under way.
    pub searching: bool,
    /// The selected position in `rows`.
    pub cursor: usize,
    /// The first position of `rows` on screen.
    pub list_offset: usize,
    /// The focused pane.
    pub focus: Focus,
    /// Whether the side panel is shown.
    pub side_panel: bool,
    /// The article in the detail pane.
    pub shown: Option<Shown>,
    /// The row last asked for, so that a load is asked for once.
    pub requested: Option<u32>,
    /// Lines of the detail scrolled past.
    pub detail_scroll: usize,
    /// The statement `n`/`N` moved to.
    pub current_statement: Option<usize>,
    /// Headlines by row; an empty string while loading.
    pub headlines: HashMap<u32, String>,
    /// Articles per day over the selection.
    pub timeline: Timeline,
    /// What is open on top.
    pub popup: Option<Popup>,
    /// The status bar's message.
    pub status: Option<Status>,
    /// The terminal's size.
    pub viewport: Rect,
}

impl App {
    /// A reader over `index`, showing every article newest first; `today` resolves relative dates.
    pub fn new(index: Index, config: Config, today: NaiveDate) -> App {
        let rows = index.rows().to_vec();
        let timeline = Timeline::of(&rows);
        App {
            config,
            index: Arc::new(index),
            today,
            filter: Filter::default(),
            sort: Sort::Newest,
            rows,
            generation: 0,
            searching: false,
            cursor: 0,
            list_offset: 0,
            focus: Focus::List,
            side_panel: false,
            shown: None,
            requested: None,
            detail_scroll: 0,
            current_statement: None,
            headlines: HashMap::new(),
            timeline,
            popup: None,
            status: None,
            viewport: Rect::new(0, 0, 80, 24),
        }
    }

    /// The selected article's index row.
    pub fn selected(&self) -> Option<&IndexRow> {
        self.rows.get(self.cursor)
    }

    /// The panes for the current terminal size, or `None` when it is too small.
    pub fn panes(&self) -> Option<Panes> {
        panes(self.viewport, self.side_panel)
    }

    /// The rows of the list body.
    pub fn list_height(&self) -> usize {
        self.panes().map_or(1, |p| usize::from(p.list_body.height).max(1))
    }

    /// The rows of the detail body.
    pub fn detail_height(&self) -> usize {
        self.panes()
            .map_or(1, |p| usize::from(p.detail_body.height).max(1))
    }

    /// Which keymap applies now.
    pub fn mode(&self) -> Mode {
        match self.popup {
            Some(Popup::Agencies(_) | Popup::Entities(_)) => Mode::Picker,
            Some(Popup::Prompt(_)) => Mode::Prompt,
            Some(Popup::Help { .. }) | None => Mode::Browse,
        }
    }

    /// The bounds of the date filter, resolved against today.
    pub fn date_bounds(&self) -> Option<crate::query::DateBounds> {
        self.filter
            .terms
            .iter()
            .filter(|term| !term.negated && term.condition.field() == Field::Date)
            .find_map(|term| term.condition.bounds(self.today))
    }

    /// The agency names of the filter's agency term.
    pub fn filtered_agencies(&self) -> Vec<String> {
        self.filter
            .terms
            .iter()
            .filter(|term| !term.negated)
            .find_map(|term| match &term.condition {
                Condition::Agency(names) => Some(names.clone()),
                _ => None,
            })
            .unwrap_or_default()
    }

    /// The headline of a row, when loaded.
    pub fn headline(&self, row: u32) -> Option<&str> {
        self.headlines.get(&row).map(String::as_str)
    }
}
