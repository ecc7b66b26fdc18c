//! What tests need from outside the clone (the `../shared` folder, installed tools): found, or
//! the test is skipped naming what is missing (a failure under CI).

use std::path::{Path, PathBuf};

use super::harness::skip;

/// `../shared/<relative>` beside the clone, which must exist.
pub fn shared(relative: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(relative);
    if !path.exists() {
        skip(format!(
            "{} is absent (../shared beside the clone)",
            path.display()
        ));
    }
    path
}

/// An installed program at `path`, from the Debian package `package`.
pub fn tool(path: &'static str, package: &str) -> &'static Path {
    let tool = Path::new(path);
    if !tool.exists() {
        skip(format!("{path} is not installed (Debian: {package})"));
    }
    tool
}

/// xmllint from libxml2-utils.
pub fn xmllint() -> &'static Path {
    tool("/usr/bin/xmllint", "libxml2-utils")
}

/// Runs xmllint with `args` on `document` written to a file; `Err` holds what xmllint said.
fn xmllint_on(document: &str, args: &[&std::ffi::OsStr]) -> Result<(), String> {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("document.xml");
    std::fs::write(&file, document).expect("write the document");
    let out = std::process::Command::new(xmllint())
        .args(["--noout", "--nonet"])
        .args(args)
        .arg(&file)
        .output()
        .expect("xmllint runs");
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

/// Checks XLIFF 2 against the OASIS core schema in `../shared`.
pub fn xliff_schema_check(xliff: &str) -> Result<(), String> {
    let schema = shared("conformance/xliff-2.1/schemas/xliff_core_2.0.xsd");
    xmllint_on(xliff, &["--schema".as_ref(), schema.as_os_str()])
}

/// Checks TMX against the TMX 1.4b element structure in `tests/fixtures/tmx14.dtd`.
pub fn tmx_dtd_check(tmx: &str) -> Result<(), String> {
    let dtd = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tmx14.dtd");
    xmllint_on(tmx, &["--dtdvalid".as_ref(), dtd.as_os_str()])
}

/// Checks XLIFF 1.2 against the OASIS strict schema in `../shared`.
pub fn xliff12_schema_check(xliff: &str) -> Result<(), String> {
    let schema = shared("conformance/xliff-1.2/xliff-core-1.2-strict.xsd");
    xmllint_on(xliff, &["--schema".as_ref(), schema.as_os_str()])
}

/// A translate-toolkit program (`po2tmx`, `xliff2po`, ...) from the venv `.ci/run` makes
/// (`TANDEM_TTK` names another venv).
pub fn translate_toolkit(program: &str) -> PathBuf {
    let venv = std::env::var_os("TANDEM_TTK").unwrap_or_else(|| "/var/cache/tandem-ttk".into());
    let path = Path::new(&venv).join("bin").join(program);
    if !path.exists() {
        skip(format!(
            "{} is not installed (translate-toolkit from PyPI in a venv; .ci/run makes it)",
            path.display()
        ));
    }
    path
}

/// OmegaT's launcher, from the Debian package.
pub fn omegat() -> &'static Path {
    tool("/usr/bin/omegat", "omegat")
}

/// Runs `program` with `args` in `dir`, failing the test with what it said unless it succeeds.
pub fn run_in(dir: &Path, program: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("{} does not start: {e}", program.display()));
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.status.success(),
        "{} {args:?} failed: {said}",
        program.display()
    );
    said
}
