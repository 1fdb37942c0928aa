//! Snapshot tests (`insta`): the exact output a user sees for the bundled sample, in every
//! format. A change to any of them shows up as a reviewable diff (`cargo insta review`, or
//! `INSTA_UPDATE=always cargo test` and `git diff`).

use crate::common::{SAMPLE, stance, stdout_ok};

fn run(args: &[&str], columns: Option<&str>) -> String {
    let mut cmd = stance();
    if let Some(c) = columns {
        cmd.env("COLUMNS", c);
    }
    String::from_utf8(stdout_ok(cmd.args(args))).unwrap()
}

#[test]
fn score_table_at_100_columns() {
    insta::assert_snapshot!(run(&["score", SAMPLE], Some("100")));
}

#[test]
fn score_json() {
    insta::assert_snapshot!(run(&["score", SAMPLE, "--format", "json"], None));
}

#[test]
fn score_csv() {
    insta::assert_snapshot!(run(&["score", SAMPLE, "--format", "csv"], None));
}

#[test]
fn score_markdown() {
    insta::assert_snapshot!(run(&["score", SAMPLE, "--format", "markdown"], None));
}

#[test]
fn score_explain_table() {
    insta::assert_snapshot!(run(&["score", SAMPLE, "--explain"], Some("160")));
}

#[test]
fn compare_putin_and_wang_yi() {
    insta::assert_snapshot!(run(
        &[
            "compare",
            SAMPLE,
            "--actor",
            "Vladimir Putin",
            "--actor",
            "Wang Yi"
        ],
        Some("120")
    ));
}

#[test]
fn batch_json_of_the_sample() {
    insta::assert_snapshot!(run(&["batch", SAMPLE, "--format", "json", "--quiet"], None));
}
