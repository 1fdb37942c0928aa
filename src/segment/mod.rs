//! Segmentation: paragraphs at line breaks, sentences inside them, as byte spans into the
//! original text (nothing is copied).
//!
//! - Every `\n` ends a paragraph (`\r\n` too); blank lines are skipped and do not count.
//! - A paragraph that is one sentence without final punctuation is a title or heading
//!   ([`Sentence::title`]).
//! - Inside a paragraph, `split` finds sentence ends: `.`, `?`, `!`, ellipses, with the closing
//!   quotes or brackets that follow them, and without splitting at news abbreviations ("Mr.",
//!   "St. Petersburg", "U.S.", "Jan. 5", "No. 5", "5 p.m.", "J. K. Rowling"), decimals or URLs;
//!   `list` finds the items of a list written on one line; `abbrev` holds the word lists.
//!
//! Spans never include surrounding whitespace, never overlap, come in order, and together cover
//! every non-whitespace character of the text. The splitter works on bytes with `memchr`, so it
//! runs at memory-scanning speed on ordinary prose.
//!
//! ```
//! use stance::segment::sentences;
//! let text = "Putin meets Wang Yi\nMr. Wang arrived in St. Petersburg on Jan. 5. Talks began.";
//! let found: Vec<&str> = sentences(text).iter().map(|s| s.text(text)).collect();
//! assert_eq!(found, ["Putin meets Wang Yi", "Mr. Wang arrived in St. Petersburg on Jan. 5.", "Talks began."]);
//! assert!(sentences(text)[0].title);
//! ```

mod abbrev;
mod list;
mod split;

use memchr::memchr;
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

/// A paragraph: one non-blank line, as a trimmed byte span of the document text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    /// Byte offset of the first non-whitespace character.
    pub start: usize,
    /// Byte offset one past the last non-whitespace character.
    pub end: usize,
    /// Index of the paragraph (0-based) among the non-blank lines.
    pub index: usize,
}

impl Paragraph {
    /// The paragraph's text inside the document text.
    pub fn text<'a>(&self, doc: &'a str) -> &'a str {
        &doc[self.start..self.end]
    }
}

/// The paragraphs of a text, in order: see [`paragraphs`].
#[derive(Clone, Debug)]
pub struct Paragraphs<'a> {
    text: &'a str,
    /// Where the next line starts; past the end once the last line is read.
    pos: usize,
    index: usize,
}

impl Iterator for Paragraphs<'_> {
    type Item = Paragraph;

    fn next(&mut self) -> Option<Paragraph> {
        let bytes = self.text.as_bytes();
        while self.pos <= bytes.len() {
            let line_start = self.pos;
            let line_end =
                memchr(b'\n', &bytes[line_start..]).map_or(bytes.len(), |i| line_start + i);
            self.pos = line_end + 1;
            // Trimming drops the `\r` of `\r\n` and any other whitespace around the line.
            let line = &self.text[line_start..line_end];
            let body = line.trim_start();
            let start = line_end - body.len();
            let end = start + body.trim_end().len();
            if start < end {
                let index = self.index;
                self.index += 1;
                return Some(Paragraph { start, end, index });
            }
        }
        None
    }
}

/// Splits a text into paragraphs at line breaks, skipping blank lines.
pub fn paragraphs(text: &str) -> Paragraphs<'_> {
    Paragraphs {
        text,
        pos: 0,
        index: 0,
    }
}

/// Splits a text into sentences, in order, without overlap.
pub fn sentences(text: &str) -> Vec<Sentence> {
    // News prose averages well over 100 bytes a sentence: one allocation for most documents.
    let mut out = Vec::with_capacity(text.len() / 128 + 1);
    sentences_into(text, &mut out);
    out
}

/// [`sentences`] into `out` (cleared first): a caller that splits many documents reuses one
/// vector.
pub fn sentences_into(text: &str, out: &mut Vec<Sentence>) {
    out.clear();
    for p in paragraphs(text) {
        split::split_paragraph(text, p.start, p.end, p.index, out);
    }
}

/// The sentences of a text one at a time, for streaming: see [`iter_sentences`].
#[derive(Clone, Debug)]
pub struct Sentences<'a> {
    text: &'a str,
    paragraphs: Paragraphs<'a>,
    /// The current paragraph's sentences and how many of them were handed out.
    buffer: Vec<Sentence>,
    taken: usize,
}

impl Iterator for Sentences<'_> {
    type Item = Sentence;

    fn next(&mut self) -> Option<Sentence> {
        while self.taken == self.buffer.len() {
            let p = self.paragraphs.next()?;
            self.buffer.clear();
            self.taken = 0;
            split::split_paragraph(self.text, p.start, p.end, p.index, &mut self.buffer);
        }
        self.taken += 1;
        Some(self.buffer[self.taken - 1])
    }
}

/// Like [`sentences`], but yields the sentences one paragraph at a time without collecting them.
pub fn iter_sentences(text: &str) -> Sentences<'_> {
    Sentences {
        text,
        paragraphs: paragraphs(text),
        buffer: Vec::new(),
        taken: 0,
    }
}

#[cfg(test)]
mod tests;
