//! JSON Lines: one object per sentence (default), document (`--per document`) or actor
//! (`--per actor`); comparisons as one object per speaker, difference and distinctive word.

use super::json::{sentence_json, tally_json};
use super::{CompareReport, Reporter, ScoreReport, actor_rows, doc_tally, round4, write_json_line};
use crate::cli::Per;
use serde_json::{Map, Value, json};
use std::io::{self, Write};

/// `--format jsonl`.
pub struct Jsonl;

impl Reporter for Jsonl {
    fn score(&self, out: &mut dyn Write, rep: &ScoreReport<'_>) -> io::Result<()> {
        let themes = rep.matcher.themes();
        match rep.per {
            Per::Sentence => {
                for d in rep.documents {
                    for (i, s) in d.sentences.iter().enumerate() {
                        let mut o = Map::new();
                        o.insert("id".into(), json!(d.doc.id));
                        o.extend(sentence_json(rep.matcher, d, i, s, rep.explain));
                        write_json_line(out, &Value::Object(o))?;
                    }
                }
            }
            Per::Document => {
                for d in rep.documents {
                    let mut o = Map::new();
                    o.insert("id".into(), json!(d.doc.id));
                    o.extend(tally_json(themes, &doc_tally(d, themes.len())));
                    o.remove("documents");
                    write_json_line(out, &Value::Object(o))?;
                }
            }
            Per::Actor => {
                for (name, group, t) in actor_rows(rep.breakdown) {
                    let mut o = Map::new();
                    let narration = name == "(narration)";
                    o.insert(
                        "actor".into(),
                        if narration { Value::Null } else { json!(name) },
                    );
                    o.insert("group".into(), json!(group));
                    o.extend(tally_json(themes, t));
                    write_json_line(out, &Value::Object(o))?;
                }
            }
        }
        Ok(())
    }

    fn compare(&self, out: &mut dyn Write, rep: &CompareReport<'_>) -> io::Result<()> {
        let c = rep.comparison;
        for s in &c.speakers {
            for (i, theme) in c.themes.iter().enumerate() {
                let r = &s.rates[i];
                write_json_line(
                    out,
                    &json!({"kind": "rate", "actor": s.actor, "theme": theme,
                    "per_1k_tokens": round4(r.value), "low": round4(r.low), "high": round4(r.high),
                    "score": round4(s.scores[i]), "sentences": s.sentences, "tokens": s.tokens,
                    "warning": s.warning}),
                )?;
            }
        }
        if let Some(p) = &c.pair {
            for (i, theme) in c.themes.iter().enumerate() {
                let d = &p.differences[i];
                write_json_line(
                    out,
                    &json!({"kind": "difference", "a": p.a, "b": p.b, "theme": theme,
                    "difference": round4(d.value), "low": round4(d.low), "high": round4(d.high),
                    "warning": p.warning}),
                )?;
            }
        }
        for t in &c.terms {
            for d in &t.terms {
                write_json_line(
                    out,
                    &json!({"kind": "term", "actor": t.actor, "versus": t.versus, "term": d.term,
                    "count": d.count, "count_others": d.count_others,
                    "log_odds": round4(d.log_odds), "z": round4(d.z)}),
                )?;
            }
        }
        Ok(())
    }
}
