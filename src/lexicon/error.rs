//! Lexicon errors: a message located at a byte span of the lexicon file, rendered with a snippet
//! of the offending line (`annotate-snippets`), the way rustc and cargo report errors.

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use std::fmt;
use std::ops::Range;

/// A lexicon error, located in its file.
#[derive(Clone, Debug)]
pub struct LexiconError {
    /// File name or path.
    pub file: String,
    /// 1-based line (0 when unknown).
    pub line: usize,
    /// 1-based column, counted in characters (0 when unknown).
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// The full rendering: `error: ...`, ` --> file:line:col`, and a snippet with a caret.
    pub rendered: String,
}

impl LexiconError {
    /// An error at `span` of `src` (the text of `file`); `label` is written under the caret.
    pub fn at(file: &str, src: &str, span: Range<usize>, message: &str, label: &str) -> Self {
        let start = floor_char_boundary(src, span.start.min(src.len()));
        let end = floor_char_boundary(src, span.end.clamp(start, src.len()));
        let (line, column) = line_col(src, start);
        let report = &[Level::ERROR.primary_title(message).element(
            Snippet::source(src)
                .path(file)
                .annotation(AnnotationKind::Primary.span(start..end).label(label)),
        )];
        let rendered = Renderer::plain().render(report);
        LexiconError {
            file: file.to_string(),
            line,
            column,
            message: message.to_string(),
            rendered,
        }
    }

    /// An error that belongs to a whole file (unreadable file, unsupported format).
    pub fn whole_file(file: &str, message: &str) -> Self {
        LexiconError {
            file: file.to_string(),
            line: 0,
            column: 0,
            message: message.to_string(),
            rendered: format!("error: {message}\n --> {file}"),
        }
    }
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.rendered)
    }
}

impl std::error::Error for LexiconError {}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(src, offset.min(src.len()));
    let before = &src[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
