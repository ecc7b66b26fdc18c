//! A small W3C WebDriver client over HTTP, enough to drive Debian's chromium through chromedriver.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use super::wait::until;
use base64::Engine;
use serde_json::{json, Value};

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// WebDriver's code points for the keys the tests press.
pub const KEY_CONTROL: &str = "\u{E009}";
pub const KEY_SHIFT: &str = "\u{E008}";
pub const KEY_INSERT: &str = "\u{E016}";
pub const KEY_ENTER: &str = "\u{E007}";
pub const KEY_TAB: &str = "\u{E004}";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Skips the running test when no browser is installed (a failure under CI).
pub fn require() {
    if !(Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists()) {
        super::harness::skip(
            "chromium or chromedriver is missing (Debian: chromium, chromium-driver)",
        );
    }
}

pub struct Browser {
    /// Killed when the browser is dropped too, so a failing test leaves no chromedriver behind
    /// (one outliving its test keeps every file descriptor it inherited, locks included).
    driver: Child,
    base: String,
    session: String,
    http: reqwest::Client,
    _profile: tempfile::TempDir,
}

impl Browser {
    /// Starts chromedriver on a free port and a headless chromium behind it, with `accept_language`.
    pub async fn start(accept_language: &str) -> Browser {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let base = format!("http://127.0.0.1:{port}");
        let http = reqwest::Client::new();
        until("chromedriver to answer", async || {
            http.get(format!("{base}/status")).send().await.map(|_| ())
        })
        .await;
        let profile = tempfile::tempdir().expect("profile dir");
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1280,900",
            &format!("--user-data-dir={}", profile.path().display()),
            &format!("--lang={accept_language}"),
        ];
        let caps = json!({"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": CHROMIUM, "args": args, "prefs": {"intl.accept_languages": accept_language}}}}});
        let resp: Value = http
            .post(format!("{base}/session"))
            .json(&caps)
            .send()
            .await
            .expect("new session")
            .json()
            .await
            .expect("json");
        let session = resp["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {resp}"))
            .to_owned();
        Browser {
            driver,
            base,
            session,
            http,
            _profile: profile,
        }
    }

    async fn call(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}/session/{}{path}", self.base, self.session);
        let mut req = self.http.request(method, url);
        if let Some(body) = body {
            req = req.json(&body);
        }
        let value: Value = req
            .send()
            .await
            .expect("webdriver")
            .json()
            .await
            .expect("json");
        if value["value"].get("error").is_some() {
            panic!("webdriver {path}: {value}");
        }
        value["value"].clone()
    }

    pub async fn goto(&self, url: &str) {
        self.call(reqwest::Method::POST, "/url", Some(json!({"url": url})))
            .await;
    }

    pub async fn url(&self) -> String {
        self.call(reqwest::Method::GET, "/url", None)
            .await
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    pub async fn source(&self) -> String {
        self.call(reqwest::Method::GET, "/source", None)
            .await
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    async fn find(&self, css: &str) -> String {
        let found = self
            .call(
                reqwest::Method::POST,
                "/element",
                Some(json!({"using": "css selector", "value": css})),
            )
            .await;
        found[ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("no element {css}"))
            .to_owned()
    }

    pub async fn type_into(&self, css: &str, text: &str) {
        let id = self.find(css).await;
        self.call(
            reqwest::Method::POST,
            &format!("/element/{id}/value"),
            Some(json!({"text": text})),
        )
        .await;
    }

    pub async fn click(&self, css: &str) {
        let id = self.find(css).await;
        self.call(
            reqwest::Method::POST,
            &format!("/element/{id}/click"),
            Some(json!({})),
        )
        .await;
    }

    /// Waits until the page's address ends with `suffix`.
    pub async fn wait_for_url(&self, suffix: &str) {
        until(format!("an address ending in {suffix}"), async || {
            let url = self.url().await;
            if url.ends_with(suffix) {
                Ok(())
            } else {
                Err(url)
            }
        })
        .await
    }

    /// Waits until the page's current HTML satisfies `check`.
    pub async fn wait_until(&self, check: impl Fn(&str) -> bool) {
        until("the page to show what the test expects", async || {
            let html = self.source().await;
            if check(&html) {
                Ok(())
            } else {
                Err(format!("the page is:\n{html}"))
            }
        })
        .await
    }

    /// Signs in on the desk at `base` and waits for the work queue.
    pub async fn sign_in(&self, base: &str, name: &str, password: &str) {
        self.goto(&format!("{base}/app/sign-in")).await;
        self.type_into("#username", name).await;
        self.type_into("#password", password).await;
        self.click("button[type=submit]").await;
        self.wait_for_url("/app").await;
    }

    /// Runs `script` in the page (a function body; `arguments` holds `args`) and returns its value.
    pub async fn execute(&self, script: &str, args: Value) -> Value {
        self.call(
            reqwest::Method::POST,
            "/execute/sync",
            Some(json!({"script": script, "args": args})),
        )
        .await
    }

    /// Runs `script` as an async WebDriver script: it ends by calling the last of its `arguments`
    /// with the value to return. A script that never calls it fails after WebDriver's script
    /// timeout (30 s), which is how a request that never answers is caught.
    pub async fn execute_async(&self, script: &str, args: Value) -> Value {
        self.call(
            reqwest::Method::POST,
            "/execute/async",
            Some(json!({"script": script, "args": args})),
        )
        .await
    }

    /// Goes back one page in this tab's history, as the browser's Back button does.
    pub async fn back(&self) {
        self.call(reqwest::Method::POST, "/back", Some(json!({})))
            .await;
    }

    /// Presses `keys` together and lets them go in reverse order, as a person holds Ctrl and
    /// presses Z (WebDriver names special keys by code points: `KEY_CONTROL` and so on).
    pub async fn chord(&self, keys: &[&str]) {
        let mut actions: Vec<Value> = keys
            .iter()
            .map(|k| json!({"type": "keyDown", "value": k}))
            .collect();
        actions.extend(
            keys.iter()
                .rev()
                .map(|k| json!({"type": "keyUp", "value": k})),
        );
        self.call(
            reqwest::Method::POST,
            "/actions",
            Some(json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]})),
        )
        .await;
        self.call(reqwest::Method::DELETE, "/actions", None).await;
    }

    /// What has the keyboard focus, described by its id or tag.
    pub async fn focused(&self) -> String {
        self.execute(
            "const e = document.activeElement; return e.id ? `#${e.id}` : e.tagName.toLowerCase();",
            json!([]),
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
    }

    /// Opens a new tab and makes it the one the next commands drive.
    pub async fn new_tab(&self) {
        let made = self
            .call(
                reqwest::Method::POST,
                "/window/new",
                Some(json!({"type": "tab"})),
            )
            .await;
        let handle = made["handle"].as_str().expect("a window handle").to_owned();
        self.call(
            reqwest::Method::POST,
            "/window",
            Some(json!({"handle": handle})),
        )
        .await;
    }

    /// The current value of a form field (the page source only shows its initial value).
    pub async fn value(&self, css: &str) -> String {
        self.execute(
            "return document.querySelector(arguments[0])?.value ?? null;",
            json!([css]),
        )
        .await
        .as_str()
        .unwrap_or_else(|| panic!("no field {css}"))
        .to_owned()
    }

    /// Waits until the JavaScript expression `condition` is true in the page.
    pub async fn wait_for(&self, condition: &str) {
        let script = format!("return Boolean({condition});");
        until(condition, async || {
            if self.execute(&script, json!([])).await == Value::Bool(true) {
                Ok(())
            } else {
                Err(format!("the page is:\n{}", self.source().await))
            }
        })
        .await
    }

    /// Replaces the value of a field as typing would (clears it, then types `text`).
    pub async fn fill(&self, css: &str, text: &str) {
        let id = self.find(css).await;
        self.call(
            reqwest::Method::POST,
            &format!("/element/{id}/clear"),
            Some(json!({})),
        )
        .await;
        self.type_into(css, text).await;
    }

    /// Picks the option with `value` in a select element, as a person would.
    pub async fn select(&self, css: &str, value: &str) {
        self.click(&format!("{css} option[value='{value}']")).await;
    }

    /// Resizes the window, e.g. to check a phone-sized layout.
    pub async fn resize(&self, width: u32, height: u32) {
        self.call(
            reqwest::Method::POST,
            "/window/rect",
            Some(json!({"width": width, "height": height})),
        )
        .await;
    }

    /// Saves a screenshot under `target/screenshots/` for people to look at.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let data = self.call(reqwest::Method::GET, "/screenshot", None).await;
        let png = base64::engine::general_purpose::STANDARD
            .decode(data.as_str().unwrap_or_default())
            .expect("base64 png");
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
        std::fs::create_dir_all(&dir).expect("screenshot dir");
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).expect("write screenshot");
        path
    }

    pub async fn quit(mut self) {
        let _ = self
            .http
            .delete(format!("{}/session/{}", self.base, self.session))
            .send()
            .await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if matches!(self.driver.try_wait(), Ok(None)) {
            let _ = self.driver.kill();
            let _ = self.driver.wait();
        }
    }
}
