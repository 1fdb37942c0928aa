//! Transcript turns: a paragraph opening with a label such as "Vladimir Putin:",
//! "Xi Jinping (retranslated):", "Q:" or "Question:" gives the speaker of that paragraph and of the
//! following ones until the next label; [`turns`] decides whether a document is a transcript at
//! all.

use super::names::{
    Tok, TokKind, is_capitalized, is_name_connector, is_title, strip_titles, tokenize,
};
use super::{is_word_char_at, is_word_char_before};
use crate::segment::Sentence;

/// A label found at a paragraph start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Label {
    /// The speaker, titles stripped ("Vladimir Putin", "Question").
    pub speaker: String,
    /// Byte span of the label including the colon.
    pub start: usize,
    pub end: usize,
    /// Had a parenthetical such as "(retranslated)".
    pub parenthetical: bool,
    /// A title was stripped and a full name is left ("President of Russia Vladimir Putin").
    pub titled: bool,
    /// A section heading, not a turn: the paragraph names its speaker again in the third person
    /// ("Marco Rubio: Retirement accounts Two years ago, Senator Marco Rubio proposed ...").
    pub section: bool,
}

const NOT_LABELS: &[&str] = &[
    "Note",
    "Source",
    "Sources",
    "Photo",
    "Photos",
    "Update",
    "Related",
    "Editor",
    "Correction",
    "Read",
    "See",
    "Watch",
    "Video",
    "Listen",
    "Warning",
    "Subject",
    "Re",
    "Date",
    "Time",
    "Place",
    "Location",
    "Tags",
    "Topics",
    "Theme",
    "Reference",
    "Background",
    "Summary",
    "Conclusion",
    "Agenda",
    "Example",
    "Important",
    "Breaking",
    "Exclusive",
    "Analysis",
    "Opinion",
    "Comment",
    "Quote",
    "Translation",
    // form fields and page furniture ("Name: Gabrielle Hatcher Age: 27", "FULL TEXT: ...")
    "Name",
    "Age",
    "Full",
    "Abstract",
    "Text",
];

/// Steps of a list, labels only when alone ("Third: as I have reported to you, ...", "Next:
/// further ..."), not in "First Deputy Prime Minister Igor Shuvalov:".
const STEPS: &[&str] = &[
    "First", "Firstly", "Second", "Secondly", "Third", "Thirdly", "Fourth", "Fifth", "Next",
    "Finally", "Lastly",
];

/// A label at `text[start..]` (a paragraph start), reading at most up to `end`.
pub(crate) fn label_at(text: &str, start: usize, end: usize, toks: &mut Vec<Tok>) -> Option<Label> {
    // a label is short: look at the first 120 bytes only
    let mut lim = (start + 120).min(end);
    while !text.is_char_boundary(lim) {
        lim -= 1;
    }
    let colon = memchr::memchr(b':', &text.as_bytes()[start..lim])? + start;
    // "10:30", "http://"
    if text
        .as_bytes()
        .get(colon + 1)
        .is_some_and(|b| !b.is_ascii_whitespace())
    {
        return None;
    }
    tokenize(text, start, colon, toks);
    if toks.is_empty() || toks.len() > 16 {
        return None;
    }
    let mut words: Vec<&str> = Vec::with_capacity(8);
    let mut in_paren = false;
    let mut parenthetical = false;
    // "Alexei Kudrin, Chairman of the Accounts Chamber:": the name is what comes before the comma
    let mut before_comma = None;
    for (i, t) in toks.iter().enumerate() {
        let w = &text[t.start..t.end];
        match t.kind {
            // a transcript quoted paragraph by paragraph: `"WALLACE: Let's start ...`
            TokKind::Quote if i == 0 => {}
            TokKind::Other if w == "(" => {
                in_paren = true;
                parenthetical = true;
            }
            TokKind::Other if w == ")" => in_paren = false,
            _ if in_paren => {}
            TokKind::Word => {
                if !(is_capitalized(w)
                    || is_name_connector(w)
                    || matches!(w, "of" | "the" | "and" | "for" | "on" | "in" | "to" | "at"))
                {
                    return None;
                }
                words.push(w);
            }
            TokKind::Comma => {
                before_comma.get_or_insert(words.len());
            }
            TokKind::Possessive => {}
            _ => return None,
        }
    }
    // a name before the comma, and a title after it ("Alexei Kudrin, Chairman of the Accounts
    // Chamber:"); a comma inside a title ("Construction, Housing and Utilities Minister Mikhail
    // Men:") leaves the words as they are
    if let Some(k) = before_comma.filter(|&k| {
        (2..=4).contains(&k)
            && words[..k]
                .iter()
                .all(|w| is_capitalized(w) && !is_title(w) && !is_name_connector(w))
    }) {
        words.truncate(k);
    } else if before_comma.is_some() && toks.len() > 12 {
        return None;
    }
    // (a long title before the name is common: "Chairman of the BIE Executive Committee
    // Jai-chul Choi:")
    let max_words = if words.iter().any(|w| is_title(w)) {
        20
    } else {
        7
    };
    if words.is_empty()
        || words.len() > max_words
        || !is_capitalized(words[0])
        || NOT_LABELS.iter().any(|n| n.eq_ignore_ascii_case(words[0]))
        || (words.len() == 1 && STEPS.contains(&words[0]))
    {
        return None;
    }
    let (speaker, titled) = match strip_titles(&words) {
        // a real title ("President Vladimir Putin:"), not an article ("The Ninth Circle: ...")
        Some((a, b)) => (
            words[a..b].join(" "),
            b - a >= 2 && words[..a].iter().any(|w| is_title(w)),
        ),
        None => (words.join(" "), false),
    };
    // a headline over a section ("Little Relief for Refugees: The refugee crisis ...", "Veto
    // Power Impedes Peace Efforts: ...", "STAT OF THE WEEK: ...", "The Gap Goes On: ..."): an
    // untitled label of five capitalised words or more, or with a preposition or an article
    // after its first word; any label with an auxiliary ("On Trade, Angry Voters Have Point:") (not "King Abdullah II of Jordan", "Hamad Bin Isa Al Khalifa")
    let n = speaker.split(' ').count();
    let untitled = !words.iter().any(|w| is_title(w));
    // (and a title without a name: "Winner of the Presidential Prize in Science and Innovation
    // for Young Scientists:")
    if speaker.split(' ').any(|w| {
        matches!(
            w,
            "in" | "on" | "to" | "at" | "for" | "Is" | "Are" | "Was" | "Were" | "Has" | "Have"
                // (in title case after a title: "CNN President On Trump: ‘...’" is no turn of
                // "On Trump")
                | "On" | "In" | "At" | "For"
        )
    }) || (untitled
        && n >= 5
        && speaker
            .split(' ')
            .all(|w| is_capitalized(w) && !is_name_connector(&w.to_lowercase())))
        || (untitled
            && words[1..].iter().any(|w| {
                matches!(
                    *w,
                    "for"
                        | "the"
                        | "on"
                        | "in"
                        | "to"
                        | "at"
                        | "The"
                        | "THE"
                        | "On"
                        | "In"
                        | "To"
                        | "At"
                        | "For"
                        | "Of"
                        | "Is"
                        | "Are"
                        | "A"
                )
            }))
    {
        return None;
    }
    // "PRESIDENT OF RUSSIA DMITRY MEDVEDEV:": the name as the text writes it elsewhere
    let speaker = if speaker.len() > 3 && !speaker.bytes().any(|c| c.is_ascii_lowercase()) {
        title_case(&speaker)
    } else {
        speaker
    };
    Some(Label {
        speaker,
        start,
        end: colon + 1,
        parenthetical,
        titled,
        section: false,
    })
}

/// "DMITRY MEDVEDEV" → "Dmitry Medvedev", "JAI-CHUL CHOI" → "Jai-Chul Choi"; a word without a
/// vowel is an acronym and stays as it is ("CCTV", "AFP", "CGTN").
fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while !rest.is_empty() {
        // a separator, then the word after it
        let w = rest.find(char::is_alphanumeric).unwrap_or(rest.len());
        out.push_str(&rest[..w]);
        rest = &rest[w..];
        let e = rest
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(rest.len());
        let word = &rest[..e];
        if !word.is_ascii()
            || word
                .bytes()
                .any(|b| matches!(b, b'A' | b'E' | b'I' | b'O' | b'U' | b'Y'))
        {
            let mut chars = word.chars();
            out.extend(chars.next());
            for c in chars {
                out.extend(c.to_lowercase());
            }
        } else {
            out.push_str(word);
        }
        rest = &rest[e..];
    }
    out
}

/// The transcript turns of a document: per label, the sentence it opens. Empty unless the
/// document is a transcript: two speakers taking turns under labels, one of them a full name
/// (or names in capitals three times or more), a "(retranslated)" or titled label, or a speech
/// under one full name that opens with a salutation, or the questions and answers ("Q:", "A:")
/// of a briefing: a document that names a `spokesperson`. A one-line headline label ("Morning Email:
/// ...") is no turn; a section heading that names its subject again is kept as a section. The
/// titled labels ("President of Russia Vladimir Putin:") go to `titled_labels` either way, for
/// title references.
pub(super) fn turns(
    text: &str,
    sentences: &[Sentence],
    paras: &[(usize, usize)],
    para_first: &[usize],
    toks: &mut Vec<Tok>,
    titled_labels: &mut Vec<(usize, usize, String)>,
    spokesperson: bool,
) -> Vec<(usize, Label)> {
    let mut labels: Vec<(usize, Label)> = Vec::new();
    let mut heading_label = false;
    for (pi, &fi) in para_first.iter().enumerate() {
        let s = &sentences[fi];
        let pend = paras[pi].1.max(s.end);
        if let Some(l) = label_at(text, s.start, pend.min(text.len()), toks) {
            // a section heading of an explainer ("Marco Rubio: Retirement accounts Two years
            // ago, Senator Marco Rubio proposed ...") names its subject again in the third
            // person; a speaker taking a turn does not name himself
            if fi > 0 && names_again(text, l.end, pend.min(text.len()), &l.speaker) {
                labels.push((fi, Label { section: true, ..l }));
                continue;
            }
            // a headline "Morning Email: ..." is no turn
            let alone = para_first.get(1).is_none_or(|&f| f == 1);
            heading_label |= fi == 0
                && (s.title || alone)
                && !(l.titled || l.parenthetical)
                && !opens_speech(text.get(l.end..s.end).unwrap_or(""));
            labels.push((fi, l));
        }
    }
    // ... unless its speaker takes turns later: a transcript that opens with a one-line turn
    // ("Megyn Kelly: Good evening.")
    if heading_label
        && !labels[1..]
            .iter()
            .any(|(_, l)| l.speaker == labels[0].1.speaker)
    {
        labels.remove(0);
    }
    titled_labels.extend(
        labels
            .iter()
            .filter(|(_, l)| l.titled && !l.section)
            .map(|(_, l)| (l.start, l.end, l.speaker.clone())),
    );
    // two speakers taking turns, or a "(retranslated)" label: a transcript; one repeated
    // label ("A:" list items) or a single "Name:" heading is not
    let distinct = {
        let mut v: Vec<&str> = labels
            .iter()
            .filter(|(_, l)| !l.section)
            .map(|(_, l)| l.speaker.as_str())
            .collect();
        v.sort_unstable();
        v.dedup();
        v.len()
    };
    // and at least one label is a full name ("Vladimir Putin:"), not only "Q:"/"A:" or a
    // one-word heading such as "Insiders:"
    // (or names in capitals, the broadcast transcript's "WALLACE:", "PENCE:", three times or
    // more)
    let capitals = labels
        .iter()
        .filter(|(_, l)| {
            let w = text[l.start..l.end].trim_start_matches(['"', '“', '\'']);
            !l.section && w.len() > 4 && !w.bytes().any(|c| c.is_ascii_lowercase())
        })
        .count();
    let full_name = capitals >= 3
        || labels
            .iter()
            .any(|(_, l)| !l.section && l.speaker.contains(' '));
    // a speech under one full name that opens with a salutation ("Vladimir Putin: Comrades,
    // veterans,", "Vladimir Putin: Good afternoon, friends.")
    let speech = match labels.as_slice() {
        [(fi, l)] => {
            !l.section
                && l.speaker.contains(' ')
                && opens_speech(text.get(l.end..sentences[*fi].end).unwrap_or(""))
        }
        _ => false,
    };
    // a press briefing's questions ("Q:", "Reuters:") and answers, when the document names its
    // spokesperson (the "A:")
    let briefing = spokesperson
        && labels.iter().any(|(_, l)| l.speaker == "A")
        && labels.iter().any(|(_, l)| l.speaker != "A");
    let transcript_mode = (labels.len() >= 2 && distinct >= 2 && full_name)
        || speech
        || briefing
        || labels
            .iter()
            .any(|(_, l)| !l.section && (l.parenthetical || l.titled));
    if !transcript_mode {
        labels.clear();
    }
    labels
}

/// Does `text[from..to]` name `speaker` again (its last word, as a whole word)?
fn names_again(text: &str, from: usize, to: usize, speaker: &str) -> bool {
    let Some(last) = speaker.rsplit(' ').next().filter(|w| w.len() >= 3) else {
        return false;
    };
    let hay = &text[from..to];
    let mut at = 0;
    while let Some(k) = hay[at..].find(last) {
        let a = from + at + k;
        let b = a + last.len();
        if !is_word_char_before(text, a) && (b >= text.len() || !is_word_char_at(text, b)) {
            // a self-introduction is the speaker talking: "Irina Ilyicheva: Mr President, I am
            // Irina Ilyicheva, ...", "Viktor Malenkov: Viktor Malenkov, from Sakhalin, ..."
            let before = &text[from..a];
            let first = before.split_whitespace().next().is_none_or(|w| {
                speaker.split(' ').next() == Some(w.trim_matches(|c: char| !c.is_alphanumeric()))
            });
            // ("..., Mr President. This is Valery Lebedev.")
            let said_i = before
                .split(|c: char| !(c.is_alphanumeric()))
                .any(|w| matches!(w, "I" | "My" | "my"))
                || before.contains("This is")
                || before.contains("this is");
            // "..., good afternoon. Alexander Brechalov, president of OPORA Russia.", "Terry Moran
            // with ABC News."
            let appositive = [",", " with ", " from "]
                .iter()
                .any(|p| text[b..].starts_with(p));
            return !(first || said_i || appositive);
        }
        at += k + last.len();
    }
    false
}

/// True when `s` (what follows a label) opens a speech: a salutation ("Good afternoon, friends.",
/// "Dear guests,", "Comrades, veterans,"), or a first line that ends with a comma.
fn opens_speech(s: &str) -> bool {
    let s = s.trim();
    s.ends_with(',')
        || [
            "Good afternoon",
            "Good morning",
            "Good evening",
            "Dear ",
            "Friends",
            "Colleagues",
            "Comrades",
            "Ladies and gentlemen",
        ]
        .iter()
        .any(|g| s.starts_with(g))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(s: &str) -> Option<String> {
        label_at(s, 0, s.len(), &mut Vec::new()).map(|l| l.speaker)
    }

    #[test]
    fn labels() {
        assert_eq!(
            label("Vladimir Putin: Good afternoon.").as_deref(),
            Some("Vladimir Putin")
        );
        assert_eq!(
            label("President of Russia Vladimir Putin: Thank you.").as_deref(),
            Some("Vladimir Putin")
        );
        assert_eq!(
            label("Xi Jinping (retranslated): Dear friend.").as_deref(),
            Some("Xi Jinping")
        );
        assert_eq!(label("Q: Why?").as_deref(), Some("Q"));
        assert_eq!(label("Question: Why?").as_deref(), Some("Question"));
        assert_eq!(
            label("Alexei Kudrin, Chairman of the Accounts Chamber: Thank you.").as_deref(),
            Some("Alexei Kudrin")
        );
        assert_eq!(
            label("Third: we have begun to transition.").as_deref(),
            None
        );
        assert_eq!(
            label("First Deputy Prime Minister Igor Shuvalov: Yes.").as_deref(),
            Some("Igor Shuvalov")
        );
        assert_eq!(
            label("Construction, Housing and Utilities Minister Mikhail Men: Thank you.")
                .as_deref(),
            Some("Mikhail Men")
        );
        assert_eq!(
            label("Chairman of the BIE Executive Committee Jai-chul Choi: Thank you.").as_deref(),
            Some("Jai-chul Choi")
        );
        assert_eq!(
            label("PRESIDENT OF RUSSIA DMITRY MEDVEDEV: Good afternoon.").as_deref(),
            Some("Dmitry Medvedev")
        );
        // an acronym in capitals stays one; a name in capitals is written as a name
        assert_eq!(
            label("CCTV: Can you talk a bit more about it?").as_deref(),
            Some("CCTV")
        );
        assert_eq!(
            label("WALLACE: Can you talk a bit more about it?").as_deref(),
            Some("Wallace")
        );
        assert_eq!(label("He said the following: we agree.").as_deref(), None);
        assert_eq!(label("Note: all times local.").as_deref(), None);
        assert_eq!(label("At 10:30 the talks began.").as_deref(), None);
    }
}
