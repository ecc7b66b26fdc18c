//! The progress bar by state that the desk shows for a statement in one language.

use crate::domain::unit::{Progress, UnitState};
use crate::http::chrome::Chrome;

/// One coloured stretch of the bar, in percent of its width.
pub struct BarPart {
    pub state: &'static str,
    pub x: String,
    pub width: String,
}

/// Drawn as SVG rectangles: the CSP forbids inline styles, and attributes of SVG are not styles.
pub struct StateBar {
    pub parts: Vec<BarPart>,
    /// What the bar shows, in words, for screen readers and as a tooltip.
    pub label: String,
    /// The language of `label` (the interface's), as the bar sits inside a language's link.
    pub lang: &'static str,
}

impl StateBar {
    pub fn new(chrome: &Chrome, progress: &Progress) -> Self {
        // Approved first, then what is nearest to it, so the bar fills from the left.
        let counts = [
            (UnitState::Approved, progress.approved),
            (UnitState::Translated, progress.translated),
            (UnitState::Draft, progress.draft),
            (UnitState::NeedsWork, progress.needs_work),
            (UnitState::Untranslated, progress.untranslated),
        ];
        let total = progress.total.max(1) as f64;
        let mut x = 0.0;
        let mut parts = Vec::new();
        let mut words = Vec::new();
        for (state, count) in counts.into_iter().filter(|(_, n)| *n > 0) {
            let width = f64::from(count) * 100.0 / total;
            parts.push(BarPart {
                state: state.as_str(),
                x: format!("{x:.2}"),
                width: format!("{width:.2}"),
            });
            x += width;
            let name = chrome.t(&format!("state-{}", state.as_str().replace('_', "-")));
            words.push(format!("{name}: {count}"));
        }
        Self {
            parts,
            label: words.join(" · "),
            lang: chrome.lang(),
        }
    }
}
