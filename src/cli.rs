//! The command line: `serve`, `migrate`, `segment`, `user add` and `eval segmentation`.

use std::io::Read;
use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::{bail, Context};
use clap::{Args, Parser, Subcommand};

use crate::app::App;
use crate::config::{Config, DEFAULT_DATABASE_URL};
use crate::domain::language::LanguageTag;
use crate::domain::role::{LanguageRole, Roles};
use crate::domain::statement::Limits;
use crate::error::AppError;
use crate::i18n::{negotiate, L10n};
use crate::store;
use crate::workflow::segment::segment_preview;
use crate::workflow::users::{create_user, UserInput};

#[derive(Parser, Debug)]
#[command(
    name = "tandem",
    version,
    about = "Translation management for multilingual statements"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run the web service (migrates the database first).
    Serve(ServeArgs),
    /// Apply pending database migrations and exit.
    Migrate(DatabaseArgs),
    /// Write a consistent copy of an SQLite database to a new file, safe while the server runs.
    Backup(BackupArgs),
    /// Split a text read from standard input into paragraphs and sentences; prints JSON.
    Segment(SegmentArgs),
    /// Manage users.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Manage the key that seals the secrets kept in the database.
    Secrets {
        #[command(subcommand)]
        command: SecretsCommand,
    },
    /// Work with XLIFF files.
    Xliff {
        #[command(subcommand)]
        command: XliffCommand,
    },
    /// Align a text with its translation and print the alignment as JSON.
    Align(AlignArgs),
    /// Measure Tandem against outside test data.
    Eval {
        #[command(subcommand)]
        command: EvalCommand,
    },
}

#[derive(Args, Debug, Clone)]
pub struct DatabaseArgs {
    /// Database URL: sqlite:///path/to/file.db (created when missing) or postgres://user@host/db.
    #[arg(long, env = "TANDEM_DATABASE_URL", default_value = DEFAULT_DATABASE_URL, hide_env_values = true)]
    pub database_url: String,
}

#[derive(Args, Debug)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, env = "TANDEM_BIND", default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,
    #[command(flatten)]
    pub database: DatabaseArgs,
    #[command(flatten)]
    pub secret_key: SecretKeyArgs,
    /// Largest request body accepted, in bytes.
    #[arg(long, env = "TANDEM_MAX_BODY_BYTES", default_value_t = 2 * 1024 * 1024)]
    pub max_body_bytes: usize,
    /// Most segments (paragraphs) one statement may have.
    #[arg(long, env = "TANDEM_MAX_SEGMENTS", default_value_t = Limits::default().max_segments)]
    pub max_segments: usize,
    /// Longest segment, in characters.
    #[arg(long, env = "TANDEM_MAX_SEGMENT_CHARS", default_value_t = Limits::default().max_segment_chars)]
    pub max_segment_chars: usize,
    /// Let reviewers approve translations they wrote themselves (off: four-eyes review).
    #[arg(long, env = "TANDEM_ALLOW_SELF_REVIEW")]
    pub allow_self_review: bool,
    /// Hours a sign-in lasts.
    #[arg(long, env = "TANDEM_SESSION_HOURS", default_value_t = 12)]
    pub session_hours: i64,
    /// Always mark the session cookie Secure (set this behind an https proxy that sends no X-Forwarded-Proto).
    #[arg(long, env = "TANDEM_SECURE_COOKIES")]
    pub secure_cookies: bool,
    /// Take the client's address (for sign-in limits and the audit log) from the last
    /// X-Forwarded-For entry: set this only behind a proxy that appends it.
    #[arg(long, env = "TANDEM_TRUST_PROXY")]
    pub trust_proxy: bool,
    /// Do not send webhooks from this instance (another instance on the same database does).
    #[arg(long, env = "TANDEM_NO_WEBHOOK_DELIVERY")]
    pub no_webhook_delivery: bool,
    /// Attempts per webhook delivery before it is marked failed.
    #[arg(long, env = "TANDEM_WEBHOOK_MAX_ATTEMPTS", default_value_t = 12)]
    pub webhook_max_attempts: u32,
    /// Seconds one webhook request may take.
    #[arg(long, env = "TANDEM_WEBHOOK_TIMEOUT_SECS", default_value_t = 10)]
    pub webhook_timeout_secs: u64,
    /// Finished webhook deliveries kept per hook in its log (older ones are dropped).
    #[arg(long, env = "TANDEM_WEBHOOK_LOG_KEEP", default_value_t = 1_000)]
    pub webhook_log_keep: usize,
    /// Webhook deliveries in flight at once, over all hooks.
    #[arg(long, env = "TANDEM_WEBHOOK_CONCURRENCY", default_value_t = 16)]
    pub webhook_concurrency: usize,
    /// An address range (CIDR, e.g. 10.20.0.0/16) that requests to other servers may reach
    /// although it is private, loopback or otherwise special: for an intranet receiver.
    /// Repeatable; nothing is allowed by default.
    #[arg(
        long = "allow-outbound",
        env = "TANDEM_ALLOW_OUTBOUND",
        value_delimiter = ',',
        value_name = "CIDR"
    )]
    pub allow_outbound: Vec<crate::domain::address::Cidr>,
    /// Seconds opening a connection to another server may take.
    #[arg(
        long,
        env = "TANDEM_OUTBOUND_CONNECT_TIMEOUT_SECS",
        default_value_t = 5
    )]
    pub outbound_connect_timeout_secs: u64,
    /// Bytes of another server's answer that are read; the rest is dropped.
    #[arg(long, env = "TANDEM_OUTBOUND_MAX_RESPONSE_BYTES", default_value_t = 64 * 1024)]
    pub outbound_max_response_bytes: usize,
    /// A bearer token that /metrics requires (without it, /metrics is open: keep it internal).
    #[arg(long, env = "TANDEM_METRICS_TOKEN", hide_env_values = true)]
    pub metrics_token: Option<String>,
    /// On an empty database, create a demo statement and a demo team (editor, translators and
    /// reviewers for Armenian and Russian) and print their passwords once.
    #[arg(long)]
    pub demo: bool,
}

#[derive(Args, Debug)]
pub struct BackupArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// The file to write; it must not exist yet.
    pub output: PathBuf,
}

#[derive(Args, Debug)]
pub struct SegmentArgs {
    /// Language of the text (BCP 47), which picks the sentence rules.
    #[arg(long)]
    pub lang: String,
    /// How paragraphs are marked: `text` (blank lines) or `markdown`.
    #[arg(long, default_value = "text")]
    pub format: String,
}

#[derive(Args, Debug)]
pub struct AlignArgs {
    /// The source language and file: `--src en a.txt`.
    #[arg(long, num_args = 2, value_names = ["LANG", "FILE"], required = true)]
    pub src: Vec<String>,
    /// The translation's language and file: `--tgt hy b.txt`.
    #[arg(long, num_args = 2, value_names = ["LANG", "FILE"], required = true)]
    pub tgt: Vec<String>,
    /// Each file holds one sentence per line: print a JSON array of beads
    /// `{"src": [line indices], "tgt": [line indices]}` (0-based, in order, every line in exactly
    /// one bead, either side possibly empty).
    #[arg(long)]
    pub sentences: bool,
    /// How paragraphs are marked in whole documents: `text` (blank lines) or `markdown`.
    #[arg(long, default_value = "text")]
    pub format: String,
}

/// Where the key that seals stored secrets is. The key itself is never a flag (flags show in
/// `ps`): it comes from TANDEM_SECRET_KEY, read in `secret_key_settings`.
#[derive(Args, Debug, Clone)]
pub struct SecretKeyArgs {
    /// The key file (base64 of 32 bytes; created with mode 0600 on first start when missing).
    /// Default: tandem.key beside the SQLite database, ./tandem-data/tandem.key for PostgreSQL.
    /// TANDEM_SECRET_KEY, when set, is used instead of any file.
    #[arg(long, env = "TANDEM_SECRET_KEY_FILE", value_name = "PATH")]
    pub secret_key_file: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum SecretsCommand {
    /// Seal every stored secret under a new key, in one transaction. Stop every instance first;
    /// start them again with the new key. The new key comes from TANDEM_NEW_SECRET_KEY or is
    /// made here. With a key file, the file is replaced (the new key goes to FILE.new first, so a
    /// crash leaves a database that a start can open); with TANDEM_SECRET_KEY, the new key is
    /// printed once, to be set in its place.
    Rotate(SecretsRotateArgs),
}

#[derive(Args, Debug)]
pub struct SecretsRotateArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    #[command(flatten)]
    pub secret_key: SecretKeyArgs,
}

#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Create a user; the password is read from TANDEM_PASSWORD or standard input.
    Add(UserAddArgs),
}

#[derive(Args, Debug)]
pub struct UserAddArgs {
    /// Sign-in name (letters, digits, '.', '_' and '-'; compared case-insensitively).
    pub name: String,
    /// Name shown to other people; defaults to NAME.
    #[arg(long)]
    pub display_name: Option<String>,
    /// May do everything, including managing users and languages.
    #[arg(long)]
    pub admin: bool,
    /// May create statements, change sources, assign work and publish.
    #[arg(long)]
    pub editor: bool,
    /// May translate into LANG (repeat for several languages).
    #[arg(long = "translator", value_name = "LANG")]
    pub translator: Vec<String>,
    /// May review LANG (repeat for several languages).
    #[arg(long = "reviewer", value_name = "LANG")]
    pub reviewer: Vec<String>,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

#[derive(Subcommand, Debug)]
pub enum XliffCommand {
    /// Check XLIFF 2.0/2.1 files against the core and module constraints: one line per file,
    /// `ok` or the broken rule; the exit code is non-zero when any file is invalid.
    Validate {
        /// Files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
pub enum EvalCommand {
    /// Score the sentence aligner on a corpus laid out like ../shared/eval/alignment/ntrex_sample.
    Alignment {
        /// Folder with `merged/<src>-<tgt>/` and `docs/`.
        dir: PathBuf,
    },
    /// Score sentence segmentation on JSON case files (e.g. ../shared/eval/segmentation).
    Segmentation {
        /// Folder of *.json files of {"input", "expected"} cases.
        dir: PathBuf,
        /// Also print every failing case.
        #[arg(long)]
        verbose: bool,
    },
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve(args) => serve(args).await,
        Command::Migrate(args) => {
            let store = store::open(&args.database_url).await?;
            store.migrate().await?;
            eprintln!(
                "migrations applied to {}",
                store::redact_url(&args.database_url)
            );
            Ok(())
        }
        Command::Backup(args) => backup(args).await,
        Command::Secrets {
            command: SecretsCommand::Rotate(args),
        } => secrets_rotate(args).await,
        Command::Segment(args) => segment(args),
        Command::Align(args) => align(args),
        Command::Eval {
            command: EvalCommand::Alignment { dir },
        } => {
            for score in crate::eval::alignment::evaluate(&dir)? {
                println!("{score}");
            }
            Ok(())
        }
        Command::User {
            command: UserCommand::Add(args),
        } => user_add(args).await,
        Command::Eval {
            command: EvalCommand::Segmentation { dir, verbose },
        } => eval_segmentation(&dir, verbose),
        Command::Xliff {
            command: XliffCommand::Validate { files },
        } => xliff_validate(&files),
    }
}

async fn backup(args: BackupArgs) -> anyhow::Result<()> {
    if args.output.exists() {
        anyhow::bail!(
            "{} exists already; choose a new file",
            args.output.display()
        );
    }
    let store = store::open(&args.database.database_url).await?;
    store.backup(&args.output).await?;
    eprintln!(
        "backed up {} to {} (integrity check: ok)",
        store::redact_url(&args.database.database_url),
        args.output.display()
    );
    Ok(())
}

async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let mut config = Config::new(args.bind, args.database.database_url);
    config.max_body_bytes = args.max_body_bytes;
    config.limits.max_segments = args.max_segments;
    config.limits.max_segment_chars = args.max_segment_chars;
    config.allow_self_review = args.allow_self_review;
    config.session_hours = args.session_hours;
    config.secure_cookies = args.secure_cookies;
    config.trust_proxy = args.trust_proxy;
    config.webhooks.deliver = !args.no_webhook_delivery;
    config.webhooks.max_attempts = args.webhook_max_attempts.max(1);
    config.webhooks.timeout = std::time::Duration::from_secs(args.webhook_timeout_secs.max(1));
    // At least the delivery that just finished stays in its log.
    config.webhooks.log_keep = args.webhook_log_keep.max(1);
    config.webhooks.concurrency = args.webhook_concurrency.max(1);
    config.outbound.policy.allowed = args.allow_outbound;
    config.outbound.connect_timeout =
        std::time::Duration::from_secs(args.outbound_connect_timeout_secs.max(1));
    config.outbound.max_response_bytes = args.outbound_max_response_bytes;
    config.metrics_token = args.metrics_token.filter(|t| !t.is_empty());
    config.secret_key = secret_key_settings(&args.secret_key)?;
    tracing::info!(?config, "starting");
    let state = App::open(config).await?;
    if args.demo {
        print_demo(&state).await?;
    }
    let (listener, router) = App::bind(state).await?;
    let url = format!("http://{}", listener.local_addr()?);
    tracing::info!(%url, "listening");
    println!("Tandem is listening on {url}");
    App::serve(listener, router).await?;
    Ok(())
}

/// The key settings: the key file flag, and the key itself from TANDEM_SECRET_KEY.
fn secret_key_settings(args: &SecretKeyArgs) -> anyhow::Result<crate::config::SecretKeySettings> {
    Ok(crate::config::SecretKeySettings {
        key: key_from_env("TANDEM_SECRET_KEY")?,
        file: args.secret_key_file.clone(),
    })
}

/// The key in `variable`, if it is set; anything but the base64 of 32 bytes is refused here,
/// before the database is touched.
fn key_from_env(variable: &str) -> anyhow::Result<Option<crate::secrets::SecretKey>> {
    match std::env::var(variable) {
        Ok(text) if !text.trim().is_empty() => crate::secrets::SecretKey::from_base64(&text)
            .map(Some)
            .map_err(|e| anyhow::anyhow!("{variable} is not a key: {e}")),
        Ok(_) | Err(std::env::VarError::NotPresent) => Ok(None),
        Err(std::env::VarError::NotUnicode(_)) => bail!("{variable} is not a key: not text"),
    }
}

async fn secrets_rotate(args: SecretsRotateArgs) -> anyhow::Result<()> {
    let settings = secret_key_settings(&args.secret_key)?;
    let given = key_from_env("TANDEM_NEW_SECRET_KEY")?;
    let made = given.is_none();
    let new_key = given.unwrap_or_else(crate::secrets::SecretKey::generate);
    if settings.key.as_ref() == Some(&new_key) {
        bail!("TANDEM_NEW_SECRET_KEY is the key in use; give a new one, or leave it unset to have one made");
    }
    let store = store::open(&args.database.database_url).await?;
    store.migrate().await?;
    if settings.key.is_some() && made {
        // Printed before the database changes: if this command stops before it says "done", the
        // old key still opens the database and this one is never needed.
        println!(
            "New key (set TANDEM_SECRET_KEY to it on every instance once this command says done):"
        );
        println!("{}", new_key.to_base64().as_str());
    }
    let rotation = crate::workflow::secrets::rotate(
        store.as_ref(),
        &settings,
        &args.database.database_url,
        &new_key,
    )
    .await?;
    match &rotation.file {
        Some(file) => println!(
            "done: {} secrets sealed under the new key, which is now in {}; copy that file to \
             every instance that shares this database",
            rotation.resealed,
            file.display()
        ),
        None => println!(
            "done: {} secrets sealed under the new key; start every instance with \
             TANDEM_SECRET_KEY set to it",
            rotation.resealed
        ),
    }
    Ok(())
}

async fn print_demo(state: &crate::http::AppState) -> anyhow::Result<()> {
    match crate::workflow::demo::seed_with_drafts(
        state.store.as_ref(),
        &state.config.limits,
        &state.memory,
    )
    .await
    .map_err(|e| anyhow::anyhow!(terminal_message(&e)))?
    {
        None => println!("The database already holds data, so no demo was added."),
        Some((users, statement)) => {
            println!(
                "Demo statement {statement} created. Sign in as (passwords are shown only now):"
            );
            for user in users {
                println!("  {:<8} {}   {}", user.username, user.password, user.what);
            }
        }
    }
    Ok(())
}

/// Error messages on the terminal follow the same language rules as the API, from `LANG`.
fn terminal_message(error: &AppError) -> String {
    let lang = std::env::var("LANG").ok();
    let locale = negotiate(
        None,
        None,
        lang.as_deref()
            .map(|l| l.split(['.', '_']).next().unwrap_or(l)),
    );
    match L10n::new() {
        Ok(l10n) => {
            let body = error.body(&l10n, locale);
            format!(
                "{} ({})",
                body["error"]["message"].as_str().unwrap_or_default(),
                error.code.as_str()
            )
        }
        Err(_) => error.code.as_str().to_owned(),
    }
}

fn segment(args: SegmentArgs) -> anyhow::Result<()> {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .context("standard input is not valid UTF-8 text")?;
    let result = segment_preview(&args.lang, &text, Some(&args.format), &Limits::default())
        .map_err(|e| anyhow::anyhow!(terminal_message(&e)))?;
    println!("{}", serde_json::to_string_pretty(&result)?);
    Ok(())
}

fn align(args: AlignArgs) -> anyhow::Result<()> {
    let (src_lang, src_file) = (&args.src[0], &args.src[1]);
    let (tgt_lang, tgt_file) = (&args.tgt[0], &args.tgt[1]);
    let read = |file: &str| {
        std::fs::read_to_string(file).with_context(|| format!("cannot read {file} as UTF-8 text"))
    };
    let (src_text, tgt_text) = (read(src_file)?, read(tgt_file)?);
    for lang in [src_lang, tgt_lang] {
        crate::domain::language::LanguageTag::parse(lang)
            .map_err(|e| anyhow::anyhow!(terminal_message(&e.into())))?;
    }
    if args.sentences {
        let src: Vec<&str> = src_text.lines().collect();
        let tgt: Vec<&str> = tgt_text.lines().collect();
        let beads = crate::domain::align::align_sentences(&src, &tgt);
        println!("{}", serde_json::to_string(&beads)?);
    } else {
        let alignment = crate::workflow::align::align_documents(
            src_lang,
            &src_text,
            tgt_lang,
            &tgt_text,
            Some(&args.format),
            &Limits::default(),
        )
        .map_err(|e| anyhow::anyhow!(terminal_message(&e)))?;
        println!("{}", serde_json::to_string_pretty(&alignment)?);
    }
    Ok(())
}

async fn user_add(args: UserAddArgs) -> anyhow::Result<()> {
    let password = match std::env::var("TANDEM_PASSWORD") {
        Ok(p) => p,
        Err(_) => {
            let mut p = String::new();
            std::io::stdin()
                .read_to_string(&mut p)
                .context("cannot read the password from standard input")?;
            // A password piped with `echo` ends in a newline that is not part of it.
            p.trim_end_matches(['\r', '\n']).to_owned()
        }
    };
    if password.is_empty() {
        bail!("no password: set TANDEM_PASSWORD or pipe it on standard input");
    }
    let mut roles = Roles {
        admin: args.admin,
        editor: args.editor,
        languages: Vec::new(),
    };
    for (role, langs) in [
        (LanguageRole::Translator, &args.translator),
        (LanguageRole::Reviewer, &args.reviewer),
    ] {
        for lang in langs {
            let tag = LanguageTag::parse(lang)
                .map_err(|e| anyhow::anyhow!(terminal_message(&e.into())))?;
            roles.grant(role, tag);
        }
    }
    let store = store::open(&args.database.database_url).await?;
    store.migrate().await?;
    let user = create_user(
        store.as_ref(),
        UserInput {
            username: args.name,
            password,
            display_name: args.display_name,
            roles,
        },
        None,
    )
    .await
    .map_err(|e| anyhow::anyhow!(terminal_message(&e)))?;
    println!("{}", serde_json::to_string_pretty(&user)?);
    Ok(())
}

fn eval_segmentation(dir: &std::path::Path, verbose: bool) -> anyhow::Result<()> {
    let scores = crate::eval::segmentation::evaluate_dir(dir)?;
    for score in &scores {
        println!("{score}");
        if verbose {
            for failure in &score.failures {
                println!("  input:    {:?}", failure.input);
                println!("  expected: {:?}", failure.expected);
                println!("  got:      {:?}", failure.got);
            }
        }
    }
    Ok(())
}

/// Largest XLIFF file the command line reads, the same bound as an upload's default.
const XLIFF_MAX_BYTES: usize = 64 * 1024 * 1024;

fn xliff_validate(files: &[PathBuf]) -> anyhow::Result<()> {
    let mut invalid = 0;
    for file in files {
        let verdict = match std::fs::read(file) {
            Ok(bytes) => match crate::formats::xliff::validate(&bytes, XLIFF_MAX_BYTES) {
                Ok(()) => "ok".to_owned(),
                Err(e) => {
                    invalid += 1;
                    e.to_string()
                }
            },
            Err(e) => {
                invalid += 1;
                format!("cannot read: {e}")
            }
        };
        println!("{}: {verdict}", file.display());
    }
    if invalid > 0 {
        bail!("{invalid} of {} files are not valid XLIFF", files.len());
    }
    Ok(())
}
