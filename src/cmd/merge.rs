//! `stance merge` (in progress).

use crate::error::ExitCode;
use clap::Args;

/// Arguments of `stance merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Inputs.
    pub inputs: Vec<String>,
}

/// Runs `stance merge`.
pub fn run(_args: MergeArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`stance merge` is not implemented yet")
}
