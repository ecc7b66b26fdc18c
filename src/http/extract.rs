//! Request body extraction with Tandem's errors: wrong type, too large, bad UTF-8, bad JSON.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{header, StatusCode};
use serde::de::DeserializeOwned;

use crate::app::AppState;
use crate::error::{AppError, ErrorCode};

/// A JSON body. Unlike axum's `Json`, every refusal is an `AppError` with a stable code, and
/// invalid UTF-8 is told apart from invalid JSON.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let content_type = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if !is_json(content_type) {
            return Err(AppError::new(ErrorCode::UnsupportedMediaType)
                .with("expected", "application/json")
                .detail("received", content_type));
        }
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| {
                if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    AppError::new(ErrorCode::PayloadTooLarge)
                        .with("limit", state.config.max_body_bytes)
                } else {
                    AppError::new(ErrorCode::InvalidJson).with("reason", rejection.body_text())
                }
            })?;
        let text = std::str::from_utf8(&bytes).map_err(|e| {
            AppError::new(ErrorCode::InvalidUtf8).detail("byte_offset", e.valid_up_to())
        })?;
        serde_json::from_str(text)
            .map(ApiJson)
            .map_err(|e| AppError::new(ErrorCode::InvalidJson).with("reason", e.to_string()))
    }
}

/// `application/json`, optionally with parameters such as `charset=utf-8`, or any `+json` type.
fn is_json(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

#[cfg(test)]
mod tests {
    use super::is_json;

    #[test]
    fn json_content_types() {
        assert!(is_json("application/json"));
        assert!(is_json("Application/JSON; charset=utf-8"));
        assert!(is_json("application/merge-patch+json"));
        assert!(!is_json("text/plain"));
        assert!(!is_json(""));
        assert!(!is_json("application/jsonx"));
    }
}
