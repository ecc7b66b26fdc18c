//! What every operation of the OpenAPI document shares: the error body, the errors common to all, and the language-tag schema.

use std::borrow::Cow;

use serde::Serialize;
use utoipa::openapi::path::{HttpMethod, Operation, ParameterIn};
use utoipa::openapi::request_body::RequestBody;
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::security::SecurityRequirement;
use utoipa::openapi::{Content, OpenApi, Ref, RefOr};
use utoipa::{Modify, PartialSchema, ToSchema};

/// The shape of a well-formed BCP 47 tag (RFC 5646) as `LanguageTag::parse` reads it: a
/// language of two or three letters (with at most one extended language) or of five to eight,
/// then optionally a script, a region, variants, extensions and a private-use part, separated
/// by `-` or `_`. The shape is not all: every subtag must also be in the IANA Language Subtag
/// Registry (`zz`, `hye` and `en-UK` match but are refused, 400 `invalid_language`), and `und`
/// matches but is refused too: a target must be a real language. The registry's grandfathered
/// tags (`i-klingon`) are read as their preferred values though the pattern leaves them out.
pub const LANGUAGE_TAG_PATTERN: &str = "^([A-Za-z]{2,3}([-_][A-Za-z]{3})?|[A-Za-z]{5,8})([-_][A-Za-z]{4})?([-_]([A-Za-z]{2}|[0-9]{3}))?([-_]([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*([-_][0-9A-WYZa-wyz]([-_][A-Za-z0-9]{2,8})+)*([-_][Xx]([-_][A-Za-z0-9]{1,8})+)?$";

/// A language tag in a request, documented with its pattern so clients (and generated tests)
/// know the shape before the server refuses it.
pub struct LanguageTagText;

impl PartialSchema for LanguageTagText {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some(LANGUAGE_TAG_PATTERN))
            .description(Some(
                "A BCP 47 language tag such as `hy`, `en-US`, `sr-Latn` or `hyw`, every subtag of it in the IANA Language Subtag Registry; stored in canonical form.",
            ))
            .examples(["hy"])
            .into()
    }
}

impl ToSchema for LanguageTagText {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("LanguageTag")
    }
}

/// Every error answer: `{"error": {"code", "message", "details"}}` (see `AppError::body`).
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    /// A stable code such as `version_conflict`; clients key on it.
    pub code: String,
    /// The message in the negotiated interface language (hy, en or ru).
    pub message: String,
    /// Machine-readable facts about the error; which ones depends on the code.
    #[schema(value_type = Object)]
    pub details: serde_json::Value,
}

/// Adds to every operation the errors that its extractors and the shared layers can answer,
/// so the document lists each status the service really returns, each with the error body.
pub struct CommonResponses;

/// Operations that never touch the database, so they cannot answer 503.
const WITHOUT_DATABASE: [&str; 2] = ["healthz", "segment_text"];

impl Modify for CommonResponses {
    fn modify(&self, openapi: &mut OpenApi) {
        openapi
            .components
            .get_or_insert_with(Default::default)
            .schemas
            .insert("ErrorBody".to_owned(), ErrorBody::schema());
        let mut schemas = Vec::new();
        ErrorBody::schemas(&mut schemas);
        for (name, schema) in schemas {
            if let Some(components) = openapi.components.as_mut() {
                components.schemas.insert(name, schema);
            }
        }
        for (path, item) in openapi.paths.paths.iter_mut() {
            let has_path_params = path.contains('{');
            for (method, operation) in [
                (HttpMethod::Get, &mut item.get),
                (HttpMethod::Put, &mut item.put),
                (HttpMethod::Post, &mut item.post),
                (HttpMethod::Delete, &mut item.delete),
                (HttpMethod::Patch, &mut item.patch),
            ] {
                if let Some(operation) = operation.as_mut() {
                    complete(operation, method, has_path_params);
                }
            }
        }
    }
}

fn complete(operation: &mut Operation, method: HttpMethod, has_path_params: bool) {
    let signed_in = operation.security.as_ref().is_some_and(|s| !s.is_empty());
    if signed_in {
        bearer_first(operation);
        add(operation, "401", "unauthenticated or invalid_token");
        if !matches!(method, HttpMethod::Get) {
            add(
                operation,
                "403",
                "csrf_failed: a write with the session cookie lacks the X-CSRF-Token header",
            );
        }
    }
    match body_kind(operation.request_body.as_ref()) {
        Some(BodyKind::Json) => {
            add(operation, "400", "invalid_json or invalid_utf8");
            add(operation, "413", "payload_too_large");
            add(
                operation,
                "415",
                "unsupported_media_type: send application/json; unsupported_media: a document \
                 or other binary data sent where text belongs",
            );
        }
        Some(BodyKind::File) => add(operation, "413", "payload_too_large"),
        None => {}
    }
    let parameters = operation.parameters.as_deref().unwrap_or_default();
    let language_ref = format!("#/components/schemas/{}", LanguageTagText::name());
    let takes_language = parameters
        .iter()
        .any(|p| matches!(&p.schema, Some(RefOr::Ref(r)) if r.ref_location == language_ref));
    let takes_query = parameters
        .iter()
        .any(|p| matches!(p.parameter_in, ParameterIn::Query));
    if takes_language {
        add(operation, "400", "invalid_language");
    }
    if takes_query {
        add(
            operation,
            "400",
            "invalid_input: a query parameter is missing or malformed",
        );
    }
    if has_path_params {
        add(
            operation,
            "404",
            "not_found or statement_not_found: no such resource",
        );
    }
    let operation_id = operation.operation_id.as_deref().unwrap_or("");
    if !WITHOUT_DATABASE.contains(&operation_id) {
        add(
            operation,
            "503",
            "unavailable: the database cannot be reached",
        );
    }
    let error_statuses: Vec<String> = operation
        .responses
        .responses
        .keys()
        .filter(|status| status.starts_with('4') || status.starts_with('5'))
        .cloned()
        .collect();
    for status in error_statuses {
        if let Some(RefOr::T(response)) = operation.responses.responses.get_mut(&status) {
            error_body(response);
        }
    }
}

enum BodyKind {
    Json,
    File,
}

fn body_kind(body: Option<&RequestBody>) -> Option<BodyKind> {
    let body = body?;
    if body.content.contains_key("application/json") {
        Some(BodyKind::Json)
    } else {
        Some(BodyKind::File)
    }
}

/// Adds `status` with `codes`, or names the codes in the description already there.
fn add(operation: &mut Operation, status: &str, codes: &str) {
    match operation.responses.responses.get_mut(status) {
        Some(RefOr::T(response)) => {
            if !response.description.contains(codes) {
                response.description = if response.description.is_empty() {
                    codes.to_owned()
                } else {
                    format!("{}; {codes}", response.description)
                };
            }
        }
        Some(RefOr::Ref(_)) => {}
        None => {
            operation.responses.responses.insert(
                status.to_owned(),
                RefOr::T(ResponseBuilder::new().description(codes).build()),
            );
        }
    }
}

/// Every 4xx and 5xx answer is an `AppError` rendered by the localisation layer.
fn error_body(response: &mut Response) {
    if response.content.is_empty() {
        response.content.insert(
            "application/json".to_owned(),
            Content::new(Some(Ref::from_schema_name("ErrorBody"))),
        );
    }
}

/// Scripts and outside tools use bearer tokens, so that alternative comes first; a request that
/// carries both is judged by its token (see `CurrentUser`).
fn bearer_first(operation: &mut Operation) {
    let Some(security) = operation.security.as_mut() else {
        return;
    };
    let names: Vec<String> = security
        .iter()
        .filter_map(|requirement| serde_json::to_value(requirement).ok())
        .filter_map(|value| value.as_object().and_then(|m| m.keys().next().cloned()))
        .collect();
    let mut ordered: Vec<&str> = Vec::new();
    if names.iter().any(|n| n == "bearer") {
        ordered.push("bearer");
    }
    ordered.extend(names.iter().map(String::as_str).filter(|n| *n != "bearer"));
    *security = ordered
        .into_iter()
        .map(|name| SecurityRequirement::new(name, Vec::<String>::new()))
        .collect();
}
