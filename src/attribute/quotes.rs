//! Direct quotations: the byte intervals inside quotation marks, straight or curly, grouped into
//! quotes that may run over several sentences and paragraphs (a paragraph that opens with a mark
//! while the previous one left a quote open continues it, as newspapers write long quotes).
//! Unbalanced marks close at the end of their paragraph, so they never swallow the document. A
//! quotation in the other kind of marks nests inside the open one, and the common slips of curly
//! marks are read as meant: a closing mark opening a paragraph opens, an opening mark right after a
//! quotation's last word closes.

use memchr::memchr3_iter;

/// One quoted interval (a quote may have one per paragraph).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Quoted {
    /// First byte after the opening mark.
    pub start: usize,
    /// The closing mark (or the paragraph end when unclosed).
    pub end: usize,
    /// The quote this interval belongs to; intervals of one quote share it.
    pub group: usize,
    /// The opening mark's offset.
    pub open: usize,
    /// One past the closing mark, or `end` when unclosed.
    pub close: usize,
}

/// Marks: straight `"` and `''`, curly `“` `”` (guillemets are rare in English news and not
/// read).
/// Finds the quoted intervals of a document, in order. `paragraphs` are (start, end) byte spans.
pub(crate) fn find(text: &str, paragraphs: &[(usize, usize)], out: &mut Vec<Quoted>) {
    out.clear();
    let b = text.as_bytes();
    let mut group = 0usize;
    let mut carried_open = false;
    for &(ps, pe) in paragraphs {
        let mut open: Option<usize> = None; // offset of the opening mark
        // a quotation of the other kind of marks inside the open one ("... the question: “Do
        // you think ...?” Forty-three, yes." with straight marks outside): its closing mark does
        // not close the outer quotation
        let mut inner = false;
        let mut first = true;
        // candidates: '"', and 0xE2 (lead byte of “ ” « » is 0xE2/0xC2)
        let mut skip_to = ps;
        for i in memchr3_iter(b'"', b'\'', 0xe2, &b[ps..pe]) {
            let i = ps + i;
            if i < skip_to {
                continue;
            }
            let (is_open, is_close, len) = match b[i] {
                // '' is a double quotation mark in some newspapers; a lone ' is an apostrophe
                b'\'' if b.get(i + 1) == Some(&b'\'') && i + 1 < pe => {
                    skip_to = i + 2;
                    let prev = if i == ps { b' ' } else { b[i - 1] };
                    let mut opening =
                        prev.is_ascii_whitespace() || matches!(prev, b'(' | b'[' | b'-');
                    // spaced on both sides while a quotation is open: it closes it (`..., '' said`)
                    if opening && open.is_some() && (i + 2 >= pe || b[i + 2].is_ascii_whitespace())
                    {
                        opening = false;
                    }
                    (opening, !opening, 2)
                }
                b'\'' => continue,
                b'"' => {
                    let prev = if i == ps { b' ' } else { b[i - 1] };
                    let mut opening = prev.is_ascii_whitespace()
                        || matches!(prev, b'(' | b'[' | b'-' | b'/')
                        || (prev >= 0x80 && i >= ps + 3 && &b[i - 3..i] == "\u{2014}".as_bytes());
                    // a mark with space on both sides while a quotation is open closes it
                    // ("... 'Oh, this is important,' " Magel said.")
                    if opening && open.is_some() && (i + 1 >= pe || b[i + 1].is_ascii_whitespace())
                    {
                        opening = false;
                    }
                    (opening, !opening, 1)
                }
                0xe2 if b[i + 1..].starts_with(&[0x80, 0x9c]) => {
                    // an opening mark right after a quotation's last word and before a space,
                    // while one is open, is a mistyped closing one ("“Apparently not,“ he said.")
                    let closes = open.is_some()
                        && i > ps
                        && !b[i - 1].is_ascii_whitespace()
                        && b.get(i + 3)
                            .is_none_or(|c| c.is_ascii_whitespace() || b".,;:!?)".contains(c));
                    (!closes, closes, 3)
                }
                0xe2 if b[i + 1..].starts_with(&[0x80, 0x9d]) => {
                    // a closing mark that opens its paragraph, a word right after it, is a
                    // mistyped opening one ("”Fear. I am truly afraid ...” ― Name")
                    let opens = open.is_none()
                        && first
                        && text[ps..i].trim().is_empty()
                        && b.get(i + 3).is_some_and(|c| c.is_ascii_alphanumeric());
                    (opens, !opens, 3)
                }
                _ => continue,
            };
            let at_start = first && text[ps..i].trim().is_empty();
            first = false;
            let straight = |at: usize| b[at] != 0xe2;
            if let Some(o) = open
                && is_open
                && straight(o) != straight(i)
                && !inner
            {
                // (only when the outer kind closes later in the paragraph)
                let rest = &b[i + len..pe];
                inner = if straight(o) {
                    rest.contains(&b'"')
                } else {
                    memchr::memmem::find(rest, "\u{201d}".as_bytes()).is_some()
                };
                continue;
            }
            if inner && is_close && open.is_some_and(|o| straight(o) != straight(i)) {
                inner = false;
                continue;
            }
            if is_open {
                if open.is_none() {
                    // a paragraph opening with a mark continues a quote left open
                    if !(at_start && carried_open) {
                        group += 1;
                    }
                    open = Some(i);
                }
                // a second opening mark inside an open quote: keep the first
            } else if is_close && let Some(o) = open.take() {
                inner = false;
                // (a closing mark with nothing open is ignored)
                out.push(Quoted {
                    start: o + len_of(b, o),
                    end: i,
                    group,
                    open: o,
                    close: i + len,
                });
            }
        }
        carried_open = false;
        if let Some(o) = open {
            out.push(Quoted {
                start: o + len_of(b, o),
                end: pe,
                group,
                open: o,
                close: pe,
            });
            carried_open = true;
        }
    }
}

fn len_of(b: &[u8], i: usize) -> usize {
    match b[i] {
        b'"' => 1,
        b'\'' => 2,
        0xc2 => 2,
        _ => 3,
    }
}

/// Is the byte offset inside a quoted interval? `qs` sorted by start.
pub(crate) fn inside(qs: &[Quoted], at: usize) -> Option<&Quoted> {
    let i = qs.partition_point(|q| q.start <= at);
    if i == 0 {
        return None;
    }
    let q = &qs[i - 1];
    (at < q.end).then_some(q)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(t: &str) -> Vec<(usize, usize)> {
        let mut v = Vec::new();
        let mut off = 0;
        for l in t.split_inclusive('\n') {
            let body = l.trim_end();
            if !body.trim().is_empty() {
                v.push((off, off + body.len()));
            }
            off += l.len();
        }
        v
    }

    /// The quoted texts of `t`, in order.
    fn quoted(t: &str) -> Vec<&str> {
        let mut q = Vec::new();
        find(t, &paras(t), &mut q);
        q.iter().map(|q| &t[q.start..q.end]).collect()
    }

    #[test]
    fn curly_and_straight_quotes() {
        let t = "“We agree,” he said. Then \"no\" and “yes”.";
        assert_eq!(quoted(t), ["We agree,", "no", "yes"]);
        let t = "''We agree,'' he said. It's Putin's.";
        assert_eq!(quoted(t), ["We agree,"]);
    }

    #[test]
    fn quote_continues_across_paragraphs_and_unbalanced_closes() {
        let t = "“First part.\n“Second part,” he said.\nA “stray mark here.\nNarration.";
        let mut q = Vec::new();
        find(t, &paras(t), &mut q);
        assert_eq!(q.len(), 3);
        assert_eq!(q[0].group, q[1].group);
        assert_ne!(q[1].group, q[2].group);
        assert!(q[2].end <= t.find("\nNarration").unwrap());
    }

    #[test]
    fn a_quotation_of_the_other_kind_of_marks_nests() {
        let t = "\"I read the question: “Do you?” Yes, no.\" He left.\n“He said \"no\" to me,” she said.\n\"A “stray mark.";
        assert_eq!(
            quoted(t),
            [
                "I read the question: “Do you?” Yes, no.",
                "He said \"no\" to me,",
                "A “stray mark."
            ]
        );
    }

    #[test]
    fn opening_mark_after_a_quotations_last_word_closes_it() {
        let t = "“Apparently not,“ he said. A “word“.\nThe “so-called “ plan.";
        assert_eq!(quoted(t), ["Apparently not,", "word", "so-called “ plan."]);
    }

    #[test]
    fn closing_mark_opening_a_paragraph_opens_a_quote() {
        let t = "Getty.\n”Fear. I am afraid.” ― Edwin Monroy\nShe said: ” no”.";
        // (the stray mark inside the third paragraph, a space after it, stays a closing one)
        assert_eq!(quoted(t), ["Fear. I am afraid."]);
    }
}
