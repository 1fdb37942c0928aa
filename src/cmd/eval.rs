//! `stance eval attribution GOLD.jsonl`: runs the segmenter and the attributor over PolNeAR-style
//! gold documents and prints the scores of [`crate::eval`]; `--pred-out` writes the predictions
//! in the reference evaluator's JSONL format (byte offsets) for cross-checking.

use crate::attribute::{Actors, Attributor, CueFile};
use crate::error::{ConfigError, ExitCode};
use crate::eval::{self, Evaluation};
use crate::report::output::Output;
use clap::{Args, Subcommand, ValueEnum};
use rayon::prelude::*;
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `stance eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// What to evaluate.
    #[command(subcommand)]
    pub what: EvalWhat,
}

/// The evaluations.
#[derive(Debug, Subcommand)]
pub enum EvalWhat {
    /// Sentence-level attribution precision/recall/F1 against PolNeAR-style gold JSONL.
    Attribution(AttributionArgs),
}

/// Output formats of `stance eval`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    /// Plain text.
    Table,
    /// The scores as JSON.
    Json,
}

/// Arguments of `stance eval attribution`.
#[derive(Debug, Args)]
pub struct AttributionArgs {
    /// Gold JSONL: {"id", "text", "quotes": [{"speaker", "content_spans", "speaker_spans", "kind", ...}]}.
    #[arg(value_name = "GOLD.jsonl")]
    pub gold: PathBuf,
    /// Also write the predictions here, in the reference evaluator's format (byte offsets).
    #[arg(long, value_name = "PRED.jsonl")]
    pub pred_out: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: EvalFormat,
    /// Show up to N wrongly attributed sentences.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub errors: usize,
    /// An actors TOML file.
    #[arg(long, value_name = "PATH")]
    pub actors: Option<PathBuf>,
    /// A cue TOML file extending the bundled cues.
    #[arg(long, value_name = "PATH")]
    pub cues: Option<PathBuf>,
    /// Write there instead of stdout.
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// Runs `stance eval`.
pub fn run(args: EvalArgs) -> anyhow::Result<ExitCode> {
    match args.what {
        EvalWhat::Attribution(a) => attribution(a),
    }
}

fn attribution(args: AttributionArgs) -> anyhow::Result<ExitCode> {
    let actors = match &args.actors {
        Some(p) => Some(Actors::load(p).map_err(ConfigError)?),
        None => None,
    };
    let attributor = match &args.cues {
        Some(p) => Attributor::with_cues(actors, CueFile::load(p).map_err(ConfigError)?)
            .map_err(ConfigError)?,
        None => Attributor::new(actors),
    }
    .with_mentions(true);
    let src = std::fs::read_to_string(&args.gold)
        .map_err(|e| ConfigError(format!("cannot read {}: {e}", args.gold.display())))?;
    let gold = eval::read_gold(&src, &args.gold.display().to_string()).map_err(ConfigError)?;
    let preds: Vec<eval::PredDoc> = gold
        .par_iter()
        .map(|d| eval::predict(&attributor, d))
        .collect();
    if let Some(p) = &args.pred_out {
        let mut out = Output::open(Some(p))?;
        for (d, pr) in gold.iter().zip(&preds) {
            serde_json::to_writer(&mut out, &eval::to_bytes(d, pr))?;
            out.write_all(b"\n")?;
        }
        out.finish()?;
    }
    let mut res = eval::evaluate(&gold, &preds, args.errors);
    res.end_to_end_canonical = Some(eval::evaluate(&gold, &eval::on_actors(&preds), 0).end_to_end);
    let mut out = Output::open(args.output.as_deref())?;
    match args.format {
        EvalFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &res)?;
            out.write_all(b"\n")?;
        }
        EvalFormat::Table => write_table(&mut out, &res)?,
    }
    out.finish()?;
    Ok(ExitCode::Success)
}

fn write_table(out: &mut impl Write, r: &Evaluation) -> std::io::Result<()> {
    let k = |n: &str| r.counts.get(n).copied().unwrap_or(0);
    writeln!(
        out,
        "documents {}  sentences {}  gold reported {}  predicted reported {}",
        k("docs"),
        k("sentences"),
        k("gold_nonnull"),
        k("pred_nonnull")
    )?;
    let (d, e) = (r.detection, r.end_to_end);
    writeln!(
        out,
        "detection   P {:.3}  R {:.3}  F1 {:.3}",
        d.precision, d.recall, d.f1
    )?;
    writeln!(
        out,
        "speaker accuracy (both non-null) {:.3} over {}",
        r.speaker_accuracy,
        k("det_tp")
    )?;
    writeln!(
        out,
        "end-to-end  P {:.3}  R {:.3}  F1 {:.3}",
        e.precision, e.recall, e.f1
    )?;
    if let Some(c) = r.end_to_end_canonical {
        writeln!(
            out,
            "  on canonical names  P {:.3}  R {:.3}  F1 {:.3}",
            c.precision, c.recall, c.f1
        )?;
    }
    for (kind, v) in &r.recall_by_kind {
        writeln!(
            out,
            "  {kind:<9} gold {:>5}  det-R {:.3}  e2e-R {:.3}",
            v.gold_sentences, v.detection_recall, v.end_to_end_recall
        )?;
    }
    writeln!(
        out,
        "attribution-level recall {:.3}  (reachable {}/{})  char coverage {:.3}",
        r.attribution_level_recall,
        k("gold_attributions_sentence_reachable"),
        k("gold_attributions_with_speaker"),
        r.pred_sentence_char_coverage
    )?;
    for err in &r.errors {
        writeln!(
            out,
            "\n{}\n  {}\n  pred {:?}  gold {:?}  (annotated {:?})",
            err.doc, err.sentence, err.pred, err.gold, err.gold_raw
        )?;
    }
    Ok(())
}
