//! Criterion benchmarks (filled in with the pipeline work).
use criterion::{Criterion, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    let text = std::fs::read_to_string("samples/putin-wang-yi-xinhua.txt").unwrap();
    let pipeline = stance::Pipeline::bundled().unwrap();
    c.bench_function("score sample", |b| {
        b.iter(|| pipeline.analyze(stance::Document::from_text("s", text.clone())))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
