//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The `stance` binary under test.
pub fn stance() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("stance").unwrap();
    cmd.current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS");
    cmd
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled sample article.
pub const SAMPLE: &str = "samples/putin-wang-yi-xinhua.txt";

/// `../shared` next to the checkout, when present (CI has it; a plain clone does not).
/// Prints a loud SKIPPED line and returns `None` when it is absent.
pub fn shared(rel: &str, test: &str) -> Option<PathBuf> {
    let p = root().join("..").join("shared").join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!(
            "SKIPPED {test}: {} not found (../shared is only in CI)",
            p.display()
        );
        None
    }
}

/// Reads a file relative to the repository root.
pub fn read(rel: impl AsRef<Path>) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap()
}

/// Runs `cmd`, asserts that it succeeded (showing its stderr when it did not) and returns its
/// standard output.
pub fn stdout_ok(cmd: &mut assert_cmd::Command) -> Vec<u8> {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{:?} failed: {}",
        cmd,
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Runs `cmd`, asserts that it succeeded and parses its standard output as JSON.
pub fn json_ok(cmd: &mut assert_cmd::Command) -> serde_json::Value {
    serde_json::from_slice(&stdout_ok(cmd)).unwrap()
}

/// Starts `stance ARGS` with piped output, reads the first line of its standard output, then
/// closes the pipe as `stance … | head -1` does and waits: returns that line and how the process
/// ended.
pub fn first_line_then_close(args: &[String]) -> (String, std::process::Output) {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("stance"))
        .current_dir(root())
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    (first, child.wait_with_output().unwrap())
}
