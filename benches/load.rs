//! Load benchmark: the editor's request mix over 32 keep-alive connections against Tandem on SQLite (and PostgreSQL), with raw-SQLite and bare-axum baselines from the same run.
//!
//! Run: `cargo bench --bench load` (release). Environment:
//! - `LOAD_SECONDS` (default 20): measured seconds per scenario, after `LOAD_WARMUP` (default 2);
//! - `LOAD_CONNECTIONS` (default 32), `LOAD_STATEMENTS` (8), `LOAD_PARAGRAPHS` (40);
//! - `LOAD_ONLY`: `units`, `unit` or `suggestions` to make every read of that kind;
//! - `LOAD_SCENARIOS`: a comma list out of `raw,axum,sqlite-mixed,sqlite-saves,pg-mixed,pg-saves`
//!   (default: all);
//! - `TANDEM_BENCH_POSTGRES_URL`: a PostgreSQL database the bench may create a schema in; without it
//!   the PostgreSQL scenarios are skipped.
//!
//! The mix is closed-loop: each connection sends its next request when the last one has been
//! answered. 90% are reads (a statement's units in one language, one unit with its discussion,
//! memory suggestions for one unit, a third each) and 10% saves of a draft with its base version.
//! Every connection saves only units of its own, so no two writers race for a unit and a 409 would
//! point at a bug; any that happen are still counted apart from errors.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::routing::get;
use axum::{Json, Router};
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::client::conn::http1;
use hyper::header::{self, HeaderValue};
use hyper::{Method, Request, StatusCode};
use hyper_util::rt::TokioIo;
use serde_json::{json, Value};
use tandem::app::App;
use tandem::config::Config;
use tandem::domain::language::LanguageTag;
use tandem::domain::role::{LanguageRole, Roles};
use tandem::domain::user::User;
use tandem::http::AppState;
use tandem::store::memory::NewMemoryEntry;
use tandem::workflow::assign::{assign, AssignRequest, Scope};
use tandem::workflow::sessions::create_token;
use tandem::workflow::statements::{create_statement, NewStatementRequest};
use tandem::workflow::users::{create_user, UserInput};

/// The allocator of the `tandem` binary, so the service is measured as it runs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Small deterministic generator (xorshift), so every run seeds the same texts and picks the
/// same sequence of requests per connection.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "the",
    "council",
    "budget",
    "access",
    "information",
    "public",
    "law",
    "members",
    "request",
    "deadline",
    "report",
    "civil",
    "society",
    "organisations",
    "hearing",
    "draft",
    "amendment",
    "assembly",
    "national",
    "health",
    "procurement",
    "journalists",
    "local",
    "newspaper",
    "fees",
    "copies",
    "working",
    "days",
    "answer",
    "bodies",
    "coalition",
    "secretariat",
    "reading",
    "second",
    "open",
    "letter",
    "data",
    "share",
    "timely",
    "impossible",
    "barrier",
    "cost",
    "pensioner",
    "benefits",
    "within",
    "current",
    "published",
    "comment",
    "November",
    "December",
];

fn sentence(rng: &mut Rng) -> String {
    let n = 8 + rng.below(16);
    let mut words: Vec<&str> = (0..n).map(|_| WORDS[rng.below(WORDS.len())]).collect();
    if rng.below(3) == 0 {
        words.push("2026");
    }
    let mut s = words.join(" ");
    if let Some(first) = s.get(..1) {
        s = first.to_uppercase() + &s[1..];
    }
    s.push('.');
    s
}

fn paragraph(rng: &mut Rng) -> String {
    let n = 2 + rng.below(3);
    (0..n).map(|_| sentence(rng)).collect::<Vec<_>>().join(" ")
}

/// One unit a connection may touch.
#[derive(Clone)]
struct UnitKey {
    statement: i64,
    segment: i64,
    lang: &'static str,
}

/// What the load generator needs to know about the seeded data.
struct Seeded {
    /// Per connection: its bearer token and the units only it saves, with their versions.
    connections: Vec<(String, Vec<(UnitKey, i64)>)>,
    /// Every unit, for reads.
    all_units: Vec<UnitKey>,
    /// A unit whose source the memory holds exactly, to check that suggestions are loaded.
    remembered: UnitKey,
}

async fn seed(state: &AppState, conns: usize, statements: usize, paragraphs: usize) -> Seeded {
    let store = state.store.as_ref();
    let limits = &state.config.limits;
    let password = "load benchmark password";
    let user = |name: &str, roles: Roles| UserInput {
        username: name.to_owned(),
        password: password.to_owned(),
        display_name: None,
        roles,
    };
    let editor = create_user(
        store,
        user(
            "editor",
            Roles {
                admin: true,
                editor: true,
                languages: vec![],
            },
        ),
        None,
    )
    .await
    .expect("editor created");
    let mut translators: HashMap<&'static str, User> = HashMap::new();
    for lang in ["hy", "ru"] {
        let mut roles = Roles::default();
        roles.grant(
            LanguageRole::Translator,
            LanguageTag::parse(lang).expect("tag"),
        );
        let t = create_user(store, user(&format!("translator_{lang}"), roles), None)
            .await
            .expect("translator created");
        translators.insert(lang, t);
    }

    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let mut all_units = Vec::new();
    let mut memory = Vec::new();
    let now = chrono::Utc::now();
    for s in 0..statements {
        let texts: Vec<String> = (0..paragraphs).map(|_| paragraph(&mut rng)).collect();
        let detail = create_statement(
            store,
            limits,
            &editor,
            NewStatementRequest {
                title: format!("Load statement {s}"),
                source_lang: "en".to_owned(),
                target_langs: vec!["hy".to_owned(), "ru".to_owned()],
                text: texts.join("\n\n"),
                format: Some("text".to_owned()),
                open_to_translators: false,
            },
            None,
        )
        .await
        .expect("statement created");
        let id = detail.summary.id;
        for lang in ["hy", "ru"] {
            assign(
                store,
                &editor,
                id,
                AssignRequest {
                    lang: lang.to_owned(),
                    role: LanguageRole::Translator,
                    username: Some(format!("translator_{lang}")),
                    scope: Scope::All,
                    due_at: None,
                },
            )
            .await
            .expect("assigned");
        }
        for (i, seg) in detail.segments.iter().enumerate() {
            for lang in ["hy", "ru"] {
                all_units.push(UnitKey {
                    statement: id,
                    segment: seg.id,
                    lang,
                });
            }
            // A third of the paragraphs were approved before (word for word or with a word
            // changed), as in an organisation that reuses its earlier letters.
            if i % 3 == 0 {
                let mut source = seg.source.clone();
                if i % 2 == 0 {
                    source = source.replacen("the", "a", 1);
                }
                for lang in ["hy", "ru"] {
                    memory.push(NewMemoryEntry {
                        src_lang: "en".into(),
                        tgt_lang: lang.into(),
                        granularity: "paragraph",
                        source: source.clone(),
                        target: format!("[{lang}] {source}"),
                        prev_source: None,
                        next_source: None,
                        origin: "approved",
                        statement_id: None,
                        statement_title: Some("An earlier letter".into()),
                        approved_by: Some("Reviewer".into()),
                        created_at: now,
                    });
                }
            }
        }
    }
    // Background noise in the memory: other earlier work that matches nothing here exactly.
    for _ in 0..2_000 {
        let source = paragraph(&mut rng);
        for lang in ["hy", "ru"] {
            memory.push(NewMemoryEntry {
                src_lang: "en".into(),
                tgt_lang: lang.into(),
                granularity: "paragraph",
                source: source.clone(),
                target: format!("[{lang}] {source}"),
                prev_source: None,
                next_source: None,
                origin: "approved",
                statement_id: None,
                statement_title: None,
                approved_by: None,
                created_at: now,
            });
        }
    }
    for chunk in memory.chunks(500) {
        store.add_memory(chunk).await.expect("memory added");
    }

    // Current versions, read once from the store.
    let mut versions = HashMap::new();
    for s in 0..statements {
        let id = all_units[s * paragraphs * 2].statement;
        for lang in ["hy", "ru"] {
            let tag = LanguageTag::parse(lang).expect("tag");
            for unit in store.list_units(id, &tag).await.expect("units") {
                versions.insert((id, unit.segment_id, lang), unit.version);
            }
        }
    }

    // Connection k saves as the translator of hy (k even) or ru (k odd), and only the units of
    // that language whose index falls to it.
    let per_lang = conns.div_ceil(2).max(1);
    let mut connections = Vec::with_capacity(conns);
    for k in 0..conns {
        let lang = if k % 2 == 0 { "hy" } else { "ru" };
        let (_, secret) = create_token(store, &translators[lang], &format!("load {k}"), None)
            .await
            .expect("token created");
        let own: Vec<(UnitKey, i64)> = all_units
            .iter()
            .filter(|u| u.lang == lang)
            .enumerate()
            .filter(|(i, _)| i % per_lang == k / 2)
            .map(|(_, u)| {
                let v = versions[&(u.statement, u.segment, u.lang)];
                (u.clone(), v)
            })
            .collect();
        assert!(!own.is_empty(), "connection {k} has no units to save");
        connections.push((secret, own));
    }
    Seeded {
        connections,
        remembered: all_units[0].clone(),
        all_units,
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Mix {
    /// 90% reads, 10% saves.
    Editor,
    /// Saves only, to compare with raw commits.
    Saves,
    /// GET of the bare handler.
    Bare,
}

#[derive(Default)]
struct Tally {
    reads: Vec<Duration>,
    /// The reads again, by kind: units of a language, one unit, suggestions.
    by_kind: [Vec<Duration>; 3],
    saves: Vec<Duration>,
    errors: u64,
    conflicts: u64,
    first_error: Option<String>,
}

impl Tally {
    fn merge(&mut self, other: Tally) {
        self.reads.extend(other.reads);
        for (mine, theirs) in self.by_kind.iter_mut().zip(other.by_kind) {
            mine.extend(theirs);
        }
        self.saves.extend(other.saves);
        self.errors += other.errors;
        self.conflicts += other.conflicts;
        if self.first_error.is_none() {
            self.first_error = other.first_error;
        }
    }
}

/// The version a 409's details name as current, wherever the error body puts it.
fn current_version(body: &Value) -> Option<i64> {
    match body {
        Value::Object(map) => map
            .get("current")
            .and_then(|c| c.get("version"))
            .and_then(Value::as_i64)
            .or_else(|| map.values().find_map(current_version)),
        _ => None,
    }
}

/// `LOAD_ONLY=units|unit|suggestions` makes every read of that one kind, to see what each costs.
fn only_kind() -> Option<usize> {
    static ONLY: std::sync::OnceLock<Option<usize>> = std::sync::OnceLock::new();
    *ONLY.get_or_init(|| {
        let kind = std::env::var("LOAD_ONLY").ok()?;
        ["units", "unit", "suggestions"]
            .iter()
            .position(|k| *k == kind.trim())
    })
}

/// One HTTP/1.1 keep-alive connection driven by hyper's own client, in the task that sends on it:
/// no pool, no URL parsing and no hand-over to a second task per request, so that the generator
/// takes as little as it can of the processor it shares with the service.
struct Wire {
    addr: std::net::SocketAddr,
    host: HeaderValue,
    open: Option<(http1::SendRequest<Full<Bytes>>, Connection)>,
}

type Connection = http1::Connection<TokioIo<tokio::net::TcpStream>, Full<Bytes>>;

impl Wire {
    fn new(base: &str) -> Self {
        let authority = base.trim_start_matches("http://");
        Wire {
            addr: authority.parse().expect("base is http://ip:port"),
            host: HeaderValue::from_str(authority).expect("host header"),
            open: None,
        }
    }

    /// Sends `request` and reads the whole answer, on a new connection when the last request
    /// failed (the failed connection is dropped).
    async fn send(&mut self, request: Request<Full<Bytes>>) -> Result<(StatusCode, Bytes), String> {
        let (mut sender, mut connection) = match self.open.take() {
            Some(open) => open,
            None => {
                let stream = tokio::net::TcpStream::connect(self.addr)
                    .await
                    .map_err(|e| e.to_string())?;
                stream.set_nodelay(true).map_err(|e| e.to_string())?;
                http1::handshake(TokioIo::new(stream))
                    .await
                    .map_err(|e| e.to_string())?
            }
        };
        let exchange = async {
            let response = sender.send_request(request).await?;
            let status = response.status();
            let body = response.into_body().collect().await?.to_bytes();
            Ok::<_, hyper::Error>((status, body))
        };
        // The connection is polled beside the exchange: it moves the bytes both ways.
        let outcome = tokio::select! {
            biased;
            done = exchange => done.map_err(|e| e.to_string()),
            closed = &mut connection => Err(match closed {
                Ok(()) => "the server closed the connection".to_owned(),
                Err(e) => e.to_string(),
            }),
        };
        if outcome.is_ok() {
            self.open = Some((sender, connection));
        }
        outcome
    }
}

fn request(
    method: Method,
    path: &str,
    host: &HeaderValue,
    auth: &HeaderValue,
    body: Option<Vec<u8>>,
) -> Request<Full<Bytes>> {
    let mut builder = Request::builder()
        .method(method)
        .uri(path)
        .header(header::HOST, host.clone())
        .header(header::AUTHORIZATION, auth.clone());
    if body.is_some() {
        builder = builder.header(header::CONTENT_TYPE, "application/json");
    }
    builder
        .body(Full::new(Bytes::from(body.unwrap_or_default())))
        .expect("request")
}

/// One closed-loop connection: sends requests until `end`, timing those begun after
/// `measure_from` and answered before `end`.
async fn connection(
    base: String,
    token: String,
    mut own: Vec<(UnitKey, i64)>,
    reads: Arc<Vec<UnitKey>>,
    mix: Mix,
    seed: u64,
    (measure_from, end): (Instant, Instant),
) -> (Tally, Vec<(UnitKey, i64)>) {
    // Exactly one HTTP/1.1 keep-alive connection per task, as a browser tab of the editor holds.
    let mut wire = Wire::new(&base);
    let host = wire.host.clone();
    let auth = HeaderValue::from_str(&format!("Bearer {token}")).expect("auth header");
    let mut rng = Rng(seed | 1);
    let mut tally = Tally::default();
    let mut next_own = 0;
    let mut n: u64 = 0;
    while Instant::now() < end {
        n += 1;
        let roll = rng.below(100);
        let save = match mix {
            Mix::Saves => true,
            Mix::Editor => roll < 10,
            Mix::Bare => false,
        };
        let started = Instant::now();
        let req = if mix == Mix::Bare {
            request(Method::GET, "/hello", &host, &auth, None)
        } else if save {
            let (u, version) = &own[next_own];
            let body = json!({
                "text": format!("Թարգմանություն {n}: draft text of the paragraph, saved again"),
                "base_version": version,
            });
            request(
                Method::PUT,
                &format!(
                    "/api/v1/statements/{}/segments/{}/translations/{}",
                    u.statement, u.segment, u.lang
                ),
                &host,
                &auth,
                Some(serde_json::to_vec(&body).expect("json")),
            )
        } else {
            let u = &reads[rng.below(reads.len())];
            let path = match only_kind().unwrap_or(roll % 3) {
                0 => format!("/api/v1/statements/{}/translations/{}", u.statement, u.lang),
                1 => format!(
                    "/api/v1/statements/{}/segments/{}/translations/{}",
                    u.statement, u.segment, u.lang
                ),
                _ => format!(
                    "/api/v1/statements/{}/segments/{}/translations/{}/suggestions",
                    u.statement, u.segment, u.lang
                ),
            };
            request(Method::GET, &path, &host, &auth, None)
        };
        let outcome = wire.send(req).await;
        let elapsed = started.elapsed();
        let counted = started >= measure_from && Instant::now() <= end;
        match outcome {
            Ok((status, body)) if status.is_success() => {
                if save {
                    let v: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
                    match v.get("version").and_then(Value::as_i64) {
                        Some(version) => own[next_own].1 = version,
                        None => {
                            tally.errors += 1;
                            tally
                                .first_error
                                .get_or_insert_with(|| "a save answered without a version".into());
                        }
                    }
                    next_own = (next_own + 1) % own.len();
                }
                if counted {
                    if save {
                        tally.saves.push(elapsed);
                    } else {
                        tally.reads.push(elapsed);
                        if mix != Mix::Bare {
                            tally.by_kind[roll % 3].push(elapsed);
                        }
                    }
                }
            }
            Ok((status, body)) if save && status.as_u16() == 409 => {
                // Someone else moved the unit: take the version the 409 names and go on.
                let v: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
                if let Some(version) = current_version(&v) {
                    own[next_own].1 = version;
                }
                if counted {
                    tally.conflicts += 1;
                }
            }
            Ok((status, body)) => {
                tally.errors += 1;
                tally.first_error.get_or_insert_with(|| {
                    format!(
                        "{status}: {}",
                        String::from_utf8_lossy(&body[..body.len().min(300)])
                    )
                });
            }
            Err(e) => {
                tally.errors += 1;
                tally.first_error.get_or_insert(e);
            }
        }
    }
    (tally, own)
}

struct Figures {
    label: String,
    seconds: f64,
    total: usize,
    reads: Vec<Duration>,
    saves: Vec<Duration>,
    errors: u64,
    conflicts: u64,
}

impl Figures {
    fn rps(&self) -> f64 {
        self.total as f64 / self.seconds
    }

    fn saves_per_s(&self) -> f64 {
        self.saves.len() as f64 / self.seconds
    }
}

fn pct(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i].as_secs_f64() * 1e3
}

fn print_figures(f: &Figures) {
    println!(
        "{:<22} {:>9.0} req/s  reads {:>7} p50 {:>6.2} ms p99 {:>6.2} ms  saves {:>6} ({:>6.0}/s) p50 {:>6.2} ms p99 {:>6.2} ms  errors {}  conflicts {}",
        f.label,
        f.rps(),
        f.reads.len(),
        pct(&f.reads, 0.5),
        pct(&f.reads, 0.99),
        f.saves.len(),
        f.saves_per_s(),
        pct(&f.saves, 0.5),
        pct(&f.saves, 0.99),
        f.errors,
        f.conflicts
    );
}

struct LoadSettings {
    conns: usize,
    warmup: Duration,
    measure: Duration,
}

/// Drives `mix` against `base` with one task per connection on the client runtime.
fn drive(
    client_rt: &tokio::runtime::Runtime,
    label: &str,
    base: &str,
    connections: &mut [(String, Vec<(UnitKey, i64)>)],
    reads: Arc<Vec<UnitKey>>,
    mix: Mix,
    settings: &LoadSettings,
) -> Figures {
    let measure_from = Instant::now() + settings.warmup;
    let end = measure_from + settings.measure;
    let tally = client_rt.block_on(async {
        let tasks: Vec<_> = (0..settings.conns)
            .map(|k| {
                let (token, own) = connections
                    .get(k % connections.len().max(1))
                    .cloned()
                    .unwrap_or_default();
                tokio::spawn(connection(
                    base.to_owned(),
                    token,
                    own,
                    reads.clone(),
                    mix,
                    0x9e37_79b9_7f4a_7c15 ^ (k as u64 + 1).wrapping_mul(0x1000_0001),
                    (measure_from, end),
                ))
            })
            .collect();
        let mut all = Tally::default();
        for (k, t) in tasks.into_iter().enumerate() {
            let (tally, own) = t.await.expect("connection task");
            all.merge(tally);
            // The versions this connection left its units at, for the next scenario.
            if let Some(slot) = connections.get_mut(k) {
                slot.1 = own;
            }
        }
        all
    });
    for (name, mut times) in ["units of a language", "one unit", "suggestions"]
        .into_iter()
        .zip(tally.by_kind)
    {
        if !times.is_empty() {
            times.sort();
            println!(
                "  reads: {name:<20} {:>7}  p50 {:>6.2} ms  p99 {:>6.2} ms",
                times.len(),
                pct(&times, 0.5),
                pct(&times, 0.99)
            );
        }
    }
    let mut reads = tally.reads;
    let mut saves = tally.saves;
    reads.sort();
    saves.sort();
    let f = Figures {
        label: label.to_owned(),
        seconds: settings.measure.as_secs_f64(),
        total: reads.len() + saves.len(),
        reads,
        saves,
        errors: tally.errors,
        conflicts: tally.conflicts,
    };
    print_figures(&f);
    if let Some(e) = &tally.first_error {
        println!("  first error: {e}");
    }
    f
}

/// Starts Tandem on `database_url`, seeds it and waits until suggestions come from the memory.
fn start_tandem(
    server_rt: &tokio::runtime::Runtime,
    client_rt: &tokio::runtime::Runtime,
    database_url: String,
    statements: usize,
    paragraphs: usize,
    conns: usize,
) -> (String, Seeded) {
    let (base, seeded) = server_rt.block_on(async {
        let config = Config::new(
            "127.0.0.1:0".parse().expect("address"),
            database_url.clone(),
        );
        let state = App::open(config).await.expect("Tandem opens its database");
        let t = Instant::now();
        let seeded = seed(&state, conns, statements, paragraphs).await;
        println!(
            "  seeded {} statements x {} paragraphs (hy, ru) and {} tokens in {:.1} s",
            statements,
            paragraphs,
            seeded.connections.len(),
            t.elapsed().as_secs_f64()
        );
        let (listener, router) = App::bind(state).await.expect("Tandem binds");
        let addr = listener.local_addr().expect("address");
        tokio::spawn(App::serve(listener, router));
        (format!("http://{addr}"), seeded)
    });
    let u = &seeded.remembered;
    let url = format!(
        "{base}/api/v1/statements/{}/segments/{}/translations/{}/suggestions",
        u.statement, u.segment, u.lang
    );
    let token = seeded.connections[0].0.clone();
    client_rt.block_on(async {
        let client = reqwest::Client::new();
        for _ in 0..200 {
            let found: Value = client
                .get(&url)
                .bearer_auth(&token)
                .send()
                .await
                .expect("suggestions request")
                .json()
                .await
                .expect("suggestions json");
            if found.as_array().is_some_and(|a| !a.is_empty()) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the memory never returned suggestions for a remembered paragraph");
    });
    (base, seeded)
}

/// Raw SQLite in WAL mode with synchronous=FULL through the same driver Tandem uses: single-row
/// INSERT transactions by one task, then by `tasks` tasks sharing the one connection.
fn raw_sqlite(
    rt: &tokio::runtime::Runtime,
    dir: &std::path::Path,
    tasks: usize,
    seconds: Duration,
) -> (f64, f64) {
    use sqlx::sqlite::{
        SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous,
    };
    rt.block_on(async {
        let options = SqliteConnectOptions::new()
            .filename(dir.join("raw.db"))
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full);
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options)
            .await
            .expect("raw SQLite opens");
        sqlx::query("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, body TEXT NOT NULL, at TEXT NOT NULL)")
            .execute(&pool)
            .await
            .expect("raw table");
        let body = "a translated paragraph of about a hundred bytes, saved as one row in one transaction";
        let run = |parallel: usize| {
            let pool = pool.clone();
            async move {
                let end = Instant::now() + seconds;
                let started = Instant::now();
                let handles: Vec<_> = (0..parallel)
                    .map(|_| {
                        let pool = pool.clone();
                        tokio::spawn(async move {
                            let mut n = 0u64;
                            while Instant::now() < end {
                                let mut tx = pool.begin_with("BEGIN IMMEDIATE").await.expect("begin");
                                sqlx::query("INSERT INTO t (body, at) VALUES (?, ?)")
                                    .bind(body)
                                    .bind(chrono::Utc::now())
                                    .execute(&mut *tx)
                                    .await
                                    .expect("insert");
                                tx.commit().await.expect("commit");
                                n += 1;
                            }
                            n
                        })
                    })
                    .collect();
                let mut total = 0;
                for h in handles {
                    total += h.await.expect("raw task");
                }
                total as f64 / started.elapsed().as_secs_f64()
            }
        };
        let one = run(1).await;
        let many = run(tasks).await;
        pool.close().await;
        (one, many)
    })
}

/// A fresh schema in the PostgreSQL database the bench was given, reached through `search_path`.
fn postgres_url(rt: &tokio::runtime::Runtime, base: &str) -> (String, String) {
    use sqlx::Connection;
    let schema = format!("load_{}", std::process::id());
    rt.block_on(async {
        let mut conn = sqlx::PgConnection::connect(base)
            .await
            .expect("connect to TANDEM_BENCH_POSTGRES_URL");
        sqlx::query(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"))
            .execute(&mut conn)
            .await
            .expect("drop schema");
        sqlx::query(&format!("CREATE SCHEMA {schema}"))
            .execute(&mut conn)
            .await
            .expect("create schema");
    });
    let sep = if base.contains('?') { '&' } else { '?' };
    (format!("{base}{sep}options[search_path]={schema}"), schema)
}

fn drop_schema(rt: &tokio::runtime::Runtime, base: &str, schema: &str) {
    use sqlx::Connection;
    rt.block_on(async {
        if let Ok(mut conn) = sqlx::PgConnection::connect(base).await {
            let _ = sqlx::query(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"))
                .execute(&mut conn)
                .await;
        }
    });
}

fn main() {
    let settings = LoadSettings {
        conns: env("LOAD_CONNECTIONS", 32) as usize,
        warmup: Duration::from_secs(env("LOAD_WARMUP", 2)),
        measure: Duration::from_secs(env("LOAD_SECONDS", 20)),
    };
    let statements = env("LOAD_STATEMENTS", 8) as usize;
    let paragraphs = env("LOAD_PARAGRAPHS", 40) as usize;
    let scenarios = std::env::var("LOAD_SCENARIOS")
        .unwrap_or_else(|_| "raw,axum,sqlite-mixed,sqlite-saves,pg-mixed,pg-saves".into());
    let wanted = |s: &str| scenarios.split(',').any(|x| x.trim() == s);
    let pg = std::env::var("TANDEM_BENCH_POSTGRES_URL").ok();

    // The service and the load generator each get their own runtime, as two processes would;
    // on this 2-core machine they still share the cores, and so does every baseline.
    let server_rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("server")
        .build()
        .expect("server runtime");
    let client_rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("client")
        .build()
        .expect("client runtime");
    let dir = tempfile::tempdir().expect("temp dir");
    println!(
        "load: {} connections, {} s measured after {} s warm-up per scenario; data in {}",
        settings.conns,
        settings.measure.as_secs(),
        settings.warmup.as_secs(),
        dir.path().display()
    );

    let mut raw = None;
    if wanted("raw") {
        let (one, many) = raw_sqlite(&server_rt, dir.path(), settings.conns, settings.measure);
        println!("raw SQLite (WAL, synchronous=FULL) 1 task  {one:>9.0} commits/s");
        println!(
            "raw SQLite (WAL, synchronous=FULL) {} tasks {many:>9.0} commits/s (one connection)",
            settings.conns
        );
        raw = Some((one, many));
    }

    let mut bare = None;
    if wanted("axum") {
        let base = server_rt.block_on(async {
            let router = Router::new().route(
                "/hello",
                get(|| async { Json(json!({"ok": true, "service": "bare"})) }),
            );
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("bind");
            let addr = listener.local_addr().expect("address");
            tokio::spawn(async move { axum::serve(listener, router).await });
            format!("http://{addr}")
        });
        let mut none = vec![(String::new(), vec![])];
        bare = Some(drive(
            &client_rt,
            "bare axum",
            &base,
            &mut none,
            Arc::new(vec![]),
            Mix::Bare,
            &settings,
        ));
    }

    let mut results: Vec<(&str, Option<Figures>, Option<Figures>)> = Vec::new();
    let mut backends: Vec<(&str, String, Option<String>)> = Vec::new();
    if wanted("sqlite-mixed") || wanted("sqlite-saves") {
        let url = format!("sqlite://{}", dir.path().join("tandem.db").display());
        backends.push(("sqlite", url, None));
    }
    if wanted("pg-mixed") || wanted("pg-saves") {
        match &pg {
            Some(base) => {
                let (url, schema) = postgres_url(&client_rt, base);
                backends.push(("pg", url, Some(schema)));
            }
            None => println!("TANDEM_BENCH_POSTGRES_URL is not set: no PostgreSQL scenarios"),
        }
    }
    for (name, url, _) in &backends {
        println!("Tandem on {name}:");
        let (base, mut seeded) = start_tandem(
            &server_rt,
            &client_rt,
            url.clone(),
            statements,
            paragraphs,
            settings.conns,
        );
        let reads = Arc::new(seeded.all_units.clone());
        let mixed = wanted(&format!("{name}-mixed")).then(|| {
            drive(
                &client_rt,
                &format!("{name} mixed 90/10"),
                &base,
                &mut seeded.connections,
                reads.clone(),
                Mix::Editor,
                &settings,
            )
        });
        let saves = wanted(&format!("{name}-saves")).then(|| {
            drive(
                &client_rt,
                &format!("{name} saves only"),
                &base,
                &mut seeded.connections,
                reads.clone(),
                Mix::Saves,
                &settings,
            )
        });
        results.push((name, mixed, saves));
    }

    println!();
    println!(
        "summary ({} connections, {} s each):",
        settings.conns,
        settings.measure.as_secs()
    );
    if let Some((one, many)) = raw {
        println!(
            "  raw SQLite commits/s: {one:.0} (1 task), {many:.0} ({} tasks)",
            settings.conns
        );
    }
    if let Some(b) = &bare {
        println!(
            "  bare axum: {:.0} req/s, p99 {:.2} ms",
            b.rps(),
            pct(&b.reads, 0.99)
        );
    }
    for (name, mixed, saves) in &results {
        if let Some(m) = mixed {
            println!(
                "  {name} mixed: {:.0} req/s, read p50/p99 {:.2}/{:.2} ms, save p50/p99 {:.2}/{:.2} ms, errors {}, conflicts {}",
                m.rps(), pct(&m.reads, 0.5), pct(&m.reads, 0.99), pct(&m.saves, 0.5), pct(&m.saves, 0.99), m.errors, m.conflicts
            );
            if let Some(b) = &bare {
                println!(
                    "    ratio {name} mixed req/s / bare axum req/s = {:.3}",
                    m.rps() / b.rps()
                );
            }
        }
        if let Some(s) = saves {
            println!(
                "  {name} saves only: {:.0} saves/s, p50/p99 {:.2}/{:.2} ms, errors {}, conflicts {}",
                s.saves_per_s(), pct(&s.saves, 0.5), pct(&s.saves, 0.99), s.errors, s.conflicts
            );
            if let Some((one, many)) = raw {
                println!(
                    "    ratio {name} saves/s / raw SQLite commits/s = {:.3} (1 task), {:.3} ({} tasks)",
                    s.saves_per_s() / one,
                    s.saves_per_s() / many,
                    settings.conns
                );
            }
        }
    }
    if let Some(base) = &pg {
        for (_, _, schema) in &backends {
            if let Some(schema) = schema {
                drop_schema(&client_rt, base, schema);
            }
        }
    }
    // The server's tasks never end on their own; dropping the runtimes without waiting for them.
    server_rt.shutdown_background();
    client_rt.shutdown_background();
}
