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
