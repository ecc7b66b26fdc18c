//! The live relay on PostgreSQL: NOTIFY carries each event, or the id of a row when it is too big.

use async_trait::async_trait;
use sqlx::postgres::{PgListener, PgPool};

use crate::store::live::{LiveFeed, LiveMessage, LiveRelay};
use crate::store::StoreResult;

const CHANNEL: &str = "tandem_live";
/// NOTIFY payloads must stay under 8000 bytes; larger bodies travel through `live_events`.
const INLINE_LIMIT: usize = 7000;
/// A stored body is read by the listeners within moments; a minute is plenty.
const KEEP_SECONDS: i64 = 60;

pub struct PgLiveRelay {
    pub(super) pool: PgPool,
}

/// `origin`, a newline, then either `=` and the body, or `#` and the id of the stored body.
fn encode(origin: &str, inline: Option<&str>, id: Option<i64>) -> String {
    match (inline, id) {
        (Some(body), _) => format!("{origin}\n={body}"),
        (None, Some(id)) => format!("{origin}\n#{id}"),
        (None, None) => format!("{origin}\n="),
    }
}

#[async_trait]
impl LiveRelay for PgLiveRelay {
    async fn send(&self, message: &LiveMessage) -> StoreResult<()> {
        if message.body.len() + message.origin.len() < INLINE_LIMIT {
            sqlx::query("SELECT pg_notify($1, $2)")
                .bind(CHANNEL)
                .bind(encode(&message.origin, Some(&message.body), None))
                .execute(&self.pool)
                .await?;
        } else {
            // The row and its notification commit together, so a listener never finds it missing.
            let mut tx = self.pool.begin().await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO live_events (body, created_at) VALUES ($1, now()) RETURNING id",
            )
            .bind(&message.body)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query("SELECT pg_notify($1, $2)")
                .bind(CHANNEL)
                .bind(encode(&message.origin, None, Some(id)))
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
        }
        Ok(())
    }

    async fn listen(&self) -> StoreResult<Box<dyn LiveFeed>> {
        let mut listener = PgListener::connect_with(&self.pool).await?;
        listener.listen(CHANNEL).await?;
        Ok(Box::new(PgLiveFeed {
            listener,
            pool: self.pool.clone(),
        }))
    }

    async fn prune(&self) -> StoreResult<u64> {
        Ok(sqlx::query(
            "DELETE FROM live_events WHERE created_at < now() - make_interval(secs => $1)",
        )
        .bind(KEEP_SECONDS as f64)
        .execute(&self.pool)
        .await?
        .rows_affected())
    }
}

struct PgLiveFeed {
    listener: PgListener,
    pool: PgPool,
}

#[async_trait]
impl LiveFeed for PgLiveFeed {
    async fn next(&mut self) -> StoreResult<Option<LiveMessage>> {
        loop {
            // `None`: the connection dropped and was made again; what was sent meanwhile is lost.
            let Some(note) = self.listener.try_recv().await? else {
                return Ok(None);
            };
            let Some((origin, rest)) = note.payload().split_once('\n') else {
                continue;
            };
            let body = if let Some(body) = rest.strip_prefix('=') {
                body.to_owned()
            } else if let Some(id) = rest.strip_prefix('#').and_then(|i| i.parse::<i64>().ok()) {
                let stored: Option<String> =
                    sqlx::query_scalar("SELECT body FROM live_events WHERE id = $1")
                        .bind(id)
                        .fetch_optional(&self.pool)
                        .await?;
                match stored {
                    Some(body) => body,
                    None => continue,
                }
            } else {
                continue;
            };
            return Ok(Some(LiveMessage {
                origin: origin.to_owned(),
                body,
            }));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_name_their_origin() {
        assert_eq!(encode("a1", Some("{}"), None), "a1\n={}");
        assert_eq!(encode("a1", None, Some(42)), "a1\n#42");
    }
}
