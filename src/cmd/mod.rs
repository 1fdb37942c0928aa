//! One file per command: its arguments and how it runs. Commands glue the library together
//! (input → analyze → aggregate → report); they do no analysis themselves.

pub mod batch;
pub mod compare;
pub mod completions;
pub mod eval;
pub mod lexicon;
pub mod merge;
pub mod score;

use crate::analyze::{AnalyzedDocument, Pipeline};
use crate::input;
use rayon::prelude::*;

/// Reads plain-text inputs (paths or `-`) and analyses them in parallel, in input order.
/// Unreadable inputs are reported on stderr and make the second value true (exit code 1).
pub fn analyze_inputs(
    pipeline: &Pipeline,
    inputs: &[String],
    quiet: bool,
) -> (Vec<AnalyzedDocument>, bool) {
    let mut failed = false;
    let mut docs = Vec::new();
    for path in inputs {
        match input::read_text_input(path) {
            Ok(d) => {
                if d.replaced > 0 && !quiet {
                    eprintln!(
                        "stance: warning: {path}: {} invalid UTF-8 sequence(s) replaced",
                        d.replaced
                    );
                }
                docs.push(d)
            }
            Err(e) => {
                let hint = if std::path::Path::new(path).is_dir() {
                    " (a folder: `stance batch` analyses folders)"
                } else {
                    ""
                };
                eprintln!("stance: {path}: {e}{hint}");
                failed = true;
            }
        }
        if !quiet && input::corpus::is_jsonl_name(path) {
            eprintln!(
                "stance: warning: {path} is read as one plain text; `stance batch` reads a JSONL \
                 corpus document by document"
            );
        }
    }
    (
        docs.into_par_iter().map(|d| pipeline.analyze(d)).collect(),
        failed,
    )
}

/// The width tables may use: the terminal's, or `COLUMNS`; `None` when piped without `COLUMNS`.
pub fn table_width(to_terminal: bool) -> Option<u16> {
    if let Some(w) = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()) {
        return Some(w);
    }
    if to_terminal {
        terminal_size::terminal_size()
            .map(|(w, _)| w.0)
            .or(Some(100))
    } else {
        None
    }
}
