//! The contract with clients: error codes have messages everywhere, and OpenAPI lists every route.

use crate::common;
use crate::harness::Tests;

use serde_json::Value;
use tandem::error::ErrorCode;
use tandem::i18n::{L10n, Locale};

fn every_error_code_has_a_message_in_every_locale() {
    let l10n = L10n::new().expect("locales parse");
    for locale in Locale::ALL {
        for code in ErrorCode::ALL {
            assert!(
                l10n.has_message(locale, &code.message_id()),
                "{} has no message in {}",
                code.as_str(),
                locale.as_str()
            );
        }
    }
    let codes: std::collections::HashSet<&str> =
        ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(codes.len(), ErrorCode::ALL.len(), "codes are unique");
}

fn every_message_id_exists_in_all_three_locales() {
    let l10n = L10n::new().expect("locales parse");
    let mut reference = l10n.message_ids(Locale::En);
    reference.sort();
    for locale in [Locale::Hy, Locale::Ru] {
        let mut ids = l10n.message_ids(locale);
        ids.sort();
        assert_eq!(ids, reference, "{}", locale.as_str());
    }
}

async fn openapi_documents_every_route() {
    let app = common::TestApp::spawn(common::Db::Sqlite).await;
    let doc: Value = reqwest::get(app.url("/api/openapi.json"))
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert!(doc["openapi"]
        .as_str()
        .unwrap_or_default()
        .starts_with("3."));
    let paths = doc["paths"].as_object().expect("paths");
    let expected = [
        ("/api/v1/session", "post"),
        ("/api/v1/session", "delete"),
        ("/api/v1/tokens", "post"),
        ("/api/v1/me", "get"),
        ("/api/v1/users", "get"),
        ("/api/v1/users", "post"),
        ("/api/v1/languages", "get"),
        ("/api/v1/languages", "post"),
        ("/api/v1/segment", "post"),
        ("/api/v1/statements", "get"),
        ("/api/v1/statements", "post"),
        ("/api/v1/statements/{id}", "get"),
        ("/api/v1/statements/{id}", "patch"),
        ("/api/v1/statements/{id}/source", "put"),
        ("/api/v1/statements/{id}/assignments", "put"),
        ("/api/v1/statements/{id}/translations/{lang}", "get"),
        (
            "/api/v1/statements/{id}/segments/{seg}/translations/{lang}",
            "get",
        ),
        (
            "/api/v1/statements/{id}/segments/{seg}/translations/{lang}",
            "put",
        ),
        (
            "/api/v1/statements/{id}/segments/{seg}/translations/{lang}/submit",
            "post",
        ),
        (
            "/api/v1/statements/{id}/segments/{seg}/translations/{lang}/approve",
            "post",
        ),
        (
            "/api/v1/statements/{id}/segments/{seg}/translations/{lang}/reject",
            "post",
        ),
        (
            "/api/v1/statements/{id}/segments/{seg}/translations/{lang}/revert",
            "post",
        ),
        (
            "/api/v1/statements/{id}/segments/{seg}/translations/{lang}/history",
            "get",
        ),
        (
            "/api/v1/statements/{id}/segments/{seg}/translations/{lang}/comments",
            "get",
        ),
        (
            "/api/v1/statements/{id}/segments/{seg}/translations/{lang}/comments",
            "post",
        ),
        ("/api/v1/statements/{id}/publications", "get"),
        ("/api/v1/statements/{id}/publications", "post"),
        ("/api/v1/publications/{slug}/{version}", "get"),
        ("/api/v1/statements/{id}/export", "get"),
        ("/api/v1/statements/{id}/import", "post"),
        ("/api/v1/statements/{id}/events", "get"),
        ("/api/v1/statements/{id}/presence", "post"),
        ("/api/v1/statements/{id}/source/preview", "post"),
        ("/api/v1/users/{id}", "patch"),
        ("/api/v1/me", "patch"),
        ("/api/v1/glossary", "get"),
        ("/api/v1/glossary", "post"),
        ("/api/v1/glossary/{id}", "delete"),
        ("/api/v1/glossary/import", "post"),
        ("/api/v1/glossary/export", "get"),
        ("/api/v1/memory/match", "get"),
        ("/api/v1/memory/search", "get"),
        ("/api/v1/memory/{id}", "put"),
        ("/api/v1/users/invitations", "post"),
        ("/api/v1/webhooks/{id}/deliveries/{delivery}/retry", "post"),
        ("/api/v1/webhooks/{id}/secret", "post"),
        ("/api/v1/users/{id}/disable", "post"),
        ("/api/v1/users/{id}/enable", "post"),
        ("/api/v1/memory/{id}", "delete"),
        ("/api/v1/memory/import", "post"),
        ("/api/v1/memory/export", "get"),
        (
            "/api/v1/statements/{id}/segments/{seg}/translations/{lang}/suggestions",
            "get",
        ),
        (
            "/api/v1/statements/{id}/segments/{seg}/translations/{lang}/checks",
            "get",
        ),
        ("/api/v1/statements/{id}/checks", "get"),
        ("/api/v1/align", "post"),
        ("/api/v1/align/memory", "post"),
        ("/api/v1/align/statement", "post"),
        ("/api/v1/tokens", "get"),
        ("/api/v1/tokens/{id}", "delete"),
        ("/api/v1/audit", "get"),
        ("/api/v1/webhooks", "get"),
        ("/api/v1/webhooks", "post"),
        ("/api/v1/webhooks/{id}", "delete"),
        ("/api/v1/webhooks/{id}/deliveries", "get"),
        ("/healthz", "get"),
        ("/readyz", "get"),
    ];
    for (path, method) in expected {
        assert!(
            paths.get(path).and_then(|p| p.get(method)).is_some(),
            "{method} {path} missing"
        );
    }
    let documented: usize = paths
        .values()
        .map(|p| p.as_object().map_or(0, |m| m.len()))
        .sum();
    assert_eq!(
        documented,
        expected.len(),
        "an undocumented or unexpected operation: {:?}",
        paths.keys()
    );
    // Each documented route answers something other than the router's 404.
    for (path, method) in expected {
        let url = app.url(
            &path
                .replace("{id}", "1")
                .replace("{seg}", "1")
                .replace("{lang}", "hy")
                .replace("{slug}", "x")
                .replace("{version}", "1"),
        );
        let resp = reqwest::Client::new()
            .request(method.to_uppercase().parse().expect("method"), url)
            .send()
            .await
            .expect("request");
        let body: Value = resp.json().await.unwrap_or(Value::Null);
        assert_ne!(
            body["error"]["details"]["resource"], "route",
            "{method} {path} is not routed"
        );
    }
}

async fn health_and_readiness() {
    let app = common::TestApp::spawn(common::Db::Sqlite).await;
    let health: Value = reqwest::get(app.url("/healthz"))
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert_eq!(health["status"], "ok");
    let ready: Value = reqwest::get(app.url("/readyz"))
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert_eq!(ready["database"], "sqlite");
}

/// Every message a template asks for exists in all three locales, so no page shows a raw id.
fn templates_use_only_existing_message_ids() {
    let l10n = L10n::new().expect("locales parse");
    let mut stack = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/web/templates"
    ))];
    let mut seen = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("templates dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("template");
            for call in ["t(\"", "t_with(\"", "t_num(\""] {
                for (i, _) in text.match_indices(call) {
                    let rest = &text[i + call.len()..];
                    let id = &rest[..rest.find('"').expect("closing quote")];
                    for locale in Locale::ALL {
                        assert!(
                            l10n.has_message(locale, id),
                            "{}: {id} missing in {}",
                            path.display(),
                            locale.as_str()
                        );
                    }
                    seen += 1;
                }
            }
        }
    }
    assert!(
        seen > 20,
        "the check found the templates' messages ({seen})"
    );
}

/// Every parameter the document places in the path is one of the path's own `{names}`: a query
/// parameter documented as a path one makes every generated client build wrong URLs.
async fn path_parameters_are_in_their_paths() {
    let app = common::TestApp::spawn(common::Db::Sqlite).await;
    let doc: Value = reqwest::get(app.url("/api/openapi.json"))
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().expect("item") {
            let parameters = operation["parameters"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            for parameter in parameters {
                let name = parameter["name"].as_str().unwrap_or_default();
                if parameter["in"] == "path" {
                    assert!(
                        path.contains(&format!("{{{name}}}")),
                        "{method} {path}: `{name}` is documented in the path"
                    );
                }
            }
            for status in operation["responses"]
                .as_object()
                .expect("responses")
                .keys()
            {
                if status.starts_with('4') || status.starts_with('5') {
                    assert_eq!(
                        operation["responses"][status]["content"]["application/json"]["schema"]
                            ["$ref"],
                        "#/components/schemas/ErrorBody",
                        "{method} {path} {status} carries the error body"
                    );
                }
            }
        }
    }
}

/// Every `$ref` in the document points at something in it: a dangling one breaks every generated
/// client and lets a contract test skip what it cannot resolve.
async fn every_reference_resolves() {
    let app = common::TestApp::spawn(common::Db::Sqlite).await;
    let doc: Value = reqwest::get(app.url("/api/openapi.json"))
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    let mut refs = Vec::new();
    collect_refs(&doc, "", &mut refs);
    assert!(refs.len() > 50, "the walk finds the document's references");
    let dangling: Vec<String> = refs
        .iter()
        .filter(|(_, target)| {
            // A local JSON pointer, with `~1` for `/` and `~0` for `~` (RFC 6901).
            let pointer = target.strip_prefix('#').unwrap_or("\u{0}");
            let unescaped = pointer.replace("~1", "\u{1}").replace("~0", "~");
            let parts: Vec<String> = unescaped
                .split('/')
                .map(|p| p.replace('\u{1}', "/"))
                .collect();
            let mut at = Some(&doc);
            for part in parts.iter().skip(1) {
                at = at.and_then(|v| v.get(part.as_str()));
            }
            !pointer.starts_with('/') || at.is_none()
        })
        .map(|(at, target)| format!("{at} -> {target}"))
        .collect();
    assert!(dangling.is_empty(), "dangling references: {dangling:#?}");
}

fn collect_refs(value: &Value, at: &str, refs: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("$ref", Value::String(target)) => refs.push((at.to_owned(), target.clone())),
                    _ => collect_refs(v, &format!("{at}/{key}"), refs),
                }
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                collect_refs(v, &format!("{at}/{i}"), refs);
            }
        }
        _ => {}
    }
}

pub fn tests() -> Tests {
    Tests::new()
        .sync(
            "every_error_code_has_a_message_in_every_locale",
            every_error_code_has_a_message_in_every_locale,
        )
        .sync(
            "every_message_id_exists_in_all_three_locales",
            every_message_id_exists_in_all_three_locales,
        )
        .run(
            "openapi_documents_every_route",
            openapi_documents_every_route,
        )
        .run("health_and_readiness", health_and_readiness)
        .sync(
            "templates_use_only_existing_message_ids",
            templates_use_only_existing_message_ids,
        )
        .run("every_reference_resolves", every_reference_resolves)
        .run(
            "path_parameters_are_in_their_paths",
            path_parameters_are_in_their_paths,
        )
}
