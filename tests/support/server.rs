//! The real `tandem` binary as a child process: start, SIGKILL, SIGTERM, users and API tokens.

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::{json, Value};

/// A debug build on a loaded two-core machine can take a few seconds to open and migrate.
pub const START_TIMEOUT: Duration = Duration::from_secs(30);

/// The line `tandem serve` prints once its port is bound (src/cli.rs).
const LISTENING: &str = "Tandem is listening on ";

/// One `tandem serve` process. Dropping it kills the process, so a failed test leaves nothing behind.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`, known once the process has printed it.
    pub base: Option<String>,
    listening: Option<tokio::sync::oneshot::Receiver<String>>,
    /// Everything the process wrote on standard error, for failure messages.
    stderr: Arc<Mutex<String>>,
}

impl Server {
    /// Spawns `tandem serve --bind 127.0.0.1:0 --database-url URL EXTRA...` without waiting for it
    /// to listen, so a test can also kill it in the middle of its start-up.
    pub fn spawn(database_url: &str, extra: &[&str]) -> Server {
        Server::spawn_with_env(database_url, extra, &[])
    }

    /// Like [`Server::spawn`], with variables set for the process (the secret key, say); the
    /// secret-key variables of the test's own environment never reach it.
    pub fn spawn_with_env(database_url: &str, extra: &[&str], env: &[(&str, &str)]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_tandem"))
            .args([
                "serve",
                "--bind",
                "127.0.0.1:0",
                "--database-url",
                database_url,
            ])
            .args(extra)
            .env_remove("TANDEM_DATABASE_URL")
            .env_remove("TANDEM_BIND")
            .env_remove("TANDEM_SECRET_KEY")
            .env_remove("TANDEM_SECRET_KEY_FILE")
            .envs(env.iter().copied())
            .env("RUST_LOG", "warn")
            .env("LANG", "C")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn tandem serve");
        // Plain threads read the pipes: the process must never block on a full pipe, and tokio's
        // process support is not among this crate's features.
        let stdout = child.stdout.take().expect("stdout is piped");
        let (tx, rx) = tokio::sync::oneshot::channel();
        std::thread::spawn(move || {
            let mut tx = Some(tx);
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(url) = line.strip_prefix(LISTENING) {
                    if let Some(tx) = tx.take() {
                        let _ = tx.send(url.trim().to_owned());
                    }
                }
            }
        });
        let stderr = Arc::new(Mutex::new(String::new()));
        let mut pipe = child.stderr.take().expect("stderr is piped");
        let sink = stderr.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = pipe.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let mut text = sink.lock().expect("stderr buffer");
                text.push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        Server {
            child,
            base: None,
            listening: Some(rx),
            stderr,
        }
    }

    /// Starts the server and waits until it listens; panics with its standard error otherwise.
    pub async fn start(database_url: &str, extra: &[&str]) -> Server {
        Server::start_with_env(database_url, extra, &[]).await
    }

    /// Like [`Server::start`], with variables set for the process.
    pub async fn start_with_env(
        database_url: &str,
        extra: &[&str],
        env: &[(&str, &str)],
    ) -> Server {
        let mut server = Server::spawn_with_env(database_url, extra, env);
        if let Err(why) = server.listening(START_TIMEOUT).await {
            panic!("tandem serve did not start: {why}\n{}", server.stderr());
        }
        server
    }

    /// Waits for the "listening" line and returns the base URL.
    pub async fn listening(&mut self, timeout: Duration) -> Result<String, String> {
        if let Some(base) = &self.base {
            return Ok(base.clone());
        }
        let rx = self
            .listening
            .take()
            .ok_or("the server already failed to start")?;
        match tokio::time::timeout(timeout, rx).await {
            Ok(Ok(base)) => {
                self.base = Some(base.clone());
                Ok(base)
            }
            // The sender is dropped when standard output closes: the process ended.
            Ok(Err(_)) => Err(format!(
                "the process ended before listening ({:?})",
                self.wait(Duration::from_secs(5)).await
            )),
            Err(_) => Err(format!("no \"{LISTENING}\" line within {timeout:?}")),
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// `base` + `path`; panics when the server has not reported its address yet.
    pub fn url(&self, path: &str) -> String {
        format!(
            "{}{path}",
            self.base.as_deref().expect("the server is listening")
        )
    }

    /// What the process wrote on standard error so far.
    pub fn stderr(&self) -> String {
        self.stderr.lock().expect("stderr buffer").clone()
    }

    /// SIGKILL, as a crash or the kernel's OOM killer would do it, and reaps the process.
    pub fn kill(&mut self) {
        // An error means it has already exited, which is just as dead.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// SIGTERM, as systemd, Docker or Kubernetes send it to stop a service.
    pub fn terminate(&self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("run kill(1)");
        assert!(status.success(), "kill -TERM {} failed", self.child.id());
    }

    /// The exit status, or `None` if the process is still running after `timeout`.
    pub async fn wait(&mut self, timeout: Duration) -> Option<ExitStatus> {
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return Some(status);
            }
            if started.elapsed() >= timeout {
                return None;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Creates a user with `tandem user add NAME ROLES... --database-url URL`, the password coming
/// from `TANDEM_PASSWORD` as an operator's script would pass it.
pub fn add_user(database_url: &str, name: &str, roles: &[&str], password: &str) {
    let out = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["user", "add", name])
        .args(roles)
        .args(["--database-url", database_url])
        .env_remove("TANDEM_DATABASE_URL")
        .env("TANDEM_PASSWORD", password)
        .env("LANG", "C")
        .stdin(Stdio::null())
        .output()
        .expect("run tandem user add");
    assert!(
        out.status.success(),
        "tandem user add {name} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Signs in through the API and trades the session for an API token, which survives restarts
/// because it lives in the database.
pub async fn bearer_token(base: &str, name: &str, password: &str) -> String {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .expect("client");
    let resp = client
        .post(format!("{base}/api/v1/session"))
        .json(&json!({"username": name, "password": password}))
        .send()
        .await
        .expect("sign in");
    assert_eq!(resp.status(), StatusCode::OK, "sign-in of {name}");
    let session: Value = resp.json().await.expect("sign-in JSON");
    let csrf = session["csrf_token"].as_str().expect("csrf token");
    let resp = client
        .post(format!("{base}/api/v1/tokens"))
        .header("x-csrf-token", csrf)
        .json(&json!({"name": format!("{name}'s test token")}))
        .send()
        .await
        .expect("create token");
    assert_eq!(resp.status(), StatusCode::CREATED, "token for {name}");
    let token: Value = resp.json().await.expect("token JSON");
    token["token"].as_str().expect("token").to_owned()
}

/// A client that sends `Authorization: Bearer TOKEN` with every request.
pub fn bearer_client(token: &str, timeout: Duration) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::AUTHORIZATION,
        format!("Bearer {token}").parse().expect("header value"),
    );
    reqwest::Client::builder()
        .default_headers(headers)
        .timeout(timeout)
        .build()
        .expect("client")
}
