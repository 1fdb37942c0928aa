//! `stance score <INPUT>...`: every sentence with its speaker and theme scores, then per-actor
//! totals.

use crate::aggregate::Breakdown;
use crate::cli::{CommonOpts, Per};
use crate::error::ExitCode;
use crate::input;
use crate::report::{self, ScoreReport, output::Output};
use clap::Args;
use rayon::prelude::*;

/// Arguments of `stance score`.
#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// Text files ('-' for stdin).
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// The unit of a row in csv/jsonl output (default: sentence).
    #[arg(long, value_enum)]
    pub per: Option<Per>,
    /// Shared options.
    #[command(flatten)]
    pub common: CommonOpts,
}

/// Runs `stance score`.
pub fn run(args: ScoreArgs) -> anyhow::Result<ExitCode> {
    let pipeline = args.common.pipeline()?;
    args.common.init_threads();
    let read: Vec<_> = args
        .inputs
        .iter()
        .map(|p| (p, input::read_text_input(p)))
        .collect();
    let mut failed = false;
    let mut docs = Vec::new();
    for (path, r) in read {
        match r {
            Ok(d) => {
                if d.replaced > 0 && !args.common.quiet {
                    eprintln!(
                        "stance: warning: {path}: {} invalid UTF-8 sequence(s) replaced",
                        d.replaced
                    );
                }
                docs.push(d)
            }
            Err(e) => {
                eprintln!("stance: {path}: {e}");
                failed = true;
            }
        }
    }
    let analyzed: Vec<_> = docs.into_par_iter().map(|d| pipeline.analyze(d)).collect();
    let mut breakdown = Breakdown::new(pipeline.themes().len());
    for d in &analyzed {
        breakdown.add_document(d, pipeline.attributor.actors());
    }
    let mut out = Output::open(args.common.output.as_deref())?;
    let rep = ScoreReport {
        lexicons: &pipeline.lexicons,
        matcher: &pipeline.matcher,
        documents: &analyzed,
        breakdown: &breakdown,
        explain: args.common.explain,
    };
    report::write_score(&mut out, &rep, args.common.format(), args.per)?;
    out.finish()?;
    Ok(if failed {
        ExitCode::PartialFailure
    } else {
        ExitCode::Success
    })
}
