//! `stance merge [PARTIAL]...`: adds up the partial aggregates written by `batch --partial` (on
//! other machines, Spark executors, Slurm array tasks) into the report one `stance batch` over
//! every document would print, byte for byte; or, with `--partial`, into one partial.
//!
//! A partial made with other lexicons (names, versions or SHA-256 differ), other themes or
//! another `--group-by` is refused (exit 2): adding such sums would be meaningless.

use crate::aggregate::CorpusAgg;
use crate::cli::Format;
use crate::error::{ConfigError, ExitCode};
use crate::report::batch::{self as batch_report, BatchReport, SCHEMA};
use crate::report::output::Output;
use clap::Args;
use serde::Deserialize;
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;

/// Arguments of `stance merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Partial files written by `stance batch --partial` ('-' for stdin).
    #[arg(required = true, value_name = "PARTIAL")]
    pub inputs: Vec<String>,
    /// Output format (default: table).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write there instead of stdout (a regular file is replaced atomically).
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Write one combined partial (document lines passed through) instead of a report.
    #[arg(long)]
    pub partial: bool,
    /// No warnings summary.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Deserialize)]
struct PartialLine {
    schema: String,
    docs: u64,
    agg: CorpusAgg,
}

/// Reads partials and adds them up; `doc_line` sees every document line (for pass-through).
pub fn merge_partials(
    inputs: &[String],
    doc_line: &mut dyn FnMut(&str) -> anyhow::Result<()>,
) -> anyhow::Result<CorpusAgg> {
    let mut total: Option<CorpusAgg> = None;
    for input in inputs {
        let reader: Box<dyn BufRead> = if input == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            let f = std::fs::File::open(input).map_err(|e| ConfigError(format!("{input}: {e}")))?;
            Box::new(BufReader::new(f))
        };
        let mut found = 0;
        for (i, line) in reader.lines().enumerate() {
            let line = line.map_err(|e| ConfigError(format!("{input}:{}: {e}", i + 1)))?;
            if line.trim().is_empty() {
                continue;
            }
            let at = |msg: String| ConfigError(format!("{input}:{}: {msg}", i + 1));
            // Cheap check first: document lines are passed through or skipped unparsed.
            if line.starts_with("{\"kind\":\"doc\"") {
                doc_line(&line)?;
                continue;
            }
            let v: serde_json::Value =
                serde_json::from_str(&line).map_err(|e| at(format!("invalid JSON: {e}")))?;
            match v.get("kind").and_then(|k| k.as_str()) {
                Some("doc") => doc_line(&line)?,
                Some("partial") => {
                    let p: PartialLine = serde_json::from_value(v)
                        .map_err(|e| at(format!("not a stance partial: {e}")))?;
                    if p.schema != SCHEMA {
                        return Err(at(format!("schema `{}` is not `{SCHEMA}`", p.schema)).into());
                    }
                    if p.docs != p.agg.documents() {
                        return Err(at(format!(
                            "corrupt partial: says {} documents, sums hold {}",
                            p.docs,
                            p.agg.documents()
                        ))
                        .into());
                    }
                    found += 1;
                    match &mut total {
                        None => total = Some(p.agg),
                        Some(t) => t.merge(&p.agg).map_err(|e| {
                            at(format!("cannot merge with the partials before it: {e}"))
                        })?,
                    }
                }
                _ => {
                    return Err(at(
                        "not a stance partial line (no \"kind\": \"doc\" or \"partial\")".into(),
                    )
                    .into());
                }
            }
        }
        if found == 0 {
            return Err(ConfigError(format!(
                "{input}: no partial aggregate in it (write one with `stance batch --partial`)"
            ))
            .into());
        }
    }
    let mut agg = total.ok_or_else(|| ConfigError("no partials given".into()))?;
    agg.finish();
    Ok(agg)
}

/// Runs `stance merge`.
pub fn run(args: MergeArgs) -> anyhow::Result<ExitCode> {
    let mut out = Output::open(args.output.as_deref())?;
    let pass = args.partial;
    let agg = merge_partials(&args.inputs, &mut |line| {
        if pass {
            writeln!(out, "{line}")?;
        }
        Ok(())
    })?;
    crate::cmd::batch::print_issues(&agg.errors, &agg.warnings, args.quiet);
    if args.partial {
        batch_report::write_partial(&mut out, &agg)?;
    } else {
        let rep = BatchReport {
            agg: &agg,
            documents: None,
        };
        batch_report::write_batch(&mut out, &rep, args.format.unwrap_or(Format::Table))?;
    }
    out.finish()?;
    Ok(if agg.errors.is_empty() {
        ExitCode::Success
    } else {
        ExitCode::PartialFailure
    })
}
