//! `stance score <INPUT>...`: every sentence with its speaker and theme scores, then per-theme
//! and per-actor totals.

use crate::aggregate::Breakdown;
use crate::cli::{CommonOpts, Format, Per};
use crate::error::ExitCode;
use crate::report::{self, ScoreReport, output::Output};
use clap::Args;

/// Arguments of `stance score`.
#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// Text files ('-' for stdin).
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// The unit of a row in csv/jsonl output (default: actor for csv, sentence for jsonl).
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
    let (analyzed, failed) = super::analyze_inputs(&pipeline, &args.inputs, args.common.quiet);
    if analyzed.is_empty() && failed {
        // nothing could be read: the errors are on stderr, an empty report would only hide them
        return Ok(ExitCode::PartialFailure);
    }
    let mut breakdown = Breakdown::new(pipeline.themes().len());
    for d in &analyzed {
        breakdown.add_document(d, pipeline.attributor.actors());
    }
    let format = args.common.format();
    let per = args.per.unwrap_or(if format == Format::Csv {
        Per::Actor
    } else {
        Per::Sentence
    });
    let mut out = Output::open(args.common.output.as_deref())?;
    let rep = ScoreReport {
        lexicons: &pipeline.lexicons,
        matcher: &pipeline.matcher,
        documents: &analyzed,
        breakdown: &breakdown,
        explain: args.common.explain,
        per,
        width: super::table_width(out.is_terminal()),
    };
    report::reporter(format).score(&mut out, &rep)?;
    out.finish()?;
    Ok(if failed {
        ExitCode::PartialFailure
    } else {
        ExitCode::Success
    })
}
