//! Use cases: one function per action, each enforcing the rules that span several records.

pub mod credentials;
pub mod segment;
pub mod sessions;
pub mod statements;
pub mod throttle;
pub mod units;
pub mod users;
