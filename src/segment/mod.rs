//! Segmentation: paragraphs at line breaks, sentences inside them, as byte spans into the
//! original text (nothing is copied).
//!
//! PLACEHOLDER: a minimal splitter so the pipeline runs end to end; the real segmenter
//! (abbreviations, quotes, titles, Golden Rules) replaces it.

use serde::Serialize;

/// A sentence: a byte span of the document text, and the paragraph it belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character (trailing whitespace excluded).
    pub end: usize,
    /// Index of the paragraph (0-based) in the document.
    pub paragraph: usize,
    /// True when the sentence is a whole line without final punctuation (a title or heading).
    pub title: bool,
}

impl Sentence {
    /// The sentence's text inside the document text.
    pub fn text<'a>(&self, doc: &'a str) -> &'a str {
        &doc[self.start..self.end]
    }
}

/// Splits a text into sentences, in order, without overlap.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end();
        let line_start = offset;
        offset += line.len();
        if body.trim().is_empty() {
            continue;
        }
        let mut start = line_start + (body.len() - body.trim_start().len());
        let bytes = text.as_bytes();
        let end_of_line = line_start + body.len();
        let mut i = start;
        let mut count = 0;
        while i < end_of_line {
            let b = bytes[i];
            if matches!(b, b'.' | b'!' | b'?') && (i + 1 == end_of_line || bytes[i + 1] == b' ') {
                out.push(Sentence {
                    start,
                    end: i + 1,
                    paragraph,
                    title: false,
                });
                count += 1;
                i += 1;
                while i < end_of_line && bytes[i] == b' ' {
                    i += 1;
                }
                start = i;
                continue;
            }
            i += 1;
        }
        if start < end_of_line {
            out.push(Sentence {
                start,
                end: end_of_line,
                paragraph,
                title: count == 0,
            });
        }
        paragraph += 1;
    }
    out
}
