//! Lexicons: the TOML schema (version 1), validation with file/line/column errors, and the
//! bundled lexicons compiled into the binary.
//!
//! [`parse_str`] reads one lexicon ([`schema`] walks the span-carrying TOML tree and refuses a
//! broken file with the span of the offending key or value, rendered by [`LexiconError`]);
//! [`LexiconSet`] holds several lexicons whose theme ids are unique across them. Compilation into
//! a matcher lives in [`crate::matcher`]; advice beyond validity in [`lint`].

pub mod error;
pub mod import;
pub mod inflect;
pub mod lint;
pub mod schema;

pub use error::{LexiconError, line_col};

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
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
    /// `[lexicon] description`.
    pub description: String,
    /// Where it came from: a path, or `bundled:<file>`.
    pub source: String,
    /// SHA-256 (hex) of the file's bytes, so a result can be reproduced.
    pub sha256: String,
    /// The themes, in file order.
    pub themes: Vec<Theme>,
    /// Negation settings, if any.
    pub negation: Option<Negation>,
    /// Intensifiers: a word right before a term multiplies its weight (file order).
    pub intensifiers: Vec<Intensifier>,
    /// Inline `[[test]]` entries.
    pub tests: Vec<LexiconTest>,
    /// The TOML text the lexicon was parsed from (spans index into it), for lints and errors.
    pub text: String,
}

/// A theme: an id unique across all loaded lexicons, and its terms.
#[derive(Clone, Debug)]
pub struct Theme {
    /// Unique id, e.g. `anti-hegemony`.
    pub id: String,
    /// Human label (the id when not given).
    pub label: String,
    /// What the theme measures.
    pub description: String,
    /// Match regular English inflections of single words (see [`inflect`]).
    pub inflect: bool,
    /// The terms.
    pub terms: Vec<Term>,
    /// Byte span of the theme's table in its lexicon file (empty when unknown).
    pub span: Range<usize>,
    /// Byte span of the `id` value in its lexicon file (empty when unknown).
    pub id_span: Range<usize>,
}

/// One term of a theme.
#[derive(Clone, Debug)]
pub struct Term {
    /// What to look for.
    pub pattern: TermPattern,
    /// Weight added to the theme's score per match (default 1.0; negative weights count against
    /// the theme).
    pub weight: f64,
    /// Byte span of the term in its lexicon file (empty when unknown), for lints and errors.
    pub span: Range<usize>,
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
    /// Cue words, e.g. `not`, `never` (one word each).
    pub cues: Vec<String>,
    /// How many tokens before the term are searched (1 to 20).
    pub window: usize,
    /// What a negation does.
    pub effect: NegationEffect,
}

/// What negation does to a match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
    /// The multiplier (finite, > 0).
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

/// Several lexicons loaded together; theme ids are unique across them.
#[derive(Clone, Debug)]
pub struct LexiconSet {
    /// The lexicons, in load order.
    pub lexicons: Vec<Lexicon>,
}

impl LexiconSet {
    /// Checks that theme ids are unique across the lexicons; a duplicate is reported at the
    /// second definition.
    pub fn new(lexicons: Vec<Lexicon>) -> Result<Self, LexiconError> {
        let mut seen: BTreeMap<&str, (&Lexicon, &Theme)> = BTreeMap::new();
        for lex in &lexicons {
            for theme in &lex.themes {
                if let Some((plex, ptheme)) = seen.insert(&theme.id, (lex, theme)) {
                    let (line, col) = line_col(&plex.text, ptheme.id_span.start);
                    let message = format!(
                        "duplicate theme id `{}` (first defined in {}:{line}:{col})",
                        theme.id, plex.source
                    );
                    return Err(LexiconError::at(
                        &lex.source,
                        &lex.text,
                        theme.id_span.clone(),
                        &message,
                        "duplicate id",
                    ));
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

/// Loads a lexicon file. TOML is parsed directly; LIWC `.dic` and quanteda `.yml`/`.yaml`
/// dictionaries are converted by [`import`] first.
pub fn load_file(path: &Path) -> Result<Lexicon, LexiconError> {
    let name = path.display().to_string();
    let src = std::fs::read_to_string(path).map_err(|e| {
        LexiconError::whole_file(&name, &format!("cannot read lexicon {name}: {e}"))
    })?;
    let ext = path
        .extension()
        .map(|x| x.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        Some("dic") => parse_str(&import::liwc_to_toml(&src, &name)?.toml, &name),
        Some("yml" | "yaml") => parse_str(&import::quanteda_to_toml(&src, &name)?.toml, &name),
        _ => parse_str(&src, &name),
    }
}

/// Parses lexicon TOML; `file` names it in errors.
pub fn parse_str(src: &str, file: &str) -> Result<Lexicon, LexiconError> {
    schema::parse(src, file)
}

/// Loads a lexicon file, or every `*.toml` of a folder (sorted by name).
pub fn load_path(path: &Path) -> Result<Vec<Lexicon>, LexiconError> {
    if path.is_dir() {
        let mut files: Vec<_> = std::fs::read_dir(path)
            .map_err(|e| {
                LexiconError::whole_file(
                    &path.display().to_string(),
                    &format!("cannot read folder {}: {e}", path.display()),
                )
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn load_file_converts_liwc_and_quanteda_dictionaries() {
        let dir = tempfile::tempdir().unwrap();
        let dic = dir.path().join("mini.dic");
        std::fs::write(&dic, "%\n1\tposemo\n%\ngood\t1\nhapp*\t1\n").unwrap();
        let lex = load_file(&dic).unwrap();
        assert_eq!(lex.themes.len(), 1);
        let terms: Vec<String> = lex.themes[0]
            .terms
            .iter()
            .map(|t| t.pattern.to_string())
            .collect();
        assert!(terms.contains(&"happ*".to_string()), "{terms:?}");
        let yml = dir.path().join("mini.yml");
        std::fs::write(&yml, "sanctions:\n  - sanction*\n  - embargo\n").unwrap();
        let lex = load_file(&yml).unwrap();
        assert_eq!(lex.themes[0].terms.len(), 2);
    }

    #[test]
    fn unreadable_file_names_the_path() {
        let err = load_file(Path::new("/nonexistent/lexicon.toml")).unwrap_err();
        assert_eq!(err.file, "/nonexistent/lexicon.toml");
        assert!(err.rendered.contains("cannot read lexicon"));
    }
}
