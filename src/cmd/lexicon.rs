//! `stance lexicon check|test|show|import`: the lexicon toolkit.
//!
//! - `check` loads lexicons (errors: exit 2) and runs the lints of [`crate::lexicon::lint`]
//!   (any lint: exit 1);
//! - `test` runs the inline `[[test]]` entries through the real matcher, or shows the matches
//!   of one `--text`;
//! - `show` lists themes, term counts, negation and the lexicons' name, version and SHA-256;
//! - `import` converts a LIWC `.dic` or a quanteda YAML dictionary to lexicon TOML.
//!
//! The analysis lives in the library; this file loads, calls and prints.

use crate::error::{ConfigError, ExitCode};
use crate::lexicon::import::{self, Import};
use crate::lexicon::lint::{self, Lint, LintOptions, LintSource};
use crate::lexicon::{self, Lexicon, LexiconError, LexiconSet, TermPattern};
use crate::matcher::{Match, Matcher};
use crate::report::output::Output;
use crate::report::{self, num};
use clap::{Args, Subcommand, ValueEnum};
use comfy_table::{Table, presets};
use serde_json::{Value, json};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Arguments of `stance lexicon`.
#[derive(Debug, Args)]
pub struct LexiconArgs {
    /// The lexicon tool to run.
    #[command(subcommand)]
    pub command: LexiconCommand,
}

/// The lexicon tools.
#[derive(Debug, Subcommand)]
pub enum LexiconCommand {
    /// Validate lexicons and lint them: exit 0 clean, 1 lints, 2 errors.
    Check(CheckArgs),
    /// Run the inline [[test]] entries (exit 1 on failure), or show the matches of --text.
    Test(TestArgs),
    /// List themes, term counts, negation, and each lexicon's name, version and SHA-256.
    Show(ShowArgs),
    /// Convert a LIWC .dic or quanteda .yml dictionary to lexicon TOML.
    Import(ImportArgs),
}

/// Output formats of the lexicon tools.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ToolFormat {
    /// Human-readable text and tables.
    Table,
    /// One JSON document.
    Json,
}

/// Arguments of `stance lexicon check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Lexicon files or folders (default: the bundled lexicons).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// A text file (or folder of .txt/.jsonl): show what each wildcard matches there, and
    /// flag negation cues that never occur.
    #[arg(long, value_name = "PATH")]
    pub corpus: Option<PathBuf>,
    /// Flag themes with fewer terms than this.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub min_terms: usize,
    /// With --corpus, flag wildcards with more distinct expansions than this.
    #[arg(long, value_name = "N", default_value_t = 25)]
    pub max_expansions: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ToolFormat::Table)]
    pub format: ToolFormat,
}

/// Arguments of `stance lexicon test`.
#[derive(Debug, Args)]
pub struct TestArgs {
    /// Lexicon files or folders (default: the bundled lexicons).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Show the matches of this one sentence instead of running the inline tests.
    #[arg(long, value_name = "SENTENCE")]
    pub text: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ToolFormat::Table)]
    pub format: ToolFormat,
}

/// Arguments of `stance lexicon show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Lexicon files or folders (default: the bundled lexicons).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Show only this theme, with its terms.
    #[arg(long, value_name = "ID")]
    pub theme: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ToolFormat::Table)]
    pub format: ToolFormat,
}

/// Arguments of `stance lexicon import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A LIWC 2007/2015 `.dic` or a quanteda `.yml`/`.yaml` dictionary.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Where to write the lexicon TOML (atomically); `-` for stdout.
    #[arg(long, value_name = "OUT.toml")]
    pub to: PathBuf,
    /// The source format (default: from the file extension).
    #[arg(long, value_enum)]
    pub from: Option<ImportFormat>,
}

/// Dictionary formats `import` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    /// LIWC 2007/2015 `.dic`.
    Liwc,
    /// quanteda YAML.
    Quanteda,
}

/// Runs `stance lexicon`.
pub fn run(args: LexiconArgs) -> anyhow::Result<ExitCode> {
    match args.command {
        LexiconCommand::Check(a) => check(a),
        LexiconCommand::Test(a) => test(a),
        LexiconCommand::Show(a) => show(a),
        LexiconCommand::Import(a) => import_cmd(a),
    }
}

/// A loaded lexicon and the TOML text it came from.
struct Loaded {
    lexicon: Lexicon,
    src: String,
}

/// Lexicon files named by the paths (a folder gives its `.toml`, `.dic`, `.yml`, `.yaml`).
fn files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, LexiconError> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let rd = std::fs::read_dir(p).map_err(|e| io_err(p, &e))?;
            let mut v: Vec<PathBuf> = rd
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| {
                    f.is_file()
                        && f.extension()
                            .and_then(|x| x.to_str())
                            .is_some_and(|x| ["toml", "dic", "yml", "yaml"].contains(&x))
                })
                .collect();
            v.sort();
            out.extend(v);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn io_err(p: &Path, e: &std::io::Error) -> LexiconError {
    let file = p.display().to_string();
    LexiconError {
        message: e.to_string(),
        rendered: format!("error: cannot read {file}: {e}"),
        file,
        line: 0,
        column: 0,
    }
}

fn ext(p: &Path) -> String {
    p.extension()
        .and_then(|x| x.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Loads one file, keeping the TOML it was parsed from (lint locations point into it): the file
/// itself, or for a `.dic`/`.yml` dictionary the TOML it converts to, as [`lexicon::load_file`]
/// does. The file is read once.
fn load_one(p: &Path) -> Result<Loaded, LexiconError> {
    let name = p.display().to_string();
    let raw = std::fs::read_to_string(p).map_err(|e| io_err(p, &e))?;
    let src = match ext(p).as_str() {
        "dic" => import::liwc_to_toml(&raw, &name)?.toml,
        "yml" | "yaml" => import::quanteda_to_toml(&raw, &name)?.toml,
        _ => raw,
    };
    let lexicon = lexicon::parse_str(&src, &name)?;
    Ok(Loaded { lexicon, src })
}

/// Loads the paths (or the bundled lexicons), collecting every error rather than the first.
fn load_all(paths: &[PathBuf]) -> (Vec<Loaded>, Vec<LexiconError>) {
    if paths.is_empty() {
        let loaded = lexicon::BUNDLED
            .iter()
            .map(|(name, src)| {
                lexicon::parse_str(src, &format!("bundled:{name}")).map(|lexicon| Loaded {
                    lexicon,
                    src: src.to_string(),
                })
            })
            .collect::<Vec<_>>();
        let mut ok = Vec::new();
        let mut errs = Vec::new();
        for r in loaded {
            match r {
                Ok(l) => ok.push(l),
                Err(e) => errs.push(e),
            }
        }
        return (ok, errs);
    }
    let mut ok = Vec::new();
    let mut errs = Vec::new();
    match files(paths) {
        Ok(fs) => {
            for f in fs {
                match load_one(&f) {
                    Ok(l) => ok.push(l),
                    Err(e) => errs.push(e),
                }
            }
        }
        Err(e) => errs.push(e),
    }
    (ok, errs)
}

/// Loads, then checks that the set is consistent and compiles: the set and the matcher.
fn load_set(paths: &[PathBuf]) -> Result<(Vec<Loaded>, LexiconSet, Matcher), Vec<LexiconError>> {
    let (loaded, mut errs) = load_all(paths);
    if !errs.is_empty() {
        return Err(errs);
    }
    let set = match LexiconSet::new(loaded.iter().map(|l| l.lexicon.clone()).collect()) {
        Ok(s) => s,
        Err(e) => {
            errs.push(e);
            return Err(errs);
        }
    };
    match Matcher::new(&set) {
        Ok(m) => Ok((loaded, set, m)),
        Err(e) => Err(vec![e]),
    }
}

fn lexicon_meta(lex: &Lexicon) -> Value {
    json!({
        "name": lex.name,
        "version": lex.version,
        "language": lex.language,
        "source": lex.source,
        "sha256": lex.sha256,
    })
}

fn error_json(e: &LexiconError) -> Value {
    json!({"file": e.file, "line": e.line, "column": e.column, "message": e.message})
}

fn print_json(v: &Value) -> anyhow::Result<()> {
    let mut out = Output::open(None)?;
    serde_json::to_writer_pretty(&mut out, v)?;
    writeln!(out)?;
    out.finish()?;
    Ok(())
}

fn print_text(s: &str) -> anyhow::Result<()> {
    let mut out = Output::open(None)?;
    out.write_all(s.as_bytes())?;
    out.finish()?;
    Ok(())
}

fn table() -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED);
    t
}

/// Reads corpus text: a file, or every `.txt`/`.jsonl` file of a folder (JSONL: the `text` fields).
fn read_corpus(p: &Path) -> anyhow::Result<String> {
    let mut paths = Vec::new();
    if p.is_dir() {
        for e in ignore::WalkBuilder::new(p).build() {
            let e = e?;
            if e.file_type().is_some_and(|t| t.is_file()) {
                let x = ext(e.path());
                if x == "txt" || x == "jsonl" {
                    paths.push(e.path().to_path_buf());
                }
            }
        }
        paths.sort();
    } else {
        paths.push(p.to_path_buf());
    }
    let mut text = String::new();
    for f in paths {
        let bytes = std::fs::read(&f)
            .map_err(|e| ConfigError(format!("cannot read corpus {}: {e}", f.display())))?;
        let s = String::from_utf8_lossy(&bytes);
        if ext(&f) == "jsonl" {
            for line in s.lines() {
                if let Ok(v) = serde_json::from_str::<Value>(line)
                    && let Some(t) = v.get("text").and_then(Value::as_str)
                {
                    text.push_str(t);
                    text.push('\n');
                }
            }
        } else {
            text.push_str(&s);
            text.push('\n');
        }
    }
    Ok(text)
}

fn print_errors(errs: &[LexiconError], format: ToolFormat) -> anyhow::Result<ExitCode> {
    match format {
        ToolFormat::Json => print_json(&json!({
            "schema": "stance/1",
            "errors": errs.iter().map(error_json).collect::<Vec<_>>(),
            "lints": [],
        }))?,
        ToolFormat::Table => {
            for e in errs {
                eprintln!("{}", e.rendered);
            }
            eprintln!(
                "{} error(s): fix them, then run `stance lexicon check` again",
                errs.len()
            );
        }
    }
    Ok(ExitCode::Usage)
}

fn check(a: CheckArgs) -> anyhow::Result<ExitCode> {
    let (loaded, set) = match load_set(&a.paths) {
        Ok((l, s, _)) => (l, s),
        Err(errs) => return print_errors(&errs, a.format),
    };
    let corpus = match &a.corpus {
        Some(p) => Some(read_corpus(p)?),
        None => None,
    };
    let sources: Vec<LintSource<'_>> = loaded
        .iter()
        .map(|l| LintSource {
            lexicon: &l.lexicon,
            src: &l.src,
        })
        .collect();
    let opts = LintOptions {
        min_terms: a.min_terms,
        corpus: corpus.as_deref(),
        max_expansions: a.max_expansions,
    };
    let lints = lint::lint(&sources, &opts);
    let expansions = corpus
        .as_deref()
        .map(|c| lint::wildcard_expansions(&sources, c))
        .unwrap_or_default();
    let themes = set.themes().count();
    let terms: usize = set.themes().map(|t| t.terms.len()).sum();
    match a.format {
        ToolFormat::Json => print_json(&json!({
            "schema": "stance/1",
            "lexicons": set.lexicons.iter().map(lexicon_meta).collect::<Vec<_>>(),
            "themes": themes,
            "terms": terms,
            "errors": [],
            "lints": lints.iter().map(lint_json).collect::<Vec<_>>(),
            "wildcards": expansions.iter().map(|e| json!({
                "theme": e.theme,
                "wildcard": e.wildcard,
                "distinct": e.words.len(),
                "top": e.words.iter().take(10).map(|(w, c)| json!({"word": w, "count": c})).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        }))?,
        ToolFormat::Table => {
            let mut s = String::new();
            for l in &lints {
                s.push_str(&render_lint(l));
            }
            if !expansions.is_empty() {
                let mut t = table();
                t.set_header(["theme", "wildcard", "distinct", "top expansions (count)"]);
                for e in &expansions {
                    let top: Vec<String> = e
                        .words
                        .iter()
                        .take(6)
                        .map(|(w, c)| format!("{w} ({c})"))
                        .collect();
                    t.add_row([
                        e.theme.clone(),
                        e.wildcard.clone(),
                        e.words.len().to_string(),
                        top.join(", "),
                    ]);
                }
                s.push_str(&format!("wildcard expansions in the corpus:\n{t}\n"));
            }
            s.push_str(&format!(
                "{} lexicon(s), {themes} themes, {terms} terms: {}\n",
                set.lexicons.len(),
                if lints.is_empty() {
                    "no lints".to_string()
                } else {
                    format!("{} lint(s)", lints.len())
                }
            ));
            print_text(&s)?;
        }
    }
    Ok(if lints.is_empty() {
        ExitCode::Success
    } else {
        ExitCode::PartialFailure
    })
}

fn lint_json(l: &Lint) -> Value {
    json!({
        "code": l.code, "name": l.name, "file": l.file, "line": l.line, "column": l.column,
        "message": l.message, "hint": l.hint,
    })
}

fn render_lint(l: &Lint) -> String {
    format!(
        "{}:{}:{}: {} {}: {}\n  hint: {}\n",
        l.file, l.line, l.column, l.code, l.name, l.message, l.hint
    )
}

/// Per-theme scores of one sentence (the sum of its matches' weights).
fn scores(matches: &[Match], n: usize) -> Vec<f64> {
    let mut s = vec![0.0; n];
    for m in matches {
        s[m.theme] += m.weight;
    }
    s
}

fn match_rows(matcher: &Matcher, text: &str, matches: &[Match]) -> Vec<Value> {
    matches
        .iter()
        .map(|m| report::json::match_json(matcher, text, m))
        .collect()
}

fn match_table(matcher: &Matcher, text: &str, matches: &[Match]) -> String {
    let mut t = table();
    t.set_header(["theme", "term", "matched", "span", "weight", "negated"]);
    for m in matches {
        t.add_row([
            matcher.themes()[m.theme].clone(),
            shorten(matcher.term_label(m.term), 40),
            text[m.start..m.end].to_string(),
            format!("{}..{}", m.start, m.end),
            num(m.weight),
            if m.negated { "yes" } else { "no" }.to_string(),
        ]);
    }
    t.to_string()
}

/// At most `n` characters, with `…` when cut (long regexes would stretch the table).
fn shorten(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}

fn score_line(themes: &[String], s: &[f64]) -> String {
    let parts: Vec<String> = themes
        .iter()
        .zip(s)
        .filter(|(_, v)| **v != 0.0)
        .map(|(t, v)| format!("{t} = {}", num(*v)))
        .collect();
    if parts.is_empty() {
        "(no theme)".into()
    } else {
        parts.join(", ")
    }
}

/// One failed inline test.
struct Failure {
    source: String,
    index: usize,
    text: String,
    problems: Vec<String>,
    matches: Vec<Match>,
    scores: Vec<f64>,
}

fn test(a: TestArgs) -> anyhow::Result<ExitCode> {
    let (loaded, set, matcher) = match load_set(&a.paths) {
        Ok(x) => x,
        Err(errs) => return print_errors(&errs, a.format),
    };
    let themes = matcher.themes().to_vec();
    if let Some(text) = &a.text {
        let matches = matcher.find(text, 0..text.len());
        let s = scores(&matches, themes.len());
        match a.format {
            ToolFormat::Json => print_json(&json!({
                "schema": "stance/1",
                "lexicons": set.lexicons.iter().map(lexicon_meta).collect::<Vec<_>>(),
                "text": text,
                "scores": themes.iter().zip(&s).filter(|(_, v)| **v != 0.0)
                    .map(|(t, v)| (t.clone(), json!(v))).collect::<serde_json::Map<_, _>>(),
                "matches": match_rows(&matcher, text, &matches),
            }))?,
            ToolFormat::Table => {
                let body = if matches.is_empty() {
                    "no match\n".to_string()
                } else {
                    format!("{}\n", match_table(&matcher, text, &matches))
                };
                print_text(&format!("{body}scores: {}\n", score_line(&themes, &s)))?;
            }
        }
        return Ok(ExitCode::Success);
    }
    let mut total = 0;
    let mut failures = Vec::new();
    for l in &loaded {
        for (i, t) in l.lexicon.tests.iter().enumerate() {
            total += 1;
            let matches = matcher.find(&t.text, 0..t.text.len());
            let s = scores(&matches, themes.len());
            let mut problems = Vec::new();
            for (id, want) in &t.expect {
                match themes.iter().position(|x| x == id) {
                    None => problems.push(format!("unknown theme `{id}`")),
                    Some(k) if (s[k] - want).abs() > 1e-9 => problems.push(format!(
                        "`{id}`: expected {}, got {}",
                        num(*want),
                        num(s[k])
                    )),
                    Some(_) => {}
                }
            }
            for id in &t.expect_none {
                match themes.iter().position(|x| x == id) {
                    None => problems.push(format!("unknown theme `{id}`")),
                    Some(k) if s[k].abs() > 1e-9 => {
                        problems.push(format!("`{id}`: expected no score, got {}", num(s[k])))
                    }
                    Some(_) => {}
                }
            }
            if !problems.is_empty() {
                failures.push(Failure {
                    source: l.lexicon.source.clone(),
                    index: i + 1,
                    text: t.text.clone(),
                    problems,
                    matches,
                    scores: s,
                });
            }
        }
    }
    match a.format {
        ToolFormat::Json => print_json(&json!({
            "schema": "stance/1",
            "lexicons": set.lexicons.iter().map(lexicon_meta).collect::<Vec<_>>(),
            "tests": total,
            "passed": total - failures.len(),
            "failures": failures.iter().map(|f| json!({
                "source": f.source,
                "test": f.index,
                "text": f.text,
                "problems": f.problems,
                "matches": match_rows(&matcher, &f.text, &f.matches),
            })).collect::<Vec<_>>(),
        }))?,
        ToolFormat::Table => {
            let mut s = String::new();
            for f in &failures {
                s.push_str(&format!(
                    "FAIL {} test #{}: {}\n  {}\n  scores: {}\n",
                    f.source,
                    f.index,
                    f.text,
                    f.problems.join("; "),
                    score_line(&themes, &f.scores)
                ));
                if f.matches.is_empty() {
                    s.push_str("  no match\n");
                } else {
                    for line in match_table(&matcher, &f.text, &f.matches).lines() {
                        s.push_str(&format!("  {line}\n"));
                    }
                }
                s.push('\n');
            }
            if failures
                .iter()
                .any(|f| f.problems.iter().any(|p| p.starts_with("unknown theme")))
            {
                s.push_str("hint: some tests name themes of lexicons that are not loaded; tests also check how themes of different lexicons compete (longest match), so run them with the lexicons they were written with\n");
            }
            s.push_str(&format!(
                "{} tests, {} passed, {} failed ({} lexicon(s))\n",
                total,
                total - failures.len(),
                failures.len(),
                loaded.len()
            ));
            print_text(&s)?;
        }
    }
    Ok(if failures.is_empty() {
        ExitCode::Success
    } else {
        ExitCode::PartialFailure
    })
}

/// Counts of (words, phrases, wildcards, regexes).
fn kinds(terms: &[lexicon::Term]) -> (usize, usize, usize, usize) {
    let mut k = (0, 0, 0, 0);
    for t in terms {
        match &t.pattern {
            TermPattern::Literal(s) if s.trim().contains(char::is_whitespace) => k.1 += 1,
            TermPattern::Literal(_) => k.0 += 1,
            TermPattern::Prefix(_) => k.2 += 1,
            TermPattern::Regex(_) => k.3 += 1,
        }
    }
    k
}

fn show(a: ShowArgs) -> anyhow::Result<ExitCode> {
    let (_, set, _) = match load_set(&a.paths) {
        Ok(x) => x,
        Err(errs) => return print_errors(&errs, a.format),
    };
    if let Some(id) = &a.theme
        && !set.themes().any(|t| &t.id == id)
    {
        return Err(ConfigError(format!(
            "unknown theme `{id}`; known themes: {}",
            set.theme_ids().join(", ")
        ))
        .into());
    }
    let wanted = |id: &str| a.theme.as_deref().is_none_or(|w| w == id);
    match a.format {
        ToolFormat::Json => {
            let lex: Vec<Value> = set
                .lexicons
                .iter()
                .filter(|l| l.themes.iter().any(|t| wanted(&t.id)))
                .map(|l| {
                    let mut m = lexicon_meta(l);
                    m["negation"] = match &l.negation {
                        Some(n) => json!({
                            "cues": n.cues, "window": n.window,
                            "effect": effect_name(n.effect),
                        }),
                        None => Value::Null,
                    };
                    m["intensifiers"] = l
                        .intensifiers
                        .iter()
                        .map(|i| (i.word.clone(), json!(i.multiplier)))
                        .collect::<serde_json::Map<_, _>>()
                        .into();
                    m["tests"] = json!(l.tests.len());
                    m["themes"] = l
                        .themes
                        .iter()
                        .filter(|t| wanted(&t.id))
                        .map(|t| {
                            let (w, p, x, r) = kinds(&t.terms);
                            let mut v = json!({
                                "id": t.id, "label": t.label, "description": t.description,
                                "inflect": t.inflect,
                                "terms": t.terms.len(),
                                "words": w, "phrases": p, "wildcards": x, "regexes": r,
                            });
                            if a.theme.is_some() {
                                v["term_list"] = t
                                    .terms
                                    .iter()
                                    .map(|t| json!({"term": t.pattern.to_string(), "weight": t.weight}))
                                    .collect();
                            }
                            v
                        })
                        .collect();
                    m
                })
                .collect();
            print_json(&json!({"schema": "stance/1", "lexicons": lex}))?;
        }
        ToolFormat::Table => {
            let shown: Vec<&Lexicon> = set
                .lexicons
                .iter()
                .filter(|l| l.themes.iter().any(|t| wanted(&t.id)))
                .collect();
            let mut t = table();
            t.set_header([
                "theme",
                "terms",
                "words",
                "phrases",
                "wildcards",
                "regexes",
                "inflect",
                "negation",
                "description",
            ]);
            for l in &shown {
                for th in l.themes.iter().filter(|t| wanted(&t.id)) {
                    let (w, p, x, r) = kinds(&th.terms);
                    t.add_row([
                        th.id.clone(),
                        th.terms.len().to_string(),
                        w.to_string(),
                        p.to_string(),
                        x.to_string(),
                        r.to_string(),
                        if th.inflect { "yes" } else { "no" }.into(),
                        l.negation
                            .as_ref()
                            .map_or("none".to_string(), |n| effect_name(n.effect).to_string()),
                        th.description.clone(),
                    ]);
                }
            }
            let mut s = format!("{t}\n");
            for l in &shown {
                s.push_str(&format!(
                    "\n{} {} ({}, {})\n  sha256: {}\n",
                    l.name, l.version, l.language, l.source, l.sha256
                ));
                match &l.negation {
                    Some(n) => s.push_str(&format!(
                        "  negation: {} when a cue is within {} tokens before a term; cues: {}\n",
                        effect_name(n.effect),
                        n.window,
                        n.cues.join(", ")
                    )),
                    None => s.push_str("  negation: none\n"),
                }
                if !l.intensifiers.is_empty() {
                    let v: Vec<String> = l
                        .intensifiers
                        .iter()
                        .map(|i| format!("{} ×{}", i.word, num(i.multiplier)))
                        .collect();
                    s.push_str(&format!("  intensifiers: {}\n", v.join(", ")));
                }
                s.push_str(&format!("  inline tests: {}\n", l.tests.len()));
            }
            if a.theme.is_some() {
                for th in set.themes().filter(|t| wanted(&t.id)) {
                    let mut tt = table();
                    tt.set_header(["term", "weight"]);
                    for term in &th.terms {
                        tt.add_row([term.pattern.to_string(), num(term.weight)]);
                    }
                    s.push_str(&format!("\nterms of `{}`:\n{tt}\n", th.id));
                }
            }
            print_text(&s)?;
        }
    }
    Ok(ExitCode::Success)
}

fn effect_name(e: lexicon::NegationEffect) -> &'static str {
    match e {
        lexicon::NegationEffect::Flip => "flip",
        lexicon::NegationEffect::Drop => "drop",
    }
}

fn import_cmd(a: ImportArgs) -> anyhow::Result<ExitCode> {
    let name = a.file.display().to_string();
    let raw = std::fs::read_to_string(&a.file)
        .map_err(|e| ConfigError(format!("cannot read {name}: {e}")))?;
    let from = match a.from {
        Some(f) => f,
        None => match ext(&a.file).as_str() {
            "dic" => ImportFormat::Liwc,
            "yml" | "yaml" => ImportFormat::Quanteda,
            other => {
                return Err(ConfigError(format!(
                    "cannot tell the format of {name} from its extension `{other}`: use --from liwc or --from quanteda"
                ))
                .into());
            }
        },
    };
    let imported: Import = match from {
        ImportFormat::Liwc => import::liwc_to_toml(&raw, &name),
        ImportFormat::Quanteda => import::quanteda_to_toml(&raw, &name),
    }
    .map_err(|e| ConfigError(e.rendered))?;
    // The result must load: a failure here is a bug of the importer, better caught now.
    lexicon::parse_str(&imported.toml, &a.to.display().to_string()).map_err(|e| {
        ConfigError(format!(
            "the imported lexicon does not load: {}",
            e.rendered
        ))
    })?;
    let mut out = Output::open(Some(&a.to))
        .map_err(|e| ConfigError(format!("cannot write {}: {e}", a.to.display())))?;
    out.write_all(imported.toml.as_bytes())?;
    out.finish()?;
    for w in &imported.warnings {
        eprintln!("{name}:{}: warning: {}", w.line, w.message);
    }
    eprintln!(
        "imported {} themes, {} terms from {name} into {} ({} warning(s))",
        imported.themes,
        imported.terms,
        a.to.display(),
        imported.warnings.len()
    );
    Ok(ExitCode::Success)
}
