//! The sentence splitter for one paragraph: a scan over the bytes for `.`, `?`, `!` and `…`
//! (memchr finds them, so the text between them costs almost nothing), and at each one a small
//! decision that reads only the word before and the word after.
//!
//! The decision, in order:
//! 1. a run of terminators is one candidate ("?!", "....", "…", and the spaced ". . ." ellipsis);
//! 2. closing quotes and brackets after the run belong to the sentence (`He said "stop." Then`);
//! 3. whitespace must follow, or the mark is inside a token ("3.5", "U.S.A.", "Jane.Doe@x.com");
//! 4. a lowercase word after it means the sentence goes on ("Yahoo! in", "etc. and", `"Stop!" he`),
//!    and so does a speech tag after a quoted question or exclamation (`"Why?" Mr. Biden asked.`);
//! 5. `?`, `!` and ellipses end the sentence; a single period ends it unless the word before it is
//!    an abbreviation, an initial, an initialism not followed by a sentence starter, or a list label.

use memchr::{memchr, memchr3};

use super::{Sentence, abbrev, list};

/// The horizontal ellipsis, a terminator of its own.
const ELLIPSIS: &[u8] = "…".as_bytes();

/// Characters that close a quotation or a bracket: they stay with the sentence they close.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '}' | '»' | '›')
}

/// Characters that open a quotation or a bracket, and list bullets: skipped to find the first word.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '('
            | '['
            | '{'
            | '«'
            | '‹'
            | '¿'
            | '¡'
            | '•'
            | '⁃'
            | '◦'
            | '▪'
    )
}

/// True when `s` opens with a mark that never opens a sentence, so a terminator before it ends
/// none: a dash around an aside ("--", "–", "—", "―"; a single "-" may open a list item) or
/// `,;:?!`. (`"…shame.” ― Sonya Herridge`: the dash that names a quotation's source.)
fn continues_sentence(s: &str) -> bool {
    s.starts_with("--") || s.starts_with(['–', '—', '―', ',', ';', ':', '?', '!'])
}

/// Marks that, at the very end of a line, show that the line is not a title.
fn is_final_punctuation(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | ':' | ';' | ',')
}

/// What the splitter decided at a candidate terminator.
enum Step {
    /// The sentence ends at this offset (after its closing quotes and brackets).
    Split(usize),
    /// No boundary: the search goes on from this offset.
    Skip(usize),
}

/// The first word after a candidate boundary.
#[derive(Clone, Copy)]
struct Next {
    /// Byte offset after the whitespace, where opening marks may come first.
    after_space: usize,
    /// Byte offset of the word, after whitespace and opening quotes or brackets.
    pos: usize,
    /// Its first character; `None` when only opening marks follow.
    ch: Option<char>,
}

/// Appends the sentences of the paragraph `text[start..end]` (already trimmed, without line
/// breaks) to `out`, numbered `paragraph`.
pub(super) fn split_paragraph(
    text: &str,
    start: usize,
    end: usize,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let bytes = text.as_bytes();
    let first = out.len();
    // List items end without punctuation: their starts are boundaries found beforehand.
    let mut items = list::item_starts(text, start, end).into_iter().peekable();
    let mut sent = start;
    let mut pos = start;
    // The next "…", searched for again only once the scan has passed it: most text has none.
    let mut ellipsis = find_ellipsis(bytes, start, end);
    let marks = Marks::new();
    loop {
        if ellipsis.is_some_and(|e| e < pos) {
            ellipsis = find_ellipsis(bytes, pos, end);
        }
        let mark = marks.find(&bytes[pos..end]).map(|i| pos + i);
        let candidate = match (mark, ellipsis) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let limit = candidate.unwrap_or(end);
        while let Some(&item) = items.peek()
            && item <= limit
        {
            items.next();
            if item > sent {
                push(out, text, sent, item, paragraph);
                sent = item;
            }
        }
        let Some(at) = candidate else { break };
        match decide(text, start, end, sent, at) {
            Step::Split(e) => {
                push(out, text, sent, e, paragraph);
                sent = match bytes[e..end] {
                    // (usually a space and a visible ASCII char)
                    [b' ', x, ..] if x.is_ascii_graphic() => e + 1,
                    _ => e + (text[e..end].len() - text[e..end].trim_start().len()),
                };
                pos = e;
            }
            Step::Skip(p) => pos = p,
        }
    }
    push(out, text, sent, end, paragraph);
    // A line that is one sentence without final punctuation is a title or a heading.
    if out.len() == first + 1 {
        let s = &mut out[first];
        let body = text[s.start..s.end].trim_end_matches(is_closer);
        s.title = !body.ends_with(is_final_punctuation);
    }
}

/// The search for the next `.`, `?` or `!`: `memchr3`, or AVX2's searcher straight when there
/// is AVX2, made once per paragraph (`memchr3` picks it through a function pointer at every
/// call, once per mark).
struct Marks {
    #[cfg(target_arch = "x86_64")]
    avx2: Option<memchr::arch::x86_64::avx2::memchr::Three>,
}

impl Marks {
    fn new() -> Self {
        Marks {
            #[cfg(target_arch = "x86_64")]
            avx2: memchr::arch::x86_64::avx2::memchr::Three::new(b'.', b'?', b'!'),
        }
    }

    /// The offset of the first mark in `hay`.
    fn find(&self, hay: &[u8]) -> Option<usize> {
        #[cfg(target_arch = "x86_64")]
        if let Some(three) = &self.avx2 {
            return three.find(hay);
        }
        memchr3(b'.', b'?', b'!', hay)
    }
}

/// The offset of the first "…" in `bytes[from..end]`. It looks for the last byte of its UTF-8
/// form (rarer than the first, which also starts curly quotes and dashes) with `memchr`, then checks
/// the two before: cheaper than building a substring searcher for every paragraph.
fn find_ellipsis(bytes: &[u8], from: usize, end: usize) -> Option<usize> {
    let mut p = from;
    while let Some(i) = memchr(ELLIPSIS[2], &bytes[p..end]) {
        let last = p + i;
        if last >= from + 2 && bytes[last - 2..last] == ELLIPSIS[..2] {
            return Some(last - 2);
        }
        p = last + 1;
    }
    None
}

/// Pushes `text[start..end]` trimmed, unless nothing is left.
fn push(out: &mut Vec<Sentence>, text: &str, start: usize, end: usize, paragraph: usize) {
    let b = text.as_bytes();
    // most spans need no trimming: a visible ASCII char at both ends
    if start < end && b[start].is_ascii_graphic() && b[end - 1].is_ascii_graphic() {
        out.push(Sentence {
            start,
            end,
            paragraph,
            title: false,
        });
        return;
    }
    let span = &text[start..end];
    let trimmed_start = span.trim_start();
    let s = start + (span.len() - trimmed_start.len());
    let e = s + trimmed_start.trim_end().len();
    if s < e {
        out.push(Sentence {
            start: s,
            end: e,
            paragraph,
            title: false,
        });
    }
}

/// Decides whether the terminator at `at` ends the sentence that starts at `sent`, in the
/// paragraph `text[para..end]`. The offset returned is always past `at`, so the scan advances.
fn decide(text: &str, para: usize, end: usize, sent: usize, at: usize) -> Step {
    let b = text.as_bytes();
    // 1. The run of terminators.
    let mut j = at;
    let mut dots = 0;
    let mut strong = false;
    while j < end {
        match b[j] {
            b'.' => dots += 1,
            b'?' | b'!' => strong = true,
            _ if b[j..end].starts_with(ELLIPSIS) => {
                dots += 3;
                j += ELLIPSIS.len();
                continue;
            }
            _ => break,
        }
        j += 1;
    }
    let mut run_end = j;
    let mut ellipsis = dots >= 2 && !strong;
    if dots == 1 && !strong {
        // The spaced ellipsis ". . ." and the four-dot "word. . . ." of careful prose.
        let (k, spaced) = spaced_dots(b, j, end);
        if spaced >= 2 {
            let standalone = at == para || text[para..at].ends_with(char::is_whitespace);
            if standalone && spaced == 2 {
                // ". . ." alone marks an omission inside the sentence.
                return Step::Skip(k);
            }
            if !standalone && spaced >= 3 {
                // "compounds. . . . The": the period ends the sentence, the ellipsis opens the next.
                return match next_word(text, skip_closers(text, k, end), end) {
                    Some(n) if !n.ch.is_some_and(char::is_lowercase) => Step::Split(j),
                    _ => Step::Skip(k),
                };
            }
            run_end = k;
            ellipsis = true;
        }
    }
    // "[...]" and "(...)" mark an omission from a quotation, never an end.
    if ellipsis && at > para && matches!(b[at - 1], b'[' | b'(') {
        return Step::Skip(run_end);
    }
    // 2. Closing quotes and brackets stay with the sentence.
    let e = skip_closers(text, run_end, end);
    // 3. Whitespace must follow; at the end of the paragraph the sentence ends anyway.
    let Some(next) = next_word(text, e, end) else {
        return Step::Skip(e);
    };
    // 4. A lowercase word continues the sentence ("Yahoo! in"), and so does a mark that cannot
    // open one: a dash around an aside ("voila! -- you have"), or `,;:?!` ("Fig. ??").
    if next.ch.is_some_and(char::is_lowercase) || continues_sentence(&text[next.pos..end]) {
        return Step::Skip(e);
    }
    if strong && text[run_end..e].contains(is_quote_closer) && speech_tag(&text[next.pos..end]) {
        return Step::Skip(e);
    }
    // 5. What the mark is.
    if strong || ellipsis || period_ends_sentence(text, sent, at, next) {
        Step::Split(e)
    } else {
        Step::Skip(e)
    }
}

/// Closing quotation marks (not brackets).
fn is_quote_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›')
}

/// Verbs of a speech tag, the words after a quoted question or exclamation that say who asked or
/// exclaimed it: `"Why?" Mr. Biden asked.` is one sentence, as `"Why?" he asked.` is.
const SPEECH_TAGS: &[&str] = &[
    "said",
    "says",
    "asked",
    "asks",
    "added",
    "adds",
    "replied",
    "replies",
    "responded",
    "answered",
    "continued",
    "continues",
    "went",
    "wrote",
    "writes",
    "told",
    "tweeted",
    "recalled",
    "shouted",
    "yelled",
    "exclaimed",
    "cried",
    "questioned",
    "wondered",
    "demanded",
    "insisted",
    "quipped",
    "joked",
    "declared",
    "countered",
    "interjected",
    "chanted",
    "screamed",
    "remarked",
    "explained",
    "laughed",
    "shot",
    "pressed",
    "implored",
    "pleaded",
];

/// True when `s` opens with a speech tag: one to four capitalised words (a name, a title, a
/// pronoun: `Mr. Biden`, `Sen. Ted Cruz`, `She`) and then one of [`SPEECH_TAGS`], not before a
/// colon.
fn speech_tag(s: &str) -> bool {
    let mut names = 0;
    for word in s.split_whitespace().take(5) {
        if word.starts_with(char::is_uppercase) {
            // A name word may end in the period of an abbreviation or initial, nothing else.
            if names == 4
                || word
                    .trim_end_matches('.')
                    .ends_with(|c: char| !c.is_alphanumeric())
            {
                return false;
            }
            names += 1;
            continue;
        }
        // A verb before a colon introduces what follows (`He answered: "No."`), not the question.
        let verb = word.trim_end_matches(['.', ',', ';']);
        return names > 0 && SPEECH_TAGS.contains(&verb);
    }
    false
}

/// Counts " ." pairs from `j`: returns the offset after the last one and how many there were.
fn spaced_dots(b: &[u8], mut j: usize, end: usize) -> (usize, usize) {
    let mut n = 0;
    while j + 1 < end && b[j] == b' ' && b[j + 1] == b'.' {
        j += 2;
        n += 1;
    }
    (j, n)
}

/// The offset after the closing quotes and brackets that start at `p`.
fn skip_closers(text: &str, p: usize, end: usize) -> usize {
    end - text[p..end].trim_start_matches(is_closer).len()
}

/// The word after the whitespace at `p`; `None` when `p` is the end of the paragraph or no
/// whitespace follows (the mark is then inside a token).
fn next_word(text: &str, p: usize, end: usize) -> Option<Next> {
    let b = text.as_bytes();
    // the usual case: one space, then a letter or digit
    if p + 1 < end && b[p] == b' ' && b[p + 1].is_ascii_alphanumeric() {
        return Some(Next {
            after_space: p + 1,
            pos: p + 1,
            ch: Some(char::from(b[p + 1])),
        });
    }
    let rest = &text[p..end];
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let after_space = rest.trim_start();
    let word = after_space.trim_start_matches(is_opener);
    Some(Next {
        after_space: end - after_space.len(),
        pos: end - word.len(),
        ch: word.chars().next(),
    })
}

/// Decides whether a single period at `at`, followed by `next` (not lowercase), ends the sentence
/// that starts at `sent`. It reads the word before the period.
fn period_ends_sentence(text: &str, sent: usize, at: usize, next: Next) -> bool {
    let before = &text[sent..at];
    // the last whitespace char: an ASCII one found by byte, unless a non-ASCII char comes after
    let last_space_or_other = before
        .bytes()
        .rposition(|x| x >= 0x80 || matches!(x, b'\t'..=b'\r' | b' '));
    let token = match last_space_or_other {
        None => sent,
        Some(k) if before.as_bytes()[k] < 0x80 => sent + k + 1,
        Some(_) => match before
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
        {
            Some((k, c)) => sent + k + c.len_utf8(),
            None => sent,
        },
    };
    let word_start = if text.as_bytes()[token].is_ascii_alphanumeric() {
        token
    } else {
        at - text[token..at].trim_start_matches(is_opener).len()
    };
    let word = &text[word_start..at];
    if word.is_empty() {
        return true;
    }
    // The first word of the sentence, perhaps after a bullet or an opening quote.
    let first_word = text[sent..word_start]
        .chars()
        .all(|c| c.is_whitespace() || is_opener(c));
    let next_ch = next.ch;
    // "1. The first item", "a. The first item": a list label, not a sentence.
    if first_word && (is_short_number(word) || is_single_lowercase(word)) {
        return false;
    }
    if abbrev::is_prepositive(word) {
        return false;
    }
    if abbrev::is_abbreviation(word) {
        // "No. 5", "Jan. 5", "p. 55", "Inc. (“Company A”)", "Co. Ltd."; but "& Co. It closed."
        return text[next.after_space..].starts_with(char::is_uppercase)
            && !abbrev::is_abbreviation(leading_word(&text[next.pos..]));
    }
    let mut chars = word.chars();
    if let (Some(letter), None) = (chars.next(), chars.next())
        && letter.is_uppercase()
    {
        // A capital before a capital is an initial ("Jonas E. Smith", "J. K. Rowling"), except
        // the pronoun I ending a sentence ("you and I. Did you"), told apart from "Albert I. Jones"
        // by the capitalised word before it or an initial after it.
        if !next_ch.is_some_and(char::is_uppercase) {
            return true;
        }
        if letter != 'I' {
            return false;
        }
        return !(first_word
            || previous_word_capitalised(text, sent, token)
            || is_initial(&text[next.pos..]));
    }
    if is_initialism(word) {
        // "6 P.M. Mr. Smith" ends; "5 a.m. Mr. Smith" and "U.S. Government" do not, but
        // "the U.S. How about you?" does.
        if matches!(word, "A.M" | "P.M") {
            return next_ch.is_some_and(char::is_uppercase);
        }
        return abbrev::is_starter(leading_word(&text[next.pos..]));
    }
    true
}

/// "7", "12", "100": a list number.
fn is_short_number(word: &str) -> bool {
    (1..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
}

/// "a", "b": a list letter.
fn is_single_lowercase(word: &str) -> bool {
    word.len() == 1 && word.as_bytes()[0].is_ascii_lowercase()
}

/// "U.S", "e.g", "Ph.D", "a.m": letters in groups of one or two joined by periods (the final
/// period is not part of `word`). "Jane.Doe" and "1026.253" are not.
fn is_initialism(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|g| {
            let n = g.chars().count();
            (1..=2).contains(&n) && g.chars().all(char::is_alphabetic)
        })
}

/// "K. Rowling": a capital and a period.
fn is_initial(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next() == Some('.')
}

/// The letters and digits at the start of `s`.
fn leading_word(s: &str) -> &str {
    let n = s.find(|c: char| !c.is_alphanumeric()).unwrap_or(s.len());
    &s[..n]
}

/// True when the word before the token at `token` (within the sentence at `sent`) starts with a
/// capital.
fn previous_word_capitalised(text: &str, sent: usize, token: usize) -> bool {
    let before = text[sent..token].trim_end();
    let word = before
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_start_matches(is_opener);
    word.starts_with(char::is_uppercase)
}
