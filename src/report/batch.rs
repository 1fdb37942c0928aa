//! Batch and merge reports: per-actor, per-group, per-document and top-document tables over a
//! corpus, in every format (table, json, jsonl, csv, markdown), and the `--partial` lines.
//!
//! Everything is rendered from a [`CorpusAgg`] (exact sums), so `stance merge` over partials and
//! one `stance batch` over everything print the same bytes. Rows are in a fixed order (actors by
//! sentences then name, groups by name, documents in input order), never in completion order.

use super::{write_json_line, write_json_pretty};
use crate::aggregate::{ActorTally, Breakdown, CorpusAgg, Tally};
use crate::cli::Format;
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use std::io::{self, Write};

/// The schema tag of JSON reports and partials.
pub const SCHEMA: &str = "stance/1";

/// The row name of sentences without a speaker.
pub const NARRATION: &str = "(narration)";

/// The scope of rows that cover every document (as opposed to one `--group-by` group).
pub const ALL: &str = "(all)";

/// Actors shown in a terminal or Markdown table (json and csv list them all).
const TABLE_ACTORS: usize = 20;
/// Actors listed per `--group-by` group in the table and Markdown reports.
const GROUP_ACTORS: usize = 3;

/// One document's totals, kept for `--per document`.
#[derive(Clone, Debug, PartialEq)]
pub struct DocRow {
    /// Document id.
    pub id: String,
    /// Its `--group-by` group.
    pub group: Option<String>,
    /// Input bytes.
    pub bytes: u64,
    /// Its sums.
    pub tally: Tally,
}

/// What a batch or merge report shows.
pub struct BatchReport<'a> {
    /// The sums.
    pub agg: &'a CorpusAgg,
    /// Per-document rows (`--per document`), in input order.
    pub documents: Option<&'a [DocRow]>,
}

/// Writes a report.
pub fn write_batch(
    out: &mut dyn Write,
    rep: &BatchReport<'_>,
    format: Format,
) -> anyhow::Result<()> {
    match format {
        Format::Json => {
            write_json_pretty(out, &JsonReport::new(rep))?;
        }
        Format::Jsonl => write_jsonl(out, rep)?,
        Format::Csv => write_csv(out, rep)?,
        Format::Table => write_grids(out, rep, false)?,
        Format::Markdown => write_grids(out, rep, true)?,
    }
    Ok(())
}

/// Writes one `{"kind":"doc"}` partial line.
pub fn write_doc_line(out: &mut dyn Write, themes: &[String], row: &DocRow) -> anyhow::Result<()> {
    #[derive(Serialize)]
    struct Line<'a> {
        kind: &'static str,
        id: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        group: Option<&'a str>,
        bytes: u64,
        sentences: u64,
        tokens: u64,
        scores: ThemeMap<'a>,
    }
    let line = Line {
        kind: "doc",
        id: &row.id,
        group: row.group.as_deref(),
        bytes: row.bytes,
        sentences: row.tally.sentences,
        tokens: row.tally.tokens,
        scores: ThemeMap(themes, scores(&row.tally)),
    };
    write_json_line(out, &line)?;
    Ok(())
}

/// Writes the final `{"kind":"partial"}` line.
pub fn write_partial(out: &mut dyn Write, agg: &CorpusAgg) -> anyhow::Result<()> {
    #[derive(Serialize)]
    struct Line<'a> {
        kind: &'static str,
        schema: &'static str,
        docs: u64,
        agg: &'a CorpusAgg,
    }
    let line = Line {
        kind: "partial",
        schema: SCHEMA,
        docs: agg.documents(),
        agg,
    };
    write_json_line(out, &line)?;
    Ok(())
}

/// Serialises per-theme numbers as a map in theme order.
struct ThemeMap<'a>(&'a [String], Vec<f64>);

impl Serialize for ThemeMap<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0.iter().zip(&self.1) {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

fn scores(t: &Tally) -> Vec<f64> {
    (0..t.scores.len()).map(|i| t.score(i)).collect()
}

/// Per-1k-token rates, rounded to 4 decimals so they print the same everywhere.
fn rates(t: &Tally) -> Vec<f64> {
    (0..t.scores.len()).map(|i| round4(t.per_1k(i))).collect()
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// One row of a report: a unit (actor, actor group, narration, corpus, document) in a scope.
struct Unit<'a> {
    scope: &'a str,
    kind: &'static str,
    name: &'a str,
    actor_group: Option<&'a str>,
    tally: &'a Tally,
}

/// The units of a breakdown in report order: actors by sentences, narration, actor groups, total.
fn units<'a>(scope: &'a str, b: &'a Breakdown) -> Vec<Unit<'a>> {
    let mut v: Vec<Unit<'a>> = b
        .actors_by_sentences()
        .into_iter()
        .map(|(name, a): (&String, &ActorTally)| Unit {
            scope,
            kind: "actor",
            name,
            actor_group: a.group.as_deref(),
            tally: &a.tally,
        })
        .collect();
    v.push(Unit {
        scope,
        kind: "narration",
        name: NARRATION,
        actor_group: None,
        tally: &b.narration,
    });
    for (g, t) in &b.actor_groups {
        v.push(Unit {
            scope,
            kind: "actor_group",
            name: g,
            actor_group: Some(g),
            tally: t,
        });
    }
    v.push(Unit {
        scope,
        kind: "corpus",
        name: ALL,
        actor_group: None,
        tally: &b.total,
    });
    v
}

/// Every unit of the report: the whole corpus, each group, each document.
fn all_units<'a>(rep: &'a BatchReport<'a>) -> Vec<Unit<'a>> {
    let mut v = units(ALL, &rep.agg.overall);
    for (g, b) in &rep.agg.groups {
        v.extend(units(g, b));
    }
    for d in rep.documents.unwrap_or(&[]) {
        v.push(Unit {
            scope: d.group.as_deref().unwrap_or(ALL),
            kind: "document",
            name: &d.id,
            actor_group: None,
            tally: &d.tally,
        });
    }
    v
}

#[derive(Serialize)]
struct JsonUnit<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    scope: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit_kind: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    actor: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<&'a str>,
    documents: u64,
    sentences: u64,
    tokens: u64,
    scores: ThemeMap<'a>,
    hits: ThemeMap<'a>,
    per_1k_tokens: ThemeMap<'a>,
}

fn json_unit<'a>(themes: &'a [String], t: &'a Tally) -> JsonUnit<'a> {
    JsonUnit {
        scope: None,
        unit_kind: None,
        actor: None,
        id: None,
        group: None,
        documents: t.documents,
        sentences: t.sentences,
        tokens: t.tokens,
        scores: ThemeMap(themes, scores(t)),
        hits: ThemeMap(themes, t.hits.iter().map(|&h| h as f64).collect()),
        per_1k_tokens: ThemeMap(themes, rates(t)),
    }
}

#[derive(Serialize)]
struct JsonBreakdown<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<&'a str>,
    total: JsonUnit<'a>,
    narration: JsonUnit<'a>,
    actors: Vec<JsonUnit<'a>>,
    actor_groups: Vec<JsonUnit<'a>>,
}

fn json_breakdown<'a>(
    themes: &'a [String],
    group: Option<&'a str>,
    b: &'a Breakdown,
) -> JsonBreakdown<'a> {
    JsonBreakdown {
        group,
        total: json_unit(themes, &b.total),
        narration: json_unit(themes, &b.narration),
        actors: b
            .actors_by_sentences()
            .into_iter()
            .map(|(name, a)| JsonUnit {
                actor: Some(name),
                group: Some(a.group.as_deref().unwrap_or_default()).filter(|g| !g.is_empty()),
                ..json_unit(themes, &a.tally)
            })
            .collect(),
        actor_groups: b
            .actor_groups
            .iter()
            .map(|(g, t)| JsonUnit {
                group: Some(g),
                ..json_unit(themes, t)
            })
            .collect(),
    }
}

#[derive(Serialize)]
struct JsonTop<'a> {
    theme: &'a str,
    documents: Vec<JsonTopDoc<'a>>,
}

#[derive(Serialize)]
struct JsonTopDoc<'a> {
    id: &'a str,
    score: f64,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    schema: &'static str,
    lexicons: &'a [crate::aggregate::LexiconId],
    themes: &'a [String],
    documents: u64,
    bytes: u64,
    #[serde(flatten)]
    overall: JsonBreakdown<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    group_by: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    groups: Option<Vec<JsonBreakdown<'a>>>,
    top_documents: Vec<JsonTop<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    per_document: Option<Vec<JsonUnit<'a>>>,
    errors: &'a [crate::input::corpus::Issue],
    warnings: &'a [crate::input::corpus::Issue],
}

impl<'a> JsonReport<'a> {
    fn new(rep: &'a BatchReport<'a>) -> Self {
        let agg = rep.agg;
        let themes = &agg.themes[..];
        JsonReport {
            schema: SCHEMA,
            lexicons: &agg.lexicons,
            themes,
            documents: agg.documents(),
            bytes: agg.bytes,
            overall: json_breakdown(themes, None, &agg.overall),
            group_by: agg.group_by.as_deref(),
            groups: agg.group_by.as_ref().map(|_| {
                agg.groups
                    .iter()
                    .map(|(g, b)| json_breakdown(themes, Some(g), b))
                    .collect()
            }),
            top_documents: themes
                .iter()
                .zip(&agg.top)
                .map(|(t, list)| JsonTop {
                    theme: t,
                    documents: list
                        .iter()
                        .map(|d| JsonTopDoc {
                            id: &d.id,
                            score: d.score as f64 / crate::aggregate::SCALE,
                        })
                        .collect(),
                })
                .collect(),
            per_document: rep.documents.map(|docs| {
                docs.iter()
                    .map(|d| JsonUnit {
                        id: Some(&d.id),
                        group: d.group.as_deref(),
                        ..json_unit(themes, &d.tally)
                    })
                    .collect()
            }),
            errors: &agg.errors,
            warnings: &agg.warnings,
        }
    }
}

fn write_jsonl(out: &mut dyn Write, rep: &BatchReport<'_>) -> anyhow::Result<()> {
    let themes = &rep.agg.themes[..];
    for u in all_units(rep) {
        let line = JsonUnit {
            scope: Some(u.scope),
            unit_kind: Some(u.kind),
            id: Some(u.name),
            group: u.actor_group,
            ..json_unit(themes, u.tally)
        };
        write_json_line(out, &line)?;
    }
    Ok(())
}

fn write_csv(out: &mut dyn Write, rep: &BatchReport<'_>) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    // A closed pipe must surface as an io::Error (BrokenPipe), which the CLI turns into exit 0.
    let io_err = |e: csv::Error| match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    };
    w.write_record([
        "scope",
        "unit_kind",
        "unit",
        "actor_group",
        "theme",
        "score",
        "hits",
        "documents",
        "sentences",
        "tokens",
        "per_1k_tokens",
    ])
    .map_err(io_err)?;
    let themes = &rep.agg.themes;
    for u in all_units(rep) {
        let (s, r) = (scores(u.tally), rates(u.tally));
        for (i, theme) in themes.iter().enumerate() {
            w.write_record([
                u.scope,
                u.kind,
                u.name,
                u.actor_group.unwrap_or(""),
                theme,
                &s[i].to_string(),
                &u.tally.hits[i].to_string(),
                &u.tally.documents.to_string(),
                &u.tally.sentences.to_string(),
                &u.tally.tokens.to_string(),
                &r[i].to_string(),
            ])
            .map_err(io_err)?;
        }
    }
    w.flush()?;
    Ok(())
}

/// A titled table, rendered with comfy-table or as Markdown.
struct Grid {
    title: String,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    note: Option<String>,
}

/// Numeric columns are right-aligned.
fn is_numeric(header: &str) -> bool {
    matches!(header, "Docs" | "Sentences" | "Tokens" | "Rank" | "Score")
        || header.ends_with("(/1k)")
}

fn theme_header(themes: &[String]) -> Vec<String> {
    themes.iter().map(|t| format!("{t}\nscore (/1k)")).collect()
}

fn theme_cells(t: &Tally) -> Vec<String> {
    (0..t.scores.len())
        .map(|i| format!("{} ({:.2})", num(t.score(i)), t.per_1k(i)))
        .collect()
}

/// A score with at most 2 decimals, no trailing zeros.
fn num(x: f64) -> String {
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.to_string() }
}

fn counts(t: &Tally) -> Vec<String> {
    vec![
        t.documents.to_string(),
        t.sentences.to_string(),
        t.tokens.to_string(),
    ]
}

fn actor_grid(title: String, themes: &[String], b: &Breakdown) -> Grid {
    let mut header: Vec<String> = ["Actor", "Group", "Docs", "Sentences", "Tokens"]
        .map(String::from)
        .to_vec();
    header.extend(theme_header(themes));
    let actors = b.actors_by_sentences();
    let mut rows = Vec::new();
    let row = |name: &str, group: &str, t: &Tally| {
        let mut r = vec![name.to_string(), group.to_string()];
        r.extend(counts(t));
        r.extend(theme_cells(t));
        r
    };
    for (name, a) in actors.iter().take(TABLE_ACTORS) {
        rows.push(row(name, a.group.as_deref().unwrap_or(""), &a.tally));
    }
    rows.push(row(NARRATION, "", &b.narration));
    for (g, t) in &b.actor_groups {
        rows.push(row(&format!("[{g}]"), g, t));
    }
    rows.push(row(ALL, "", &b.total));
    let mut notes = Vec::new();
    if actors.len() > TABLE_ACTORS {
        notes.push(format!(
            "{} more actors not shown: --format csv or json lists them all",
            actors.len() - TABLE_ACTORS
        ));
    }
    let split = split_names(&actors);
    if !split.is_empty() {
        notes.push(format!(
            "{} are counted apart (a document that only uses the surname does not say who it \
             is); an actors file (--actors, with aliases) merges them, and `stance compare \
             --actor SURNAME` counts them together",
            split.join(", ")
        ));
    }
    let note = (!notes.is_empty()).then(|| notes.join("\n"));
    Grid {
        title,
        header,
        rows,
        note,
    }
}

/// Leading single-word speakers that are the surname of one dominant fuller speaker ("Putin" and
/// "Vladimir Putin"): a document that only says "Putin" cannot know the full name, so the two are
/// counted apart. Listed so that users can merge them with an actors file.
fn split_names(actors: &[(&String, &crate::aggregate::ActorTally)]) -> Vec<String> {
    let mut out = Vec::new();
    for (name, _) in actors.iter().take(TABLE_ACTORS) {
        if name.contains(' ') || !name.starts_with(char::is_uppercase) {
            continue;
        }
        // the fuller form, when one clearly dominates (actors are sorted by sentences)
        let suffix = format!(" {name}");
        let mut full = actors.iter().filter(|(n, _)| n.ends_with(&suffix));
        match (full.next(), full.next()) {
            (Some((f, a)), b)
                if b.is_none_or(|b| a.tally.sentences >= 10 * b.1.tally.sentences) =>
            {
                out.push(format!("'{name}' and '{f}'"));
            }
            _ => {}
        }
        if out.len() == 3 {
            break;
        }
    }
    out
}

fn grids(rep: &BatchReport<'_>) -> Vec<Grid> {
    let agg = rep.agg;
    let themes = &agg.themes;
    let mut v = vec![actor_grid(
        format!(
            "{} documents, {:.1} MB; actors (score, per 1k tokens)",
            agg.documents(),
            agg.bytes as f64 / 1e6
        ),
        themes,
        &agg.overall,
    )];
    if let Some(gb) = &agg.group_by {
        let mut header = vec![
            gb.clone(),
            "Docs".into(),
            "Sentences".into(),
            "Tokens".into(),
        ];
        header.extend(theme_header(themes));
        let rows = agg
            .groups
            .iter()
            .map(|(g, b)| {
                let mut r = vec![g.clone()];
                r.extend(counts(&b.total));
                r.extend(theme_cells(&b.total));
                r
            })
            .collect();
        v.push(Grid {
            title: format!("Groups by {gb}"),
            header,
            rows,
            note: None,
        });
        // who speaks in each group: its leading actors
        let mut header = vec![
            gb.clone(),
            "Actor".into(),
            "Docs".into(),
            "Sentences".into(),
            "Tokens".into(),
        ];
        header.extend(theme_header(themes));
        let mut rows = Vec::new();
        let mut hidden = 0;
        for (g, b) in &agg.groups {
            let actors = b.actors_by_sentences();
            hidden += actors.len().saturating_sub(GROUP_ACTORS);
            for (name, a) in actors.into_iter().take(GROUP_ACTORS) {
                let mut r = vec![g.clone(), name.clone()];
                r.extend(counts(&a.tally));
                r.extend(theme_cells(&a.tally));
                rows.push(r);
            }
        }
        v.push(Grid {
            title: format!("Leading actors per {gb} (by sentences)"),
            header,
            rows,
            note: (hidden > 0).then(|| {
                format!("{hidden} more actor rows not shown: --format csv or json lists them all")
            }),
        });
    }
    let mut rows = Vec::new();
    for (t, list) in themes.iter().zip(&agg.top) {
        for (i, d) in list.iter().enumerate() {
            rows.push(vec![
                t.clone(),
                (i + 1).to_string(),
                d.id.clone(),
                num(d.score as f64 / crate::aggregate::SCALE),
            ]);
        }
    }
    v.push(Grid {
        title: format!("Top {} documents per theme", agg.top_n),
        header: ["Theme", "Rank", "Document", "Score"]
            .map(String::from)
            .to_vec(),
        rows,
        note: None,
    });
    if let Some(docs) = rep.documents {
        let mut header: Vec<String> = ["Document", "Group", "Docs", "Sentences", "Tokens"]
            .map(String::from)
            .to_vec();
        header.extend(theme_header(themes));
        let rows = docs
            .iter()
            .map(|d| {
                let mut r = vec![d.id.clone(), d.group.clone().unwrap_or_default()];
                r.extend(counts(&d.tally));
                r.extend(theme_cells(&d.tally));
                r
            })
            .collect();
        v.push(Grid {
            title: "Documents".into(),
            header,
            rows,
            note: None,
        });
    }
    if !agg.errors.is_empty() {
        v.push(Grid {
            title: format!("{} input(s) skipped", agg.errors.len()),
            header: vec!["Input".into(), "Error".into()],
            rows: agg
                .errors
                .iter()
                .map(|e| vec![e.input.clone(), e.error.clone()])
                .collect(),
            note: None,
        });
    }
    // a `Group` column in which no row has a group says nothing
    for g in &mut v {
        super::drop_empty_column(&mut g.header, &mut g.rows, "group");
    }
    v
}

fn write_grids(out: &mut dyn Write, rep: &BatchReport<'_>, markdown: bool) -> anyhow::Result<()> {
    for (i, g) in grids(rep).iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        if markdown {
            write_markdown(out, g)?;
        } else {
            write_table(out, g)?;
        }
    }
    Ok(())
}

fn write_table(out: &mut dyn Write, g: &Grid) -> anyhow::Result<()> {
    use comfy_table::{CellAlignment, ContentArrangement, Table, presets};
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(&g.header);
    for r in &g.rows {
        t.add_row(r);
    }
    for (i, c) in t.column_iter_mut().enumerate() {
        if is_numeric(&g.header[i]) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    writeln!(out, "{}", g.title)?;
    writeln!(out, "{t}")?;
    if let Some(n) = &g.note {
        writeln!(out, "{n}")?;
    }
    Ok(())
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn write_markdown(out: &mut dyn Write, g: &Grid) -> anyhow::Result<()> {
    writeln!(out, "### {}\n", md_cell(&g.title))?;
    let head: Vec<String> = g.header.iter().map(|h| md_cell(h)).collect();
    writeln!(out, "| {} |", head.join(" | "))?;
    let rule: Vec<&str> = (0..g.header.len())
        .map(|i| {
            if is_numeric(&g.header[i]) {
                "---:"
            } else {
                "---"
            }
        })
        .collect();
    writeln!(out, "|{}|", rule.join("|"))?;
    for r in &g.rows {
        let cells: Vec<String> = r.iter().map(|c| md_cell(c)).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    if let Some(n) = &g.note {
        writeln!(out, "\n_{}_", md_cell(n))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::TopDoc;

    fn agg() -> CorpusAgg {
        let mut a = CorpusAgg::new(vec!["peace".into(), "war".into()], vec![], None, 5);
        a.overall.total = Tally {
            documents: 2,
            sentences: 4,
            tokens: 2000,
            scores: vec![3_500_000, 0],
            hits: vec![3, 0],
        };
        a.overall.actors.insert(
            "A|B".into(),
            ActorTally {
                group: Some("X".into()),
                tally: Tally {
                    documents: 1,
                    sentences: 1,
                    tokens: 500,
                    scores: vec![1_000_000, 0],
                    hits: vec![1, 0],
                },
            },
        );
        a.top[0].push(TopDoc {
            id: "d1".into(),
            score: 2_000_000,
        });
        a
    }

    fn render(f: Format) -> String {
        let a = agg();
        let mut v = Vec::new();
        write_batch(
            &mut v,
            &BatchReport {
                agg: &a,
                documents: None,
            },
            f,
        )
        .unwrap();
        String::from_utf8(v).unwrap()
    }

    #[test]
    fn a_surname_counted_apart_from_its_dominant_full_name_is_pointed_out() {
        let tally = |sentences| ActorTally {
            group: None,
            tally: Tally {
                sentences,
                ..Tally::new(1)
            },
        };
        let names = |list: &[(&str, u64)]| -> Vec<String> {
            let mut b = Breakdown::new(1);
            for (n, s) in list {
                b.actors.insert(n.to_string(), tally(*s));
            }
            split_names(&b.actors_by_sentences())
        };
        assert_eq!(
            names(&[("Putin", 50), ("Vladimir Putin", 500), ("Lavrov", 9)]),
            ["'Putin' and 'Vladimir Putin'"]
        );
        // a rare, odd fuller form does not hide the dominant one
        assert_eq!(
            names(&[
                ("Putin", 50),
                ("Vladimir Putin", 500),
                ("Kelly Vladimir Putin", 3)
            ]),
            ["'Putin' and 'Vladimir Putin'"]
        );
        // two comparable fuller forms: ambiguous, nothing said
        assert!(
            names(&[
                ("Clinton", 50),
                ("Hillary Clinton", 90),
                ("Bill Clinton", 60)
            ])
            .is_empty()
        );
        assert!(names(&[("Putin", 50)]).is_empty());
    }

    #[test]
    fn csv_is_tidy() {
        let s = render(Format::Csv);
        let mut lines = s.lines();
        assert!(
            lines
                .next()
                .unwrap()
                .starts_with("scope,unit_kind,unit,actor_group,theme,score")
        );
        assert!(s.contains("(all),actor,A|B,X,peace,1,1,1,1,500,2\n"), "{s}");
        assert!(
            s.contains("(all),corpus,(all),,peace,3.5,3,2,4,2000,1.75\n"),
            "{s}"
        );
    }

    #[test]
    fn json_has_schema_actors_and_top() {
        let v: serde_json::Value = serde_json::from_str(&render(Format::Json)).unwrap();
        assert_eq!(v["schema"], SCHEMA);
        assert_eq!(v["documents"], 2);
        assert_eq!(v["actors"][0]["actor"], "A|B");
        assert_eq!(v["actors"][0]["per_1k_tokens"]["peace"], 2.0);
        assert_eq!(v["top_documents"][0]["documents"][0]["id"], "d1");
        assert!(v.get("groups").is_none());
    }

    #[test]
    fn markdown_escapes_pipes() {
        let s = render(Format::Markdown);
        assert!(
            s.contains("| A\\|B | X | 1 | 1 | 500 | 1 (2.00) | 0 (0.00) |"),
            "{s}"
        );
    }
}
