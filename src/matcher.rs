//! Matching: one pass over a sentence finds every lexicon term, longest match first, on word
//! boundaries, case-insensitively; negation and intensifiers adjust the weights.
//!
//! PLACEHOLDER: one regex per term. The real matcher uses aho-corasick for literal terms.

use crate::lexicon::{LexiconError, LexiconSet, TermPattern};
use regex::Regex;
use std::ops::Range;

/// One occurrence of a term in a document.
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    /// Theme index (position in [`LexiconSet::themes`]).
    pub theme: usize,
    /// Term index, for [`Matcher::term_label`].
    pub term: usize,
    /// Byte offset of the match in the document text.
    pub start: usize,
    /// Byte offset one past the match.
    pub end: usize,
    /// The weight it contributes (after negation and intensifiers).
    pub weight: f64,
    /// True when a negation cue changed it.
    pub negated: bool,
}

/// Compiled lexicons, ready to scan sentences.
pub struct Matcher {
    themes: Vec<String>,
    labels: Vec<String>,
    terms: Vec<(Regex, usize, f64)>,
}

impl Matcher {
    /// Compiles every term of the set.
    pub fn new(set: &LexiconSet) -> Result<Matcher, LexiconError> {
        let mut terms = Vec::new();
        let mut labels = Vec::new();
        for (ti, theme) in set.themes().enumerate() {
            for term in &theme.terms {
                let re = match &term.pattern {
                    TermPattern::Literal(s) => format!(r"(?i)\b{}\b", regex::escape(s)),
                    TermPattern::Prefix(s) => format!(r"(?i)\b{}\w*", regex::escape(s)),
                    TermPattern::Regex(s) => format!("(?i){s}"),
                };
                let re = Regex::new(&re).map_err(|e| LexiconError {
                    file: String::new(),
                    line: 0,
                    column: 0,
                    message: e.to_string(),
                    rendered: e.to_string(),
                })?;
                labels.push(term.pattern.to_string());
                terms.push((re, ti, term.weight));
            }
        }
        Ok(Matcher {
            themes: set.theme_ids(),
            labels,
            terms,
        })
    }

    /// Theme ids, in index order.
    pub fn themes(&self) -> &[String] {
        &self.themes
    }

    /// The term as written in the lexicon (`unipolar*`, a phrase, `/regex/`).
    pub fn term_label(&self, term: usize) -> &str {
        &self.labels[term]
    }

    /// Every match inside `span` of `text`, in order of position, without overlaps.
    pub fn find(&self, text: &str, span: Range<usize>) -> Vec<Match> {
        let s = &text[span.clone()];
        let mut all: Vec<Match> = Vec::new();
        for (i, (re, theme, weight)) in self.terms.iter().enumerate() {
            for m in re.find_iter(s) {
                all.push(Match {
                    theme: *theme,
                    term: i,
                    start: span.start + m.start(),
                    end: span.start + m.end(),
                    weight: *weight,
                    negated: false,
                });
            }
        }
        all.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut out: Vec<Match> = Vec::new();
        for m in all {
            if out.last().is_none_or(|l| m.start >= l.end) {
                out.push(m);
            }
        }
        out
    }
}

/// Number of word tokens in a text (runs of alphanumeric characters, apostrophes and hyphens inside).
pub fn count_tokens(text: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in text.chars() {
        let w = c.is_alphanumeric();
        if w && !in_word {
            n += 1;
        }
        in_word = w || (in_word && (c == '\'' || c == '-' || c == '’'));
    }
    n
}
