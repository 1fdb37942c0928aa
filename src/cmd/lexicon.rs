//! `stance lexicon` (in progress).

use crate::error::ExitCode;
use clap::Args;

/// Arguments of `stance lexicon`.
#[derive(Debug, Args)]
pub struct LexiconArgs {
    /// Inputs.
    pub inputs: Vec<String>,
}

/// Runs `stance lexicon`.
pub fn run(_args: LexiconArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`stance lexicon` is not implemented yet")
}
