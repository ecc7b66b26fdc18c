//! Use cases: one function per action, each enforcing the rules that span several records.

pub mod assign;
pub mod credentials;
pub mod demo;
pub mod events;
pub mod export;
pub mod import;
pub mod publish;
pub mod queue;
pub mod review;
pub mod segment;
pub mod sessions;
pub mod source;
pub mod statements;
pub mod throttle;
pub mod units;
pub mod users;
