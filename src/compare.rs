//! Comparing speakers: per-theme rates per 1,000 tokens with bootstrap intervals over sentences,
//! the difference between two speakers with its interval, and the words that most distinguish
//! each speaker, by log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008).
//!
//! A corpus is compared document by document: each is reduced where it is analysed to its
//! [`DocSpeech`] (attributed sentences and content words), and a [`Collector`] takes them in input
//! order into compact per-speaker samples; the text itself is never kept.
//!
//! Everything is seeded and ordered, so the same input gives the same output on any machine.

use crate::analyze::{AnalyzedDocument, AnalyzedSentence};
use crate::attribute::Actors;
use crate::matcher::Matcher;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Settings of a comparison.
#[derive(Clone, Debug)]
pub struct CompareOptions {
    /// Speakers to compare, in order; empty: the `speakers` with the most sentences.
    pub actors: Vec<String>,
    /// Without `actors`: how many speakers to compare (most sentences first).
    pub speakers: usize,
    /// Distinguishing words listed per speaker.
    pub top: usize,
    /// Bootstrap replicates.
    pub replicates: usize,
    /// Seed of the bootstrap.
    pub seed: u64,
    /// Below this many sentences a speaker's rates are flagged as too few to compare.
    pub min_sentences: usize,
    /// Below this many occurrences (both speakers together) a word is not ranked.
    pub min_word_count: u64,
    /// Rank English function words ("the", "of", "that") too; by default they are left out.
    pub keep_stopwords: bool,
    /// List the lexicon terms behind each speaker's scores (`--explain`).
    pub explain: bool,
}

impl Default for CompareOptions {
    fn default() -> Self {
        CompareOptions {
            actors: Vec::new(),
            speakers: 10,
            top: 10,
            replicates: 2000,
            seed: 42,
            min_sentences: 5,
            min_word_count: 3,
            keep_stopwords: false,
            explain: false,
        }
    }
}

/// A value with a 95% interval.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Interval {
    /// The point estimate.
    pub value: f64,
    /// 2.5th percentile of the bootstrap.
    pub low: f64,
    /// 97.5th percentile of the bootstrap.
    pub high: f64,
}

/// One speaker's figures.
#[derive(Clone, Debug, Serialize)]
pub struct SpeakerStats {
    /// Canonical name.
    pub actor: String,
    /// One-word speakers counted as this one ("Putin" from documents that never name "Vladimir
    /// Putin" in full), when asked for by name.
    pub merged: Vec<String>,
    /// Group from the actors file.
    pub group: Option<String>,
    /// Documents the speaker appears in.
    pub documents: usize,
    /// Sentences attributed.
    pub sentences: usize,
    /// Word tokens in them.
    pub tokens: usize,
    /// Per theme: summed score.
    pub scores: Vec<f64>,
    /// Per theme: rate per 1,000 tokens with its bootstrap interval.
    pub rates: Vec<Interval>,
    /// Set when there are too few sentences to compare.
    pub warning: Option<String>,
    /// With `--explain`: the lexicon terms behind `scores`, by theme, largest share first.
    pub explain: Vec<TermShare>,
}

/// What one lexicon term adds to a speaker's score for a theme (`--explain`).
#[derive(Clone, Debug, Serialize)]
pub struct TermShare {
    /// Theme index.
    pub theme: usize,
    /// The term as the lexicon writes it.
    pub term: String,
    /// Its matches in the speaker's sentences.
    pub hits: u64,
    /// The sum of their weights (after negation and intensifiers).
    pub score: f64,
}

/// The difference of rates between two speakers (first minus second).
#[derive(Clone, Debug, Serialize)]
pub struct PairDifference {
    /// First speaker.
    pub a: String,
    /// Second speaker.
    pub b: String,
    /// Per theme: difference of rates per 1,000 tokens with its interval.
    pub differences: Vec<Interval>,
    /// Set when either side has too few sentences.
    pub warning: Option<String>,
}

/// A distinguishing word.
#[derive(Clone, Debug, Serialize)]
pub struct DistinctiveTerm {
    /// The word (lower case).
    pub term: String,
    /// Occurrences for this speaker.
    pub count: u64,
    /// Occurrences for the others compared.
    pub count_others: u64,
    /// Log-odds ratio with the prior (natural log).
    pub log_odds: f64,
    /// Its z-score.
    pub z: f64,
}

/// The words that most distinguish a speaker from the others compared.
#[derive(Clone, Debug, Serialize)]
pub struct SpeakerTerms {
    /// The speaker.
    pub actor: String,
    /// Who it is compared against.
    pub versus: Vec<String>,
    /// Highest z first.
    pub terms: Vec<DistinctiveTerm>,
    /// Set when the counts are too small for the ranking to mean much.
    pub warning: Option<String>,
}

/// A whole comparison.
#[derive(Clone, Debug, Serialize)]
pub struct Comparison {
    /// Theme ids, in index order.
    pub themes: Vec<String>,
    /// Bootstrap replicates.
    pub replicates: usize,
    /// Bootstrap seed.
    pub seed: u64,
    /// The speakers, in order.
    pub speakers: Vec<SpeakerStats>,
    /// Difference between the first two speakers.
    pub pair: Option<PairDifference>,
    /// Distinguishing words per speaker.
    pub terms: Vec<SpeakerTerms>,
    /// Requested speakers that were not found.
    pub missing: Vec<String>,
    /// Without requested actors: speakers not compared beyond the `speakers` with most sentences.
    pub left_out: usize,
    /// Whether `speakers` carry the terms behind their scores (`--explain`).
    pub explained: bool,
    /// Requested names that several speakers hold, with the leading ones (most sentences first).
    pub ambiguous: Vec<(String, Vec<String>)>,
}

/// SplitMix64: a tiny, fixed PRNG, so bootstrap intervals never change with a crate's version.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 11) as u128 * n as u128) >> 53) as usize
    }
}

/// [`Sample::row`] of a sentence that scores nothing.
const ZERO: u32 = u32::MAX;

/// A speaker's sentences as tokens and per-theme scores, in input order; kept compact, as a
/// corpus has hundreds of thousands of them and most score nothing.
#[derive(Clone, Default)]
struct Sample {
    tokens: Vec<u32>,
    /// Per sentence: its row in `scores`, or [`ZERO`] when it scores nothing.
    row: Vec<u32>,
    /// `scores[r * themes + t]`: row `r`, theme `t`.
    scores: Vec<f64>,
    /// The documents it speaks in, by input position, ascending.
    docs: Vec<u32>,
    /// Occurrences of each word (by its number in [`Collector::vocab`]).
    words: HashMap<u32, u64>,
    /// With `--explain`: per (theme, term), matches and summed weight.
    terms: BTreeMap<(u32, u32), (u64, f64)>,
}

impl Sample {
    fn sentences(&self) -> usize {
        self.tokens.len()
    }

    /// Sentence `i`'s scores; `None` when all are zero (adding zeros changes no sum, as sums
    /// start at +0.0).
    fn scores_of(&self, i: usize, themes: usize) -> Option<&[f64]> {
        let r = self.row[i];
        (r != ZERO).then(|| &self.scores[r as usize * themes..(r as usize + 1) * themes])
    }

    fn push(&mut self, tokens: usize, scores: &[f64]) {
        self.tokens.push(tokens as u32);
        if scores.iter().all(|&s| s == 0.0) {
            self.row.push(ZERO);
        } else {
            self.row.push((self.scores.len() / scores.len()) as u32);
            self.scores.extend_from_slice(scores);
        }
    }

    /// The sentences of `other` after its own, and the union of their documents.
    fn absorb(&mut self, other: &Sample, themes: usize) {
        let zeros = vec![0.0; themes];
        for i in 0..other.sentences() {
            let s = other.scores_of(i, themes).unwrap_or(&zeros);
            self.push(other.tokens[i] as usize, s);
        }
        self.docs.extend_from_slice(&other.docs);
        self.docs.sort_unstable();
        self.docs.dedup();
        for (w, c) in &other.words {
            *self.words.entry(*w).or_default() += c;
        }
        for (k, (n, s)) in &other.terms {
            let e = self.terms.entry(*k).or_default();
            e.0 += n;
            e.1 += s;
        }
    }
}

fn rate(score: f64, tokens: usize) -> f64 {
    if tokens == 0 {
        0.0
    } else {
        score * 1000.0 / tokens as f64
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let pos = p * (sorted.len() - 1) as f64;
    let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
    sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
}

/// Bootstrap replicates of every theme's rate: `out[theme][replicate]`.
fn bootstrap(
    sample: &Sample,
    themes: usize,
    replicates: usize,
    rng: &mut SplitMix64,
) -> Vec<Vec<f64>> {
    let n = sample.sentences();
    let mut out = vec![Vec::with_capacity(replicates); themes];
    let mut sums = vec![0.0; themes];
    for _ in 0..replicates {
        sums.iter_mut().for_each(|s| *s = 0.0);
        let mut tokens = 0;
        for _ in 0..n {
            let i = rng.below(n);
            tokens += sample.tokens[i] as usize;
            if let Some(row) = sample.scores_of(i, themes) {
                for (s, v) in sums.iter_mut().zip(row) {
                    *s += v;
                }
            }
        }
        for (t, s) in sums.iter().enumerate() {
            out[t].push(rate(*s, tokens));
        }
    }
    out
}

fn interval(value: f64, mut reps: Vec<f64>) -> Interval {
    reps.sort_by(f64::total_cmp);
    Interval {
        value,
        low: percentile(&reps, 0.025),
        high: percentile(&reps, 0.975),
    }
}

/// Lower-case word tokens of a text (letters and digits, inner apostrophes and hyphens).
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .map(str::to_lowercase)
}

/// The words a sentence attributes to its speaker: without the attribution frame (the source and
/// the cue, such as "Russian President Vladimir Putin said") and the speaker's own name anywhere,
/// which would otherwise be the words that best "distinguish" every speaker; and, unless kept,
/// without English function words.
fn content_words(doc: &str, s: &AnalyzedSentence, keep_stopwords: bool) -> Vec<String> {
    let (a, b) = (s.sentence.start, s.sentence.end);
    let mut spans = vec![(a, b)];
    // the frame (source and cue) when known, else the cue alone
    let cut = s
        .attribution
        .frame
        .or(s.attribution.cue.as_ref().map(|c| (c.start, c.end)));
    if let Some((x, y)) = cut
        && a <= x
        && y <= b
        && doc.is_char_boundary(x)
        && doc.is_char_boundary(y)
    {
        spans = vec![(a, x), (y, b)];
    }
    let name: Vec<String> = s
        .attribution
        .speaker
        .as_deref()
        .map(|n| words(n).collect())
        .unwrap_or_default();
    spans
        .into_iter()
        .flat_map(|(x, y)| words(&doc[x..y]))
        .filter(|w| !name.contains(w) && (keep_stopwords || !is_stopword(w)))
        .collect()
}

/// English function words (articles, pronouns, auxiliaries, prepositions, conjunctions).
fn is_stopword(w: &str) -> bool {
    matches!(
        w,
        "a" | "about"
            | "above"
            | "after"
            | "again"
            | "against"
            | "all"
            | "also"
            | "am"
            | "an"
            | "and"
            | "any"
            | "are"
            | "as"
            | "at"
            | "be"
            | "because"
            | "been"
            | "before"
            | "being"
            | "below"
            | "between"
            | "both"
            | "but"
            | "by"
            | "can"
            | "could"
            | "did"
            | "do"
            | "does"
            | "doing"
            | "down"
            | "during"
            | "each"
            | "few"
            | "for"
            | "from"
            | "further"
            | "had"
            | "has"
            | "have"
            | "having"
            | "he"
            | "her"
            | "here"
            | "hers"
            | "herself"
            | "him"
            | "himself"
            | "his"
            | "how"
            | "i"
            | "if"
            | "in"
            | "into"
            | "is"
            | "it"
            | "it's"
            | "its"
            | "itself"
            | "may"
            | "me"
            | "might"
            | "more"
            | "most"
            | "must"
            | "my"
            | "myself"
            | "no"
            | "nor"
            | "not"
            | "of"
            | "off"
            | "on"
            | "once"
            | "only"
            | "or"
            | "other"
            | "our"
            | "ours"
            | "ourselves"
            | "out"
            | "over"
            | "own"
            | "same"
            | "shall"
            | "she"
            | "should"
            | "so"
            | "some"
            | "such"
            | "than"
            | "that"
            | "the"
            | "their"
            | "theirs"
            | "them"
            | "themselves"
            | "then"
            | "there"
            | "these"
            | "they"
            | "this"
            | "those"
            | "through"
            | "to"
            | "too"
            | "under"
            | "until"
            | "up"
            | "very"
            | "was"
            | "we"
            | "were"
            | "what"
            | "when"
            | "where"
            | "which"
            | "while"
            | "who"
            | "whom"
            | "why"
            | "will"
            | "with"
            | "would"
            | "you"
            | "your"
            | "yours"
            | "yourself"
            | "yourselves"
    )
}

/// What one document brings to a comparison: its attributed sentences (speaker, tokens, scores,
/// content words) and the content words of all its sentences, narration included (the prior).
/// Built where the document is analysed, so a corpus is compared without keeping its text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocSpeech {
    /// The content words of every sentence, each followed by a space (one string, not one per
    /// word: documents wait in channels, and a `String` per word cost ten times the text).
    words: String,
    sentences: Vec<SpeechSentence>,
}

#[derive(Clone, Debug, PartialEq)]
struct SpeechSentence {
    speaker: String,
    tokens: usize,
    scores: Vec<f64>,
    /// Its words in [`DocSpeech::words`].
    words: std::ops::Range<usize>,
    /// With `--explain`: its matches as (theme, term, weight).
    matches: Vec<(u32, u32, f64)>,
}

impl DocSpeech {
    /// The speech of an analysed document (or one chunk of one).
    pub fn of(d: &AnalyzedDocument, opts: &CompareOptions) -> Self {
        let mut out = DocSpeech::default();
        for s in &d.sentences {
            let start = out.words.len();
            for w in content_words(&d.doc.text, s, opts.keep_stopwords) {
                out.words.push_str(&w);
                out.words.push(' ');
            }
            if let Some(name) = &s.attribution.speaker {
                out.sentences.push(SpeechSentence {
                    speaker: name.clone(),
                    tokens: s.tokens,
                    scores: s.scores.clone(),
                    words: start..out.words.len(),
                    matches: if opts.explain {
                        let m = s.matches.iter();
                        m.map(|m| (m.theme as u32, m.term as u32, m.weight))
                            .collect()
                    } else {
                        Vec::new()
                    },
                });
            }
        }
        out
    }

    /// Adds the next chunk of the same document.
    pub fn absorb(&mut self, chunk: &DocSpeech) {
        let at = self.words.len();
        self.words.push_str(&chunk.words);
        self.sentences
            .extend(chunk.sentences.iter().map(|s| SpeechSentence {
                words: s.words.start + at..s.words.end + at,
                ..s.clone()
            }));
    }
}

/// The words of a space-terminated list.
fn split_words(s: &str) -> impl Iterator<Item = &str> {
    s.split_terminator(' ')
}

/// Speakers' samples, fed one document at a time in input order (the bootstrap draws sentences
/// by position, so the order is part of the result). With requested names, only the speakers that
/// share a word with one of them (or with an actors-file name they are an alias of) keep their
/// sentences; the others are only counted, which is all that name resolution needs, so memory
/// follows the speakers compared, not the corpus.
#[derive(Default)]
pub struct Collector {
    samples: BTreeMap<String, Sample>,
    /// Sentences of every speaker, and whether its sentences are kept.
    counts: BTreeMap<String, (usize, bool)>,
    /// Lower-case words a kept speaker's name must share; `None`: keep every speaker.
    keep: Option<BTreeSet<String>>,
    /// Every content word seen, numbered in order of appearance.
    vocab: HashMap<String, u32>,
    /// Occurrences of each word over all sentences, narration included (the prior), by number.
    background: Vec<u64>,
    documents: u32,
}

/// The lower-case words of a name.
fn name_words(name: &str) -> impl Iterator<Item = String> + '_ {
    name.split_whitespace().map(str::to_lowercase)
}

impl Collector {
    /// A collector for the speakers `opts` asks for (every speaker when it names none).
    pub fn new(opts: &CompareOptions, actors: &Actors) -> Self {
        let keep = (!opts.actors.is_empty()).then(|| {
            let mut keep = BTreeSet::new();
            for want in &opts.actors {
                keep.extend(name_words(want));
                let lw = want.to_lowercase();
                for a in &actors.actors {
                    if a.aliases.iter().any(|x| x.to_lowercase() == lw) {
                        keep.extend(name_words(&a.name));
                    }
                }
            }
            keep
        });
        Collector {
            keep,
            ..Collector::default()
        }
    }

    fn keeps(&self, speaker: &str) -> bool {
        self.keep
            .as_ref()
            .is_none_or(|k| name_words(speaker).any(|w| k.contains(&w)))
    }

    fn word_id(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.vocab.get(w) {
            return id;
        }
        let id = self.vocab.len() as u32;
        self.vocab.insert(w.to_string(), id);
        self.background.push(0);
        id
    }

    /// Adds a document.
    pub fn add(&mut self, d: &DocSpeech) {
        // every word numbered once, with where it starts in `d.words`
        let ids: Vec<(usize, u32)> = split_words(&d.words)
            .map(|w| {
                let id = self.word_id(w);
                self.background[id as usize] += 1;
                (w.as_ptr() as usize - d.words.as_ptr() as usize, id)
            })
            .collect();
        let doc = self.documents;
        self.documents += 1;
        for s in &d.sentences {
            let kept = match self.counts.get_mut(&s.speaker) {
                Some((n, kept)) => {
                    *n += 1;
                    *kept
                }
                None => {
                    let kept = self.keeps(&s.speaker);
                    self.counts.insert(s.speaker.clone(), (1, kept));
                    kept
                }
            };
            if !kept {
                continue;
            }
            let from = ids.partition_point(|&(at, _)| at < s.words.start);
            let to = ids.partition_point(|&(at, _)| at < s.words.end);
            let sample = match self.samples.get_mut(&s.speaker) {
                Some(sample) => sample,
                None => self.samples.entry(s.speaker.clone()).or_default(),
            };
            if sample.docs.last() != Some(&doc) {
                sample.docs.push(doc);
            }
            sample.push(s.tokens, &s.scores);
            for &(theme, term, weight) in &s.matches {
                let e = sample.terms.entry((theme, term)).or_default();
                e.0 += 1;
                e.1 += weight;
            }
            for &(_, id) in &ids[from..to] {
                *sample.words.entry(id).or_default() += 1;
            }
        }
    }

    /// The comparison of what was added.
    pub fn finish(self, matcher: &Matcher, actors: &Actors, opts: &CompareOptions) -> Comparison {
        let themes = matcher.themes();
        let nt = themes.len();
        let Collector {
            samples,
            counts,
            vocab,
            background,
            ..
        } = self;
        let mut words = vec![String::new(); vocab.len()];
        for (w, id) in vocab {
            words[id as usize] = w;
        }
        let (mut missing, mut ambiguous) = (Vec::new(), Vec::new());
        let mut left_out = 0;
        // (display name, the speakers merged into it, their sentences)
        let mut chosen: Vec<(String, Vec<String>, Sample)> = Vec::new();
        if opts.actors.is_empty() {
            let mut v: Vec<_> = samples
                .iter()
                .map(|(k, s)| (k.clone(), s.sentences()))
                .collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            if v.len() > opts.speakers {
                left_out = v.len() - opts.speakers;
                v.truncate(opts.speakers);
            }
            for (k, _) in v {
                let s = samples[&k].clone();
                chosen.push((k, Vec::new(), s));
            }
        } else {
            for want in &opts.actors {
                match resolve(want, &counts, actors) {
                    Ok((name, _)) if chosen.iter().any(|c| c.0 == name) => {}
                    Ok((name, merged)) => {
                        // every speaker resolve can return shares a word with `want`, so was kept
                        let mut s = samples.get(&name).cloned().unwrap_or_default();
                        let merged: Vec<String> = merged
                            .into_iter()
                            .filter(|m| samples.contains_key(m))
                            .collect();
                        for m in &merged {
                            s.absorb(&samples[m], nt);
                        }
                        chosen.push((name, merged, s));
                    }
                    Err(None) => missing.push(want.clone()),
                    Err(Some(candidates)) => ambiguous.push((want.clone(), candidates)),
                }
            }
        }

        let mut rng = SplitMix64(opts.seed);
        let mut replicates: Vec<Vec<Vec<f64>>> = Vec::new();
        let mut speakers = Vec::new();
        for (name, merged, s) in &chosen {
            let tokens: usize = s.tokens.iter().map(|&n| n as usize).sum();
            let scores: Vec<f64> = (0..nt)
                .map(|t| {
                    (0..s.sentences())
                        .map(|i| s.scores_of(i, nt).map_or(0.0, |r| r[t]))
                        .sum()
                })
                .collect();
            let reps = bootstrap(s, nt, opts.replicates, &mut rng);
            let rates = (0..nt)
                .map(|t| interval(rate(scores[t], tokens), reps[t].clone()))
                .collect();
            let warning = (s.sentences() < opts.min_sentences).then(|| {
                format!(
                    "only {} sentence(s), fewer than {}: too few to compare",
                    s.sentences(),
                    opts.min_sentences
                )
            });
            replicates.push(reps);
            let mut explain: Vec<TermShare> = s
                .terms
                .iter()
                .map(|(&(theme, term), &(hits, score))| TermShare {
                    theme: theme as usize,
                    term: matcher.term_label(term as usize).to_string(),
                    hits,
                    score,
                })
                .collect();
            explain.sort_by(|a, b| {
                (a.theme.cmp(&b.theme))
                    .then(b.score.abs().total_cmp(&a.score.abs()))
                    .then(a.term.cmp(&b.term))
            });
            speakers.push(SpeakerStats {
                actor: name.clone(),
                merged: merged.clone(),
                group: actors.group_of(name).map(str::to_string),
                documents: s.docs.len(),
                sentences: s.sentences(),
                tokens,
                scores,
                rates,
                warning,
                explain,
            });
        }

        let pair = (speakers.len() >= 2).then(|| {
            let (a, b) = (&speakers[0], &speakers[1]);
            let differences = (0..nt)
                .map(|t| {
                    let reps = replicates[0][t]
                        .iter()
                        .zip(&replicates[1][t])
                        .map(|(x, y)| x - y)
                        .collect();
                    interval(a.rates[t].value - b.rates[t].value, reps)
                })
                .collect();
            let warning = a
                .warning
                .is_some()
                .then(|| format!("{}: {}", a.actor, a.warning.as_ref().unwrap()));
            let warning =
                warning.or_else(|| b.warning.as_ref().map(|w| format!("{}: {w}", b.actor)));
            PairDifference {
                a: a.actor.clone(),
                b: b.actor.clone(),
                differences,
                warning,
            }
        });

        let terms = (0..chosen.len())
            .map(|i| distinctive(i, &chosen, &words, &background, opts))
            .collect();

        Comparison {
            themes: themes.to_vec(),
            replicates: opts.replicates,
            seed: opts.seed,
            speakers,
            pair,
            terms,
            missing,
            ambiguous,
            explained: opts.explain,
            left_out,
        }
    }
}

/// Compares the speakers of analysed documents.
pub fn compare(
    docs: &[AnalyzedDocument],
    matcher: &Matcher,
    actors: &Actors,
    opts: &CompareOptions,
) -> Comparison {
    let mut c = Collector::new(opts, actors);
    for d in docs {
        c.add(&DocSpeech::of(d, opts));
    }
    c.finish(matcher, actors, opts)
}

/// A requested name → the speaker found, and the one-word speakers merged into it: exact, an
/// actors-file alias, or a word of one longer name ("Putin" → "Vladimir Putin"). A one-word
/// speaker ("Putin", from documents that never give the full name) is merged into the longer
/// speaker that holds its word, when that one has at least nine in ten of the sentences of all
/// longer speakers with the word (so stray forms such as "V. Putin" do not make "Putin"
/// ambiguous, but "George Bush" and "George W. Bush" do make "Bush"). `Err(None)`: not found;
/// `Err(Some(names))`: the word belongs to several speakers.
fn resolve(
    want: &str,
    counts: &BTreeMap<String, (usize, bool)>,
    actors: &Actors,
) -> Result<(String, Vec<String>), Option<Vec<String>>> {
    let lw = want.to_lowercase();
    let alias = actors
        .actors
        .iter()
        .find(|a| a.aliases.iter().any(|x| x.to_lowercase() == lw) && counts.contains_key(&a.name))
        .map(|a| a.name.clone());
    let has_word = |name: &str, w: &str| name_words(name).any(|x| x == w);
    // the longer speaker that holds word `w`: Ok(None) when none, Err(the candidates) when no
    // one of them has nine in ten of their sentences
    let longer = |w: &str| -> Result<Option<String>, Vec<String>> {
        let mut c: Vec<(&String, usize)> = counts
            .iter()
            .filter(|(k, _)| k.contains(' ') && has_word(k, w))
            .map(|(k, &(n, _))| (k, n))
            .collect();
        c.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let total: usize = c.iter().map(|x| x.1).sum();
        match c.first() {
            None => Ok(None),
            Some(&(top, n)) if n * 10 >= total * 9 => Ok(Some(top.clone())),
            _ => Err(c.iter().take(5).map(|x| x.0.clone()).collect()),
        }
    };
    let name = if counts.contains_key(want) {
        want.to_string()
    } else if let Some(a) = alias {
        a
    } else if let Some(k) = counts.keys().find(|k| k.to_lowercase() == lw) {
        k.clone()
    } else {
        match longer(&lw) {
            Ok(Some(k)) => k,
            Ok(None) => return Err(None),
            Err(many) => return Err(Some(many)),
        }
    };
    // a one-word speaker asked for becomes its longer form, when it has one; it stays itself
    // when several longer speakers share the word
    let name = match longer(&name.to_lowercase()) {
        Ok(Some(k)) if !name.contains(' ') => k,
        _ => name,
    };
    let merged = counts
        .keys()
        .filter(|k| !k.contains(' ') && **k != name && has_word(&name, &k.to_lowercase()))
        .filter(|k| longer(&k.to_lowercase()) == Ok(Some(name.clone())))
        .cloned()
        .collect();
    Ok((name, merged))
}

/// Log-odds with an informative Dirichlet prior: the speaker against the other chosen speakers,
/// the prior from every word of the input (narration included), scaled to `alpha0`.
fn distinctive(
    me: usize,
    chosen: &[(String, Vec<String>, Sample)],
    words: &[String],
    background: &[u64],
    opts: &CompareOptions,
) -> SpeakerTerms {
    let name = &chosen[me].0;
    let versus: Vec<String> = chosen
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != me)
        .map(|(_, c)| c.0.clone())
        .collect();
    let mine = &chosen[me].2.words;
    let mut others: HashMap<u32, u64> = HashMap::new();
    for (_, c) in chosen.iter().enumerate().filter(|(i, _)| *i != me) {
        for (w, n) in &c.2.words {
            *others.entry(*w).or_default() += n;
        }
    }
    let n_i: u64 = mine.values().sum();
    let n_j: u64 = others.values().sum();
    let n_bg: u64 = background.iter().sum();
    let mut warning = None;
    if versus.is_empty() {
        warning = Some("no other speaker to compare with".to_string());
    } else if n_i < 100 || n_j < 100 {
        warning = Some(format!(
            "small counts ({n_i} vs {n_j} words): z-scores below 1.96 are noise"
        ));
    }
    // The prior's total weight: the background size, capped so it never swamps small samples.
    let alpha0 = (n_bg as f64).clamp(1.0, 1000.0);
    let mut terms: Vec<DistinctiveTerm> = Vec::new();
    if !versus.is_empty() {
        let mut keys: Vec<u32> = mine.keys().copied().collect();
        keys.extend(others.keys().copied());
        keys.sort_unstable();
        keys.dedup();
        for w in keys {
            let yi = *mine.get(&w).unwrap_or(&0) as f64;
            let yj = *others.get(&w).unwrap_or(&0) as f64;
            if ((yi + yj) as u64) < opts.min_word_count {
                continue;
            }
            let a = alpha0 * (background[w as usize] as f64).max(0.5) / n_bg.max(1) as f64;
            let li = ((yi + a) / (n_i as f64 + alpha0 - yi - a)).ln();
            let lj = ((yj + a) / (n_j as f64 + alpha0 - yj - a)).ln();
            let delta = li - lj;
            let var = 1.0 / (yi + a) + 1.0 / (yj + a);
            let z = delta / var.sqrt();
            if z > 0.0 {
                terms.push(DistinctiveTerm {
                    term: words[w as usize].clone(),
                    count: yi as u64,
                    count_others: yj as u64,
                    log_odds: delta,
                    z,
                });
            }
        }
    }
    terms.sort_by(|a, b| b.z.total_cmp(&a.z).then(a.term.cmp(&b.term)));
    terms.truncate(opts.top);
    SpeakerTerms {
        actor: name.to_string(),
        versus,
        terms,
        warning,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prng_is_fixed() {
        let mut r = SplitMix64(42);
        let first: Vec<u64> = (0..3).map(|_| r.next()).collect();
        let mut r2 = SplitMix64(42);
        assert_eq!(first, (0..3).map(|_| r2.next()).collect::<Vec<_>>());
        let mut r3 = SplitMix64(7);
        assert!((0..1000).all(|_| r3.below(10) < 10));
    }

    #[test]
    fn percentiles_interpolate() {
        let v = [0.0, 1.0, 2.0, 3.0, 4.0];
        assert_eq!(percentile(&v, 0.5), 2.0);
        assert_eq!(percentile(&v, 0.0), 0.0);
        assert_eq!(percentile(&v, 1.0), 4.0);
        assert!((percentile(&v, 0.125) - 0.5).abs() < 1e-12);
    }

    #[test]
    fn words_are_lowercased_and_trimmed() {
        let w: Vec<String> = words("Putin's “multipolar” world, BRICS-plus 2024.").collect();
        assert_eq!(w, ["putin's", "multipolar", "world", "brics-plus"]);
    }
}
