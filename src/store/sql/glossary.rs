//! Glossary terms, and `GlossaryStore` over them.

use async_trait::async_trait;

use super::{Conn, SqlBackend};
use crate::domain::glossary::Term;
use crate::store::glossary::{NewTerm, TermRow, UPSERT_TERM_SQL};
use crate::store::{GlossaryStore, StoreResult};

#[async_trait]
impl<S: SqlBackend> GlossaryStore for S {
    async fn add_terms(&self, terms: &[NewTerm]) -> StoreResult<u64> {
        let mut tx = self.write().await?;
        let mut written = 0;
        for t in terms {
            written += tx
                .execute(
                    UPSERT_TERM_SQL,
                    &[
                        t.src_lang.as_str().into(),
                        t.tgt_lang.as_str().into(),
                        t.term.as_str().into(),
                        t.translation.as_str().into(),
                        t.status.as_str().into(),
                        t.note.as_str().into(),
                        t.created_by.into(),
                        t.created_at.into(),
                    ],
                )
                .await?;
        }
        tx.commit().await?;
        Ok(written)
    }

    async fn glossary(&self, src: Option<&str>, tgt: Option<&str>) -> StoreResult<Vec<Term>> {
        let rows: Vec<TermRow> = self
            .read()
            .await?
            .fetch_all(
                "SELECT id, src_lang, tgt_lang, term, translation, status, note FROM glossary_terms
                 WHERE ($1 IS NULL OR src_lang = $1) AND ($2 IS NULL OR tgt_lang = $2)
                 ORDER BY src_lang, tgt_lang, term, translation",
                &[src.into(), tgt.into()],
            )
            .await?;
        rows.into_iter().map(TermRow::into_term).collect()
    }

    async fn delete_term(&self, id: i64) -> StoreResult<bool> {
        let mut tx = self.write().await?;
        let gone = tx
            .execute("DELETE FROM glossary_terms WHERE id = $1", &[id.into()])
            .await?;
        tx.commit().await?;
        Ok(gone > 0)
    }
}
