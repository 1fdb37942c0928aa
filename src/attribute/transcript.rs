//! Transcript turns: a paragraph opening with a label such as "Vladimir Putin:",
//! "Xi Jinping (retranslated):", "Q:" or "Question:" gives the speaker of that paragraph and of the
//! following ones until the next label.

use super::names::{
    Tok, TokKind, is_capitalized, is_name_connector, is_title, strip_titles, tokenize,
};

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
