//! Segmentation preview: how Tandem would split a text, without storing anything.

use axum::extract::State;
use axum::Json;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::contract::LanguageTagText;
use crate::domain::segmenting::Segmentation;
use crate::error::AppResult;
use crate::http::extract::ApiJson;
use crate::http::AppState;
use crate::workflow::segment::segment_preview;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(segment_text))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SegmentRequest {
    #[schema(value_type = LanguageTagText, example = "hy")]
    pub lang: String,
    /// Must hold more than white space.
    #[schema(pattern = "\\S")]
    pub text: String,
    /// `text` (default) or `markdown`.
    #[serde(default)]
    #[schema(pattern = "^(text|markdown)$")]
    pub format: Option<String>,
}

/// Splits a text into paragraphs and sentences by the rules of its language.
#[utoipa::path(post, path = "/api/v1/segment", tag = "segmentation", request_body = SegmentRequest, responses(
    (status = 200, body = Segmentation),
    (status = 400, description = "invalid_language, empty_text or invalid_format")
))]
async fn segment_text(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<SegmentRequest>,
) -> AppResult<Json<Segmentation>> {
    Ok(Json(segment_preview(
        &body.lang,
        &body.text,
        body.format.as_deref(),
        &state.config.limits,
    )?))
}
