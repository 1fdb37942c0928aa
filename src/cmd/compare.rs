//! `stance compare <INPUT>...`: speakers side by side — rates with bootstrap intervals, the
//! difference between two speakers, distinguishing words.

use crate::cli::CommonOpts;
use crate::compare::{CompareOptions, compare};
use crate::error::ExitCode;
use crate::report::{self, CompareReport, output::Output};
use clap::Args;

/// Arguments of `stance compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Text files ('-' for stdin).
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// A speaker to compare (repeatable; a surname or actors-file alias is enough).
    /// Default: every speaker, most sentences first. The first two are compared as a pair.
    #[arg(long, value_name = "NAME")]
    pub actor: Vec<String>,
    /// Distinguishing words listed per speaker.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub top: usize,
    /// Bootstrap replicates.
    #[arg(long, value_name = "N", default_value_t = 2000)]
    pub bootstrap: usize,
    /// Bootstrap seed (the output is deterministic for a given seed).
    #[arg(long, value_name = "N", default_value_t = 42)]
    pub seed: u64,
    /// Fewer sentences than this and a speaker is flagged as too few to compare.
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub min_sentences: usize,
    /// Rank English function words ("the", "of", "that") among the distinguishing words too.
    #[arg(long)]
    pub keep_stopwords: bool,
    /// Shared options.
    #[command(flatten)]
    pub common: CommonOpts,
}

/// Runs `stance compare`.
pub fn run(args: CompareArgs) -> anyhow::Result<ExitCode> {
    let pipeline = args.common.pipeline()?;
    args.common.init_threads();
    let (analyzed, failed) = super::analyze_inputs(&pipeline, &args.inputs, args.common.quiet);
    if analyzed.is_empty() && failed {
        // nothing could be read: the errors are on stderr, an empty report would only hide them
        return Ok(ExitCode::PartialFailure);
    }
    let opts = CompareOptions {
        actors: args.actor,
        top: args.top,
        replicates: args.bootstrap.max(1),
        seed: args.seed,
        min_sentences: args.min_sentences,
        keep_stopwords: args.keep_stopwords,
        ..CompareOptions::default()
    };
    let comparison = compare(
        &analyzed,
        pipeline.themes(),
        pipeline.attributor.actors(),
        &opts,
    );
    if !args.common.quiet {
        for m in &comparison.missing {
            eprintln!("stance: warning: no speaker `{m}` found");
        }
    }
    let mut out = Output::open(args.common.output.as_deref())?;
    let rep = CompareReport {
        lexicons: &pipeline.lexicons,
        comparison: &comparison,
        width: super::table_width(out.is_terminal()),
    };
    report::reporter(args.common.format()).compare(&mut out, &rep)?;
    out.finish()?;
    Ok(if failed {
        ExitCode::PartialFailure
    } else {
        ExitCode::Success
    })
}
