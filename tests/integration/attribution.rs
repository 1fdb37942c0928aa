//! Integration tests: attribution — the sample through the CLI, `stance eval attribution`, and
//! the Kremlin corpus (transcripts get their speakers; nothing panics).

use crate::common::{SAMPLE, shared, stance};
use stance::attribute::Attributor;
use stance::segment;

#[test]
fn sample_speakers_in_json_output() {
    let out = stance()
        .args([
            "score",
            SAMPLE,
            "--format",
            "json",
            "--actors",
            "samples/actors.toml",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sentences = v["documents"][0]["sentences"].as_array().unwrap();
    let first = &sentences[0];
    assert_eq!(first["speaker"], "Vladimir Putin");
    assert_eq!(first["attribution"], "headline");
    let wang = sentences
        .iter()
        .filter(|s| s["speaker"] == "Wang Yi")
        .count();
    assert!(wang >= 7, "{wang} Wang Yi sentences");
}

/// A tiny gold file in PolNeAR's format, written for this test.
const GOLD: &str = r#"{"id": "t1", "text": "Putin said the talks were useful.\nThe weather was cold.", "quotes": [{"speaker": "Vladimir Putin", "cue": "said", "kind": "indirect", "content_spans": [[11, 33]], "speaker_spans": [[0, 5]]}]}
{"id": "t2", "text": "“We are ready to talk about everything today,” Lavrov said.", "quotes": [{"speaker": "Lavrov", "cue": "said", "kind": "direct", "content_spans": [[1, 45]], "speaker_spans": [[47, 53]]}]}
"#;

#[test]
fn eval_attribution_scores_and_writes_predictions() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.jsonl");
    std::fs::write(&gold, GOLD).unwrap();
    let pred = dir.path().join("pred.jsonl");
    let out = stance()
        .args(["eval", "attribution"])
        .arg(&gold)
        .arg("--pred-out")
        .arg(&pred)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["counts"]["gold_nonnull"], 2);
    assert_eq!(v["end_to_end"]["f1"], 1.0);
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(&pred)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    // byte offsets: the curly quotes are 3 bytes each
    assert_eq!(
        lines[1]["sentences"][0]["end"],
        "“We are ready to talk about everything today,” Lavrov said.".len()
    );
}

#[test]
fn eval_attribution_reports_a_broken_gold_file() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.jsonl");
    std::fs::write(&gold, "{\"id\": 1}\n").unwrap();
    stance()
        .args(["eval", "attribution"])
        .arg(&gold)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("gold.jsonl:1:"));
}

#[test]
fn kremlin_transcripts_get_their_speakers() {
    let Some(path) = shared(
        "corpus/kremlin_en/kremlin_en.jsonl",
        "kremlin_transcripts_get_their_speakers",
    ) else {
        return;
    };
    let src = std::fs::read_to_string(path).unwrap();
    let attributor = Attributor::new(None);
    let (mut labels, mut found, mut docs, mut attributed, mut sentences_total) = (0, 0, 0, 0, 0);
    let mut missing = Vec::new();
    for line in src.lines() {
        let d: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = d["text"].as_str().unwrap_or("");
        let sentences = segment::sentences(text);
        let atts = attributor.attribute(text, &sentences);
        assert_eq!(atts.len(), sentences.len());
        docs += 1;
        sentences_total += atts.len();
        attributed += atts.iter().filter(|a| a.speaker.is_some()).count();
        if d["has_speaker_turns"] != true {
            continue;
        }
        let speakers: Vec<&str> = atts.iter().filter_map(|a| a.speaker.as_deref()).collect();
        for l in d["speaker_labels"].as_array().unwrap() {
            let l = l.as_str().unwrap();
            // the corpus's labels are heuristic ("I repeat:"): only those that look like a name
            // or a role count
            if !l
                .split(' ')
                .all(|w| w.starts_with(char::is_uppercase) || matches!(w, "of" | "the" | "and"))
            {
                continue;
            }
            labels += 1;
            if speakers
                .iter()
                .any(|s| stance::eval::speaker_match(Some(s), Some(l)))
            {
                found += 1;
            } else if missing.len() < 10 {
                missing.push(format!("{}: {l}", d["id"]));
            }
        }
    }
    assert_eq!(docs, 7061);
    let share = found as f64 / labels as f64;
    eprintln!(
        "kremlin_en: {found}/{labels} transcript labels found as speakers ({share:.3}); {attributed}/{sentences_total} sentences attributed; missing e.g. {missing:?}"
    );
    assert!(share >= 0.9, "{share:.3}; missing e.g. {missing:?}");
    // the agency-style reports have reported speech too
    assert!(
        attributed * 5 > sentences_total,
        "{attributed}/{sentences_total}"
    );
}
