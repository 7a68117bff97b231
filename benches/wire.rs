//! Parser throughput: a generated corpus of wire copy in many agency styles, and inputs built
//! to trip a careless scanner (their throughput must stay in the same range as the size grows:
//! the parser is linear).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsdesk::corpus::Corpus;
use newsdesk::wire::{Origin, parse};

fn parse_corpus(c: &mut Criterion) {
    let text = Corpus::new(42).text(2_000);
    let origin = Origin::default();
    let mut group = c.benchmark_group("wire");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("generated corpus", |b| b.iter(|| parse(&text, &origin)));
    group.finish();
}

fn parse_pathological(c: &mut Criterion) {
    let origin = Origin::default();
    let mut group = c.benchmark_group("wire pathological");
    group.sample_size(10);
    for (name, piece) in [
        ("one long line", "word "),
        ("open parentheses", "(MENAFN- ("),
        ("dateline-like words", "KUWAIT, March 26 "),
        ("dateline lines", "KUWAIT, March 26 (KUNA) -- x\n"),
        ("end marks", "(end) "),
        ("blank lines", "\n"),
    ] {
        for megabytes in [1, 4] {
            let text = piece.repeat(megabytes * 1024 * 1024 / piece.len());
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_function(format!("{name}, {megabytes} MB"), |b| {
                b.iter(|| parse(&text, &origin))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, parse_corpus, parse_pathological);
criterion_main!(benches);
