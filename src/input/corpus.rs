//! Corpus reading: expands inputs (files, folders, globs, `-`) and streams their documents.
//!
//! - A folder is walked recursively in file-name order; hidden files and files matched by a
//!   `.gitignore` (or `.ignore`) *inside* the folder are skipped. Symbolic links are followed and a
//!   link loop is reported, not followed forever.
//! - A glob the shell did not expand (`'corpus/**/*.txt'`) is matched against the files under its
//!   literal prefix, with the same skipping rules; `*` does not cross `/`, `**` does.
//! - `*.jsonl` / `*.ndjson` (or `--input-format jsonl`) hold one document per line; `*.gz` is
//!   decompressed on the fly.
//! - A plain-text file is read in chunks of about [`CorpusOptions::chunk_size`] bytes cut at a
//!   blank line (else a line break), each chunk a sub-document of the same id, so a 200 MiB file
//!   never sits in memory whole.
//!
//! Nothing here aborts on a bad input: failures become [`Event::Error`] (the input is skipped) and
//! lossy decoding becomes [`Event::Warning`]; the caller decides what to print and which exit code
//! to return.

use super::{Document, decode_lossy};
use globset::GlobBuilder;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// How to read inputs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InputFormat {
    /// By extension: `.jsonl`/`.ndjson` (optionally `.gz`) is JSONL, anything else text.
    #[default]
    Auto,
    /// Every input is plain text.
    Text,
    /// Every input is JSONL.
    Jsonl,
}

/// Options of [`read_corpus`].
#[derive(Clone, Debug)]
pub struct CorpusOptions {
    /// Text or JSONL.
    pub format: InputFormat,
    /// The JSONL field holding the document id (default `id`).
    pub id_field: String,
    /// The JSONL field holding the text (default `text`).
    pub text_field: String,
    /// A JSONL field holding the document's title, analysed as its first line (a heading) when
    /// given: the title often names who sent the message the text quotes.
    pub title_field: Option<String>,
    /// A JSONL field holding the document's lead (standfirst), analysed as its first paragraph
    /// (after the title) when given: a lead often names the speaker the text quotes ("Vladimir
    /// Putin sent a message of greetings to ...").
    pub lead_field: Option<String>,
    /// A JSONL field naming who speaks the whole document (a speech, a statement): the
    /// document's narration is that speaker's.
    pub speaker_field: Option<String>,
    /// Plain text is cut into chunks of about this many bytes (default 1 MiB).
    pub chunk_size: usize,
}

impl Default for CorpusOptions {
    fn default() -> Self {
        CorpusOptions {
            format: InputFormat::Auto,
            id_field: "id".into(),
            text_field: "text".into(),
            title_field: None,
            lead_field: None,
            speaker_field: None,
            chunk_size: 1 << 20,
        }
    }
}

/// A problem with one input: what (a path, `path:line` for JSONL) and why.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Issue {
    /// The input: a path, `-`, or `path:LINE` for a JSONL line.
    pub input: String,
    /// What went wrong.
    pub error: String,
}

/// What [`read_corpus`] produces, in input order.
#[derive(Debug)]
pub enum Event {
    /// A document, or one chunk of a large plain-text document (see [`Document::chunk`]).
    Document {
        /// The document or chunk.
        doc: Document,
        /// Bytes of input it came from (after decompression).
        bytes: u64,
        /// False when more chunks of the same document follow.
        last: bool,
    },
    /// An input that was skipped.
    Error(Issue),
    /// An input that was read, with a caveat (invalid UTF-8 replaced).
    Warning(Issue),
}

/// Bytes at the start of a file searched for a NUL byte to recognise binary files.
pub const BINARY_PROBE: usize = 8 * 1024;

/// Reads every input in order and hands each event to `sink`; stops early when `sink` returns
/// `false` (the consumer has gone away). `-` is standard input.
pub fn read_corpus(inputs: &[String], opts: &CorpusOptions, sink: &mut dyn FnMut(Event) -> bool) {
    let mut r = Reader { opts, sink };
    for input in inputs {
        if !r.input(input) {
            return;
        }
    }
}

/// True when a file name says JSONL: `.jsonl` or `.ndjson`, optionally gzipped.
pub fn is_jsonl_name(name: &str) -> bool {
    let stem = name.strip_suffix(".gz").unwrap_or(name);
    stem.ends_with(".jsonl") || stem.ends_with(".ndjson")
}

/// True when an input names several files through glob syntax (`*`, `?`, `[`, `{`).
pub fn is_glob(s: &str) -> bool {
    s.contains(['*', '?', '[', '{'])
}

/// The total size of the inputs when every one is a regular file (for a progress bar's ETA).
pub fn total_size(inputs: &[String]) -> Option<u64> {
    let mut total = 0;
    for i in inputs {
        let m = std::fs::metadata(i).ok()?;
        if !m.is_file() || i.ends_with(".gz") {
            return None;
        }
        total += m.len();
    }
    Some(total)
}

struct Reader<'a> {
    opts: &'a CorpusOptions,
    sink: &'a mut dyn FnMut(Event) -> bool,
}

impl Reader<'_> {
    fn emit(&mut self, e: Event) -> bool {
        (self.sink)(e)
    }

    fn error(&mut self, input: impl Into<String>, error: impl Into<String>) -> bool {
        self.emit(Event::Error(Issue {
            input: input.into(),
            error: error.into(),
        }))
    }

    fn input(&mut self, input: &str) -> bool {
        if input == "-" {
            let stdin = io::stdin();
            let jsonl = self.opts.format == InputFormat::Jsonl;
            return self.stream("-", stdin.lock(), jsonl);
        }
        let path = Path::new(input);
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => self.walk(path, None),
            Ok(_) => self.file(path),
            Err(_) if is_glob(input) => self.glob(input),
            Err(e) => self.error(input, e.to_string()),
        }
    }

    fn glob(&mut self, pattern: &str) -> bool {
        let glob = match GlobBuilder::new(pattern).literal_separator(true).build() {
            Ok(g) => g.compile_matcher(),
            Err(e) => return self.error(pattern, format!("invalid glob: {e}")),
        };
        // Walk from the longest prefix without glob syntax.
        let mut base = PathBuf::new();
        for c in Path::new(pattern).components() {
            if is_glob(&c.as_os_str().to_string_lossy()) {
                break;
            }
            base.push(c);
        }
        if base.as_os_str().is_empty() {
            self.walk(Path::new("."), Some(&glob))
        } else if base.is_dir() {
            self.walk(&base, Some(&glob))
        } else {
            self.error(pattern, "no file matches this glob")
        }
    }

    /// Walks a folder (files matching `glob` only, when given).
    fn walk(&mut self, root: &Path, glob: Option<&globset::GlobMatcher>) -> bool {
        let walker = ignore::WalkBuilder::new(root)
            .hidden(true)
            .parents(false)
            .git_ignore(true)
            .git_global(false)
            .git_exclude(false)
            .ignore(true)
            .require_git(false)
            .follow_links(true)
            // by file name: entries sorted are siblings, whose paths are their parent's path
            // and their names, so comparing the paths' bytes compares the names' (without
            // parsing a name out of each path at every comparison, as sorting by name does)
            .sort_by_file_path(|a, b| a.as_os_str().cmp(b.as_os_str()))
            .build();
        let mut matched = 0usize;
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let where_ = error_path(&e).unwrap_or_else(|| root.display().to_string());
                    if !self.error(where_, walk_error(&e)) {
                        return false;
                    }
                    continue;
                }
            };
            if !entry.file_type().is_some_and(|t| t.is_file()) {
                continue;
            }
            let mut p = entry.path();
            if glob.is_some() && root == Path::new(".") {
                p = p.strip_prefix(".").unwrap_or(p);
            }
            if let Some(g) = glob
                && !g.is_match(p)
            {
                continue;
            }
            matched += 1;
            if !self.file(p) {
                return false;
            }
        }
        if let Some(g) = glob
            && matched == 0
        {
            return self.error(g.glob().glob(), "no file matches this glob");
        }
        true
    }

    fn file(&mut self, path: &Path) -> bool {
        let name = path.display().to_string();
        let gz = name.ends_with(".gz");
        let jsonl = match self.opts.format {
            InputFormat::Jsonl => true,
            InputFormat::Text => false,
            InputFormat::Auto => is_jsonl_name(&name),
        };
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) => return self.error(name, e.to_string()),
        };
        if gz {
            let r = BufReader::with_capacity(1 << 16, flate2::read::MultiGzDecoder::new(file));
            self.stream(&name, r, jsonl)
        } else if jsonl {
            self.jsonl(&name, BufReader::with_capacity(1 << 16, file))
        } else {
            // read straight into the chunk buffer: no BufReader copy; sized from the file's length,
            // so that a small file takes one read, not a series of reads into a doubling buffer
            let len = file.metadata().map_or(0, |m| m.len());
            self.text(&name, file, usize::try_from(len).unwrap_or(usize::MAX))
        }
    }

    fn stream(&mut self, name: &str, r: impl BufRead, jsonl: bool) -> bool {
        if jsonl {
            self.jsonl(name, r)
        } else {
            self.text(name, r, 0)
        }
    }

    /// Plain text, in chunks cut at paragraph (else line) breaks; `len` is the input's length
    /// when known (else 0).
    fn text(&mut self, name: &str, mut r: impl Read, len: usize) -> bool {
        let size = self.opts.chunk_size.max(1);
        let mut buf: Vec<u8> = Vec::new();
        let mut chunk = 0usize;
        let mut replaced = 0usize;
        let mut eof = false;
        let mut left = len;
        loop {
            let filled = fill(&mut r, &mut buf, size, &mut eof, left);
            if let Ok(got) = filled {
                left = left.saturating_sub(got);
            }
            if let Err(e) = filled {
                // Close a document already started, so its chunks are counted.
                if chunk > 0 && !self.send_chunk(name, Vec::new(), chunk, true).0 {
                    return false;
                }
                return self.error(name, e.to_string());
            }
            if chunk == 0 && memchr::memchr(0, &buf[..buf.len().min(BINARY_PROBE)]).is_some() {
                return self.error(name, "binary file (NUL byte in the first 8 KiB), skipped");
            }
            let cut = if eof {
                buf.len()
            } else {
                cut_point(&buf, size)
            };
            let rest = buf.split_off(cut);
            let piece = std::mem::replace(&mut buf, rest);
            let last = eof && buf.is_empty();
            let (go, rep) = self.send_chunk(name, piece, chunk, last);
            replaced += rep;
            if !go {
                return false;
            }
            chunk += 1;
            if last {
                break;
            }
        }
        if replaced > 0 {
            return self.emit(Event::Warning(Issue {
                input: name.to_string(),
                error: format!("not UTF-8: {replaced} invalid byte sequence(s) replaced"),
            }));
        }
        true
    }

    fn send_chunk(
        &mut self,
        name: &str,
        bytes: Vec<u8>,
        chunk: usize,
        last: bool,
    ) -> (bool, usize) {
        let n = bytes.len() as u64;
        let mut doc = Document::from_bytes(name, bytes);
        doc.chunk = chunk;
        let replaced = doc.replaced;
        let go = self.emit(Event::Document {
            doc,
            bytes: n,
            last,
        });
        (go, replaced)
    }

    /// JSONL: one document per line; a bad line is reported with its number and skipped.
    fn jsonl(&mut self, name: &str, mut r: impl BufRead) -> bool {
        let mut line = Vec::new();
        let mut n = 0usize;
        let mut replaced = 0usize;
        loop {
            line.clear();
            match r.read_until(b'\n', &mut line) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => return self.error(format!("{name}:{}", n + 1), e.to_string()),
            }
            n += 1;
            let bytes = line.len() as u64;
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let (text, rep) = decode_lossy(std::mem::take(&mut line));
            replaced += rep;
            let event = match self.record(name, n, &text) {
                Ok(mut doc) => {
                    doc.replaced = rep;
                    Event::Document {
                        doc,
                        bytes,
                        last: true,
                    }
                }
                Err(error) => Event::Error(Issue {
                    input: format!("{name}:{n}"),
                    error,
                }),
            };
            line = text.into_bytes();
            if !self.emit(event) {
                return false;
            }
        }
        if replaced > 0 {
            return self.emit(Event::Warning(Issue {
                input: name.to_string(),
                error: format!("not UTF-8: {replaced} invalid byte sequence(s) replaced"),
            }));
        }
        true
    }

    /// One JSONL record: id, text, and every other field (plus `meta`'s) as metadata.
    fn record(&self, name: &str, line: usize, src: &str) -> Result<Document, String> {
        let obj: Map<String, Value> = serde_json::from_str(src).map_err(|e| {
            let msg = e.to_string();
            let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
            format!("line {line}, column {}: invalid JSON: {msg}", e.column())
        })?;
        let (idf, textf) = (&self.opts.id_field, &self.opts.text_field);
        let mut meta = Map::new();
        let mut id = None;
        let mut text = None;
        let mut title = None;
        let mut lead = None;
        let mut speaker = None;
        let mut inner = None;
        for (k, v) in obj {
            if let Value::String(t) = &v
                && !t.trim().is_empty()
            {
                if self.opts.title_field.as_ref() == Some(&k) {
                    title = Some(t.trim().to_string());
                }
                if self.opts.lead_field.as_ref() == Some(&k) {
                    lead = Some(t.trim().to_string());
                }
                if self.opts.speaker_field.as_ref() == Some(&k) {
                    speaker = Some(t.trim().to_string());
                }
            }
            if &k == idf {
                id = Some(match v {
                    Value::String(s) => s,
                    Value::Null => String::new(),
                    other => other.to_string(),
                });
            } else if &k == textf {
                match v {
                    Value::String(s) => text = Some(s),
                    _ => {
                        return Err(format!(
                            "line {line}, column 1: field \"{textf}\" is not a string"
                        ));
                    }
                }
            } else if k == "meta" && v.is_object() {
                inner = Some(v);
            } else {
                meta.insert(k, v);
            }
        }
        if let Some(Value::Object(m)) = inner {
            meta.extend(m);
        }
        let mut text =
            text.ok_or_else(|| format!("line {line}, column 1: no \"{textf}\" field"))?;
        if let Some(l) = lead {
            text = format!("{l}\n\n{text}");
        }
        if let Some(t) = title {
            text = format!("{t}\n\n{text}");
        }
        let id = match id {
            Some(id) if !id.is_empty() => id,
            _ => format!("{name}:{line}"),
        };
        Ok(Document {
            id,
            text,
            meta,
            replaced: 0,
            chunk: 0,
            speaker,
        })
    }
}

/// Reads until `buf` holds at least `size` bytes or the input ends.
/// Reads up to `size` bytes into `buf` (`left`: what the reader is known to hold still, else 0);
/// the number of bytes read.
fn fill(
    r: &mut impl Read,
    buf: &mut Vec<u8>,
    size: usize,
    eof: &mut bool,
    left: usize,
) -> io::Result<usize> {
    if *eof || buf.len() >= size {
        return Ok(0);
    }
    let want = size - buf.len();
    // room for all of it at once: `read_to_end` on a `Take` knows no size, and would read into
    // a buffer doubled from 32 bytes (ten reads and five copies for a 6 kB file)
    buf.reserve(want.min(left));
    // `read_to_end` on a `Take` reads into the vector's spare capacity: no zeroed bounce buffer
    let got = r.by_ref().take(want as u64).read_to_end(buf)?;
    if got < want {
        *eof = true;
    }
    Ok(got)
}

/// Where to cut a full buffer: after the last blank line in its second half, else after the last
/// line break, else at the last UTF-8 character boundary.
fn cut_point(buf: &[u8], size: usize) -> usize {
    let half = size / 2;
    if buf.len() > half
        && let Some(i) = memchr::memmem::rfind(&buf[half..], b"\n\n")
    {
        return half + i + 2;
    }
    if let Some(i) = memchr::memrchr(b'\n', buf) {
        return i + 1;
    }
    let mut i = buf.len();
    while i > 0 && (buf[i - 1] & 0xC0) == 0x80 {
        i -= 1;
    }
    // `i - 1` starts a (possibly incomplete) character: keep it for the next chunk.
    if i > 0 && buf[i - 1] >= 0xC0 {
        i - 1
    } else {
        buf.len()
    }
    .max(1)
}

fn error_path(e: &ignore::Error) -> Option<String> {
    match e {
        ignore::Error::WithPath { path, .. } => Some(path.display().to_string()),
        ignore::Error::Loop { child, .. } => Some(child.display().to_string()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        _ => None,
    }
}

fn walk_error(e: &ignore::Error) -> String {
    match e {
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => walk_error(err),
        ignore::Error::Loop { ancestor, .. } => {
            format!("symbolic link loop (points to {})", ancestor.display())
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(inputs: &[&str], opts: &CorpusOptions) -> Vec<Event> {
        let inputs: Vec<String> = inputs.iter().map(|s| s.to_string()).collect();
        let mut v = Vec::new();
        read_corpus(&inputs, opts, &mut |e| {
            v.push(e);
            true
        });
        v
    }

    #[test]
    fn chunks_cut_at_line_breaks_and_cover_the_text() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.txt");
        let para = "The minister said the talks went well.\nAnother line here.\n\n";
        let text = para.repeat(50);
        std::fs::write(&p, &text).unwrap();
        let opts = CorpusOptions {
            chunk_size: 100,
            ..Default::default()
        };
        let ev = collect(&[p.to_str().unwrap()], &opts);
        let mut joined = String::new();
        let mut lasts = 0;
        for (i, e) in ev.iter().enumerate() {
            let Event::Document { doc, last, .. } = e else {
                panic!("unexpected {e:?}")
            };
            assert_eq!(doc.chunk, i);
            assert!(doc.text.ends_with('\n') || *last);
            lasts += *last as usize;
            joined.push_str(&doc.text);
        }
        assert!(ev.len() > 10);
        assert_eq!(lasts, 1);
        assert_eq!(joined, text);
    }

    #[test]
    fn cut_never_splits_a_character() {
        let s = "é".repeat(10);
        let b = s.as_bytes();
        let cut = cut_point(&b[..7], 7);
        assert!(std::str::from_utf8(&b[..cut]).is_ok());
    }

    #[test]
    fn jsonl_fields_meta_and_bad_lines() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("c.jsonl");
        std::fs::write(
            &p,
            "{\"id\":\"a\",\"text\":\"Hi.\",\"date\":\"2001-02-03\",\"meta\":{\"src\":\"x\"}}\n\n{oops\n{\"id\":7,\"text\":\"Yo.\"}\n",
        )
        .unwrap();
        let ev = collect(&[p.to_str().unwrap()], &CorpusOptions::default());
        assert_eq!(ev.len(), 3);
        match &ev[0] {
            Event::Document { doc, .. } => {
                assert_eq!(doc.id, "a");
                assert_eq!(doc.meta["date"], "2001-02-03");
                assert_eq!(doc.meta["src"], "x");
            }
            e => panic!("{e:?}"),
        }
        match &ev[1] {
            Event::Error(i) => {
                assert!(i.input.ends_with("c.jsonl:3"), "{i:?}");
                assert!(i.error.starts_with("line 3, column 2"), "{i:?}");
            }
            e => panic!("{e:?}"),
        }
        match &ev[2] {
            Event::Document { doc, .. } => assert_eq!(doc.id, "7"),
            e => panic!("{e:?}"),
        }
    }

    #[test]
    fn folders_skip_hidden_and_ignored_and_report_binary() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("b.txt"), "B.").unwrap();
        std::fs::write(d.join("a.txt"), "A.").unwrap();
        std::fs::write(d.join(".hidden.txt"), "H.").unwrap();
        std::fs::write(d.join(".gitignore"), "skip.txt\n").unwrap();
        std::fs::write(d.join("skip.txt"), "S.").unwrap();
        std::fs::write(d.join("c.bin"), b"\x00\x01\x02").unwrap();
        let ev = collect(&[d.to_str().unwrap()], &CorpusOptions::default());
        let names: Vec<String> = ev
            .iter()
            .map(|e| match e {
                Event::Document { doc, .. } => doc.text.clone(),
                Event::Error(i) => format!("error {}", i.input.rsplit('/').next().unwrap()),
                Event::Warning(i) => format!("warning {}", i.input),
            })
            .collect();
        assert_eq!(names, ["A.", "B.", "error c.bin"]);
    }

    #[test]
    fn globs_match_below_their_literal_prefix() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("x/y")).unwrap();
        std::fs::write(d.join("x/1.txt"), "one.").unwrap();
        std::fs::write(d.join("x/y/2.txt"), "two.").unwrap();
        std::fs::write(d.join("x/y/3.md"), "three.").unwrap();
        let pat = format!("{}/x/**/*.txt", d.display());
        let ev = collect(&[&pat], &CorpusOptions::default());
        let texts: Vec<_> = ev
            .iter()
            .filter_map(|e| match e {
                Event::Document { doc, .. } => Some(doc.text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(texts, ["one.", "two."]);
        let none = collect(
            &[&format!("{}/x/*.zzz", d.display())],
            &CorpusOptions::default(),
        );
        assert!(matches!(&none[..], [Event::Error(_)]));
    }
}
