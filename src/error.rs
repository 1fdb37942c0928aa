//! Errors that reach the user, and the exit codes they map to (`0` ok, `1` some inputs failed,
//! `2` usage or configuration error).

use std::fmt;

/// Exit codes of the spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitCode {
    /// Everything went well.
    Success = 0,
    /// Finished, but some inputs could not be read.
    PartialFailure = 1,
    /// Usage or configuration error: nothing processed.
    Usage = 2,
}

/// A configuration error (bad lexicon, actors file, flag combination): exit code 2.
#[derive(Debug)]
pub struct ConfigError(pub String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

/// True when an error chain is a broken pipe (`stance ... | head`): exit quietly.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
