//! `tandem serve --demo`: a first statement and a small team, so a new user has something to try.

use crate::domain::language::LanguageTag;
use crate::domain::role::{LanguageRole, Roles};
use crate::domain::statement::Limits;
use crate::domain::user::User;
use crate::error::AppResult;
use crate::store::Store;

use super::assign::{assign, AssignRequest, Scope};
use super::credentials::new_secret;
use super::statements::{create_statement, NewStatementRequest};
use super::users::{create_user, UserInput};

/// The demo statement, written for Tandem: an NGO's open letter with numbers and dates.
const TITLE: &str = "Open letter on access to public information";
const LETTER: &str = "To the members of the National Assembly,

We, fourteen civil society organisations working in Yerevan, Gyumri and Vanadzor, write to you about the draft amendments to the Law on Freedom of Information, published for comment on 3 November 2026.

Under the draft, public bodies would have 30 working days, instead of 5, to answer a request for information. In 2025 our members sent 1,240 requests, and 71% of them were answered within the current deadline. A sixfold delay would make timely reporting on budgets, procurement and public health impossible.

The draft also allows a fee of up to AMD 5,000 per page for copies. For a local newspaper, or for a pensioner asking about their own benefits, this is a barrier, not a cost.

We ask you to keep the five-day deadline, to limit fees to the actual cost of copying, and to hold an open hearing with journalists and civil society before the second reading, scheduled for 15 December 2026.

We are ready to share our data and to take part in the hearing. Please reply to the coalition's secretariat by 1 December.

Respectfully,
the Coalition for Open Information";

/// Someone the demo created, with the password shown once.
pub struct DemoUser {
    pub username: String,
    pub password: String,
    pub what: &'static str,
}

/// Creates the demo team and statement on an empty database; `None` when there is data already,
/// so a demo never mixes into real work.
pub async fn seed(store: &dyn Store, limits: &Limits) -> AppResult<Option<(Vec<DemoUser>, i64)>> {
    if !store.list_users().await?.is_empty() || !store.list_statements().await?.is_empty() {
        return Ok(None);
    }
    let team: [(&str, &str, Roles, &'static str); 5] = [
        (
            "editor",
            "Mariam Editor",
            Roles {
                admin: true,
                ..roles(true, &[])
            },
            "editor and administrator: creates, assigns and publishes; manages people",
        ),
        (
            "anush",
            "Anush",
            roles(false, &[(LanguageRole::Translator, "hy")]),
            "translator into Armenian",
        ),
        (
            "hasmik",
            "Hasmik",
            roles(false, &[(LanguageRole::Reviewer, "hy")]),
            "reviewer of Armenian",
        ),
        (
            "dmitri",
            "Dmitri",
            roles(false, &[(LanguageRole::Translator, "ru")]),
            "translator into Russian",
        ),
        (
            "olga",
            "Olga",
            roles(false, &[(LanguageRole::Reviewer, "ru")]),
            "reviewer of Russian",
        ),
    ];
    let mut created: Vec<(User, DemoUser)> = Vec::new();
    for (username, display, roles, what) in team {
        // Long enough to be safe, short enough to type: 16 hex characters.
        let password = new_secret("").chars().take(16).collect::<String>();
        let user = create_user(
            store,
            UserInput {
                username: username.to_owned(),
                password: password.clone(),
                display_name: Some(display.to_owned()),
                roles,
            },
        )
        .await?;
        created.push((
            user,
            DemoUser {
                username: username.to_owned(),
                password,
                what,
            },
        ));
    }
    let editor = &created[0].0;
    let statement = create_statement(
        store,
        limits,
        editor,
        NewStatementRequest {
            title: TITLE.to_owned(),
            source_lang: "en".to_owned(),
            target_langs: vec!["hy".to_owned(), "ru".to_owned()],
            text: LETTER.to_owned(),
            format: Some("text".to_owned()),
        },
    )
    .await?;
    let id = statement.summary.id;
    for (lang, role, user) in [
        ("hy", LanguageRole::Translator, "anush"),
        ("hy", LanguageRole::Reviewer, "hasmik"),
        ("ru", LanguageRole::Translator, "dmitri"),
        ("ru", LanguageRole::Reviewer, "olga"),
    ] {
        assign(
            store,
            editor,
            id,
            AssignRequest {
                lang: lang.to_owned(),
                role,
                username: Some(user.to_owned()),
                scope: Scope::All,
                due_at: None,
            },
        )
        .await?;
    }
    Ok(Some((created.into_iter().map(|(_, d)| d).collect(), id)))
}

fn roles(editor: bool, grants: &[(LanguageRole, &str)]) -> Roles {
    let mut roles = Roles {
        editor,
        ..Roles::default()
    };
    for (role, lang) in grants {
        if let Ok(tag) = LanguageTag::parse(lang) {
            roles.grant(*role, tag);
        }
    }
    roles
}
