//! Translation-memory benchmark: a seeded synthetic memory of 1,000,000 units and 1,000 queries;
//! Tandem's lookup latency (1 and 4 concurrent clients) and recall@1 against a brute-force scan
//! with the same score; import of the whole memory to searchable through the real store; and the
//! peer, PostgreSQL pg_trgm with a GIN index, on the same data, when
//! `TANDEM_BENCH_POSTGRES_URL` names a database it may create a schema in.
//!
//! Run: `cargo bench --bench memory` (UNITS=… for a smaller memory, BRUTE=… queries checked
//! against brute force, PEER_QUERIES=… queries sent to pg_trgm, spread over the 1,000,
//! SKIP_IMPORT=1 to leave out the import through SQLite, ONLY_IMPORT=1 for nothing else).

#[path = "support/memory_corpus.rs"]
mod memory_corpus;

use std::sync::Arc;
use std::time::{Duration, Instant};

use memory_corpus::{queries, units, Query, QueryKind};
use tandem::domain::memory::{score, Match, MemoryIndex, Scratch};
use tandem::store::memory::NewMemoryEntry;
use tandem::workflow::memory::MemoryBook;

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn percentiles(mut times: Vec<Duration>) -> (f64, f64, f64) {
    times.sort();
    let at = |p: f64| {
        times
            .get(((times.len().max(1) - 1) as f64 * p).round() as usize)
            .map_or(0.0, |d| ms(*d))
    };
    (at(0.50), at(0.95), at(0.99))
}

fn report(label: &str, times: Vec<Duration>) {
    let n = times.len();
    let (p50, p95, p99) = percentiles(times);
    println!("{label:<34} n={n:<5} p50 {p50:.3} ms  p95 {p95:.3} ms  p99 {p99:.3} ms");
}

fn concurrent(index: &MemoryIndex, qs: &[Query], clients: usize) -> (Vec<Duration>, Duration) {
    let started = Instant::now();
    let times = std::thread::scope(|s| {
        let handles: Vec<_> = (0..clients)
            .map(|k| {
                s.spawn(move || {
                    let mut scratch = Scratch::new();
                    (0..qs.len())
                        .map(|i| {
                            let q = &qs[(i + k * qs.len() / clients) % qs.len()];
                            let t = Instant::now();
                            std::hint::black_box(index.lookup_in(&mut scratch, &q.text, 5, 50));
                            t.elapsed()
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    (times, started.elapsed())
}

/// The best score among `found`, by the shared score (0 when nothing was found).
fn best(found: &[u8]) -> u8 {
    found.iter().copied().max().unwrap_or(0)
}

fn main() {
    let n = env("UNITS", 1_000_000);
    let brute = env("BRUTE", 1_000);
    let started = Instant::now();
    let memory = units(n, 42);
    let qs = queries(&memory, 1_000, 7);
    println!(
        "generated {n} units and {} queries in {:.1} s",
        qs.len(),
        started.elapsed().as_secs_f64()
    );
    let text_bytes: usize = memory.iter().map(|(s, _)| s.len()).sum();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    if std::env::var("ONLY_IMPORT").is_ok() {
        runtime.block_on(import_to_searchable(&memory, &qs));
        return;
    }

    // The index alone.
    let t = Instant::now();
    let mut index = MemoryIndex::new();
    index.extend(
        memory
            .iter()
            .enumerate()
            .map(|(id, (source, _))| (id as u32, source)),
    );
    index.shrink_to_fit();
    println!(
        "index built in {:.1} s; index structures {:.0} MiB, source texts {:.0} MiB (ratio {:.2})",
        t.elapsed().as_secs_f64(),
        index.heap_bytes() as f64 / 1_048_576.0,
        text_bytes as f64 / 1_048_576.0,
        index.heap_bytes() as f64 / text_bytes as f64
    );

    let mut scratch = Scratch::new();
    let mut found: Vec<Vec<Match>> = Vec::new();
    let mut times = Vec::new();
    for q in &qs {
        let t = Instant::now();
        let result = index.lookup_in(&mut scratch, &q.text, 5, 50);
        times.push(t.elapsed());
        found.push(result);
    }
    report("Tandem, 1 client", times.clone());
    for kind in [QueryKind::Edited, QueryKind::Short, QueryKind::Unrelated] {
        let of_kind = qs
            .iter()
            .zip(&times)
            .filter(|(q, _)| q.kind == kind)
            .map(|(_, t)| *t)
            .collect();
        report(&format!("  {}", kind.as_str()), of_kind);
    }
    let (all, wall) = concurrent(&index, &qs, 4);
    let lookups = all.len();
    report("Tandem, 4 concurrent clients", all);
    println!(
        "  {lookups} lookups in {:.2} s: {:.0} lookups/s",
        wall.as_secs_f64(),
        lookups as f64 / wall.as_secs_f64()
    );

    // Exact matches: stored sources looked up must come back with 100.
    let step = (n / 1_000).max(1);
    let exact = (0..n)
        .step_by(step)
        .take(1_000)
        .filter(|&i| {
            index
                .lookup_in(&mut scratch, &memory[i].0, 1, 50)
                .first()
                .is_some_and(|m| m.score == 100 && index.get(m.id) == Some(memory[i].0.as_str()))
        })
        .count();
    println!("exact-match recall {exact}/1000");

    // Recall@1 against a scan of every stored text with the same score.
    let t = Instant::now();
    let picked: Vec<usize> = (0..qs.len())
        .filter(|i| (i * 7919) % qs.len() < brute)
        .collect();
    let truth: Vec<(usize, u8)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..2)
            .map(|k| {
                let (index, qs, found, picked) = (&index, &qs, &found, &picked);
                s.spawn(move || {
                    picked
                        .iter()
                        .skip(k)
                        .step_by(2)
                        .map(|&i| {
                            let first: Vec<u32> = found[i].iter().map(|m| m.id).collect();
                            let scanned = index.scan(&qs[i].text, 1, 50, &first);
                            (i, scanned.first().map_or(0, |m| m.score))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let agree = truth
        .iter()
        .filter(|(i, truth)| found[*i].first().map_or(0, |m| m.score) == *truth)
        .count();
    println!(
        "Tandem recall@1 {agree}/{} = {:.4} (brute force took {:.0} s)",
        truth.len(),
        agree as f64 / truth.len().max(1) as f64,
        t.elapsed().as_secs_f64()
    );

    // Import to searchable through the real store (SQLite) and the service's memory book.
    if std::env::var("SKIP_IMPORT").is_err() {
        runtime.block_on(import_to_searchable(&memory, &qs));
    }

    if let Ok(url) = std::env::var("TANDEM_BENCH_POSTGRES_URL") {
        // pg_trgm takes seconds per query at this size: a spread of the queries is sent.
        let limit = env("PEER_QUERIES", 100).clamp(1, qs.len());
        let spread: Vec<usize> = (0..limit).map(|k| k * qs.len() / limit).collect();
        runtime.block_on(peer(&url, &memory, &qs, &spread, &truth));
    } else {
        println!("pg_trgm: set TANDEM_BENCH_POSTGRES_URL to measure the peer");
    }
}

async fn import_to_searchable(memory: &[(String, String)], qs: &[Query]) {
    let dir = tempfile::tempdir().expect("dir");
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let store = tandem::store::open(&url).await.expect("store");
    store.migrate().await.expect("migrate");
    let now = chrono::Utc::now();
    let started = Instant::now();
    for chunk in memory.chunks(20_000) {
        let entries: Vec<NewMemoryEntry> = chunk
            .iter()
            .map(|(source, target)| NewMemoryEntry {
                src_lang: "hy".into(),
                tgt_lang: "en".into(),
                granularity: "sentence",
                source: source.clone(),
                target: target.clone(),
                prev_source: None,
                next_source: None,
                origin: "tmx",
                statement_id: None,
                statement_title: None,
                approved_by: None,
                created_at: now,
            })
            .collect();
        store.add_memory(&entries).await.expect("insert");
    }
    let stored = started.elapsed();
    let book = Arc::new(MemoryBook::default());
    book.refresh(store.as_ref()).await.expect("load");
    let loaded = started.elapsed() - stored;
    println!(
        "import of {} units to searchable: {:.1} s ({:.1} s into SQLite, {:.1} s loading the index)",
        memory.len(),
        started.elapsed().as_secs_f64(),
        stored.as_secs_f64(),
        loaded.as_secs_f64()
    );
    // End to end through the service's lookup (index and the rows from the database).
    let mut times = Vec::new();
    for q in qs.iter().take(300) {
        let t = Instant::now();
        std::hint::black_box(
            book.lookup(store.as_ref(), "hy", "en", &q.text, None, 5)
                .await
                .expect("lookup"),
        );
        times.push(t.elapsed());
    }
    report("Tandem service lookup (SQLite rows)", times);
}

async fn peer(
    url: &str,
    memory: &[(String, String)],
    qs: &[Query],
    spread: &[usize],
    truth: &[(usize, u8)],
) {
    use sqlx::Connection;
    let mut conn = sqlx::PgConnection::connect(url).await.expect("connect");
    let schema = "tandem_bench_trgm";
    for sql in [
        format!("DROP SCHEMA IF EXISTS {schema} CASCADE"),
        format!("CREATE SCHEMA {schema}"),
        "CREATE EXTENSION IF NOT EXISTS pg_trgm".to_owned(),
        format!("CREATE TABLE {schema}.tm (id INT PRIMARY KEY, source TEXT NOT NULL)"),
    ] {
        sqlx::query(&sql).execute(&mut conn).await.expect("setup");
    }
    let started = Instant::now();
    let mut copy = conn
        .copy_in_raw(&format!("COPY {schema}.tm (id, source) FROM STDIN"))
        .await
        .expect("copy");
    let mut buffer = String::new();
    for (id, (source, _)) in memory.iter().enumerate() {
        let escaped = source
            .replace('\\', "\\\\")
            .replace('\t', "\\t")
            .replace('\n', "\\n");
        buffer.push_str(&format!("{id}\t{escaped}\n"));
        if buffer.len() > 1 << 20 {
            copy.send(buffer.as_bytes()).await.expect("copy data");
            buffer.clear();
        }
    }
    copy.send(buffer.as_bytes()).await.expect("copy data");
    copy.finish().await.expect("copy done");
    let loaded = started.elapsed();
    sqlx::query(&format!(
        "CREATE INDEX tm_trgm ON {schema}.tm USING gin (source gin_trgm_ops)"
    ))
    .execute(&mut conn)
    .await
    .expect("gin index");
    sqlx::query(&format!("ANALYZE {schema}.tm"))
        .execute(&mut conn)
        .await
        .expect("analyze");
    let indexed = started.elapsed();
    let size: i64 = sqlx::query_scalar("SELECT pg_relation_size('tandem_bench_trgm.tm_trgm')")
        .fetch_one(&mut conn)
        .await
        .expect("size");
    println!(
        "pg_trgm: COPY {:.1} s, GIN index {:.1} s, index size {:.0} MiB",
        loaded.as_secs_f64(),
        (indexed - loaded).as_secs_f64(),
        size as f64 / 1_048_576.0
    );
    sqlx::query("SET pg_trgm.similarity_threshold = 0.5")
        .execute(&mut conn)
        .await
        .expect("threshold");
    let mut times = Vec::new();
    let mut agree = 0;
    let mut judged = 0;
    for &i in spread {
        let q = &qs[i];
        // The query as a literal, as the peers send it, so the planner sees the text.
        let literal = q.text.replace('\'', "''");
        let sql = format!(
            "SELECT source FROM {schema}.tm WHERE source % '{literal}' \
             ORDER BY similarity(source, '{literal}') DESC LIMIT 5"
        );
        let t = Instant::now();
        let rows: Vec<String> = sqlx::query_scalar(&sql)
            .fetch_all(&mut conn)
            .await
            .expect("query");
        times.push(t.elapsed());
        if let Some((_, truth)) = truth.iter().find(|(j, _)| *j == i) {
            judged += 1;
            let scores: Vec<u8> = rows
                .first()
                .map(|r| score(&q.text, r))
                .into_iter()
                .collect();
            if best(&scores) == *truth {
                agree += 1;
            }
        }
    }
    report("pg_trgm, 1 client", times.clone());
    for kind in [QueryKind::Edited, QueryKind::Short, QueryKind::Unrelated] {
        let of_kind = spread
            .iter()
            .zip(&times)
            .filter(|(i, _)| qs[**i].kind == kind)
            .map(|(_, t)| *t)
            .collect();
        report(&format!("  {}", kind.as_str()), of_kind);
    }
    println!(
        "pg_trgm recall@1 {agree}/{judged} = {:.4} (its first row scored by Tandem's score)",
        agree as f64 / judged.max(1) as f64
    );
    sqlx::query(&format!("DROP SCHEMA {schema} CASCADE"))
        .execute(&mut conn)
        .await
        .expect("cleanup");
}
