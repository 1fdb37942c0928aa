//! `stance batch <INPUT>...`: a corpus analysed in parallel, streamed with bounded memory.
//!
//! Threads: a reader walks the inputs ([`crate::input::corpus`]) and sends documents (or ~1 MiB
//! chunks of big text files) through a bounded channel to a rayon pool of `--jobs` workers; each
//! worker analyses one document and sends back a small [`DocSummary`]; this thread adds chunks up
//! into documents and documents, in input order, into a [`CorpusAgg`] of exact integer sums. Only
//! the channels' few documents are ever in memory, and every number and row order is the same
//! whatever the thread count.

use crate::aggregate::{CorpusAdder, CorpusAgg, DocChunks, DocSummary, GroupBy, LexiconId};
use crate::analyze::Pipeline;
use crate::cli::{CommonOpts, Per};
use crate::compare::{CompareOptions, DocSpeech};
use crate::error::{ConfigError, ExitCode};
use crate::input::Document;
use crate::input::corpus::{self, CorpusOptions, Event, InputFormat, Issue};
use crate::report::batch::{self as batch_report, BatchReport, DocRow};
use crate::report::output::Output;
use clap::{Args, ValueEnum};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::sync_channel;

/// How inputs are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    /// By extension: `.jsonl`/`.ndjson` (also `.gz`) is JSONL, anything else text.
    Auto,
    /// Plain text.
    Text,
    /// One JSON document per line.
    Jsonl,
}

/// Arguments of `stance batch`.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// Files, folders (walked recursively; hidden and .gitignore'd files skipped), globs,
    /// JSONL corpora (.jsonl, .jsonl.gz), or '-' for stdin.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// Rows per actor (default) or also per document.
    #[arg(long, value_enum)]
    pub per: Option<Per>,
    /// Aggregate per group as well: meta.FIELD, or month/year of the `date` field.
    #[arg(long, value_name = "meta.FIELD|month|year")]
    pub group_by: Option<String>,
    /// Documents listed per theme in the top-documents table.
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub top: usize,
    /// Write mergeable partial aggregates (JSONL) for `stance merge` instead of a report.
    #[arg(long)]
    pub partial: bool,
    /// How a corpus is read.
    #[command(flatten)]
    pub corpus: CorpusArgs,
    /// Shared options.
    #[command(flatten)]
    pub common: CommonOpts,
}

/// How a corpus is read (`batch`, `compare`).
#[derive(Debug, Args)]
pub struct CorpusArgs {
    /// How to read inputs (stdin is text unless jsonl).
    #[arg(long, value_enum, default_value = "auto")]
    pub input_format: InputFormatArg,
    /// The JSONL field holding the document id.
    #[arg(long, value_name = "NAME", default_value = "id")]
    pub id_field: String,
    /// The JSONL field holding the text.
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub text_field: String,
    /// A JSONL field holding the title, analysed as the document's first line (a heading).
    #[arg(long, value_name = "NAME")]
    pub title_field: Option<String>,
    /// A JSONL field holding a lead (standfirst), analysed as the document's first paragraph,
    /// after the title.
    #[arg(long, value_name = "NAME")]
    pub lead_field: Option<String>,
    /// A JSONL field naming who speaks the whole document (a speech, a statement): its
    /// narration sentences are that speaker's.
    #[arg(long, value_name = "NAME")]
    pub speaker_field: Option<String>,
}

impl CorpusArgs {
    /// The reader's options.
    pub fn options(&self) -> CorpusOptions {
        CorpusOptions {
            format: match self.input_format {
                InputFormatArg::Auto => InputFormat::Auto,
                InputFormatArg::Text => InputFormat::Text,
                InputFormatArg::Jsonl => InputFormat::Jsonl,
            },
            id_field: self.id_field.clone(),
            text_field: self.text_field.clone(),
            title_field: self.title_field.clone(),
            lead_field: self.lead_field.clone(),
            speaker_field: self.speaker_field.clone(),
            ..Default::default()
        }
    }
}

/// `--jobs`, or one worker per CPU.
pub fn jobs(common: &CommonOpts) -> usize {
    common
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// What one corpus run produced (besides what was streamed to `on_doc`).
pub struct CorpusRun {
    /// The sums, errors and warnings.
    pub agg: CorpusAgg,
}

/// A unit of work: one document or chunk, numbered in input order.
/// A batch of documents is sent to the workers once it holds this many bytes of text...
const BATCH_BYTES: u64 = 256 * 1024;
/// ...or this many documents.
const BATCH_DOCS: usize = 64;

struct Job {
    seq: u64,
    last: bool,
    bytes: u64,
    doc: Document,
}

struct Done {
    seq: u64,
    last: bool,
    chunk: usize,
    summary: DocSummary,
}

/// Settings of [`analyze_corpus`].
pub struct CorpusSettings<'a> {
    /// How to read.
    pub read: CorpusOptions,
    /// `--group-by`.
    pub group_by: Option<&'a GroupBy>,
    /// Top-N documents per theme.
    pub top: usize,
    /// Worker threads.
    pub jobs: usize,
    /// Keep each document's attributed sentences for `stance compare`, as its options say.
    pub speech: Option<&'a CompareOptions>,
}

/// Analyses a corpus with bounded memory; `on_doc` sees every complete document in input order
/// (and may fail, e.g. on a broken pipe, which stops the run). `progress` is called with
/// (documents, bytes) as documents complete.
pub fn analyze_corpus(
    pipeline: &Pipeline,
    inputs: &[String],
    settings: &CorpusSettings<'_>,
    on_doc: &mut dyn FnMut(&DocSummary) -> anyhow::Result<()>,
    progress: &mut dyn FnMut(u64, u64),
) -> anyhow::Result<CorpusRun> {
    let themes = pipeline.themes().len();
    let mut agg = CorpusAdder::new(CorpusAgg::new(
        pipeline.themes().to_vec(),
        LexiconId::of(&pipeline.lexicons),
        settings.group_by,
        settings.top,
    ));
    let jobs = settings.jobs.max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("stance-worker-{i}"))
        .build()?;
    let cancel = AtomicBool::new(false);
    let actors = pipeline.attributor.actors();
    let group_by = settings.group_by;
    let speech = settings.speech;
    let mut failure = None;

    let (errors, warnings) = std::thread::scope(|s| {
        // Documents travel in batches of about BATCH_BYTES: one hand-over between threads per
        // document cost more than analysing a short news item (futex wake-ups, par_bridge's lock).
        let (job_tx, job_rx) = sync_channel::<Vec<Job>>(jobs * 2);
        let (done_tx, done_rx) = sync_channel::<Vec<Done>>(jobs * 4);
        let cancel = &cancel;
        let read = &settings.read;
        let reader = s.spawn(move || {
            let (mut errors, mut warnings) = (Vec::new(), Vec::new());
            let mut seq = 0u64;
            let (mut batch, mut batch_bytes) = (Vec::new(), 0u64);
            corpus::read_corpus(inputs, read, &mut |e| {
                if cancel.load(Ordering::Relaxed) {
                    return false;
                }
                match e {
                    Event::Document { doc, bytes, last } => {
                        batch_bytes += doc.text.len() as u64;
                        batch.push(Job {
                            seq,
                            last,
                            bytes,
                            doc,
                        });
                        if last {
                            seq += 1;
                        }
                        if batch_bytes < BATCH_BYTES && batch.len() < BATCH_DOCS {
                            return true;
                        }
                        batch_bytes = 0;
                        job_tx.send(std::mem::take(&mut batch)).is_ok()
                    }
                    Event::Error(i) => {
                        errors.push(i);
                        true
                    }
                    Event::Warning(i) => {
                        warnings.push(i);
                        true
                    }
                }
            });
            if !batch.is_empty() {
                let _ = job_tx.send(batch);
            }
            (errors, warnings)
        });
        s.spawn(move || {
            pool.install(|| {
                job_rx
                    .into_iter()
                    .par_bridge()
                    .for_each_with(done_tx, |tx, batch| {
                        let mut done = Vec::with_capacity(batch.len());
                        for job in batch {
                            if cancel.load(Ordering::Relaxed) {
                                return;
                            }
                            let chunk = job.doc.chunk;
                            let summary = match speech {
                                // only the sums: no analysed document is built
                                None => {
                                    DocSummary::analyze(pipeline, &job.doc, job.bytes, group_by)
                                }
                                Some(opts) => {
                                    let analyzed = pipeline.analyze(job.doc);
                                    let mut summary = DocSummary::new(
                                        &analyzed, job.bytes, themes, actors, group_by,
                                    );
                                    summary.speech = Some(DocSpeech::of(&analyzed, opts));
                                    summary
                                }
                            };
                            done.push(Done {
                                seq: job.seq,
                                last: job.last,
                                chunk,
                                summary,
                            });
                        }
                        let _ = tx.send(done);
                    })
            })
        });

        // Chunks of unfinished documents: (sum so far, chunks received, chunk count once known).
        let mut open: HashMap<u64, (DocChunks, usize, Option<usize>)> = HashMap::new();
        // Finished documents waiting for their predecessors.
        let mut ready: BTreeMap<u64, DocSummary> = BTreeMap::new();
        let mut next = 0u64;
        let mut bytes = 0u64;
        for d in done_rx.iter().flatten() {
            let complete = if d.chunk == 0 && d.last {
                Some(d.summary)
            } else {
                let e = open
                    .entry(d.seq)
                    .or_insert_with(|| (DocChunks::new(&d.summary), 0, None));
                e.0.add(&d.summary);
                e.1 += 1;
                if d.last {
                    e.2 = Some(d.chunk + 1);
                }
                if e.2 == Some(e.1) {
                    open.remove(&d.seq).map(|e| e.0.finish())
                } else {
                    None
                }
            };
            if let Some(sum) = complete {
                ready.insert(d.seq, sum);
            }
            while let Some(sum) = ready.remove(&next) {
                next += 1;
                bytes += sum.bytes;
                agg.add(&sum);
                if let Err(e) = on_doc(&sum) {
                    failure = Some(e);
                    break;
                }
                // (its vectors go back to the workers)
                sum.sums.recycle();
                progress(next, bytes);
            }
            if failure.is_some() {
                cancel.store(true, Ordering::Relaxed);
                break;
            }
        }
        drop(done_rx);
        reader.join().expect("reader thread panicked")
    });
    if let Some(e) = failure {
        return Err(e);
    }
    let mut agg = agg.finish();
    agg.errors = errors;
    agg.warnings = warnings;
    agg.finish();
    Ok(CorpusRun { agg })
}

/// Prints errors (always) and warnings (unless quiet) to stderr.
pub fn print_issues(errors: &[Issue], warnings: &[Issue], quiet: bool) {
    for e in errors {
        eprintln!("stance: {}: {}", e.input, e.error);
    }
    if !quiet {
        for w in warnings {
            eprintln!("stance: warning: {}: {}", w.input, w.error);
        }
    }
}

/// Runs `stance batch`.
pub fn run(args: BatchArgs) -> anyhow::Result<ExitCode> {
    let group_by = args
        .group_by
        .as_deref()
        .map(str::parse::<GroupBy>)
        .transpose()
        .map_err(ConfigError)?;
    let per_document = match args.per {
        None | Some(Per::Actor) => false,
        Some(Per::Document) => true,
        Some(Per::Sentence) => {
            return Err(ConfigError(
                "`stance batch` reports per actor or per document; use `stance score --per sentence` for sentences".into(),
            )
            .into());
        }
    };
    let pipeline = args.common.pipeline()?;
    let settings = CorpusSettings {
        read: args.corpus.options(),
        group_by: group_by.as_ref(),
        top: args.top,
        jobs: jobs(&args.common),
        speech: None,
    };
    let mut out = Output::open(args.common.output.as_deref())?;
    let themes = pipeline.themes().to_vec();
    let mut rows: Vec<DocRow> = Vec::new();
    let partial = args.partial;
    let agg = analyze_with_progress(
        &pipeline,
        &args.inputs,
        &settings,
        args.common.quiet,
        &mut |d| {
            let row = DocRow {
                id: d.id.clone(),
                group: d.group.clone(),
                bytes: d.bytes,
                tally: d.sums.total.clone(),
            };
            if partial {
                batch_report::write_doc_line(&mut out, &themes, &row)?;
            } else if per_document {
                rows.push(row);
            }
            Ok(())
        },
    )?;
    if partial {
        batch_report::write_partial(&mut out, &agg)?;
    } else {
        let rep = BatchReport {
            agg: &agg,
            documents: per_document.then_some(&rows[..]),
        };
        batch_report::write_batch(&mut out, &rep, args.common.format())?;
    }
    out.flush()?;
    out.finish()?;
    Ok(if agg.errors.is_empty() {
        ExitCode::Success
    } else {
        ExitCode::PartialFailure
    })
}

/// [`analyze_corpus`] with a progress bar on a terminal (unless `quiet`); prints the run's errors
/// and warnings when it ends.
pub fn analyze_with_progress(
    pipeline: &Pipeline,
    inputs: &[String],
    settings: &CorpusSettings<'_>,
    quiet: bool,
    on_doc: &mut dyn FnMut(&DocSummary) -> anyhow::Result<()>,
) -> anyhow::Result<CorpusAgg> {
    let bar = progress_bar(inputs, quiet);
    let run = analyze_corpus(pipeline, inputs, settings, on_doc, &mut |docs, bytes| {
        if let Some(b) = &bar {
            b.set_position(bytes);
            b.set_message(format!("{docs} documents"));
        }
    });
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let agg = run?.agg;
    print_issues(&agg.errors, &agg.warnings, quiet);
    Ok(agg)
}

/// A progress bar on stderr when it is a terminal (bytes, MB/s, ETA when the size is known).
fn progress_bar(inputs: &[String], quiet: bool) -> Option<indicatif::ProgressBar> {
    if quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let total = corpus::total_size(inputs);
    let bar = match total {
        Some(n) => indicatif::ProgressBar::new(n).with_style(
            indicatif::ProgressStyle::with_template(
                "{bar:30} {decimal_bytes}/{decimal_total_bytes} {decimal_bytes_per_sec} ETA {eta} {msg}",
            )
            .ok()?,
        ),
        None => indicatif::ProgressBar::no_length().with_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {decimal_bytes} {decimal_bytes_per_sec} {elapsed} {msg}",
            )
            .ok()?,
        ),
    };
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr_with_hz(4));
    Some(bar)
}
