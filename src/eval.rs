//! Evaluation of attribution against PolNeAR-style gold: sentence-level detection precision,
//! recall and F1, speaker accuracy, end-to-end P/R/F1 and recall by direct/indirect/mixed.
//!
//! The rules are those of the project's reference evaluator (`eval_attribution.py`), so that both
//! give the same numbers on the same predictions:
//!
//! - the gold speaker of a predicted sentence is the speaker of the gold attribution whose content
//!   spans cover the most of the sentence's non-space characters, provided that is at least half
//!   of them (else the sentence is narration);
//! - gold pronoun speakers resolve to the nearest preceding named source ("who" to the
//!   capitalised phrase right before it);
//! - names match ignoring case, titles, possessives and leading determiners: one token sequence
//!   contains the other, or, for two person names, the surname of one is a token of the other.
//!
//! Gold offsets are Unicode code points; predictions made by `stance` are byte offsets and are
//! converted. The library does no printing: [`Evaluation`] is rendered by `stance eval`.

use crate::attribute::Attributor;
use crate::segment;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// One gold document.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldDoc {
    /// Document id.
    pub id: String,
    /// The text; gold offsets are code points into it.
    pub text: String,
    /// The annotated attributions.
    pub quotes: Vec<GoldQuote>,
}

/// One gold attribution.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldQuote {
    /// The source as written, `None` when unannotated.
    pub speaker: Option<String>,
    /// The cue as written.
    #[serde(default)]
    pub cue: Option<String>,
    /// `direct`, `indirect` or `mixed`.
    #[serde(default)]
    pub kind: Option<String>,
    /// Content spans, code points, half-open.
    pub content_spans: Vec<(usize, usize)>,
    /// Source spans, code points, half-open.
    #[serde(default)]
    pub speaker_spans: Vec<(usize, usize)>,
}

/// A predicted sentence, code-point offsets into the gold text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PredSentence {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Predicted speaker as the text names it (see [`crate::attribute::Attribution::mention`]),
    /// the form PolNeAR annotates; `None` for narration. This is what is scored.
    pub speaker: Option<String>,
    /// The canonical speaker `stance` reports ("Elward Edd" for the mention "Edd";
    /// informative, scored separately as [`Evaluation::end_to_end_canonical`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
    /// How `stance` found it (`explicit`, `pronoun`, ...; informative, not scored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The cue or label behind it (informative, not scored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// The source-and-cue part of the sentence, `[start, end)` (informative, not scored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frame: Option<(usize, usize)>,
    /// The speaker the attributor found when the sentence was scored as narration because its
    /// frame is more than half of it (informative, not scored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mostly_frame: Option<String>,
}

/// The predictions for one document, as the evaluator's JSONL line.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PredDoc {
    /// Gold document id.
    pub id: String,
    /// Sentences in order.
    pub sentences: Vec<PredSentence>,
}

/// Precision, recall, F1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
}

impl Prf {
    fn new(tp: usize, n_pred: usize, n_gold: usize) -> Prf {
        let p = if n_pred > 0 {
            tp as f64 / n_pred as f64
        } else {
            0.0
        };
        let r = if n_gold > 0 {
            tp as f64 / n_gold as f64
        } else {
            0.0
        };
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Prf {
            precision: round4(p),
            recall: round4(r),
            f1: round4(f1),
        }
    }
}

/// Recall for one kind of gold attribution.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct KindRecall {
    /// Gold sentences of this kind.
    pub gold_sentences: usize,
    /// Of them, predicted with some speaker.
    pub detection_recall: f64,
    /// Of them, predicted with the right speaker.
    pub end_to_end_recall: f64,
}

/// A wrongly attributed sentence, for `--errors`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EvalError {
    /// Document id.
    pub doc: String,
    /// The sentence (first 160 characters).
    pub sentence: String,
    /// Predicted speaker.
    pub pred: Option<String>,
    /// Gold speaker after pronoun resolution.
    pub gold: Option<String>,
    /// Gold speaker as annotated.
    pub gold_raw: Option<String>,
}

/// The scores.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Evaluation {
    /// Is a sentence reported speech at all.
    pub detection: Prf,
    /// Right speaker among sentences both sides call reported.
    pub speaker_accuracy: f64,
    /// Reported speech with the right speaker.
    pub end_to_end: Prf,
    /// The same, scored on the canonical speakers (`actor`) instead of the mentions: lower
    /// where the gold source is a surname with an appositive ("Dunwoody, who worked as a
    /// campaign staffer ...") that the fuller name "Steve Dunwoody" does not match as a string.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_to_end_canonical: Option<Prf>,
    /// Recall by direct / indirect / mixed.
    pub recall_by_kind: BTreeMap<String, KindRecall>,
    /// Gold attributions with a speaker hit by at least one correct sentence.
    pub attribution_level_recall: f64,
    /// Share of the text's non-space characters inside predicted sentences.
    pub pred_sentence_char_coverage: f64,
    /// Raw counts.
    pub counts: BTreeMap<String, usize>,
    /// Examples of errors.
    pub errors: Vec<EvalError>,
}

/// Predicts speakers for a gold document with `stance`'s segmenter and attributor; offsets are
/// code points (use [`to_bytes`] for the byte-offset form).
pub fn predict(attributor: &Attributor, doc: &GoldDoc) -> PredDoc {
    let text = doc.text.as_str();
    let sentences = segment::sentences(text);
    let atts = attributor.attribute(text, &sentences);
    let cp = byte_to_cp(text);
    PredDoc {
        id: doc.id.clone(),
        sentences: sentences
            .iter()
            .zip(atts)
            .map(|(s, a)| {
                // the gold's rule: a sentence reports when its content covers half of it
                let (speaker, actor, mostly_frame) = if a.reports_most_of(text, s) {
                    (a.mention.or_else(|| a.speaker.clone()), a.speaker, None)
                } else {
                    (None, None, a.speaker)
                };
                PredSentence {
                    start: cp[s.start],
                    end: cp[s.end],
                    speaker,
                    actor,
                    kind: Some(a.kind.as_str().to_string()),
                    cue: a.cue.map(|c| c.text),
                    frame: a.frame.map(|(x, y)| (cp[x], cp[y])),
                    mostly_frame,
                }
            })
            .collect(),
    }
}

/// The same predictions with the canonical speakers (`actor`) in `speaker`, to be scored on them.
pub fn on_actors(preds: &[PredDoc]) -> Vec<PredDoc> {
    preds
        .iter()
        .map(|d| PredDoc {
            id: d.id.clone(),
            sentences: d
                .sentences
                .iter()
                .map(|s| PredSentence {
                    speaker: s.actor.clone().or_else(|| s.speaker.clone()),
                    ..s.clone()
                })
                .collect(),
        })
        .collect()
}

/// The same predictions with UTF-8 byte offsets (the evaluator's `--byte-offsets` form).
pub fn to_bytes(doc: &GoldDoc, pred: &PredDoc) -> PredDoc {
    let cb = cp_to_byte(&doc.text);
    PredDoc {
        id: pred.id.clone(),
        sentences: pred
            .sentences
            .iter()
            .map(|s| PredSentence {
                start: cb[s.start],
                end: cb[s.end],
                speaker: s.speaker.clone(),
                actor: s.actor.clone(),
                kind: s.kind.clone(),
                cue: s.cue.clone(),
                frame: s.frame.map(|(x, y)| (cb[x], cb[y])),
                mostly_frame: s.mostly_frame.clone(),
            })
            .collect(),
    }
}

/// Byte offset → code-point offset (defined on char boundaries and at the end).
fn byte_to_cp(text: &str) -> Vec<usize> {
    let mut m = vec![0; text.len() + 1];
    let mut n = 0;
    for (b, c) in text.char_indices() {
        m[b] = n;
        for k in 1..c.len_utf8() {
            m[b + k] = n;
        }
        n += 1;
    }
    m[text.len()] = n;
    m
}

/// Code-point offset → byte offset.
fn cp_to_byte(text: &str) -> Vec<usize> {
    let mut m: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    m.push(text.len());
    m
}

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "we", "i", "it", "him", "her", "his", "hers", "their", "them", "its",
    "us", "you", "me", "who", "which", "that", "whom",
];
const RELATIVE: &[&str] = &["who", "which", "that", "whom"];
const TITLES: &[&str] = &[
    "president",
    "vice",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "secretary",
    "minister",
    "foreign",
    "prime",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "gen",
    "general",
    "judge",
    "justice",
    "sir",
    "former",
    "chairman",
    "chairwoman",
    "ambassador",
    "mayor",
    "prof",
    "professor",
    "rev",
    "lt",
    "col",
    "sgt",
    "capt",
    "adm",
    "premier",
    "chancellor",
    "speaker",
    "deputy",
    "jr",
    "sr",
];
const ORG_WORDS: &[&str] = &[
    "campaign",
    "committee",
    "department",
    "administration",
    "party",
    "post",
    "times",
    "news",
    "journal",
    "office",
    "council",
    "court",
    "agency",
    "bureau",
    "ministry",
    "government",
    "poll",
    "report",
    "survey",
    "sources",
    "source",
    "officials",
    "official",
    "police",
    "republicans",
    "democrats",
    "aides",
    "fbi",
    "association",
    "foundation",
    "center",
    "institute",
    "university",
    "network",
    "group",
    "company",
];
const LEADING_DETS: &[&str] = &["the", "a", "an"];

/// Python's `str.isspace`.
fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `\w` (Unicode): alphanumeric or underscore.
fn py_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// NFKD without combining marks, `’` as `'` (the reference evaluator's `fold`) over the
/// characters news text holds (Latin, general punctuation, ligatures).
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == '\u{2019}' {
            out.push('\'');
        } else if is_combining(c) {
        } else if let Some(r) = fold_char(c) {
            out.push_str(r);
        } else {
            out.push(c);
        }
    }
    out
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36f | 0x1ab0..=0x1aff | 0x1dc0..=0x1dff | 0x20d0..=0x20ff | 0xfe20..=0xfe2f)
}

/// Name tokens: possessives, punctuation, leading determiners and (unless nothing else is left)
/// titles removed.
fn tokens(s: &str, keep_case: bool) -> Vec<String> {
    let f: Vec<char> = fold(s).chars().collect();
    // re.sub(r"'s\b|'(?=\s|$)", "", ...)
    let mut t = String::with_capacity(f.len());
    let mut i = 0;
    while i < f.len() {
        if f[i] == '\'' {
            if i + 1 < f.len() && f[i + 1] == 's' && (i + 2 >= f.len() || !py_word(f[i + 2])) {
                i += 2;
                continue;
            }
            if i + 1 >= f.len() || py_space(f[i + 1]) {
                i += 1;
                continue;
            }
        }
        t.push(f[i]);
        i += 1;
    }
    let mut toks: Vec<String> = t
        .split(|c: char| !(py_word(c) || c == '-'))
        .filter(|x| !x.is_empty())
        .map(|x| {
            if keep_case {
                x.to_string()
            } else {
                x.to_lowercase()
            }
        })
        .collect();
    let mut a = 0;
    while a < toks.len() && LEADING_DETS.contains(&toks[a].to_lowercase().as_str()) {
        a += 1;
    }
    toks.drain(..a);
    let rest: Vec<String> = toks
        .iter()
        .filter(|x| !TITLES.contains(&x.to_lowercase().as_str()))
        .cloned()
        .collect();
    if rest.is_empty() { toks } else { rest }
}

fn is_person(s: &str) -> bool {
    let toks = tokens(s, true);
    let folded = fold(s);
    let first = folded.split_whitespace().next();
    !toks.is_empty()
        && !first.is_some_and(|f| LEADING_DETS.contains(&f.to_lowercase().as_str()))
        && toks
            .iter()
            .all(|t| t.chars().next().is_some_and(char::is_uppercase))
        && !toks
            .iter()
            .any(|t| ORG_WORDS.contains(&t.to_lowercase().as_str()))
}

fn contains(a: &[String], b: &[String]) -> bool {
    !a.is_empty() && a.len() <= b.len() && (0..=b.len() - a.len()).any(|i| b[i..i + a.len()] == *a)
}

/// Do two speaker names refer to the same source (the evaluator's rule)?
pub fn speaker_match(pred: Option<&str>, gold: Option<&str>) -> bool {
    let (Some(pred), Some(gold)) = (pred, gold) else {
        return pred.is_none() && gold.is_none();
    };
    let (p, g) = (tokens(pred, false), tokens(gold, false));
    if p.is_empty() || g.is_empty() {
        return false;
    }
    if contains(&p, &g) || contains(&g, &p) {
        return true;
    }
    if is_person(pred) && is_person(gold) {
        return g.contains(p.last().unwrap()) || p.contains(g.last().unwrap());
    }
    false
}

fn is_pronoun(s: Option<&str>) -> bool {
    s.is_some_and(|s| PRONOUNS.contains(&s.trim().to_lowercase().as_str()))
}

/// Per gold attribution: its speaker with pronouns resolved.
fn resolve_gold(
    doc: &GoldDoc,
    chars: &[char],
    counts: &mut BTreeMap<String, usize>,
) -> Vec<Option<String>> {
    let pos = |q: &GoldQuote| {
        q.speaker_spans
            .first()
            .or(q.content_spans.first())
            .map(|s| s.0)
            .unwrap_or(0)
    };
    let mut named: Vec<(usize, &str)> = doc
        .quotes
        .iter()
        .filter(|q| q.speaker.is_some() && !is_pronoun(q.speaker.as_deref()))
        .map(|q| (pos(q), q.speaker.as_deref().unwrap()))
        .filter(|(_, s)| !s.is_empty())
        .collect();
    named.sort();
    let relative = regex::Regex::new(
        r"((?:(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep)\.\s+)?(?:[A-Z][\w.'\x{2019}-]*\s+){0,3}[A-Z][\w'\x{2019}-]*),?\s*$",
    )
    .expect("valid regex");
    let mut out = Vec::with_capacity(doc.quotes.len());
    for q in &doc.quotes {
        let mut sp = q.speaker.clone();
        if let Some(s) = &sp
            && matches!(
                s.trim().to_lowercase().as_str(),
                "said" | "says" | "told" | "added"
            )
            && q.cue.as_deref().is_some_and(|c| !c.is_empty())
        {
            *counts
                .entry("gold_source_cue_swapped_fixed".into())
                .or_default() += 1;
            sp = q.cue.clone();
        }
        if !is_pronoun(sp.as_deref()) {
            out.push(sp);
            continue;
        }
        let p = pos(q);
        let spl = sp.as_deref().unwrap().trim().to_lowercase();
        if RELATIVE.contains(&spl.as_str()) {
            let window: String = chars[p.saturating_sub(80)..p.min(chars.len())]
                .iter()
                .collect();
            if let Some(m) = relative.captures(&window) {
                *counts
                    .entry("gold_relative_pronoun_resolved_by_context".into())
                    .or_default() += 1;
                out.push(Some(m[1].to_string()));
                continue;
            }
        }
        // bisect_left(named, (p, "")) - 1: the last named source strictly before p
        let i = named.partition_point(|&(np, _)| np < p);
        if i > 0 {
            *counts.entry("gold_pronoun_resolved".into()).or_default() += 1;
            out.push(Some(named[i - 1].1.to_string()));
        } else {
            *counts.entry("gold_pronoun_unresolved".into()).or_default() += 1;
            out.push(sp);
        }
    }
    out
}

/// Scores predictions (code-point offsets) against gold documents. Documents without
/// predictions are counted in `docs_missing` and skipped.
pub fn evaluate(gold: &[GoldDoc], preds: &[PredDoc], n_errors: usize) -> Evaluation {
    let by_id: HashMap<&str, &PredDoc> = preds.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut c: BTreeMap<String, usize> = BTreeMap::new();
    let inc = |c: &mut BTreeMap<String, usize>, k: &str, n: usize| {
        *c.entry(k.to_string()).or_default() += n
    };
    let (mut kind_gold, mut kind_det, mut kind_e2e) = (
        BTreeMap::<String, usize>::new(),
        BTreeMap::<String, usize>::new(),
        BTreeMap::<String, usize>::new(),
    );
    let mut errors = Vec::new();
    inc(
        &mut c,
        "docs_missing",
        gold.iter()
            .filter(|d| !by_id.contains_key(d.id.as_str()))
            .count(),
    );
    for doc in gold {
        let Some(pred) = by_id.get(doc.id.as_str()) else {
            continue;
        };
        let chars: Vec<char> = doc.text.chars().collect();
        let qs = &doc.quotes;
        inc(&mut c, "docs", 1);
        let resolved = resolve_gold(doc, &chars, &mut c);
        let mut ns = Vec::with_capacity(chars.len() + 1);
        ns.push(0usize);
        for ch in &chars {
            ns.push(ns.last().unwrap() + usize::from(!py_space(*ch)));
        }
        let mut covered = vec![false; chars.len()];
        let mut reached = std::collections::BTreeSet::new();
        let mut hit = std::collections::BTreeSet::new();
        for s in &pred.sentences {
            let (a, b) = (s.start.min(chars.len()), s.end.min(chars.len()));
            if a > b {
                continue;
            }
            let n = ns[b] - ns[a];
            if n == 0 {
                continue;
            }
            covered[a..b].iter_mut().for_each(|x| *x = true);
            let (mut best, mut best_cov) = (None, 0usize);
            for (qi, q) in qs.iter().enumerate() {
                let cov: usize = q
                    .content_spans
                    .iter()
                    .map(|&(s0, e0)| {
                        let hi = ns[e0.min(b).min(chars.len())];
                        let lo = ns[s0.max(a).min(chars.len())];
                        hi.saturating_sub(lo)
                    })
                    .sum();
                if cov > best_cov {
                    best = Some(qi);
                    best_cov = cov;
                }
            }
            let gq = best.filter(|_| 2 * best_cov >= n);
            let gspk = gq.and_then(|q| resolved[q].clone());
            let kind = gq
                .and_then(|q| qs[q].kind.clone())
                .unwrap_or_else(|| "None".into());
            inc(&mut c, "sentences", 1);
            if gq.is_some() && gspk.is_none() {
                inc(&mut c, "gold_sourceless_sentences", 1);
            }
            if gq.is_some_and(|q| is_pronoun(qs[q].speaker.as_deref())) {
                inc(&mut c, "gold_sentences_pronoun_resolved", 1);
            }
            let pspk = s.speaker.as_deref().filter(|x| !x.trim().is_empty());
            let (pn, gn) = (pspk.is_some(), gspk.is_some());
            let ok = pn && gn && speaker_match(pspk, gspk.as_deref());
            inc(&mut c, "pred_nonnull", usize::from(pn));
            inc(&mut c, "gold_nonnull", usize::from(gn));
            inc(&mut c, "det_tp", usize::from(pn && gn));
            inc(&mut c, "both_nonnull_match", usize::from(ok));
            if gn {
                let q = gq.unwrap();
                reached.insert(q);
                *kind_gold.entry(kind.clone()).or_default() += 1;
                *kind_det.entry(kind.clone()).or_default() += usize::from(pn);
                *kind_e2e.entry(kind.clone()).or_default() += usize::from(ok);
                if ok {
                    hit.insert(q);
                }
            }
            if (pn || gn) && !ok && errors.len() < n_errors {
                let sentence: String = chars[a..b]
                    .iter()
                    .collect::<String>()
                    .trim()
                    .chars()
                    .take(160)
                    .collect();
                errors.push(EvalError {
                    doc: doc.id.clone(),
                    sentence,
                    pred: pspk.map(str::to_string),
                    gold: gspk.clone(),
                    gold_raw: gq.and_then(|q| qs[q].speaker.clone()),
                });
            }
        }
        inc(&mut c, "nonspace_chars", ns[chars.len()]);
        let cov = chars
            .iter()
            .zip(&covered)
            .filter(|(ch, cv)| **cv && !py_space(**ch))
            .count();
        inc(&mut c, "nonspace_chars_in_pred_sentences", cov);
        let named: Vec<usize> = (0..resolved.len())
            .filter(|&q| resolved[q].is_some())
            .collect();
        inc(&mut c, "gold_attributions_with_speaker", named.len());
        inc(
            &mut c,
            "gold_attributions_sentence_reachable",
            named.iter().filter(|q| reached.contains(q)).count(),
        );
        inc(&mut c, "gold_attributions_hit", hit.len());
    }
    let g = |c: &BTreeMap<String, usize>, k: &str| c.get(k).copied().unwrap_or(0);
    // rounded to 4 places as the reference evaluator does, so printed figures agree
    let ratio = |a: usize, b: usize| {
        if b > 0 {
            round4(a as f64 / b as f64)
        } else {
            0.0
        }
    };
    let recall_by_kind = kind_gold
        .iter()
        .map(|(k, &n)| {
            (
                k.clone(),
                KindRecall {
                    gold_sentences: n,
                    detection_recall: ratio(kind_det[k], n),
                    end_to_end_recall: ratio(kind_e2e[k], n),
                },
            )
        })
        .collect();
    Evaluation {
        detection: Prf::new(
            g(&c, "det_tp"),
            g(&c, "pred_nonnull"),
            g(&c, "gold_nonnull"),
        ),
        speaker_accuracy: ratio(g(&c, "both_nonnull_match"), g(&c, "det_tp")),
        end_to_end: Prf::new(
            g(&c, "both_nonnull_match"),
            g(&c, "pred_nonnull"),
            g(&c, "gold_nonnull"),
        ),
        end_to_end_canonical: None,
        recall_by_kind,
        attribution_level_recall: ratio(
            g(&c, "gold_attributions_hit"),
            g(&c, "gold_attributions_with_speaker"),
        ),
        pred_sentence_char_coverage: ratio(
            g(&c, "nonspace_chars_in_pred_sentences"),
            g(&c, "nonspace_chars"),
        ),
        counts: c,
        errors,
    }
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// Reads gold JSONL; errors name `file:line`.
pub fn read_gold(src: &str, origin: &str) -> Result<Vec<GoldDoc>, String> {
    src.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| format!("{origin}:{}:{}: {e}", i + 1, e.column()))
        })
        .collect()
}

/// One character's fold, generated from Python's `unicodedata.normalize("NFKD")` minus combining
/// marks for U+0080–U+024F, U+1E00–U+1EFF, U+2000–U+206F and U+FB00–U+FB06.
fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{00a0}' => " ",
        '\u{00a8}' => " ",
        '\u{00aa}' => "a",
        '\u{00af}' => " ",
        '\u{00b2}' => "2",
        '\u{00b3}' => "3",
        '\u{00b4}' => " ",
        '\u{00b5}' => "\u{03bc}",
        '\u{00b8}' => " ",
        '\u{00b9}' => "1",
        '\u{00ba}' => "o",
        '\u{00bc}' => "1\u{2044}4",
        '\u{00bd}' => "1\u{2044}2",
        '\u{00be}' => "3\u{2044}4",
        '\u{00c0}' => "A",
        '\u{00c1}' => "A",
        '\u{00c2}' => "A",
        '\u{00c3}' => "A",
        '\u{00c4}' => "A",
        '\u{00c5}' => "A",
        '\u{00c7}' => "C",
        '\u{00c8}' => "E",
        '\u{00c9}' => "E",
        '\u{00ca}' => "E",
        '\u{00cb}' => "E",
        '\u{00cc}' => "I",
        '\u{00cd}' => "I",
        '\u{00ce}' => "I",
        '\u{00cf}' => "I",
        '\u{00d1}' => "N",
        '\u{00d2}' => "O",
        '\u{00d3}' => "O",
        '\u{00d4}' => "O",
        '\u{00d5}' => "O",
        '\u{00d6}' => "O",
        '\u{00d9}' => "U",
        '\u{00da}' => "U",
        '\u{00db}' => "U",
        '\u{00dc}' => "U",
        '\u{00dd}' => "Y",
        '\u{00e0}' => "a",
        '\u{00e1}' => "a",
        '\u{00e2}' => "a",
        '\u{00e3}' => "a",
        '\u{00e4}' => "a",
        '\u{00e5}' => "a",
        '\u{00e7}' => "c",
        '\u{00e8}' => "e",
        '\u{00e9}' => "e",
        '\u{00ea}' => "e",
        '\u{00eb}' => "e",
        '\u{00ec}' => "i",
        '\u{00ed}' => "i",
        '\u{00ee}' => "i",
        '\u{00ef}' => "i",
        '\u{00f1}' => "n",
        '\u{00f2}' => "o",
        '\u{00f3}' => "o",
        '\u{00f4}' => "o",
        '\u{00f5}' => "o",
        '\u{00f6}' => "o",
        '\u{00f9}' => "u",
        '\u{00fa}' => "u",
        '\u{00fb}' => "u",
        '\u{00fc}' => "u",
        '\u{00fd}' => "y",
        '\u{00ff}' => "y",
        '\u{0100}' => "A",
        '\u{0101}' => "a",
        '\u{0102}' => "A",
        '\u{0103}' => "a",
        '\u{0104}' => "A",
        '\u{0105}' => "a",
        '\u{0106}' => "C",
        '\u{0107}' => "c",
        '\u{0108}' => "C",
        '\u{0109}' => "c",
        '\u{010a}' => "C",
        '\u{010b}' => "c",
        '\u{010c}' => "C",
        '\u{010d}' => "c",
        '\u{010e}' => "D",
        '\u{010f}' => "d",
        '\u{0112}' => "E",
        '\u{0113}' => "e",
        '\u{0114}' => "E",
        '\u{0115}' => "e",
        '\u{0116}' => "E",
        '\u{0117}' => "e",
        '\u{0118}' => "E",
        '\u{0119}' => "e",
        '\u{011a}' => "E",
        '\u{011b}' => "e",
        '\u{011c}' => "G",
        '\u{011d}' => "g",
        '\u{011e}' => "G",
        '\u{011f}' => "g",
        '\u{0120}' => "G",
        '\u{0121}' => "g",
        '\u{0122}' => "G",
        '\u{0123}' => "g",
        '\u{0124}' => "H",
        '\u{0125}' => "h",
        '\u{0128}' => "I",
        '\u{0129}' => "i",
        '\u{012a}' => "I",
        '\u{012b}' => "i",
        '\u{012c}' => "I",
        '\u{012d}' => "i",
        '\u{012e}' => "I",
        '\u{012f}' => "i",
        '\u{0130}' => "I",
        '\u{0132}' => "IJ",
        '\u{0133}' => "ij",
        '\u{0134}' => "J",
        '\u{0135}' => "j",
        '\u{0136}' => "K",
        '\u{0137}' => "k",
        '\u{0139}' => "L",
        '\u{013a}' => "l",
        '\u{013b}' => "L",
        '\u{013c}' => "l",
        '\u{013d}' => "L",
        '\u{013e}' => "l",
        '\u{013f}' => "L\u{00b7}",
        '\u{0140}' => "l\u{00b7}",
        '\u{0143}' => "N",
        '\u{0144}' => "n",
        '\u{0145}' => "N",
        '\u{0146}' => "n",
        '\u{0147}' => "N",
        '\u{0148}' => "n",
        '\u{0149}' => "\u{02bc}n",
        '\u{014c}' => "O",
        '\u{014d}' => "o",
        '\u{014e}' => "O",
        '\u{014f}' => "o",
        '\u{0150}' => "O",
        '\u{0151}' => "o",
        '\u{0154}' => "R",
        '\u{0155}' => "r",
        '\u{0156}' => "R",
        '\u{0157}' => "r",
        '\u{0158}' => "R",
        '\u{0159}' => "r",
        '\u{015a}' => "S",
        '\u{015b}' => "s",
        '\u{015c}' => "S",
        '\u{015d}' => "s",
        '\u{015e}' => "S",
        '\u{015f}' => "s",
        '\u{0160}' => "S",
        '\u{0161}' => "s",
        '\u{0162}' => "T",
        '\u{0163}' => "t",
        '\u{0164}' => "T",
        '\u{0165}' => "t",
        '\u{0168}' => "U",
        '\u{0169}' => "u",
        '\u{016a}' => "U",
        '\u{016b}' => "u",
        '\u{016c}' => "U",
        '\u{016d}' => "u",
        '\u{016e}' => "U",
        '\u{016f}' => "u",
        '\u{0170}' => "U",
        '\u{0171}' => "u",
        '\u{0172}' => "U",
        '\u{0173}' => "u",
        '\u{0174}' => "W",
        '\u{0175}' => "w",
        '\u{0176}' => "Y",
        '\u{0177}' => "y",
        '\u{0178}' => "Y",
        '\u{0179}' => "Z",
        '\u{017a}' => "z",
        '\u{017b}' => "Z",
        '\u{017c}' => "z",
        '\u{017d}' => "Z",
        '\u{017e}' => "z",
        '\u{017f}' => "s",
        '\u{01a0}' => "O",
        '\u{01a1}' => "o",
        '\u{01af}' => "U",
        '\u{01b0}' => "u",
        '\u{01c4}' => "DZ",
        '\u{01c5}' => "Dz",
        '\u{01c6}' => "dz",
        '\u{01c7}' => "LJ",
        '\u{01c8}' => "Lj",
        '\u{01c9}' => "lj",
        '\u{01ca}' => "NJ",
        '\u{01cb}' => "Nj",
        '\u{01cc}' => "nj",
        '\u{01cd}' => "A",
        '\u{01ce}' => "a",
        '\u{01cf}' => "I",
        '\u{01d0}' => "i",
        '\u{01d1}' => "O",
        '\u{01d2}' => "o",
        '\u{01d3}' => "U",
        '\u{01d4}' => "u",
        '\u{01d5}' => "U",
        '\u{01d6}' => "u",
        '\u{01d7}' => "U",
        '\u{01d8}' => "u",
        '\u{01d9}' => "U",
        '\u{01da}' => "u",
        '\u{01db}' => "U",
        '\u{01dc}' => "u",
        '\u{01de}' => "A",
        '\u{01df}' => "a",
        '\u{01e0}' => "A",
        '\u{01e1}' => "a",
        '\u{01e2}' => "\u{00c6}",
        '\u{01e3}' => "\u{00e6}",
        '\u{01e6}' => "G",
        '\u{01e7}' => "g",
        '\u{01e8}' => "K",
        '\u{01e9}' => "k",
        '\u{01ea}' => "O",
        '\u{01eb}' => "o",
        '\u{01ec}' => "O",
        '\u{01ed}' => "o",
        '\u{01ee}' => "\u{01b7}",
        '\u{01ef}' => "\u{0292}",
        '\u{01f0}' => "j",
        '\u{01f1}' => "DZ",
        '\u{01f2}' => "Dz",
        '\u{01f3}' => "dz",
        '\u{01f4}' => "G",
        '\u{01f5}' => "g",
        '\u{01f8}' => "N",
        '\u{01f9}' => "n",
        '\u{01fa}' => "A",
        '\u{01fb}' => "a",
        '\u{01fc}' => "\u{00c6}",
        '\u{01fd}' => "\u{00e6}",
        '\u{01fe}' => "\u{00d8}",
        '\u{01ff}' => "\u{00f8}",
        '\u{0200}' => "A",
        '\u{0201}' => "a",
        '\u{0202}' => "A",
        '\u{0203}' => "a",
        '\u{0204}' => "E",
        '\u{0205}' => "e",
        '\u{0206}' => "E",
        '\u{0207}' => "e",
        '\u{0208}' => "I",
        '\u{0209}' => "i",
        '\u{020a}' => "I",
        '\u{020b}' => "i",
        '\u{020c}' => "O",
        '\u{020d}' => "o",
        '\u{020e}' => "O",
        '\u{020f}' => "o",
        '\u{0210}' => "R",
        '\u{0211}' => "r",
        '\u{0212}' => "R",
        '\u{0213}' => "r",
        '\u{0214}' => "U",
        '\u{0215}' => "u",
        '\u{0216}' => "U",
        '\u{0217}' => "u",
        '\u{0218}' => "S",
        '\u{0219}' => "s",
        '\u{021a}' => "T",
        '\u{021b}' => "t",
        '\u{021e}' => "H",
        '\u{021f}' => "h",
        '\u{0226}' => "A",
        '\u{0227}' => "a",
        '\u{0228}' => "E",
        '\u{0229}' => "e",
        '\u{022a}' => "O",
        '\u{022b}' => "o",
        '\u{022c}' => "O",
        '\u{022d}' => "o",
        '\u{022e}' => "O",
        '\u{022f}' => "o",
        '\u{0230}' => "O",
        '\u{0231}' => "o",
        '\u{0232}' => "Y",
        '\u{0233}' => "y",
        '\u{1e00}' => "A",
        '\u{1e01}' => "a",
        '\u{1e02}' => "B",
        '\u{1e03}' => "b",
        '\u{1e04}' => "B",
        '\u{1e05}' => "b",
        '\u{1e06}' => "B",
        '\u{1e07}' => "b",
        '\u{1e08}' => "C",
        '\u{1e09}' => "c",
        '\u{1e0a}' => "D",
        '\u{1e0b}' => "d",
        '\u{1e0c}' => "D",
        '\u{1e0d}' => "d",
        '\u{1e0e}' => "D",
        '\u{1e0f}' => "d",
        '\u{1e10}' => "D",
        '\u{1e11}' => "d",
        '\u{1e12}' => "D",
        '\u{1e13}' => "d",
        '\u{1e14}' => "E",
        '\u{1e15}' => "e",
        '\u{1e16}' => "E",
        '\u{1e17}' => "e",
        '\u{1e18}' => "E",
        '\u{1e19}' => "e",
        '\u{1e1a}' => "E",
        '\u{1e1b}' => "e",
        '\u{1e1c}' => "E",
        '\u{1e1d}' => "e",
        '\u{1e1e}' => "F",
        '\u{1e1f}' => "f",
        '\u{1e20}' => "G",
        '\u{1e21}' => "g",
        '\u{1e22}' => "H",
        '\u{1e23}' => "h",
        '\u{1e24}' => "H",
        '\u{1e25}' => "h",
        '\u{1e26}' => "H",
        '\u{1e27}' => "h",
        '\u{1e28}' => "H",
        '\u{1e29}' => "h",
        '\u{1e2a}' => "H",
        '\u{1e2b}' => "h",
        '\u{1e2c}' => "I",
        '\u{1e2d}' => "i",
        '\u{1e2e}' => "I",
        '\u{1e2f}' => "i",
        '\u{1e30}' => "K",
        '\u{1e31}' => "k",
        '\u{1e32}' => "K",
        '\u{1e33}' => "k",
        '\u{1e34}' => "K",
        '\u{1e35}' => "k",
        '\u{1e36}' => "L",
        '\u{1e37}' => "l",
        '\u{1e38}' => "L",
        '\u{1e39}' => "l",
        '\u{1e3a}' => "L",
        '\u{1e3b}' => "l",
        '\u{1e3c}' => "L",
        '\u{1e3d}' => "l",
        '\u{1e3e}' => "M",
        '\u{1e3f}' => "m",
        '\u{1e40}' => "M",
        '\u{1e41}' => "m",
        '\u{1e42}' => "M",
        '\u{1e43}' => "m",
        '\u{1e44}' => "N",
        '\u{1e45}' => "n",
        '\u{1e46}' => "N",
        '\u{1e47}' => "n",
        '\u{1e48}' => "N",
        '\u{1e49}' => "n",
        '\u{1e4a}' => "N",
        '\u{1e4b}' => "n",
        '\u{1e4c}' => "O",
        '\u{1e4d}' => "o",
        '\u{1e4e}' => "O",
        '\u{1e4f}' => "o",
        '\u{1e50}' => "O",
        '\u{1e51}' => "o",
        '\u{1e52}' => "O",
        '\u{1e53}' => "o",
        '\u{1e54}' => "P",
        '\u{1e55}' => "p",
        '\u{1e56}' => "P",
        '\u{1e57}' => "p",
        '\u{1e58}' => "R",
        '\u{1e59}' => "r",
        '\u{1e5a}' => "R",
        '\u{1e5b}' => "r",
        '\u{1e5c}' => "R",
        '\u{1e5d}' => "r",
        '\u{1e5e}' => "R",
        '\u{1e5f}' => "r",
        '\u{1e60}' => "S",
        '\u{1e61}' => "s",
        '\u{1e62}' => "S",
        '\u{1e63}' => "s",
        '\u{1e64}' => "S",
        '\u{1e65}' => "s",
        '\u{1e66}' => "S",
        '\u{1e67}' => "s",
        '\u{1e68}' => "S",
        '\u{1e69}' => "s",
        '\u{1e6a}' => "T",
        '\u{1e6b}' => "t",
        '\u{1e6c}' => "T",
        '\u{1e6d}' => "t",
        '\u{1e6e}' => "T",
        '\u{1e6f}' => "t",
        '\u{1e70}' => "T",
        '\u{1e71}' => "t",
        '\u{1e72}' => "U",
        '\u{1e73}' => "u",
        '\u{1e74}' => "U",
        '\u{1e75}' => "u",
        '\u{1e76}' => "U",
        '\u{1e77}' => "u",
        '\u{1e78}' => "U",
        '\u{1e79}' => "u",
        '\u{1e7a}' => "U",
        '\u{1e7b}' => "u",
        '\u{1e7c}' => "V",
        '\u{1e7d}' => "v",
        '\u{1e7e}' => "V",
        '\u{1e7f}' => "v",
        '\u{1e80}' => "W",
        '\u{1e81}' => "w",
        '\u{1e82}' => "W",
        '\u{1e83}' => "w",
        '\u{1e84}' => "W",
        '\u{1e85}' => "w",
        '\u{1e86}' => "W",
        '\u{1e87}' => "w",
        '\u{1e88}' => "W",
        '\u{1e89}' => "w",
        '\u{1e8a}' => "X",
        '\u{1e8b}' => "x",
        '\u{1e8c}' => "X",
        '\u{1e8d}' => "x",
        '\u{1e8e}' => "Y",
        '\u{1e8f}' => "y",
        '\u{1e90}' => "Z",
        '\u{1e91}' => "z",
        '\u{1e92}' => "Z",
        '\u{1e93}' => "z",
        '\u{1e94}' => "Z",
        '\u{1e95}' => "z",
        '\u{1e96}' => "h",
        '\u{1e97}' => "t",
        '\u{1e98}' => "w",
        '\u{1e99}' => "y",
        '\u{1e9a}' => "a\u{02be}",
        '\u{1e9b}' => "s",
        '\u{1ea0}' => "A",
        '\u{1ea1}' => "a",
        '\u{1ea2}' => "A",
        '\u{1ea3}' => "a",
        '\u{1ea4}' => "A",
        '\u{1ea5}' => "a",
        '\u{1ea6}' => "A",
        '\u{1ea7}' => "a",
        '\u{1ea8}' => "A",
        '\u{1ea9}' => "a",
        '\u{1eaa}' => "A",
        '\u{1eab}' => "a",
        '\u{1eac}' => "A",
        '\u{1ead}' => "a",
        '\u{1eae}' => "A",
        '\u{1eaf}' => "a",
        '\u{1eb0}' => "A",
        '\u{1eb1}' => "a",
        '\u{1eb2}' => "A",
        '\u{1eb3}' => "a",
        '\u{1eb4}' => "A",
        '\u{1eb5}' => "a",
        '\u{1eb6}' => "A",
        '\u{1eb7}' => "a",
        '\u{1eb8}' => "E",
        '\u{1eb9}' => "e",
        '\u{1eba}' => "E",
        '\u{1ebb}' => "e",
        '\u{1ebc}' => "E",
        '\u{1ebd}' => "e",
        '\u{1ebe}' => "E",
        '\u{1ebf}' => "e",
        '\u{1ec0}' => "E",
        '\u{1ec1}' => "e",
        '\u{1ec2}' => "E",
        '\u{1ec3}' => "e",
        '\u{1ec4}' => "E",
        '\u{1ec5}' => "e",
        '\u{1ec6}' => "E",
        '\u{1ec7}' => "e",
        '\u{1ec8}' => "I",
        '\u{1ec9}' => "i",
        '\u{1eca}' => "I",
        '\u{1ecb}' => "i",
        '\u{1ecc}' => "O",
        '\u{1ecd}' => "o",
        '\u{1ece}' => "O",
        '\u{1ecf}' => "o",
        '\u{1ed0}' => "O",
        '\u{1ed1}' => "o",
        '\u{1ed2}' => "O",
        '\u{1ed3}' => "o",
        '\u{1ed4}' => "O",
        '\u{1ed5}' => "o",
        '\u{1ed6}' => "O",
        '\u{1ed7}' => "o",
        '\u{1ed8}' => "O",
        '\u{1ed9}' => "o",
        '\u{1eda}' => "O",
        '\u{1edb}' => "o",
        '\u{1edc}' => "O",
        '\u{1edd}' => "o",
        '\u{1ede}' => "O",
        '\u{1edf}' => "o",
        '\u{1ee0}' => "O",
        '\u{1ee1}' => "o",
        '\u{1ee2}' => "O",
        '\u{1ee3}' => "o",
        '\u{1ee4}' => "U",
        '\u{1ee5}' => "u",
        '\u{1ee6}' => "U",
        '\u{1ee7}' => "u",
        '\u{1ee8}' => "U",
        '\u{1ee9}' => "u",
        '\u{1eea}' => "U",
        '\u{1eeb}' => "u",
        '\u{1eec}' => "U",
        '\u{1eed}' => "u",
        '\u{1eee}' => "U",
        '\u{1eef}' => "u",
        '\u{1ef0}' => "U",
        '\u{1ef1}' => "u",
        '\u{1ef2}' => "Y",
        '\u{1ef3}' => "y",
        '\u{1ef4}' => "Y",
        '\u{1ef5}' => "y",
        '\u{1ef6}' => "Y",
        '\u{1ef7}' => "y",
        '\u{1ef8}' => "Y",
        '\u{1ef9}' => "y",
        '\u{2000}' => " ",
        '\u{2001}' => " ",
        '\u{2002}' => " ",
        '\u{2003}' => " ",
        '\u{2004}' => " ",
        '\u{2005}' => " ",
        '\u{2006}' => " ",
        '\u{2007}' => " ",
        '\u{2008}' => " ",
        '\u{2009}' => " ",
        '\u{200a}' => " ",
        '\u{2011}' => "\u{2010}",
        '\u{2017}' => " ",
        '\u{2019}' => "'",
        '\u{2024}' => ".",
        '\u{2025}' => "..",
        '\u{2026}' => "...",
        '\u{202f}' => " ",
        '\u{2033}' => "\u{2032}\u{2032}",
        '\u{2034}' => "\u{2032}\u{2032}\u{2032}",
        '\u{2036}' => "\u{2035}\u{2035}",
        '\u{2037}' => "\u{2035}\u{2035}\u{2035}",
        '\u{203c}' => "!!",
        '\u{203e}' => " ",
        '\u{2047}' => "??",
        '\u{2048}' => "?!",
        '\u{2049}' => "!?",
        '\u{2057}' => "\u{2032}\u{2032}\u{2032}\u{2032}",
        '\u{205f}' => " ",
        '\u{fb00}' => "ff",
        '\u{fb01}' => "fi",
        '\u{fb02}' => "fl",
        '\u{fb03}' => "ffi",
        '\u{fb04}' => "ffl",
        '\u{fb05}' => "st",
        '\u{fb06}' => "st",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_like_the_reference_evaluator() {
        assert!(speaker_match(Some("Vladimir Putin"), Some("Putin")));
        assert!(speaker_match(
            Some("President Trump"),
            Some("Donald J. Trump")
        ));
        assert!(speaker_match(
            Some("Trump's campaign"),
            Some("the Trump campaign")
        ));
        assert!(speaker_match(Some("José Núñez"), Some("Jose Nunez")));
        assert!(!speaker_match(
            Some("Hillary Clinton"),
            Some("Donald Trump")
        ));
        assert!(!speaker_match(Some("officials"), None));
        assert!(speaker_match(None, None));
    }

    #[test]
    fn gold_pronouns_resolve_to_the_nearest_named_source_before() {
        let text = "Smith spoke. He said yes. Jones, who said no, left.";
        let q = |sp: &str, s: usize| GoldQuote {
            speaker: Some(sp.into()),
            cue: None,
            kind: Some("indirect".into()),
            content_spans: vec![(s, s + 3)],
            speaker_spans: vec![(s, s + 2)],
        };
        let doc = GoldDoc {
            id: "d".into(),
            text: text.into(),
            quotes: vec![q("Smith", 0), q("He", 13), q("who", 33)],
        };
        let chars: Vec<char> = text.chars().collect();
        let r = resolve_gold(&doc, &chars, &mut BTreeMap::new());
        assert_eq!(
            r,
            [
                Some("Smith".into()),
                Some("Smith".into()),
                Some("Jones".into())
            ]
        );
    }

    #[test]
    fn half_of_a_sentence_makes_it_reported() {
        // ("A" as a name would be dropped as a determiner, as the reference does: "Smith" instead)
        // "A said x y z." content covers "x y z" (3 of 8 non-space chars): narration; the second
        // sentence is wholly content
        let text = "A said x y z. Quoted words here.";
        let doc = GoldDoc {
            id: "d".into(),
            text: text.into(),
            quotes: vec![GoldQuote {
                speaker: Some("Smith".into()),
                cue: None,
                kind: Some("direct".into()),
                content_spans: vec![(7, 12), (14, 32)],
                speaker_spans: vec![(0, 1)],
            }],
        };
        let pred = PredDoc {
            id: "d".into(),
            sentences: vec![
                PredSentence {
                    start: 0,
                    end: 13,
                    speaker: Some("Smith".into()),
                    actor: None,
                    kind: None,
                    cue: None,
                    frame: None,
                    mostly_frame: None,
                },
                PredSentence {
                    start: 14,
                    end: 32,
                    speaker: Some("Smith".into()),
                    actor: None,
                    kind: None,
                    cue: None,
                    frame: None,
                    mostly_frame: None,
                },
            ],
        };
        let e = evaluate(&[doc], &[pred], 5);
        assert_eq!(e.counts["gold_nonnull"], 1);
        assert_eq!(e.counts["pred_nonnull"], 2);
        assert_eq!(e.counts["both_nonnull_match"], 1);
        assert!((e.end_to_end.precision - 0.5).abs() < 1e-9);
        assert_eq!(e.errors.len(), 1);
    }

    #[test]
    fn predictions_carry_the_mention_scored_and_the_canonical_actor() {
        let text = "Steve Dunwoody spoke first. Dunwoody, a staffer, said the race in the state was far too close to call. \
                    He said the count would take a week or more.\n\nSenator Jane Roe arrived. \
                    The senator said the count would take a week or more.";
        let doc = GoldDoc {
            id: "d".into(),
            text: text.into(),
            quotes: vec![],
        };
        let pred = predict(&Attributor::new(None).with_mentions(true), &doc);
        let got: Vec<_> = pred
            .sentences
            .iter()
            .map(|s| (s.speaker.as_deref(), s.actor.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (None, None),
                (Some("Dunwoody"), Some("Steve Dunwoody")),
                (Some("Dunwoody"), Some("Steve Dunwoody")),
                (None, None),
                (Some("senator"), Some("Jane Roe")),
            ]
        );
        // scored on the actors, the canonical names come back
        let on = on_actors(&[pred]);
        assert_eq!(
            on[0].sentences[2].speaker.as_deref(),
            Some("Steve Dunwoody")
        );
    }

    #[test]
    fn offsets_convert_between_bytes_and_code_points() {
        let t = "“Да,” he said.";
        let b2c = byte_to_cp(t);
        let c2b = cp_to_byte(t);
        assert_eq!(b2c[t.len()], t.chars().count());
        for (i, &b) in c2b.iter().enumerate() {
            assert_eq!(b2c[b], i);
        }
    }
}
