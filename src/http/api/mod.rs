//! The JSON API under `/api/v1`, one module per resource.

mod align;
mod assignments;
mod audit;
pub(crate) mod checks;
pub(crate) mod contract;
mod events;
mod exports;
mod glossary;
mod languages;
mod me;
mod memory;
mod publications;
mod segment;
mod session;
mod statements;
mod tokens;
mod units;
mod users;
mod webhooks;

use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;

use crate::http::AppState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Tandem",
        description = "Translation management for multilingual statements: segmentation, translation, review and aligned publication."
    ),
    modifiers(&Security),
    // Named by a query parameter (`action`) only, so no route brings it in by itself.
    components(schemas(crate::domain::audit::AuditAction)),
    tags(
        (name = "session", description = "Signing in and API tokens"),
        (name = "users", description = "People and their roles"),
        (name = "languages", description = "Languages of the instance"),
        (name = "segmentation", description = "Paragraph and sentence splitting"),
        (name = "statements", description = "Statements and their segments"),
        (name = "translation", description = "Units: translating, reviewing, history and discussion"),
        (name = "publications", description = "Immutable published versions"),
        (name = "exchange", description = "Exports and imports for outside tools"),
        (name = "glossary", description = "Terms per language pair"),
        (name = "memory", description = "Translation memory"),
        (name = "webhooks", description = "Signed notifications of approvals and publications"),
        (name = "operations", description = "Health and readiness")
    )
)]
pub struct ApiDoc;

impl ApiDoc {
    pub fn openapi_base() -> utoipa::openapi::OpenApi {
        <Self as OpenApi>::openapi()
    }
}

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                crate::http::auth::SESSION_COOKIE,
                "Session cookie from POST /api/v1/session; writes also need the X-CSRF-Token header",
            ))),
        );
    }
}

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(session::router())
        .merge(tokens::router())
        .merge(me::router())
        .merge(users::router())
        .merge(languages::router())
        .merge(segment::router())
        .merge(statements::router())
        .merge(units::router())
        .merge(assignments::router())
        .merge(publications::router())
        .merge(exports::router())
        .merge(events::router())
        .merge(glossary::router())
        .merge(memory::router())
        .merge(checks::router())
        .merge(align::router())
        .merge(audit::router())
        .merge(webhooks::router())
}
