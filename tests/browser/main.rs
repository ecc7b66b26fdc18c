//! The browser tests, a second binary: Debian's Chromium driven through chromedriver against a
//! server in the same process (skipped with a named notice without a browser; a failure in CI).

#[path = "../support/mod.rs"]
mod support;
use support::{common, harness, wait, webdriver};

mod accessibility;
mod back_forward;
mod desk;
mod hostile_text;
mod journey;
mod keyboard;
mod languages;
mod polish;
mod screens;

fn main() -> std::process::ExitCode {
    harness::main([
        accessibility::tests().named("accessibility"),
        back_forward::tests().named("back_forward"),
        desk::tests().named("desk"),
        hostile_text::tests().named("hostile_text"),
        journey::tests().named("journey"),
        keyboard::tests().named("keyboard"),
        languages::tests().named("languages"),
        polish::tests().named("polish"),
        screens::tests().named("screens"),
    ])
}
