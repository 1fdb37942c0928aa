//! Where a report goes: stdout, or `--output PATH`. A regular file is written to a temporary
//! file in the same folder and renamed into place on success, so an interrupted run never leaves
//! a half-written report; anything else (`/dev/null`, a FIFO) is written directly.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// An open destination. Call [`Output::finish`] to flush and, for files, rename into place.
pub struct Output {
    inner: Inner,
}

enum Inner {
    Stdout(BufWriter<io::Stdout>),
    Direct(BufWriter<File>),
    Atomic {
        file: BufWriter<tempfile::NamedTempFile>,
        dest: PathBuf,
    },
}

impl Output {
    /// Opens stdout (`None` or `-`) or a file.
    pub fn open(path: Option<&Path>) -> io::Result<Output> {
        let inner = match path {
            None => Inner::Stdout(BufWriter::with_capacity(1 << 16, io::stdout())),
            Some(p) if p == Path::new("-") => {
                Inner::Stdout(BufWriter::with_capacity(1 << 16, io::stdout()))
            }
            Some(p) => {
                let special = std::fs::metadata(p).is_ok_and(|m| !m.is_file());
                if special {
                    Inner::Direct(BufWriter::new(File::options().write(true).open(p)?))
                } else {
                    let dir = match p.parent() {
                        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
                        _ => PathBuf::from("."),
                    };
                    let tmp = tempfile::Builder::new()
                        .prefix(".stance-")
                        .suffix(".tmp")
                        .tempfile_in(&dir)?;
                    Inner::Atomic {
                        file: BufWriter::new(tmp),
                        dest: p.to_path_buf(),
                    }
                }
            }
        };
        Ok(Output { inner })
    }

    /// True when the destination is a terminal (for tables and colours).
    pub fn is_terminal(&self) -> bool {
        use std::io::IsTerminal;
        matches!(self.inner, Inner::Stdout(_)) && io::stdout().is_terminal()
    }

    /// Flushes, and renames a temporary file into place.
    pub fn finish(self) -> io::Result<()> {
        match self.inner {
            Inner::Stdout(mut w) => w.flush(),
            Inner::Direct(mut w) => w.flush(),
            Inner::Atomic { file, dest } => {
                let tmp = file.into_inner().map_err(|e| e.into_error())?;
                tmp.as_file().sync_all()?;
                tmp.persist(&dest).map_err(|e| e.error)?;
                Ok(())
            }
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.inner {
            Inner::Stdout(w) => w.write(buf),
            Inner::Direct(w) => w.write(buf),
            Inner::Atomic { file, .. } => file.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.inner {
            Inner::Stdout(w) => w.flush(),
            Inner::Direct(w) => w.flush(),
            Inner::Atomic { file, .. } => file.flush(),
        }
    }
}
