//! Import of LIWC `.dic` and quanteda YAML dictionaries into lexicon TOML.
//!
//! Both converters produce lexicon TOML text (version 1) plus a list of warnings, each with the
//! line of the source it concerns: anything the lexicon format cannot express (LIWC conditional
//! entries, unknown category ids, globs other than a final `*`) is reported, never silently
//! dropped. The TOML is meant to be read and edited; [`super::parse_str`] loads it.

use super::LexiconError;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The result of an import: lexicon TOML and what could not be carried over.
#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    /// The lexicon, as TOML text.
    pub toml: String,
    /// What was changed or left out, with source lines.
    pub warnings: Vec<ImportWarning>,
    /// Number of themes written.
    pub themes: usize,
    /// Number of terms written (over all themes).
    pub terms: usize,
}

/// Something the import could not carry over as written.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportWarning {
    /// 1-based line in the source file (0 for the whole file).
    pub line: usize,
    /// What happened.
    pub message: String,
}

/// One theme being built.
struct Cat {
    id: String,
    label: String,
    description: String,
    terms: Vec<String>,
}

fn err(file: &str, line: usize, column: usize, message: String, src: &str) -> LexiconError {
    let snippet = if line > 0 {
        let text = src.lines().nth(line - 1).unwrap_or("");
        format!(
            "\n{line:>4} | {text}\n     | {}^",
            " ".repeat(column.saturating_sub(1))
        )
    } else {
        String::new()
    };
    LexiconError {
        file: file.to_string(),
        line,
        column,
        rendered: format!("error: {message}\n --> {file}:{line}:{column}{snippet}"),
        message,
    }
}

/// A theme id from a category name: lowercase, words joined by `-`; `/` kept.
fn theme_id(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().chars() {
        if c.is_alphanumeric() || c == '_' || c == '/' {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() { "theme".into() } else { out }
}

/// A TOML basic string.
fn q(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\t' => o.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(o, "\\u{:04X}", c as u32);
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

fn lexicon_name(file: &str) -> String {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = base.split('.').next().unwrap_or(base);
    theme_id(stem)
}

fn render(file: &str, kind: &str, cats: &[Cat], warnings: &[ImportWarning]) -> String {
    let mut t = String::new();
    let _ = writeln!(
        t,
        "# Imported from {file} ({kind}) by `stance lexicon import`.\n# Review the themes: descriptions, weights and negation are not part of the source format."
    );
    if !warnings.is_empty() {
        let _ = writeln!(t, "# {} import warning(s):", warnings.len());
        for w in warnings {
            let _ = writeln!(t, "#   line {}: {}", w.line, w.message.replace('\n', " "));
        }
    }
    let _ = writeln!(
        t,
        "\n[lexicon]\nname = {}\nversion = \"imported\"\nlanguage = \"en\"\ndescription = {}",
        q(&lexicon_name(file)),
        q(&format!("{kind} dictionary imported from {file}"))
    );
    for c in cats {
        let _ = writeln!(
            t,
            "\n[[theme]]\nid = {}\nlabel = {}\ndescription = {}\nterms = [",
            q(&c.id),
            q(&c.label),
            q(&c.description)
        );
        for term in &c.terms {
            let _ = writeln!(t, "  {},", q(term));
        }
        t.push_str("]\n");
    }
    t
}

fn finish(
    file: &str,
    kind: &str,
    mut cats: Vec<Cat>,
    mut warnings: Vec<ImportWarning>,
    empty_line: &BTreeMap<String, usize>,
) -> Import {
    cats.retain(|c| {
        if c.terms.is_empty() {
            warnings.push(ImportWarning {
                line: empty_line.get(&c.id).copied().unwrap_or(0),
                message: format!(
                    "category `{}` has no usable entries: no theme written",
                    c.label
                ),
            });
            false
        } else {
            true
        }
    });
    warnings.sort_by_key(|w| w.line);
    let terms = cats.iter().map(|c| c.terms.len()).sum();
    Import {
        toml: render(file, kind, &cats, &warnings),
        themes: cats.len(),
        terms,
        warnings,
    }
}

/// Checks a dictionary word and turns it into a term (`abc*` stays a wildcard). `None` with a
/// reason when the lexicon format cannot express it.
fn term_of(word: &str) -> Result<String, String> {
    let body = word.strip_suffix('*').unwrap_or(word);
    if body.is_empty() {
        return Err(format!("`{word}` is a bare wildcard"));
    }
    if body.contains('*') || body.contains('?') {
        return Err(format!(
            "`{word}`: only a `*` at the end of a word is supported"
        ));
    }
    if !body.chars().any(char::is_alphanumeric) {
        return Err(format!(
            "`{word}` has no letter or digit, so it can never match on word boundaries"
        ));
    }
    if word.ends_with('*') && body.contains(' ') {
        return Err(format!(
            "`{word}`: a wildcard at the end of a phrase is not supported"
        ));
    }
    Ok(word.to_string())
}

/// Converts a LIWC 2007/2015 `.dic` dictionary into lexicon TOML.
///
/// The header between the first two `%` lines maps numeric ids to category names; every later
/// line is a word (or a tab-separated multi-word entry) followed by category ids. A `*` at the
/// end of a word becomes a wildcard. Conditional entries (`kind <of>131/125`, `(02 134)125`),
/// unknown ids, and words the format cannot express are reported in the warnings with their line.
pub fn liwc_to_toml(src: &str, file: &str) -> Result<Import, LexiconError> {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let mut lines = src.lines().enumerate().map(|(i, l)| (i + 1, l));
    let mut warnings = Vec::new();
    let mut warn = |line: usize, message: String| warnings.push(ImportWarning { line, message });
    // The header opens with a `%` line (after blank lines).
    let open = lines.by_ref().find(|(_, l)| !l.trim().is_empty());
    match open {
        Some((_, l)) if l.trim() == "%" => {}
        Some((n, l)) => {
            return Err(err(
                file,
                n,
                1,
                format!(
                    "not a LIWC dictionary: expected `%` to open the category header, found `{}`",
                    l.trim()
                ),
                src,
            ));
        }
        None => return Err(err(file, 0, 0, "empty LIWC dictionary".into(), src)),
    }
    let mut cats: Vec<Cat> = Vec::new();
    let mut by_id: BTreeMap<String, usize> = BTreeMap::new();
    let mut first_line: BTreeMap<String, usize> = BTreeMap::new();
    let mut closed = false;
    for (n, line) in lines.by_ref() {
        let l = line.trim();
        if l == "%" {
            closed = true;
            break;
        }
        if l.is_empty() {
            continue;
        }
        let mut parts = l.split_whitespace();
        let (Some(id), Some(name)) = (parts.next(), parts.next()) else {
            return Err(err(
                file,
                n,
                1,
                format!("category header line `{l}` needs `ID NAME`"),
                src,
            ));
        };
        let Ok(num) = id.parse::<u32>() else {
            return Err(err(
                file,
                n,
                1,
                format!("category id `{id}` is not a number"),
                src,
            ));
        };
        let rest: Vec<&str> = parts.collect();
        let label = if rest.is_empty() {
            name.to_string()
        } else {
            // LIWC 2015 headers may carry a long name after the short one: keep it as label.
            format!("{name} ({})", rest.join(" "))
        };
        let key = num.to_string();
        if by_id.contains_key(&key) {
            warn(
                n,
                format!("category id {id} is defined twice: the first definition is kept"),
            );
            continue;
        }
        let mut tid = theme_id(name);
        if cats.iter().any(|c| c.id == tid) {
            tid = format!("{tid}-{num}");
            warn(
                n,
                format!("category name `{name}` is used twice: this one becomes theme `{tid}`"),
            );
        }
        first_line.insert(tid.clone(), n);
        by_id.insert(key, cats.len());
        cats.push(Cat {
            id: tid,
            label,
            description: format!("LIWC category {num} ({name}) of {file}"),
            terms: Vec::new(),
        });
    }
    if !closed {
        return Err(err(
            file,
            src.lines().count(),
            1,
            "the category header is not closed by a second `%` line".into(),
            src,
        ));
    }
    for (n, line) in lines {
        let l = line.trim_end();
        if l.trim().is_empty() {
            continue;
        }
        // The word: before the first tab (multi-word entries are tab-separated), or the first
        // field; then the fields that follow it.
        let (word, fields): (String, Vec<&str>) = if let Some((w, rest)) = l.split_once('\t') {
            (w.trim().to_string(), rest.split_whitespace().collect())
        } else {
            let mut it = l.split_whitespace();
            let first = it.next().unwrap_or("");
            let rest: Vec<&str> = it.collect();
            // Space-separated multi-word entry: leading fields that are not ids.
            let k = rest
                .iter()
                .position(|f| {
                    f.chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_digit() || c == '(' || c == '<')
                })
                .unwrap_or(rest.len());
            let mut w = vec![first];
            w.extend(&rest[..k]);
            (w.join(" "), rest[k..].to_vec())
        };
        let word = word
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if fields.is_empty() {
            warn(n, format!("`{word}` has no category: skipped"));
            continue;
        }
        let term = match term_of(&word) {
            Ok(t) => t,
            Err(why) => {
                warn(n, format!("{why}: entry skipped"));
                continue;
            }
        };
        if word.contains(' ') {
            warn(
                n,
                format!(
                    "multi-word entry `{word}` imported as a phrase (matched as consecutive words)"
                ),
            );
        }
        for f in fields {
            if f.chars().all(|c| c.is_ascii_digit()) {
                let key = f.parse::<u32>().map(|x| x.to_string()).unwrap_or_default();
                match by_id.get(&key) {
                    Some(&ci) => {
                        if cats[ci].terms.contains(&term) {
                            warn(
                                n,
                                format!(
                                    "`{word}` is listed twice in category `{}`",
                                    cats[ci].label
                                ),
                            );
                        } else {
                            cats[ci].terms.push(term.clone());
                        }
                    }
                    None => warn(
                        n,
                        format!("`{word}`: unknown category id {f}: not imported there"),
                    ),
                }
            } else {
                warn(
                    n,
                    format!(
                        "`{word}`: conditional or unsupported category field `{f}` is not imported (the lexicon format has no conditions)"
                    ),
                );
            }
        }
    }
    Ok(finish(file, "LIWC", cats, warnings, &first_line))
}

/// Converts a quanteda YAML dictionary into lexicon TOML.
///
/// Keys become theme ids (nested keys joined with `/`); a value is a list of words, phrases or
/// glob patterns. A `*` at the end of a word becomes a wildcard; other globs are reported.
pub fn quanteda_to_toml(src: &str, file: &str) -> Result<Import, LexiconError> {
    use serde_yaml::Value;
    let root: Value = serde_yaml::from_str(src).map_err(|e| {
        let (line, column) = e
            .location()
            .map(|l| (l.line(), l.column()))
            .unwrap_or((0, 0));
        err(file, line, column, format!("invalid YAML: {e}"), src)
    })?;
    let Value::Mapping(map) = root else {
        return Err(err(
            file,
            1,
            1,
            "a quanteda dictionary is a mapping of keys to word lists".into(),
            src,
        ));
    };
    let mut st = Yaml {
        src,
        file,
        cats: Vec::new(),
        warnings: Vec::new(),
        first_line: BTreeMap::new(),
        cursor: 0,
    };
    st.walk(&map, "")?;
    let Yaml {
        cats,
        warnings,
        first_line,
        ..
    } = st;
    Ok(finish(file, "quanteda", cats, warnings, &first_line))
}

struct Yaml<'a> {
    src: &'a str,
    file: &'a str,
    cats: Vec<Cat>,
    warnings: Vec<ImportWarning>,
    first_line: BTreeMap<String, usize>,
    /// Byte offset of the last thing located: values are searched from there, in file order.
    cursor: usize,
}

impl Yaml<'_> {
    /// Line of the next occurrence of `needle` at or after the cursor (moves the cursor).
    fn locate(&mut self, needle: &str) -> usize {
        match self.src[self.cursor..].find(needle) {
            Some(i) => {
                self.cursor += i + needle.len();
                super::line_col(self.src, self.cursor - needle.len()).0
            }
            None => 0,
        }
    }

    fn walk(&mut self, map: &serde_yaml::Mapping, prefix: &str) -> Result<(), LexiconError> {
        use serde_yaml::Value;
        for (k, v) in map {
            let key = match k {
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                Value::Bool(b) => b.to_string(),
                _ => {
                    return Err(err(
                        self.file,
                        0,
                        0,
                        "a dictionary key must be a string".into(),
                        self.src,
                    ));
                }
            };
            let line = self.locate(&key);
            let part = theme_id(&key);
            let id = if prefix.is_empty() {
                part
            } else {
                format!("{prefix}/{part}")
            };
            match v {
                Value::Mapping(m) => self.walk(m, &id)?,
                Value::Sequence(items) => {
                    let mut terms = Vec::new();
                    for item in items {
                        let word = match item {
                            Value::String(s) => s.clone(),
                            Value::Number(n) => n.to_string(),
                            other => {
                                self.warnings.push(ImportWarning {
                                    line,
                                    message: format!(
                                        "`{key}`: a value that is not a word ({other:?}) is skipped"
                                    ),
                                });
                                continue;
                            }
                        };
                        self.add(&mut terms, &word, &key);
                    }
                    self.push(id, key, line, terms);
                }
                Value::String(s) => {
                    let mut terms = Vec::new();
                    self.add(&mut terms, s, &key);
                    self.push(id, key, line, terms);
                }
                Value::Null => self.push(id, key, line, Vec::new()),
                other => self.warnings.push(ImportWarning {
                    line,
                    message: format!(
                        "`{key}`: value {other:?} is neither a list nor a mapping: skipped"
                    ),
                }),
            }
        }
        Ok(())
    }

    fn add(&mut self, terms: &mut Vec<String>, word: &str, key: &str) {
        let line = self.locate(word);
        let w = word
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        match term_of(&w) {
            Ok(t) if terms.contains(&t) => self.warnings.push(ImportWarning {
                line,
                message: format!("`{word}` is listed twice under `{key}`"),
            }),
            Ok(t) => terms.push(t),
            Err(why) => self.warnings.push(ImportWarning {
                line,
                message: format!("{why}: entry skipped"),
            }),
        }
    }

    fn push(&mut self, id: String, key: String, line: usize, terms: Vec<String>) {
        if self.cats.iter().any(|c| c.id == id) {
            self.warnings.push(ImportWarning {
                line,
                message: format!(
                    "key `{key}` gives the theme id `{id}` a second time: merged into the first"
                ),
            });
            let c = self.cats.iter_mut().find(|c| c.id == id).expect("exists");
            for t in terms {
                if !c.terms.contains(&t) {
                    c.terms.push(t);
                }
            }
            return;
        }
        self.first_line.insert(id.clone(), line);
        self.cats.push(Cat {
            description: format!("quanteda key `{id}` of {}", self.file),
            label: key,
            id,
            terms,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{LexiconSet, TermPattern, parse_str};
    use crate::matcher::Matcher;

    const DIC: &str = "%\n1\tpower\n2\tpartner\n%\nhegemon*\t1\nsuperpower\t1\t2\nkind\t<of>131/125\nally\t2\t99\nco-operat*\t2\njoint venture\t2\n*ness\t1\nally\t2\n";

    #[test]
    fn liwc_categories_wildcards_and_warnings() {
        let imp = liwc_to_toml(DIC, "mini.dic").unwrap();
        let lex = parse_str(&imp.toml, "mini.toml").unwrap();
        assert_eq!(lex.themes.len(), 2);
        assert_eq!(lex.themes[0].id, "power");
        assert_eq!(
            lex.themes[0].terms[0].pattern,
            TermPattern::Prefix("hegemon".into())
        );
        let partner: Vec<String> = lex.themes[1]
            .terms
            .iter()
            .map(|t| t.pattern.to_string())
            .collect();
        assert_eq!(
            partner,
            ["superpower", "ally", "co-operat*", "joint venture"]
        );
        let lines: Vec<usize> = imp.warnings.iter().map(|w| w.line).collect();
        // conditional entry (7), unknown id 99 (8), phrase (10), leading-star glob (11), duplicate (12)
        assert_eq!(lines, [7, 8, 10, 11, 12], "{:#?}", imp.warnings);
        assert!(imp.warnings[0].message.contains("<of>"));
        assert!(imp.warnings[1].message.contains("99"));
        assert_eq!((imp.themes, imp.terms), (2, 6));
    }

    #[test]
    fn liwc_header_errors_have_lines() {
        let e = liwc_to_toml("word 1\n", "x.dic").unwrap_err();
        assert_eq!((e.line, e.column), (1, 1));
        let e = liwc_to_toml("%\n1 a\nx b\n%\n", "x.dic").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.rendered.contains("x.dic:3:1"));
    }

    #[test]
    fn quanteda_nested_keys_and_globs() {
        let y = "world order:\n  multipolar:\n    - multipolar*\n    - \"many poles\"\n  hegemony: [hegemon*, 'uni?polar', '*hegemony']\nsanctions: sanction*\n";
        let imp = quanteda_to_toml(y, "d.yml").unwrap();
        let lex = parse_str(&imp.toml, "d.toml").unwrap();
        let ids: Vec<&str> = lex.themes.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "world-order/multipolar",
                "world-order/hegemony",
                "sanctions"
            ]
        );
        assert_eq!(imp.warnings.len(), 2, "{:#?}", imp.warnings);
        assert!(imp.warnings.iter().all(|w| w.line == 5));
        let set = LexiconSet::new(vec![lex]).unwrap();
        let m = Matcher::new(&set).unwrap();
        let text = "Many poles, not hegemonic sanctions.";
        let found: Vec<usize> = m
            .find(text, 0..text.len())
            .iter()
            .map(|x| x.theme)
            .collect();
        assert_eq!(found, [0, 1, 2]);
    }

    #[test]
    fn quanteda_yaml_errors_are_located() {
        let e = quanteda_to_toml("a:\n  - x\n b: [\n", "bad.yml").unwrap_err();
        assert!(e.line >= 2, "{e:?}");
        assert!(e.rendered.contains("bad.yml:"));
    }

    mod props {
        use super::super::*;
        use crate::lexicon::parse_str;
        use proptest::prelude::*;

        fn dic_line() -> impl Strategy<Value = String> {
            prop::string::string_regex(r#"[a-zé'" \\*<>()/%-]{0,12}(\t[0-9a-z<>()/ ]{0,8}){0,3}"#)
                .unwrap()
        }

        proptest! {
            /// Whatever the input, the importers do not panic, and what they produce loads.
            #[test]
            fn liwc_output_always_loads(head in "[0-9]{1,2}\t[a-z ]{1,8}", lines in prop::collection::vec(dic_line(), 0..8)) {
                let src = format!("%\n{head}\n%\n{}\n", lines.join("\n"));
                if let Ok(imp) = liwc_to_toml(&src, "p.dic")
                    && imp.themes > 0
                {
                    prop_assert!(parse_str(&imp.toml, "p.toml").is_ok(), "{}", imp.toml);
                }
            }

            #[test]
            fn quanteda_output_always_loads(src in r#"[a-z:\-\[\]\n "'*?,é\\]{0,60}"#) {
                if let Ok(imp) = quanteda_to_toml(&src, "p.yml")
                    && imp.themes > 0
                {
                    prop_assert!(parse_str(&imp.toml, "p.toml").is_ok(), "{}", imp.toml);
                }
            }
        }
    }
}
