//! Unit tests of the attributor: the sample article and the fixture cases.

use super::*;
use crate::segment;

fn speakers(a: &Attributor, text: &str) -> Vec<Option<String>> {
    let s = segment::sentences(text);
    a.attribute(text, &s)
        .into_iter()
        .map(|x| x.speaker)
        .collect()
}

#[test]
fn said_inside_a_quotation_is_not_a_cue() {
    let a = Attributor::new(None);
    let t = "Lavrov replied. “Nobody said it would be easy,” Lavrov said.";
    let s = speakers(&a, t);
    assert_eq!(s.last().unwrap().as_deref(), Some("Lavrov"));
}

/// The sample's 20 sentences, by their first words, with the speaker each reports.
const SAMPLE_GOLD: &[(&str, Option<&str>)] = &[
    ("Russia to safeguard", Some("Vladimir Putin")),
    (
        "Russian President Vladimir Putin on",
        Some("Vladimir Putin"),
    ),
    ("Putin made the remarks", None),
    ("Putin said that Chinese", Some("Vladimir Putin")),
    ("Since then, important", Some("Vladimir Putin")),
    ("He said Russia has", Some("Vladimir Putin")),
    ("Putin stressed", Some("Vladimir Putin")),
    ("Putin stated", Some("Vladimir Putin")),
    ("Through the collective", Some("Vladimir Putin")),
    ("Russia is willing to maintain", Some("Vladimir Putin")),
    ("Wang, for his part", Some("Wang Yi")),
    ("This has provided", Some("Wang Yi")),
    ("Wang noted", Some("Wang Yi")),
    ("Wang said China", Some("Wang Yi")),
    ("He said that faced", Some("Wang Yi")),
    ("As permanent members", Some("Wang Yi")),
    ("Both sides need", Some("Wang Yi")),
    ("The two sides also", None),
    ("On the Ukraine issue", Some("Vladimir Putin")),
    ("During his visit", None),
];

#[test]
fn sample_article_all_twenty_sentences() {
    let text = include_str!("../../samples/putin-wang-yi-xinhua.txt");
    let sentences = segment::sentences(text);
    let a = Attributor::new(None);
    let atts = a.attribute(text, &sentences);
    let mut wrong = Vec::new();
    for (start, want) in SAMPLE_GOLD {
        let at = text
            .find(start)
            .unwrap_or_else(|| panic!("{start} not in sample"));
        let i = sentences
            .iter()
            .position(|s| s.start <= at && at < s.end)
            .unwrap();
        let got = atts[i].speaker.as_deref();
        if got != *want {
            wrong.push(format!(
                "{start:?}: want {want:?}, got {got:?} ({:?}: {})",
                atts[i].kind, atts[i].rule
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // the kinds a reader checks with --explain
    let kind = |start: &str| {
        let at = text.find(start).unwrap();
        atts[sentences
            .iter()
            .position(|s| s.start <= at && at < s.end)
            .unwrap()]
        .kind
    };
    assert_eq!(kind("Russia to safeguard"), AttributionKind::Headline);
    assert_eq!(kind("He said Russia has"), AttributionKind::Pronoun);
    assert_eq!(kind("Since then, important"), AttributionKind::Carried);
    assert_eq!(kind("Putin stressed"), AttributionKind::Explicit);
    let he = &atts[sentences
        .iter()
        .position(|s| {
            s.start <= text.find("He said that faced").unwrap()
                && text.find("He said that faced").unwrap() < s.end
        })
        .unwrap()];
    assert!(he.rule.contains("pronoun `He` → Wang Yi"), "{}", he.rule);
}

#[derive(serde::Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(serde::Deserialize)]
struct Case {
    name: String,
    text: String,
    speakers: Vec<String>,
    #[serde(default)]
    kinds: Vec<String>,
    /// The frame (source and cue) of each sentence as text, "" for none.
    #[serde(default)]
    frames: Vec<String>,
    #[serde(default)]
    actors: Option<String>,
}

#[test]
fn fixture_cases() {
    let src = include_str!("../../tests/fixtures/attribution/cases.toml");
    let cases: Cases = toml::from_str(src).unwrap();
    assert!(cases.case.len() >= 40, "{} cases", cases.case.len());
    let mut failures = Vec::new();
    for c in &cases.case {
        let actors = c
            .actors
            .as_deref()
            .map(|a| Actors::parse(a, &c.name).unwrap());
        let a = Attributor::new(actors);
        let sentences = segment::sentences(&c.text);
        let atts = a.attribute(&c.text, &sentences);
        let got: Vec<String> = atts
            .iter()
            .map(|x| x.speaker.clone().unwrap_or_default())
            .collect();
        let kinds: Vec<&str> = atts.iter().map(|x| x.kind.as_str()).collect();
        let frames: Vec<&str> = atts
            .iter()
            .map(|x| x.frame.map_or("", |(a, b)| &c.text[a..b]))
            .collect();
        let explain: Vec<String> = atts.iter().map(|x| x.rule.clone()).collect();
        if got != c.speakers
            || (!c.kinds.is_empty() && kinds != c.kinds)
            || (!c.frames.is_empty() && frames != c.frames)
        {
            failures.push(format!(
                "{}: want {:?} {:?} {:?}\n   got {:?} {:?} {:?}\n   rules {:?}",
                c.name, c.speakers, c.kinds, c.frames, got, kinds, frames, explain
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.case.len(),
        failures.join("\n")
    );
}

#[test]
fn sample_with_its_actors_file() {
    let text = include_str!("../../samples/putin-wang-yi-xinhua.txt");
    let actors = Actors::parse(
        include_str!("../../samples/actors.toml"),
        "samples/actors.toml",
    )
    .unwrap();
    assert_eq!(actors.group_of("Wang Yi"), Some("China"));
    let a = Attributor::new(Some(actors));
    let sentences = segment::sentences(text);
    let atts = a.attribute(text, &sentences);
    let mut speakers: Vec<&str> = atts.iter().filter_map(|x| x.speaker.as_deref()).collect();
    speakers.sort_unstable();
    speakers.dedup();
    assert_eq!(speakers, ["Vladimir Putin", "Wang Yi"]);
}

#[test]
fn actors_file_errors_name_line_and_column() {
    let e = Actors::parse("[[actor]]\nname = \"A\"\ngender = \"x\"\n", "a.toml").unwrap_err();
    assert!(e.starts_with("a.toml:3:"), "{e}");
    let e = Actors::parse("[[actor]]\nnom = \"A\"\n", "a.toml").unwrap_err();
    assert!(e.starts_with("a.toml:"), "{e}");
}

#[test]
fn user_cues_extend_the_bundled_ones() {
    let text = "Putin opined that the talks were useful.";
    let s = segment::sentences(text);
    assert_eq!(Attributor::new(None).attribute(text, &s)[0].speaker, None);
    let extra = CueFile::parse("verbs = [\"opined\"]", "mine.toml").unwrap();
    let a = Attributor::with_cues(None, extra).unwrap();
    assert_eq!(a.attribute(text, &s)[0].speaker.as_deref(), Some("Putin"));
}

#[test]
fn unbalanced_and_odd_input_never_panics() {
    let a = Attributor::new(None);
    for t in [
        "“",
        "\"",
        "” said",
        "said",
        ": :",
        "Q:",
        "He said “",
        "“\n“\n“ said Putin",
        "Mr. said: “x",
        "é said Ω.",
        ", said",
        "according to",
    ] {
        let s = segment::sentences(t);
        assert_eq!(a.attribute(t, &s).len(), s.len());
    }
}

#[test]
fn a_sentence_mostly_made_of_its_source_does_not_report_most_of_it() {
    let a = Attributor::new(None);
    for (t, want) in [
        (
            "“No,” said Jane Doe, a lawyer from Ohio who has followed the case for years.",
            false,
        ),
        (
            "“We will not give up on this, whatever happens next,” said Jane Doe.",
            true,
        ),
        (
            "In Ohio, Jane Doe said the case was over and the court had erred.",
            true,
        ),
        (
            "In an interview on Tuesday, Jane Doe said it was over.",
            false,
        ),
        ("The case, Jane Doe said, is over.", true),
        ("Narration without a cue.", true),
        // characters, not bytes: the curly marks would tip it at 54 of 106 bytes; 48 of 100
        // characters are content
        (
            "“There’s no one tougher than Debbie Wasserman Schultz,” said Allison Tant, the Florida Democratic Party chairwoman.",
            false,
        ),
    ] {
        let s = segment::sentences(t);
        let att = &a.attribute(t, &s)[0];
        assert_eq!(att.reports_most_of(t, &s[0]), want, "{t}: {att:?}");
    }
}

#[test]
fn nonspace_counts_the_bytes_that_are_not_ascii_whitespace() {
    // more than 255 whitespace bytes: the byte-wide sums must not wrap
    for t in [
        String::new(),
        " \t\n\x0c\r".to_string(),
        " ".repeat(600),
        "a b\u{a0}c “d” \t\r\n".repeat(40),
    ] {
        let want = t.bytes().filter(|b| !b" \t\n\x0c\r".contains(b)).count();
        assert_eq!(nonspace(&t), want, "{t:?}");
    }
}

#[test]
fn last_quote_mark_agrees_with_rfind() {
    for t in [
        "",
        "no mark here",
        "“We will win,” — Bernie Sanders.",
        "it's “done” – Kim",
        "‘single’ and \"double\" — a dash — an ellipsis…",
        "—–―…‘“",
        "O’Brien’s “a” '",
    ] {
        assert_eq!(last_quote_mark(t), t.rfind(['”', '"', '’', '\'']), "{t:?}");
    }
}

#[test]
fn word_char_checks_by_byte_agree_with_chars() {
    let t = "a-b_c, Ólafur «X» 9 ПУТИН’s\u{a0}end.";
    for i in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
        let before = t[..i].chars().next_back().is_some_and(is_word_char);
        let at = t[i..].chars().next().is_some_and(is_word_char);
        assert_eq!(is_word_char_before(t, i), before, "before {i}");
        assert_eq!(is_word_char_at(t, i), at, "at {i}");
    }
}

#[test]
fn tokens_by_bisection_agree_with_a_scan() {
    let t = "“Mr. Putin's plan,” said O'Brien — the U.S. envoy's aide: ''No'' (again).";
    let mut toks = Vec::new();
    names::tokenize(t, 0, t.len(), &mut toks);
    for at in 0..=t.len() {
        let start = toks.iter().position(|x| x.start == at);
        let end = toks.iter().position(|x| x.end == at);
        assert_eq!(tok_starting_at(&toks, at), start, "start {at}");
        assert_eq!(tok_ending_at(&toks, at), end, "end {at}");
    }
}

#[test]
fn a_modified_title_is_found_where_a_scan_finds_it() {
    let a = Attributor::new(None);
    let text = "Russian President Vladimir Putin met US President Joe Biden. \
                The Russian President Boris Yeltsin. President Xi Jinping and Russian President \
                Dmitry Medvedev spoke. General General General Mark Milley. A Russian-President \
                Ivan Petrov. The president Donald Trump met vice president Mike Pence and \
                general James Mattis.";
    let sentences = segment::sentences(text);
    for needle in [
        "Russian President ",
        "US President ",
        "General General ",
        "Vice President ",
    ] {
        let m = needle.find(' ').unwrap() + 1;
        let mut doc = empty_doc(text, &sentences);
        let scanned = a.titled_names(&mut doc, needle);
        if needle == "Russian President " {
            assert_eq!(scanned.len(), 3, "{scanned:?}");
        }
        assert_eq!(
            a.modified_titled_names(&mut doc, needle, m),
            scanned,
            "{needle}"
        );
        // a title and its lower-case form from one scan
        let (title, lower) = (&needle[m..], needle[m..].to_ascii_lowercase());
        let (upper_scanned, lower_scanned) = (
            a.titled_names(&mut doc, title),
            a.titled_names(&mut doc, &lower),
        );
        if title == "President " {
            assert_eq!(lower_scanned.len(), 2, "{lower_scanned:?}");
        }
        doc.titled.clear();
        assert_eq!(a.cased_titled_names(&mut doc, title, &lower), upper_scanned);
        assert_eq!(doc.titled.get(&lower), Some(&lower_scanned), "{lower}");
    }
}

#[test]
fn speakers_left_behind_keep_the_order_of_recency() {
    // what `recent` was before entries were left behind: a speaker who speaks again is moved
    let mut reference: Vec<(String, char, usize)> = Vec::new();
    let sentences = segment::sentences("A.");
    let mut doc = empty_doc("A.", &sentences);
    let names = [
        "Putin", "Lavrov", "Wang", "Putin", "Putin", "Biden", "Lavrov", "Wang", "Xi",
    ];
    for i in 0..200 {
        let sp = names[(i * 7 + i / 3) % names.len()];
        let g = if i % 5 == 0 { 'm' } else { 'u' };
        if let Some(k) = reference.iter().rposition(|r| r.0 == sp) {
            reference.remove(k);
        }
        reference.push((sp.to_string(), g, i));
        doc.spoke(sp, g, i);
        let live: Vec<_> = doc.recent.iter().filter(|r| r.2 != LEFT).cloned().collect();
        assert_eq!(live, reference, "after sentence {i}");
    }
}

#[test]
fn subordinate_by_ascii_case_agrees_with_lower_case() {
    let reference = |w: &str| {
        matches!(
            w.to_lowercase().as_str(),
            "since" | "before" | "until" | "once" | "while"
        )
    };
    for w in [
        "since", "Since", "SINCE", "while", "WhIle", "once", "Once", "until", "before", "sinc",
        "sinces", "", "İnce", "Ｓince", "sınce", "ſince", "\u{212a}", "after",
    ] {
        assert_eq!(subordinate(w), reference(w), "{w}");
    }
}

/// The "May said" rule: a capitalised stop word before a cue is the speaker when the document
/// names the person in full, and nobody when it is only a capitalised stop word.
#[test]
fn stop_word_surname_before_a_cue() {
    let a = Attributor::new(None);
    let t = "Theresa May met the cabinet on Monday. May said the talks would go on.";
    assert_eq!(speakers(&a, t)[1].as_deref(), Some("Theresa May"));
    // no fuller form: "The" and "As" speak for nobody (and "As" is too short to ask)
    assert_eq!(speakers(&a, "The said nothing of it."), [None]);
    assert_eq!(
        speakers(&a, "As said before, the vote is next week."),
        [None]
    );
    // "The Kremlin" begins with the word: no surname of anyone
    let t = "The Kremlin met on Monday. The said nothing of it.";
    assert_eq!(speakers(&a, t)[1], None);
}

/// `takes_listener` by ASCII case agrees with the lower-cased copy it replaced.
#[test]
fn takes_listener_by_ascii_case_agrees_with_lower_case() {
    let stems = [
        "tell", "told", "urg", "accus", "critici", "condemn", "welcom", "remind", "thank", "prais",
    ];
    for cue in [
        "told",
        "Told",
        "TOLD",
        "tol",
        "urged",
        "Urging",
        "accused",
        "criticized",
        "Condemned",
        "welcomed",
        "reminds",
        "thanked",
        "praised",
        "said",
        "",
        "t",
        "Tëll",
        "ŧold",
        "Kelvin",
        "ſtold",
        "TELLS",
    ] {
        let lower = cue.to_ascii_lowercase();
        let want = stems.iter().any(|p| lower.starts_with(p));
        assert_eq!(takes_listener(cue), want, "{cue}");
    }
}

/// A document with nothing found in it yet, for tests that call the attributor's parts.
fn empty_doc<'a>(text: &'a str, sentences: &'a [segment::Sentence]) -> Doc<'a> {
    Doc {
        text,
        sentences,
        recent: Vec::new(),
        recent_left: 0,
        named_at: None,
        canon: FastMap::default(),
        toks: Vec::new(),
        names: None,
        titled: FastMap::default(),
        titled_labels: Vec::new(),
        quoted: Vec::new(),
        lower_case: FastMap::default(),
        surnames: FastMap::default(),
        found: Vec::new(),
    }
}
