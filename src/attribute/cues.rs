//! The reporting cues: a bundled TOML list (`cues.toml`, compiled in) that a user file can extend,
//! compiled into one Aho-Corasick automaton so that a document is scanned once for all of them.

use super::names::WordFilter;
use crate::scanner::Scanner;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The bundled cue file.
pub const BUNDLED: &str = include_str!("cues.toml");

/// What a cue does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CueKind {
    /// A reporting verb or phrase: the source is its subject, or follows it ("said Putin").
    Verb,
    /// The source follows ("according to Putin").
    Prefix,
    /// A participle continuing the sentence's subject ("..., adding that").
    Continuer,
}

/// A cue file as written.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CueFile {
    /// Reporting verbs, every form written out.
    #[serde(default)]
    pub verbs: Vec<String>,
    /// Multi-word cues that behave like verbs ("called for").
    #[serde(default)]
    pub phrases: Vec<String>,
    /// Phrases followed by their source ("according to").
    #[serde(default)]
    pub prefixes: Vec<String>,
    /// Participles that continue the sentence's subject ("adding").
    #[serde(default)]
    pub continuers: Vec<String>,
    /// Lower-case nouns that can head a speaker phrase ("officials", "the spokesperson").
    #[serde(default)]
    pub speaker_nouns: Vec<String>,
    /// Lower-case nouns of groups that are never one speaker ("the two sides").
    #[serde(default)]
    pub collectives: Vec<String>,
}

impl CueFile {
    /// Parses a cue file; errors name `origin:line:col`.
    pub fn parse(src: &str, origin: &str) -> Result<CueFile, String> {
        toml::from_str(src).map_err(|e| {
            let (line, col) = e
                .span()
                .map(|s| crate::lexicon::line_col(src, s.start))
                .unwrap_or((0, 0));
            format!("{origin}:{line}:{col}: {}", e.message().trim())
        })
    }

    /// Loads a cue file from disk.
    pub fn load(path: &Path) -> Result<CueFile, String> {
        let src = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read cue file {}: {e}", path.display()))?;
        CueFile::parse(&src, &path.display().to_string())
    }

    /// The bundled cues.
    pub fn bundled() -> CueFile {
        CueFile::parse(BUNDLED, "cues.toml").expect("bundled cues.toml is valid")
    }

    /// Adds another file's entries to this one.
    pub fn extend(&mut self, other: CueFile) {
        self.verbs.extend(other.verbs);
        self.phrases.extend(other.phrases);
        self.prefixes.extend(other.prefixes);
        self.continuers.extend(other.continuers);
        self.speaker_nouns.extend(other.speaker_nouns);
        self.collectives.extend(other.collectives);
    }
}

/// Compiled cues.
#[derive(Clone, Debug)]
pub(crate) struct Cues {
    pub ac: Scanner,
    /// Kind per pattern id.
    pub kinds: Vec<CueKind>,
    pub speaker_nouns: FastSet<String>,
    pub collectives: FastSet<String>,
    /// The collectives' filter: most names are turned away without being lower-cased.
    pub collective_filter: WordFilter,
}

/// A set with a fast (not DoS-resistant) hash: looked up for every name and noun phrase near a
/// cue, where SipHash took more time than the rest of the lookup.
type FastSet<K> = HashSet<K, foldhash::fast::FixedState>;

impl Cues {
    pub fn compile(file: &CueFile) -> Result<Cues, String> {
        let mut by_text: HashMap<String, CueKind> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        let mut add = |s: &String, k: CueKind| {
            let s = s.trim().to_lowercase();
            if s.is_empty() {
                return;
            }
            if !by_text.contains_key(&s) {
                order.push(s.clone());
            }
            // a continuer that is also a verb ("saying") stays a verb
            let e = by_text.entry(s).or_insert(k);
            if *e == CueKind::Continuer && k == CueKind::Verb {
                *e = k;
            }
        };
        for v in file.verbs.iter().chain(&file.phrases) {
            add(v, CueKind::Verb);
        }
        for v in &file.prefixes {
            add(v, CueKind::Prefix);
        }
        for v in &file.continuers {
            add(v, CueKind::Continuer);
        }
        let kinds = order.iter().map(|s| by_text[s]).collect();
        // a DFA: the cue scan runs over every byte of every document, and the default
        // (contiguous NFA) made it a sixth of the whole run
        let ac = Scanner::new(&order, true).map_err(|e| format!("cannot compile cues: {e}"))?;
        let lower = |v: &[String]| v.iter().map(|s| s.trim().to_lowercase()).collect();
        let collectives: FastSet<String> = lower(&file.collectives);
        Ok(Cues {
            ac,
            kinds,
            speaker_nouns: lower(&file.speaker_nouns),
            collective_filter: WordFilter::of(collectives.iter().map(String::as_bytes)),
            collectives,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_cues_cover_the_diplomatic_register() {
        let f = CueFile::bundled();
        for v in [
            "said",
            "says",
            "stressed",
            "underlined",
            "reiterated",
            "reaffirmed",
            "emphasized",
            "vowed",
            "pledged",
        ] {
            assert!(f.verbs.iter().any(|x| x == v), "{v}");
        }
        assert!(f.phrases.iter().any(|x| x == "called for"));
        assert!(Cues::compile(&f).is_ok());
    }

    #[test]
    fn errors_name_line_and_column() {
        let e = CueFile::parse("verbs = [\"said\"]\nnouns = 3\n", "my.toml").unwrap_err();
        assert!(e.starts_with("my.toml:2:1:"), "{e}");
    }
}
