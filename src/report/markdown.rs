//! Markdown (GitHub pipe tables), for reports and notebooks.

use super::{CompareReport, Reporter, ScoreReport, Section, compare_sections, score_sections};
use std::io::{self, Write};

/// `--format markdown`.
pub struct Markdown;

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn render(out: &mut dyn Write, sections: Vec<Section>) -> io::Result<()> {
    for (k, sec) in sections.into_iter().enumerate() {
        if k > 0 {
            writeln!(out)?;
        }
        writeln!(out, "### {}\n", cell(&sec.title))?;
        writeln!(
            out,
            "| {} |",
            sec.header
                .iter()
                .map(|h| cell(h))
                .collect::<Vec<_>>()
                .join(" | ")
        )?;
        writeln!(out, "|{}", "---|".repeat(sec.header.len()))?;
        for r in &sec.rows {
            writeln!(
                out,
                "| {} |",
                r.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")
            )?;
        }
        for n in &sec.notes {
            writeln!(out, "\n> {}", cell(n))?;
        }
    }
    Ok(())
}

impl Reporter for Markdown {
    fn score(&self, out: &mut dyn Write, rep: &ScoreReport<'_>) -> io::Result<()> {
        render(out, score_sections(rep))
    }

    fn compare(&self, out: &mut dyn Write, rep: &CompareReport<'_>) -> io::Result<()> {
        render(out, compare_sections(rep))
    }
}
