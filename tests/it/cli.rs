//! The `tandem` binary: help, migrate, segment (agreeing with the API) and user add.

use crate::common;
use crate::harness::Tests;

use std::io::Write;
use std::process::{Command, Output, Stdio};

use reqwest::StatusCode;
use serde_json::{json, Value};

fn tandem(args: &[&str], stdin: &str, env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tandem"));
    cmd.args(args)
        .env_remove("TANDEM_DATABASE_URL")
        .env_remove("TANDEM_PASSWORD")
        .env("LANG", "C")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("spawn tandem");
    if let Some(mut input) = child.stdin.take() {
        input.write_all(stdin.as_bytes()).expect("write stdin");
    }
    child.wait_with_output().expect("wait")
}

fn help_explains_every_command() {
    let out = tandem(&["--help"], "", &[]);
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for command in [
        "serve", "migrate", "segment", "user", "xliff", "eval", "backup", "secrets",
    ] {
        assert!(help.contains(command), "{command} missing from:\n{help}");
    }
    let out = tandem(&["user", "add", "--help"], "", &[]);
    let help = String::from_utf8_lossy(&out.stdout);
    for flag in [
        "--admin",
        "--editor",
        "--translator",
        "--reviewer",
        "--database-url",
        "TANDEM_PASSWORD",
    ] {
        assert!(help.contains(flag), "{flag} missing from:\n{help}");
    }
    let out = tandem(&["serve", "--help"], "", &[]);
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(
        help.contains("--bind") && help.contains("TANDEM_BIND") && help.contains("127.0.0.1:8080"),
        "{help}"
    );
    for flag in [
        "--allow-outbound",
        "TANDEM_ALLOW_OUTBOUND",
        "--metrics-token",
        "--secret-key-file",
        "--webhook-concurrency",
        "--outbound-connect-timeout-secs",
        "--outbound-max-response-bytes",
    ] {
        assert!(
            help.contains(flag),
            "{flag} missing from:
{help}"
        );
    }
}

fn migrate_creates_the_sqlite_file() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("nested/tandem.db");
    let url = format!("sqlite://{}", path.display());
    let out = tandem(&["migrate", "--database-url", &url], "", &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(path.exists());
}

async fn segment_command_agrees_with_the_api() {
    let app = common::TestApp::spawn(common::Db::Sqlite).await;
    let client = reqwest::Client::new();
    let samples = [
        ("hy", "text", "Նիստը կսկսվի ժամը 15:00-ին: Խնդրում ենք չուշանալ։\n\nԻ՞նչ է սպասվում։ Ո՜չ մի անակնկալ։"),
        ("ru", "text", "Встреча назначена на 3 дек. в г. Москве. Приходите!\n\nСм. приложение, т. е. список."),
        ("en", "markdown", "# Notice\n\nDr. Hakobyan arrives at 9 a.m. on Monday. Questions? Write to press@example.org.\n\n- one\n- two"),
        ("de", "text", "Das ist ein Satz. Hier ist noch einer!"),
    ];
    for (lang, format, text) in samples {
        let out = tandem(&["segment", "--lang", lang, "--format", format], text, &[]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let from_cli: Value = serde_json::from_slice(&out.stdout).expect("cli prints JSON");
        let resp = client
            .post(app.url("/api/v1/segment"))
            .json(&json!({"lang": lang, "text": text, "format": format}))
            .send()
            .await
            .expect("post");
        assert_eq!(resp.status(), StatusCode::OK);
        let from_api: Value = resp.json().await.expect("json");
        assert_eq!(from_cli, from_api, "{lang}");
        assert!(!from_cli["paragraphs"]
            .as_array()
            .expect("paragraphs")
            .is_empty());
    }
}

fn segment_refuses_bad_input_with_a_clear_message() {
    let out = tandem(&["segment", "--lang", "not a tag"], "Text.", &[]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("invalid_language") && err.contains("not a tag"),
        "{err}"
    );
    let out = tandem(&["segment", "--lang", "hy"], "   \n", &[]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty_text"));
}

async fn users_made_on_the_command_line_can_sign_in() {
    let (url, _dir) = common::fresh_database(common::Db::Sqlite).await;
    let out = tandem(
        &[
            "user",
            "add",
            "mariam",
            "--editor",
            "--translator",
            "hy",
            "--reviewer",
            "RU",
            "--database-url",
            &url,
        ],
        "a secret of hers\n",
        &[],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let user: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(user["username"], "mariam");
    assert_eq!(
        user["roles"]["languages"],
        json!([{"role": "translator", "lang": "hy"}, {"role": "reviewer", "lang": "ru"}])
    );

    let out = tandem(
        &["user", "add", "mariam", "--database-url", &url],
        "",
        &[("TANDEM_PASSWORD", "another secret")],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("username_taken"));
    let out = tandem(
        &[
            "user",
            "add",
            "hasmik",
            "--translator",
            "!!",
            "--database-url",
            &url,
        ],
        "a secret of hers",
        &[],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid_language"));

    let mut config = tandem::config::Config::new("127.0.0.1:0".parse().expect("addr"), url);
    config.session_hours = 1;
    let (listener, router) = tandem::app::App::build(config).await.expect("app");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(tandem::app::App::serve(listener, router));
    let resp = reqwest::Client::new()
        .post(format!("http://{addr}/api/v1/session"))
        .json(&json!({"username": "Mariam", "password": "a secret of hers"}))
        .send()
        .await
        .expect("sign in");
    assert_eq!(resp.status(), StatusCode::OK);
}

fn xliff_validate_names_the_broken_rule() {
    let dir = tempfile::tempdir().expect("dir");
    let good = dir.path().join("good.xlf");
    std::fs::write(
        &good,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="hy">
 <file id="f1"><unit id="u1"><segment><source>Thank you.</source><target>Շնորհակալություն։</target></segment></unit></file>
</xliff>"#,
    )
    .expect("write");
    let bad = dir.path().join("bad.xlf");
    std::fs::write(
        &bad,
        r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en">
 <file id="f1"><unit id="u1"><segment><source>One.</source></segment></unit><unit id="u1"><segment><source>Two.</source></segment></unit></file>
</xliff>"#,
    )
    .expect("write");
    let out = tandem(&["xliff", "validate", &good.display().to_string()], "", &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout)
        .trim_end()
        .ends_with(": ok"));
    let out = tandem(
        &[
            "xliff",
            "validate",
            &good.display().to_string(),
            &bad.display().to_string(),
        ],
        "",
        &[],
    );
    assert!(!out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("good.xlf: ok"), "{stdout}");
    assert!(stdout.contains("bad.xlf: core.unit.id_unique"), "{stdout}");
}

pub fn tests() -> Tests {
    Tests::new()
        .sync("help_explains_every_command", help_explains_every_command)
        .sync(
            "migrate_creates_the_sqlite_file",
            migrate_creates_the_sqlite_file,
        )
        .run(
            "segment_command_agrees_with_the_api",
            segment_command_agrees_with_the_api,
        )
        .sync(
            "segment_refuses_bad_input_with_a_clear_message",
            segment_refuses_bad_input_with_a_clear_message,
        )
        .run(
            "users_made_on_the_command_line_can_sign_in",
            users_made_on_the_command_line_can_sign_in,
        )
        .sync(
            "xliff_validate_names_the_broken_rule",
            xliff_validate_names_the_broken_rule,
        )
}
