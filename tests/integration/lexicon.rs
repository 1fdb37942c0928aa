//! Integration tests: `stance lexicon check|test|show|import`, and imported dictionaries used by
//! `stance score`.

use crate::common::{SAMPLE, root, stance};
use predicates::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Writes `text` to `name` in a fresh temporary folder.
fn fixture(dir: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn json(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out).unwrap_or_else(|e| {
        panic!("not JSON ({e}): {}", String::from_utf8_lossy(out));
    })
}

const LINTY: &str = r#"[lexicon]
name = "linty"
version = "0.1"

[[theme]]
id = "sanctions"
terms = ["sanction*", "sanction", "embargo", "embargo", "ex*"]

[[theme]]
id = "cooperation"
terms = ["cooperation", "sanctions relief talks", { regex = '''\b(?:x)*''' }]
"#;

const BROKEN: &str = "[lexicon]\nname = \"broken\"\n\n[[theme]]\nid = \"a\"\nterms = [\"x\", 3]\n";

const FAILING: &str = r#"[lexicon]
name = "failing"
version = "0.1"

[[theme]]
id = "sanctions"
terms = ["sanction*", "embargo"]

[[test]]
text = "The embargo and the sanctions remain."
expect = { sanctions = 2.0 }

[[test]]
text = "The embargo was lifted."
expect = { sanctions = 2.0 }
expect_none = ["sanctions"]
"#;

#[test]
fn check_bundled_is_clean() {
    stance().args(["lexicon", "check"]).assert().code(0).stdout(
        predicate::str::contains("8 lexicon(s), 8 themes")
            .and(predicate::str::contains("no lints")),
    );
}

#[test]
fn check_reports_lints_with_codes_and_locations() {
    let dir = tempfile::tempdir().unwrap();
    let p = fixture(&dir, "linty.toml", LINTY);
    let out = stance()
        .args(["lexicon", "check", "--min-terms", "4"])
        .arg(&p)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let file = p.display().to_string();
    for needle in [
        format!("{file}:7:"),
        "L001 duplicate-term".to_string(),
        "L002 shadowed-term".to_string(),
        "L003 nested-overlap".to_string(),
        "L004 empty-match-regex".to_string(),
        "L005 broad-wildcard".to_string(),
        "L007 few-terms".to_string(),
        "hint:".to_string(),
    ] {
        assert!(text.contains(&needle), "missing {needle:?} in:\n{text}");
    }
    // JSON carries the same lints, and the lexicon's identity.
    let out = stance()
        .args(["lexicon", "check", "--min-terms", "4", "--format", "json"])
        .arg(&p)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v = json(&out);
    let codes: Vec<&str> = v["lints"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"L001") && codes.contains(&"L004"),
        "{codes:?}"
    );
    assert_eq!(v["lexicons"][0]["name"], "linty");
    assert_eq!(v["lexicons"][0]["sha256"].as_str().unwrap().len(), 64);
}

#[test]
fn check_with_corpus_shows_expansions_and_unused_cues() {
    let dir = tempfile::tempdir().unwrap();
    let lex = fixture(
        &dir,
        "c.toml",
        "[lexicon]\nname = \"c\"\n\n[[theme]]\nid = \"s\"\nterms = [\"sanction*\", \"embargo\"]\n\n[negation]\ncues = [\"not\", \"nary\"]\n",
    );
    let corpus = fixture(
        &dir,
        "corpus.txt",
        "Sanctions were not lifted. The sanctions hurt; sanctioned banks complained.\n",
    );
    stance()
        .args(["lexicon", "check", "--min-terms", "1", "--corpus"])
        .arg(&corpus)
        .arg(&lex)
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("L006 unused-negation-cue")
                .and(predicate::str::contains("`nary`"))
                .and(predicate::str::contains("sanctions (2), sanctioned (1)")),
        );
}

#[test]
fn check_broken_lexicon_exits_2_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let p = fixture(&dir, "broken.toml", BROKEN);
    stance()
        .args(["lexicon", "check"])
        .arg(&p)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!("{}:6:", p.display())));
}

#[test]
fn test_passes_on_bundled() {
    stance()
        .args(["lexicon", "test"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("0 failed"));
}

#[test]
fn test_reports_a_failing_inline_test_with_its_matches() {
    let dir = tempfile::tempdir().unwrap();
    let p = fixture(&dir, "failing.toml", FAILING);
    stance()
        .args(["lexicon", "test"])
        .arg(&p)
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("FAIL")
                .and(predicate::str::contains("test #2"))
                .and(predicate::str::contains("expected 2, got 1"))
                .and(predicate::str::contains("expected no score, got 1"))
                .and(predicate::str::contains("embargo"))
                .and(predicate::str::contains("2 tests, 1 passed, 1 failed")),
        );
}

#[test]
fn test_text_shows_the_matches_of_a_sentence() {
    let out = stance()
        .args([
            "lexicon",
            "test",
            "--format",
            "json",
            "--text",
            "He said Russia has overcome the impact of unilateral sanctions imposed by Western countries.",
        ])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v = json(&out);
    assert_eq!(v["scores"]["sanctions"], 2.5);
    let m = &v["matches"][0];
    assert_eq!(m["theme"], "sanctions");
    assert_eq!(m["text"], "unilateral sanctions");
    assert_eq!(m["negated"], false);
    stance()
        .args(["lexicon", "test", "--text", "Both sides reject hegemonism."])
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains("anti-hegemony")
                .and(predicate::str::contains("hegemon*"))
                .and(predicate::str::contains("hegemonism"))
                .and(predicate::str::contains("18..28")),
        );
}

#[test]
fn show_json_lists_themes_counts_and_identity() {
    let out = stance()
        .args(["lexicon", "show", "--format", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v = json(&out);
    let lex = v["lexicons"].as_array().unwrap();
    assert_eq!(lex.len(), 8);
    for l in lex {
        assert_eq!(l["sha256"].as_str().unwrap().len(), 64, "{l}");
        assert!(!l["version"].as_str().unwrap().is_empty());
        for t in l["themes"].as_array().unwrap() {
            let n = t["terms"].as_u64().unwrap();
            let parts: u64 = ["words", "phrases", "wildcards", "regexes"]
                .iter()
                .map(|k| t[*k].as_u64().unwrap())
                .sum();
            assert_eq!(n, parts, "{t}");
            assert!(n >= 40, "theme {} has {n} terms", t["id"]);
            assert!(!t["description"].as_str().unwrap().is_empty());
        }
    }
    let ah = lex
        .iter()
        .find(|l| l["themes"][0]["id"] == "anti-hegemony")
        .unwrap();
    assert!(
        ah["negation"].is_null(),
        "anti-hegemony has no negation on purpose"
    );
    stance()
        .args(["lexicon", "show", "--theme", "sanctions"])
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains("unilateral sanctions")
                .and(predicate::str::contains("cooperation").not()),
        );
}

fn import(src: &str, dir: &tempfile::TempDir) -> (PathBuf, String) {
    let out = dir.path().join("out.toml");
    let assert = stance()
        .args(["lexicon", "import", src, "--to"])
        .arg(&out)
        .assert()
        .code(0);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    (out, stderr)
}

/// Scores the sample with an imported lexicon: the report's lexicon identity, and each theme's
/// total over all sentences (independent of who said what).
fn score_sample(lexicon: &Path) -> (serde_json::Value, BTreeMap<String, f64>) {
    let out = stance()
        .args(["score", "--format", "json", "--lexicon"])
        .arg(lexicon)
        .arg(SAMPLE)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v = json(&out);
    let mut totals = BTreeMap::new();
    for s in v["documents"][0]["sentences"].as_array().unwrap() {
        for (k, x) in s["scores"].as_object().unwrap() {
            *totals.entry(k.clone()).or_insert(0.0) += x.as_f64().unwrap();
        }
    }
    (v["lexicons"][0].clone(), totals)
}

fn totals(pairs: &[(&str, f64)]) -> BTreeMap<String, f64> {
    pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
}

#[test]
fn import_liwc_then_score_the_sample() {
    let dir = tempfile::tempdir().unwrap();
    let (out, stderr) = import("tests/fixtures/import/geo.dic", &dir);
    // Every unsupported line is reported with its line number.
    for line in [
        ":10: warning",
        ":11: warning",
        ":13: warning",
        ":14: warning",
    ] {
        assert!(stderr.contains(line), "missing {line} in:\n{stderr}");
    }
    assert!(stderr.contains("131/125") && stderr.contains("unknown category id 77"));
    stance()
        .args([
            "lexicon",
            "test",
            "--text",
            "They resist unipolar hegemony and bloc politics.",
        ])
        .arg(&out)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("hegemony = 3"));
    // The sample has hegemony ×2, hegemonism, unipolar ×2, bloc ×2; eight cooperat* words and
    // one friendship; "changes unseen in a century" and "multipolarity".
    let (lex, t) = score_sample(&out);
    assert_eq!(lex["name"], "geo");
    assert_eq!(lex["sha256"].as_str().unwrap().len(), 64);
    assert_eq!(
        t,
        totals(&[("hegemony", 7.0), ("partner", 9.0), ("worldorder", 2.0)])
    );
}

#[test]
fn import_quanteda_then_score_the_sample() {
    let dir = tempfile::tempdir().unwrap();
    let (out, stderr) = import("tests/fixtures/import/geo.yml", &dir);
    assert!(stderr.contains("geo.yml:6: warning"), "{stderr}");
    let toml = std::fs::read_to_string(&out).unwrap();
    assert!(toml.contains("id = \"world-order/hegemony\""), "{toml}");
    let (lex, t) = score_sample(&out);
    assert_eq!(lex["name"], "geo");
    assert_eq!(
        t,
        totals(&[
            ("economy/partners", 8.0),
            ("economy/sanctions", 1.0),
            ("world-order/hegemony", 5.0),
            ("world-order/multipolar", 2.0),
        ])
    );
}

#[test]
fn import_refuses_an_unknown_extension() {
    let dir = tempfile::tempdir().unwrap();
    let p = fixture(&dir, "dict.txt", "whatever");
    stance()
        .args(["lexicon", "import"])
        .arg(&p)
        .args(["--to", "x.toml"])
        .current_dir(root())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--from"));
}
