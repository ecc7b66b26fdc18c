//! Request body and query extraction with Tandem's errors: wrong type, too large, bad UTF-8, bad JSON, bad query.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Query, Request};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::domain::binary::{sniff_bytes, BinaryKind};
use crate::error::{AppError, ErrorCode, Why};
use crate::http::AppState;

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
            if let Some(kind) = document_type(content_type) {
                return Err(not_text(kind).detail("received", content_type));
            }
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
        // A document sent as the body under a JSON header: say what it is, not where its bytes
        // stop being UTF-8.
        if let Some(kind) = sniff_bytes(&bytes) {
            return Err(not_text(kind));
        }
        let text = std::str::from_utf8(&bytes).map_err(|e| {
            AppError::new(ErrorCode::InvalidUtf8).detail("byte_offset", e.valid_up_to())
        })?;
        let invalid = |e: serde_json::Error| {
            AppError::new(ErrorCode::InvalidJson).with("reason", e.to_string())
        };
        let value: Value = serde_json::from_str(text).map_err(invalid)?;
        // Every body is a JSON object; serde would also fill a struct from an array of its
        // fields in order, a form no client is told about.
        if !value.is_object() {
            return Err(AppError::new(ErrorCode::InvalidJson)
                .with("reason", "the body must be a JSON object"));
        }
        match serde_json::from_str(text) {
            Ok(body) => Ok(ApiJson(body)),
            // JSON does not tell `3` from `3.0`, and JSON Schema's `integer` accepts both; serde's
            // integers accept only the first, so a retry reads whole floats as integers.
            Err(first) => serde_json::from_value(whole_floats_as_integers(value))
                .map(ApiJson)
                .map_err(|_| invalid(first)),
        }
    }
}

/// The refusal of a document or binary data where a JSON body belongs.
fn not_text(kind: BinaryKind) -> AppError {
    AppError::new(ErrorCode::UnsupportedMedia).with("kind", kind.as_str())
}

/// The media types of documents people send by mistake in place of JSON.
fn document_type(content_type: &str) -> Option<BinaryKind> {
    let essence = content_type.split(';').next().unwrap_or("").trim();
    match essence.to_ascii_lowercase().as_str() {
        "application/pdf" => Some(BinaryKind::Pdf),
        "application/msword"
        | "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        | "application/vnd.oasis.opendocument.text" => Some(BinaryKind::OfficeDocument),
        "application/octet-stream" => Some(BinaryKind::Binary),
        _ => None,
    }
}

/// Floats without a fractional part, small enough to be exact, become integers.
fn whole_floats_as_integers(value: Value) -> Value {
    // 2^53: above it not every integer has an exact float, so the number may not be what was meant.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    match value {
        Value::Number(n) if !n.is_i64() && !n.is_u64() => match n.as_f64() {
            Some(f) if f.fract() == 0.0 && f.abs() <= EXACT => Value::from(f as i64),
            _ => Value::Number(n),
        },
        Value::Array(items) => {
            Value::Array(items.into_iter().map(whole_floats_as_integers).collect())
        }
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, whole_floats_as_integers(v)))
                .collect(),
        ),
        other => other,
    }
}

/// Query parameters. Unlike axum's `Query`, a refusal is an `AppError` (400 `invalid_input`, with
/// the reason) in the client's language, not a plain-text body.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(value)| ApiQuery(value))
            .map_err(|rejection| {
                AppError::invalid_input("query", Why::Other, rejection.body_text())
            })
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
    use super::{is_json, whole_floats_as_integers};
    use serde_json::json;

    #[test]
    fn whole_floats_read_as_integers() {
        assert_eq!(
            whole_floats_as_integers(json!({"v": 3.0, "ids": [1.0, 2.5], "s": "4.0"})),
            json!({"v": 3, "ids": [1, 2.5], "s": "4.0"})
        );
        assert_eq!(whole_floats_as_integers(json!(1e300)), json!(1e300));
    }

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
