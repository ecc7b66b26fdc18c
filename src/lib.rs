//! Tandem: translation management for multilingual statements.
//!
//! Layers, from the bottom: `domain` (pure rules) <- `store` (databases) <- `workflow` (use cases)
//! <- `http` (API handlers); `outbound` is the one client for requests to other servers; `app`
//! wires them together and `cli` is the command line.

pub mod app;
pub mod cli;
pub mod config;
pub mod domain;
pub mod error;
pub mod eval;
pub mod formats;
pub mod http;
pub mod i18n;
pub mod outbound;
pub mod secrets;
pub mod store;
pub mod workflow;
