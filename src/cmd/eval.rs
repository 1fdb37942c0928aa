//! `stance eval` (in progress).

use crate::error::ExitCode;
use clap::Args;

/// Arguments of `stance eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Inputs.
    pub inputs: Vec<String>,
}

/// Runs `stance eval`.
pub fn run(_args: EvalArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`stance eval` is not implemented yet")
}
