//! The signed-in person behind a desk page: session, page chrome and navigation, read once.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::HeaderMap;
use axum::response::Redirect;
use axum_extra::extract::CookieJar;

use crate::domain::policy::{may, Actor, Permission, Target};
use crate::domain::role::LanguageRole;
use crate::domain::user::User;
use crate::http::auth::SESSION_COOKIE;
use crate::http::chrome::Chrome;
use crate::http::localize::query_choice;
use crate::http::AppState;
use crate::i18n::Locale;
use crate::store::{SessionUser, UserUpdate};
use crate::workflow::sessions;

/// Who is looking at a desk page, as the layout needs it: the navigation and the CSRF token.
#[derive(Default)]
pub struct Desk {
    pub csrf: Option<String>,
    pub user_name: Option<String>,
    pub is_editor: bool,
    pub is_admin: bool,
    pub is_reviewer: bool,
}

impl Desk {
    fn of(signed_in: &SessionUser) -> Self {
        let actor = Some(Actor::of(&signed_in.user));
        Self {
            csrf: Some(signed_in.csrf_token.clone()),
            user_name: Some(signed_in.user.display_name.clone()),
            // The links to the pages they may open.
            is_editor: may(actor, Permission::ManageStatements, Target::Instance),
            is_admin: may(actor, Permission::ListUsers, Target::Instance),
            // The review queue is open to all; its link is shown to those who review somewhere.
            is_reviewer: signed_in
                .user
                .roles
                .languages
                .iter()
                .any(|g| g.role == LanguageRole::Reviewer),
        }
    }
}

/// A signed-in person on a desk page, with the page's chrome in their language and the desk's
/// navigation. Without a session the page answers with a redirect to the sign-in page.
pub struct DeskUser {
    pub user: User,
    pub chrome: Chrome,
    pub desk: Desk,
}

impl DeskUser {
    pub fn may(&self, permission: Permission, target: Target<'_>) -> bool {
        may(Some(Actor::of(&self.user)), permission, target)
    }
}

impl FromRequestParts<AppState> for DeskUser {
    type Rejection = Redirect;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Redirect> {
        let jar = CookieJar::from_headers(&parts.headers);
        let Some(mut signed_in) = session(state, &jar).await else {
            return Err(Redirect::to("/app/sign-in"));
        };
        // A language chosen with `?ui=` follows the person to their other browsers too.
        let chosen = query_choice(parts.uri.query())
            .as_deref()
            .and_then(Locale::from_tag);
        if let Some(locale) = chosen {
            if signed_in.user.ui_lang.as_deref() != Some(locale.as_str()) {
                save_ui_lang(state, signed_in.user.id, locale).await;
                signed_in.user.ui_lang = Some(locale.as_str().to_owned());
            }
        }
        let chrome = chrome_for(state, &parts.headers, parts.uri.query(), &signed_in.user);
        let desk = Desk::of(&signed_in);
        Ok(Self {
            user: signed_in.user,
            chrome,
            desk,
        })
    }
}

/// The page chrome for a signed-in person: their saved interface language counts after an
/// explicit choice in this browser (`?ui=`, the cookie) and before `Accept-Language`.
fn chrome_for(state: &AppState, headers: &HeaderMap, query: Option<&str>, user: &User) -> Chrome {
    let saved = user.ui_lang.as_deref().and_then(Locale::from_tag);
    Chrome::for_page(state, headers, query, saved)
}

/// Saves a person's interface language; a failure is only logged, since the cookie still
/// carries the choice in this browser.
pub(super) async fn save_ui_lang(state: &AppState, user_id: i64, locale: Locale) {
    let update = UserUpdate {
        ui_lang: Some(Some(locale.as_str().to_owned())),
        ..UserUpdate::default()
    };
    if let Err(e) = state.store.update_user(user_id, &update).await {
        tracing::warn!(error = %e, "cannot save the interface language");
    }
}

/// The signed-in person behind the session cookie, if any.
pub(super) async fn session(state: &AppState, jar: &CookieJar) -> Option<SessionUser> {
    let token = jar.get(SESSION_COOKIE)?.value().to_owned();
    match sessions::session_user(state.store.as_ref(), &token).await {
        Ok(found) => found,
        Err(e) => {
            tracing::warn!(code = e.code.as_str(), "session lookup failed");
            None
        }
    }
}
