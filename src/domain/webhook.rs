//! Webhooks as rules: event types, the Standard Webhooks envelope and signature, URL checks, retry delays.

use std::time::Duration;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use chrono::{DateTime, SecondsFormat, Utc};
use hmac::{Hmac, Mac};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use sha2::Sha256;

use super::publication::PublicationContent;

/// What a hook can hear about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
pub enum EventType {
    #[serde(rename = "unit.approved")]
    UnitApproved,
    /// Every unit of a statement in one language is approved.
    #[serde(rename = "language.completed")]
    LanguageCompleted,
    #[serde(rename = "statement.published")]
    StatementPublished,
}

impl EventType {
    pub const ALL: [EventType; 3] = [
        Self::UnitApproved,
        Self::LanguageCompleted,
        Self::StatementPublished,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::UnitApproved => "unit.approved",
            Self::LanguageCompleted => "language.completed",
            Self::StatementPublished => "statement.published",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == raw)
    }
}

/// The event types a hook wants, as stored: comma-separated, empty for all of them.
pub fn events_column(events: &[EventType]) -> String {
    events
        .iter()
        .map(|e| e.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

/// The stored column back as types; unknown words (from a newer version) are skipped.
pub fn parse_events_column(column: &str) -> Vec<EventType> {
    column.split(',').filter_map(EventType::parse).collect()
}

/// The `LIKE` pattern that finds `event` in a stored column wrapped in commas.
pub fn event_pattern(event: EventType) -> String {
    format!("%,{},%", event.as_str())
}

const SECRET_PREFIX: &str = "whsec_";

/// A new signing secret: `whsec_` and the base64 of 32 random bytes, as Standard Webhooks writes them.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!("{SECRET_PREFIX}{}", BASE64.encode(bytes))
}

/// The key bytes of a secret; `None` when it is not a `whsec_` secret.
pub fn secret_key(secret: &str) -> Option<Vec<u8>> {
    BASE64.decode(secret.strip_prefix(SECRET_PREFIX)?).ok()
}

/// A message id for the `webhook-id` header: unique, and the same on every retry.
pub fn new_message_id() -> String {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("msg_{hex}")
}

/// The `webhook-signature` value: `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body`.
pub fn sign(key: &[u8], message_id: &str, timestamp: i64, body: &str) -> String {
    // HMAC takes keys of any length, so this cannot fail; the fallback keeps it total anyway.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key) else {
        return String::new();
    };
    mac.update(message_id.as_bytes());
    mac.update(b".");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body.as_bytes());
    format!("v1,{}", BASE64.encode(mac.finalize().into_bytes()))
}

/// The JSON body of an event: `{type, timestamp, data}`, serialised once and signed as stored.
pub fn envelope(event: EventType, at: DateTime<Utc>, data: Value) -> String {
    json!({
        "type": event.as_str(),
        "timestamp": at.to_rfc3339_opts(SecondsFormat::Secs, true),
        "data": data,
    })
    .to_string()
}

/// Where the published pages of a statement live, relative to the instance's address.
fn publication_paths(slug: &str, number: i64, langs: &[String]) -> Value {
    let per_lang: serde_json::Map<String, Value> = langs
        .iter()
        .map(|l| (l.clone(), Value::String(format!("/p/{slug}/{l}"))))
        .collect();
    json!({
        "page": format!("/p/{slug}"),
        "version_page": format!("/p/{slug}/v/{number}"),
        "json": format!("/api/v1/publications/{slug}/{number}?format=json"),
        "languages": per_lang,
    })
}

/// What a receiver learns about an approved unit.
pub struct ApprovedUnit<'a> {
    pub statement_id: i64,
    pub slug: &'a str,
    pub segment_id: i64,
    pub position: u32,
    pub unit_id: i64,
    pub lang: &'a str,
    pub version: i64,
    pub text: &'a str,
}

pub fn unit_approved_data(unit: &ApprovedUnit<'_>) -> Value {
    json!({
        "statement_id": unit.statement_id,
        "slug": unit.slug,
        "segment_id": unit.segment_id,
        "position": unit.position,
        "unit_id": unit.unit_id,
        "lang": unit.lang,
        "version": unit.version,
        "text": unit.text,
    })
}

pub fn language_completed_data(statement_id: i64, slug: &str, lang: &str, units: i64) -> Value {
    json!({"statement_id": statement_id, "slug": slug, "lang": lang, "units": units})
}

pub fn statement_published_data(
    statement_id: i64,
    slug: &str,
    number: i64,
    content: &PublicationContent,
    sha256: &str,
) -> Value {
    let langs: Vec<String> = content.langs.iter().map(|l| l.to_string()).collect();
    // The headline as readers of each language see it, the source's included.
    let titles: serde_json::Map<String, Value> = std::iter::once(&content.source_lang)
        .chain(&content.langs)
        .map(|lang| (lang.to_string(), Value::from(content.title_in(lang).0)))
        .collect();
    json!({
        "statement_id": statement_id,
        "slug": slug,
        "version": number,
        "revision": content.revision,
        "langs": langs,
        "titles": titles,
        "sha256": sha256,
        "paths": publication_paths(slug, number, &langs),
    })
}

/// Longest URL accepted; longer ones are more likely mistakes than endpoints.
const MAX_URL_CHARS: usize = 2000;

/// Why a hook URL is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlProblem {
    Unparsable,
    Scheme(String),
    NoHost,
    /// `user:password@`: a secret that every listing of hooks would show.
    Credentials,
    Fragment,
    TooLong,
}

impl UrlProblem {
    pub fn reason(&self) -> String {
        match self {
            Self::Unparsable => "not an absolute URL".to_owned(),
            Self::Scheme(s) => format!("the scheme {s:?} is neither http nor https"),
            Self::NoHost => "no host".to_owned(),
            Self::Credentials => "user names and passwords do not belong in the URL".to_owned(),
            Self::Fragment => "a #fragment is never sent to a server".to_owned(),
            Self::TooLong => format!("longer than {MAX_URL_CHARS} characters"),
        }
    }
}

/// Accepts absolute http and https URLs with a host, nothing else.
pub fn check_url(raw: &str) -> Result<url::Url, UrlProblem> {
    let raw = raw.trim();
    if raw.chars().count() > MAX_URL_CHARS {
        return Err(UrlProblem::TooLong);
    }
    let url = url::Url::parse(raw).map_err(|_| UrlProblem::Unparsable)?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(UrlProblem::Scheme(url.scheme().to_owned()));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(UrlProblem::NoHost);
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(UrlProblem::Credentials);
    }
    if url.fragment().is_some() {
        return Err(UrlProblem::Fragment);
    }
    Ok(url)
}

/// How long to wait after `attempts` failed attempts: `base` doubled per attempt, at most
/// `cap`, then spread by `jitter` (0 to 1) over its upper half, so receivers coming back
/// after an outage are not hit by every sender at the same instant.
pub fn retry_delay(attempts: u32, base: Duration, cap: Duration, jitter: f64) -> Duration {
    let doubling = 2u32.saturating_pow(attempts.saturating_sub(1).min(30));
    let delay = base.saturating_mul(doubling).min(cap);
    delay.mul_f64(0.5 + 0.5 * jitter.clamp(0.0, 1.0))
}

/// The events a unit change raises: a text approved that was not approved before tells
/// `unit.approved`, and `language.completed` once no unit of its language is left waiting.
pub fn unit_change_events(change: &super::unit_change::UnitChange) -> Vec<EventType> {
    if change.is_new_approval() {
        vec![EventType::UnitApproved, EventType::LanguageCompleted]
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_matches_the_standard_webhooks_example() {
        // The example of the Standard Webhooks specification's reference libraries.
        let key = secret_key("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").expect("key");
        let body = r#"{"test": 2432232314}"#;
        assert_eq!(
            sign(&key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
        );
    }

    #[test]
    fn secrets_round_trip() {
        let secret = new_secret();
        assert!(secret.starts_with("whsec_"));
        assert_eq!(secret_key(&secret).expect("decodes").len(), 32);
        assert_eq!(secret_key("nope"), None);
    }

    #[test]
    fn only_http_and_https_urls_with_a_host() {
        assert!(check_url("https://cms.example.org/hooks/tandem").is_ok());
        assert!(check_url("http://127.0.0.1:8080/hook").is_ok());
        assert_eq!(
            check_url("ftp://example.org/"),
            Err(UrlProblem::Scheme("ftp".into()))
        );
        assert_eq!(check_url("/relative"), Err(UrlProblem::Unparsable));
        assert_eq!(
            check_url("https://u:p@example.org/"),
            Err(UrlProblem::Credentials)
        );
        assert_eq!(
            check_url("https://example.org/#x"),
            Err(UrlProblem::Fragment)
        );
        assert!(matches!(
            check_url("javascript:alert(1)"),
            Err(UrlProblem::Scheme(_))
        ));
    }

    #[test]
    fn delays_double_up_to_the_cap() {
        let base = Duration::from_secs(30);
        let cap = Duration::from_secs(3600);
        assert_eq!(retry_delay(1, base, cap, 1.0), Duration::from_secs(30));
        assert_eq!(retry_delay(3, base, cap, 1.0), Duration::from_secs(120));
        assert_eq!(retry_delay(3, base, cap, 0.0), Duration::from_secs(60));
        assert_eq!(retry_delay(40, base, cap, 1.0), cap);
    }

    #[test]
    fn event_columns_round_trip() {
        let column = events_column(&[EventType::UnitApproved, EventType::StatementPublished]);
        assert_eq!(column, "unit.approved,statement.published");
        assert_eq!(
            parse_events_column(&column),
            vec![EventType::UnitApproved, EventType::StatementPublished]
        );
        assert!(parse_events_column("").is_empty());
    }
}
