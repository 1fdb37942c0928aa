//! Matching: one pass over a sentence finds every lexicon term, longest match first, on word
//! boundaries, case-insensitively; negation and intensifiers adjust the weights.
//!
//! # How a sentence is scanned
//! * Literal terms, phrases, prefix wildcards and the inflected forms of `inflect = true` themes
//!   are the patterns of one Aho-Corasick automaton (leftmost-longest, a DFA when the lexicons
//!   are small enough for it to pay). Regex terms are compiled case-insensitively, screened per
//!   ASCII sentence by one `RegexSet` (other sentences run each regex, whose literal prefilter
//!   is faster than the set's NFA fallback), and compete with the automaton's matches in the same
//!   leftmost-longest, non-overlapping resolution: a phrase wins over the words inside it, and
//!   no position is counted twice. (A term string listed in several themes scores in each of
//!   them, with one [`Match`] per theme on the same span.)
//! * Case folding is Unicode-aware (`char::to_lowercase`): `ÉTATS-UNIS` matches `états-unis`.
//!   A sentence of printable ASCII with single spaces — most of them — is scanned in place with
//!   an ASCII-case-insensitive automaton and no allocation. Any other sentence is folded into a
//!   reused buffer (lowercase; every run of whitespace becomes one space, so a phrase matches
//!   across line breaks and double spaces; `’` `‘` `ʼ` become `'`; `‐` `‑` become `-`) with a
//!   map back to the original byte offsets.
//! * Word boundaries: a term whose first (last) character is a letter or digit must not start
//!   (end) inside a word, where word characters are Unicode alphanumerics. So `hegemony` matches
//!   in `anti-hegemony` and `Russia's`, while the term `anti-hegemony` matches only the
//!   hyphenated form and wins over `hegemony` there. A prefix wildcard extends the match to the
//!   end of the word (`cooperat*` covers `cooperation`, not the `'s` after it).
//! * Negation (per lexicon): a cue among the `window` tokens before a term, in the same
//!   sentence, flips the sign of its weight (`negated: true`) or drops the match. Tokens are runs
//!   of letters and digits with inner apostrophes or hyphens (`don't` is one token); when `not`
//!   is a cue, any token ending in `n't` counts as `not`.
//! * Intensifiers (per lexicon): the token right before a term multiplies its weight; a run of
//!   intensifiers multiplies together (`very strongly condemn`). No other token may sit between
//!   the intensifier and the term: `strongly and unequivocally condemn` is not intensified.
//!
//! Themes from several lexicons each use their own lexicon's negation and intensifiers.

use crate::lexicon::schema::{REGEX_SIZE_LIMIT, compile_regex};
use crate::lexicon::{LexiconError, LexiconSet, NegationEffect, TermPattern, inflect};
use crate::scanner::{Overlapping, Scanner};
use regex::{Regex, RegexSet, RegexSetBuilder};
use std::cell::RefCell;
use std::collections::HashMap;
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
    /// True when a negation cue flipped it.
    pub negated: bool,
    /// The product of the intensifiers right before the term, when there were any.
    pub intensifier: Option<f64>,
}

/// One theme's claim on an automaton pattern.
#[derive(Clone, Copy, Debug)]
struct Entry {
    theme: u32,
    term: u32,
    weight: f64,
    /// A prefix wildcard (extends to the end of the word) rather than a whole word or phrase.
    prefix: bool,
}

/// An automaton pattern: the folded text and who claims it.
#[derive(Debug)]
struct Key {
    entries: Vec<Entry>,
    /// The pattern starts with a word character: it must not start inside a word.
    check_start: bool,
    /// The pattern ends with a word character: a literal must not end inside a word.
    check_end: bool,
    /// Some entry is a prefix wildcard (`term*`), asked for every candidate.
    has_prefix: bool,
}

#[derive(Debug)]
struct RegexTerm {
    re: Regex,
    theme: u32,
    term: u32,
    weight: f64,
}

/// Negation and intensifiers of one lexicon, folded.
#[derive(Debug, Default)]
struct Rules {
    cues: Vec<String>,
    not_is_cue: bool,
    window: usize,
    effect: Option<NegationEffect>,
    intensifiers: Vec<(String, f64)>,
}

/// A resolved candidate: original byte offsets relative to the sentence.
#[derive(Clone, Copy, Debug)]
struct Cand {
    start: usize,
    end: usize,
    /// End in haystack coordinates (automaton candidates only).
    hay_end: usize,
    /// Key index, or regex index when `regex`.
    id: u32,
    regex: bool,
    /// The match ends on a word boundary, so literal entries (not only prefixes) apply.
    literal_ok: bool,
}

/// Buffers reused across sentences (one per thread).
#[derive(Default)]
struct Scratch {
    folded: String,
    map: Vec<usize>,
    cands: Vec<Cand>,
    rcands: Vec<Cand>,
    token: String,
    /// Regexes whose literal prefix occurs in the sentence.
    rx_hit: Vec<bool>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Compiled lexicons, ready to scan sentences.
pub struct Matcher {
    themes: Vec<String>,
    labels: Vec<String>,
    ac: Option<Scanner>,
    keys: Vec<Key>,
    regexes: Vec<RegexTerm>,
    regex_set: Option<RegexSet>,
    /// Literal prefixes of the regexes (see [`regex_prefixes`]), when every regex has some.
    regex_screen: Option<(Overlapping, Vec<u32>)>,
    /// Theme index → index into `rules`.
    theme_rules: Vec<usize>,
    rules: Vec<Rules>,
    /// Some automaton pattern contains `'` (typographic apostrophes then need folding).
    has_apostrophe_terms: bool,
    /// Some automaton pattern contains `-` (typographic hyphens then need folding).
    has_hyphen_terms: bool,
}

/// Patterns up to this many bytes in total get a DFA (fast, memory grows with the patterns).
const DFA_MAX_PATTERN_BYTES: usize = 200_000;

impl Matcher {
    /// Compiles every term of the set.
    pub fn new(set: &LexiconSet) -> Result<Matcher, LexiconError> {
        let mut themes = Vec::new();
        let mut labels = Vec::new();
        let mut key_index: HashMap<String, usize> = HashMap::new();
        let mut key_text: Vec<String> = Vec::new();
        let mut keys: Vec<Key> = Vec::new();
        let mut regexes = Vec::new();
        let mut theme_rules = Vec::new();
        let mut rules = Vec::new();
        // Inflected forms go in after every explicit term, so an explicit term wins its string.
        let mut inflected: Vec<(String, Entry)> = Vec::new();

        let mut add_key = |text: String, entry: Entry| {
            let idx = *key_index.entry(text.clone()).or_insert_with(|| {
                keys.push(Key {
                    entries: Vec::new(),
                    check_start: text.chars().next().is_some_and(char::is_alphanumeric),
                    check_end: text.chars().next_back().is_some_and(char::is_alphanumeric),
                    has_prefix: false,
                });
                key_text.push(text);
                keys.len() - 1
            });
            let k = &mut keys[idx];
            if !k
                .entries
                .iter()
                .any(|e| e.theme == entry.theme && e.prefix == entry.prefix)
            {
                k.entries.push(entry);
            }
        };

        for lex in &set.lexicons {
            let mut r = Rules::default();
            if let Some(neg) = &lex.negation {
                r.cues = neg.cues.iter().map(|c| fold_str(c)).collect();
                r.not_is_cue = r.cues.iter().any(|c| c == "not");
                r.window = neg.window;
                r.effect = Some(neg.effect);
            }
            r.intensifiers = lex
                .intensifiers
                .iter()
                .map(|i| (fold_str(&i.word), i.multiplier))
                .collect();
            let rules_idx = rules.len();
            rules.push(r);
            for theme in &lex.themes {
                let ti = themes.len() as u32;
                themes.push(theme.id.clone());
                theme_rules.push(rules_idx);
                for term in &theme.terms {
                    let entry = Entry {
                        theme: ti,
                        term: labels.len() as u32,
                        weight: term.weight,
                        prefix: false,
                    };
                    labels.push(term.pattern.to_string());
                    match &term.pattern {
                        TermPattern::Literal(p) => {
                            let folded = fold_str(p);
                            if folded.is_empty() {
                                continue;
                            }
                            if theme.inflect && !folded.contains(' ') {
                                for form in inflect::forms(&folded) {
                                    inflected.push((form, entry));
                                }
                            }
                            add_key(folded, entry);
                        }
                        TermPattern::Prefix(p) => {
                            let folded = fold_str(p);
                            if folded.is_empty() {
                                continue;
                            }
                            add_key(
                                folded,
                                Entry {
                                    prefix: true,
                                    ..entry
                                },
                            );
                        }
                        TermPattern::Regex(p) => {
                            let re = compile_regex(p).map_err(|m| {
                                if lex.text.is_empty() {
                                    LexiconError::whole_file(&lex.source, &m)
                                } else {
                                    LexiconError::at(
                                        &lex.source,
                                        &lex.text,
                                        term.span.clone(),
                                        &m,
                                        "here",
                                    )
                                }
                            })?;
                            regexes.push(RegexTerm {
                                re,
                                theme: ti,
                                term: entry.term,
                                weight: term.weight,
                            });
                        }
                    }
                }
            }
        }
        for (form, entry) in inflected {
            add_key(form, entry);
        }
        for k in &mut keys {
            // Literal before prefix within a theme; themes in index order.
            k.entries.sort_by_key(|e| (e.theme, e.prefix));
            k.has_prefix = k.entries.iter().any(|e| e.prefix);
        }

        let ac = if key_text.is_empty() {
            None
        } else {
            let total: usize = key_text.iter().map(String::len).sum();
            let ac = Scanner::new(&key_text, total <= DFA_MAX_PATTERN_BYTES).map_err(|e| {
                LexiconError::whole_file("lexicons", &format!("cannot compile terms: {e}"))
            })?;
            Some(ac)
        };
        let regex_screen = if regexes.is_empty() {
            None
        } else {
            let mut lits = Vec::new();
            let mut owner = Vec::new();
            let mut all = true;
            for (i, r) in regexes.iter().enumerate() {
                match regex_prefixes(r.re.as_str()) {
                    Some(ps) => {
                        for p in ps {
                            lits.push(p);
                            owner.push(i as u32);
                        }
                    }
                    None => all = false,
                }
            }
            if all {
                Overlapping::new(&lits).ok().map(|ac| (ac, owner))
            } else {
                None
            }
        };
        let regex_set = if regexes.is_empty() {
            None
        } else {
            let set = RegexSetBuilder::new(regexes.iter().map(|r| r.re.as_str()))
                .case_insensitive(true)
                .size_limit(REGEX_SIZE_LIMIT.saturating_mul(regexes.len()))
                .build()
                .map_err(|e| {
                    LexiconError::whole_file("lexicons", &format!("cannot compile regexes: {e}"))
                })?;
            Some(set)
        };
        let has_apostrophe_terms = key_text.iter().any(|k| k.contains('\''));
        let has_hyphen_terms = key_text.iter().any(|k| k.contains('-'));
        Ok(Matcher {
            has_apostrophe_terms,
            has_hyphen_terms,
            themes,
            labels,
            ac,
            keys,
            regexes,
            regex_set,
            regex_screen,
            theme_rules,
            rules,
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

    /// Every match inside `span` of `text` (one sentence), ordered by position and then theme;
    /// spans never overlap, except that one span may carry several themes.
    ///
    /// # Panics
    /// When `span` is not a range of char boundaries of `text`.
    pub fn find(&self, text: &str, span: Range<usize>) -> Vec<Match> {
        let mut out = Vec::new();
        self.find_impl(text, span, None, false, &mut out);
        out
    }

    /// [`Matcher::find`] appending to `out`: a caller that scans many sentences reuses one
    /// buffer instead of allocating a vector per sentence.
    pub fn find_into(&self, text: &str, span: Range<usize>, out: &mut Vec<Match>) {
        self.find_impl(text, span, None, false, out);
    }

    /// [`Matcher::find_into`] for a span already known to be plain ASCII (`plain`, see
    /// [`count_tokens_plain`]) or not: the scan then need not check.
    pub(crate) fn find_into_plain(
        &self,
        text: &str,
        span: Range<usize>,
        plain: bool,
        out: &mut Vec<Match>,
    ) {
        self.find_impl(text, span, Some(plain), false, out);
    }

    /// [`Matcher::find_into`], with what is known of the span's plainness (`None`: nothing; a
    /// span with edge whitespace may be plain once trimmed, so `false` only means "check more"),
    /// optionally forcing the folded path (tests compare both paths).
    fn find_impl(
        &self,
        text: &str,
        span: Range<usize>,
        plain: Option<bool>,
        force_fold: bool,
        out: &mut Vec<Match>,
    ) {
        let s = &text[span.clone()];
        // Edge whitespace (a paragraph's trailing newline) cannot be part of a term: trimming it
        // keeps more sentences on the in-place path. (A sentence of the segmenter has none: with
        // a visible ASCII char at both ends, there is nothing to trim.)
        let b = s.as_bytes();
        let (s, base) = if b.first().is_some_and(u8::is_ascii_graphic)
            && b.last().is_some_and(u8::is_ascii_graphic)
        {
            (s, span.start)
        } else {
            let t = s.trim_start();
            (t.trim_end(), span.start + (s.len() - t.len()))
        };
        if s.is_empty() {
            return;
        }
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut sc) => self.find_in(s, base, &mut sc, plain, force_fold, out),
            // Only reachable if `find` were re-entered on this thread; stay correct anyway.
            Err(_) => self.find_in(s, base, &mut Scratch::default(), plain, force_fold, out),
        })
    }

    fn find_in(
        &self,
        s: &str,
        base: usize,
        sc: &mut Scratch,
        plain: Option<bool>,
        force_fold: bool,
        out: &mut Vec<Match>,
    ) {
        let Scratch {
            folded,
            map,
            cands,
            rcands,
            token,
            rx_hit,
        } = sc;
        cands.clear();
        rcands.clear();
        let plain = !force_fold
            && (plain.unwrap_or_else(|| is_plain_ascii(s.as_bytes())) || !self.needs_fold(s));
        let (hay, folded_map): (&[u8], Option<&[usize]>) = if plain {
            (s.as_bytes(), None)
        } else {
            fold_text(s, folded, map);
            (folded.as_bytes(), Some(&map[..]))
        };

        // Regex candidates, leftmost-longest first.
        if !self.regexes.is_empty() {
            // The set's lazy DFA handles Unicode `\b` only on ASCII text; on other text it
            // falls back to a slow NFA over every pattern at once, so each regex (with its own
            // literal prefilter) is run instead.
            let use_set = s.is_ascii();
            let mut push = |i: usize, re: &Regex| {
                for m in re.find_iter(s) {
                    if m.start() < m.end() {
                        rcands.push(Cand {
                            start: m.start(),
                            end: m.end(),
                            hay_end: 0,
                            id: i as u32,
                            regex: true,
                            literal_ok: true,
                        });
                    }
                }
            };
            match (&self.regex_screen, &self.regex_set) {
                (Some((screen, owner)), _) => {
                    rx_hit.clear();
                    rx_hit.resize(self.regexes.len(), false);
                    let mut any = false;
                    screen.for_each(s.as_bytes(), |p| {
                        rx_hit[owner[p] as usize] = true;
                        any = true;
                    });
                    if any {
                        for (i, r) in self.regexes.iter().enumerate() {
                            if rx_hit[i] {
                                push(i, &r.re);
                            }
                        }
                    }
                }
                (None, Some(set)) if use_set => {
                    for i in set.matches(s).iter() {
                        push(i, &self.regexes[i].re);
                    }
                }
                _ => {
                    for (i, r) in self.regexes.iter().enumerate() {
                        push(i, &r.re);
                    }
                }
            }
            rcands.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end), c.id));
        }

        // Merge automaton and regex candidates: leftmost, then longest, then automaton.
        let mut next_ac = self.next_ac(hay, 0, s, folded_map);
        let mut ri = 0;
        let mut last_end = 0;
        loop {
            while ri < rcands.len() && rcands[ri].start < last_end {
                ri += 1;
            }
            let r = rcands.get(ri).copied();
            let take_ac = match (next_ac, r) {
                (None, None) => break,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (Some(a), Some(r)) => {
                    (a.start, std::cmp::Reverse(a.end)) <= (r.start, std::cmp::Reverse(r.end))
                }
            };
            if take_ac {
                let a = next_ac.expect("checked");
                cands.push(a);
                last_end = a.end;
                next_ac = self.next_ac(hay, a.hay_end, s, folded_map);
            } else {
                let r = r.expect("checked");
                cands.push(r);
                last_end = r.end;
                ri += 1;
                if next_ac.is_some_and(|a| a.start < last_end) {
                    let hay_pos = match folded_map {
                        None => last_end,
                        Some(m) => m.partition_point(|&o| o < last_end),
                    };
                    next_ac = self.next_ac(hay, hay_pos, s, folded_map);
                }
            }
        }

        for c in cands.iter() {
            if c.regex {
                let r = &self.regexes[c.id as usize];
                self.emit(out, s, base, c, r.theme, r.term, r.weight, token);
            } else {
                let mut emitted_theme = u32::MAX;
                for e in &self.keys[c.id as usize].entries {
                    if (e.prefix || c.literal_ok) && e.theme != emitted_theme {
                        emitted_theme = e.theme;
                        self.emit(out, s, base, c, e.theme, e.term, e.weight, token);
                    }
                }
            }
        }
    }

    /// Whether a sentence that is not plain ASCII must be folded before the automaton sees it:
    /// only when it has characters that fold to something else (uppercase outside ASCII, any
    /// whitespace but a single space, typographic apostrophes (hyphens) when some term has an
    /// apostrophe (hyphen)). Lowercase accented words, dashes and quotes are matched in place.
    fn needs_fold(&self, s: &str) -> bool {
        let mut prev_space = false;
        for c in s.chars() {
            let space = c == ' ';
            if space {
                if prev_space {
                    return true;
                }
            } else if c.is_ascii() {
                if c.is_ascii_control() {
                    return true;
                }
            } else {
                match c {
                    '\u{2019}' | '\u{2018}' | '\u{2bc}' if self.has_apostrophe_terms => {
                        return true;
                    }
                    '\u{2010}' | '\u{2011}' if self.has_hyphen_terms => return true,
                    c if c.is_whitespace() => return true,
                    c if c.is_alphabetic() => {
                        let mut l = c.to_lowercase();
                        if l.next() != Some(c) || l.next().is_some() {
                            return true;
                        }
                    }
                    _ => {}
                }
            }
            prev_space = space;
        }
        false
    }

    /// The next valid automaton candidate at or after haystack position `pos`.
    fn next_ac(&self, hay: &[u8], mut pos: usize, s: &str, map: Option<&[usize]>) -> Option<Cand> {
        let ac = self.ac.as_ref()?;
        while pos < hay.len() {
            let m = ac.find(hay, pos, hay.len())?;
            let start = m.start;
            let key = &self.keys[m.pattern];
            if key.check_start && start > 0 && word_before(hay, start) {
                // Starts inside a word: so would any pattern starting later in this word.
                pos = word_end(hay, start);
                continue;
            }
            // The longest pattern at `start` first, then shorter ones at the same start.
            let mut cur = Some(m);
            while let Some(m) = cur {
                let key = &self.keys[m.pattern];
                let at_boundary = !key.check_end || m.end == hay.len() || !word_at(hay, m.end);
                let has_prefix = key.has_prefix;
                let extended = if has_prefix {
                    word_end(hay, m.end)
                } else {
                    m.end
                };
                // A prefix wildcard that runs on into the word wins over a literal that stops.
                let literal_ok = at_boundary && extended == m.end;
                if literal_ok || has_prefix {
                    let end = extended;
                    let (o_start, o_end) = match map {
                        None => (start, end),
                        Some(map) => {
                            let last = map[end - 1];
                            let clen = s[last..].chars().next().map_or(1, char::len_utf8);
                            (map[start], last + clen)
                        }
                    };
                    return Some(Cand {
                        start: o_start,
                        end: o_end,
                        hay_end: end,
                        id: m.pattern as u32,
                        regex: false,
                        literal_ok,
                    });
                }
                cur = if m.end - start > 1 {
                    ac.find(hay, start, m.end - 1).filter(|n| n.start == start)
                } else {
                    None
                };
            }
            pos = next_char(hay, start);
        }
        None
    }

    #[allow(clippy::too_many_arguments)]
    fn emit(
        &self,
        out: &mut Vec<Match>,
        s: &str,
        base: usize,
        c: &Cand,
        theme: u32,
        term: u32,
        weight: f64,
        token: &mut String,
    ) {
        let rules = &self.rules[self.theme_rules[theme as usize]];
        let mut weight = weight;
        let mut intensifier = None;
        if !rules.intensifiers.is_empty() {
            let mut pos = c.start;
            let mut product = 1.0;
            while let Some((ts, te)) = prev_token(s, pos) {
                // Only adjacent tokens: nothing but spaces between them and the term.
                if !s[te..pos].chars().all(char::is_whitespace) {
                    break;
                }
                fold_into(&s[ts..te], token);
                match rules.intensifiers.iter().find(|(w, _)| w == token) {
                    Some((_, m)) => product *= m,
                    None => break,
                }
                pos = ts;
            }
            if pos != c.start {
                weight *= product;
                intensifier = Some(product);
            }
        }
        let mut negated = false;
        if let Some(effect) = rules.effect {
            let mut pos = c.start;
            for _ in 0..rules.window {
                let Some((ts, te)) = prev_token(s, pos) else {
                    break;
                };
                fold_into(&s[ts..te], token);
                if rules.cues.iter().any(|cue| cue == token)
                    || (rules.not_is_cue && token.ends_with("n't"))
                {
                    negated = true;
                    break;
                }
                pos = ts;
            }
            if negated {
                match effect {
                    NegationEffect::Drop => return,
                    NegationEffect::Flip => weight = -weight,
                }
            }
        }
        out.push(Match {
            theme: theme as usize,
            term: term as usize,
            start: base + c.start,
            end: base + c.end,
            weight,
            negated,
            intensifier,
        });
    }
}

/// Lowercase literal prefixes, one of which starts every match of `pattern` (which is matched
/// case-insensitively): a cheap screen that skips the regex on sentences without any of them.
/// `None` when the regex has no useful prefix set (one could start anywhere, or a prefix has
/// fewer than 3 ASCII bytes before its first non-ASCII one). ASCII case-insensitivity of the screen ignores the rare
/// non-ASCII case variants of ASCII letters (`ſ` for `s`, the Kelvin sign for `k`).
fn regex_prefixes(pattern: &str) -> Option<Vec<String>> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
    let mut ex = Extractor::new();
    ex.kind(ExtractKind::Prefix).limit_total(256);
    let seq = ex.extract(&hir);
    let mut out = Vec::new();
    for lit in seq.literals()? {
        // A prefix of a prefix is still necessary: keep the ASCII part.
        let b = lit.as_bytes();
        let ascii = b.iter().position(|x| !x.is_ascii()).unwrap_or(b.len());
        if ascii < 3 {
            return None;
        }
        let p = std::str::from_utf8(&b[..ascii]).ok()?.to_ascii_lowercase();
        if !out.contains(&p) {
            out.push(p);
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Printable ASCII with no two spaces in a row: scanned in place, no folding needed.
fn is_plain_ascii(b: &[u8]) -> bool {
    let Some(&first) = b.first() else {
        return true;
    };
    if first.wrapping_sub(0x20) >= 0x5f {
        return false;
    }
    // 32 bytes at a time, each with the byte before it, the last block padded with letters: a
    // fixed-size block compiles to SIMD compares, where a byte loop (or a vector loop's
    // byte-at-a-time tail) costs several instructions a byte
    const BLOCK: usize = 32;
    let plain_block = |w: &[u8; BLOCK + 1]| {
        let mut bad = false;
        for i in 0..BLOCK {
            let (p, x) = (w[i], w[i + 1]);
            bad |= (x.wrapping_sub(0x20) >= 0x5f) | ((x == b' ') & (p == b' '));
        }
        !bad
    };
    let mut at = 1;
    while at < b.len() {
        let plain = match b.get(at - 1..at + BLOCK) {
            Some(w) => plain_block(w.try_into().expect("block size")),
            None => {
                let mut w = [b'a'; BLOCK + 1];
                w[..b.len() + 1 - at].copy_from_slice(&b[at - 1..]);
                plain_block(&w)
            }
        };
        if !plain {
            return false;
        }
        at += BLOCK;
    }
    true
}

/// Appends the folded form of `c` (see the module docs) to `out`.
#[inline]
fn fold_char(c: char, mut push: impl FnMut(char)) {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{2bc}' => push('\''),
        '\u{2010}' | '\u{2011}' => push('-'),
        c if c.is_ascii() => push(c.to_ascii_lowercase()),
        c => c.to_lowercase().for_each(push),
    }
}

/// Folds a sentence into `out`, with `map[i]` = the original offset of the char that produced
/// folded byte `i`.
fn fold_text(s: &str, out: &mut String, map: &mut Vec<usize>) {
    out.clear();
    map.clear();
    // (room for the usual case, a byte for a byte, so that pushing never grows them)
    out.reserve(s.len());
    map.reserve(s.len());
    let mut prev_space = false;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if !prev_space {
                out.push(' ');
                map.push(i);
            }
            prev_space = true;
            continue;
        }
        prev_space = false;
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            map.push(i);
            continue;
        }
        fold_char(c, |f| {
            out.push(f);
            for _ in 0..f.len_utf8() {
                map.push(i);
            }
        });
    }
}

/// Folds a term: lowercase, trimmed, whitespace runs to one space.
fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut map = Vec::new();
    fold_text(s.trim(), &mut out, &mut map);
    out
}

/// Folds a token into a reused buffer.
fn fold_into(s: &str, out: &mut String) {
    out.clear();
    for c in s.chars() {
        fold_char(c, |f| out.push(f));
    }
}

/// Whether the char ending at byte `i` of `hay` (valid UTF-8) is a word character. (The ASCII
/// case inline, the rest out of line: with the decoding inlined too, this was a call at every
/// candidate match.)
#[inline(always)]
fn word_before(hay: &[u8], i: usize) -> bool {
    let b = hay[i - 1];
    if b < 0x80 {
        return b.is_ascii_alphanumeric();
    }
    non_ascii_word_before(hay, i)
}

fn non_ascii_word_before(hay: &[u8], i: usize) -> bool {
    let mut j = i - 1;
    while j > 0 && (hay[j] & 0xC0) == 0x80 {
        j -= 1;
    }
    decode(&hay[j..i]).is_some_and(char::is_alphanumeric)
}

/// Whether the char starting at byte `i` of `hay` is a word character (as [`word_before`]).
#[inline(always)]
fn word_at(hay: &[u8], i: usize) -> bool {
    let b = hay[i];
    if b < 0x80 {
        return b.is_ascii_alphanumeric();
    }
    non_ascii_word_at(hay, i)
}

fn non_ascii_word_at(hay: &[u8], i: usize) -> bool {
    decode(&hay[i..(i + 4).min(hay.len())]).is_some_and(char::is_alphanumeric)
}

/// End of the run of word characters starting at `i`.
fn word_end(hay: &[u8], mut i: usize) -> usize {
    while i < hay.len() && word_at(hay, i) {
        i = next_char(hay, i);
    }
    i
}

#[inline]
fn next_char(hay: &[u8], i: usize) -> usize {
    let mut j = i + 1;
    while j < hay.len() && (hay[j] & 0xC0) == 0x80 {
        j += 1;
    }
    j
}

/// The first char of a UTF-8 byte slice that starts on a char boundary.
fn decode(b: &[u8]) -> Option<char> {
    let len = match b.first()? {
        x if *x < 0x80 => 1,
        x if *x >= 0xF0 => 4,
        x if *x >= 0xE0 => 3,
        _ => 2,
    };
    std::str::from_utf8(b.get(..len)?).ok()?.chars().next()
}

/// The token ending at or before byte `end` of `s`: (start, end of its last word char).
fn prev_token(s: &str, end: usize) -> Option<(usize, usize)> {
    let before = |i: usize| s[..i].chars().next_back().map(|c| (c, i - c.len_utf8()));
    let mut i = end;
    loop {
        let (c, st) = before(i)?;
        if c.is_alphanumeric() {
            break;
        }
        i = st;
    }
    let tok_end = i;
    while let Some((c, st)) = before(i) {
        if c.is_alphanumeric()
            || (is_joiner(c) && before(st).is_some_and(|(p, _)| p.is_alphanumeric()))
        {
            i = st;
        } else {
            break;
        }
    }
    Some((i, tok_end))
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '-' | '\u{2010}' | '\u{2011}')
}

/// Bytes per round of [`count_ascii_tokens`].
const TOKEN_BLOCK: usize = 32;

/// ASCII letter or digit; a non-ASCII byte is neither. Written as signed comparisons (the
/// offsets move each range to the bottom of `i8`), which SIMD compares do in one instruction.
#[inline(always)]
fn ascii_alnum(x: u8) -> bool {
    (((x | 0x20).wrapping_add(128 - b'a') as i8) < (26 - 128) as i8)
        | ((x.wrapping_add(128 - b'0') as i8) < (10 - 128) as i8)
}

/// The token starts among `w[2..]`, with `w[0]` and `w[1]` before them (see
/// [`count_ascii_tokens`]), whether some byte among them is not ASCII, and whether one is not
/// printable or a space after a space (see [`is_plain_ascii`]). Branch-free over a fixed size,
/// so that it compiles to SIMD compares with no loop.
#[inline(always)]
fn token_block(w: &[u8; TOKEN_BLOCK + 2]) -> (usize, bool, bool) {
    // (flags as `bool`s: each reduces to one mask-extracting instruction)
    let (mut k, mut high, mut bad) = (0u8, false, false);
    for i in 0..TOKEN_BLOCK {
        let (p2, p1, c) = (w[i], w[i + 1], w[i + 2]);
        let joiner = (p1 == b'\'') | (p1 == b'-');
        k += (ascii_alnum(c) & !ascii_alnum(p1) & !(joiner & ascii_alnum(p2))) as u8;
        high |= (c as i8) < 0;
        // not printable (below 0x20, 0x7f and up), as a signed comparison like `ascii_alnum`
        let unprintable = (c.wrapping_add(128 - 0x20) as i8) >= (0x5f - 128) as i8;
        bad |= unprintable | ((c == b' ') & (p1 == b' '));
    }
    (k as usize, high, bad)
}

/// [`count_tokens`] of ASCII text (`None` for other text), and whether the text is plain (see
/// [`is_plain_ascii`]): a token starts at an alphanumeric byte that does not follow an
/// alphanumeric, nor a joiner that itself follows an alphanumeric. Counted a block of bytes at a
/// time, the last block padded with periods (printable, neither alphanumeric nor a joiner): a
/// byte loop over a sentence's last bytes cost more than the blocks before.
fn count_ascii_tokens(b: &[u8]) -> Option<(usize, bool)> {
    let len = b.len();
    let printable = |x: &u8| x.wrapping_sub(0x20) < 0x5f;
    let mut n = match len {
        0 => 0,
        1 => ascii_alnum(b[0]) as usize,
        _ => ascii_alnum(b[0]) as usize + (ascii_alnum(b[1]) & !ascii_alnum(b[0])) as usize,
    };
    if b.iter().take(2).any(|&x| x >= 0x80) {
        return None;
    }
    let mut plain = b.iter().take(2).all(printable) && !b.starts_with(b"  ");
    let mut at = 2;
    while at < len {
        let (k, high, bad) = match b.get(at - 2..at + TOKEN_BLOCK) {
            Some(w) => token_block(w.try_into().expect("block size")),
            None => {
                let mut w = [b'.'; TOKEN_BLOCK + 2];
                w[..len + 2 - at].copy_from_slice(&b[at - 2..]);
                token_block(&w)
            }
        };
        if high {
            return None;
        }
        n += k;
        plain &= !bad;
        at += TOKEN_BLOCK;
    }
    Some((n, plain))
}

/// [`count_tokens`], and whether `text` is plain ASCII, as [`Matcher::find_into_plain`] wants
/// to know: one pass over the text for both.
pub(crate) fn count_tokens_plain(text: &str) -> (usize, bool) {
    match count_ascii_tokens(text.as_bytes()) {
        Some(counted) => counted,
        None => (count_tokens(text), false),
    }
}

/// Number of word tokens in a text: runs of letters and digits, joined by single inner
/// apostrophes or hyphens (`don't`, `anti-hegemony` are one token each; `well--known` is two).
/// The unit of `per_1k_tokens` and of the negation window.
pub fn count_tokens(text: &str) -> usize {
    let b = text.as_bytes();
    if let Some((n, _)) = count_ascii_tokens(b) {
        return n;
    }
    // Mixed text: ASCII bytes classified inline, other chars decoded.
    const OTHER: u8 = 0;
    const ALNUM: u8 = 1;
    const JOIN: u8 = 2;
    let (mut n, mut p2, mut p1) = (0usize, OTHER, OTHER);
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        let class = if x < 0x80 {
            i += 1;
            if x.is_ascii_alphanumeric() {
                ALNUM
            } else if x == b'\'' || x == b'-' {
                JOIN
            } else {
                OTHER
            }
        } else {
            let c = text[i..].chars().next().expect("char boundary");
            i += c.len_utf8();
            if c.is_alphanumeric() {
                ALNUM
            } else if is_joiner(c) {
                JOIN
            } else {
                OTHER
            }
        };
        n += (class == ALNUM && p1 != ALNUM && !(p1 == JOIN && p2 == ALNUM)) as usize;
        (p2, p1) = (p1, class);
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::parse_str;

    fn matcher(srcs: &[&str]) -> Matcher {
        let lexicons = srcs
            .iter()
            .enumerate()
            .map(|(i, s)| parse_str(s, &format!("t{i}.toml")).unwrap())
            .collect();
        Matcher::new(&LexiconSet::new(lexicons).unwrap()).unwrap()
    }

    /// (theme, matched text, weight, negated) for the whole text.
    fn hits(m: &Matcher, text: &str) -> Vec<(String, String, f64, bool)> {
        m.find(text, 0..text.len())
            .into_iter()
            .map(|x| {
                (
                    m.themes()[x.theme].clone(),
                    text[x.start..x.end].to_string(),
                    x.weight,
                    x.negated,
                )
            })
            .collect()
    }

    fn texts(m: &Matcher, text: &str) -> Vec<String> {
        hits(m, text).into_iter().map(|h| h.1).collect()
    }

    const GEO: &str = r#"
[lexicon]
name = "geo"
[[theme]]
id = "anti-hegemony"
terms = ["hegemony", "anti-hegemony", "unipolar*", "bloc confrontation",
         { term = "resist hegemony", weight = 2.0 }]
[[theme]]
id = "sanctions"
terms = ["sanctions", "unilateral sanctions", "états-unis", "sanktionen", "don't"]
"#;

    #[test]
    fn case_folding_is_unicode_aware() {
        let m = matcher(&[GEO]);
        assert_eq!(
            texts(&m, "Les ÉTATS-UNIS et les États-Unis"),
            ["ÉTATS-UNIS", "États-Unis"]
        );
        assert_eq!(
            texts(&m, "Neue SANKTIONEN, neue Sanktionen"),
            ["SANKTIONEN", "Sanktionen"]
        );
        assert_eq!(texts(&m, "HEGEMONY and Hegemony"), ["HEGEMONY", "Hegemony"]);
        // Non-ASCII elsewhere in the sentence: offsets still point at the original bytes.
        let t = "« Hégémonie » and HEGEMONY";
        let found = m.find(t, 0..t.len());
        assert_eq!(&t[found[0].start..found[0].end], "HEGEMONY");
    }

    #[test]
    fn word_boundaries() {
        let m = matcher(&[GEO]);
        assert!(texts(&m, "hegemonyx xhegemony hegemonyism").is_empty());
        assert_eq!(texts(&m, "Russia's hegemony's end"), ["hegemony"]);
        assert_eq!(texts(&m, "(hegemony)."), ["hegemony"]);
        // Non-ASCII letters are word characters too.
        assert!(texts(&m, "éhegemony hegemonyé").is_empty());
        // Hyphenated form: the hyphenated term wins over the word inside it.
        let h = hits(&m, "an anti-hegemony stance; pro-hegemony");
        assert_eq!(h[0].1, "anti-hegemony");
        assert_eq!(h[1].1, "hegemony");
        assert_eq!(h.len(), 2);
        // Typographic hyphens are folded when a term has a hyphen.
        assert_eq!(texts(&m, "anti\u{2011}hegemony"), ["anti\u{2011}hegemony"]);
    }

    #[test]
    fn apostrophes_match_typographic_forms() {
        let m = matcher(&[GEO]);
        assert_eq!(texts(&m, "I DON’T know; I don't"), ["DON’T", "don't"]);
    }

    #[test]
    fn phrase_beats_word_and_nothing_is_counted_twice() {
        let m = matcher(&[GEO]);
        let h = hits(&m, "They resist hegemony and impose unilateral sanctions.");
        assert_eq!(
            h.iter()
                .map(|x| (x.0.as_str(), x.1.as_str(), x.2))
                .collect::<Vec<_>>(),
            [
                ("anti-hegemony", "resist hegemony", 2.0),
                ("sanctions", "unilateral sanctions", 1.0)
            ]
        );
    }

    #[test]
    fn whitespace_in_phrases_matches_any_run() {
        let m = matcher(&[GEO]);
        assert_eq!(
            texts(
                &m,
                "bloc  confrontation, bloc\n\tconfrontation, bloc\u{a0}confrontation"
            ),
            [
                "bloc  confrontation",
                "bloc\n\tconfrontation",
                "bloc\u{a0}confrontation"
            ]
        );
        assert!(texts(&m, "bloc-confrontation blocconfrontation").is_empty());
    }

    #[test]
    fn prefix_wildcard_extends_to_the_end_of_the_word() {
        let m = matcher(&[GEO]);
        assert_eq!(
            texts(&m, "unipolar, Unipolarity, unipolarism's rise; nonunipolar"),
            ["unipolar", "Unipolarity", "unipolarism"]
        );
    }

    #[test]
    fn regex_terms_compete_in_the_same_resolution() {
        let m = matcher(&[r#"
[lexicon]
name = "r"
[[theme]]
id = "a"
terms = ["sanctions", { regex = '\bunilateral\s+(?:sanctions|actions)\b', weight = 1.5 }]
[[theme]]
id = "b"
terms = ["actions taken", { regex = '\d+ percent' }]
"#]);
        let h = hits(
            &m,
            "UNILATERAL SANCTIONS and unilateral actions taken, sanctions, 5 percent",
        );
        assert_eq!(
            h.iter()
                .map(|x| (x.0.as_str(), x.1.as_str(), x.2))
                .collect::<Vec<_>>(),
            [
                ("a", "UNILATERAL SANCTIONS", 1.5),
                ("a", "unilateral actions", 1.5),
                ("a", "sanctions", 1.0),
                ("b", "5 percent", 1.0),
            ]
        );
        // Non-ASCII sentences take the per-regex path: same result.
        let h = hits(&m, "« unilateral  actions » — 5 percent");
        assert_eq!(
            h.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(),
            ["unilateral  actions", "5 percent"]
        );
        // A literal that starts earlier wins over a regex match inside it.
        let h = hits(&m, "the actions taken unilaterally");
        assert_eq!(h.len(), 1);
        assert_eq!(h[0].1, "actions taken");
    }

    #[test]
    fn screened_regexes_match_like_unscreened_ones() {
        let src = r#"
[lexicon]
name = "r"
[[theme]]
id = "a"
terms = ["sanctions", { regex = '\bunilateral\s+(?:sanctions|actions)\b', weight = 1.5 }]
"#;
        let m = matcher(&[src]);
        assert!(m.regex_screen.is_some());
        for text in [
            "UNILATERAL SANCTIONS and Unilateral   actions, sanctions",
            "« UNILATERAL SANCTIONS » and Unilateral   actions — sanctions",
        ] {
            let h = hits(&m, text);
            assert_eq!(
                h.iter().map(|x| x.2).collect::<Vec<_>>(),
                [1.5, 1.5, 1.0],
                "{text}"
            );
        }
        assert!(hits(&m, "multilateral actions").is_empty());
    }

    const NEG: &str = r#"
[lexicon]
name = "n"
[[theme]]
id = "cooperation"
terms = ["cooperation", { term = "partnership", weight = 2.0 }]
[negation]
cues = ["not", "no", "never"]
window = 3
effect = "flip"
[intensifiers]
strongly = 1.5
very = 2
"#;

    #[test]
    fn negation_flips_within_the_window() {
        let m = matcher(&[NEG]);
        assert_eq!(hits(&m, "no cooperation")[0].2, -1.0);
        assert!(hits(&m, "no cooperation")[0].3);
        // Three tokens before the term: still inside the window.
        assert_eq!(hits(&m, "not a real, cooperation")[0].2, -1.0);
        // Four tokens before: outside.
        let h = hits(&m, "not a real deep cooperation");
        assert_eq!(h[0].2, 1.0);
        assert!(!h[0].3);
        // Contractions count as `not`; cues fold case.
        assert_eq!(hits(&m, "We DON'T want cooperation")[0].2, -1.0);
        assert_eq!(hits(&m, "NEVER partnership")[0].2, -2.0);
        // A cue after the term does not negate it.
        assert_eq!(hits(&m, "cooperation, not war")[0].2, 1.0);
    }

    #[test]
    fn negation_stays_inside_the_sentence_span() {
        let m = matcher(&[NEG]);
        let text = "There is no. Cooperation matters.";
        let start = text.find("Cooperation").unwrap();
        let found = m.find(text, start..text.len());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].weight, 1.0);
        assert_eq!(found[0].start, start);
    }

    #[test]
    fn negation_drop_removes_the_match() {
        let m = matcher(&[&NEG.replace("\"flip\"", "\"drop\"")]);
        assert!(hits(&m, "never cooperation").is_empty());
        assert_eq!(hits(&m, "cooperation").len(), 1);
    }

    #[test]
    fn intensifiers_multiply_the_next_term() {
        let m = matcher(&[NEG]);
        let t = "We strongly support cooperation, STRONGLY partnership";
        let found = m.find(t, 0..t.len());
        assert_eq!(found[0].weight, 1.0); // `support` sits between
        assert_eq!(found[0].intensifier, None);
        assert_eq!(found[1].weight, 3.0);
        assert_eq!(found[1].intensifier, Some(1.5));
        // A run multiplies together; negation applies on top.
        assert_eq!(hits(&m, "very strongly cooperation")[0].2, 3.0);
        assert_eq!(hits(&m, "not very strongly cooperation")[0].2, -3.0);
        assert_eq!(hits(&m, "strongly, cooperation")[0].2, 1.0);
    }

    #[test]
    fn inflection_generates_regular_forms_only() {
        let m = matcher(&[r#"
[lexicon]
name = "i"
[[theme]]
id = "sanctions"
inflect = true
terms = ["sanction", "cooperate", "ban", "seek", "impose tariffs"]
"#]);
        assert_eq!(
            texts(
                &m,
                "sanctions sanctioned sanctioning cooperates cooperated cooperating"
            ),
            [
                "sanctions",
                "sanctioned",
                "sanctioning",
                "cooperates",
                "cooperated",
                "cooperating"
            ]
        );
        assert_eq!(
            texts(&m, "banned banning bans"),
            ["banned", "banning", "bans"]
        );
        // Irregular forms, phrase inflections and derivations are not caught.
        assert!(texts(&m, "sought imposed tariffs sanctionable").is_empty());
        // Without `inflect`, only the word itself.
        let plain = matcher(&[GEO]);
        assert!(texts(&plain, "hegemonies").is_empty());
        // The inflected form reports its base term.
        let h = m.find("sanctioned", 0..10);
        assert_eq!(m.term_label(h[0].term), "sanction");
    }

    #[test]
    fn several_lexicons_keep_their_own_rules() {
        let other = r#"
[lexicon]
name = "o"
[[theme]]
id = "conflict"
terms = ["war", "cooperation"]
"#;
        let m = matcher(&[NEG, other]);
        // `cooperation` is in both: one match per theme; negation only from its own lexicon.
        let h = hits(&m, "no cooperation and no war");
        assert_eq!(
            h,
            [
                (
                    "cooperation".to_string(),
                    "cooperation".to_string(),
                    -1.0,
                    true
                ),
                (
                    "conflict".to_string(),
                    "cooperation".to_string(),
                    1.0,
                    false
                ),
                ("conflict".to_string(), "war".to_string(), 1.0, false),
            ]
        );
    }

    #[test]
    fn restricted_themes_are_not_matched() {
        let mut set = LexiconSet::new(vec![parse_str(GEO, "g.toml").unwrap()]).unwrap();
        set.restrict(&["sanctions".to_string()]).unwrap();
        let m = Matcher::new(&set).unwrap();
        assert_eq!(m.themes(), ["sanctions"]);
        let h = hits(&m, "hegemony and sanctions");
        assert_eq!(h.len(), 1);
        assert_eq!(h[0].0, "sanctions");
        assert!(set.restrict(&["nope".to_string()]).is_err());
    }

    #[test]
    fn offsets_are_document_offsets() {
        let m = matcher(&[GEO]);
        let text = "First sentence. Then hegemony.";
        let start = 16;
        let found = m.find(text, start..text.len());
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].start..found[0].end], "hegemony");
        assert_eq!(found[0].start, 21);
    }

    #[test]
    fn shorter_term_is_tried_when_the_longest_ends_inside_a_word() {
        let m = matcher(&[r#"
[lexicon]
name = "s"
[[theme]]
id = "t"
terms = ["global", "global south", "era"]
"#]);
        assert_eq!(texts(&m, "global southern era"), ["global", "era"]);
        assert_eq!(texts(&m, "federal era, moderate"), ["era"]);
    }

    #[test]
    fn regex_prefix_screen() {
        assert_eq!(
            regex_prefixes(r"\b(?:Regional|global) security\b").unwrap(),
            ["regional security", "global security"]
        );
        assert_eq!(
            regex_prefixes(r"\bcolou?r revolutions?\b").unwrap(),
            [
                "colour revolutions",
                "colour revolution",
                "color revolutions",
                "color revolution"
            ]
        );
        assert!(regex_prefixes(r"\d+ percent").is_none());
        // Non-ASCII literals are cut before their first non-ASCII char.
        assert_eq!(
            regex_prefixes("others['’] security").unwrap(),
            ["others' security", "others"]
        );
        assert!(regex_prefixes(r"\w+ism").is_none());
        // A two-byte prefix screens too little.
        assert!(regex_prefixes(r"(?:a|bc)x").is_none());
    }

    #[test]
    fn token_counts() {
        assert_eq!(count_tokens("We don't want anti-hegemony, 2 times."), 6);
        assert_eq!(count_tokens("Les États-Unis n’ont pas"), 4);
        assert_eq!(count_tokens(""), 0);
        assert_eq!(count_tokens("a"), 1);
        assert_eq!(count_tokens("well--known -x- 'tis"), 4);
        assert_eq!(count_tokens("well--known -x- ’tis é"), 5);
    }

    mod prop {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn find_never_panics_and_returns_ordered_spans(
                text in "\\PC{0,80}|[a-zA-Z ’'\\-éÉİ\n]{0,80}",
                cut in 0usize..100,
            ) {
                let m = matcher(&[GEO, NEG]);
                let mut a = cut.min(text.len());
                while !text.is_char_boundary(a) { a -= 1; }
                let found = m.find(&text, a..text.len());
                let mut prev: Option<&Match> = None;
                for x in &found {
                    prop_assert!(x.start >= a && x.end <= text.len() && x.start < x.end);
                    prop_assert!(text.is_char_boundary(x.start) && text.is_char_boundary(x.end));
                    if let Some(p) = prev {
                        prop_assert!(
                            x.start >= p.end || (x.start == p.start && x.end == p.end),
                            "overlap {:?} {:?}", p, x
                        );
                    }
                    prev = Some(x);
                }
            }

            #[test]
            fn count_tokens_agrees_with_a_plain_char_loop(
                text in "[a-zA-Z0-9 '\\-’é—.]{0,40}|\\PC{0,40}|[a-zA-Z0-9 '\\-.]{0,100}|[a-z '\\-]{0,70}é",
            ) {
                // Reference: a token starts at an alphanumeric char not preceded by one, nor by a
                // joiner that follows one.
                let cs: Vec<char> = text.chars().collect();
                let mut want = 0;
                for i in 0..cs.len() {
                    let prev = i.checked_sub(1).map(|j| cs[j]);
                    let prev2 = i.checked_sub(2).map(|j| cs[j]);
                    if cs[i].is_alphanumeric()
                        && !prev.is_some_and(char::is_alphanumeric)
                        && !(prev.is_some_and(is_joiner) && prev2.is_some_and(char::is_alphanumeric))
                    {
                        want += 1;
                    }
                }
                prop_assert_eq!(count_tokens(&text), want);
            }

            #[test]
            fn plain_ascii_is_printable_ascii_without_two_spaces(text in "[a-z ~\t\u{7f}é]{0,100}") {
                let b = text.as_bytes();
                let want = b.iter().all(|x| (0x20..0x7f).contains(x))
                    && !b.windows(2).any(|w| w == b"  ");
                prop_assert_eq!(is_plain_ascii(b), want);
            }

            #[test]
            fn one_pass_counts_and_checks_as_the_two_do(
                text in "[a-z ~\t\u{7f}'\\-]{0,100}|[a-z ]{0,70}é[a-z ]{0,20}|\\PC{0,40}",
            ) {
                let want = (count_tokens(&text), is_plain_ascii(text.as_bytes()));
                prop_assert_eq!(count_tokens_plain(&text), want);
            }

            #[test]
            fn in_place_and_folded_paths_agree(
                text in "[a-zA-Z ’'\\-éÉ\u{2011}«»]{0,60}|(?:hegemony|Hégémonie|ÉTATS-UNIS|états-unis|bloc|confrontation|not|strongly|unipolar|anti|don’t|cooperation|[ ,.\\-]){0,20}",
            ) {
                let m = matcher(&[GEO, NEG]);
                let (mut a, mut b) = (Vec::new(), Vec::new());
                m.find_impl(&text, 0..text.len(), None, false, &mut a);
                m.find_impl(&text, 0..text.len(), None, true, &mut b);
                prop_assert_eq!(a, b);
            }
        }
    }
}
