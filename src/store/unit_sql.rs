//! The SQL of units, written once for both databases: `$n` parameters, first used in ascending
//! order, mean the same to SQLite and PostgreSQL. The statement-wide reads start from the
//! statement's segments (see `sqlite::query_plans`, which checks SQLite keeps to that).

use std::sync::LazyLock;

/// The segment `$1` of statement `$2` with its neighbours' sources, if it is active. The
/// headline stands alone: it is no paragraph's neighbour and has none.
pub(crate) const SEGMENT_CONTEXT_SQL: &str = "SELECT s.source_lang,
        (SELECT p.source FROM segments p WHERE p.statement_id = g.statement_id AND p.active
           AND p.position < g.position AND p.kind <> 'headline' AND g.kind <> 'headline'
           ORDER BY p.position DESC LIMIT 1),
        g.source,
        (SELECT x.source FROM segments x WHERE x.statement_id = g.statement_id AND x.active
           AND x.position > g.position AND g.kind <> 'headline'
           ORDER BY x.position LIMIT 1)
     FROM segments g JOIN statements s ON s.id = g.statement_id
     WHERE g.id = $1 AND g.statement_id = $2 AND g.active";

/// Whether the unit's statement lets every translator of the language take its units that no
/// translator was given: one look-up by the statement's key.
const OPEN_FLAG: &str = "(SELECT s2.open_to_translators FROM statements s2
        WHERE s2.id = g.statement_id) AS open_to_translators";

/// Whether any active unit of the same statement and language has an assigned reviewer
/// (reviewer assignments narrow the role only once a statement has them).
///
/// `CROSS JOIN` makes SQLite walk the statement's segments first (index
/// `segments_statement_position`) and look each one's unit up by (segment, language); left to
/// choose, it scanned every unit of the language in the database for each row read. PostgreSQL
/// plans it as a plain join.
const REVIEWERS_FLAG: &str = "EXISTS (SELECT 1 FROM segments g2 CROSS JOIN units u2
        WHERE g2.statement_id = g.statement_id AND g2.active AND u2.segment_id = g2.id
          AND u2.lang = n.lang AND u2.reviewer_id IS NOT NULL) AS reviewers_assigned";

/// The columns of a unit with the names that go with its ids (`UnitRow` without the flags).
const UNIT_COLUMNS: &str =
    "n.id AS unit_id, g.statement_id, n.segment_id, g.position, g.kind, g.source,
    n.lang, n.state, n.text, n.version, n.reason, n.reason_comment, n.old_source, n.new_source,
    n.text_author AS text_author_id, ta.username AS text_author, n.approved_text,
    n.translator_id, tr.username AS translator, n.reviewer_id, rv.username AS reviewer, n.due_at,
    ub.username AS updated_by, n.updated_at, ab.username AS approved_by, n.approved_at";

/// The names that go with a unit's user ids.
const UNIT_NAMES: &str = "LEFT JOIN users ta ON ta.id = n.text_author
    LEFT JOIN users tr ON tr.id = n.translator_id
    LEFT JOIN users rv ON rv.id = n.reviewer_id
    LEFT JOIN users ub ON ub.id = n.updated_by
    LEFT JOIN users ab ON ab.id = n.approved_by";

/// One unit of an active segment: statement `$1`, segment `$2`, language `$3`.
pub(crate) static UNIT_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT {UNIT_COLUMNS}, {REVIEWERS_FLAG}, {OPEN_FLAG}
         FROM units n JOIN segments g ON g.id = n.segment_id {UNIT_NAMES}
         WHERE g.statement_id = $1 AND n.segment_id = $2 AND n.lang = $3 AND g.active"
    )
});

/// One unit by its id, whether or not its segment is still active.
pub(crate) static UNIT_BY_ID_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT {UNIT_COLUMNS}, {REVIEWERS_FLAG}, {OPEN_FLAG}
         FROM units n JOIN segments g ON g.id = n.segment_id {UNIT_NAMES}
         WHERE n.id = $1"
    )
});

/// Every unit of the active segments of statement `$1` in language `$2`, in order. The reviewer
/// flag is left false here and set from the rows themselves (`with_assignment_flags`): those
/// rows are exactly the units the flag looks at, and asking per row made the read quadratic in
/// the statement's length.
///
/// The query starts from the statement's segments and joins their units in its WHERE
/// (PostgreSQL takes no ON after CROSS JOIN). `CROSS JOIN` keeps SQLite on that order: left to
/// choose, it walked every unit of the language in the database (index `units_lang_state`) and
/// dropped those of other statements, so a statement's list grew slower with every statement
/// stored. PostgreSQL plans it as a plain join.
pub(crate) static UNIT_LIST_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT {UNIT_COLUMNS}, FALSE AS reviewers_assigned, {OPEN_FLAG}
         FROM segments g CROSS JOIN units n {UNIT_NAMES}
         WHERE n.segment_id = g.id AND g.statement_id = $1 AND n.lang = $2 AND g.active
         ORDER BY g.position"
    )
});

pub(crate) const REVISIONS_SQL: &str = "
    SELECT r.version, r.action, u.username AS author, r.created_at, r.from_state, r.to_state, r.text, r.comment,
        r.origin, r.origin_score, r.via, r.via_file, r.source_revision
    FROM unit_revisions r LEFT JOIN users u ON u.id = r.author
    WHERE r.unit_id = $1 ORDER BY r.version";

pub(crate) const COMMENTS_SQL: &str = "
    SELECT c.id, u.username AS author, c.created_at, c.body
    FROM unit_comments c JOIN users u ON u.id = c.author
    WHERE c.unit_id = $1 ORDER BY c.id";

/// The discussion of every unit of statement `$1` in language `$2`, oldest first. Segments
/// first, as in `UNIT_LIST_SQL`.
pub(crate) const STATEMENT_COMMENTS_SQL: &str = "
    SELECT c.unit_id, c.id, u.username, c.created_at, c.body
    FROM segments g CROSS JOIN units n
    JOIN unit_comments c ON c.unit_id = n.id JOIN users u ON u.id = c.author
    WHERE n.segment_id = g.id AND g.statement_id = $1 AND n.lang = $2 ORDER BY c.id";

/// How many active units of statement `$1` in language `$2` still wait for approval, and how
/// many there are: whether the language is complete. Segments first, as in `UNIT_LIST_SQL`.
pub(crate) const LANGUAGE_WAITING_SQL: &str = "
    SELECT COALESCE(SUM(CASE WHEN n.state <> 'approved' THEN 1 ELSE 0 END), 0), COUNT(*)
    FROM segments g CROSS JOIN units n
    WHERE n.segment_id = g.id AND g.statement_id = $1 AND n.lang = $2 AND g.active";

/// The sum of the versions of the active units of statement `$1` in language `$2`. Every change
/// of a unit adds one to its version, so while the statement keeps its revision (and so its
/// segments) the sum moves exactly when one of those units changes. Segments first, as in
/// `UNIT_LIST_SQL`.
pub(crate) const LANGUAGE_VERSIONS_SQL: &str = "
    SELECT CAST(COALESCE(SUM(n.version), 0) AS BIGINT)
    FROM segments g CROSS JOIN units n
    WHERE n.segment_id = g.id AND g.statement_id = $1 AND n.lang = $2 AND g.active";

/// The conditional write at the heart of lost-update protection: it changes the unit only if
/// nobody moved it past the change's base version (the last parameter), in the same statement
/// as the check. `$8` says what becomes of the last approval (`Approval::as_str`), `$11` is the
/// version the change gives the unit.
pub(crate) const UPDATE_UNIT_SQL: &str = "
    UPDATE units SET
        state = $1, text = $2, text_author = $3, reason = $4, reason_comment = $5, old_source = $6,
        new_source = $7,
        approved_text = CASE $8 WHEN 'set' THEN $2 WHEN 'clear' THEN NULL ELSE approved_text END,
        approved_by = CASE $8 WHEN 'set' THEN $9 WHEN 'clear' THEN NULL ELSE approved_by END,
        approved_at = CASE $8 WHEN 'set' THEN $10 WHEN 'clear' THEN NULL ELSE approved_at END,
        updated_by = $9, updated_at = $10, version = $11
    WHERE id = $12 AND version = $13";

pub(crate) const INSERT_REVISION_SQL: &str = "
    INSERT INTO unit_revisions (unit_id, version, action, author, created_at, from_state, to_state, text, comment,
        origin, origin_score, via, via_file, source_revision)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)";

/// Units not yet approved that may concern user `$1`, grouped by statement and language. The
/// flags are left false here and filled in from `ASSIGNMENT_FLAGS_SQL`.
pub(crate) const QUEUE_SQL: &str = "
    SELECT g.statement_id, s.title, s.slug, n.lang, n.state, n.text_author, n.due_at, n.translator_id,
        n.reviewer_id, FALSE AS reviewers_assigned, FALSE AS open_to_translators
    FROM units n
    JOIN segments g ON g.id = n.segment_id
    JOIN statements s ON s.id = g.statement_id
    WHERE g.active AND n.state <> 'approved'
      AND (n.translator_id = $1 OR n.reviewer_id = $1 OR n.text_author = $1
           OR n.lang IN (SELECT lang FROM user_roles WHERE user_id = $1))
    ORDER BY s.id DESC, n.lang, g.position";

/// The reviewer and open flags for statement `$1` and language `$2`, asked once per statement
/// and language in the queue: asked per row, a statement without assignments made the queue
/// read the whole statement again for every unit of it.
pub(crate) static ASSIGNMENT_FLAGS_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT {REVIEWERS_FLAG}, {OPEN_FLAG}
         FROM (SELECT $1 AS statement_id) g CROSS JOIN (SELECT $2 AS lang) n"
    )
});
