//! Integration tests: `stance score` on the bundled sample, output formats, errors, pipes.

use crate::common::{SAMPLE, first_line_then_close, json_ok, read, stance, stdout_ok};
use predicates::prelude::*;
use serde_json::Value;

fn score_json(args: &[&str]) -> Value {
    json_ok(stance().arg("score").args(args).args(["--format", "json"]))
}

fn sentences(v: &Value) -> &Vec<Value> {
    v["documents"][0]["sentences"].as_array().unwrap()
}

fn sentence_containing<'a>(v: &'a Value, needle: &str) -> &'a Value {
    sentences(v)
        .iter()
        .find(|s| s["text"].as_str().unwrap().contains(needle))
        .unwrap_or_else(|| panic!("no sentence contains {needle:?}"))
}

#[test]
fn sample_has_twenty_sentences_with_the_title_alone() {
    let v = score_json(&[SAMPLE]);
    let s = sentences(&v);
    assert_eq!(
        s.len(),
        20,
        "{:#?}",
        s.iter().map(|x| &x["text"]).collect::<Vec<_>>()
    );
    assert_eq!(
        s[0]["text"],
        "Russia to safeguard int'l fairness, justice with China, says Putin"
    );
    assert_eq!(s[0]["paragraph"], 0);
    assert_eq!(s[1]["paragraph"], 1);
}

#[test]
fn st_petersburg_is_not_split() {
    let v = score_json(&[SAMPLE]);
    let s = sentence_containing(&v, "St. Petersburg");
    assert!(
        s["text"]
            .as_str()
            .unwrap()
            .starts_with("Putin made the remarks")
    );
}

#[test]
fn spans_are_byte_offsets_into_the_text() {
    let text = read(SAMPLE);
    let v = score_json(&[SAMPLE, "--explain"]);
    for s in sentences(&v) {
        let (a, b) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[a..b], s["text"].as_str().unwrap());
        for m in s["matches"].as_array().unwrap() {
            let (ma, mb) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert!(a <= ma && mb <= b);
            assert_eq!(&text[ma..mb], m["text"].as_str().unwrap());
        }
    }
}

#[test]
fn sample_scores_make_sense() {
    let v = score_json(&[SAMPLE]);
    let s = sentence_containing(&v, "moving toward multipolarity");
    assert!(s["scores"]["multipolarity"].as_f64().unwrap() > 0.0, "{s}");
    assert!(s["scores"]["anti-hegemony"].as_f64().unwrap() > 0.0, "{s}");
    let s = sentence_containing(&v, "unilateral sanctions imposed by Western countries");
    assert!(s["scores"]["sanctions"].as_f64().unwrap() > 0.0, "{s}");
}

#[test]
fn every_spec_field_is_present() {
    let v = score_json(&[SAMPLE, "--explain"]);
    assert_eq!(v["schema"], "stance/1");
    let lex = &v["lexicons"][0];
    for k in ["name", "version", "sha256"] {
        assert!(lex[k].is_string(), "lexicons[0].{k}");
    }
    assert_eq!(lex["sha256"].as_str().unwrap().len(), 64);
    let doc = &v["documents"][0];
    assert_eq!(doc["id"], SAMPLE);
    for s in sentences(&v) {
        for k in [
            "index",
            "paragraph",
            "start",
            "end",
            "text",
            "speaker",
            "attribution",
            "cue",
            "scores",
            "matches",
        ] {
            assert!(s.get(k).is_some(), "sentence field {k} missing: {s}");
        }
        let kinds = [
            "explicit",
            "pronoun",
            "carried",
            "quote",
            "transcript",
            "headline",
            "none",
        ];
        assert!(kinds.contains(&s["attribution"].as_str().unwrap()));
        for m in s["matches"].as_array().unwrap() {
            for k in ["theme", "term", "text", "start", "end", "weight", "negated"] {
                assert!(m.get(k).is_some(), "match field {k} missing: {m}");
            }
        }
    }
    let actors = v["actors"].as_array().unwrap();
    assert!(!actors.is_empty());
    for a in actors {
        for k in [
            "actor",
            "group",
            "documents",
            "sentences",
            "tokens",
            "scores",
            "per_1k_tokens",
        ] {
            assert!(a.get(k).is_some(), "actor field {k} missing: {a}");
        }
    }
}

#[test]
fn sample_speakers_are_putin_and_wang_yi() {
    let v = score_json(&[SAMPLE]);
    let s = sentences(&v);
    let who = |i: usize| s[i]["speaker"].as_str().map(str::to_string);
    assert_eq!(who(0).as_deref(), Some("Vladimir Putin"));
    assert_eq!(
        who(15).as_deref(),
        Some("Wang Yi"),
        "“He said that faced with…” is Wang Yi"
    );
    let actors: Vec<&str> = v["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["actor"].as_str().unwrap())
        .collect();
    assert_eq!(&actors[..2], ["Vladimir Putin", "Wang Yi"]);
}

#[test]
fn table_shows_sentences_themes_and_actors() {
    stance()
        .args(["score", SAMPLE])
        .assert()
        .success()
        .stdout(predicate::str::contains("St. Petersburg"))
        .stdout(predicate::str::contains("Themes"))
        .stdout(predicate::str::contains("(narration)"))
        .stdout(predicate::str::contains("\u{1b}[").not());
}

#[test]
fn table_is_truncated_to_the_width() {
    let out = stance()
        .args(["score", SAMPLE])
        .env("COLUMNS", "80")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let first_table: Vec<&str> = text.lines().take_while(|l| !l.is_empty()).collect();
    assert!(
        first_table.iter().all(|l| l.chars().count() <= 80),
        "{text}"
    );
    assert!(text.contains('…'));
}

#[test]
fn csv_has_one_row_per_actor_or_sentence() {
    let out = stance()
        .args(["score", SAMPLE, "--format", "csv"])
        .output()
        .unwrap();
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    let head = r.headers().unwrap().clone();
    assert_eq!(&head[0], "actor");
    assert!(head.iter().any(|h| h == "sanctions"));
    let rows: Vec<_> = r.records().map(|x| x.unwrap()).collect();
    assert!(rows.iter().any(|r| &r[0] == "(narration)"));

    let out = stance()
        .args(["score", SAMPLE, "--format", "csv", "--per", "sentence"])
        .output()
        .unwrap();
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    assert_eq!(r.records().count(), 20);
}

#[test]
fn jsonl_has_one_sentence_per_line_with_its_document() {
    let out = stance()
        .args(["score", SAMPLE, "--format", "jsonl"])
        .output()
        .unwrap();
    let lines: Vec<Value> = out
        .stdout
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 20);
    assert!(lines.iter().all(|l| l["id"] == SAMPLE));
}

#[test]
fn markdown_is_pipe_tables() {
    stance()
        .args(["score", SAMPLE, "--format", "markdown"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "| # | speaker | attribution | scores | sentence |",
        ))
        .stdout(predicate::str::contains("|---|"));
}

#[test]
fn explain_shows_every_match_and_rule() {
    stance()
        .args(["score", SAMPLE, "--explain"])
        .assert()
        .success()
        .stdout(predicate::str::contains("matches"))
        .stdout(predicate::str::contains("attribution evidence"))
        .stdout(predicate::str::contains("multipolarity"));
}

/// Without `--explain` the rule texts are not built (a speed-up); nothing else may change.
#[test]
fn explain_changes_no_speaker_kind_cue_or_score() {
    let plain = score_json(&[SAMPLE]);
    let explained = score_json(&[SAMPLE, "--explain"]);
    let fields = [
        "speaker",
        "attribution",
        "cue",
        "scores",
        "tokens",
        "start",
        "end",
    ];
    let (a, b) = (sentences(&plain), sentences(&explained));
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(b) {
        for f in fields {
            assert_eq!(x[f], y[f], "{f} of {}", x["text"]);
        }
        assert!(x.get("rule").is_none());
    }
    // every attributed sentence has its rule with --explain
    assert!(
        b.iter()
            .filter(|s| !s["speaker"].is_null())
            .all(|s| !s["rule"].as_str().unwrap_or("").is_empty())
    );
    assert_eq!(plain["actors"], explained["actors"]);
}

#[test]
fn theme_restricts_and_unknown_theme_is_a_usage_error() {
    let v = score_json(&[SAMPLE, "--theme", "sanctions"]);
    assert_eq!(v["themes"], serde_json::json!(["sanctions"]));
    stance()
        .args(["score", SAMPLE, "--theme", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown theme"));
}

#[test]
fn stdin_is_read_with_dash() {
    let v = {
        let out = stance()
            .args(["score", "-", "--format", "json"])
            .write_stdin(read(SAMPLE))
            .output()
            .unwrap();
        serde_json::from_slice::<Value>(&out.stdout).unwrap()
    };
    assert_eq!(sentences(&v).len(), 20);
    assert_eq!(v["documents"][0]["id"], "-");
}

#[test]
fn empty_file_gives_an_empty_report() {
    let v = score_json(&["tests/fixtures/score/empty.txt"]);
    assert_eq!(sentences(&v).len(), 0);
    assert_eq!(v["actors"], serde_json::json!([]));
}

#[test]
fn invalid_utf8_is_replaced_and_counted() {
    let out = stance()
        .args([
            "score",
            "tests/fixtures/score/latin1.txt",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid UTF-8"));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["documents"][0]["replaced_bytes"].as_u64().unwrap() >= 1);
    assert!(
        sentences(&v)
            .iter()
            .any(|s| s["scores"]["sanctions"].as_f64().unwrap_or(0.0) > 0.0)
    );
}

#[test]
fn missing_input_is_reported_and_the_rest_processed() {
    let out = stance()
        .args(["score", "no/such/file.txt", SAMPLE, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.txt"));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["documents"].as_array().unwrap().len(), 1);
}

#[test]
fn nothing_readable_gives_errors_and_no_empty_report() {
    let out = stance()
        .args(["score", "no/such/file.txt", "tests"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no/such/file.txt"), "{err}");
    assert!(
        err.contains("tests") && err.contains("stance batch"),
        "{err}"
    );
}

#[test]
fn broken_lexicon_names_file_line_and_column() {
    stance()
        .args([
            "score",
            SAMPLE,
            "--lexicon",
            "tests/fixtures/score/broken_syntax.toml",
        ])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("broken_syntax.toml:7:"));
    stance()
        .args([
            "score",
            SAMPLE,
            "--lexicon",
            "tests/fixtures/score/unknown_key.toml",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown_key.toml:8:1"))
        .stderr(predicate::str::contains("colour"));
}

#[test]
fn output_file_is_written_whole_and_replaced_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("report.json");
    std::fs::write(&dest, "old").unwrap();
    stance()
        .args(["score", SAMPLE, "--format", "json", "-o"])
        .arg(&dest)
        .assert()
        .success()
        .stdout("");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&dest).unwrap()).unwrap();
    assert_eq!(sentences(&v).len(), 20);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "temporary files left: {names:?}");
}

#[test]
fn output_to_dev_null_is_not_replaced() {
    stance()
        .args(["score", SAMPLE, "-o", "/dev/null"])
        .assert()
        .success();
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device_like()
    );
}

trait CharDevice {
    fn is_char_device_like(&self) -> bool;
}

impl CharDevice for std::fs::FileType {
    fn is_char_device_like(&self) -> bool {
        use std::os::unix::fs::FileTypeExt;
        self.is_char_device()
    }
}

#[test]
fn a_closed_pipe_exits_quietly() {
    let mut args = vec!["score".to_string()];
    args.extend(std::iter::repeat_n(SAMPLE.to_string(), 300));
    let (first, out) = first_line_then_close(&args);
    assert!(!first.is_empty());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let run = |jobs: &str| {
        let mut cmd = stance();
        cmd.args(["score", "--format", "json", "--jobs", jobs]);
        for _ in 0..12 {
            cmd.arg(SAMPLE);
        }
        cmd.arg("tests/fixtures/score/latin1.txt");
        cmd.output().unwrap().stdout
    };
    assert_eq!(run("1"), run("2"));
}

#[test]
fn completions_and_man_page() {
    stance()
        .args(["completions", "bash"])
        .assert()
        .success()
        .stdout(predicate::str::contains("stance"));
    stance()
        .args(["completions", "man"])
        .assert()
        .success()
        .stdout(predicate::str::contains(".TH"));
}

#[test]
fn bad_flag_is_a_usage_error() {
    stance().args(["score", "--frobnicate"]).assert().code(2);
}

#[test]
fn user_cues_extend_the_bundled_ones() {
    let run = |extra: &[&str]| {
        let v = json_ok(
            stance()
                .args(["score", "-", "--format", "json"])
                .args(extra)
                .write_stdin("Senator Maria Lopez opined that the sanctions had failed.\n"),
        );
        v["documents"][0]["sentences"][0]["speaker"].clone()
    };
    assert_eq!(run(&[]), Value::Null);
    assert_eq!(
        run(&["--cues", "tests/fixtures/score/cues_opined.toml"]),
        "Maria Lopez"
    );
}

#[test]
fn explain_shows_the_intensifier_behind_a_weight() {
    let out = stance()
        .args(["score", "-", "--format", "json", "--explain"])
        .write_stdin("Russia condemns the illegal unilateral sanctions.\n")
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let m = &v["documents"][0]["sentences"][0]["matches"][0];
    assert_eq!(m["term"], "unilateral sanctions");
    assert_eq!(m["intensifier"], 1.5, "{m}");
    assert_eq!(m["weight"], 3.75, "2.5 × 1.5: {m}");
}

#[test]
fn explain_gives_the_attribution_frame() {
    let text = "Putin said that unilateral sanctions are illegal.\n";
    let out = stance()
        .args(["score", "-", "--format", "json", "--explain"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let s = &v["documents"][0]["sentences"][0];
    assert_eq!(s["speaker"], "Putin");
    let f = s["frame"]
        .as_array()
        .unwrap_or_else(|| panic!("no frame: {s}"));
    let (a, b) = (
        f[0].as_u64().unwrap() as usize,
        f[1].as_u64().unwrap() as usize,
    );
    assert!(text[a..b].contains("Putin said"), "{:?}", &text[a..b]);
    assert!(!text[a..b].contains("sanctions"), "{:?}", &text[a..b]);
}

#[test]
fn the_group_column_shows_only_when_an_actor_has_a_group() {
    let table = |extra: &[&str]| {
        let out = stdout_ok(
            stance()
                .args(["score", SAMPLE, "--format", "markdown"])
                .args(extra),
        );
        let text = String::from_utf8(out).unwrap();
        text.split("### Actors").nth(1).unwrap().to_string()
    };
    let plain = table(&[]);
    assert!(plain.contains("| actor | docs |"), "{plain}");
    let grouped = table(&["--actors", "samples/actors.toml"]);
    assert!(grouped.contains("| actor | group | docs |"), "{grouped}");
    assert!(grouped.contains("| Vladimir Putin | Russia |"), "{grouped}");
}
