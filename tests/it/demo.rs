//! `tandem serve --demo`: the first thing a new user sees.

use crate::harness::Tests;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use reqwest::StatusCode;
use serde_json::{json, Value};

async fn serve_demo_prints_working_passwords() {
    let dir = tempfile::tempdir().expect("dir");
    let url = format!("sqlite://{}", dir.path().join("demo.db").display());
    let mut child = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args([
            "serve",
            "--demo",
            "--bind",
            "127.0.0.1:0",
            "--database-url",
            &url,
        ])
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let mut passwords = std::collections::HashMap::new();
    let mut base = None;
    for line in lines.by_ref() {
        let line = line.expect("line");
        if let Some(rest) = line.strip_prefix("Tandem is listening on ") {
            base = Some(rest.trim().to_owned());
            break;
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.len() >= 2 && ["editor", "anush", "hasmik", "dmitri", "olga"].contains(&words[0]) {
            passwords.insert(words[0].to_owned(), words[1].to_owned());
        }
    }
    let base = base.expect("the URL is printed");
    assert_eq!(passwords.len(), 5, "{passwords:?}");

    let client = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .expect("client");
    let resp = client
        .post(format!("{base}/api/v1/session"))
        .json(&json!({"username": "anush", "password": passwords["anush"]}))
        .send()
        .await
        .expect("sign in");
    assert_eq!(resp.status(), StatusCode::OK);
    let me: Value = client
        .get(format!("{base}/api/v1/me"))
        .send()
        .await
        .expect("me")
        .json()
        .await
        .expect("json");
    assert_eq!(me["queue"][0]["lang"], "hy");
    assert!(
        me["queue"][0]["to_translate"].as_i64().unwrap_or(0) >= 5,
        "{me}"
    );
    let statements: Value = client
        .get(format!("{base}/api/v1/statements"))
        .send()
        .await
        .expect("list")
        .json()
        .await
        .expect("json");
    assert_eq!(
        statements[0]["title"],
        "Open letter on access to public information"
    );
    let _ = child.kill();
    let _ = child.wait();

    // A second start on the same database adds nothing.
    let out = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["migrate", "--database-url", &url])
        .output()
        .expect("migrate");
    assert!(out.status.success());
    let store = tandem::store::open(&url).await.expect("store");
    let again = tandem::workflow::demo::seed(store.as_ref(), &Default::default())
        .await
        .expect("seed");
    assert!(again.is_none());
    assert_eq!(store.list_statements().await.expect("list").len(), 1);
}

pub fn tests() -> Tests {
    Tests::new().run(
        "serve_demo_prints_working_passwords",
        serve_demo_prints_working_passwords,
    )
}
