//! The browser tests, a second binary: Debian's Chromium driven through chromedriver against a
//! server in the same process (skipped with a named notice without a browser; a failure in CI).

#[path = "../support/mod.rs"]
mod support;
use support::{common, harness, wait, webdriver};

mod back_forward;
mod desk;
mod hostile_text;
mod journey;
mod languages;

fn main() -> std::process::ExitCode {
    harness::main([
        back_forward::tests().named("back_forward"),
        desk::tests().named("desk"),
        hostile_text::tests().named("hostile_text"),
        journey::tests().named("journey"),
        languages::tests().named("languages"),
    ])
}
