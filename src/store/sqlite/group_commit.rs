//! Group commit for unit changes on SQLite: one task applies the changes waiting at the moment in one transaction, each in its own savepoint, and answers them after the single COMMIT.
//!
//! With `synchronous=FULL` every COMMIT waits for the disk, so one transaction per save caps
//! saves at the disk's sync rate no matter how little each save writes. Changes that arrive
//! while a COMMIT is syncing queue up and go into the next transaction together: under load a
//! batch costs one sync instead of one per save. A change still succeeds or fails on its own
//! (a version conflict rolls back its savepoint only), and no caller hears "saved" before the
//! COMMIT that holds its change has returned, so durability is what it was.

use std::future::Future;
use std::pin::Pin;

use sqlx::SqlitePool;
use tokio::sync::{mpsc, oneshot};

use crate::store::sql::unit_writes;
use crate::store::units::{UnitRecord, UnitWrite};
use crate::store::{StoreError, StoreResult};

/// At most this many changes share a transaction, so one batch never holds the writer long.
const MAX_BATCH: usize = 64;

/// How many changes may wait for the writer task before callers wait to hand theirs over.
const QUEUE: usize = 1024;

type Reply = oneshot::Sender<StoreResult<UnitRecord>>;

/// The handle callers use; the writer task ends when the store (and so this) is dropped.
pub(super) struct GroupCommit {
    queue: mpsc::Sender<(UnitWrite, Reply)>,
}

impl GroupCommit {
    /// Starts the writer task on the current runtime. It takes the writer connection only for
    /// the length of a batch, so other writes still interleave between batches.
    pub(super) fn start(writer: SqlitePool) -> Self {
        let (queue, rx) = mpsc::channel(QUEUE);
        tokio::spawn(run(writer, rx));
        Self { queue }
    }

    /// Applies `write` in the next batch; returns once that batch is committed (or failed).
    pub(super) async fn apply(&self, write: UnitWrite) -> StoreResult<UnitRecord> {
        let (reply, answer) = oneshot::channel();
        self.queue
            .send((write, reply))
            .await
            .map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?
    }
}

fn stopped() -> StoreError {
    StoreError::Unavailable(sqlx::Error::WorkerCrashed)
}

async fn run(writer: SqlitePool, mut rx: mpsc::Receiver<(UnitWrite, Reply)>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while rx.recv_many(&mut batch, MAX_BATCH).await > 0 {
        apply_batch(&writer, std::mem::take(&mut batch)).await;
    }
}

/// Every change of `batch` in one `BEGIN IMMEDIATE` transaction, each inside a savepoint.
///
/// Boxed as a `Send` future here, at concrete lifetimes: left to `tokio::spawn` to infer, the
/// compiler cannot prove sqlx's executor futures `Send` for every lifetime.
fn apply_batch(
    writer: &SqlitePool,
    batch: Vec<(UnitWrite, Reply)>,
) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
    Box::pin(async move {
        let mut tx = match writer.begin_with("BEGIN IMMEDIATE").await {
            Ok(tx) => tx,
            Err(e) => return fail_all(batch.into_iter().map(|(_, r)| r), &e.into()),
        };
        let mut outcomes = Vec::with_capacity(batch.len());
        // A savepoint that cannot be set or ended means the connection itself is in trouble:
        // nothing of this batch is committed then, and every caller hears so.
        let mut broken = None;
        for (write, _) in &batch {
            if let Err(e) = sqlx::query("SAVEPOINT unit_change").execute(&mut *tx).await {
                broken = Some(e);
                break;
            }
            let outcome = unit_writes::apply(&mut *tx, write).await;
            // Undo a failed change only; the others in the batch stand.
            let mut ended = Ok(());
            if outcome.is_err() {
                ended = sqlx::query("ROLLBACK TO unit_change")
                    .execute(&mut *tx)
                    .await
                    .map(drop);
            }
            if ended.is_ok() {
                ended = sqlx::query("RELEASE unit_change")
                    .execute(&mut *tx)
                    .await
                    .map(drop);
            }
            if let Err(e) = ended {
                broken = Some(e);
                break;
            }
            outcomes.push(outcome);
        }
        if let Some(e) = broken {
            drop(tx);
            return fail_all(batch.into_iter().map(|(_, r)| r), &e.into());
        }
        match tx.commit().await {
            Ok(()) => {
                for ((_, reply), outcome) in batch.into_iter().zip(outcomes) {
                    // A caller that went away no longer waits for its answer; its change stands.
                    let _ = reply.send(outcome);
                }
            }
            Err(e) => fail_all(batch.into_iter().map(|(_, r)| r), &e.into()),
        }
    })
}

/// Tells every caller of a batch that failed as a whole, keeping the kind of failure (busy or
/// unreachable, which may pass; anything else) since the error itself can be sent only once.
fn fail_all(replies: impl Iterator<Item = Reply>, err: &StoreError) {
    for reply in replies {
        let message = format!("the batch of unit changes failed: {err}");
        let copy = match err {
            StoreError::Unavailable(_) => StoreError::Unavailable(sqlx::Error::Protocol(message)),
            _ => StoreError::Database(sqlx::Error::Protocol(message)),
        };
        let _ = reply.send(Err(copy));
    }
}
