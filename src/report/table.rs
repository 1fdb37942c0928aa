//! Terminal tables (comfy-table). Long sentences are shortened to fit the width of the
//! terminal (or `COLUMNS`); piped output keeps them whole unless `COLUMNS` is set.

use super::{CompareReport, Reporter, ScoreReport, Section, compare_sections, score_sections};
use comfy_table::{ColumnConstraint, ContentArrangement, Width, presets};
use std::io::{self, Write};

/// `--format table`.
pub struct Table;

/// Shortens `s` to at most `max` characters, ending with `…`.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

fn render(out: &mut dyn Write, sections: Vec<Section>, width: Option<u16>) -> io::Result<()> {
    for (k, mut sec) in sections.into_iter().enumerate() {
        if k > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{}", sec.title)?;
        if let (Some(w), Some(col)) = (width, sec.shrink) {
            // Width used by the other columns: their widest cell plus borders and padding.
            let others: usize = (0..sec.header.len())
                .filter(|c| *c != col)
                .map(|c| {
                    sec.rows
                        .iter()
                        .map(|r| r[c].chars().count())
                        .chain([sec.header[c].chars().count()])
                        .max()
                        .unwrap_or(0)
                        + 3
                })
                .sum();
            let budget = (w as usize).saturating_sub(others + 4).max(20);
            for r in &mut sec.rows {
                r[col] = shorten(&r[col], budget);
            }
        }
        let mut t = comfy_table::Table::new();
        t.load_style(presets::UTF8_FULL_CONDENSED).force_no_tty();
        match width {
            Some(w) => t
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(w),
            None => t.set_content_arrangement(ContentArrangement::Disabled),
        };
        // In a narrow terminal, headers and lists may wrap, but the row labels (the first two
        // columns: #, speaker, actor, theme) and numbers do not: a name or a number broken over
        // three lines is unreadable. The shrinkable column (sentences) gives way instead.
        let keep: Vec<Option<u16>> = (0..sec.header.len())
            .map(|c| {
                let mut cells = sec.rows.iter().map(|r| r[c].as_str());
                let atomic = c < 2 || cells.all(|x| x.is_empty() || x.parse::<f64>().is_ok());
                let widest = sec.rows.iter().map(|r| r[c].chars().count()).max();
                atomic.then(|| widest.unwrap_or(0).min(40) as u16 + 2) // + padding
            })
            .collect();
        t.set_header(sec.header);
        for r in sec.rows {
            t.add_row(r);
        }
        if width.is_some() {
            for (c, w) in keep.into_iter().enumerate() {
                if let Some(w) = w
                    && Some(c) != sec.shrink
                    && let Some(col) = t.column_mut(c)
                {
                    col.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(w)));
                }
            }
        }
        writeln!(out, "{t}")?;
        for n in sec.notes {
            writeln!(out, "  note: {n}")?;
        }
    }
    Ok(())
}

impl Reporter for Table {
    fn score(&self, out: &mut dyn Write, rep: &ScoreReport<'_>) -> io::Result<()> {
        render(out, score_sections(rep), rep.width)
    }

    fn compare(&self, out: &mut dyn Write, rep: &CompareReport<'_>) -> io::Result<()> {
        render(out, compare_sections(rep), rep.width)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_counts_characters_not_bytes() {
        assert_eq!(shorten("Über alles", 5), "Über…");
        assert_eq!(shorten("short", 10), "short");
    }
}
