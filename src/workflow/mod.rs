//! Use cases: one function per action, each enforcing the rules that span several records.

pub mod align;
pub mod assign;
pub mod audit;
pub mod checks;
pub mod credentials;
pub mod demo;
pub mod events;
pub mod export;
pub mod glossary;
pub mod guard;
pub mod import;
pub mod live;
pub mod memory;
mod memory_cache;
pub mod memory_feed;
pub mod publish;
pub mod queue;
pub mod review;
pub mod secrets;
pub mod segment;
pub mod sessions;
pub mod source;
pub mod statements;
pub mod units;
pub mod users;
pub mod webhook_delivery;
pub mod webhooks;
