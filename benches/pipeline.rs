//! Criterion benchmarks of each stage and of the whole `score` path, on a generated 10 MB text
//! (the sample's sentences reshuffled into paragraphs, deterministically). Throughput in MB/s.
//!
//! `cargo bench` — or `cargo bench -- segment` for one group.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use stance::{Document, Pipeline, segment};
use std::hint::black_box;

/// About `target` bytes of news-like text: the sample's paragraphs split into sentences, recombined
/// by a fixed PRNG into paragraphs of 1–5 sentences, with some speaker cues added.
fn generated_text(target: usize) -> String {
    let sample = include_str!("../samples/putin-wang-yi-xinhua.txt");
    let sentences: Vec<&str> = sample
        .lines()
        .flat_map(|l| l.split_inclusive(". "))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let cues = [
        "",
        "Lavrov said that ",
        "He stressed that ",
        "According to Wang, ",
        "",
    ];
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let mut out = String::with_capacity(target + 1024);
    while out.len() < target {
        for _ in 0..1 + next(5) {
            out.push_str(cues[next(cues.len())]);
            out.push_str(sentences[next(sentences.len())]);
            out.push(' ');
        }
        out.push('\n');
    }
    out
}

fn stages(c: &mut Criterion) {
    let text = generated_text(10_000_000);
    let pipeline = Pipeline::bundled().expect("bundled lexicons");
    let sentences = segment::sentences(&text);

    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(text.len() as u64))
        .sample_size(10);
    g.bench_function("segment", |b| {
        b.iter(|| black_box(segment::sentences(black_box(&text))))
    });
    g.bench_function("match", |b| {
        b.iter(|| {
            let mut n = 0;
            for s in &sentences {
                n += pipeline.matcher.find(&text, s.start..s.end).len();
            }
            black_box(n)
        })
    });
    g.bench_function("attribute", |b| {
        b.iter(|| black_box(pipeline.attributor.attribute(&text, &sentences)))
    });
    g.bench_function("score (whole pipeline)", |b| {
        b.iter(|| black_box(pipeline.analyze(Document::from_text("bench", text.clone()))))
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
