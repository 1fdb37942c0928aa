//! Lexicons: the TOML schema (version 1), validation with file/line/column errors, and the
//! bundled lexicons compiled into the binary.
//!
//! PLACEHOLDER loader: parses the schema with serde; span-rich errors, semantic checks, LIWC and
//! quanteda import come with the lexicon work.

pub mod import;
pub mod lint;

use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

/// One lexicon file: metadata, themes, negation and intensifier settings, inline tests.
#[derive(Clone, Debug)]
pub struct Lexicon {
    /// `[lexicon] name`.
    pub name: String,
    /// `[lexicon] version`.
    pub version: String,
    /// `[lexicon] language` (default `en`).
    pub language: String,
    /// Where it came from: a path, or `bundled:<file>`.
    pub source: String,
    /// SHA-256 (hex) of the file's bytes, so a result can be reproduced.
    pub sha256: String,
    /// The themes, in file order.
    pub themes: Vec<Theme>,
    /// Negation settings, if any.
    pub negation: Option<Negation>,
    /// Intensifiers: a word before a term multiplies its weight.
    pub intensifiers: Vec<Intensifier>,
    /// Inline `[[test]]` entries.
    pub tests: Vec<LexiconTest>,
}

/// A theme: an id unique across all loaded lexicons, and its terms.
#[derive(Clone, Debug)]
pub struct Theme {
    /// Unique id, e.g. `anti-hegemony`.
    pub id: String,
    /// Human label.
    pub label: String,
    /// What the theme measures.
    pub description: String,
    /// Match regular English inflections of single words.
    pub inflect: bool,
    /// The terms.
    pub terms: Vec<Term>,
    /// Byte span of the theme's table in its lexicon file (empty when unknown).
    pub span: std::ops::Range<usize>,
}

/// One term of a theme.
#[derive(Clone, Debug)]
pub struct Term {
    /// What to look for.
    pub pattern: TermPattern,
    /// Weight added to the theme's score per match (default 1.0).
    pub weight: f64,
    /// Byte span of the term in its lexicon file (empty when unknown), for lints and errors.
    pub span: std::ops::Range<usize>,
}

/// The kinds of term.
#[derive(Clone, Debug, PartialEq)]
pub enum TermPattern {
    /// A word or multi-word phrase, as written (matching is case-insensitive).
    Literal(String),
    /// A prefix wildcard: `unipolar*` is stored as `unipolar`.
    Prefix(String),
    /// A regular expression (case-insensitive).
    Regex(String),
}

impl fmt::Display for TermPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TermPattern::Literal(s) => f.write_str(s),
            TermPattern::Prefix(s) => write!(f, "{s}*"),
            TermPattern::Regex(s) => write!(f, "/{s}/"),
        }
    }
}

/// Negation: a cue within `window` tokens before a term flips or drops it.
#[derive(Clone, Debug)]
pub struct Negation {
    /// Cue words, e.g. `not`, `never`.
    pub cues: Vec<String>,
    /// How many tokens before the term are searched.
    pub window: usize,
    /// What a negation does.
    pub effect: NegationEffect,
}

/// What negation does to a match.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NegationEffect {
    /// The weight changes sign.
    Flip,
    /// The match is dropped.
    Drop,
}

/// A word that multiplies the weight of the term right after it.
#[derive(Clone, Debug)]
pub struct Intensifier {
    /// The word.
    pub word: String,
    /// The multiplier.
    pub multiplier: f64,
}

/// An inline test: a sentence and the scores it must (or must not) get.
#[derive(Clone, Debug)]
pub struct LexiconTest {
    /// The sentence.
    pub text: String,
    /// Theme id → expected score.
    pub expect: BTreeMap<String, f64>,
    /// Themes that must not score.
    pub expect_none: Vec<String>,
}

/// A lexicon error, located in its file.
#[derive(Clone, Debug)]
pub struct LexiconError {
    /// File name or path.
    pub file: String,
    /// 1-based line (0 when unknown).
    pub line: usize,
    /// 1-based column (0 when unknown).
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// The full rendering with a snippet of the offending line.
    pub rendered: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.rendered)
    }
}

impl std::error::Error for LexiconError {}

/// Several lexicons loaded together; theme ids are unique across them.
#[derive(Clone, Debug)]
pub struct LexiconSet {
    /// The lexicons, in load order.
    pub lexicons: Vec<Lexicon>,
}

impl LexiconSet {
    /// Checks that theme ids are unique across the lexicons.
    pub fn new(lexicons: Vec<Lexicon>) -> Result<Self, LexiconError> {
        let mut seen = BTreeMap::new();
        for lex in &lexicons {
            for theme in &lex.themes {
                if let Some(prev) = seen.insert(theme.id.clone(), lex.source.clone()) {
                    let message =
                        format!("duplicate theme id `{}` (also defined in {prev})", theme.id);
                    return Err(LexiconError {
                        file: lex.source.clone(),
                        line: 0,
                        column: 0,
                        rendered: format!("error: {message}\n --> {}", lex.source),
                        message,
                    });
                }
            }
        }
        Ok(LexiconSet { lexicons })
    }

    /// The bundled lexicons of `lexicons/`.
    pub fn bundled() -> Self {
        LexiconSet::new(bundled()).expect("bundled lexicons are valid")
    }

    /// All themes in order (the index used everywhere is the position in this list).
    pub fn themes(&self) -> impl Iterator<Item = &Theme> {
        self.lexicons.iter().flat_map(|l| l.themes.iter())
    }

    /// Theme ids in order.
    pub fn theme_ids(&self) -> Vec<String> {
        self.themes().map(|t| t.id.clone()).collect()
    }

    /// Keeps only the given themes; an unknown id is an error naming the known ones.
    pub fn restrict(&mut self, ids: &[String]) -> Result<(), String> {
        if ids.is_empty() {
            return Ok(());
        }
        let known = self.theme_ids();
        for id in ids {
            if !known.contains(id) {
                return Err(format!(
                    "unknown theme `{id}`; known themes: {}",
                    known.join(", ")
                ));
            }
        }
        for lex in &mut self.lexicons {
            lex.themes.retain(|t| ids.contains(&t.id));
        }
        Ok(())
    }
}

/// The lexicons bundled in the binary (`lexicons/*.toml`).
pub fn bundled() -> Vec<Lexicon> {
    BUNDLED
        .iter()
        .map(|(name, src)| {
            parse_str(src, &format!("bundled:{name}")).expect("bundled lexicon is valid")
        })
        .collect()
}

/// The bundled lexicon files: (file name, content), one file per theme.
pub const BUNDLED: &[(&str, &str)] = &[
    (
        "multipolarity.toml",
        include_str!("../../lexicons/multipolarity.toml"),
    ),
    (
        "anti-hegemony.toml",
        include_str!("../../lexicons/anti-hegemony.toml"),
    ),
    (
        "sanctions.toml",
        include_str!("../../lexicons/sanctions.toml"),
    ),
    (
        "cooperation.toml",
        include_str!("../../lexicons/cooperation.toml"),
    ),
    (
        "sovereignty.toml",
        include_str!("../../lexicons/sovereignty.toml"),
    ),
    (
        "security.toml",
        include_str!("../../lexicons/security.toml"),
    ),
    (
        "development.toml",
        include_str!("../../lexicons/development.toml"),
    ),
    (
        "multilateralism.toml",
        include_str!("../../lexicons/multilateralism.toml"),
    ),
];

/// Loads a lexicon file.
pub fn load_file(path: &Path) -> Result<Lexicon, LexiconError> {
    let name = path.display().to_string();
    let src = std::fs::read_to_string(path).map_err(|e| LexiconError {
        file: name.clone(),
        line: 0,
        column: 0,
        message: e.to_string(),
        rendered: format!("error: cannot read lexicon {name}: {e}"),
    })?;
    parse_str(&src, &name)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    lexicon: RawMeta,
    #[serde(default)]
    theme: Vec<RawTheme>,
    negation: Option<RawNegation>,
    #[serde(default)]
    intensifiers: BTreeMap<String, f64>,
    #[serde(default)]
    test: Vec<RawTest>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    name: String,
    #[serde(default)]
    version: String,
    #[serde(default = "en")]
    language: String,
    #[serde(default)]
    #[allow(dead_code)]
    description: String,
}

fn en() -> String {
    "en".into()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTheme {
    id: String,
    #[serde(default)]
    label: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    inflect: bool,
    terms: Vec<RawTerm>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawTerm {
    Plain(String),
    Weighted {
        term: String,
        #[serde(default = "one")]
        weight: f64,
    },
    Regex {
        regex: String,
        #[serde(default = "one")]
        weight: f64,
    },
}

fn one() -> f64 {
    1.0
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNegation {
    cues: Vec<String>,
    #[serde(default = "three")]
    window: usize,
    #[serde(default = "flip")]
    effect: NegationEffect,
}

fn three() -> usize {
    3
}
fn flip() -> NegationEffect {
    NegationEffect::Flip
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTest {
    text: String,
    #[serde(default)]
    expect: BTreeMap<String, f64>,
    #[serde(default)]
    expect_none: Vec<String>,
}

fn literal_or_prefix(t: &str) -> TermPattern {
    match t.strip_suffix('*') {
        Some(p) => TermPattern::Prefix(p.to_string()),
        None => TermPattern::Literal(t.to_string()),
    }
}

/// Parses lexicon TOML; `file` names it in errors.
pub fn parse_str(src: &str, file: &str) -> Result<Lexicon, LexiconError> {
    let raw: RawFile = toml::from_str(src).map_err(|e| {
        let (line, column) = e.span().map(|s| line_col(src, s.start)).unwrap_or((0, 0));
        LexiconError {
            file: file.to_string(),
            line,
            column,
            message: e.message().to_string(),
            rendered: format!("error: {}\n --> {file}:{line}:{column}", e.message()),
        }
    })?;
    use sha2::Digest;
    let sha256 = sha2::Sha256::digest(src.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok(Lexicon {
        name: raw.lexicon.name,
        version: raw.lexicon.version,
        language: raw.lexicon.language,
        source: file.to_string(),
        sha256,
        themes: raw
            .theme
            .into_iter()
            .map(|t| Theme {
                label: if t.label.is_empty() {
                    t.id.clone()
                } else {
                    t.label
                },
                id: t.id,
                description: t.description,
                inflect: t.inflect,
                span: 0..0,
                terms: t
                    .terms
                    .into_iter()
                    .map(|term| match term {
                        RawTerm::Plain(s) => Term {
                            pattern: literal_or_prefix(&s),
                            weight: 1.0,
                            span: 0..0,
                        },
                        RawTerm::Weighted { term, weight } => Term {
                            pattern: literal_or_prefix(&term),
                            weight,
                            span: 0..0,
                        },
                        RawTerm::Regex { regex, weight } => Term {
                            pattern: TermPattern::Regex(regex),
                            weight,
                            span: 0..0,
                        },
                    })
                    .collect(),
            })
            .collect(),
        negation: raw.negation.map(|n| Negation {
            cues: n.cues,
            window: n.window,
            effect: n.effect,
        }),
        intensifiers: raw
            .intensifiers
            .into_iter()
            .map(|(word, multiplier)| Intensifier { word, multiplier })
            .collect(),
        tests: raw
            .test
            .into_iter()
            .map(|t| LexiconTest {
                text: t.text,
                expect: t.expect,
                expect_none: t.expect_none,
            })
            .collect(),
    })
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(src.len());
    let before = &src[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

/// Loads a lexicon file, or every `*.toml` of a folder (sorted by name).
pub fn load_path(path: &Path) -> Result<Vec<Lexicon>, LexiconError> {
    if path.is_dir() {
        let mut files: Vec<_> = std::fs::read_dir(path)
            .map_err(|e| LexiconError {
                file: path.display().to_string(),
                line: 0,
                column: 0,
                message: e.to_string(),
                rendered: format!("error: cannot read folder {}: {e}", path.display()),
            })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        files.iter().map(|f| load_file(f)).collect()
    } else {
        Ok(vec![load_file(path)?])
    }
}
