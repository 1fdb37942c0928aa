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
