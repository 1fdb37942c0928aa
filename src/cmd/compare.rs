//! `stance compare`: speakers side by side (in progress).

use crate::cli::CommonOpts;
use crate::error::ExitCode;
use clap::Args;

/// Arguments of `stance compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Documents ('-' for stdin).
    #[arg(required = true)]
    pub inputs: Vec<String>,
    /// Shared options.
    #[command(flatten)]
    pub common: CommonOpts,
}

/// Runs `stance compare`.
pub fn run(_args: CompareArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`stance compare` is not implemented yet")
}
