//! Reports: one file per format behind one trait ([`Reporter`]), and [`output::Output`], the
//! destination (stdout, or a file written atomically).
//!
//! The reporters only lay out what the analysis produced; every number comes from
//! [`crate::analyze`] and [`crate::aggregate`].

pub mod batch;
pub mod csv;
pub mod json;
pub mod jsonl;
pub mod markdown;
pub mod output;
pub mod table;

use crate::aggregate::{Breakdown, Tally};
use crate::analyze::AnalyzedDocument;
use crate::cli::{Format, Per};
use crate::compare::Comparison;
use crate::lexicon::LexiconSet;
use crate::matcher::Matcher;
use std::io::{self, Write};

/// One JSON value and a newline, built in memory and written in one call: serde_json writes a few
/// bytes at a time, each a `dyn Write` call.
pub(crate) fn write_json_line(out: &mut dyn Write, v: &impl serde::Serialize) -> io::Result<()> {
    let mut buf = serde_json::to_vec(v)?;
    buf.push(b'\n');
    out.write_all(&buf)
}

/// One pretty-printed JSON value and a newline, through a buffer of its own (a report may be
/// large, so it is streamed, not built in memory).
pub(crate) fn write_json_pretty(out: &mut dyn Write, v: &impl serde::Serialize) -> io::Result<()> {
    let mut buf = io::BufWriter::with_capacity(1 << 16, out);
    v.serialize(&mut serde_json::Serializer::with_formatter(
        &mut buf,
        Pretty::default(),
    ))?;
    buf.write_all(b"\n")?;
    buf.flush()
}

/// `serde_json`'s `PrettyFormatter` with its default two-space indent, the same bytes, but each
/// line break written with its indent in one call where that one writes the indent two spaces
/// at a time: most of a report's writes were indents.
#[derive(Default)]
struct Pretty {
    depth: usize,
    has_value: bool,
}

/// A line break (after a comma when `comma`) and the indent of `depth` levels.
fn pretty_line<W: ?Sized + Write>(w: &mut W, comma: bool, depth: usize) -> io::Result<()> {
    const LINE: &[u8] = b",\n                                                                ";
    let from = usize::from(!comma);
    match LINE.get(from..2 + 2 * depth) {
        Some(line) => w.write_all(line),
        None => {
            w.write_all(&LINE[from..2])?;
            (0..depth).try_for_each(|_| w.write_all(b"  "))
        }
    }
}

impl Pretty {
    /// The layout of a value nested `depth` levels deep (the value of a key at `depth`).
    fn at(depth: usize) -> Self {
        Pretty {
            depth,
            has_value: false,
        }
    }

    /// Opens an array or an object: one level deeper, nothing in it yet.
    fn open<W: ?Sized + Write>(&mut self, w: &mut W, mark: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(mark)
    }

    /// Closes an array or an object, on a line of its own when it holds anything.
    fn close<W: ?Sized + Write>(&mut self, w: &mut W, mark: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            pretty_line(w, false, self.depth)?;
        }
        w.write_all(mark)
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        pretty_line(w, !first, self.depth)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        pretty_line(w, !first, self.depth)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

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
    /// The unit of a row (csv, jsonl).
    pub per: Per,
    /// Maximum width of a table, when known (a terminal or `COLUMNS`).
    pub width: Option<u16>,
}

/// What `stance compare` reports.
pub struct CompareReport<'a> {
    /// The lexicons used.
    pub lexicons: &'a LexiconSet,
    /// The comparison.
    pub comparison: &'a Comparison,
    /// Maximum width of a table, when known.
    pub width: Option<u16>,
}

/// One output format.
pub trait Reporter {
    /// Writes a score report.
    fn score(&self, out: &mut dyn Write, rep: &ScoreReport<'_>) -> io::Result<()>;
    /// Writes a comparison.
    fn compare(&self, out: &mut dyn Write, rep: &CompareReport<'_>) -> io::Result<()>;
}

/// The reporter of a format.
pub fn reporter(format: Format) -> Box<dyn Reporter> {
    match format {
        Format::Table => Box::new(table::Table),
        Format::Json => Box::new(json::Json),
        Format::Jsonl => Box::new(jsonl::Jsonl),
        Format::Csv => Box::new(csv::Csv),
        Format::Markdown => Box::new(markdown::Markdown),
    }
}

/// A number for humans: integers without decimals, others with up to three, no trailing zeros.
pub fn num(x: f64) -> String {
    if x == 0.0 {
        return "0".into();
    }
    let s = format!("{x:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.to_string() }
}

/// Rounds to four decimals (rates in JSON, so that float noise does not show).
pub fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// The rows of an actor table: actors by sentences, then narration.
pub fn actor_rows(b: &Breakdown) -> Vec<(String, Option<&str>, &Tally)> {
    let mut rows: Vec<(String, Option<&str>, &Tally)> = b
        .actors_by_sentences()
        .into_iter()
        .map(|(name, a)| (name.clone(), a.group.as_deref(), &a.tally))
        .collect();
    if b.narration.sentences > 0 {
        rows.push(("(narration)".into(), None, &b.narration));
    }
    rows
}

/// Leaves out a `group` column in which no row has a group (no actors file, or one without
/// groups): an empty column only narrows the others. JSON and CSV keep the field.
fn drop_empty_groups(mut sections: Vec<Section>) -> Vec<Section> {
    for s in &mut sections {
        if let Some(c) = drop_empty_column(&mut s.header, &mut s.rows, "group") {
            s.shrink = s.shrink.map(|k| if k > c { k - 1 } else { k });
        }
    }
    sections
}

/// Removes the column headed `name` (ASCII case ignored) when every cell of it is empty; returns
/// its index.
pub fn drop_empty_column(
    header: &mut Vec<String>,
    rows: &mut [Vec<String>],
    name: &str,
) -> Option<usize> {
    let c = header.iter().position(|h| h.eq_ignore_ascii_case(name))?;
    if !rows.iter().all(|r| r[c].is_empty()) {
        return None;
    }
    header.remove(c);
    for r in rows {
        r.remove(c);
    }
    Some(c)
}

/// The first cells of an actor row: name, group, documents, sentences, tokens.
pub fn actor_row_head(name: String, group: Option<&str>, t: &Tally) -> Vec<String> {
    vec![
        name,
        group.unwrap_or("").to_string(),
        t.documents.to_string(),
        t.sentences.to_string(),
        t.tokens.to_string(),
    ]
}

/// Sentences with at least one match, per theme, over all documents.
pub fn sentences_with_hits(docs: &[AnalyzedDocument], themes: usize) -> Vec<u64> {
    let mut v = vec![0u64; themes];
    for d in docs {
        for s in &d.sentences {
            for (t, n) in v.iter_mut().enumerate() {
                if s.matches.iter().any(|m| m.theme == t) {
                    *n += 1;
                }
            }
        }
    }
    v
}

/// The sums of one document.
pub fn doc_tally(d: &AnalyzedDocument, themes: usize) -> Tally {
    let mut t = Tally::new(themes);
    t.documents = 1;
    for s in &d.sentences {
        t.add_sentence(s);
    }
    t
}

/// A titled grid of cells: the common shape of the human formats (table, Markdown).
pub struct Section {
    /// Heading.
    pub title: String,
    /// Column names.
    pub header: Vec<String>,
    /// Rows of cells.
    pub rows: Vec<Vec<String>>,
    /// A column that may be shortened to fit the width (the sentence text).
    pub shrink: Option<usize>,
    /// Notes printed under the grid (warnings, explanations).
    pub notes: Vec<String>,
}

fn scores_cell(themes: &[String], scores: &[f64]) -> String {
    scores
        .iter()
        .enumerate()
        .filter(|(_, v)| **v != 0.0)
        .map(|(t, v)| format!("{} {}", themes[t], num(*v)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The sections of a score report.
pub fn score_sections(rep: &ScoreReport<'_>) -> Vec<Section> {
    let themes = rep.matcher.themes();
    let mut out = Vec::new();
    for d in rep.documents {
        let text = &d.doc.text;
        let rows = d
            .sentences
            .iter()
            .enumerate()
            .map(|(i, s)| {
                vec![
                    i.to_string(),
                    s.attribution.speaker.clone().unwrap_or_else(|| "-".into()),
                    s.attribution.kind.as_str().to_string(),
                    scores_cell(themes, &s.scores),
                    s.sentence.text(text).to_string(),
                ]
            })
            .collect();
        let mut notes = Vec::new();
        if d.doc.replaced > 0 {
            notes.push(format!(
                "{} invalid UTF-8 sequence(s) replaced",
                d.doc.replaced
            ));
        }
        if d.sentences.is_empty() {
            notes.push("no sentences".into());
        }
        out.push(Section {
            title: d.doc.id.clone(),
            header: ["#", "speaker", "attribution", "scores", "sentence"]
                .map(String::from)
                .to_vec(),
            rows,
            shrink: Some(4),
            notes,
        });
        if rep.explain {
            let mut rows = Vec::new();
            for (i, s) in d.sentences.iter().enumerate() {
                for m in &s.matches {
                    rows.push(vec![
                        i.to_string(),
                        themes[m.theme].clone(),
                        rep.matcher.term_label(m.term).to_string(),
                        text[m.start..m.end].to_string(),
                        format!("{}..{}", m.start, m.end),
                        num(m.weight),
                        if m.negated {
                            "yes".into()
                        } else {
                            String::new()
                        },
                        m.intensifier
                            .map(|x| format!("×{}", num(x)))
                            .unwrap_or_default(),
                    ]);
                }
            }
            out.push(Section {
                title: format!("{}: matches", d.doc.id),
                header: [
                    "#",
                    "theme",
                    "term",
                    "text",
                    "bytes",
                    "weight",
                    "negated",
                    "intensifier",
                ]
                .map(String::from)
                .to_vec(),
                rows,
                shrink: None,
                notes: Vec::new(),
            });
            let rows = d
                .sentences
                .iter()
                .enumerate()
                .filter(|(_, s)| s.attribution.speaker.is_some() || !s.attribution.rule.is_empty())
                .map(|(i, s)| {
                    let a = &s.attribution;
                    vec![
                        i.to_string(),
                        a.speaker.clone().unwrap_or_else(|| "-".into()),
                        a.kind.as_str().to_string(),
                        a.cue
                            .as_ref()
                            .map(|c| format!("{} ({}..{})", c.text, c.start, c.end))
                            .unwrap_or_default(),
                        a.rule.clone(),
                    ]
                })
                .collect();
            out.push(Section {
                title: format!("{}: attribution evidence", d.doc.id),
                header: ["#", "speaker", "attribution", "cue", "rule"]
                    .map(String::from)
                    .to_vec(),
                rows,
                shrink: Some(4),
                notes: Vec::new(),
            });
        }
    }
    let total = &rep.breakdown.total;
    let with_hits = sentences_with_hits(rep.documents, themes.len());
    out.push(Section {
        title: "Themes".into(),
        header: ["theme", "score", "hits", "sentences", "per 1k tokens"]
            .map(String::from)
            .to_vec(),
        rows: themes
            .iter()
            .enumerate()
            .map(|(i, id)| {
                vec![
                    id.clone(),
                    num(total.score(i)),
                    total.hits[i].to_string(),
                    with_hits[i].to_string(),
                    num(total.per_1k(i)),
                ]
            })
            .collect(),
        shrink: None,
        notes: vec![format!(
            "{} document(s), {} sentence(s), {} tokens",
            total.documents, total.sentences, total.tokens
        )],
    });
    let mut header: Vec<String> = ["actor", "group", "docs", "sentences", "tokens"]
        .map(String::from)
        .to_vec();
    header.extend(themes.iter().cloned());
    out.push(Section {
        title: "Actors (theme scores)".into(),
        header,
        rows: actor_rows(rep.breakdown)
            .into_iter()
            .map(|(name, group, t)| {
                let mut row = actor_row_head(name, group, t);
                row.extend((0..themes.len()).map(|i| num(t.score(i))));
                row
            })
            .collect(),
        shrink: None,
        notes: Vec::new(),
    });
    drop_empty_groups(out)
}

fn interval_cell(i: &crate::compare::Interval) -> String {
    format!("{} [{}, {}]", num(i.value), num(i.low), num(i.high))
}

/// The sections of a comparison.
pub fn compare_sections(rep: &CompareReport<'_>) -> Vec<Section> {
    let c = rep.comparison;
    let mut out = Vec::new();
    let mut notes: Vec<String> = c
        .speakers
        .iter()
        .filter(|s| !s.merged.is_empty())
        .map(|s| {
            format!(
                "{}: also counts the speaker(s) {} (documents that give only that name)",
                s.actor,
                s.merged.join(", ")
            )
        })
        .collect();
    notes.extend(
        c.speakers
            .iter()
            .filter_map(|s| s.warning.as_ref().map(|w| format!("{}: {w}", s.actor))),
    );
    notes.extend(
        c.missing
            .iter()
            .map(|m| format!("not found among the speakers: {m}")),
    );
    if c.left_out > 0 {
        notes.push(format!(
            "{} more speaker(s) with fewer sentences not compared: --speakers N or --actor NAME",
            c.left_out
        ));
    }
    notes.extend(c.ambiguous.iter().map(|(m, names)| {
        format!(
            "`{m}` is a name of several speakers ({}): name one of them",
            names.join(", ")
        )
    }));
    out.push(Section {
        title: "Speakers".into(),
        header: ["actor", "group", "docs", "sentences", "tokens"]
            .map(String::from)
            .to_vec(),
        rows: c
            .speakers
            .iter()
            .map(|s| {
                vec![
                    s.actor.clone(),
                    s.group.clone().unwrap_or_default(),
                    s.documents.to_string(),
                    s.sentences.to_string(),
                    s.tokens.to_string(),
                ]
            })
            .collect(),
        shrink: None,
        notes,
    });
    let mut header = vec!["theme".to_string()];
    header.extend(c.speakers.iter().map(|s| s.actor.clone()));
    out.push(Section {
        title: format!(
            "Rate per 1,000 tokens [95% bootstrap interval; {} replicates over sentences, seed {}]",
            c.replicates, c.seed
        ),
        header,
        rows: c
            .themes
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut row = vec![t.clone()];
                row.extend(c.speakers.iter().map(|s| interval_cell(&s.rates[i])));
                row
            })
            .collect(),
        shrink: None,
        notes: Vec::new(),
    });
    if let Some(p) = &c.pair {
        out.push(Section {
            title: format!("Difference: {} − {} (per 1,000 tokens)", p.a, p.b),
            header: ["theme", "difference [95% interval]", "interval excludes 0"]
                .map(String::from)
                .to_vec(),
            rows: c
                .themes
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let d = &p.differences[i];
                    let clear = d.low > 0.0 || d.high < 0.0;
                    vec![
                        t.clone(),
                        interval_cell(d),
                        if clear { "yes".into() } else { "no".into() },
                    ]
                })
                .collect(),
            shrink: None,
            notes: p.warning.iter().cloned().collect(),
        });
    }
    if c.explained {
        for s in &c.speakers {
            out.push(Section {
                title: format!("Lexicon terms behind the scores of {}", s.actor),
                header: ["theme", "term", "hits", "score"]
                    .map(String::from)
                    .to_vec(),
                rows: s
                    .explain
                    .iter()
                    .map(|e| {
                        vec![
                            c.themes[e.theme].clone(),
                            e.term.clone(),
                            e.hits.to_string(),
                            num(e.score),
                        ]
                    })
                    .collect(),
                shrink: None,
                notes: Vec::new(),
            });
        }
    }
    for t in &c.terms {
        out.push(Section {
            title: format!(
                "Words that distinguish {} from {} (log-odds, informative Dirichlet prior)",
                t.actor,
                if t.versus.is_empty() {
                    "-".to_string()
                } else {
                    t.versus.join(", ")
                }
            ),
            header: ["term", "count", "others", "log-odds", "z"]
                .map(String::from)
                .to_vec(),
            rows: t
                .terms
                .iter()
                .map(|d| {
                    vec![
                        d.term.clone(),
                        d.count.to_string(),
                        d.count_others.to_string(),
                        num(d.log_odds),
                        num(d.z),
                    ]
                })
                .collect(),
            shrink: None,
            notes: t.warning.iter().cloned().collect(),
        });
    }
    drop_empty_groups(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretty_json_is_serde_jsons() {
        // empty and nested containers, and nesting deeper than the one-call indents
        let mut deep = serde_json::json!([1, {}]);
        for i in 0..40 {
            deep = serde_json::json!({ "level": i, "inner": deep, "list": [], "obj": { "a": [1.5, "x"] } });
        }
        for v in [
            serde_json::json!([]),
            serde_json::json!({}),
            serde_json::json!("s"),
            deep,
        ] {
            let mut ours = Vec::new();
            write_json_pretty(&mut ours, &v).unwrap();
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string_pretty(&v).unwrap() + "\n"
            );
        }
    }

    #[test]
    fn numbers_are_short_and_exact_enough() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.5), "1.5");
        assert_eq!(num(-2.25), "-2.25");
        assert_eq!(num(1.0 / 3.0), "0.333");
        assert_eq!(num(0.0), "0");
        assert_eq!(num(-0.0001), "0");
    }
}
