//! Aggregation: mergeable tallies per actor, per actor group and per `--group-by` group.
//!
//! Scores are summed in fixed point (millionths, `i64`), so adding tallies is exact and
//! order-independent: the parallel result equals the sequential one, and merging partial
//! aggregates equals one run over everything, bit for bit.

use crate::analyze::{AnalyzedDocument, AnalyzedSentence};
use crate::attribute::Actors;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Fixed-point resolution of summed scores.
pub const SCALE: f64 = 1_000_000.0;

/// A score in fixed point.
pub fn to_fixed(x: f64) -> i64 {
    (x * SCALE).round() as i64
}

/// Sums and counts for one unit (an actor, a group, the whole corpus).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Tally {
    /// Documents the unit appears in.
    pub documents: u64,
    /// Sentences.
    pub sentences: u64,
    /// Word tokens.
    pub tokens: u64,
    /// Score per theme, fixed point (see [`SCALE`]).
    pub scores: Vec<i64>,
    /// Matches per theme.
    pub hits: Vec<u64>,
}

impl Tally {
    /// An empty tally for `themes` themes.
    pub fn new(themes: usize) -> Self {
        Tally {
            scores: vec![0; themes],
            hits: vec![0; themes],
            ..Default::default()
        }
    }

    /// Adds one sentence (not its document: see [`Tally::documents`]).
    pub fn add_sentence(&mut self, s: &AnalyzedSentence) {
        self.sentences += 1;
        self.tokens += s.tokens as u64;
        for m in &s.matches {
            self.scores[m.theme] += to_fixed(m.weight);
            self.hits[m.theme] += 1;
        }
    }

    /// Adds another tally.
    pub fn merge(&mut self, other: &Tally) {
        self.documents += other.documents;
        self.sentences += other.sentences;
        self.tokens += other.tokens;
        if self.scores.len() < other.scores.len() {
            self.scores.resize(other.scores.len(), 0);
            self.hits.resize(other.hits.len(), 0);
        }
        for (a, b) in self.scores.iter_mut().zip(&other.scores) {
            *a += b;
        }
        for (a, b) in self.hits.iter_mut().zip(&other.hits) {
            *a += b;
        }
    }

    /// The summed score of a theme.
    pub fn score(&self, theme: usize) -> f64 {
        self.scores[theme] as f64 / SCALE
    }

    /// The score of a theme per 1,000 tokens (0 when there are no tokens).
    pub fn per_1k(&self, theme: usize) -> f64 {
        if self.tokens == 0 {
            0.0
        } else {
            self.score(theme) * 1000.0 / self.tokens as f64
        }
    }
}

/// An actor's tally and group.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ActorTally {
    /// Country or bloc from the actors file.
    pub group: Option<String>,
    /// The sums.
    pub tally: Tally,
}

/// Per-actor sums, narration, actor groups, for a set of documents.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Breakdown {
    /// Everything.
    pub total: Tally,
    /// Sentences without a speaker.
    pub narration: Tally,
    /// Canonical speaker name → tally.
    pub actors: BTreeMap<String, ActorTally>,
    /// Actor group (from the actors file) → tally.
    pub actor_groups: BTreeMap<String, Tally>,
}

impl Breakdown {
    /// An empty breakdown.
    pub fn new(themes: usize) -> Self {
        Breakdown {
            total: Tally::new(themes),
            narration: Tally::new(themes),
            ..Default::default()
        }
    }

    /// Adds one analysed document.
    pub fn add_document(&mut self, doc: &AnalyzedDocument, actors: &Actors) {
        let themes = self.total.scores.len();
        let mut seen_actors = BTreeSet::new();
        let mut seen_groups = BTreeSet::new();
        let mut narrated = false;
        self.total.documents += 1;
        for s in &doc.sentences {
            self.total.add_sentence(s);
            match &s.attribution.speaker {
                None => {
                    narrated = true;
                    self.narration.add_sentence(s);
                }
                Some(name) => {
                    let group = actors.group_of(name).map(str::to_string);
                    let entry = self
                        .actors
                        .entry(name.clone())
                        .or_insert_with(|| ActorTally {
                            group: group.clone(),
                            tally: Tally::new(themes),
                        });
                    entry.tally.add_sentence(s);
                    if seen_actors.insert(name.clone()) {
                        entry.tally.documents += 1;
                    }
                    if let Some(g) = group {
                        let gt = self
                            .actor_groups
                            .entry(g.clone())
                            .or_insert_with(|| Tally::new(themes));
                        gt.add_sentence(s);
                        if seen_groups.insert(g) {
                            gt.documents += 1;
                        }
                    }
                }
            }
        }
        if narrated {
            self.narration.documents += 1;
        }
    }

    /// Adds another breakdown.
    pub fn merge(&mut self, other: &Breakdown) {
        self.total.merge(&other.total);
        self.narration.merge(&other.narration);
        for (name, a) in &other.actors {
            let e = self
                .actors
                .entry(name.clone())
                .or_insert_with(|| ActorTally {
                    group: a.group.clone(),
                    tally: Tally::default(),
                });
            e.tally.merge(&a.tally);
        }
        for (g, t) in &other.actor_groups {
            self.actor_groups.entry(g.clone()).or_default().merge(t);
        }
    }

    /// Actors sorted by sentences (descending), then name.
    pub fn actors_by_sentences(&self) -> Vec<(&String, &ActorTally)> {
        let mut v: Vec<_> = self.actors.iter().collect();
        v.sort_by(|a, b| {
            b.1.tally
                .sentences
                .cmp(&a.1.tally.sentences)
                .then(a.0.cmp(b.0))
        });
        v
    }
}
