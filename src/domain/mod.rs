//! Pure types and rules of Tandem: no I/O, no web framework, no database.

pub mod address;
pub mod align;
pub mod audit;
pub mod blocks;
pub mod checks;
pub mod diff;
pub mod glossary;
pub mod language;
pub mod lockout;
pub mod memory;
pub mod months;
pub mod origin;
pub mod policy;
pub mod publication;
pub mod queue;
pub mod realign;
pub mod role;
pub mod segmentation;
pub mod segmenting;
pub mod slug;
pub mod source_change;
pub mod statement;
pub mod unit;
pub mod unit_change;
pub mod user;
pub mod webhook;
