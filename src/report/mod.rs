//! Reports: one file per format behind one trait, and [`output::Output`], the destination
//! (stdout, or a file written atomically).

pub mod batch;
pub mod output;

use crate::aggregate::Breakdown;
use crate::analyze::AnalyzedDocument;
use crate::lexicon::LexiconSet;
use crate::matcher::Matcher;

/// What `stance score` reports: the analysed documents and their per-actor sums.
pub struct ScoreReport<'a> {
    /// The lexicons used.
    pub lexicons: &'a LexiconSet,
    /// The compiled matcher (theme ids, term labels).
    pub matcher: &'a Matcher,
    /// The documents, in input order.
    pub documents: &'a [AnalyzedDocument],
    /// Per-actor sums over all documents.
    pub breakdown: &'a Breakdown,
    /// Show matches and attribution evidence.
    pub explain: bool,
}

use crate::cli::{Format, Per};
use std::io::Write;

/// Writes a score report in a format.
pub fn write_score(
    out: &mut dyn Write,
    rep: &ScoreReport<'_>,
    format: Format,
    _per: Option<Per>,
) -> anyhow::Result<()> {
    match format {
        _ => {
            let themes = rep.matcher.themes();
            for d in rep.documents {
                for (i, s) in d.sentences.iter().enumerate() {
                    let scores: Vec<String> = s
                        .scores
                        .iter()
                        .enumerate()
                        .filter(|(_, v)| **v != 0.0)
                        .map(|(t, v)| format!("{}={v}", themes[t]))
                        .collect();
                    writeln!(
                        out,
                        "{i}\t{}\t{}\t{}",
                        s.attribution.speaker.as_deref().unwrap_or("-"),
                        scores.join(","),
                        s.sentence.text(&d.doc.text)
                    )?;
                }
            }
        }
    }
    Ok(())
}
