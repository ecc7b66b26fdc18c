//! The runner of the integration binaries: libtest-mimic over the tests each module lists, with
//! skips that are named and counted in the summary, and refused when `CI` is set.
//!
//! libtest decides "ignored" at compile time only, so a test that finds its browser, database or
//! outside data missing could only pass silently. Here such a test calls [`skip`]; the runner
//! reports it as `ignored (why)`, counts it, lists every skip again under the summary, and under
//! `CI` turns it into a failure, so nothing is ever skipped in CI.

use std::any::Any;
use std::cell::RefCell;
use std::future::Future;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::process::ExitCode;
use std::sync::Mutex;

use libtest_mimic::{Arguments, Completion, Failed, Trial};
use tandem::config::Config;

use super::common::{Db, TestApp};

/// The payload of a skip, told apart from a failure's panic by its type.
struct Skip(String);

/// Every skip of this run, by test name, for the list under the summary.
static SKIPPED: Mutex<Vec<(String, String)>> = Mutex::new(Vec::new());

thread_local! {
    /// The test running on this thread, so a panic message names it (tests run on a pool).
    static CURRENT: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Whether this run is CI's: there nothing may be skipped.
pub fn in_ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// Ends the running test as skipped because `reason` (what is missing and how to provide it).
/// Under CI the runner reports it as a failure instead.
pub fn skip(reason: impl Into<String>) -> ! {
    std::panic::panic_any(Skip(reason.into()))
}

/// One test: its name and what it runs.
pub struct Test {
    name: String,
    body: Box<dyn FnOnce() + Send>,
}

/// The tests of a module, listed by name (a test that is not listed is dead code, which the
/// build refuses, so none can be forgotten).
#[derive(Default)]
pub struct Tests(Vec<Test>);

impl Tests {
    pub fn new() -> Tests {
        Tests::default()
    }

    /// A plain test.
    pub fn sync(mut self, name: &str, body: impl FnOnce() + Send + 'static) -> Tests {
        self.0.push(Test {
            name: name.to_owned(),
            body: Box::new(body),
        });
        self
    }

    /// An async test on a current-thread runtime, as `#[tokio::test]` runs one.
    pub fn run<F, Fut>(self, name: &str, body: F) -> Tests
    where
        F: FnOnce() -> Fut + Send + 'static,
        Fut: Future<Output = ()>,
    {
        self.sync(name, move || {
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a tokio runtime")
                .block_on(body())
        })
    }

    /// An async test on a runtime with two worker threads, for tests whose server and client
    /// must make progress at the same time.
    pub fn threaded<F, Fut>(self, name: &str, body: F) -> Tests
    where
        F: FnOnce() -> Fut + Send + 'static,
        Fut: Future<Output = ()>,
    {
        self.sync(name, move || {
            tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("a tokio runtime")
                .block_on(body())
        })
    }

    /// One test body run twice, on a fresh app over SQLite (`name::sqlite`) and over PostgreSQL
    /// (`name::postgres`, skipped without `TANDEM_TEST_POSTGRES_URL`).
    pub fn both<F, Fut>(self, name: &str, body: F) -> Tests
    where
        F: Fn(TestApp) -> Fut + Send + Clone + 'static,
        Fut: Future<Output = ()>,
    {
        self.both_with(name, body, |_| {})
    }

    /// Like [`Tests::both`], with the app's configuration adjusted first.
    pub fn both_with<F, Fut>(self, name: &str, body: F, adjust: fn(&mut Config)) -> Tests
    where
        F: Fn(TestApp) -> Fut + Send + Clone + 'static,
        Fut: Future<Output = ()>,
    {
        let on_postgres = body.clone();
        self.run(&format!("{name}::sqlite"), move || async move {
            body(TestApp::spawn_with(Db::Sqlite, adjust).await).await
        })
        .run(&format!("{name}::postgres"), move || async move {
            on_postgres(TestApp::spawn_with(Db::Postgres, adjust).await).await
        })
    }

    /// These tests, named `group::test`, for the binary's list.
    pub fn named(self, group: &str) -> Vec<Test> {
        self.0
            .into_iter()
            .map(|t| Test {
                name: format!("{group}::{}", t.name),
                body: t.body,
            })
            .collect()
    }
}

/// Runs the groups' tests as libtest would (same flags and output) and exits with its code.
pub fn main(groups: impl IntoIterator<Item = Vec<Test>>) -> ExitCode {
    let tests: Vec<Test> = groups.into_iter().flatten().collect();
    let args = Arguments::from_args();
    install_panic_hook();
    let trials = tests.into_iter().map(trial).collect();
    let conclusion = libtest_mimic::run(&args, trials);
    let skipped = SKIPPED.lock().map(|s| s.clone()).unwrap_or_default();
    if !skipped.is_empty() {
        println!("skipped: {} (counted as ignored above)", skipped.len());
        for (name, reason) in &skipped {
            println!("    {name}: {reason}");
        }
        println!();
    }
    conclusion.exit_code()
}

fn trial(test: Test) -> Trial {
    let name = test.name.clone();
    let body = test.body;
    Trial::ignorable_test(test.name, move || {
        CURRENT.with(|c| *c.borrow_mut() = name.clone());
        let outcome = catch_unwind(AssertUnwindSafe(body));
        CURRENT.with(|c| c.borrow_mut().clear());
        match outcome {
            Ok(()) => Ok(Completion::Completed),
            Err(payload) => match payload.downcast::<Skip>() {
                Ok(skip) if in_ci() => Err(Failed::from(format!(
                    "skipped under CI, where nothing may be skipped: {}",
                    skip.0
                ))),
                Ok(skip) => {
                    if let Ok(mut all) = SKIPPED.lock() {
                        all.push((name, skip.0.clone()));
                    }
                    Ok(Completion::ignored_with(skip.0))
                }
                Err(other) => Err(Failed::from(panic_message(other.as_ref()))),
            },
        }
    })
}

fn panic_message(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_else(|| "the test panicked".to_owned())
}

/// The default hook, quiet for skips (they are reported by the runner) and naming the test
/// in every other panic message.
fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if info.payload().downcast_ref::<Skip>().is_some() {
            return;
        }
        let test = CURRENT.with(|c| c.borrow().clone());
        if !test.is_empty() {
            eprintln!("---- {test} ----");
        }
        default(info);
    }));
}
