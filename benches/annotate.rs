//! Annotator throughput on generated wire copy: tokens and sentences, the entity recogniser with
//! its rules, time expressions, the whole annotation with statements, and the one-time cost of
//! loading the models and the lexicon.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsdesk::annotate::annotate;
use newsdesk::annotate::attribution::tagger;
use newsdesk::annotate::entities::{find_entities, load_model};
use newsdesk::annotate::lexicon::Lexicon;
use newsdesk::annotate::pos;
use newsdesk::annotate::time::find_times;
use newsdesk::annotate::tokens::{sentences, tokenize};
use newsdesk::corpus::Corpus;
use newsdesk::wire::{Origin, parse};

fn bodies() -> Vec<String> {
    let text = Corpus::new(7).text(1_500);
    parse(&text, &Origin::default())
        .into_iter()
        .map(|a| a.body)
        .collect()
}

fn annotator(c: &mut Criterion) {
    let bodies = bodies();
    let tokens: usize = bodies.iter().map(|b| tokenize(b).len()).sum();
    // Load once outside the measurement, as the program does.
    let _ = annotate("warm up", None);
    let mut group = c.benchmark_group("annotate");
    group.throughput(Throughput::Elements(tokens as u64));
    group.bench_function("tokens + entities (tokens/s)", |b| {
        b.iter(|| {
            bodies
                .iter()
                .map(|body| {
                    let found = tokenize(body);
                    let spans = sentences(body, &found);
                    find_entities(body, &found, &spans).len()
                })
                .sum::<usize>()
        })
    });
    group.bench_function("time expressions (tokens/s)", |b| {
        b.iter(|| {
            bodies
                .iter()
                .map(|body| find_times(body, None).len())
                .sum::<usize>()
        })
    });
    group.bench_function("whole annotation (tokens/s)", |b| {
        b.iter(|| {
            bodies
                .iter()
                .map(|body| {
                    let found = annotate(body, None);
                    found.entities.len() + found.statements.len()
                })
                .sum::<usize>()
        })
    });
    group.finish();
}

fn loading(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(20);
    group.bench_function("entity model", |b| {
        b.iter(|| load_model().map(|m| m.feature_count()))
    });
    group.bench_function("part-of-speech model", |b| {
        b.iter(|| pos::load_model().map(|m| m.feature_count()))
    });
    group.bench_function("attribution model", |b| {
        b.iter(|| tagger::load_model().map(|m| m.feature_count()))
    });
    group.bench_function("lexicon", |b| b.iter(Lexicon::embedded));
    group.finish();
}

criterion_group!(benches, annotator, loading);
criterion_main!(benches);
