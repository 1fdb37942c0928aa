//! The lexicon TOML schema (version 1): a walk over the span-carrying TOML tree
//! (`toml::de::DeTable`) that builds a [`Lexicon`] and refuses anything wrong with the span of
//! the offending key or value, so every error names file, line and column.
//!
//! Checked here: unknown keys, wrong types, missing `[lexicon] name`, theme ids (present, unique
//! in the file, no whitespace or commas), empty themes, empty terms, terms without letters or
//! digits, wildcards (`*` only at the end, never bare), regexes (syntax, compiled size), weights
//! (finite and non-zero; negative weights are allowed and count against the theme), negation
//! (`window` 1..=20, `effect` flip|drop, one-word cues), intensifiers (one word, finite
//! multiplier > 0) and inline tests (something to expect, finite expected scores; theme ids are
//! checked by `stance lexicon test`, which knows every lexicon loaded together).

use super::{
    Intensifier, Lexicon, LexiconError, LexiconTest, Negation, NegationEffect, Term, TermPattern,
    Theme,
};
use std::collections::BTreeMap;
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// Largest compiled size of one regex term, in bytes (`regex::RegexBuilder::size_limit`).
pub const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// Largest accepted negation window, in tokens.
pub const MAX_NEGATION_WINDOW: usize = 20;

type Value<'i> = Spanned<DeValue<'i>>;

struct Ctx<'a> {
    src: &'a str,
    file: &'a str,
}

impl Ctx<'_> {
    fn err(&self, span: Range<usize>, message: impl AsRef<str>, label: &str) -> LexiconError {
        LexiconError::at(self.file, self.src, span, message.as_ref(), label)
    }

    fn keys(&self, t: &DeTable<'_>, allowed: &[&str], section: &str) -> Result<(), LexiconError> {
        for (k, _) in t.iter() {
            if !allowed.contains(&k.get_ref().as_ref()) {
                return Err(self.err(
                    k.span(),
                    format!(
                        "unknown key `{}` in {section}; expected one of: {}",
                        k.get_ref(),
                        allowed.join(", ")
                    ),
                    "unknown key",
                ));
            }
        }
        Ok(())
    }

    fn wrong_type(&self, v: &Value<'_>, what: &str, expected: &str) -> LexiconError {
        self.err(
            v.span(),
            format!(
                "{what} must be {expected}, found {}",
                v.get_ref().type_str()
            ),
            &format!("expected {expected}"),
        )
    }

    fn table<'v, 'i>(&self, v: &'v Value<'i>, what: &str) -> Result<&'v DeTable<'i>, LexiconError> {
        v.get_ref()
            .as_table()
            .ok_or_else(|| self.wrong_type(v, what, "a table"))
    }

    fn array<'v, 'i>(&self, v: &'v Value<'i>, what: &str) -> Result<&'v [Value<'i>], LexiconError> {
        v.get_ref()
            .as_array()
            .map(|a| &a[..])
            .ok_or_else(|| self.wrong_type(v, what, "an array"))
    }

    fn string(&self, v: &Value<'_>, what: &str) -> Result<String, LexiconError> {
        v.get_ref()
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| self.wrong_type(v, what, "a string"))
    }

    fn boolean(&self, v: &Value<'_>, what: &str) -> Result<bool, LexiconError> {
        v.get_ref()
            .as_bool()
            .ok_or_else(|| self.wrong_type(v, what, "true or false"))
    }

    fn integer(&self, v: &Value<'_>, what: &str) -> Result<i64, LexiconError> {
        let i = v
            .get_ref()
            .as_integer()
            .ok_or_else(|| self.wrong_type(v, what, "an integer"))?;
        let digits = i.as_str().replace('_', "");
        let digits = digits.trim_start_matches('+');
        let digits = match i.radix() {
            16 => digits.trim_start_matches("0x"),
            8 => digits.trim_start_matches("0o"),
            2 => digits.trim_start_matches("0b"),
            _ => digits,
        };
        i64::from_str_radix(digits, i.radix())
            .map_err(|_| self.err(v.span(), format!("{what} is out of range"), "too large"))
    }

    /// A number (integer or float), finite.
    fn number(&self, v: &Value<'_>, what: &str) -> Result<f64, LexiconError> {
        let x = match v.get_ref() {
            DeValue::Integer(_) => self.integer(v, what)? as f64,
            DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().map_err(|_| {
                self.err(v.span(), format!("{what} is not a number"), "not a number")
            })?,
            _ => return Err(self.wrong_type(v, what, "a number")),
        };
        if !x.is_finite() {
            return Err(self.err(
                v.span(),
                format!("{what} must be a finite number"),
                "not finite",
            ));
        }
        Ok(x)
    }
}

fn get<'v, 'i>(t: &'v DeTable<'i>, key: &str) -> Option<&'v Value<'i>> {
    t.get(key)
}

fn key_span(t: &DeTable<'_>, key: &str) -> Option<Range<usize>> {
    t.get_key_value(key).map(|(k, _)| k.span())
}

/// Parses and validates lexicon TOML; `file` names it in errors.
pub fn parse(src: &str, file: &str) -> Result<Lexicon, LexiconError> {
    let cx = Ctx { src, file };
    let root = DeTable::parse(src).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        cx.err(
            span,
            format!("invalid TOML: {}", e.message().trim_end()),
            "here",
        )
    })?;
    let root = root.get_ref();
    cx.keys(
        root,
        &["lexicon", "theme", "negation", "intensifiers", "test"],
        "the lexicon file",
    )?;

    // [lexicon]
    let meta_v = get(root, "lexicon").ok_or_else(|| {
        cx.err(
            0..0,
            "missing `[lexicon]` table (with at least `name = \"...\"`)",
            "expected `[lexicon]`",
        )
    })?;
    let meta = cx.table(meta_v, "`lexicon`")?;
    cx.keys(
        meta,
        &["name", "version", "language", "description"],
        "[lexicon]",
    )?;
    let name_v = get(meta, "name").ok_or_else(|| {
        cx.err(
            meta_v.span(),
            "`[lexicon]` has no `name`",
            "add `name = \"...\"`",
        )
    })?;
    let name = cx.string(name_v, "`name`")?;
    if name.trim().is_empty() {
        return Err(cx.err(name_v.span(), "the lexicon name is empty", "empty name"));
    }
    let version = match get(meta, "version") {
        None => String::new(),
        Some(v) => match v.get_ref() {
            DeValue::Integer(i) => i.as_str().to_string(),
            DeValue::Float(f) => f.as_str().to_string(),
            _ => cx.string(v, "`version`")?,
        },
    };
    let language = match get(meta, "language") {
        None => "en".to_string(),
        Some(v) => cx.string(v, "`language`")?,
    };
    let description = match get(meta, "description") {
        None => String::new(),
        Some(v) => cx.string(v, "`description`")?,
    };

    // [[theme]]
    let mut themes: Vec<Theme> = Vec::new();
    if let Some(tv) = get(root, "theme") {
        for item in cx.array(tv, "`theme`")? {
            let theme = parse_theme(&cx, item)?;
            if let Some(prev) = themes.iter().find(|t| t.id == theme.id) {
                let (line, _) = super::line_col(src, prev.id_span.start);
                return Err(cx.err(
                    theme.id_span.clone(),
                    format!(
                        "duplicate theme id `{}` (first defined at line {line})",
                        theme.id
                    ),
                    "duplicate id",
                ));
            }
            themes.push(theme);
        }
    }

    // [negation]
    let negation = match get(root, "negation") {
        None => None,
        Some(nv) => Some(parse_negation(&cx, nv)?),
    };

    // [intensifiers]
    let mut intensifiers = Vec::new();
    if let Some(iv) = get(root, "intensifiers") {
        let t = cx.table(iv, "`intensifiers`")?;
        let mut items: Vec<_> = t.iter().collect();
        items.sort_by_key(|(k, _)| k.span().start);
        for (k, v) in items {
            let word = k.get_ref().trim().to_string();
            if !is_one_word(&word) {
                return Err(cx.err(
                    k.span(),
                    format!("intensifier `{word}` must be one word"),
                    "not one word",
                ));
            }
            let multiplier = cx.number(v, &format!("the multiplier of `{word}`"))?;
            if multiplier <= 0.0 {
                return Err(cx.err(
                    v.span(),
                    format!("the multiplier of `{word}` must be greater than 0"),
                    "must be > 0",
                ));
            }
            intensifiers.push(Intensifier { word, multiplier });
        }
    }

    // [[test]]
    let mut tests = Vec::new();
    if let Some(tv) = get(root, "test") {
        for item in cx.array(tv, "`test`")? {
            tests.push(parse_test(&cx, item)?);
        }
    }

    use sha2::Digest;
    let sha256 = sha2::Sha256::digest(src.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok(Lexicon {
        name,
        version,
        language,
        description,
        source: file.to_string(),
        sha256,
        themes,
        negation,
        intensifiers,
        tests,
        text: src.to_string(),
    })
}

fn parse_theme(cx: &Ctx<'_>, item: &Value<'_>) -> Result<Theme, LexiconError> {
    let t = cx.table(item, "each `[[theme]]`")?;
    cx.keys(
        t,
        &["id", "label", "description", "inflect", "terms"],
        "[[theme]]",
    )?;
    let id_v = get(t, "id")
        .ok_or_else(|| cx.err(item.span(), "theme has no `id`", "add `id = \"...\"`"))?;
    let id = cx.string(id_v, "`id`")?;
    if id.is_empty() || id.chars().any(|c| c.is_whitespace() || c == ',') {
        return Err(cx.err(
            id_v.span(),
            format!("invalid theme id `{id}`: use a non-empty id without spaces or commas"),
            "invalid id",
        ));
    }
    let label = match get(t, "label") {
        Some(v) => cx.string(v, "`label`")?,
        None => id.clone(),
    };
    let description = match get(t, "description") {
        Some(v) => cx.string(v, "`description`")?,
        None => String::new(),
    };
    let inflect = match get(t, "inflect") {
        Some(v) => cx.boolean(v, "`inflect`")?,
        None => false,
    };
    let terms_v = get(t, "terms").ok_or_else(|| {
        cx.err(
            id_v.span(),
            format!("theme `{id}` has no `terms`"),
            "this theme has no terms",
        )
    })?;
    let items = cx.array(terms_v, "`terms`")?;
    if items.is_empty() {
        return Err(cx.err(
            terms_v.span(),
            format!("theme `{id}` has no terms"),
            "empty list",
        ));
    }
    let terms = items
        .iter()
        .map(|v| parse_term(cx, v))
        .collect::<Result<Vec<_>, _>>()?;
    let label = if label.is_empty() { id.clone() } else { label };
    Ok(Theme {
        id,
        label,
        description,
        inflect,
        terms,
        span: item.span(),
        id_span: id_v.span(),
    })
}

fn parse_term(cx: &Ctx<'_>, v: &Value<'_>) -> Result<Term, LexiconError> {
    match v.get_ref() {
        DeValue::String(s) => Ok(Term {
            pattern: word_pattern(cx, s, v.span())?,
            weight: 1.0,
            span: v.span(),
        }),
        DeValue::Table(t) => {
            cx.keys(t, &["term", "regex", "weight"], "a term")?;
            let weight = match get(t, "weight") {
                None => 1.0,
                Some(w) => {
                    let x = cx.number(w, "`weight`")?;
                    if x == 0.0 {
                        return Err(cx.err(
                            w.span(),
                            "a weight of 0 never scores; remove the term instead",
                            "zero weight",
                        ));
                    }
                    x
                }
            };
            match (get(t, "term"), get(t, "regex")) {
                (Some(tv), None) => {
                    let s = cx.string(tv, "`term`")?;
                    Ok(Term {
                        pattern: word_pattern(cx, &s, tv.span())?,
                        weight,
                        span: tv.span(),
                    })
                }
                (None, Some(rv)) => {
                    let s = cx.string(rv, "`regex`")?;
                    compile_regex(&s).map_err(|m| cx.err(rv.span(), m, "here"))?;
                    Ok(Term {
                        pattern: TermPattern::Regex(s),
                        weight,
                        span: rv.span(),
                    })
                }
                (Some(_), Some(_)) => Err(cx.err(
                    key_span(t, "regex").unwrap_or(v.span()),
                    "a term has either `term` or `regex`, not both",
                    "second pattern",
                )),
                (None, None) => Err(cx.err(
                    v.span(),
                    "a term table needs `term = \"...\"` or `regex = '...'`",
                    "no pattern",
                )),
            }
        }
        _ => Err(cx.wrong_type(v, "a term", "a string or a table")),
    }
}

/// A literal word/phrase or a prefix wildcard, validated.
fn word_pattern(cx: &Ctx<'_>, s: &str, span: Range<usize>) -> Result<TermPattern, LexiconError> {
    let t = s.trim();
    if t.is_empty() {
        return Err(cx.err(span, "empty term", "empty"));
    }
    if t == "*" {
        return Err(cx.err(
            span,
            "invalid wildcard: a bare `*` would match every word",
            "bare wildcard",
        ));
    }
    let (body, prefix) = match t.strip_suffix('*') {
        Some(b) => (b, true),
        None => (t, false),
    };
    if body.contains('*') {
        return Err(cx.err(
            span,
            format!("invalid wildcard in `{t}`: `*` may only end a term (`unipolar*`)"),
            "`*` not at the end",
        ));
    }
    if prefix && body.ends_with(char::is_whitespace) {
        return Err(cx.err(
            span,
            format!("invalid wildcard in `{t}`: `*` must follow a word, not a space"),
            "`*` after a space",
        ));
    }
    if !body.chars().any(char::is_alphanumeric) {
        return Err(cx.err(
            span,
            format!("term `{t}` has no letters or digits"),
            "nothing to match",
        ));
    }
    Ok(if prefix {
        TermPattern::Prefix(body.to_string())
    } else {
        TermPattern::Literal(body.to_string())
    })
}

/// Compiles a regex term the way the matcher does (case-insensitive, bounded size); the error
/// is a one-line message.
pub fn compile_regex(pattern: &str) -> Result<regex::Regex, String> {
    if pattern.is_empty() {
        return Err("empty regex".into());
    }
    regex::RegexBuilder::new(pattern)
        .case_insensitive(true)
        .size_limit(REGEX_SIZE_LIMIT)
        .build()
        .map_err(|e| match e {
            regex::Error::CompiledTooBig(limit) => format!(
                "regex too large: it compiles to more than {} KiB; simplify it or use terms",
                limit / 1024
            ),
            regex::Error::Syntax(s) => {
                let last = s.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("");
                format!(
                    "invalid regex: {}",
                    last.trim().trim_start_matches("error: ")
                )
            }
            other => format!("invalid regex: {other}"),
        })
}

fn is_one_word(w: &str) -> bool {
    !w.is_empty() && !w.chars().any(char::is_whitespace) && w.chars().any(char::is_alphanumeric)
}

fn parse_negation(cx: &Ctx<'_>, nv: &Value<'_>) -> Result<Negation, LexiconError> {
    let t = cx.table(nv, "`negation`")?;
    cx.keys(t, &["cues", "window", "effect"], "[negation]")?;
    let cues_v = get(t, "cues").ok_or_else(|| {
        cx.err(
            nv.span(),
            "`[negation]` has no `cues`",
            "add `cues = [\"not\", ...]`",
        )
    })?;
    let items = cx.array(cues_v, "`cues`")?;
    if items.is_empty() {
        return Err(cx.err(cues_v.span(), "`cues` is empty", "no cues"));
    }
    let mut cues = Vec::new();
    for c in items {
        let s = cx.string(c, "a negation cue")?;
        let s = s.trim().to_string();
        if !is_one_word(&s) {
            return Err(cx.err(
                c.span(),
                format!("negation cue `{s}` must be one word"),
                "not one word",
            ));
        }
        cues.push(s);
    }
    let window = match get(t, "window") {
        None => 3,
        Some(w) => {
            let n = cx.integer(w, "`window`")?;
            if n < 1 || n > MAX_NEGATION_WINDOW as i64 {
                return Err(cx.err(
                    w.span(),
                    format!(
                        "negation window must be between 1 and {MAX_NEGATION_WINDOW} tokens, found {n}"
                    ),
                    "out of range",
                ));
            }
            n as usize
        }
    };
    let effect = match get(t, "effect") {
        None => NegationEffect::Flip,
        Some(e) => match cx.string(e, "`effect`")?.as_str() {
            "flip" => NegationEffect::Flip,
            "drop" => NegationEffect::Drop,
            other => {
                return Err(cx.err(
                    e.span(),
                    format!("unknown negation effect `{other}`; expected \"flip\" or \"drop\""),
                    "expected \"flip\" or \"drop\"",
                ));
            }
        },
    };
    Ok(Negation {
        cues,
        window,
        effect,
    })
}

fn parse_test(cx: &Ctx<'_>, item: &Value<'_>) -> Result<LexiconTest, LexiconError> {
    let t = cx.table(item, "each `[[test]]`")?;
    cx.keys(t, &["text", "expect", "expect_none"], "[[test]]")?;
    let text = match get(t, "text") {
        Some(v) => cx.string(v, "`text`")?,
        None => return Err(cx.err(item.span(), "test has no `text`", "add `text = \"...\"`")),
    };
    // Tests may name themes of other lexicons loaded together (a multipolarity test may
    // expect anti-hegemony too): unknown ids are reported by `stance lexicon test`, which
    // knows the whole set.
    let mut expect = BTreeMap::new();
    if let Some(ev) = get(t, "expect") {
        let et = cx.table(ev, "`expect`")?;
        for (k, v) in et.iter() {
            let x = cx.number(v, &format!("the expected score of `{}`", k.get_ref()))?;
            expect.insert(k.get_ref().to_string(), x);
        }
    }
    let mut expect_none = Vec::new();
    if let Some(nv) = get(t, "expect_none") {
        for v in cx.array(nv, "`expect_none`")? {
            let id = cx.string(v, "a theme id")?;
            expect_none.push(id);
        }
    }
    if expect.is_empty() && expect_none.is_empty() {
        return Err(cx.err(
            item.span(),
            "test expects nothing: add `expect = { theme = score }` or `expect_none = [...]`",
            "nothing to check",
        ));
    }
    Ok(LexiconTest {
        text,
        expect,
        expect_none,
    })
}

#[cfg(test)]
mod tests {
    use super::super::{LexiconSet, load_path, parse_str};
    use super::*;
    use std::path::Path;

    fn fixtures() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lexicon_errors")
    }

    /// `# expect: LINE:COL message` on the first line of a fixture.
    fn expectation(src: &str) -> (usize, usize, String) {
        let rest = src
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# expect: "))
            .expect("fixture starts with `# expect: LINE:COL message`");
        let (pos, msg) = rest.split_once(' ').unwrap();
        let (l, c) = pos.split_once(':').unwrap();
        (l.parse().unwrap(), c.parse().unwrap(), msg.to_string())
    }

    #[test]
    fn every_error_fixture_is_refused_at_its_line_and_column() {
        let mut n = 0;
        for entry in std::fs::read_dir(fixtures()).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|x| x != "toml") {
                continue;
            }
            let src = std::fs::read_to_string(&path).unwrap();
            let (line, column, msg) = expectation(&src);
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let err = parse_str(&src, &name).expect_err(&name);
            assert_eq!((err.line, err.column), (line, column), "{name}: {err}");
            assert!(err.message.contains(&msg), "{name}: {}", err.message);
            assert!(err.rendered.starts_with("error: "), "{name}: {err}");
            assert!(
                err.rendered.contains(&format!("{name}:{line}:{column}")),
                "{name}: {err}"
            );
            n += 1;
        }
        assert!(n >= 15, "only {n} fixtures");
    }

    #[test]
    fn duplicate_theme_across_files_points_at_the_second() {
        let dir = fixtures().join("duplicate_across_files");
        let lexicons = load_path(&dir).unwrap();
        let err = LexiconSet::new(lexicons).unwrap_err();
        let b = std::fs::read_to_string(dir.join("b.toml")).unwrap();
        let (line, column, msg) = expectation(&b);
        assert!(err.file.ends_with("b.toml"), "{err}");
        assert_eq!((err.line, err.column), (line, column), "{err}");
        assert!(err.message.contains(&msg), "{err}");
        assert!(err.message.contains("a.toml:5:6"), "{err}");
    }

    #[test]
    fn rendering_shows_the_line_and_a_caret_under_the_value() {
        let src = "[lexicon]\nname = \"x\"\n[[theme]]\nid = \"t\"\nterms = [\"ok\", \"a*b\"]\n";
        let err = parse_str(src, "lex.toml").unwrap_err();
        assert_eq!((err.line, err.column), (5, 16));
        let r = &err.rendered;
        assert!(r.starts_with("error: invalid wildcard in `a*b`"), "{r}");
        assert!(r.contains(" --> lex.toml:5:16"), "{r}");
        assert!(r.contains("terms = [\"ok\", \"a*b\"]"), "{r}");
        assert!(r.contains("^^^^^"), "{r}");
        assert_eq!(err.to_string(), err.rendered);
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let src = "[lexicon]\nname = \"x\"\n[[theme]]\nid = \"t\"\nterms = [\"état\", \"\"]\n";
        let err = parse_str(src, "lex.toml").unwrap_err();
        assert_eq!((err.line, err.column), (5, 18)); // 19 in bytes
    }

    #[test]
    fn a_full_lexicon_parses_with_defaults_and_spans() {
        let src = r#"
[lexicon]
name = "geo"
version = "1.0"
description = "test"

[[theme]]
id = "anti-hegemony"
label = "Anti-hegemony"
inflect = true
terms = [
  "hegemony", "unipolar*", "bloc confrontation",
  { term = "resist hegemony", weight = 2 },
  { regex = '''\bunilateral (?:sanctions|actions)\b''', weight = -1.5 },
]

[[theme]]
id = "sanctions"
terms = ["sanctions"]

[negation]
cues = ["not", "never"]
effect = "drop"

[intensifiers]
strongly = 1.5
very = 2

[[test]]
text = "They resist hegemony."
expect = { anti-hegemony = 2.0 }
expect_none = ["sanctions"]
"#;
        let lex = parse_str(src, "geo.toml").unwrap();
        assert_eq!((lex.name.as_str(), lex.version.as_str()), ("geo", "1.0"));
        assert_eq!(lex.language, "en");
        assert_eq!(lex.description, "test");
        let t = &lex.themes[0];
        assert!(t.inflect);
        assert_eq!(lex.themes[1].label, "sanctions");
        assert_eq!(t.terms[1].pattern, TermPattern::Prefix("unipolar".into()));
        assert_eq!(t.terms[3].weight, 2.0);
        assert_eq!(t.terms[4].weight, -1.5);
        assert!(matches!(t.terms[4].pattern, TermPattern::Regex(_)));
        assert_eq!(&src[t.terms[2].span.clone()], "\"bloc confrontation\"");
        assert_eq!(&src[t.id_span.clone()], "\"anti-hegemony\"");
        let neg = lex.negation.as_ref().unwrap();
        assert_eq!((neg.window, neg.effect), (3, NegationEffect::Drop));
        assert_eq!(lex.intensifiers[0].word, "strongly");
        assert_eq!(lex.intensifiers[1].multiplier, 2.0);
        assert_eq!(lex.tests[0].expect["anti-hegemony"], 2.0);
        assert_eq!(lex.tests[0].expect_none, ["sanctions"]);
        assert_eq!(lex.sha256.len(), 64);
        assert_eq!(lex.text, src);
    }

    #[test]
    fn more_semantic_errors() {
        let cases: &[(&str, (usize, usize), &str)] = &[
            (
                "[lexicon]\nname = \"x\"\n[[theme]]\nterms = [\"a\"]\n",
                (3, 1),
                "theme has no `id`",
            ),
            (
                "[lexicon]\nname = \"x\"\n[[theme]]\nid = \"a b\"\nterms = [\"a\"]\n",
                (4, 6),
                "invalid theme id",
            ),
            (
                "[lexicon]\nname = \"x\"\n[[theme]]\nid = \"a\"\nterms = [{ term = \"a\", regex = 'b' }]\n",
                (5, 24),
                "either `term` or `regex`",
            ),
            (
                "[lexicon]\nname = \"x\"\n[[theme]]\nid = \"a\"\nterms = [3]\n",
                (5, 10),
                "a term must be a string or a table, found integer",
            ),
            (
                "[lexicon]\nname = \"x\"\n[[theme]]\nid = \"a\"\nterms = [\"--\"]\n",
                (5, 10),
                "has no letters or digits",
            ),
            (
                "[lexicon]\nname = \"x\"\n[[theme]]\nid = \"a\"\nterms = [\"a\"]\n[negation]\ncues = [\"no longer\"]\n",
                (7, 9),
                "must be one word",
            ),
            (
                "[lexicon]\nname = \"x\"\n[[theme]]\nid = \"a\"\nterms = [\"a\"]\n[negation]\ncues = []\n",
                (7, 8),
                "`cues` is empty",
            ),
            (
                "[lexicon]\nname = \"x\"\nauthor = \"me\"\n",
                (3, 1),
                "unknown key `author` in [lexicon]",
            ),
            ("[lexicon]\nversion = \"1\"\n", (1, 1), "has no `name`"),
            (
                "[lexicon]\nname = \"x\"\n[[theme]]\nid = \"a\"\nterms = [\"a\"]\n[negation]\ncues = [\"not\"]\nwindow = 2.5\n",
                (8, 10),
                "`window` must be an integer",
            ),
            (
                "[lexicon]\nname = \"x\"\n[[theme]]\nid = \"a\"\nterms = [\"a\"]\n[[test]]\ntext = \"a\"\n",
                (6, 1),
                "test expects nothing",
            ),
            (
                "[lexicon]\nname = \"x\"\n[[theme]]\nid = \"a\"\nterms = [{ term = \"b\", weight = inf }]\n",
                (5, 33),
                "finite",
            ),
            (
                "[lexicon]\nname = \"x\"\n[[theme]]\nid = \"a\"\nterms = [\"a\"]\ncolour = 1\n",
                (6, 1),
                "unknown key `colour` in [[theme]]",
            ),
        ];
        for (src, pos, msg) in cases {
            let err = parse_str(src, "x.toml").expect_err(src);
            assert_eq!((err.line, err.column), *pos, "{src}\n{err}");
            assert!(err.message.contains(msg), "{src}\n{err}");
        }
    }

    #[test]
    fn negative_weights_and_integer_weights_are_accepted() {
        let src = "[lexicon]\nname = \"x\"\n[[theme]]\nid = \"a\"\nterms = [{ term = \"b\", weight = -2 }]\n";
        assert_eq!(
            parse_str(src, "x.toml").unwrap().themes[0].terms[0].weight,
            -2.0
        );
    }
}
