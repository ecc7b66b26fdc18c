//! A decided unit change as the store writes it: with the audit line and the webhook events the
//! domain says it leaves, and the pairs the memory learns from it, all in its one transaction.

use crate::domain::unit_change::UnitChange;
use crate::domain::webhook::unit_change_events;
use crate::store::memory::NewMemoryEntry;
use crate::store::units::UnitWrite;

/// `change` with everything that goes with it, so that every use case writes a change the same
/// way.
pub fn unit_write(change: UnitChange, memory: Vec<NewMemoryEntry>) -> UnitWrite {
    UnitWrite {
        audit: change.audit_entry(),
        events: unit_change_events(&change),
        memory,
        change,
    }
}
