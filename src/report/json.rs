//! JSON reports (schema `stance/1`, fields of the spec).

use super::{CompareReport, Reporter, ScoreReport, actor_rows, round4, write_json_pretty};
use crate::aggregate::Tally;
use crate::analyze::{AnalyzedDocument, AnalyzedSentence};
use crate::lexicon::LexiconSet;
use crate::matcher::{Match, Matcher};
use serde_json::{Map, Value, json};
use std::io::{self, Write};

/// `--format json`.
pub struct Json;

/// The `lexicons` array: name, version, source and SHA-256 of each lexicon, for reproducibility.
pub fn lexicons_json(set: &LexiconSet) -> Value {
    Value::Array(
        set.lexicons
            .iter()
            .map(|l| json!({"name": l.name, "version": l.version, "source": l.source, "sha256": l.sha256}))
            .collect(),
    )
}

/// One sentence as the spec shows it; `matches` and attribution evidence with `explain`.
pub fn sentence_json(
    matcher: &Matcher,
    doc: &AnalyzedDocument,
    index: usize,
    s: &AnalyzedSentence,
    explain: bool,
) -> Map<String, Value> {
    let themes = matcher.themes();
    let text = &doc.doc.text;
    let mut o = Map::new();
    o.insert("index".into(), json!(index));
    o.insert("paragraph".into(), json!(s.sentence.paragraph));
    o.insert("start".into(), json!(s.sentence.start));
    o.insert("end".into(), json!(s.sentence.end));
    o.insert("text".into(), json!(s.sentence.text(text)));
    o.insert("speaker".into(), json!(s.attribution.speaker));
    o.insert("attribution".into(), json!(s.attribution.kind.as_str()));
    o.insert(
        "cue".into(),
        json!(s.attribution.cue.as_ref().map(|c| c.text.as_str())),
    );
    o.insert("tokens".into(), json!(s.tokens));
    let mut scores = Map::new();
    for (t, v) in s.scores.iter().enumerate() {
        if *v != 0.0 {
            scores.insert(themes[t].clone(), json!(round4(*v)));
        }
    }
    o.insert("scores".into(), Value::Object(scores));
    if explain {
        let matches: Vec<Value> = s
            .matches
            .iter()
            .map(|m| match_json(matcher, text, m))
            .collect();
        o.insert("matches".into(), Value::Array(matches));
        let cue_span = s.attribution.cue.as_ref().map(|c| json!([c.start, c.end]));
        o.insert("cue_span".into(), cue_span.unwrap_or(Value::Null));
        let frame = s.attribution.frame.map(|(a, b)| json!([a, b]));
        o.insert("frame".into(), frame.unwrap_or(Value::Null));
        o.insert("rule".into(), json!(s.attribution.rule));
    }
    o
}

/// One match as `--explain` shows it: theme, term, the matched text and its byte span, weight,
/// negation and the intensifier behind the weight.
pub fn match_json(matcher: &Matcher, text: &str, m: &Match) -> Value {
    json!({
        "theme": matcher.themes()[m.theme],
        "term": matcher.term_label(m.term),
        "text": &text[m.start..m.end],
        "start": m.start,
        "end": m.end,
        "weight": m.weight,
        "negated": m.negated,
        "intensifier": m.intensifier,
    })
}

/// A tally's fields: counts, per-theme scores, hits and rates.
pub fn tally_json(themes: &[String], t: &Tally) -> Map<String, Value> {
    let mut o = Map::new();
    o.insert("documents".into(), json!(t.documents));
    o.insert("sentences".into(), json!(t.sentences));
    o.insert("tokens".into(), json!(t.tokens));
    let per = |f: &dyn Fn(usize) -> Value| {
        Value::Object(
            themes
                .iter()
                .enumerate()
                .map(|(i, id)| (id.clone(), f(i)))
                .collect(),
        )
    };
    o.insert("scores".into(), per(&|i| json!(round4(t.score(i)))));
    o.insert("hits".into(), per(&|i| json!(t.hits[i])));
    o.insert("per_1k_tokens".into(), per(&|i| json!(round4(t.per_1k(i)))));
    o
}

impl Reporter for Json {
    fn score(&self, out: &mut dyn Write, rep: &ScoreReport<'_>) -> io::Result<()> {
        let themes = rep.matcher.themes();
        let documents: Vec<Value> = rep
            .documents
            .iter()
            .map(|d| {
                let sentences: Vec<Value> = d
                    .sentences
                    .iter()
                    .enumerate()
                    .map(|(i, s)| Value::Object(sentence_json(rep.matcher, d, i, s, rep.explain)))
                    .collect();
                json!({"id": d.doc.id, "bytes": d.doc.text.len(), "replaced_bytes": d.doc.replaced, "sentences": sentences})
            })
            .collect();
        let actors: Vec<Value> = actor_rows(rep.breakdown)
            .into_iter()
            .filter(|(name, _, _)| name != "(narration)")
            .map(|(name, group, t)| {
                let mut o = Map::new();
                o.insert("actor".into(), json!(name));
                o.insert("group".into(), json!(group));
                o.extend(tally_json(themes, t));
                Value::Object(o)
            })
            .collect();
        let groups: Vec<Value> = rep
            .breakdown
            .actor_groups
            .iter()
            .map(|(g, t)| {
                let mut o = Map::new();
                o.insert("group".into(), json!(g));
                o.extend(tally_json(themes, t));
                Value::Object(o)
            })
            .collect();
        let v = json!({
            "schema": "stance/1",
            "lexicons": lexicons_json(rep.lexicons),
            "themes": themes,
            "documents": documents,
            "actors": actors,
            "actor_groups": groups,
            "narration": tally_json(themes, &rep.breakdown.narration),
            "totals": tally_json(themes, &rep.breakdown.total),
        });
        write_json_pretty(out, &v)
    }

    fn compare(&self, out: &mut dyn Write, rep: &CompareReport<'_>) -> io::Result<()> {
        let c = rep.comparison;
        let by_theme = |f: &dyn Fn(usize) -> Value| -> Value {
            Value::Object(
                c.themes
                    .iter()
                    .enumerate()
                    .map(|(i, id)| (id.clone(), f(i)))
                    .collect(),
            )
        };
        let interval = |x: &crate::compare::Interval, key: &str| json!({key: round4(x.value), "low": round4(x.low), "high": round4(x.high)});
        let speakers: Vec<Value> = c
            .speakers
            .iter()
            .map(|s| {
                let mut v = json!({
                    "actor": s.actor, "merged": s.merged, "group": s.group, "documents": s.documents,
                    "sentences": s.sentences, "tokens": s.tokens,
                    "scores": by_theme(&|i| json!(round4(s.scores[i]))),
                    "per_1k_tokens": by_theme(&|i| interval(&s.rates[i], "rate")),
                    "warning": s.warning,
                });
                if c.explained {
                    v["explain"] = s
                        .explain
                        .iter()
                        .map(|e| {
                            json!({"theme": c.themes[e.theme], "term": e.term,
                                   "hits": e.hits, "score": round4(e.score)})
                        })
                        .collect();
                }
                v
            })
            .collect();
        let difference = c.pair.as_ref().map(|p| {
            json!({
                "a": p.a, "b": p.b,
                "per_1k_tokens": by_theme(&|i| interval(&p.differences[i], "difference")),
                "warning": p.warning,
            })
        });
        let terms: Vec<Value> = c
            .terms
            .iter()
            .map(|t| {
                let list: Vec<Value> = t
                    .terms
                    .iter()
                    .map(|d| {
                        json!({"term": d.term, "count": d.count, "count_others": d.count_others,
                                    "log_odds": round4(d.log_odds), "z": round4(d.z)})
                    })
                    .collect();
                json!({"actor": t.actor, "versus": t.versus, "terms": list, "warning": t.warning})
            })
            .collect();
        let v = json!({
            "schema": "stance/1",
            "lexicons": lexicons_json(rep.lexicons),
            "themes": c.themes,
            "bootstrap": {"replicates": c.replicates, "seed": c.seed, "confidence": 0.95, "unit": "sentence"},
            "speakers": speakers,
            "difference": difference,
            "distinctive_terms": terms,
            "missing": c.missing,
            "speakers_left_out": c.left_out,
            "ambiguous": c.ambiguous.iter().map(|(m, names)| json!({"name": m, "speakers": names})).collect::<Vec<_>>(),
        });
        write_json_pretty(out, &v)
    }
}
