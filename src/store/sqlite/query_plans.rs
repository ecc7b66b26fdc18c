//! Checks that SQLite plans the statement-wide reads from the statement's own segments.

use rusqlite::Connection;

use super::SqliteStore;
use crate::store::unit_sql::{
    ASSIGNMENT_FLAGS_SQL, LANGUAGE_VERSIONS_SQL, LANGUAGE_WAITING_SQL, STATEMENT_COMMENTS_SQL,
    UNIT_LIST_SQL,
};
use crate::store::Store;

/// The plan's steps as SQLite words them ("SEARCH g USING INDEX ...").
fn plan(conn: &Connection, sql: &str) -> Vec<String> {
    let mut stmt = conn
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .expect("the query prepares");
    // The plan does not depend on the values, only on there being one per parameter.
    let nulls = vec![rusqlite::types::Null; stmt.parameter_count()];
    let steps = stmt
        .query_map(rusqlite::params_from_iter(nulls), |r| r.get::<_, String>(3))
        .expect("the plan runs")
        .collect::<Result<Vec<_>, _>>()
        .expect("plan rows");
    steps
}

#[tokio::test]
async fn statement_reads_start_from_its_segments() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plans.db");
    let store = SqliteStore::open(&format!("sqlite://{}", path.display()))
        .await
        .expect("store opens");
    store.migrate().await.expect("migrations run");
    let conn = Connection::open(&path).expect("second connection");
    for (name, sql) in [
        ("unit list", UNIT_LIST_SQL.as_str()),
        ("statement comments", STATEMENT_COMMENTS_SQL),
        ("language completion", LANGUAGE_WAITING_SQL),
        ("language versions", LANGUAGE_VERSIONS_SQL),
    ] {
        let steps = plan(&conn, sql);
        // Walking every unit of a language (the lang index) would read all statements' units.
        assert!(
            steps
                .first()
                .is_some_and(|s| s.starts_with("SEARCH g USING") && s.contains("INDEX segments_")),
            "{name} should begin with the statement's segments: {steps:?}"
        );
        assert!(
            steps.iter().all(|s| !s.contains("units_lang_state")),
            "{name} should not scan a language's units: {steps:?}"
        );
    }
    // The list comes out of the index in position order; a sort would copy every row once more.
    let steps = plan(&conn, &UNIT_LIST_SQL);
    assert!(
        steps.iter().all(|s| !s.contains("TEMP B-TREE")),
        "the unit list should need no sort: {steps:?}"
    );
    // The queue's assignment flags look at one statement's segments, not at every segment.
    let steps = plan(&conn, &ASSIGNMENT_FLAGS_SQL);
    assert!(
        steps
            .iter()
            .any(|s| s.starts_with("SEARCH g2 USING INDEX segments_")),
        "the assignment flags should search the statement's segments: {steps:?}"
    );
    assert!(
        steps.iter().all(|s| !s.contains("units_lang_state")),
        "the assignment flags should not scan a language's units: {steps:?}"
    );
    store.close().await;
}
