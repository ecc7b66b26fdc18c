//! `tandem serve --demo`: a first statement and a small team, so a new user has something to try.

use std::sync::Arc;

use crate::domain::glossary::TermStatus;
use crate::domain::language::LanguageTag;
use crate::domain::role::{LanguageRole, Roles};
use crate::domain::statement::Limits;
use crate::domain::user::User;
use crate::error::AppResult;
use crate::store::glossary::NewTerm;
use crate::store::memory::NewMemoryEntry;
use crate::store::Store;

use super::assign::{assign, AssignRequest, Scope};
use super::credentials::new_secret;
use super::memory::MemoryBook;
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
    seed_from(store, limits, None).await
}

/// `seed` as `tandem serve --demo` shows it: the memory knows some of the letter's paragraphs
/// word for word from earlier work, and those start as drafts.
pub async fn seed_with_drafts(
    store: &dyn Store,
    limits: &Limits,
    memory: &Arc<MemoryBook>,
) -> AppResult<Option<(Vec<DemoUser>, i64)>> {
    seed_from(store, limits, Some(memory)).await
}

async fn seed_from(
    store: &dyn Store,
    limits: &Limits,
    prefill: Option<&Arc<MemoryBook>>,
) -> AppResult<Option<(Vec<DemoUser>, i64)>> {
    if !store.list_users().await?.is_empty() || !store.list_statements().await?.is_empty() {
        return Ok(None);
    }
    let created = create_team(store).await?;
    let editor = &created[0].0;
    remember_earlier_work(store, editor).await?;
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
            // Every unit is assigned below, so the setting changes nothing here.
            open_to_translators: false,
        },
        prefill,
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

/// The demo's editor, translators and reviewers, with the passwords made for them.
async fn create_team(store: &dyn Store) -> AppResult<Vec<(User, DemoUser)>> {
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
            None,
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
    Ok(created)
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

/// Translations of an earlier letter (some paragraphs return word for word or nearly) and a
/// small glossary, so the editor shows memory matches and terms from the first minute.
const EARLIER: [(&str, &str, &str); 3] = [
    (
        "To the members of the National Assembly,",
        "Ազգային ժողովի պատգամավորներին,",
        "Депутатам Национального собрания,",
    ),
    (
        "We are ready to share our data and to take part in the hearing. Please reply to the coalition's secretariat by 20 October.",
        "Պատրաստ ենք կիսվել մեր տվյալներով և մասնակցել լսումներին։ Խնդրում ենք պատասխանել կոալիցիայի քարտուղարությանը մինչև հոկտեմբերի 20-ը։",
        "Мы готовы поделиться своими данными и принять участие в слушаниях. Просим ответить секретариату коалиции до 20 октября.",
    ),
    (
        "Respectfully,\nthe Coalition for Open Information",
        "Հարգանքով՝\nԲաց տեղեկատվության կոալիցիա",
        "С уважением,\nКоалиция за открытую информацию",
    ),
];

const TERMS: [(&str, &str, &str, TermStatus); 7] = [
    (
        "hy",
        "National Assembly",
        "Ազգային ժողով",
        TermStatus::Preferred,
    ),
    (
        "hy",
        "civil society",
        "քաղաքացիական հասարակություն",
        TermStatus::Preferred,
    ),
    (
        "hy",
        "Law on Freedom of Information",
        "Տեղեկատվության ազատության մասին օրենք",
        TermStatus::Preferred,
    ),
    ("hy", "AMD", "AMD", TermStatus::DoNotTranslate),
    (
        "ru",
        "National Assembly",
        "Национальное собрание",
        TermStatus::Preferred,
    ),
    (
        "ru",
        "civil society",
        "гражданское общество",
        TermStatus::Preferred,
    ),
    ("ru", "hearing", "слушание", TermStatus::Preferred),
];

async fn remember_earlier_work(store: &dyn Store, editor: &User) -> AppResult<()> {
    let now = chrono::Utc::now();
    let mut pairs = Vec::new();
    for (i, (en, hy, ru)) in EARLIER.iter().enumerate() {
        for (lang, text, by) in [("hy", hy, "Hasmik"), ("ru", ru, "Olga")] {
            pairs.push(NewMemoryEntry {
                src_lang: "en".into(),
                tgt_lang: lang.into(),
                granularity: "paragraph",
                source: (*en).to_owned(),
                target: (*text).to_owned(),
                prev_source: i.checked_sub(1).map(|p| EARLIER[p].0.to_owned()),
                next_source: EARLIER.get(i + 1).map(|n| n.0.to_owned()),
                origin: "approved",
                statement_id: None,
                statement_title: Some("Open letter on the media law (2025)".into()),
                approved_by: Some(by.into()),
                created_at: now,
            });
        }
    }
    store.add_memory(&pairs).await?;
    let terms: Vec<NewTerm> = TERMS
        .iter()
        .map(|(lang, term, translation, status)| NewTerm {
            src_lang: "en".into(),
            tgt_lang: (*lang).into(),
            term: (*term).into(),
            translation: (*translation).into(),
            status: *status,
            note: String::new(),
            created_by: Some(editor.id),
            created_at: now,
        })
        .collect();
    store.add_terms(&terms).await?;
    Ok(())
}
