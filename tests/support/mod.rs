//! What both integration binaries share: the runner, a fresh app per test, the real binary as a
//! child process, and a WebDriver client.
// Each binary uses a different part of these.
#![allow(dead_code)]

pub mod common;
pub mod harness;
pub mod outside;
pub mod server;
pub mod wait;
pub mod webdriver;
