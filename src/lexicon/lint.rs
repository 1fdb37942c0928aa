//! Lexicon lints: advice beyond validity (overlaps, shadowing, empty-matching regexes, unused cues).
//!
//! A lexicon that loads is valid; a lint says it probably does not do what its author meant.
//! [`lint`] looks at a set of lexicons together (overlaps across files matter, because matching
//! is longest-match over every loaded theme) and returns [`Lint`]s located at file:line:column,
//! each with a hint saying what to do. Nothing here prints.
//!
//! A lint the author has judged and accepted is silenced with a comment on the term's line:
//! `# stance: allow(L003)` (or the lint's name, `allow(nested-overlap)`), which keeps the
//! reason next to the term for the next reader.

use super::{Lexicon, TermPattern, Theme, line_col};
use regex::Regex;
use std::collections::BTreeMap;

/// The lint codes, their names and what they catch.
pub const CODES: &[(&str, &str, &str)] = &[
    (
        "L001",
        "duplicate-term",
        "the same term twice, in one theme or in two",
    ),
    (
        "L002",
        "shadowed-term",
        "a term that a wildcard already covers, so it never fires on its own",
    ),
    (
        "L003",
        "nested-overlap",
        "a phrase that contains another theme's term: longest match means the inner one never fires there",
    ),
    (
        "L004",
        "empty-match-regex",
        "a regex that can match the empty string",
    ),
    (
        "L005",
        "broad-wildcard",
        "a wildcard that over-matches (prefix shorter than 4 characters, or many expansions in --corpus)",
    ),
    (
        "L006",
        "unused-negation-cue",
        "a negation cue that never occurs in --corpus",
    ),
    (
        "L007",
        "few-terms",
        "a theme with fewer terms than --min-terms",
    ),
    (
        "L008",
        "test-unknown-theme",
        "an inline [[test]] naming a theme that no loaded lexicon defines",
    ),
];

/// One finding.
#[derive(Clone, Debug, PartialEq)]
pub struct Lint {
    /// The code, e.g. `L001`.
    pub code: &'static str,
    /// The name, e.g. `duplicate-term`.
    pub name: &'static str,
    /// The lexicon file (its `source`).
    pub file: String,
    /// 1-based line (0 when unknown).
    pub line: usize,
    /// 1-based column (0 when unknown).
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

/// A lexicon and the text it was parsed from (for locations and `allow` comments).
#[derive(Clone, Copy, Debug)]
pub struct LintSource<'a> {
    /// The parsed lexicon.
    pub lexicon: &'a Lexicon,
    /// Its TOML text (empty when unknown: lints then have no line and column).
    pub src: &'a str,
}

/// Settings of a lint run.
#[derive(Clone, Copy, Debug)]
pub struct LintOptions<'a> {
    /// Themes with fewer terms than this get `L007`.
    pub min_terms: usize,
    /// Corpus text: enables the wildcard expansion and unused-cue lints.
    pub corpus: Option<&'a str>,
    /// With a corpus, a wildcard with more distinct expansions than this gets `L005`.
    pub max_expansions: usize,
}

impl Default for LintOptions<'_> {
    fn default() -> Self {
        LintOptions {
            min_terms: 10,
            corpus: None,
            max_expansions: 25,
        }
    }
}

/// The words a wildcard matches in a corpus, most frequent first.
#[derive(Clone, Debug, PartialEq)]
pub struct Expansion {
    /// The theme.
    pub theme: String,
    /// The wildcard as written (`sanction*`).
    pub wildcard: String,
    /// (word, count), by count descending then word.
    pub words: Vec<(String, usize)>,
}

fn lint_name(code: &str) -> &'static str {
    CODES
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, n, _)| *n)
        .unwrap_or("")
}

/// Lowercases and collapses whitespace: the form terms are compared in.
fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// One term with where it lives.
struct Entry<'a> {
    src: usize,
    theme: &'a Theme,
    term: usize,
    pattern: &'a TermPattern,
    norm: String,
}

struct Ctx<'a> {
    sources: &'a [LintSource<'a>],
    out: Vec<Lint>,
}

impl Ctx<'_> {
    fn source(&self, src: usize) -> &LintSource<'_> {
        &self.sources[src]
    }

    /// Location of a term: its span, or failing that the first occurrence of its text.
    fn term_pos(&self, src: usize, theme: &Theme, term: usize) -> Option<usize> {
        let s = self.source(src);
        let t = &theme.terms[term];
        if !t.span.is_empty() && t.span.end <= s.src.len() {
            return Some(t.span.start);
        }
        let needle = match &t.pattern {
            TermPattern::Literal(x) => x.clone(),
            TermPattern::Prefix(x) => format!("{x}*"),
            TermPattern::Regex(x) => x.clone(),
        };
        let from = self.theme_pos(src, theme).unwrap_or(0);
        let quoted = [format!("\"{needle}\""), format!("'{needle}'"), needle];
        quoted.iter().find_map(|q| {
            s.src[from..]
                .find(q.as_str())
                .map(|i| from + i)
                .or_else(|| s.src.find(q.as_str()))
        })
    }

    fn theme_pos(&self, src: usize, theme: &Theme) -> Option<usize> {
        let s = self.source(src);
        if !theme.span.is_empty() && theme.span.end <= s.src.len() {
            return Some(theme.span.start);
        }
        let re = Regex::new(&format!(
            r#"(?m)^\s*id\s*=\s*["']{}["']"#,
            regex::escape(&theme.id)
        ))
        .ok()?;
        re.find(s.src)
            .map(|m| m.start() + m.as_str().len() - m.as_str().trim_start().len())
    }

    fn push(
        &mut self,
        code: &'static str,
        src: usize,
        pos: Option<usize>,
        msg: String,
        hint: String,
    ) {
        let s = self.source(src);
        let (line, column) = pos.map(|p| line_col(s.src, p)).unwrap_or((0, 0));
        if line > 0 && allowed(s.src, line, code) {
            return;
        }
        self.out.push(Lint {
            code,
            name: lint_name(code),
            file: s.lexicon.source.clone(),
            line,
            column,
            message: msg,
            hint,
        });
    }
}

/// True when line `line` of `src` carries `# stance: allow(...)` naming this lint.
fn allowed(src: &str, line: usize, code: &str) -> bool {
    let Some(text) = src.lines().nth(line - 1) else {
        return false;
    };
    let Some(i) = text.find("stance: allow(") else {
        return false;
    };
    let rest = &text[i + "stance: allow(".len()..];
    let list = rest.split(')').next().unwrap_or("");
    let name = lint_name(code);
    list.split(',')
        .map(str::trim)
        .any(|x| x.eq_ignore_ascii_case(code) || x.eq_ignore_ascii_case(name))
}

fn where_(e: &Entry<'_>, sources: &[LintSource<'_>]) -> String {
    format!("theme `{}` ({})", e.theme.id, sources[e.src].lexicon.source)
}

/// Does wildcard `prefix*` match the whole single-word literal `word`?
fn prefix_covers(prefix: &str, word: &str) -> bool {
    word.starts_with(prefix) && word[prefix.len()..].chars().all(is_word_char)
}

/// Token-level containment: does `inner` (a literal or prefix) match somewhere inside the
/// phrase `outer` other than the whole of it?
fn phrase_contains(outer: &str, inner: &TermPattern) -> bool {
    let toks: Vec<&str> = outer.split(' ').collect();
    match inner {
        TermPattern::Literal(l) => {
            let l = norm(l);
            let it: Vec<&str> = l.split(' ').collect();
            it.len() < toks.len() && toks.windows(it.len()).any(|w| w == it.as_slice())
        }
        TermPattern::Prefix(p) => {
            let p = p.to_lowercase();
            toks.len() > 1 && toks.iter().any(|t| prefix_covers(&p, t))
        }
        TermPattern::Regex(_) => false,
    }
}

/// Runs every lint over a set of lexicons.
pub fn lint(sources: &[LintSource<'_>], opts: &LintOptions<'_>) -> Vec<Lint> {
    let mut ctx = Ctx {
        sources,
        out: Vec::new(),
    };
    let mut entries = Vec::new();
    for (si, s) in sources.iter().enumerate() {
        for theme in &s.lexicon.themes {
            for (ti, term) in theme.terms.iter().enumerate() {
                let n = match &term.pattern {
                    TermPattern::Literal(x) | TermPattern::Prefix(x) => norm(x),
                    TermPattern::Regex(x) => x.clone(),
                };
                entries.push(Entry {
                    src: si,
                    theme,
                    term: ti,
                    pattern: &term.pattern,
                    norm: n,
                });
            }
        }
    }

    duplicates(&mut ctx, &entries);
    shadowed(&mut ctx, &entries);
    nested(&mut ctx, &entries);
    regexes(&mut ctx, &entries);
    wildcards(&mut ctx, &entries, opts);
    themes_and_tests(&mut ctx, opts);
    ctx.out.sort_by(|a, b| {
        (a.file.as_str(), a.line, a.column, a.code).cmp(&(
            b.file.as_str(),
            b.line,
            b.column,
            b.code,
        ))
    });
    ctx.out.dedup();
    ctx.out
}

fn duplicates(ctx: &mut Ctx<'_>, entries: &[Entry<'_>]) {
    let mut first: BTreeMap<(u8, &str), usize> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        let kind = match e.pattern {
            TermPattern::Literal(_) => 0,
            TermPattern::Prefix(_) => 1,
            TermPattern::Regex(_) => 2,
        };
        if let Some(&j) = first.get(&(kind, e.norm.as_str())) {
            let prev = &entries[j];
            let msg = format!(
                "`{}` is already a term of {}",
                e.pattern,
                where_(prev, ctx.sources)
            );
            let hint = if prev.theme.id == e.theme.id {
                "remove one of the two; to weigh it more, give the remaining one a `weight`".into()
            } else {
                format!(
                    "a position counts for one theme only: keep `{}` in the theme it is most diagnostic of and remove it from the other",
                    e.pattern
                )
            };
            let pos = ctx.term_pos(e.src, e.theme, e.term);
            ctx.push("L001", e.src, pos, msg, hint);
        } else {
            first.insert((kind, e.norm.as_str()), i);
        }
    }
}

fn shadowed(ctx: &mut Ctx<'_>, entries: &[Entry<'_>]) {
    for w in entries {
        let TermPattern::Prefix(_) = w.pattern else {
            continue;
        };
        for e in entries {
            let (msg, hint) = match e.pattern {
                TermPattern::Literal(_)
                    if !e.norm.contains(' ') && prefix_covers(&w.norm, &e.norm) =>
                {
                    (
                        format!(
                            "`{}` is shadowed by the wildcard `{}` of {}",
                            e.pattern,
                            w.pattern,
                            where_(w, ctx.sources)
                        ),
                        if w.theme.id == e.theme.id {
                            format!("remove `{}`: the wildcard already matches it", e.pattern)
                        } else {
                            format!(
                                "the two themes compete for the same word: narrow `{}` or move `{}` to one theme",
                                w.pattern, e.pattern
                            )
                        },
                    )
                }
                TermPattern::Prefix(_) if e.norm != w.norm && e.norm.starts_with(&w.norm) => (
                    format!(
                        "the wildcard `{}` is covered by the shorter wildcard `{}` of {}",
                        e.pattern,
                        w.pattern,
                        where_(w, ctx.sources)
                    ),
                    if w.theme.id == e.theme.id {
                        format!("remove `{}`", e.pattern)
                    } else {
                        format!(
                            "the two themes compete for the same words: narrow `{}`",
                            w.pattern
                        )
                    },
                ),
                _ => continue,
            };
            let pos = ctx.term_pos(e.src, e.theme, e.term);
            ctx.push("L002", e.src, pos, msg, hint);
        }
    }
}

fn nested(ctx: &mut Ctx<'_>, entries: &[Entry<'_>]) {
    for outer in entries {
        let TermPattern::Literal(_) = outer.pattern else {
            continue;
        };
        if !outer.norm.contains(' ') {
            continue;
        }
        for inner in entries {
            if inner.theme.id == outer.theme.id || !phrase_contains(&outer.norm, inner.pattern) {
                continue;
            }
            let msg = format!(
                "the phrase `{}` of theme `{}` contains `{}` of {}: inside this phrase `{}` never fires",
                outer.pattern,
                outer.theme.id,
                inner.pattern,
                where_(inner, ctx.sources),
                inner.pattern
            );
            let hint = format!(
                "if the phrase belongs to `{}`, it is fine: add `# stance: allow(L003)` on its line; otherwise move it to `{}` or drop it",
                outer.theme.id, inner.theme.id
            );
            let pos = ctx.term_pos(outer.src, outer.theme, outer.term);
            ctx.push("L003", outer.src, pos, msg, hint);
        }
    }
}

fn regexes(ctx: &mut Ctx<'_>, entries: &[Entry<'_>]) {
    for e in entries {
        let TermPattern::Regex(r) = e.pattern else {
            continue;
        };
        // Invalid regexes are errors reported by the loader or the matcher, not lints.
        let Ok(re) = Regex::new(&format!("(?i){r}")) else {
            continue;
        };
        let empty = ["", " ", "a", "a b", "the world, today."]
            .iter()
            .any(|probe| re.find_iter(probe).any(|m| m.is_empty()));
        if empty {
            let pos = ctx.term_pos(e.src, e.theme, e.term);
            ctx.push(
                "L004",
                e.src,
                pos,
                format!("the regex `{}` can match the empty string", e.pattern),
                "make every branch consume a word: replace `*` by `+`, drop empty alternatives (`a|`), anchor with \\b...\\b around a non-empty group".into(),
            );
        }
    }
}

/// The distinct corpus words a prefix matches, with counts.
pub fn expansions(prefix: &str, counts: &BTreeMap<String, usize>) -> Vec<(String, usize)> {
    let p = prefix.to_lowercase();
    let mut v: Vec<(String, usize)> = counts
        .range(p.clone()..)
        .take_while(|(w, _)| w.starts_with(&p))
        .map(|(w, c)| (w.clone(), *c))
        .collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

/// Word counts of a corpus text (lowercase tokens). A hyphenated word counts as itself and as
/// each of its parts, so that `neo-colonial*` and `colonial*` both find "neo-colonialism".
pub fn word_counts(corpus: &str) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for w in corpus
        .split(|c: char| !(is_word_char(c) || c == '-'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| !w.is_empty())
    {
        let w = w.to_lowercase();
        if w.contains('-') {
            for part in w.split('-').filter(|p| !p.is_empty()) {
                *m.entry(part.to_string()).or_insert(0) += 1;
            }
        }
        *m.entry(w).or_insert(0) += 1;
    }
    m
}

/// Every wildcard's expansions in a corpus text, in lexicon order.
pub fn wildcard_expansions(sources: &[LintSource<'_>], corpus: &str) -> Vec<Expansion> {
    let counts = word_counts(corpus);
    let mut out = Vec::new();
    for s in sources {
        for theme in &s.lexicon.themes {
            for term in &theme.terms {
                if let TermPattern::Prefix(p) = &term.pattern {
                    out.push(Expansion {
                        theme: theme.id.clone(),
                        wildcard: term.pattern.to_string(),
                        words: expansions(p, &counts),
                    });
                }
            }
        }
    }
    out
}

fn top(words: &[(String, usize)], n: usize) -> String {
    let mut s: Vec<String> = words
        .iter()
        .take(n)
        .map(|(w, c)| format!("{w} ({c})"))
        .collect();
    if words.len() > n {
        s.push(format!("… {} more", words.len() - n));
    }
    s.join(", ")
}

fn wildcards(ctx: &mut Ctx<'_>, entries: &[Entry<'_>], opts: &LintOptions<'_>) {
    let counts = opts.corpus.map(word_counts);
    for e in entries {
        let TermPattern::Prefix(p) = e.pattern else {
            continue;
        };
        let exp = counts.as_ref().map(|c| expansions(p, c));
        let short = p.chars().count() < 4;
        let many = exp.as_ref().is_some_and(|x| x.len() > opts.max_expansions);
        if !short && !many {
            continue;
        }
        let mut msg = if short {
            format!(
                "the wildcard `{}` has a prefix of {} characters: it matches many unrelated words",
                e.pattern,
                p.chars().count()
            )
        } else {
            format!(
                "the wildcard `{}` matches {} distinct words in the corpus",
                e.pattern,
                exp.as_ref().map_or(0, Vec::len)
            )
        };
        if let Some(x) = &exp {
            msg.push_str(&format!("; top expansions: {}", top(x, 8)));
        }
        let pos = ctx.term_pos(e.src, e.theme, e.term);
        ctx.push(
            "L005",
            e.src,
            pos,
            msg,
            "list the intended words instead, or lengthen the prefix (run `stance lexicon check --corpus FILE` to see what it matches)".into(),
        );
    }
}

fn themes_and_tests(ctx: &mut Ctx<'_>, opts: &LintOptions<'_>) {
    let sources = ctx.sources;
    let counts = opts.corpus.map(word_counts);
    let known: Vec<&str> = sources
        .iter()
        .flat_map(|s| s.lexicon.themes.iter().map(|t| t.id.as_str()))
        .collect();
    for (si, s) in sources.iter().enumerate() {
        for theme in &s.lexicon.themes {
            if theme.terms.len() < opts.min_terms {
                let pos = ctx.theme_pos(si, theme);
                ctx.push(
                    "L007",
                    si,
                    pos,
                    format!(
                        "theme `{}` has {} terms (fewer than {})",
                        theme.id,
                        theme.terms.len(),
                        opts.min_terms
                    ),
                    "a short list misses most ways of saying a thing: add synonyms, phrases and inflected forms (or lower --min-terms)".into(),
                );
            }
        }
        if let (Some(neg), Some(counts)) = (&s.lexicon.negation, &counts) {
            for cue in &neg.cues {
                let n = norm(cue);
                let found = if n.contains(' ') {
                    opts.corpus.is_some_and(|c| norm(c).contains(&n))
                } else {
                    counts.contains_key(&n)
                };
                if !found {
                    let pos = find_quoted(s.src, cue, "[negation]");
                    ctx.push(
                        "L006",
                        si,
                        pos,
                        format!("the negation cue `{cue}` never occurs in the corpus"),
                        "check its spelling, or remove it if this kind of text never uses it"
                            .into(),
                    );
                }
            }
        }
        for test in &s.lexicon.tests {
            for id in test.expect.keys().chain(test.expect_none.iter()) {
                if !known.contains(&id.as_str()) {
                    let pos = find_quoted(s.src, &test.text, "");
                    ctx.push(
                        "L008",
                        si,
                        pos,
                        format!("a test names the theme `{id}`, which no loaded lexicon defines"),
                        format!(
                            "known themes: {}; fix the id or load the lexicon that defines it",
                            known.join(", ")
                        ),
                    );
                }
            }
        }
    }
}

/// Offset of `"needle"` (or `'needle'`) in `src`, searching after `after` when it occurs.
fn find_quoted(src: &str, needle: &str, after: &str) -> Option<usize> {
    let from = if after.is_empty() {
        0
    } else {
        src.find(after).unwrap_or(0)
    };
    for q in ['"', '\''] {
        let pat = format!("{q}{needle}{q}");
        if let Some(i) = src[from..].find(&pat) {
            return Some(from + i);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::parse_str;

    const SRC: &str = r#"
[lexicon]
name = "t"
version = "1"

[[theme]]
id = "sanctions"
terms = ["sanction*", "sanction", "embargo", "embargo", "un*"]

[[theme]]
id = "cooperation"
terms = ["sanction", "win-win cooperation", "unilateral sanctions relief", { regex = 'co(?:op)?' }, { regex = '\bx*\b' }]

[[theme]]
id = "allowed"
terms = ["economic sanctions regime"] # stance: allow(L003)

[negation]
cues = ["not", "nevermore"]

[[test]]
text = "abc"
expect = { nosuch = 1.0 }
"#;

    fn run(corpus: Option<&str>) -> Vec<Lint> {
        let lex = parse_str(SRC, "t.toml").unwrap();
        let sources = [LintSource {
            lexicon: &lex,
            src: SRC,
        }];
        lint(
            &sources,
            &LintOptions {
                min_terms: 3,
                corpus,
                max_expansions: 25,
            },
        )
    }

    fn codes(l: &[Lint]) -> Vec<(&str, usize)> {
        l.iter().map(|l| (l.code, l.line)).collect()
    }

    #[test]
    fn finds_each_kind_at_its_line() {
        let l = run(None);
        let c = codes(&l);
        // duplicate embargo in one theme, and `sanction` in two themes
        assert!(c.contains(&("L001", 8)), "{l:#?}");
        assert!(c.contains(&("L001", 12)), "{l:#?}");
        // `sanction` shadowed by `sanction*` in both themes
        assert!(c.contains(&("L002", 8)), "{l:#?}");
        assert!(c.contains(&("L002", 12)), "{l:#?}");
        // phrase containing another theme's wildcard; the allow comment silences line 16
        assert!(c.contains(&("L003", 12)), "{l:#?}");
        assert!(!c.iter().any(|x| x.1 == 16), "{l:#?}");
        // `\bx*\b` matches empty; `co(?:op)?` does not
        assert_eq!(c.iter().filter(|x| x.0 == "L004").count(), 1, "{l:#?}");
        // `un*` is too short
        assert!(
            l.iter()
                .any(|x| x.code == "L005" && x.message.contains("`un*`"))
        );
        // the `allowed` theme has one term
        assert!(
            l.iter()
                .any(|x| x.code == "L007" && x.message.contains("`allowed`"))
        );
        assert!(c.contains(&("L008", 22)), "{l:#?}");
        // no corpus: no unused-cue lint
        assert!(!c.iter().any(|x| x.0 == "L006"));
        let dup = l.iter().find(|x| x.code == "L001").unwrap();
        assert!(dup.column > 1 && !dup.hint.is_empty());
    }

    #[test]
    fn corpus_enables_cue_and_expansion_lints() {
        let l = run(Some(
            "They did not impose sanctions; the sanctioned banks, the UN and unity.",
        ));
        let cues: Vec<_> = l.iter().filter(|x| x.code == "L006").collect();
        assert_eq!(cues.len(), 1, "{l:#?}");
        assert!(cues[0].message.contains("nevermore"));
        let short = l.iter().find(|x| x.message.contains("`un*`")).unwrap();
        assert!(short.message.contains("un (1)"), "{}", short.message);
        assert!(short.message.contains("unity (1)"), "{}", short.message);
    }

    #[test]
    fn expansions_are_sorted_by_count() {
        let counts = word_counts("Sanctions sanction sanctions sanctioned. Sane.");
        let hyphen = word_counts("Neo-colonialism and anti-hegemonic talk.");
        assert_eq!(
            expansions("neo-colonial", &hyphen),
            vec![("neo-colonialism".to_string(), 1)]
        );
        assert_eq!(
            expansions("hegemon", &hyphen),
            vec![("hegemonic".to_string(), 1)]
        );
        assert_eq!(
            expansions("sanction", &counts),
            vec![
                ("sanctions".to_string(), 2),
                ("sanction".to_string(), 1),
                ("sanctioned".to_string(), 1)
            ]
        );
    }
}
