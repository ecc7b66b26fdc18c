//! The one error type of the use cases and the API: a stable code, the status it answers with,
//! details, and a message rendered late, in the reader's language (`http::localize`).

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use crate::domain::language::InvalidLanguage;
use crate::domain::statement::StatementProblem;
use crate::domain::user::CredentialProblem;
use crate::i18n::{Arg, L10n, Locale};
use crate::store::StoreError;

/// Stable error codes: clients and the UI key on them, so they never change once published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    InvalidLanguage,
    UnknownLanguage,
    LanguageExists,
    EmptyText,
    PayloadTooLarge,
    TooManySegments,
    SegmentTooLong,
    UnsupportedMediaType,
    /// A document file or other binary data sent where text belongs (a PDF posted to the API,
    /// a DOCX pasted into a form); `details.kind` says which.
    UnsupportedMedia,
    InvalidJson,
    InvalidUtf8,
    InvalidInput,
    InvalidFormat,
    NotFound,
    StatementNotFound,
    UsernameTaken,
    InvalidCredentials,
    TooManyAttempts,
    Unauthenticated,
    Forbidden,
    /// The caller holds the role, but the unit is not theirs: assigned to someone else, or to
    /// nobody on a statement not open to its translators.
    NotAssigned,
    CsrfFailed,
    InvalidToken,
    MethodNotAllowed,
    VersionConflict,
    SelfReview,
    NotApproved,
    InvalidTransition,
    LacksRole,
    RevisionConflict,
    InvalidXliff,
    /// A glossary or memory file (TBX, CSV, TMX) breaks a rule; nothing was imported.
    InvalidFile,
    /// Quality checks found errors in the text being approved.
    ChecksFailed,
    /// A webhook URL that is not an absolute http or https URL; nothing was registered.
    InvalidWebhookUrl,
    /// A webhook URL that points into the server's own networks; nothing was registered.
    WebhookUrlForbidden,
    /// A webhook delivery asked to be sent again while it still waits for its attempt.
    DeliveryPending,
    Unavailable,
    Internal,
}

/// Everything a 404 `not_found` may name; each has a sentence of its own in every language, so
/// no reader meets the code itself.
pub const NOT_FOUND_RESOURCES: [&str; 15] = [
    "statement",
    "user",
    "paragraph",
    "sentence",
    "translation",
    "unit",
    "route",
    "delivery",
    "language",
    "memory_entry",
    "publication",
    "segment",
    "term",
    "token",
    "webhook",
];

/// Why a field was refused, for the message of `invalid_input` in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    Empty,
    TooLong {
        max: usize,
    },
    TooShort {
        min: usize,
    },
    Length {
        min: usize,
        max: usize,
    },
    Range {
        min: i64,
        max: i64,
    },
    /// The values allowed, as the API spells them.
    OneOf(&'static str),
    /// Characters a username may not hold.
    Characters,
    BaseVersionRequired,
    OwnAdmin,
    CommentRequired,
    NoRevision,
    TargetIsSource(String),
    LangRequired,
    LanguageMismatch {
        found: String,
        asked: String,
    },
    /// Nothing more to say in the reader's language than that the value is wrong.
    Other,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 38] = [
        Self::InvalidLanguage,
        Self::UnknownLanguage,
        Self::LanguageExists,
        Self::EmptyText,
        Self::PayloadTooLarge,
        Self::TooManySegments,
        Self::SegmentTooLong,
        Self::UnsupportedMediaType,
        Self::UnsupportedMedia,
        Self::InvalidJson,
        Self::InvalidUtf8,
        Self::InvalidInput,
        Self::InvalidFormat,
        Self::NotFound,
        Self::StatementNotFound,
        Self::UsernameTaken,
        Self::InvalidCredentials,
        Self::TooManyAttempts,
        Self::Unauthenticated,
        Self::Forbidden,
        Self::NotAssigned,
        Self::CsrfFailed,
        Self::InvalidToken,
        Self::MethodNotAllowed,
        Self::VersionConflict,
        Self::SelfReview,
        Self::NotApproved,
        Self::InvalidTransition,
        Self::LacksRole,
        Self::RevisionConflict,
        Self::InvalidXliff,
        Self::InvalidFile,
        Self::ChecksFailed,
        Self::InvalidWebhookUrl,
        Self::WebhookUrlForbidden,
        Self::DeliveryPending,
        Self::Unavailable,
        Self::Internal,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::InvalidLanguage => "invalid_language",
            Self::UnknownLanguage => "unknown_language",
            Self::LanguageExists => "language_exists",
            Self::EmptyText => "empty_text",
            Self::PayloadTooLarge => "payload_too_large",
            Self::TooManySegments => "too_many_segments",
            Self::SegmentTooLong => "segment_too_long",
            Self::UnsupportedMediaType => "unsupported_media_type",
            Self::UnsupportedMedia => "unsupported_media",
            Self::InvalidJson => "invalid_json",
            Self::InvalidUtf8 => "invalid_utf8",
            Self::InvalidInput => "invalid_input",
            Self::InvalidFormat => "invalid_format",
            Self::NotFound => "not_found",
            Self::StatementNotFound => "statement_not_found",
            Self::UsernameTaken => "username_taken",
            Self::InvalidCredentials => "invalid_credentials",
            Self::TooManyAttempts => "too_many_attempts",
            Self::Unauthenticated => "unauthenticated",
            Self::Forbidden => "forbidden",
            Self::NotAssigned => "not_assigned",
            Self::CsrfFailed => "csrf_failed",
            Self::InvalidToken => "invalid_token",
            Self::MethodNotAllowed => "method_not_allowed",
            Self::VersionConflict => "version_conflict",
            Self::SelfReview => "self_review",
            Self::NotApproved => "not_approved",
            Self::InvalidTransition => "invalid_transition",
            Self::LacksRole => "lacks_role",
            Self::RevisionConflict => "revision_conflict",
            Self::InvalidXliff => "invalid_xliff",
            Self::InvalidFile => "invalid_file",
            Self::ChecksFailed => "checks_failed",
            Self::InvalidWebhookUrl => "invalid_webhook_url",
            Self::WebhookUrlForbidden => "webhook_url_forbidden",
            Self::DeliveryPending => "delivery_pending",
            Self::Unavailable => "unavailable",
            Self::Internal => "internal",
        }
    }

    pub fn status(self) -> StatusCode {
        match self {
            Self::InvalidLanguage
            | Self::UnknownLanguage
            | Self::EmptyText
            | Self::InvalidJson
            | Self::InvalidUtf8
            | Self::InvalidInput
            | Self::InvalidFormat
            | Self::InvalidXliff
            | Self::InvalidFile
            | Self::InvalidWebhookUrl => StatusCode::BAD_REQUEST,
            Self::PayloadTooLarge | Self::TooManySegments | Self::SegmentTooLong => {
                StatusCode::PAYLOAD_TOO_LARGE
            }
            Self::UnsupportedMediaType | Self::UnsupportedMedia => {
                StatusCode::UNSUPPORTED_MEDIA_TYPE
            }
            Self::NotFound | Self::StatementNotFound => StatusCode::NOT_FOUND,
            Self::UsernameTaken
            | Self::LanguageExists
            | Self::VersionConflict
            | Self::RevisionConflict
            | Self::DeliveryPending => StatusCode::CONFLICT,
            Self::InvalidCredentials | Self::Unauthenticated | Self::InvalidToken => {
                StatusCode::UNAUTHORIZED
            }
            Self::TooManyAttempts => StatusCode::TOO_MANY_REQUESTS,
            Self::Forbidden | Self::NotAssigned | Self::CsrfFailed => StatusCode::FORBIDDEN,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::SelfReview
            | Self::NotApproved
            | Self::InvalidTransition
            | Self::LacksRole
            | Self::ChecksFailed
            | Self::WebhookUrlForbidden => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The Fluent message id: `error-` and the code with dashes.
    pub fn message_id(self) -> String {
        format!("error-{}", self.as_str().replace('_', "-"))
    }
}

/// An error on its way to the client. The message is rendered late, by `localize`, once the
/// request's language is known; `details` carry machine-readable facts for clients.
#[derive(Debug)]
pub struct AppError {
    pub code: ErrorCode,
    pub args: Vec<(&'static str, Arg)>,
    pub details: Value,
    pub retry_after: Option<u64>,
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn new(code: ErrorCode) -> Self {
        Self {
            code,
            args: Vec::new(),
            details: json!({}),
            retry_after: None,
        }
    }

    /// Adds a message argument and the same fact to `details`.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg> + Into<Value> + Clone) -> Self {
        if let Value::Object(map) = &mut self.details {
            map.insert(name.to_owned(), value.clone().into());
        }
        self.args.push((name, value.into()));
        self
    }

    /// A refused field. `why` picks the sentence of the message in the reader's language (and is
    /// `details.why`); `reason` says it in English in `details` for developers.
    pub fn invalid_input(field: impl Into<String>, why: Why, reason: impl Into<String>) -> Self {
        let error = Self::new(ErrorCode::InvalidInput)
            .with("field", field.into())
            .with("reason", reason.into());
        match why {
            Why::Empty => error.with("why", "empty"),
            Why::TooLong { max } => error.with("why", "too_long").with("max", max),
            Why::TooShort { min } => error.with("why", "too_short").with("min", min),
            Why::Length { min, max } => error
                .with("why", "length")
                .with("min", min)
                .with("max", max),
            Why::Range { min, max } => error.with("why", "range").with("min", min).with("max", max),
            Why::OneOf(allowed) => error.with("why", "one_of").with("allowed", allowed),
            Why::Characters => error.with("why", "characters"),
            Why::BaseVersionRequired => error.with("why", "base_version_required"),
            Why::OwnAdmin => error.with("why", "own_admin"),
            Why::CommentRequired => error.with("why", "comment_required"),
            Why::NoRevision => error.with("why", "no_revision"),
            Why::TargetIsSource(lang) => error.with("why", "target_is_source").with("lang", lang),
            Why::LangRequired => error.with("why", "lang_required"),
            Why::LanguageMismatch { found, asked } => error
                .with("why", "language_mismatch")
                .with("found", found)
                .with("asked", asked),
            Why::Other => error.with("why", "other"),
        }
    }

    /// Adds a fact to `details` only.
    pub fn detail(mut self, name: &str, value: impl Into<Value>) -> Self {
        if let Value::Object(map) = &mut self.details {
            map.insert(name.to_owned(), value.into());
        }
        self
    }

    /// Logs an internal cause and hides it from the client.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(error = %cause, "internal error");
        Self::new(ErrorCode::Internal)
    }

    /// A 404 naming what was not found: one of `NOT_FOUND_RESOURCES`.
    pub fn not_found(resource: &'static str) -> Self {
        debug_assert!(
            NOT_FOUND_RESOURCES.contains(&resource),
            "no message names {resource}"
        );
        Self::new(ErrorCode::NotFound).with("resource", resource)
    }

    /// The JSON body in `locale`.
    pub fn body(&self, l10n: &L10n, locale: Locale) -> Value {
        let message = l10n.message(locale, &self.code.message_id(), &self.args);
        json!({"error": {"code": self.code.as_str(), "message": message, "details": self.details}})
    }
}

/// The error travels in the response's extensions until the localisation layer renders it.
#[derive(Clone)]
pub struct PendingError(pub std::sync::Arc<AppError>);

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut response = self.code.status().into_response();
        if let Some(seconds) = self.retry_after {
            if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
        }
        response
            .extensions_mut()
            .insert(PendingError(std::sync::Arc::new(self)));
        response
    }
}

impl From<InvalidLanguage> for AppError {
    fn from(err: InvalidLanguage) -> Self {
        let mut error = Self::new(ErrorCode::InvalidLanguage)
            .with("tag", err.tag.clone())
            .with("reason", err.reason());
        if let Some(subtag) = err.subtag() {
            error = error.with("subtag", subtag.to_owned());
        }
        error
    }
}

impl From<CredentialProblem> for AppError {
    fn from(problem: CredentialProblem) -> Self {
        let why = match problem {
            CredentialProblem::UsernameEmpty => Why::Empty,
            CredentialProblem::UsernameTooLong => Why::TooLong { max: 64 },
            CredentialProblem::UsernameCharacters => Why::Characters,
            CredentialProblem::PasswordTooShort => Why::TooShort { min: 8 },
            CredentialProblem::PasswordTooLong => Why::Other,
        };
        Self::invalid_input(problem.field(), why, problem.reason())
    }
}

impl From<StatementProblem> for AppError {
    fn from(problem: StatementProblem) -> Self {
        match problem {
            StatementProblem::EmptyText => Self::new(ErrorCode::EmptyText),
            StatementProblem::EmptyTitle => Self::invalid_input("title", Why::Empty, "empty"),
            StatementProblem::TitleTooLong { limit } => Self::invalid_input(
                "title",
                Why::TooLong { max: limit },
                format!("longer than {limit} characters"),
            ),
            StatementProblem::TooManySegments { count, limit } => {
                Self::new(ErrorCode::TooManySegments)
                    .with("count", count)
                    .with("limit", limit)
            }
            StatementProblem::SegmentTooLong { position, limit } => {
                Self::new(ErrorCode::SegmentTooLong)
                    .with("limit", limit)
                    .detail("position", position)
            }
            StatementProblem::TargetIsSource { lang } => Self::invalid_input(
                "target_langs",
                Why::TargetIsSource(lang.to_string()),
                format!("{lang} is the source language"),
            ),
            StatementProblem::NotText { kind } => {
                Self::new(ErrorCode::UnsupportedMedia).with("kind", kind.as_str())
            }
        }
    }
}

impl From<StoreError> for AppError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::Conflict("username") => Self::new(ErrorCode::UsernameTaken),
            StoreError::Conflict("language") => Self::new(ErrorCode::LanguageExists),
            StoreError::UnknownLanguage(tag) => {
                Self::new(ErrorCode::UnknownLanguage).with("tag", tag.to_string())
            }
            StoreError::Unavailable(cause) => {
                tracing::warn!(error = %cause, "database unavailable");
                Self::new(ErrorCode::Unavailable)
            }
            other => Self::internal(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_resource_not_found_has_its_own_sentence() {
        let l10n = L10n::new().expect("messages");
        for locale in Locale::ALL {
            let other = l10n.message(locale, "error-not-found", &[("resource", "thing".into())]);
            for resource in NOT_FOUND_RESOURCES {
                let text =
                    l10n.message(locale, "error-not-found", &[("resource", resource.into())]);
                assert_ne!(text, other, "{locale}: {resource}");
                if locale != Locale::En {
                    assert!(!text.contains(resource), "{locale}: {text}");
                }
            }
        }
    }
}
