//! Unit tests of the segmenter: one per rule, the bundled sample, the pinned Golden Rules, and
//! property tests of the span invariants.

use super::*;
use proptest::prelude::*;

/// The sentences of `text` as strings.
fn texts(text: &str) -> Vec<&str> {
    sentences(text).iter().map(|s| s.text(text)).collect()
}

/// Asserts that `text` is one sentence, unsplit.
#[track_caller]
fn whole(text: &str) {
    assert_eq!(texts(text), [text]);
}

// ---- paragraphs and titles ----

#[test]
fn every_line_break_ends_a_paragraph_and_blank_lines_do_not_count() {
    let text = "First line.\r\n\r\n  \nSecond line. Two sentences.\nThird\n";
    let found = sentences(text);
    let got: Vec<(&str, usize)> = found.iter().map(|s| (s.text(text), s.paragraph)).collect();
    assert_eq!(
        got,
        [
            ("First line.", 0),
            ("Second line.", 1),
            ("Two sentences.", 1),
            ("Third", 2)
        ]
    );
    let paras: Vec<&str> = paragraphs(text).map(|p| p.text(text)).collect();
    assert_eq!(
        paras,
        ["First line.", "Second line. Two sentences.", "Third"]
    );
}

#[test]
fn a_line_without_final_punctuation_is_a_title() {
    let text = "Russia to safeguard int'l fairness, says Putin\nPutin spoke. He left.\nHe said:\n";
    let found = sentences(text);
    assert_eq!(found.len(), 4);
    assert!(found[0].title);
    assert_eq!(
        found[0].text(text),
        "Russia to safeguard int'l fairness, says Putin"
    );
    assert!(found[1..].iter().all(|s| !s.title), "{found:?}");
}

#[test]
fn an_unpunctuated_last_sentence_of_a_longer_paragraph_is_not_a_title() {
    let found = sentences("He spoke. The end");
    assert_eq!(found.len(), 2);
    assert!(!found[1].title);
}

#[test]
fn a_quoted_headline_ending_in_a_quote_mark_is_judged_by_the_mark_inside() {
    assert!(sentences("Wang: \"We oppose hegemony\"")[0].title);
    assert!(!sentences("Wang said: \"We oppose hegemony.\"")[0].title);
}

// ---- the bundled sample ----

#[test]
fn bundled_sample_has_twenty_sentences_with_the_title_alone() {
    let text = include_str!("../../samples/putin-wang-yi-xinhua.txt");
    let found = sentences(text);
    assert_eq!(found.len(), 20);
    assert!(found[0].title);
    assert_eq!(
        found[0].text(text),
        "Russia to safeguard int'l fairness, justice with China, says Putin"
    );
    assert!(found[1..].iter().all(|s| !s.title));
    let st = found
        .iter()
        .find(|s| s.text(text).contains("St."))
        .expect("a sentence with St.");
    assert!(st.text(text).ends_with("in St. Petersburg."));
    assert_eq!(found.last().unwrap().paragraph, 12);
    assert_eq!(paragraphs(text).count(), 13);
    assert_eq!(iter_sentences(text).collect::<Vec<_>>(), found);
}

// ---- abbreviations, initials, numbers ----

#[test]
fn titles_and_ranks_never_end_a_sentence() {
    whole("Mr. Wang met Mrs. Li, Ms. Kim, Dr. Sun, Gen. Ma, Sen. Cruz, Rep. Lee and Gov. Hochul.");
    whole("Scott's niece, state Del. Marcia Price (D-Newport News), shouted to the crowd.");
    whole("Lt. Col. Smith flew to St. Petersburg.");
    whole("It was Smith vs. Jones in Roe v. Wade.");
}

#[test]
fn months_and_number_abbreviations_before_a_number_do_not_end_a_sentence() {
    whole("They met on Jan. 5 and Feb. 12, then on Sept. 11 and Dec. 3.");
    whole("See No. 5 on p. 55.");
    assert_eq!(
        texts("He said No. The talks failed."),
        ["He said No.", "The talks failed."]
    );
}

#[test]
fn news_datelines_stay_in_the_first_sentence() {
    assert_eq!(
        texts("MOSCOW, Nov. 27 (Xinhua) -- Putin met Wang Yi. They talked."),
        [
            "MOSCOW, Nov. 27 (Xinhua) -- Putin met Wang Yi.",
            "They talked."
        ]
    );
    whole("BEIJING, Sept. 5 (Xinhua) -- Huawei Technologies Co. Ltd. said it grew.");
}

#[test]
fn company_abbreviations_end_a_sentence_before_a_capital_only() {
    whole("They closed the deal with Pitt, Briggs & Co. at noon.");
    assert_eq!(
        texts("They closed the deal with Pitt, Briggs & Co. It closed yesterday."),
        [
            "They closed the deal with Pitt, Briggs & Co.",
            "It closed yesterday."
        ]
    );
}

#[test]
fn etc_ends_a_sentence_only_before_a_capital() {
    whole("Oil, gas, etc. were discussed.");
    assert_eq!(
        texts("Oil, gas, etc. The talks went on."),
        ["Oil, gas, etc.", "The talks went on."]
    );
}

#[test]
fn initialisms_end_a_sentence_only_before_a_sentence_starter() {
    whole("The U.S. Government and the U.N. Security Council met the E.U. envoy.");
    whole("I have lived in the U.S. for 20 years.");
    whole("He visited the U.K. Foreign Office.");
    assert_eq!(
        texts("I live in the U.S. How about you?"),
        ["I live in the U.S.", "How about you?"]
    );
    assert_eq!(
        texts("Talks ended at 5 p.m. The envoy left."),
        ["Talks ended at 5 p.m.", "The envoy left."]
    );
    whole("Talks began at 9 a.m. Monday.");
}

#[test]
fn initials_do_not_end_a_sentence() {
    whole("The author J. K. Rowling spoke.");
    whole("President George W. Bush spoke.");
    whole("Did you see Albert I. Jones yesterday?");
    assert_eq!(
        texts("We make a good team, you and I. Did you see him?"),
        ["We make a good team, you and I.", "Did you see him?"]
    );
}

#[test]
fn decimals_urls_and_emails_do_not_end_a_sentence() {
    whole("Growth was 3.5 percent, or $100.00 a head.");
    assert_eq!(
        texts("Mail Jane.Doe@example.com. See https://example.com/a.html. Done."),
        [
            "Mail Jane.Doe@example.com.",
            "See https://example.com/a.html.",
            "Done."
        ]
    );
    assert_eq!(
        texts("It rose by 3.5. Then it fell."),
        ["It rose by 3.5.", "Then it fell."]
    );
}

#[test]
fn a_dash_or_a_mark_that_cannot_open_a_sentence_continues_it() {
    whole("Mix it, put it in the oven, and -- voila! -- you have cake.");
    whole("Some can be — if I may say so? — a bit questionable.");
    whole("As shown in Fig. ??");
    assert_eq!(
        texts("What do you see? - Posted like sentinels."),
        ["What do you see?", "- Posted like sentinels."]
    );
}

#[test]
fn an_abbreviation_before_a_bracket_does_not_end_a_sentence() {
    whole("The parties are Alpha Inc. (“Company A”) and Beta Inc. (“Company B”).");
}

#[test]
fn a_lowercase_word_continues_the_sentence() {
    whole("She works at Yahoo! in the accounting department.");
    whole("\"Stop!\" he said.");
    whole("“Are we going to do this?” Mr. Biden asked, clutching the lectern.");
    whole("\"Who do they think they are?\" Trump said of Apple in February.");
    whole("“Too forced?” She tweeted when the debate ended.");
    whole("“He represents our greatest shame.” ― Sonya Herridge");
    assert_eq!(
        texts("“Is it over?” Trump, the nominee, said. “Stop!” Then Biden left."),
        [
            "“Is it over?”",
            "Trump, the nominee, said.",
            "“Stop!”",
            "Then Biden left."
        ]
    );
    whole("He lives on 5th st. near the light.");
}

// ---- question and exclamation marks, ellipses ----

#[test]
fn question_and_exclamation_marks_end_sentences_even_when_doubled() {
    assert_eq!(
        texts("Why now? Because! Really?! Yes."),
        ["Why now?", "Because!", "Really?!", "Yes."]
    );
}

#[test]
fn ellipses_end_a_sentence_before_a_capital_only() {
    assert_eq!(
        texts("I never meant that.... She left."),
        ["I never meant that....", "She left."]
    );
    assert_eq!(texts("Wait… Then go."), ["Wait…", "Then go."]);
    whole("Wait… then go.");
    whole("I mean...see . . . what I'm saying, the thing is . . . I didn’t mean it.");
    whole("\"Bohr [...] used the analogy [...]\" (Smith 55).");
}

// ---- quotes and brackets ----

#[test]
fn closing_quotes_and_brackets_stay_with_the_sentence_they_close() {
    assert_eq!(
        texts("He said \"stop.\" Then he left."),
        ["He said \"stop.\"", "Then he left."]
    );
    assert_eq!(
        texts("He said “stop.” Then he left."),
        ["He said “stop.”", "Then he left."]
    );
    assert_eq!(
        texts("Prices rose (as expected.) Markets fell."),
        ["Prices rose (as expected.)", "Markets fell."]
    );
    whole("She turned to him, 'This is great.' she said.");
    assert_eq!(
        texts("He left. “We will return,” he said."),
        ["He left.", "“We will return,” he said."]
    );
}

// ---- lists ----

#[test]
fn lists_on_one_line_split_at_each_item() {
    assert_eq!(
        texts("1. The first item 2. The second item"),
        ["1. The first item", "2. The second item"]
    );
    assert_eq!(
        texts("1.) The first item. 2.) The second item."),
        ["1.) The first item.", "2.) The second item."]
    );
    assert_eq!(
        texts("• 9. The first item • 10. The second item"),
        ["• 9. The first item", "• 10. The second item"]
    );
    assert_eq!(
        texts("a. The first item b. The second item c. The third list item"),
        [
            "a. The first item",
            "b. The second item",
            "c. The third list item"
        ]
    );
}

// ---- robustness ----

#[test]
fn empty_and_blank_texts_have_no_sentences() {
    for text in ["", "\n", " \r\n\t\n", "\u{a0}\u{3000}"] {
        assert!(sentences(text).is_empty(), "{text:?}");
    }
}

#[test]
fn punctuation_only_and_unicode_edge_cases_do_not_panic() {
    for text in [
        ".",
        "...",
        ". . .",
        "?!",
        "…",
        "a.",
        " .x",
        "[...",
        "é. É. ß.",
        "日本。中国. 北京.",
    ] {
        let found = sentences(text);
        assert!(!found.is_empty(), "{text:?}");
    }
}

// ---- the Golden Rules ----

/// The Golden Rules cases the segmenter passes: a regression in any of them fails
/// `golden_rules_pinned_cases_pass`. Not here: `golden_en_ps_40` (an errant line break inside a
/// sentence, which this segmenter treats as a paragraph break by design) and `golden_en_ps_41`
/// (its expected sentence is not a substring of the text: it needs text clean-up, and spans
/// cannot express that).
const GOLDEN_PINNED: &[&str] = &[
    "golden_en_01",
    "golden_en_02",
    "golden_en_03",
    "golden_en_04",
    "golden_en_05",
    "golden_en_06",
    "golden_en_07",
    "golden_en_08",
    "golden_en_09",
    "golden_en_10",
    "golden_en_11",
    "golden_en_12",
    "golden_en_13",
    "golden_en_14",
    "golden_en_15",
    "golden_en_16",
    "golden_en_17",
    "golden_en_18",
    "golden_en_19",
    "golden_en_20",
    "golden_en_21",
    "golden_en_22",
    "golden_en_23",
    "golden_en_24",
    "golden_en_25",
    "golden_en_26",
    "golden_en_27",
    "golden_en_28",
    "golden_en_29",
    "golden_en_30",
    "golden_en_31",
    "golden_en_32",
    "golden_en_33",
    "golden_en_34",
    "golden_en_35",
    "golden_en_36",
    "golden_en_37",
    "golden_en_38",
    "golden_en_39",
    "golden_en_40",
    "golden_en_41",
    "golden_en_42",
    "golden_en_43",
    "golden_en_44",
    "golden_en_45",
    "golden_en_46",
    "golden_en_47",
    "golden_en_48",
    "golden_en_ps_26",
    "golden_en_ps_42",
];

/// The Golden Rules fixture: (id, text, expected sentences).
fn golden_cases() -> Vec<(String, String, Vec<String>)> {
    include_str!("../../tests/fixtures/golden_rules.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let expected = v["sentences"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap().to_string())
                .collect();
            (
                v["id"].as_str().unwrap().to_string(),
                v["text"].as_str().unwrap().to_string(),
                expected,
            )
        })
        .collect()
}

#[test]
fn golden_rules_pinned_cases_pass() {
    let cases = golden_cases();
    assert_eq!(cases.len(), 52);
    let mut failures = Vec::new();
    for (id, text, expected) in &cases {
        let got = texts(text);
        let pass = got == *expected;
        eprintln!("{} {id}", if pass { "PASS" } else { "FAIL" });
        if !pass && GOLDEN_PINNED.contains(&id.as_str()) {
            failures.push(format!("{id}: expected {expected:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    for id in GOLDEN_PINNED {
        assert!(cases.iter().any(|c| c.0 == *id), "unknown case {id}");
    }
}

// ---- properties ----

/// Strings mixing the characters the splitter reacts to with arbitrary Unicode.
fn tricky_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just(".".to_string()),
        Just(". ".to_string()),
        Just(" . . . ".to_string()),
        Just("…".to_string()),
        Just("?! ".to_string()),
        Just("\" ".to_string()),
        Just("” ".to_string()),
        Just(") ".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\u{a0}".to_string()),
        Just("• ".to_string()),
        Just("1. ".to_string()),
        Just("b) ".to_string()),
        Just("Mr. ".to_string()),
        Just("U.S. ".to_string()),
        Just("I. ".to_string()),
        Just("[...] ".to_string()),
        "[A-Za-z]{1,6} ",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

/// Checks the span invariants of `sentences(text)`.
fn check_invariants(text: &str) -> Result<(), TestCaseError> {
    let found = sentences(text);
    let mut covered = 0;
    let mut last_paragraph = 0;
    for s in &found {
        prop_assert!(s.start < s.end, "empty span {s:?}");
        prop_assert!(s.start >= covered, "overlap or disorder at {s:?}");
        prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        let t = s.text(text);
        prop_assert_eq!(t, t.trim(), "untrimmed {:?}", s);
        prop_assert!(!t.contains('\n'), "a sentence crosses a line break: {s:?}");
        prop_assert!(s.paragraph >= last_paragraph);
        // Everything between two sentences is whitespace.
        prop_assert!(
            text[covered..s.start].trim().is_empty(),
            "uncovered text before {s:?}"
        );
        covered = s.end;
        last_paragraph = s.paragraph;
    }
    prop_assert!(
        text[covered..].trim().is_empty(),
        "uncovered text at the end"
    );
    prop_assert_eq!(iter_sentences(text).collect::<Vec<_>>(), found);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn spans_are_trimmed_ordered_and_cover_every_non_space_char(text in tricky_text()) {
        check_invariants(&text)?;
    }

    #[test]
    fn any_unicode_string_is_segmented_without_panic(text in any::<String>()) {
        check_invariants(&text)?;
    }
}
