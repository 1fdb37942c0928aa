//! The command line: clap definitions (their `///` comments are the help text), the options
//! shared by the commands, and the entry point that maps errors to exit codes.

use crate::analyze::Pipeline;
use crate::attribute::{Actors, Attributor, CueFile};
use crate::cmd;
use crate::error::{ConfigError, ExitCode, is_broken_pipe};
use crate::lexicon::{self, LexiconSet};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Stance and rhetoric analysis of news and diplomatic text: theme scores per sentence, attributed
/// to the speaker whose words it reports.
#[derive(Debug, Parser)]
#[command(name = "stance", version, about, max_term_width = 100)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score documents: every sentence, its speaker and theme scores, then per-actor totals.
    Score(cmd::score::ScoreArgs),
    /// Compare speakers: rates with bootstrap intervals, differences, distinguishing terms.
    Compare(cmd::compare::CompareArgs),
    /// Analyse a corpus in parallel: files, folders, globs, JSONL, '-' for stdin.
    Batch(cmd::batch::BatchArgs),
    /// Combine partial aggregates written by `batch --partial` into one report.
    Merge(cmd::merge::MergeArgs),
    /// Lexicon tools: check, show, test, import.
    Lexicon(cmd::lexicon::LexiconArgs),
    /// Evaluate against gold annotations.
    Eval(cmd::eval::EvalArgs),
    /// Print shell completions or a man page.
    Completions(cmd::completions::CompletionsArgs),
}

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A terminal table (comfy-table).
    Table,
    /// One JSON document (schema `stance/1`).
    Json,
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values.
    Csv,
    /// A Markdown table.
    Markdown,
}

/// The unit of a row in csv/jsonl output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Per {
    /// One row per sentence.
    Sentence,
    /// One row per document.
    Document,
    /// One row per actor.
    Actor,
}

/// Lexicon options shared by every command that scores text.
#[derive(Debug, Clone, Args)]
pub struct LexiconOpts {
    /// A lexicon TOML file (or LIWC .dic / quanteda .yml), or a folder of them; repeatable.
    /// Default: the bundled lexicons.
    #[arg(long, value_name = "PATH")]
    pub lexicon: Vec<PathBuf>,
    /// Restrict to these themes (repeatable).
    #[arg(long, value_name = "ID")]
    pub theme: Vec<String>,
}

/// Options shared by the commands that analyse documents.
#[derive(Debug, Clone, Args)]
pub struct CommonOpts {
    /// Lexicons and themes.
    #[command(flatten)]
    pub lex: LexiconOpts,
    /// An actors TOML file: canonical names, aliases, groups.
    #[arg(long, value_name = "PATH")]
    pub actors: Option<PathBuf>,
    /// A cue TOML file extending the bundled reporting verbs (see `src/attribute/cues.toml`).
    #[arg(long, value_name = "PATH")]
    pub cues: Option<PathBuf>,
    /// Output format (default: table).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write there instead of stdout (a regular file is replaced atomically).
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Show the matched words behind every score and the rule behind every speaker.
    #[arg(long)]
    pub explain: bool,
    /// Worker threads (default: all cores).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// No progress bar, no warnings summary.
    #[arg(short, long)]
    pub quiet: bool,
}

impl LexiconOpts {
    /// Loads the lexicons (bundled when none is given) and restricts them to `--theme`.
    pub fn load(&self) -> anyhow::Result<LexiconSet> {
        let lexicons = if self.lexicon.is_empty() {
            lexicon::bundled()
        } else {
            let mut all = Vec::new();
            for path in &self.lexicon {
                all.extend(lexicon::load_path(path).map_err(|e| ConfigError(e.to_string()))?);
            }
            all
        };
        let mut set = LexiconSet::new(lexicons).map_err(|e| ConfigError(e.to_string()))?;
        set.restrict(&self.theme).map_err(ConfigError)?;
        Ok(set)
    }
}

impl CommonOpts {
    /// Builds the pipeline: lexicons, matcher, attributor with the actors file.
    pub fn pipeline(&self) -> anyhow::Result<Pipeline> {
        let set = self.lex.load()?;
        let actors = match &self.actors {
            Some(p) => Some(Actors::load(p).map_err(ConfigError)?),
            None => None,
        };
        let attributor = match &self.cues {
            Some(p) => {
                let extra = CueFile::load(p).map_err(ConfigError)?;
                Attributor::with_cues(actors, extra).map_err(ConfigError)?
            }
            None => Attributor::new(actors),
        };
        let attributor = attributor.with_evidence(self.explain);
        Pipeline::with_attributor(set, attributor).map_err(|e| ConfigError(e.to_string()).into())
    }

    /// The output format.
    pub fn format(&self) -> Format {
        self.format.unwrap_or(Format::Table)
    }

    /// Sets the size of rayon's global pool from `--jobs`.
    pub fn init_threads(&self) {
        if let Some(n) = self.jobs {
            let _ = rayon::ThreadPoolBuilder::new()
                .num_threads(n.max(1))
                .build_global();
        }
    }
}

/// Runs the command line and returns the process exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                ExitCode::Usage as i32
            } else {
                0
            };
            let _ = e.print();
            return code;
        }
    };
    match run(cli) {
        Ok(code) => code as i32,
        Err(e) if is_broken_pipe(&e) => 0,
        Err(e) => {
            eprintln!("stance: {e:#}");
            ExitCode::Usage as i32
        }
    }
}

/// Dispatches a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Score(args) => cmd::score::run(args),
        Command::Compare(args) => cmd::compare::run(args),
        Command::Batch(args) => cmd::batch::run(args),
        Command::Merge(args) => cmd::merge::run(args),
        Command::Lexicon(args) => cmd::lexicon::run(args),
        Command::Eval(args) => cmd::eval::run(args),
        Command::Completions(args) => cmd::completions::run(args),
    }
}
