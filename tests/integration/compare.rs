//! Integration tests: `stance compare` — how do Putin and Wang Yi differ on the sample?

use crate::common::{self, SAMPLE, json_ok, stance};
use predicates::prelude::*;
use serde_json::Value;

fn compare_json(extra: &[&str]) -> Value {
    json_ok(
        stance()
            .args([
                "compare", SAMPLE, "--actor", "Putin", "--actor", "Wang Yi", "--format", "json",
            ])
            .args(extra),
    )
}

#[test]
fn putin_and_wang_yi_side_by_side_with_intervals() {
    let v = compare_json(&[]);
    let speakers = v["speakers"].as_array().unwrap();
    let names: Vec<&str> = speakers
        .iter()
        .map(|s| s["actor"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Vladimir Putin", "Wang Yi"]);
    for s in speakers {
        assert!(s["sentences"].as_u64().unwrap() >= 5, "{s}");
        for (theme, r) in s["per_1k_tokens"].as_object().unwrap() {
            let (rate, lo, hi) = (
                r["rate"].as_f64().unwrap(),
                r["low"].as_f64().unwrap(),
                r["high"].as_f64().unwrap(),
            );
            assert!(lo <= rate + 1e-9 && rate <= hi + 1e-9, "{theme}: {r}");
        }
    }
    // Putin speaks of cooperation with China; the rate is positive and its interval too.
    let coop = &speakers[0]["per_1k_tokens"]["cooperation"];
    assert!(coop["rate"].as_f64().unwrap() > 0.0);
    let d = &v["difference"];
    assert_eq!(d["a"], "Vladimir Putin");
    assert_eq!(d["b"], "Wang Yi");
    assert!(d["per_1k_tokens"]["multipolarity"]["difference"].is_number());
}

#[test]
fn distinguishing_terms_are_ranked_by_z() {
    let v = compare_json(&["--top", "5"]);
    let terms = v["distinctive_terms"].as_array().unwrap();
    assert_eq!(terms.len(), 2);
    for t in terms {
        let list = t["terms"].as_array().unwrap();
        assert!(list.len() <= 5);
        let z: Vec<f64> = list.iter().map(|x| x["z"].as_f64().unwrap()).collect();
        assert!(z.windows(2).all(|w| w[0] >= w[1]), "{z:?}");
        assert!(z.iter().all(|z| *z > 0.0));
    }
}

#[test]
fn comparison_is_deterministic() {
    assert_eq!(compare_json(&[]), compare_json(&[]));
    let a = compare_json(&["--seed", "1"]);
    let b = compare_json(&["--seed", "1"]);
    assert_eq!(a, b);
}

#[test]
fn small_counts_are_flagged() {
    let v = compare_json(&["--min-sentences", "50"]);
    assert!(
        v["speakers"][0]["warning"]
            .as_str()
            .unwrap()
            .contains("too few")
    );
    assert!(v["difference"]["warning"].is_string());
}

#[test]
fn unknown_actor_is_reported() {
    stance()
        .args(["compare", SAMPLE, "--actor", "Nobody Known"])
        .assert()
        .success()
        .stderr(predicate::str::contains("Nobody Known"));
}

#[test]
fn table_csv_and_markdown() {
    let base = ["compare", SAMPLE, "--actor", "Putin", "--actor", "Wang"];
    stance()
        .args(base)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Difference: Vladimir Putin − Wang Yi",
        ));
    let out = stance()
        .args(base)
        .args(["--format", "csv"])
        .output()
        .unwrap();
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    let kinds: std::collections::BTreeSet<String> =
        r.records().map(|x| x.unwrap()[0].to_string()).collect();
    assert!(
        kinds.contains("rate") && kinds.contains("difference") && kinds.contains("term"),
        "{kinds:?}"
    );
    stance()
        .args(base)
        .args(["--format", "markdown"])
        .assert()
        .success()
        .stdout(predicate::str::contains("| theme |"));
}

fn distinctive(v: &serde_json::Value) -> Vec<String> {
    v["distinctive_terms"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t["terms"].as_array().unwrap().clone())
        .map(|x| x["term"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_attribution_frame_and_function_words_do_not_distinguish_speakers() {
    // "Putin said that ..." would otherwise make "putin" Putin's most distinctive word
    let terms = distinctive(&compare_json(&["--top", "50"]));
    for frame in [
        "putin", "vladimir", "wang", "said", "stressed", "the", "and", "that",
    ] {
        assert!(!terms.contains(&frame.to_string()), "{frame}: {terms:?}");
    }
    assert!(terms.contains(&"brics".to_string()), "{terms:?}");
    let kept = distinctive(&compare_json(&["--top", "50", "--keep-stopwords"]));
    assert!(kept.contains(&"and".to_string()), "{kept:?}");
    assert!(!kept.contains(&"putin".to_string()), "{kept:?}");
}

/// `stance compare` over a corpus: JSONL, folders, any thread count.
fn corpus_compare(args: &[&str]) -> Value {
    json_ok(
        stance()
            .args(["compare", "--format", "json", "-q"])
            .args(args),
    )
}

#[test]
fn a_jsonl_corpus_compares_like_its_documents_given_as_files() {
    let dir = tempfile::tempdir().unwrap();
    let text = common::read(SAMPLE);
    let mut jsonl = String::new();
    for id in ["a", "b"] {
        jsonl += &(serde_json::json!({"id": id, "text": text}).to_string() + "\n");
    }
    let corpus = dir.path().join("corpus.jsonl");
    std::fs::write(&corpus, jsonl).unwrap();
    let corpus = corpus.to_str().unwrap();
    let from_jsonl = corpus_compare(&[corpus, "--actor", "Putin", "--actor", "Wang Yi"]);
    let from_files = corpus_compare(&[SAMPLE, SAMPLE, "--actor", "Putin", "--actor", "Wang Yi"]);
    assert_eq!(from_jsonl, from_files);
    assert_eq!(from_jsonl["speakers"][0]["documents"], 2);
    assert_eq!(from_jsonl["speakers"][0]["sentences"], 20);
}

#[test]
fn a_folder_compares_the_same_at_any_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let text = common::read(SAMPLE);
    for i in 0..12 {
        // every document a little different, so the order of sentences matters to the bootstrap
        let doc = format!("{text}\n\nPutin said that talks number {i} went well.\n");
        std::fs::write(dir.path().join(format!("doc{i:02}.txt")), doc).unwrap();
    }
    let folder = dir.path().to_str().unwrap();
    let one = corpus_compare(&[folder, "--jobs", "1"]);
    let two = corpus_compare(&[folder, "--jobs", "2"]);
    assert_eq!(one, two);
    assert_eq!(one["speakers"][0]["actor"], "Vladimir Putin");
    assert_eq!(one["speakers"][0]["documents"], 12);
}

#[test]
fn a_surname_takes_in_the_documents_that_give_only_the_surname() {
    let dir = tempfile::tempdir().unwrap();
    let docs = [
        "Russian President Vladimir Putin said that sanctions are illegal.",
        "Putin said that the talks with China went well.",
        "Dmitry Medvedev said that the economy grew.",
        "George Bush said that the alliance was strong.",
        "George W. Bush said that freedom was on the march.",
    ];
    for (i, d) in docs.iter().enumerate() {
        std::fs::write(dir.path().join(format!("{i}.txt")), d).unwrap();
    }
    let folder = dir.path().to_str().unwrap();
    let v = corpus_compare(&[folder, "--actor", "Putin", "--actor", "George"]);
    let putin = &v["speakers"][0];
    assert_eq!(putin["actor"], "Vladimir Putin");
    assert_eq!(putin["merged"], serde_json::json!(["Putin"]));
    assert_eq!(putin["documents"], 2);
    assert_eq!(putin["sentences"], 2);
    // "George" belongs to two speakers: named, not guessed
    assert_eq!(v["speakers"].as_array().unwrap().len(), 1);
    assert_eq!(v["ambiguous"][0]["name"], "George");
    assert_eq!(
        v["ambiguous"][0]["speakers"],
        serde_json::json!(["George Bush", "George W. Bush"])
    );
    // without --actor: the --speakers with the most sentences, and how many were left out
    let top = corpus_compare(&[folder, "--speakers", "2"]);
    assert_eq!(top["speakers"].as_array().unwrap().len(), 2);
    assert_eq!(top["speakers_left_out"], 3);
    // asked for by its full name, the speaker still takes in the surname-only document
    let full = corpus_compare(&[folder, "--actor", "Vladimir Putin"]);
    assert_eq!(full["speakers"][0], v["speakers"][0]);
}

/// Done-when of the compare job at corpus scale: "how do Putin and Medvedev differ?" over 7,061
/// real Kremlin pages (needs ../shared; CI has it).
#[test]
fn kremlin_putin_and_medvedev() {
    let Some(p) = common::shared(
        "corpus/kremlin_en/kremlin_en.jsonl",
        "kremlin_putin_and_medvedev",
    ) else {
        return;
    };
    let v = corpus_compare(&[
        p.to_str().unwrap(),
        "--actor",
        "Putin",
        "--actor",
        "Medvedev",
        "--bootstrap",
        "50",
    ]);
    let s = &v["speakers"];
    assert_eq!(s[0]["actor"], "Vladimir Putin");
    assert_eq!(s[0]["merged"], serde_json::json!(["Putin"]));
    assert!(s[0]["documents"].as_u64().unwrap() > 2500, "{}", s[0]);
    assert_eq!(s[1]["actor"], "Dmitry Medvedev");
    assert!(s[1]["sentences"].as_u64().unwrap() > 500, "{}", s[1]);
    assert!(v["difference"]["per_1k_tokens"]["security"]["difference"].is_number());
}

#[test]
fn explain_lists_the_terms_behind_every_score() {
    let v = compare_json(&["--explain"]);
    for s in v["speakers"].as_array().unwrap() {
        let terms = s["explain"].as_array().unwrap();
        assert!(!terms.is_empty(), "{s}");
        // the terms add up to each theme's score
        for (theme, score) in s["scores"].as_object().unwrap() {
            let sum: f64 = terms
                .iter()
                .filter(|t| t["theme"] == *theme)
                .map(|t| t["score"].as_f64().unwrap())
                .sum();
            assert!((sum - score.as_f64().unwrap()).abs() < 1e-6, "{theme}: {s}");
        }
    }
    let putin = &v["speakers"][0]["explain"];
    assert!(
        putin
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["term"] == "hegemon*" && t["hits"] == 2),
        "{putin}"
    );
    // without --explain the field is absent
    assert!(compare_json(&[])["speakers"][0].get("explain").is_none());
}
