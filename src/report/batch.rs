//! Batch and merge reports: per-actor, per-group, per-document and top-document tables over a
//! corpus, in every format (table, json, jsonl, csv, markdown), and the `--partial` lines.
//!
//! Everything is rendered from a [`CorpusAgg`] (exact sums), so `stance merge` over partials and
//! one `stance batch` over everything print the same bytes. Rows are in a fixed order (actors by
//! sentences then name, groups by name, documents in input order), never in completion order.

use super::{Pretty, write_json_line};
use crate::aggregate::{ActorTally, Breakdown, CorpusAgg, Tally};
use crate::cli::Format;
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use serde_json::ser::{CompactFormatter, Formatter};
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
        Format::Json => write_json(out, rep)?,
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
struct JsonTop<'a> {
    theme: &'a str,
    documents: Vec<JsonTopDoc<'a>>,
}

#[derive(Serialize)]
struct JsonTopDoc<'a> {
    id: &'a str,
    score: f64,
}

/// The JSON report and JSON lines, written directly rather than through serde: a row is three
/// counts and three maps over the themes, and serde's calls per key and value cost ~10 K
/// instructions a row. The bytes are serde_json's: its pretty layout (as [`Pretty`] writes it) or
/// its compact one, numbers through its own formatter, strings through its serializer, and the
/// few parts that are not rows (lexicons, top documents, issues) through serde at their depth.
struct JsonOut<'a> {
    buf: Vec<u8>,
    out: &'a mut dyn Write,
    pretty: bool,
    /// Each theme's name as a JSON string, followed by the key separator.
    theme_keys: Vec<Vec<u8>>,
}

/// A row's labels (actor, id, group...), written before its counts unless `None`.
type Labels<'a> = [(&'static str, Option<&'a str>)];

impl<'a> JsonOut<'a> {
    fn new(out: &'a mut dyn Write, pretty: bool, themes: &[String]) -> io::Result<Self> {
        let mut theme_keys = Vec::with_capacity(themes.len());
        for t in themes {
            let mut key = serde_json::to_vec(t)?;
            key.extend_from_slice(if pretty { b": " } else { b":" });
            theme_keys.push(key);
        }
        Ok(JsonOut {
            buf: Vec::with_capacity(1 << 16),
            out,
            pretty,
            theme_keys,
        })
    }

    /// Before a value of an array or a key of an object at `depth`: the comma when it is not the
    /// first, and in the pretty layout the line break and indent.
    fn line(&mut self, comma: bool, depth: usize) -> io::Result<()> {
        if self.pretty {
            super::pretty_line(&mut self.buf, comma, depth)
        } else {
            if comma {
                self.buf.push(b',');
            }
            Ok(())
        }
    }

    /// A key (a plain identifier, nothing to escape) of an object at `depth`.
    fn key(&mut self, first: bool, depth: usize, key: &str) -> io::Result<()> {
        self.line(!first, depth)?;
        self.buf.push(b'"');
        self.buf.extend_from_slice(key.as_bytes());
        self.buf
            .extend_from_slice(if self.pretty { b"\": " } else { b"\":" });
        Ok(())
    }

    fn str(&mut self, s: &str) -> io::Result<()> {
        Ok(serde_json::to_writer(&mut self.buf, s)?)
    }

    fn u64(&mut self, v: u64) -> io::Result<()> {
        CompactFormatter.write_u64(&mut self.buf, v)
    }

    /// As serde_json writes an `f64`: `null` when not finite.
    fn f64(&mut self, v: f64) -> io::Result<()> {
        if v.is_finite() {
            CompactFormatter.write_f64(&mut self.buf, v)
        } else {
            CompactFormatter.write_null(&mut self.buf)
        }
    }

    /// Any other value, through serde, as the value of a key at `depth`.
    fn serde(&mut self, depth: usize, v: &impl Serialize) -> io::Result<()> {
        if self.pretty {
            let mut ser = serde_json::Serializer::with_formatter(&mut self.buf, Pretty::at(depth));
            v.serialize(&mut ser)?;
        } else {
            serde_json::to_writer(&mut self.buf, v)?;
        }
        Ok(())
    }

    /// Hands what is buffered to the output once there is enough of it.
    fn spill(&mut self) -> io::Result<()> {
        if self.buf.len() >= 1 << 16 {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    fn finish(self) -> io::Result<()> {
        self.out.write_all(&self.buf)
    }

    /// One row as an object at `depth`: its labels, counts, scores, hits and rates.
    fn unit(&mut self, depth: usize, labels: &Labels<'_>, t: &Tally) -> io::Result<()> {
        let d = depth + 1;
        self.buf.push(b'{');
        let mut first = true;
        for (k, v) in labels {
            if let Some(v) = v {
                self.key(first, d, k)?;
                self.str(v)?;
                first = false;
            }
        }
        self.key(first, d, "documents")?;
        self.u64(t.documents)?;
        self.key(false, d, "sentences")?;
        self.u64(t.sentences)?;
        self.key(false, d, "tokens")?;
        self.u64(t.tokens)?;
        self.theme_map(d, "scores", |i| t.score(i))?;
        self.theme_map(d, "hits", |i| t.hits[i] as f64)?;
        self.theme_map(d, "per_1k_tokens", |i| round4(t.per_1k(i)))?;
        self.line(false, depth)?;
        self.buf.push(b'}');
        self.spill()
    }

    /// A map from theme to number, as the value of `key` at `depth`.
    fn theme_map(&mut self, depth: usize, key: &str, f: impl Fn(usize) -> f64) -> io::Result<()> {
        self.key(false, depth, key)?;
        self.buf.push(b'{');
        for i in 0..self.theme_keys.len() {
            self.line(i > 0, depth + 1)?;
            self.buf.extend_from_slice(&self.theme_keys[i]);
            self.f64(f(i))?;
        }
        if !self.theme_keys.is_empty() {
            self.line(false, depth)?;
        }
        self.buf.push(b'}');
        Ok(())
    }

    /// An array of rows as the value of `key` at `depth`.
    fn units<'r, const N: usize>(
        &mut self,
        depth: usize,
        key: &str,
        rows: impl Iterator<Item = ([(&'static str, Option<&'r str>); N], &'r Tally)>,
    ) -> io::Result<()> {
        self.key(false, depth, key)?;
        self.buf.push(b'[');
        let mut first = true;
        for (labels, t) in rows {
            self.line(!first, depth + 1)?;
            self.unit(depth + 1, &labels, t)?;
            first = false;
        }
        if !first {
            self.line(false, depth)?;
        }
        self.buf.push(b']');
        Ok(())
    }

    /// A breakdown's total, narration, actors and actor groups, as keys at `depth` after others.
    fn breakdown(&mut self, depth: usize, b: &Breakdown) -> io::Result<()> {
        self.key(false, depth, "total")?;
        self.unit(depth, &[], &b.total)?;
        self.key(false, depth, "narration")?;
        self.unit(depth, &[], &b.narration)?;
        let actors = b.actors_by_sentences().into_iter().map(|(name, a)| {
            let group = a.group.as_deref().filter(|g| !g.is_empty());
            ([("actor", Some(&name[..])), ("group", group)], &a.tally)
        });
        self.units(depth, "actors", actors)?;
        let groups = (b.actor_groups.iter()).map(|(g, t)| ([("group", Some(&g[..]))], t));
        self.units(depth, "actor_groups", groups)
    }
}

/// `--format json`: the whole report, pretty-printed.
fn write_json(out: &mut dyn Write, rep: &BatchReport<'_>) -> io::Result<()> {
    let agg = rep.agg;
    let themes = &agg.themes[..];
    let mut j = JsonOut::new(out, true, themes)?;
    j.buf.push(b'{');
    j.key(true, 1, "schema")?;
    j.str(SCHEMA)?;
    j.key(false, 1, "lexicons")?;
    j.serde(1, &agg.lexicons)?;
    j.key(false, 1, "themes")?;
    j.serde(1, &themes)?;
    j.key(false, 1, "documents")?;
    j.u64(agg.documents())?;
    j.key(false, 1, "bytes")?;
    j.u64(agg.bytes)?;
    j.breakdown(1, &agg.overall)?;
    if let Some(gb) = &agg.group_by {
        j.key(false, 1, "group_by")?;
        j.str(gb)?;
        j.key(false, 1, "groups")?;
        j.buf.push(b'[');
        for (i, (g, b)) in agg.groups.iter().enumerate() {
            j.line(i > 0, 2)?;
            j.buf.push(b'{');
            j.key(true, 3, "group")?;
            j.str(g)?;
            j.breakdown(3, b)?;
            j.line(false, 2)?;
            j.buf.push(b'}');
        }
        if !agg.groups.is_empty() {
            j.line(false, 1)?;
        }
        j.buf.push(b']');
    }
    let top: Vec<JsonTop> = themes
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
        .collect();
    j.key(false, 1, "top_documents")?;
    j.serde(1, &top)?;
    if let Some(docs) = rep.documents {
        let rows = docs.iter().map(|d| {
            let labels = [("id", Some(&d.id[..])), ("group", d.group.as_deref())];
            (labels, &d.tally)
        });
        j.units(1, "per_document", rows)?;
    }
    j.key(false, 1, "errors")?;
    j.serde(1, &agg.errors)?;
    j.key(false, 1, "warnings")?;
    j.serde(1, &agg.warnings)?;
    j.line(false, 0)?;
    j.buf.extend_from_slice(b"}\n");
    j.finish()
}

/// `--format jsonl`: one compact line per row.
fn write_jsonl(out: &mut dyn Write, rep: &BatchReport<'_>) -> io::Result<()> {
    let mut j = JsonOut::new(out, false, &rep.agg.themes)?;
    for u in all_units(rep) {
        let labels = [
            ("scope", Some(u.scope)),
            ("unit_kind", Some(u.kind)),
            ("id", Some(u.name)),
            ("group", u.actor_group),
        ];
        j.unit(0, &labels, u.tally)?;
        j.buf.push(b'\n');
    }
    j.finish()
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
    fn json_and_jsonl_are_serde_json_layouts() {
        // written directly, they must be what serde_json writes for the same values
        let mut a = agg();
        a.group_by = Some("year".into());
        a.groups.insert("2024 \"q\"".into(), a.overall.clone());
        a.groups.insert("2025".into(), Breakdown::new(2));
        a.overall.actor_groups.insert("X".into(), Tally::new(2));
        a.overall.narration.tokens = 3;
        a.overall.narration.scores[1] = 1;
        let docs = [DocRow {
            id: "d\u{e9}\n".into(),
            group: Some(String::new()),
            bytes: 3,
            tally: a.overall.total.clone(),
        }];
        for format in [Format::Json, Format::Jsonl] {
            let mut out = Vec::new();
            let rep = BatchReport {
                agg: &a,
                documents: Some(&docs),
            };
            write_batch(&mut out, &rep, format).unwrap();
            let s = String::from_utf8(out).unwrap();
            if format == Format::Json {
                let v: serde_json::Value = serde_json::from_str(&s).unwrap();
                assert_eq!(serde_json::to_string_pretty(&v).unwrap() + "\n", s);
                assert_eq!(v["groups"][0]["actors"][0]["group"], "X");
                assert_eq!(v["per_document"][0]["group"], "");
            } else {
                for line in s.lines() {
                    let v: serde_json::Value = serde_json::from_str(line).unwrap();
                    assert_eq!(serde_json::to_string(&v).unwrap(), line);
                }
                assert_eq!(s.lines().count(), 10);
            }
        }
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
