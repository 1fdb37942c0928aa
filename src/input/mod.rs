//! Input: files, folders, globs, JSONL corpora and stdin, turned into [`Document`]s.
//!
//! Bytes that are not UTF-8 are replaced (U+FFFD) and counted in [`Document::replaced`], so a
//! report can say how much was lost.
//!
//! [`corpus`] walks a corpus (files, folders, globs, JSONL, gzip, stdin) and streams its
//! documents one by one, cutting huge plain-text files into ~1 MiB chunks, so memory does not grow
//! with corpus size; per-input failures are reported, never fatal.

pub mod corpus;

use serde_json::{Map, Value};
use std::io::Read;
use std::path::Path;

/// One text to analyse, with an id and optional metadata (`meta.FIELD` for `--group-by`).
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// File path, `-` for stdin, or the JSONL `id`.
    pub id: String,
    /// The text, always valid UTF-8.
    pub text: String,
    /// Metadata from a JSONL record (`meta`, plus `date` when present).
    pub meta: Map<String, Value>,
    /// How many invalid UTF-8 sequences were replaced while decoding.
    pub replaced: usize,
    /// For a plain-text file read in chunks: the chunk's index (0 for the first or only one).
    pub chunk: usize,
    /// Who speaks the whole document (a speech, a statement), from a JSONL field
    /// (`--speaker-field`); `None` when the text alone tells.
    pub speaker: Option<String>,
}

impl Document {
    /// A document from an id and a text.
    pub fn from_text(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            ..Default::default()
        }
    }

    /// A document from raw bytes, decoding lossily and counting replacements.
    pub fn from_bytes(id: impl Into<String>, bytes: Vec<u8>) -> Self {
        let (text, replaced) = decode_lossy(bytes);
        Document {
            id: id.into(),
            text,
            replaced,
            ..Default::default()
        }
    }
}

/// Decodes bytes as UTF-8, replacing invalid sequences; returns the text and how many runs of
/// invalid bytes were replaced.
/// Valid input is moved, not copied.
pub fn decode_lossy(bytes: Vec<u8>) -> (String, usize) {
    match String::from_utf8(bytes) {
        Ok(s) => (s, 0),
        Err(e) => {
            let bytes = e.into_bytes();
            // Count runs of bad bytes: `\xff\xfe` is one damaged spot, not two.
            let replaced = bytes
                .utf8_chunks()
                .enumerate()
                .filter(|(i, c)| !c.invalid().is_empty() && (*i == 0 || !c.valid().is_empty()))
                .count();
            (String::from_utf8_lossy(&bytes).into_owned(), replaced)
        }
    }
}

/// Reads one plain-text input: a file path, or `-` for stdin.
pub fn read_text_input(path: &str) -> std::io::Result<Document> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin().lock().read_to_end(&mut buf)?;
        buf
    } else {
        std::fs::read(Path::new(path))?
    };
    Ok(Document::from_bytes(path, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_replaced_and_counted() {
        let doc = Document::from_bytes("x", b"ok \xff\xfe and \xc3".to_vec());
        assert!(doc.text.starts_with("ok "));
        assert!(doc.text.contains('\u{FFFD}'));
        assert_eq!(doc.replaced, 2);
    }

    #[test]
    fn valid_utf8_is_untouched() {
        let doc = Document::from_bytes("x", "Günther said.".as_bytes().to_vec());
        assert_eq!(doc.text, "Günther said.");
        assert_eq!(doc.replaced, 0);
    }
}
