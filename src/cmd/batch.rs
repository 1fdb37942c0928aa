//! `stance batch` (in progress).

use crate::error::ExitCode;
use clap::Args;

/// Arguments of `stance batch`.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// Inputs.
    pub inputs: Vec<String>,
}

/// Runs `stance batch`.
pub fn run(_args: BatchArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`stance batch` is not implemented yet")
}
