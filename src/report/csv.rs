//! CSV: one row per actor (default), sentence (`--per sentence`) or document
//! (`--per document`), one column per theme; comparisons as tidy rows.

use super::{CompareReport, Reporter, ScoreReport, actor_row_head, actor_rows, doc_tally, round4};
use crate::cli::Per;
use std::io::{self, Write};

/// `--format csv`.
pub struct Csv;

fn writer(out: &mut dyn Write) -> csv::Writer<&mut dyn Write> {
    csv::WriterBuilder::new().from_writer(out)
}

fn to_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

fn f(x: f64) -> String {
    round4(x).to_string()
}

impl Reporter for Csv {
    fn score(&self, out: &mut dyn Write, rep: &ScoreReport<'_>) -> io::Result<()> {
        let themes = rep.matcher.themes();
        let mut w = writer(out);
        match rep.per {
            Per::Sentence => {
                let mut head = vec![
                    "document",
                    "index",
                    "paragraph",
                    "start",
                    "end",
                    "speaker",
                    "attribution",
                    "cue",
                    "tokens",
                ];
                head.extend(themes.iter().map(String::as_str));
                head.push("text");
                w.write_record(&head).map_err(to_io)?;
                for d in rep.documents {
                    for (i, s) in d.sentences.iter().enumerate() {
                        let mut row = vec![
                            d.doc.id.clone(),
                            i.to_string(),
                            s.sentence.paragraph.to_string(),
                            s.sentence.start.to_string(),
                            s.sentence.end.to_string(),
                            s.attribution.speaker.clone().unwrap_or_default(),
                            s.attribution.kind.as_str().to_string(),
                            s.attribution
                                .cue
                                .as_ref()
                                .map(|c| c.text.clone())
                                .unwrap_or_default(),
                            s.tokens.to_string(),
                        ];
                        row.extend(s.scores.iter().map(|v| f(*v)));
                        row.push(s.sentence.text(&d.doc.text).to_string());
                        w.write_record(&row).map_err(to_io)?;
                    }
                }
            }
            Per::Document => {
                let mut head = vec!["document", "sentences", "tokens"];
                head.extend(themes.iter().map(String::as_str));
                w.write_record(&head).map_err(to_io)?;
                for d in rep.documents {
                    let t = doc_tally(d, themes.len());
                    let mut row = vec![
                        d.doc.id.clone(),
                        t.sentences.to_string(),
                        t.tokens.to_string(),
                    ];
                    row.extend((0..themes.len()).map(|i| f(t.score(i))));
                    w.write_record(&row).map_err(to_io)?;
                }
            }
            Per::Actor => {
                let mut head = vec![
                    "actor".to_string(),
                    "group".into(),
                    "documents".into(),
                    "sentences".into(),
                    "tokens".into(),
                ];
                head.extend(themes.iter().cloned());
                head.extend(themes.iter().map(|t| format!("{t}_per_1k")));
                w.write_record(&head).map_err(to_io)?;
                for (name, group, t) in actor_rows(rep.breakdown) {
                    let mut row = actor_row_head(name, group, t);
                    row.extend((0..themes.len()).map(|i| f(t.score(i))));
                    row.extend((0..themes.len()).map(|i| f(t.per_1k(i))));
                    w.write_record(&row).map_err(to_io)?;
                }
            }
        }
        w.flush()
    }

    fn compare(&self, out: &mut dyn Write, rep: &CompareReport<'_>) -> io::Result<()> {
        let c = rep.comparison;
        let mut w = writer(out);
        w.write_record([
            "kind",
            "actor",
            "versus",
            "theme",
            "term",
            "value",
            "low",
            "high",
            "count",
            "count_others",
            "z",
        ])
        .map_err(to_io)?;
        for s in &c.speakers {
            for (i, theme) in c.themes.iter().enumerate() {
                let r = &s.rates[i];
                w.write_record([
                    "rate",
                    &s.actor,
                    "",
                    theme,
                    "",
                    &f(r.value),
                    &f(r.low),
                    &f(r.high),
                    "",
                    "",
                    "",
                ])
                .map_err(to_io)?;
            }
        }
        for s in c.speakers.iter().filter(|_| c.explained) {
            for e in &s.explain {
                w.write_record([
                    "explain",
                    &s.actor,
                    "",
                    &c.themes[e.theme],
                    &e.term,
                    &f(e.score),
                    "",
                    "",
                    &e.hits.to_string(),
                    "",
                    "",
                ])
                .map_err(to_io)?;
            }
        }
        if let Some(p) = &c.pair {
            for (i, theme) in c.themes.iter().enumerate() {
                let d = &p.differences[i];
                w.write_record([
                    "difference",
                    &p.a,
                    &p.b,
                    theme,
                    "",
                    &f(d.value),
                    &f(d.low),
                    &f(d.high),
                    "",
                    "",
                    "",
                ])
                .map_err(to_io)?;
            }
        }
        for t in &c.terms {
            let versus = t.versus.join(";");
            for d in &t.terms {
                w.write_record([
                    "term",
                    &t.actor,
                    &versus,
                    "",
                    &d.term,
                    &f(d.log_odds),
                    "",
                    "",
                    &d.count.to_string(),
                    &d.count_others.to_string(),
                    &f(d.z),
                ])
                .map_err(to_io)?;
            }
        }
        w.flush()
    }
}
