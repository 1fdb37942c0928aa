//! Integration tests: `stance batch` and `stance merge` over corpora made in temporary folders.

use crate::common::{self, first_line_then_close, json_ok, stance};
use serde_json::Value;
use std::fs;
use std::path::Path;

const ARTICLE: &str = "Putin said the world is moving toward multipolarity and cooperation.\n\
The ministers discussed sanctions.\nWang said hegemony must end.\n";

fn corpus(dir: &Path, n: usize) {
    for i in 0..n {
        let sub = dir.join(format!("d{}", i % 3));
        fs::create_dir_all(&sub).unwrap();
        let text = ARTICLE.repeat(i % 4 + 1);
        fs::write(sub.join(format!("a{i:02}.txt")), text).unwrap();
    }
}

fn jsonl(dir: &Path) -> std::path::PathBuf {
    let p = dir.join("c.jsonl");
    let mut s = String::new();
    for i in 0..12 {
        let date = match i % 4 {
            0 => Value::from(format!("200{}-0{}-15", i % 3, i % 9 + 1)),
            1 => Value::from("2019-12-01"),
            2 => Value::Null,
            _ => Value::from("2020-01-02"),
        };
        let rec = serde_json::json!({
            "id": format!("doc{i}"),
            "text": ARTICLE.repeat(i % 3 + 1),
            "date": date,
            "meta": {"source": if i % 2 == 0 { "tass" } else { "xinhua" }},
        });
        s.push_str(&rec.to_string());
        s.push('\n');
    }
    fs::write(&p, s).unwrap();
    p
}

fn json_of(out: &[u8]) -> Value {
    serde_json::from_slice(out).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(out)))
}

/// `records` written as a JSONL file `name` in `dir`.
fn jsonl_of(dir: &Path, name: &str, records: &[Value]) -> std::path::PathBuf {
    let p = dir.join(name);
    fs::write(
        &p,
        records.iter().map(|r| format!("{r}\n")).collect::<String>(),
    )
    .unwrap();
    p
}

/// The JSON report of `stance batch` over `input`, with the options `extra`.
fn batch_json(input: &Path, extra: &[&str]) -> Value {
    json_ok(
        stance()
            .args(["batch", "--format", "json"])
            .args(extra)
            .arg(input),
    )
}

/// A report's actors with their sentence counts, in the report's order.
fn actor_sentences(v: &Value) -> Vec<(String, u64)> {
    v["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["actor"].as_str().unwrap().to_string(),
                a["sentences"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn corrupt_files_are_reported_and_the_rest_analysed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    corpus(d, 4);
    fs::write(d.join("latin1.txt"), b"Caf\xe9 diplomacy said hegemony.\n").unwrap();
    fs::write(d.join("blob.bin"), b"\x7fELF\x00\x00\x01binary").unwrap();
    let locked = d.join("locked.txt");
    fs::write(&locked, "secret").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    }
    // Running as root, chmod 000 does not stop reading.
    let root_reads = fs::read(&locked).is_ok();
    let out = stance()
        .args(["batch", "--format", "json", "-j", "2"])
        .arg(d)
        .assert()
        .code(1);
    let o = out.get_output();
    let v = json_of(&o.stdout);
    let stderr = String::from_utf8_lossy(&o.stderr);
    let errors = v["errors"].as_array().unwrap();
    let inputs: Vec<&str> = errors
        .iter()
        .map(|e| e["input"].as_str().unwrap())
        .collect();
    assert!(inputs.iter().any(|i| i.ends_with("blob.bin")), "{errors:?}");
    assert!(stderr.contains("blob.bin: binary file"), "{stderr}");
    let analysed = if root_reads { 6 } else { 5 };
    if !root_reads {
        assert!(
            inputs.iter().any(|i| i.ends_with("locked.txt")),
            "{errors:?}"
        );
        assert!(stderr.contains("locked.txt"), "{stderr}");
    }
    assert_eq!(v["documents"], analysed);
    let warnings = v["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0]["input"]
            .as_str()
            .unwrap()
            .ends_with("latin1.txt")
    );
    assert!(stderr.contains("latin1.txt: not UTF-8"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_does_not_stop_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    corpus(d, 2);
    std::os::unix::fs::symlink(d, d.join("d0").join("loop")).unwrap();
    let out = stance()
        .args(["batch", "--format", "json"])
        .arg(d)
        .assert()
        .code(1);
    let v = json_of(&out.get_output().stdout);
    assert_eq!(v["documents"], 2);
    let e = v["errors"][0]["error"].as_str().unwrap();
    assert!(e.contains("loop"), "{e}");
}

#[test]
fn a_broken_jsonl_line_is_reported_with_its_number() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("c.jsonl");
    fs::write(
        &p,
        "{\"id\":\"a\",\"text\":\"Putin said cooperation.\"}\n{\"id\":\"b\",\"text\":\n{\"id\":\"c\",\"text\":\"Fine.\"}\n",
    )
    .unwrap();
    let out = stance()
        .args(["batch", "--format", "json"])
        .arg(&p)
        .assert()
        .code(1);
    let o = out.get_output();
    let v = json_of(&o.stdout);
    assert_eq!(v["documents"], 2);
    let e = &v["errors"][0];
    assert!(e["input"].as_str().unwrap().ends_with("c.jsonl:2"), "{e}");
    assert!(
        e["error"].as_str().unwrap().starts_with("line 2, column"),
        "{e}"
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("c.jsonl:2: line 2"));
}

#[test]
fn group_by_year_uses_the_date_field() {
    let dir = tempfile::tempdir().unwrap();
    let p = jsonl(dir.path());
    let out = stance()
        .args(["batch", "--format", "json", "--group-by", "year"])
        .arg(&p)
        .assert()
        .success();
    let v = json_of(&out.get_output().stdout);
    let groups: Vec<(String, u64)> = v["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["group"].as_str().unwrap().to_string(),
                g["total"]["documents"].as_u64().unwrap(),
            )
        })
        .collect();
    let expect = [
        ("2000", 1),
        ("2001", 1),
        ("2002", 1),
        ("2019", 3),
        ("2020", 3),
        ("unknown", 3),
    ];
    let expect: Vec<(String, u64)> = expect.iter().map(|(g, n)| (g.to_string(), *n)).collect();
    assert_eq!(groups, expect);
    let by_source = stance()
        .args(["batch", "--format", "csv", "--group-by", "meta.source"])
        .arg(&p)
        .assert()
        .success();
    let csv = String::from_utf8_lossy(&by_source.get_output().stdout).to_string();
    assert!(
        csv.lines().any(|l| l.starts_with("tass,corpus,(all),,")),
        "{csv}"
    );
    assert!(
        csv.lines().any(|l| l.starts_with("xinhua,corpus,(all),,")),
        "{csv}"
    );
}

#[test]
fn one_and_two_threads_print_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path(), 30);
    let p = jsonl(dir.path());
    for format in ["json", "csv", "table"] {
        let run = |jobs: &str| {
            stance()
                .args([
                    "batch",
                    "--per",
                    "document",
                    "--group-by",
                    "year",
                    "-j",
                    jobs,
                ])
                .args(["--format", format])
                .arg(dir.path().join("d0"))
                .arg(dir.path().join("d1"))
                .arg(&p)
                .arg(dir.path().join("d2"))
                .assert()
                .success()
                .get_output()
                .stdout
                .clone()
        };
        let one = run("1");
        assert!(!one.is_empty());
        assert_eq!(one, run("2"), "{format} differs between --jobs 1 and 2");
    }
}

#[test]
fn per_document_rows_follow_input_order() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path(), 9);
    let p = jsonl(dir.path());
    let out = stance()
        .args(["batch", "--per", "document", "--format", "json", "-j", "2"])
        .arg(&p)
        .arg(dir.path().join("d2"))
        .arg(dir.path().join("d1"))
        .assert()
        .success();
    let v = json_of(&out.get_output().stdout);
    let ids: Vec<String> = v["per_document"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let id = d["id"].as_str().unwrap();
            id.rsplit('/').next().unwrap().to_string()
        })
        .collect();
    let mut expect: Vec<String> = (0..12).map(|i| format!("doc{i}")).collect();
    expect.extend(
        [
            "a02.txt", "a05.txt", "a08.txt", "a01.txt", "a04.txt", "a07.txt",
        ]
        .map(String::from),
    );
    assert_eq!(ids, expect);
}

#[test]
fn partials_merge_into_the_single_run_report_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    corpus(d, 12);
    let p = jsonl(d);
    fs::write(d.join("d1").join("bad.bin"), b"\x00\x00").unwrap();
    let parts = [
        vec![d.join("d0"), p.clone()],
        vec![d.join("d1")],
        vec![d.join("d2")],
    ];
    let mut files = Vec::new();
    for (i, inputs) in parts.iter().enumerate() {
        let f = d.join(format!("part{i}.jsonl"));
        stance()
            .args(["batch", "--partial", "--group-by", "meta.source", "-o"])
            .arg(&f)
            .args(inputs)
            .assert()
            .code(if i == 1 { 1 } else { 0 });
        files.push(f);
    }
    let lines = fs::read_to_string(&files[0]).unwrap();
    let docs = lines
        .lines()
        .filter(|l| l.starts_with("{\"kind\":\"doc\""))
        .count();
    assert_eq!(docs, 4 + 12);
    let last: Value = serde_json::from_str(lines.lines().last().unwrap()).unwrap();
    assert_eq!(last["kind"], "partial");
    assert_eq!(last["docs"], 16);
    for format in ["json", "csv"] {
        let single = stance()
            .args(["batch", "--group-by", "meta.source", "--format", format])
            .args(parts.iter().flatten())
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone();
        // Merge order must not matter either.
        let merged = stance()
            .args(["merge", "--format", format])
            .args([&files[2], &files[0], &files[1]])
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone();
        assert_eq!(
            String::from_utf8_lossy(&single),
            String::from_utf8_lossy(&merged),
            "{format}"
        );
    }
    // Merging partials into one partial, then reporting, gives the same again.
    let combined = stance()
        .args(["merge", "--partial"])
        .args(&files[..2])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let c = d.join("combined.jsonl");
    fs::write(&c, combined).unwrap();
    let a = stance()
        .args(["merge", "--format", "json"])
        .arg(&c)
        .arg(&files[2])
        .assert()
        .code(1);
    let b = stance()
        .args(["merge", "--format", "json"])
        .args(&files)
        .assert()
        .code(1);
    assert_eq!(a.get_output().stdout, b.get_output().stdout);
}

#[test]
fn merge_refuses_partials_from_other_lexicons() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    corpus(d, 3);
    let lex = d.join("other.toml");
    fs::write(
        &lex,
        "[lexicon]\nname = \"geopolitics\"\nversion = \"1.0\"\nlanguage = \"en\"\n\n[[theme]]\nid = \"cooperation\"\nlabel = \"Cooperation\"\ndescription = \"x\"\nterms = [\"cooperation\"]\n",
    )
    .unwrap();
    let a = d.join("a.jsonl");
    let b = d.join("b.jsonl");
    stance()
        .args(["batch", "--partial", "-o"])
        .arg(&a)
        .arg(d.join("d0"))
        .assert()
        .success();
    stance()
        .args(["batch", "--partial", "--lexicon"])
        .arg(&lex)
        .arg("-o")
        .arg(&b)
        .arg(d.join("d1"))
        .assert()
        .success();
    let out = stance().args(["merge"]).arg(&a).arg(&b).assert().code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("different lexicons"), "{err}");
    assert!(err.contains("sha256"), "{err}");
}

#[test]
fn gzipped_jsonl_and_stdin_jsonl_give_the_same_sums() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let p = jsonl(dir.path());
    let gz = dir.path().join("c.jsonl.gz");
    let mut enc = flate2::write::GzEncoder::new(fs::File::create(&gz).unwrap(), Default::default());
    enc.write_all(&fs::read(&p).unwrap()).unwrap();
    enc.finish().unwrap();
    let run = |cmd: &mut assert_cmd::Command| json_of(&cmd.assert().success().get_output().stdout);
    let plain = run(stance().args(["batch", "--format", "json"]).arg(&p));
    let zipped = run(stance().args(["batch", "--format", "json"]).arg(&gz));
    let piped = run(stance()
        .args(["batch", "--format", "json", "--input-format", "jsonl", "-"])
        .write_stdin(fs::read(&p).unwrap()));
    assert_eq!(plain["documents"], 12);
    for v in [&zipped, &piped] {
        assert_eq!(v["actors"], plain["actors"]);
        assert_eq!(v["total"], plain["total"]);
        assert_eq!(v["top_documents"], plain["top_documents"]);
    }
}

#[test]
fn a_large_text_file_is_one_document_read_in_chunks() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    // ~2.5 MiB: three chunks.
    let para = format!("{ARTICLE}\n");
    let n = (2_500_000 / para.len()) + 1;
    fs::write(&big, para.repeat(n)).unwrap();
    let out = stance()
        .args(["batch", "--format", "json"])
        .arg(&big)
        .assert()
        .success();
    let v = json_of(&out.get_output().stdout);
    assert_eq!(v["documents"], 1);
    assert_eq!(v["total"]["sentences"], 3 * n as u64);
    assert_eq!(v["actors"][0]["documents"], 1);
    assert_eq!(v["bytes"], (para.len() * n) as u64);
}

#[test]
fn kremlin_corpus_by_year() {
    let Some(p) = common::shared(
        "corpus/kremlin_en/kremlin_en.jsonl",
        "kremlin_corpus_by_year",
    ) else {
        return;
    };
    let out = stance()
        .args(["batch", "--group-by", "year", "--format", "json", "-q"])
        .arg(&p)
        .assert()
        .success();
    let v = json_of(&out.get_output().stdout);
    assert_eq!(v["documents"], 7061);
    let groups = v["groups"].as_array().unwrap();
    let unknown = groups.iter().find(|g| g["group"] == "unknown").unwrap();
    assert_eq!(unknown["total"]["documents"], 174);
    let sum: u64 = groups
        .iter()
        .map(|g| g["total"]["documents"].as_u64().unwrap())
        .sum();
    assert_eq!(sum, 7061);
}

/// Regression: serde_json and csv wrapped the BrokenPipe error, so `stance batch ... | head` exited 2.
#[test]
fn a_closed_pipe_exits_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("c.jsonl");
    let line = serde_json::json!({"id": "x", "text": ARTICLE}).to_string() + "\n";
    fs::write(&p, line.repeat(3000)).unwrap();
    for format in ["jsonl", "csv"] {
        let args = ["batch", "-q", "--per", "document", "--format", format];
        let mut args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        args.push(p.display().to_string());
        let (first, out) = first_line_then_close(&args);
        assert!(!first.is_empty());
        assert_eq!(
            out.status.code(),
            Some(0),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn the_table_lists_the_leading_actors_of_each_group() {
    let dir = tempfile::tempdir().unwrap();
    let p = jsonl(dir.path());
    let out = stance()
        .args(["batch", "--group-by", "meta.source"])
        .arg(&p)
        .assert()
        .success();
    let table = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    let section = table
        .split("Leading actors per meta.source")
        .nth(1)
        .unwrap_or_else(|| panic!("no per-group actors table:\n{table}"));
    let rows: Vec<&str> = section
        .lines()
        .filter(|l| l.contains("tass") || l.contains("xinhua"))
        .collect();
    assert!(
        rows.iter()
            .any(|r| r.contains("tass") && r.contains("Putin")),
        "{section}"
    );
    assert!(
        rows.iter()
            .any(|r| r.contains("xinhua") && r.contains("Putin")),
        "{section}"
    );
}

#[test]
fn a_title_field_is_read_as_the_first_line_and_names_a_message_sender() {
    let dir = tempfile::tempdir().unwrap();
    let p = jsonl_of(
        dir.path(),
        "t.jsonl",
        &[serde_json::json!({
            "id": "a",
            "title": "Vladimir Putin sent a message to the participants of the forum",
            "text": "The message said, in part:\n\n“Russia supports multilateral cooperation and a multipolar world.”",
        })],
    );
    let actors = |extra: &[&str]| actor_sentences(&batch_json(&p, extra));
    // without the title the message itself speaks; with it, its sender
    assert_eq!(actors(&[]), [("message".to_string(), 2)]);
    assert_eq!(
        actors(&["--title-field", "title"]),
        [("Vladimir Putin".to_string(), 2)]
    );
}

#[test]
fn a_lead_field_is_read_as_the_first_paragraph_after_the_title_and_names_a_message_sender() {
    let dir = tempfile::tempdir().unwrap();
    let p = jsonl_of(
        dir.path(),
        "t.jsonl",
        &[serde_json::json!({
            "id": "a",
            "title": "Greetings to the participants of the forum",
            "lead": "Vladimir Putin sent greetings to the participants of the forum.",
            "text": "The message reads, in part:\n\n“Russia supports multilateral cooperation and a multipolar world.”",
        })],
    );
    let run = |extra: &[&str]| batch_json(&p, extra);
    let sentences = |v: &Value| v["total"]["sentences"].as_u64().expect("total sentences");
    // the title alone names no sender: the message speaks
    let titled = run(&["--title-field", "title"]);
    assert_eq!(actor_sentences(&titled), [("message".to_string(), 2)]);
    // the lead does, and its sentence is counted after the title's
    let led = run(&["--title-field", "title", "--lead-field", "lead"]);
    assert_eq!(actor_sentences(&led), [("Vladimir Putin".to_string(), 2)]);
    assert_eq!(sentences(&led), sentences(&titled) + 1);
}

#[test]
fn a_briefing_titled_with_its_spokesperson_gives_every_answer_to_the_spokesperson() {
    let dir = tempfile::tempdir().unwrap();
    let p = jsonl_of(
        dir.path(),
        "b.jsonl",
        &[serde_json::json!({
            "id": "b",
            "title": "Foreign Ministry Spokesperson Hua Chunying's Regular Press Conference on March 2, 2020",
            "text": "I'd like to share some figures with you. The number of cured cases keeps rising.\n\nQ: Could you comment on the new sanctions?\n\nA: China firmly opposes unilateral sanctions. We urge the US to correct its mistake.\n\nReuters: Will China retaliate?\n\nA: We will take the necessary measures.\n\nFollow-up: When?\n\nA: Please stay tuned.",
        })],
    );
    let run = |extra: &[&str]| {
        let v = batch_json(&p, extra);
        let mut actors = actor_sentences(&v);
        actors.sort();
        (actors, v["narration"]["sentences"].as_u64().unwrap())
    };
    // with its title: the opening remarks and the answers are hers, the follow-up is Reuters'
    // question, and only the title is narration
    let (actors, narration) = run(&["--title-field", "title"]);
    assert_eq!(
        actors,
        [
            ("Hua Chunying".to_string(), 6),
            ("Q".to_string(), 1),
            ("Reuters".to_string(), 2)
        ]
    );
    assert_eq!(narration, 1);
    // without it nobody is named: no briefing, no turns
    let (actors, _) = run(&[]);
    assert!(
        actors.iter().all(|(a, _)| a != "Hua Chunying"),
        "{actors:?}"
    );
}

#[test]
fn a_speaker_field_gives_a_speech_its_speaker_but_not_the_words_it_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("actors.toml");
    fs::write(
        &a,
        "[[actor]]\nname = \"Sergey Lavrov\"\naliases = [\"S. Lavrov\"]\ngroup = \"Russia\"\n",
    )
    .unwrap();
    let recs = [
        serde_json::json!({
            "id": "rus",
            "speaker": "S. Lavrov",
            "text": "We stand for a multipolar world. The age of hegemony is over.\n\nAs Nelson Mandela said, “It always seems impossible until it is done.”\n\nAs Kofi Annan once said, no one is above the law. We must act now.",
        }),
        serde_json::json!({"id": "news", "text": "The assembly met on Tuesday."}),
    ];
    let p = jsonl_of(dir.path(), "s.jsonl", &recs);
    let actors_file = a.to_str().unwrap();
    let v = batch_json(&p, &["--speaker-field", "speaker", "--actors", actors_file]);
    let mut actors = actor_sentences(&v);
    actors.sort();
    // the speech is the actors file's Sergey Lavrov's, the quotation Mandela's, the citation
    // Annan's but not the sentence after it; the record without a speaker is narration as before
    assert_eq!(
        actors,
        [
            ("Kofi Annan".to_string(), 1),
            ("Nelson Mandela".to_string(), 1),
            ("Sergey Lavrov".to_string(), 3)
        ]
    );
    assert_eq!(v["narration"]["sentences"].as_u64(), Some(1));
    // compare, which keeps each sentence, gives the speech to the same speaker
    let c = json_ok(
        stance()
            .args([
                "compare",
                "--format",
                "json",
                "--speaker-field",
                "speaker",
                "--actors",
            ])
            .arg(&a)
            .arg(&p),
    );
    let lavrov = c["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["actor"] == "Sergey Lavrov")
        .expect("Sergey Lavrov compared");
    assert_eq!(lavrov["sentences"].as_u64(), Some(3));
}
