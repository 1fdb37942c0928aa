//! `stance completions <SHELL>`: shell completions, and `stance completions man` for a man page.

use crate::cli::Cli;
use crate::error::ExitCode;
use clap::{Args, CommandFactory, ValueEnum};
use std::io::Write;

/// What to generate.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Target {
    /// Bash completions.
    Bash,
    /// Zsh completions.
    Zsh,
    /// Fish completions.
    Fish,
    /// PowerShell completions.
    Powershell,
    /// Elvish completions.
    Elvish,
    /// A roff man page (`stance completions man > stance.1`).
    Man,
}

/// Arguments of `stance completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell (or `man` for a man page).
    #[arg(value_enum)]
    pub shell: Target,
}

/// Writes completions or the man page to stdout.
pub fn run(args: CompletionsArgs) -> anyhow::Result<ExitCode> {
    use clap_complete::Shell;
    let mut cmd = Cli::command();
    let mut out = std::io::stdout().lock();
    let shell = match args.shell {
        Target::Bash => Shell::Bash,
        Target::Zsh => Shell::Zsh,
        Target::Fish => Shell::Fish,
        Target::Powershell => Shell::PowerShell,
        Target::Elvish => Shell::Elvish,
        Target::Man => {
            clap_mangen::Man::new(cmd).render(&mut out)?;
            out.flush()?;
            return Ok(ExitCode::Success);
        }
    };
    clap_complete::generate(shell, &mut cmd, "stance", &mut out);
    out.flush()?;
    Ok(ExitCode::Success)
}
