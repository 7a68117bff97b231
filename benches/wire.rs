//! Parser throughput on a generated corpus of wire copy.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsdesk::corpus::Corpus;
use newsdesk::wire::{Origin, parse};

fn parse_corpus(c: &mut Criterion) {
    let text = Corpus::new(42).text(2_000);
    let origin = Origin::default();
    let mut group = c.benchmark_group("wire");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("parse generated corpus", |b| b.iter(|| parse(&text, &origin)));
    group.finish();
}

criterion_group!(benches, parse_corpus);
criterion_main!(benches);
