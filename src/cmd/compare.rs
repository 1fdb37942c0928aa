//! `stance compare <INPUT>...`: speakers side by side — rates with bootstrap intervals, the
//! difference between two speakers, distinguishing words.
//!
//! Inputs are read as `stance batch` reads a corpus (files, folders, globs, JSONL, stdin; in
//! parallel, with bounded memory): each worker keeps only a document's attributed sentences
//! ([`DocSpeech`]), and they are collected in input order, so the bootstrap (which draws sentences
//! by position) gives the same intervals whatever the thread count.

use super::batch::{self, CorpusArgs, CorpusSettings};
use crate::cli::CommonOpts;
use crate::compare::{Collector, CompareOptions, DocSpeech};
use crate::error::ExitCode;
use crate::report::{self, CompareReport, output::Output};
use clap::Args;

/// Arguments of `stance compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Files, folders (walked recursively; hidden and .gitignore'd files skipped), globs, JSONL
    /// corpora (.jsonl, .jsonl.gz), or '-' for stdin.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// A speaker to compare (repeatable; a surname or actors-file alias is enough).
    /// Default: the --speakers with the most sentences. The first two are compared as a pair.
    #[arg(long, value_name = "NAME")]
    pub actor: Vec<String>,
    /// Without --actor: how many speakers to compare, most sentences first.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub speakers: usize,
    /// Distinguishing words listed per speaker.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub top: usize,
    /// Bootstrap replicates.
    #[arg(long, value_name = "N", default_value_t = 2000)]
    pub bootstrap: usize,
    /// Bootstrap seed (the output is deterministic for a given seed).
    #[arg(long, value_name = "N", default_value_t = 42)]
    pub seed: u64,
    /// Fewer sentences than this and a speaker is flagged as too few to compare.
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub min_sentences: usize,
    /// Rank English function words ("the", "of", "that") among the distinguishing words too.
    #[arg(long)]
    pub keep_stopwords: bool,
    /// How a corpus is read.
    #[command(flatten)]
    pub corpus: CorpusArgs,
    /// Shared options.
    #[command(flatten)]
    pub common: CommonOpts,
}

/// Runs `stance compare`.
pub fn run(args: CompareArgs) -> anyhow::Result<ExitCode> {
    let pipeline = args.common.pipeline()?;
    let opts = CompareOptions {
        actors: args.actor,
        speakers: args.speakers,
        top: args.top,
        replicates: args.bootstrap.max(1),
        seed: args.seed,
        min_sentences: args.min_sentences,
        keep_stopwords: args.keep_stopwords,
        explain: args.common.explain,
        ..CompareOptions::default()
    };
    let settings = CorpusSettings {
        read: args.corpus.options(),
        group_by: None,
        top: 0,
        jobs: batch::jobs(&args.common),
        speech: Some(&opts),
    };
    let mut collector = Collector::new(&opts, pipeline.attributor.actors());
    let agg = batch::analyze_with_progress(
        &pipeline,
        &args.inputs,
        &settings,
        args.common.quiet,
        &mut |d| {
            collector.add(d.speech.as_ref().unwrap_or(&DocSpeech::default()));
            Ok(())
        },
    )?;
    let failed = !agg.errors.is_empty();
    if agg.overall.total.documents == 0 && failed {
        // nothing could be read: the errors are on stderr, an empty report would only hide them
        return Ok(ExitCode::PartialFailure);
    }
    let comparison = collector.finish(&pipeline.matcher, pipeline.attributor.actors(), &opts);
    if !args.common.quiet {
        for m in &comparison.missing {
            eprintln!("stance: warning: no speaker `{m}` found");
        }
        for (m, names) in &comparison.ambiguous {
            eprintln!(
                "stance: warning: `{m}` is a name of several speakers ({}): name one of them",
                names.join(", ")
            );
        }
    }
    let mut out = Output::open(args.common.output.as_deref())?;
    let rep = CompareReport {
        lexicons: &pipeline.lexicons,
        comparison: &comparison,
        width: super::table_width(out.is_terminal()),
    };
    report::reporter(args.common.format()).compare(&mut out, &rep)?;
    out.finish()?;
    Ok(if failed {
        ExitCode::PartialFailure
    } else {
        ExitCode::Success
    })
}
