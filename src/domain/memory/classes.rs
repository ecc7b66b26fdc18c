//! Length classes: texts grouped by weight, so that a lookup reads only the lists it can use.
//!
//! The score is at most `100 × shorter / longer` (every unit of length difference costs at least
//! one unit of distance), so a query that needs 90 only looks at texts within about a tenth of
//! its own weight. Classes grow by a fifth at a time (at least half a word), which gives about
//! two classes for such a query and about eight for the default minimum of 50.

/// Number of classes; the last one is open-ended.
pub(crate) const CLASS_COUNT: usize = 64;

/// The smallest weight of each class, in hundredths of a word like every weight.
const CLASS_START: [u32; CLASS_COUNT] = class_starts();

const fn class_starts() -> [u32; CLASS_COUNT] {
    let mut starts = [0u32; CLASS_COUNT];
    let mut i = 1;
    while i < CLASS_COUNT {
        let prev = starts[i - 1];
        let fifth = prev / 5 / 25 * 25;
        let step = if fifth > 50 { fifth } else { 50 };
        starts[i] = prev.saturating_add(step);
        i += 1;
    }
    starts
}

/// The class of a text of this weight.
pub(crate) fn class_of(weight: u32) -> u8 {
    (CLASS_START.partition_point(|&start| start <= weight) - 1) as u8
}

/// The smallest and largest weight of a class.
pub(crate) fn class_range(class: u8) -> (u32, u32) {
    let class = usize::from(class).min(CLASS_COUNT - 1);
    let low = CLASS_START[class];
    let high = CLASS_START
        .get(class + 1)
        .map_or(u32::MAX, |next| next.saturating_sub(1));
    (low, high)
}

/// The best score that any text of the class can reach against a query of weight `query`.
pub(crate) fn class_bound(class: u8, query: u32) -> f64 {
    let (low, high) = class_range(class);
    length_bound(query, query.clamp(low, high))
}

/// The best score two texts of these weights can reach: `100 × shorter / longer`.
pub(crate) fn length_bound(a: u32, b: u32) -> f64 {
    let longer = a.max(b);
    if longer == 0 {
        return 100.0;
    }
    100.0 * f64::from(a.min(b)) / f64::from(longer)
}
