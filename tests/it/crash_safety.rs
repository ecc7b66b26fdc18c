//! Crash safety: SIGKILL under a write load loses no acknowledged write; SIGTERM lets requests finish.

use crate::common;
use crate::harness::Tests;
use crate::server;
use crate::wait;

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::watch;

use common::Db;
use server::Server;

const PASSWORD: &str = "tandem crash drill passphrase";
const WRITERS: usize = 4;
/// Long enough for a request on a busy machine, short enough that a hang fails the test.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(20);

/// Six paragraphs, two target languages: twelve units for the writers to share out.
const SOURCE: &str = "The council met on Tuesday behind closed doors.\n\n\
    It adopted next year's budget without a public debate.\n\n\
    The minutes of the meeting have not been published.\n\n\
    We ask the council to publish them within a week.\n\n\
    Journalists were kept out of the hall by the guards.\n\n\
    We will keep asking until the public gets an answer.";

/// Sentences the writers save, varied so that every revision differs from the one before.
const ARMENIAN: [&str; 4] = [
    "Խորհուրդը նիստը անցկացրեց փակ դռների հետևում։",
    "Բյուջեն ընդունվեց առանց հրապարակային քննարկման։",
    "Նիստի արձանագրությունները դեռ հրապարակված չեն։",
    "Մենք կշարունակենք հարցնել, մինչև պատասխան ստանանք։",
];
const RUSSIAN: [&str; 4] = [
    "Совет заседал во вторник за закрытыми дверями.",
    "Бюджет приняли без публичного обсуждения.",
    "Протокол заседания до сих пор не опубликован.",
    "Мы будем спрашивать, пока не получим ответа.",
];

/// A count from the environment (for longer local runs), or the default CI uses.
fn env_count(name: &str, default: usize) -> usize {
    match std::env::var(name) {
        Ok(v) => v
            .parse()
            .unwrap_or_else(|_| panic!("{name} must be a number, not {v:?}")),
        Err(_) => default,
    }
}

/// The RNG seed: `TANDEM_CRASH_SEED` repeats the kill schedule of a failed run (the interleaving
/// of requests still depends on the machine, so a repeat is likely, not certain, to hit the same spot).
fn seed() -> u64 {
    match std::env::var("TANDEM_CRASH_SEED") {
        Ok(v) => v.parse().expect("TANDEM_CRASH_SEED must be a number"),
        Err(_) => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .expect("clock after 1970")
            .as_nanos() as u64,
    }
}

/// One translation unit: a segment in a target language.
#[derive(Clone, Debug)]
struct UnitKey {
    segment: i64,
    lang: &'static str,
}

/// What the writers work on, and who may read and write it.
struct Fixture {
    statement: i64,
    units: Vec<UnitKey>,
    /// A translator's token per target language.
    translators: HashMap<&'static str, String>,
    editor: String,
}

impl Fixture {
    fn unit_path(&self, unit: &UnitKey) -> String {
        format!(
            "/api/v1/statements/{}/segments/{}/translations/{}",
            self.statement, unit.segment, unit.lang
        )
    }
}

/// Users made with the command line, a statement with Armenian and Russian targets, and each
/// language assigned to its translator (so the writes go through the assignment check too).
async fn prepare(url: &str) -> (Server, Fixture) {
    server::add_user(url, "editor", &["--editor"], PASSWORD);
    server::add_user(url, "narine", &["--translator", "hy"], PASSWORD);
    server::add_user(url, "sergei", &["--translator", "ru"], PASSWORD);
    let server = Server::start(url, &[]).await;
    let base = server.base.clone().expect("listening");
    let editor = server::bearer_token(&base, "editor", PASSWORD).await;
    let http = server::bearer_client(&editor, REQUEST_TIMEOUT);
    let resp = http
        .post(server.url("/api/v1/statements"))
        .json(
            &json!({"title": "On the closed council meeting", "source_lang": "en",
                      "target_langs": ["hy", "ru"], "text": SOURCE, "format": "text"}),
        )
        .send()
        .await
        .expect("create statement");
    assert_eq!(resp.status(), StatusCode::CREATED);
    let body: Value = resp.json().await.expect("statement JSON");
    let statement = body["id"].as_i64().expect("statement id");
    let segments: Vec<i64> = body["segments"]
        .as_array()
        .expect("segments")
        .iter()
        .map(|s| s["id"].as_i64().expect("segment id"))
        .collect();
    assert_eq!(segments.len(), 6, "{body}");
    let mut translators = HashMap::new();
    for (lang, name) in [("hy", "narine"), ("ru", "sergei")] {
        let resp = http
            .put(server.url(&format!("/api/v1/statements/{statement}/assignments")))
            .json(&json!({"lang": lang, "role": "translator", "user": name, "segments": "all"}))
            .send()
            .await
            .expect("assign");
        assert!(
            resp.status().is_success(),
            "assign {lang}: {}",
            resp.status()
        );
        translators.insert(lang, server::bearer_token(&base, name, PASSWORD).await);
    }
    let units = ["hy", "ru"]
        .into_iter()
        .flat_map(|lang| {
            segments
                .iter()
                .map(move |&segment| UnitKey { segment, lang })
        })
        .collect();
    let fixture = Fixture {
        statement,
        units,
        translators,
        editor,
    };
    (server, fixture)
}

/// A save the server answered with 2xx: it must survive any crash that comes after.
#[derive(Clone, Debug)]
struct Ack {
    unit: usize,
    /// `None` when the status arrived but the body did not (killed while writing it).
    version: Option<i64>,
    text: String,
}

#[derive(Default)]
struct Load {
    acks: Mutex<Vec<Ack>>,
    stop: AtomicBool,
    /// Saves whose outcome the client cannot know: the connection broke.
    unknown: AtomicU64,
    conflicts: AtomicU64,
    /// Answers no healthy server gives to these requests; the test fails if there are any.
    unexpected: Mutex<Vec<String>>,
}

/// The unit's current version as the server reports it, or `None` when it cannot be asked.
async fn current_version(client: &Client, url: &str) -> Option<i64> {
    let resp = client.get(url).send().await.ok()?;
    if resp.status() != StatusCode::OK {
        return None;
    }
    resp.json::<Value>().await.ok()?["version"].as_i64()
}

/// One writer: saves new texts into its own units, one after the other, always naming the
/// version it last saw, and records every acknowledged save. Owning its units means a conflict
/// is never expected from another writer; it re-reads the version after any unknown outcome.
async fn writer(
    task: usize,
    seed: u64,
    fixture: Arc<Fixture>,
    mut server: watch::Receiver<Option<String>>,
    load: Arc<Load>,
) {
    let mut rng = StdRng::seed_from_u64(seed.wrapping_add(task as u64 + 1));
    let clients: HashMap<&str, Client> = fixture
        .translators
        .iter()
        .map(|(lang, token)| (*lang, server::bearer_client(token, REQUEST_TIMEOUT)))
        .collect();
    let owned: Vec<usize> = (0..fixture.units.len())
        .filter(|i| i % WRITERS == task)
        .collect();
    let mut known: HashMap<usize, i64> = HashMap::new();
    let mut n = 0usize;
    while !load.stop.load(Ordering::Relaxed) {
        let Some(base) = server.borrow_and_update().clone() else {
            // Between a kill and the next start: wait for the new address.
            let _ = tokio::time::timeout(Duration::from_millis(50), server.changed()).await;
            continue;
        };
        let i = owned[rng.random_range(0..owned.len())];
        let unit = &fixture.units[i];
        let client = &clients[unit.lang];
        let url = format!("{base}{}", fixture.unit_path(unit));
        let version = match known.get(&i) {
            Some(v) => *v,
            None => match current_version(client, &url).await {
                Some(v) => v,
                None => {
                    tokio::time::sleep(Duration::from_millis(2)).await;
                    continue;
                }
            },
        };
        n += 1;
        let phrases = if unit.lang == "hy" { ARMENIAN } else { RUSSIAN };
        let text = format!("{} ({task}.{n})", phrases[n % phrases.len()]);
        let sent = client
            .put(&url)
            .json(&json!({"text": text, "base_version": version}))
            .send()
            .await;
        let resp = match sent {
            Ok(resp) => resp,
            Err(_) => {
                load.unknown.fetch_add(1, Ordering::Relaxed);
                known.remove(&i);
                continue;
            }
        };
        let status = resp.status();
        let body = resp.json::<Value>().await.ok();
        match (status, body) {
            (StatusCode::OK, Some(saved)) => {
                let v = saved["version"].as_i64();
                if saved["text"] != text.as_str() || v.is_none() {
                    load.unexpected
                        .lock()
                        .expect("lock")
                        .push(format!("save answered with another unit: {saved}"));
                }
                load.acks.lock().expect("lock").push(Ack {
                    unit: i,
                    version: v,
                    text,
                });
                match v {
                    Some(v) => known.insert(i, v),
                    None => known.remove(&i),
                };
            }
            (s, None) if s.is_success() => {
                load.acks.lock().expect("lock").push(Ack {
                    unit: i,
                    version: None,
                    text,
                });
                known.remove(&i);
            }
            (StatusCode::CONFLICT, Some(conflict)) => {
                load.conflicts.fetch_add(1, Ordering::Relaxed);
                match conflict["error"]["details"]["current"]["version"].as_i64() {
                    Some(v) => known.insert(i, v),
                    None => known.remove(&i),
                };
            }
            (status, body) => {
                load.unexpected
                    .lock()
                    .expect("lock")
                    .push(format!("{status} for a save: {body:?}"));
                known.remove(&i);
            }
        }
    }
}

/// Checks acknowledged saves against the unit histories served at `base`: the revision with the
/// acknowledged version holds exactly the acknowledged text, and the unit is at least that far.
async fn verify(base: &str, fixture: &Fixture, reader: &Client, acks: &[Ack]) {
    let mut by_unit: BTreeMap<usize, Vec<&Ack>> = BTreeMap::new();
    for ack in acks {
        by_unit.entry(ack.unit).or_default().push(ack);
    }
    for (i, acks) in by_unit {
        let url = format!("{base}{}", fixture.unit_path(&fixture.units[i]));
        let history: Value = reader
            .get(format!("{url}/history"))
            .send()
            .await
            .expect("history request")
            .json()
            .await
            .expect("history JSON");
        let revisions: HashMap<i64, &str> = history
            .as_array()
            .unwrap_or_else(|| panic!("history is a list: {history}"))
            .iter()
            .map(|r| {
                (
                    r["version"].as_i64().expect("revision version"),
                    r["text"].as_str().expect("revision text"),
                )
            })
            .collect();
        let current = current_version(reader, &url)
            .await
            .expect("the unit's current version");
        for ack in acks {
            match ack.version {
                Some(v) => {
                    assert_eq!(
                        revisions.get(&v).copied(),
                        Some(ack.text.as_str()),
                        "acknowledged save of unit {i} at version {v} is missing after a crash"
                    );
                    assert!(
                        current >= v,
                        "unit {i} is at version {current}, behind the acknowledged {v}"
                    );
                }
                None => assert!(
                    revisions.values().any(|t| *t == ack.text),
                    "acknowledged save of unit {i} ({:?}) is missing after a crash",
                    ack.text
                ),
            }
        }
    }
}

/// Two acknowledged saves of one unit at the same version would mean one of them was lost.
fn assert_versions_unique(acks: &[Ack]) {
    let mut seen = HashMap::new();
    for ack in acks {
        if let Some(v) = ack.version {
            if let Some(other) = seen.insert((ack.unit, v), &ack.text) {
                panic!(
                    "unit {} version {v} acknowledged twice: {other:?} and {:?}",
                    ack.unit, ack.text
                );
            }
        }
    }
}

/// Units whose text and version disagree with their newest revision, or that have a revision
/// newer than themselves: either means a save was half applied.
const TORN_UNITS_SQL: &str = "
    SELECT COUNT(*) FROM units u
    WHERE (EXISTS (SELECT 1 FROM unit_revisions r WHERE r.unit_id = u.id)
           AND NOT EXISTS (SELECT 1 FROM unit_revisions r
                           WHERE r.unit_id = u.id AND r.version = u.version AND r.text = u.text))
       OR EXISTS (SELECT 1 FROM unit_revisions r WHERE r.unit_id = u.id AND r.version > u.version)";

/// The database after the last kill, read directly, with no server running.
async fn check_integrity(db: Db, url: &str) {
    use sqlx::Connection;
    match db {
        Db::Sqlite => {
            // Opening the file is also a recovery: SQLite replays or discards the WAL here.
            let mut conn = sqlx::SqliteConnection::connect(url)
                .await
                .expect("open the SQLite file");
            let verdict: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
                .fetch_all(&mut conn)
                .await
                .expect("integrity_check");
            assert_eq!(verdict, ["ok"], "PRAGMA integrity_check");
            let broken = sqlx::query("PRAGMA foreign_key_check")
                .fetch_all(&mut conn)
                .await
                .expect("foreign_key_check");
            assert!(
                broken.is_empty(),
                "{} rows break a foreign key",
                broken.len()
            );
            let torn: i64 = sqlx::query_scalar(TORN_UNITS_SQL)
                .fetch_one(&mut conn)
                .await
                .expect("torn units");
            assert_eq!(torn, 0, "units out of step with their history");
        }
        Db::Postgres => {
            let mut conn = sqlx::PgConnection::connect(url)
                .await
                .expect("connect to PostgreSQL");
            let torn: i64 = sqlx::query_scalar(TORN_UNITS_SQL)
                .fetch_one(&mut conn)
                .await
                .expect("torn units");
            assert_eq!(torn, 0, "units out of step with their history");
        }
    }
}

/// Kills sooner than this after a start land while the first requests are in flight.
const QUICK_KILL: Duration = Duration::from_millis(10);

/// How long to let the server run before SIGKILL: often only a few milliseconds, so that the
/// kill lands while the writers reconnect and their first requests are half done.
fn run_time(rng: &mut StdRng) -> Duration {
    let ms = match rng.random_range(0..10) {
        0..=2 => rng.random_range(0..10),
        3..=7 => rng.random_range(10..120),
        _ => rng.random_range(120..400),
    };
    Duration::from_millis(ms)
}

/// The drill: `kills` times, start the server on the same database, let the writers loose,
/// SIGKILL it. Some kills land during start-up, before the port is even bound. After every
/// restart, the saves acknowledged so far are looked up; at the end, the database is checked.
async fn crash_drill(db: Db, kills: usize) {
    let (url, _dir) = common::fresh_database(db).await;
    let seed = seed();
    eprintln!("crash drill on {db:?}: {kills} kills, seed {seed} (TANDEM_CRASH_SEED repeats it)");
    let mut rng = StdRng::seed_from_u64(seed);
    let started = Instant::now();
    let (mut first, fixture) = prepare(&url).await;
    first.kill();
    let fixture = Arc::new(fixture);
    let reader = server::bearer_client(&fixture.editor, REQUEST_TIMEOUT);

    let load = Arc::new(Load::default());
    let (tx, rx) = watch::channel(None);
    let writers: Vec<_> = (0..WRITERS)
        .map(|task| {
            tokio::spawn(writer(
                task,
                seed,
                fixture.clone(),
                rx.clone(),
                load.clone(),
            ))
        })
        .collect();

    let (mut verified, mut startup_kills) = (0, 0);
    // How long a start takes here, so that start-up kills are spread over all of it.
    let mut start_time = Duration::from_millis(50);
    for _ in 0..kills {
        let spawned = Instant::now();
        let mut server = Server::spawn(&url, &[]);
        if rng.random_ratio(1, 6) {
            let at = rng.random_range(0..=start_time.as_millis() as u64);
            tokio::time::sleep(Duration::from_millis(at)).await;
            server.kill();
            startup_kills += 1;
            continue;
        }
        let base = match server.listening(server::START_TIMEOUT).await {
            Ok(base) => base,
            Err(why) => panic!(
                "restart after a kill failed: {why}\n{}\n(seed {seed})",
                server.stderr()
            ),
        };
        start_time = spawned.elapsed();
        let acks = load.acks.lock().expect("lock").clone();
        verify(&base, &fixture, &reader, &acks[verified..]).await;
        verified = acks.len();
        tx.send_replace(Some(base));
        let before = acks.len();
        let run = run_time(&mut rng);
        tokio::time::sleep(run).await;
        // Apart from the kills meant to land at once, each server acknowledges at least one
        // save before it dies, so the drill always runs under load, however slow the machine.
        if run >= QUICK_KILL {
            wait::until("a save acknowledged by this server", async || {
                let now = load.acks.lock().expect("lock").len();
                if now > before {
                    Ok(())
                } else {
                    Err(format!("{now} acknowledged saves"))
                }
            })
            .await;
        }
        server.kill();
        tx.send_replace(None);
    }
    load.stop.store(true, Ordering::Relaxed);
    for w in writers {
        w.await.expect("writer task");
    }

    check_integrity(db, &url).await;
    let mut last = Server::start(&url, &[]).await;
    let acks = load.acks.lock().expect("lock").clone();
    verify(
        last.base.as_deref().expect("base"),
        &fixture,
        &reader,
        &acks,
    )
    .await;
    assert_versions_unique(&acks);
    last.terminate();
    let status = last.wait(Duration::from_secs(20)).await;
    assert!(
        status.is_some_and(|s| s.success()),
        "SIGTERM on an idle server: {status:?}"
    );
    let unexpected = load.unexpected.lock().expect("lock").clone();
    assert!(unexpected.is_empty(), "{unexpected:#?}");
    let with_version = acks.iter().filter(|a| a.version.is_some()).count();
    eprintln!(
        "{db:?}: {kills} kills ({startup_kills} during start-up) in {:.1?}; {} acknowledged saves \
         ({with_version} with their version) all present; {} unknown outcomes, {} conflicts",
        started.elapsed(),
        acks.len(),
        load.unknown.load(Ordering::Relaxed),
        load.conflicts.load(Ordering::Relaxed),
    );
}

async fn sigkill_under_load_loses_no_acknowledged_save_sqlite() {
    crash_drill(Db::Sqlite, env_count("TANDEM_CRASH_KILLS", 200)).await;
}

async fn sigkill_under_load_loses_no_acknowledged_save_postgres() {
    crash_drill(Db::Postgres, env_count("TANDEM_CRASH_KILLS_PG", 25)).await;
}

/// A fresh database, killed again and again during its very first start (while the migrations
/// run), must still come up and migrate cleanly afterwards.
async fn killed_during_first_migration(db: Db) {
    let (url, _dir) = common::fresh_database(db).await;
    let seed = seed();
    eprintln!("first-start kills on {db:?}, seed {seed}");
    let mut rng = StdRng::seed_from_u64(seed);
    for round in 0..12u64 {
        let mut server = Server::spawn(&url, &[]);
        // Later rounds wait longer, so the kills walk through the whole migration.
        let at = rng.random_range(0..=10 + round * 15);
        tokio::time::sleep(Duration::from_millis(at)).await;
        server.kill();
    }
    let server = Server::start(&url, &[]).await;
    let resp = reqwest::get(server.url("/readyz")).await.expect("readyz");
    assert_eq!(resp.status(), StatusCode::OK);
    drop(server);
    server::add_user(&url, "editor", &["--editor"], PASSWORD);
}

async fn kills_during_the_first_migration_leave_a_usable_database_sqlite() {
    killed_during_first_migration(Db::Sqlite).await;
}

async fn kills_during_the_first_migration_leave_a_usable_database_postgres() {
    killed_during_first_migration(Db::Postgres).await;
}

/// Reads from `stream` until `enough` says the bytes so far suffice (or the peer closes), within a bound.
async fn read_until(
    stream: &mut tokio::net::TcpStream,
    what: &str,
    enough: impl Fn(&[u8]) -> bool,
) -> String {
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    let deadline = Instant::now() + REQUEST_TIMEOUT;
    while !enough(&got) {
        let left = deadline.saturating_duration_since(Instant::now());
        let n = tokio::time::timeout(left, stream.read(&mut buf))
            .await
            .unwrap_or_else(|_| {
                panic!(
                    "no {what} within {REQUEST_TIMEOUT:?}; got {:?}",
                    String::from_utf8_lossy(&got)
                )
            })
            .expect("read");
        if n == 0 {
            break;
        }
        got.extend_from_slice(&buf[..n]);
    }
    String::from_utf8_lossy(&got).into_owned()
}

/// The head ends at the first blank line.
fn has_head(bytes: &[u8]) -> bool {
    bytes.windows(4).any(|w| w == b"\r\n\r\n")
}

/// A whole response: its head, and as many body bytes as its Content-Length says.
fn has_response(bytes: &[u8]) -> bool {
    let Some(end) = bytes.windows(4).position(|w| w == b"\r\n\r\n") else {
        return false;
    };
    let head = String::from_utf8_lossy(&bytes[..end]).to_ascii_lowercase();
    let length = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok());
    length.is_some_and(|n| bytes.len() >= end + 4 + n)
}

/// SIGTERM while a save is half sent: the server stops taking connections, finishes the save,
/// answers it, and exits with status 0.
async fn sigterm_lets_the_request_in_flight_finish() {
    let (url, _dir) = common::fresh_database(Db::Sqlite).await;
    let (mut server, fixture) = prepare(&url).await;
    let base = server.base.clone().expect("base");
    let addr = base.trim_start_matches("http://").to_owned();
    let unit = &fixture.units[0];
    let path = fixture.unit_path(unit);
    let text = "Խորհուրդը պետք է հրապարակի արձանագրությունները։";
    let body = json!({"text": text, "base_version": 1}).to_string();
    let (head_part, tail_part) = body.split_at(body.len() / 2);

    // `Expect: 100-continue` makes the server say when the handler starts reading the body:
    // from then on the request is in flight, with no guessing about timing.
    let mut stream = tokio::net::TcpStream::connect(&addr)
        .await
        .expect("connect");
    let head = format!(
        "PUT {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nExpect: 100-continue\r\n\r\n",
        fixture.translators[unit.lang],
        body.len()
    );
    stream.write_all(head.as_bytes()).await.expect("send head");
    let interim = read_until(&mut stream, "100 Continue", has_head).await;
    assert!(interim.starts_with("HTTP/1.1 100"), "{interim}");
    stream
        .write_all(head_part.as_bytes())
        .await
        .expect("send half the body");

    server.terminate();
    // axum stops accepting and closes the listening socket once it has the signal: new
    // connections are refused while the old one is still being served.
    wait::until("new connections to be refused after SIGTERM", async || {
        match tokio::net::TcpStream::connect(&addr).await {
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => Ok(()),
            // A probe still queued when the listening socket closes is reset: keep asking.
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => Err(e.to_string()),
            Err(e) => panic!("unexpected connect error after SIGTERM: {e}"),
            Ok(_probe) => Err("still accepting".to_owned()),
        }
    })
    .await;
    assert!(
        server.wait(Duration::ZERO).await.is_none(),
        "the server exited with a request in flight"
    );

    stream
        .write_all(tail_part.as_bytes())
        .await
        .expect("send the rest of the body");
    let response = read_until(&mut stream, "the response", has_response).await;
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    let (_, json_body) = response.split_once("\r\n\r\n").expect("a body");
    let saved: Value = serde_json::from_str(json_body).expect("unit JSON");
    assert_eq!(
        (saved["text"].as_str(), saved["version"].as_i64()),
        (Some(text), Some(2))
    );
    drop(stream);

    let status = server.wait(Duration::from_secs(20)).await;
    assert!(
        status.is_some_and(|s| s.success()),
        "exit after SIGTERM: {status:?}\n{}",
        server.stderr()
    );

    // The save is in the database for the next start.
    let again = Server::start(&url, &[]).await;
    let reader = server::bearer_client(&fixture.editor, REQUEST_TIMEOUT);
    let unit_now: Value = reader
        .get(again.url(&path))
        .send()
        .await
        .expect("get unit")
        .json()
        .await
        .expect("unit JSON");
    assert_eq!(unit_now["text"], text);
    assert_eq!(unit_now["version"], 2);
}

/// An open event stream (every browser showing a statement has one) is endless: SIGTERM must
/// end it rather than wait for it, or every stop would hang until the supervisor's SIGKILL.
async fn sigterm_ends_open_event_streams() {
    let (url, _dir) = common::fresh_database(Db::Sqlite).await;
    let (mut server, fixture) = prepare(&url).await;
    let reader = server::bearer_client(&fixture.editor, REQUEST_TIMEOUT);
    let mut events = reqwest::Client::builder()
        .default_headers(
            [(
                reqwest::header::AUTHORIZATION,
                format!("Bearer {}", fixture.editor)
                    .parse()
                    .expect("header value"),
            )]
            .into_iter()
            .collect(),
        )
        .build()
        .expect("client")
        .get(server.url(&format!("/api/v1/statements/{}/events", fixture.statement)))
        .send()
        .await
        .expect("open the event stream");
    assert_eq!(events.status(), StatusCode::OK);
    // The stream is live: a save shows up on it.
    let unit = &fixture.units[0];
    let writer = server::bearer_client(&fixture.translators[unit.lang], REQUEST_TIMEOUT);
    let resp = writer
        .put(server.url(&fixture.unit_path(unit)))
        .json(&json!({"text": "Խորհուրդը լռում է։", "base_version": 1}))
        .send()
        .await
        .expect("save");
    assert_eq!(resp.status(), StatusCode::OK);
    let chunk = tokio::time::timeout(REQUEST_TIMEOUT, events.chunk())
        .await
        .expect("an event within the bound")
        .expect("read the stream");
    assert!(chunk.is_some_and(|c| String::from_utf8_lossy(&c).contains("event: unit")));
    drop(reader);

    server.terminate();
    let status = server.wait(Duration::from_secs(10)).await;
    assert!(
        status.is_some_and(|s| s.success()),
        "exit after SIGTERM with an event stream open: {status:?}"
    );
    // The stream ended; the browser's EventSource reconnects to the next instance.
    let rest = tokio::time::timeout(Duration::from_secs(5), async {
        while let Ok(Some(_)) = events.chunk().await {}
    })
    .await;
    assert!(rest.is_ok(), "the event stream is still open");
}

pub fn tests() -> Tests {
    Tests::new()
        .threaded(
            "sigkill_under_load_loses_no_acknowledged_save_sqlite",
            sigkill_under_load_loses_no_acknowledged_save_sqlite,
        )
        .threaded(
            "sigkill_under_load_loses_no_acknowledged_save_postgres",
            sigkill_under_load_loses_no_acknowledged_save_postgres,
        )
        .run(
            "kills_during_the_first_migration_leave_a_usable_database_sqlite",
            kills_during_the_first_migration_leave_a_usable_database_sqlite,
        )
        .run(
            "kills_during_the_first_migration_leave_a_usable_database_postgres",
            kills_during_the_first_migration_leave_a_usable_database_postgres,
        )
        .threaded(
            "sigterm_lets_the_request_in_flight_finish",
            sigterm_lets_the_request_in_flight_finish,
        )
        .threaded(
            "sigterm_ends_open_event_streams",
            sigterm_ends_open_event_streams,
        )
}
