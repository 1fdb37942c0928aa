//! Aggregation: mergeable tallies per actor, per actor group and per `--group-by` group.
//!
//! Scores are summed in fixed point (millionths, `i64`), so adding tallies is exact and
//! order-independent: the parallel result equals the sequential one, and merging partial
//! aggregates equals one run over everything, bit for bit.
//!
//! For a corpus ([`CorpusAgg`]): the per-actor [`Breakdown`] over everything, one per
//! `--group-by` group ([`GroupBy`]), the top documents per theme ([`TopDoc`], ties broken by id so
//! that top-N lists merge exactly), and the inputs that failed. A [`CorpusAgg`] is what
//! `batch --partial` writes and `merge` adds up; means and rates are computed only when reporting.
//!
//! A document's sums travel from the worker that analysed it as a [`DocSummary`]: its speakers
//! in a table ([`DocSums`], gathered by [`DocBreakdown`]), not sorted maps, added up by hash
//! during a run ([`CorpusAdder`]) or to a breakdown ([`Breakdown::add_doc`]), and handed back
//! emptied for the next documents ([`DocSums::recycle`]); the chunks of a long document are
//! added up first ([`DocChunks`]).

use crate::analyze::{AnalyzedDocument, AnalyzedSentence, Pipeline};
use crate::attribute::Actors;
use crate::compare::DocSpeech;
use crate::input::Document;
use crate::input::corpus::Issue;
use crate::lexicon::LexiconSet;
use crate::matcher::Match;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Mutex;

/// Fixed-point resolution of summed scores.
pub const SCALE: f64 = 1_000_000.0;

/// A score in fixed point: `(x * SCALE).round() as i64`, with the rounding (half away from zero)
/// done inline: `f64::round` is a library call on baseline x86-64, made for every match of every
/// sentence. Below 2^52 a float minus its truncation is exact; above, every float is an integer.
pub fn to_fixed(x: f64) -> i64 {
    let x = x * SCALE;
    let t = x as i64;
    if x.abs() < 4_503_599_627_370_496.0 {
        let frac = x - t as f64;
        t + i64::from(frac >= 0.5) - i64::from(frac <= -0.5)
    } else {
        t
    }
}

/// `n` zeros, allocated and then filled: a document makes two of these per speaker, and for so
/// few bytes a zeroed allocation (`vec![0; n]`, calloc, which skips malloc's per-thread cache)
/// cost twice as much.
fn zeros<T: Clone + Default>(n: usize) -> Vec<T> {
    let mut v = Vec::with_capacity(n);
    v.resize(n, T::default());
    v
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
            scores: zeros(themes),
            hits: zeros(themes),
            ..Default::default()
        }
    }

    /// Adds one sentence (not its document: see [`Tally::documents`]).
    pub fn add_sentence(&mut self, s: &AnalyzedSentence) {
        self.add(s.tokens, &s.matches);
    }

    /// Back to nothing, keeping its vectors.
    fn clear(&mut self) {
        (self.documents, self.sentences, self.tokens) = (0, 0, 0);
        self.scores.fill(0);
        self.hits.fill(0);
    }

    /// Adds one sentence given by its token count and matches.
    fn add(&mut self, tokens: usize, matches: &[Match]) {
        self.sentences += 1;
        self.tokens += tokens as u64;
        for m in matches {
            self.scores[m.theme] += to_fixed(m.weight);
            self.hits[m.theme] += 1;
        }
    }

    /// Adds another tally.
    pub fn merge(&mut self, other: &Tally) {
        self.add_sums(
            [other.documents, other.sentences, other.tokens],
            &other.scores,
            &other.hits,
        );
    }

    /// Adds the counts (documents, sentences, tokens), scores and hits of another tally.
    fn add_sums(&mut self, [documents, sentences, tokens]: [u64; 3], scores: &[i64], hits: &[u64]) {
        self.documents += documents;
        self.sentences += sentences;
        self.tokens += tokens;
        if self.scores.len() < scores.len() {
            self.scores.resize(scores.len(), 0);
            self.hits.resize(hits.len(), 0);
        }
        for (a, b) in self.scores.iter_mut().zip(scores) {
            *a += b;
        }
        for (a, b) in self.hits.iter_mut().zip(hits) {
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
        // names are copied only when first seen (this runs for every sentence of a corpus)
        let mut seen_actors: BTreeSet<&str> = BTreeSet::new();
        let mut seen_groups: BTreeSet<&str> = BTreeSet::new();
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
                    let group = actors.group_of(name);
                    if !self.actors.contains_key(name) {
                        let tally = ActorTally {
                            group: group.map(str::to_string),
                            tally: Tally::new(themes),
                        };
                        self.actors.insert(name.clone(), tally);
                    }
                    let entry = self.actors.get_mut(name).expect("inserted above");
                    entry.tally.add_sentence(s);
                    if seen_actors.insert(name) {
                        entry.tally.documents += 1;
                    }
                    if let Some(g) = group {
                        if !self.actor_groups.contains_key(g) {
                            self.actor_groups.insert(g.to_string(), Tally::new(themes));
                        }
                        let gt = self.actor_groups.get_mut(g).expect("inserted above");
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
            match self.actors.get_mut(name) {
                Some(e) => e.tally.merge(&a.tally),
                None => {
                    self.actors.insert(name.clone(), a.clone());
                }
            }
        }
        for (g, t) in &other.actor_groups {
            match self.actor_groups.get_mut(g) {
                Some(e) => e.merge(t),
                None => {
                    self.actor_groups.insert(g.clone(), t.clone());
                }
            }
        }
    }

    /// Adds one document's sums: what merging [`DocSums::breakdown`] does.
    pub fn add_doc(&mut self, d: &DocSums) {
        self.total.merge(&d.total);
        self.narration.merge(&d.narration);
        d.add_speakers_to(&mut self.actors, &mut self.actor_groups);
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

/// A speaker of a [`DocSums`].
#[derive(Clone, Debug, PartialEq)]
struct SpeakerSums {
    name: String,
    /// Its actor group (from the actors file).
    group: Option<String>,
    sentences: u64,
    tokens: u64,
}

/// One document's sums (or one chunk's): what its [`Breakdown`] holds, every `documents` count 1
/// where the document appears, but with the speakers in a table, in the order first seen, and
/// their scores and hits in two flat vectors. A worker makes one per document and the main
/// thread adds it to the corpus's [`Breakdown`] ([`Breakdown::add_doc`]), then hands it back
/// emptied for another document ([`DocSums::recycle`]): a breakdown of its own, sorted maps
/// with a node of over a kilobyte and two vectors per speaker, cost more to build and free than
/// the whole adding up.
#[derive(Clone, Debug, PartialEq)]
pub struct DocSums {
    /// Everything.
    pub total: Tally,
    /// Sentences without a speaker.
    pub narration: Tally,
    themes: usize,
    speakers: Vec<SpeakerSums>,
    /// `themes` scores per speaker, in `speakers` order.
    scores: Vec<i64>,
    /// `themes` hits per speaker, in `speakers` order.
    hits: Vec<u64>,
    /// Actor groups and their sums.
    groups: Vec<(String, Tally)>,
}

impl DocSums {
    /// No document.
    pub fn new(themes: usize) -> Self {
        DocSums {
            total: Tally::new(themes),
            narration: Tally::new(themes),
            themes,
            speakers: Vec::new(),
            scores: Vec::new(),
            hits: Vec::new(),
            groups: Vec::new(),
        }
    }

    /// A document's sums handed back by [`DocSums::recycle`], emptied, else new ones; the
    /// speakers' names (their strings, to be written over) go to `names`, up to
    /// [`SPARE_NAMES_MAX`].
    fn spare(themes: usize, names: &mut Vec<String>) -> Self {
        let spare = SPARE_SUMS.lock().ok().and_then(|mut spare| spare.pop());
        match spare {
            Some(mut d) if d.themes == themes => {
                let room = SPARE_NAMES_MAX.saturating_sub(names.len());
                names.extend(d.speakers.drain(..).take(room).map(|s| s.name));
                d
            }
            _ => DocSums::new(themes),
        }
    }

    /// Empties the sums, keeping their vectors for the next document's [`DocBreakdown`] on any
    /// thread (see [`SPARE_SUMS`]), and the speakers' names for its table. The corpus run calls
    /// this once it has added them up.
    pub fn recycle(mut self) {
        self.total.clear();
        self.narration.clear();
        self.scores.clear();
        self.hits.clear();
        self.groups.clear();
        if let Ok(mut spare) = SPARE_SUMS.lock()
            && spare.len() < SPARE_SUMS_MAX
        {
            spare.push(self);
        }
    }

    /// Adds speaker `k`'s sums to `t`, as a tally of one document.
    fn add_speaker(&self, k: usize, t: &mut Tally) {
        let (n, s) = (self.themes, &self.speakers[k]);
        let (scores, hits) = (&self.scores[k * n..][..n], &self.hits[k * n..][..n]);
        t.add_sums([1, s.sentences, s.tokens], scores, hits);
    }

    /// Adds the speakers' and groups' sums to the maps by name of a breakdown (sorted) or of the
    /// corpus collector (hashed): looked up by `&str` first, a name copied only when new.
    fn add_speakers_to(
        &self,
        actors: &mut impl NameMap<ActorTally>,
        groups: &mut impl NameMap<Tally>,
    ) {
        for (k, s) in self.speakers.iter().enumerate() {
            match actors.get_mut(&s.name) {
                Some(a) => self.add_speaker(k, &mut a.tally),
                None => {
                    let mut tally = Tally::new(self.themes);
                    self.add_speaker(k, &mut tally);
                    let group = s.group.clone();
                    actors.insert(s.name.clone(), ActorTally { group, tally });
                }
            }
        }
        for (g, t) in &self.groups {
            match groups.get_mut(g) {
                Some(e) => e.merge(t),
                None => groups.insert(g.clone(), t.clone()),
            }
        }
    }

    /// The sums as a breakdown of their own.
    pub fn breakdown(&self) -> Breakdown {
        let mut b = Breakdown::new(self.themes);
        b.add_doc(self);
        b
    }

    /// The sums of a document's [`Breakdown`] (every actor in it counted in the document).
    pub fn from_breakdown(b: &Breakdown) -> Self {
        let themes = b.total.scores.len();
        let mut d = DocSums {
            total: b.total.clone(),
            narration: b.narration.clone(),
            groups: b
                .actor_groups
                .iter()
                .map(|(g, t)| (g.clone(), t.clone()))
                .collect(),
            ..DocSums::new(themes)
        };
        for (name, a) in &b.actors {
            d.speakers.push(SpeakerSums {
                name: name.clone(),
                group: a.group.clone(),
                sentences: a.tally.sentences,
                tokens: a.tally.tokens,
            });
            d.scores.extend_from_slice(&a.tally.scores);
            d.scores.resize(d.speakers.len() * themes, 0);
            d.hits.extend_from_slice(&a.tally.hits);
            d.hits.resize(d.speakers.len() * themes, 0);
        }
        d
    }
}

/// Sums that the corpus run has added up ([`DocSums::recycle`]), emptied, for the next
/// documents: made on a worker thread and dropped on the main thread, each document's seven
/// vectors were allocated from one thread's free lists and freed to the other's (and the
/// speakers' table, over a kilobyte for a document with many speakers, made glibc's malloc
/// consolidate its free lists first).
static SPARE_SUMS: Mutex<Vec<DocSums>> = Mutex::new(Vec::new());

/// At most this many in [`SPARE_SUMS`] (more are dropped): about as many as can be on their way
/// between threads.
const SPARE_SUMS_MAX: usize = 256;

/// At most this many spare names per thread in [`SpeakerRows::names`].
const SPARE_NAMES_MAX: usize = 1024;

/// One document's [`DocSums`], gathered sentence by sentence: each sentence finds its speaker's
/// row by hash (and the speaker's actor group once per document, not per sentence). The result
/// is what [`Breakdown::add_document`] gives on an empty breakdown ([`DocSums::breakdown`]).
pub struct DocBreakdown<'a> {
    actors: &'a Actors,
    themes: usize,
    total: Tally,
    narration: Tally,
    narrated: bool,
    /// The speakers' rows.
    rows: SpeakerRows,
    /// Actor groups met so far, with their tallies.
    groups: Vec<(String, Tally)>,
    /// Emptied sums (their tallies are `total` and `narration`), filled by
    /// [`DocBreakdown::finish`].
    out: DocSums,
}

/// The speakers of a [`DocBreakdown`], the [`DocSums`] table and an index, kept emptied from
/// one document to the next on each thread (and copied out to size when a document is done):
/// grown afresh for every document, they passed a kilobyte for a document with many speakers,
/// where glibc's malloc first consolidates its free lists, once for each vector.
#[derive(Default)]
struct SpeakerRows {
    /// Speaker → row.
    index: HashMap<String, usize, foldhash::fast::FixedState>,
    speakers: Vec<SpeakerSums>,
    scores: Vec<i64>,
    hits: Vec<u64>,
    /// Per speaker: the index of its actor group in [`DocBreakdown::groups`].
    groups: Vec<Option<usize>>,
    /// The row of the last sentence's speaker, and its name (a speaker often says several
    /// sentences in a row).
    last: Option<usize>,
    last_name: String,
    /// Names of earlier documents' speakers handed back ([`DocSums::spare`]): a new speaker's
    /// name is written over one of them instead of allocated (and later freed on another
    /// thread).
    names: Vec<String>,
}

thread_local! {
    static SPARE_ROWS: Cell<SpeakerRows> = Cell::default();
}

impl<'a> DocBreakdown<'a> {
    /// An empty document.
    pub fn new(themes: usize, actors: &'a Actors) -> Self {
        let mut rows: SpeakerRows = SPARE_ROWS.with(Cell::take);
        let mut out = DocSums::spare(themes, &mut rows.names);
        DocBreakdown {
            actors,
            themes,
            total: std::mem::take(&mut out.total),
            narration: std::mem::take(&mut out.narration),
            narrated: false,
            rows,
            groups: Vec::new(),
            out,
        }
    }

    /// Adds the document's next sentence: its speaker, token count and matches.
    pub fn add(&mut self, speaker: Option<&str>, tokens: usize, matches: &[Match]) {
        let Some(name) = speaker else {
            self.total.add(tokens, matches);
            self.narrated = true;
            self.narration.add(tokens, matches);
            return;
        };
        let (n, rows) = (self.themes, &mut self.rows);
        let last = rows.last.filter(|_| rows.last_name == name);
        let k = match last.or_else(|| rows.index.get(name).copied()) {
            Some(k) => k,
            None => {
                // names are copied only when first seen (this runs for every sentence)
                let group = self.actors.group_of(name).map(|g| {
                    match self.groups.iter().position(|(h, _)| h == g) {
                        Some(i) => i,
                        None => {
                            self.groups.push((g.to_string(), Tally::new(n)));
                            self.groups.len() - 1
                        }
                    }
                });
                rows.groups.push(group);
                rows.speakers.push(SpeakerSums {
                    name: String::new(),
                    group: group.map(|g| self.groups[g].0.clone()),
                    sentences: 0,
                    tokens: 0,
                });
                rows.scores.resize(rows.speakers.len() * n, 0);
                rows.hits.resize(rows.speakers.len() * n, 0);
                let mut key = rows.names.pop().unwrap_or_default();
                key.clear();
                key.push_str(name);
                rows.index.insert(key, rows.speakers.len() - 1);
                rows.speakers.len() - 1
            }
        };
        if rows.last != Some(k) {
            rows.last = Some(k);
            rows.last_name.clear();
            rows.last_name.push_str(name);
        }
        let s = &mut rows.speakers[k];
        s.sentences += 1;
        s.tokens += tokens as u64;
        let total = &mut self.total;
        total.sentences += 1;
        total.tokens += tokens as u64;
        let (scores, hits) = (&mut rows.scores[k * n..][..n], &mut rows.hits[k * n..][..n]);
        // (each weight in fixed point once, for the document and the speaker)
        for m in matches {
            let w = to_fixed(m.weight);
            total.scores[m.theme] += w;
            total.hits[m.theme] += 1;
            scores[m.theme] += w;
            hits[m.theme] += 1;
        }
        if let Some(g) = rows.groups[k] {
            self.groups[g].1.add(tokens, matches);
        }
    }

    /// The document's sums (every `documents` count is 1 where the document appears).
    pub fn finish(mut self) -> DocSums {
        self.total.documents += 1;
        if self.narrated {
            self.narration.documents += 1;
        }
        for (_, t) in &mut self.groups {
            t.documents += 1;
        }
        let rows = &mut self.rows;
        for (name, k) in rows.index.drain() {
            rows.speakers[k].name = name;
        }
        let mut d = self.out;
        d.total = self.total;
        d.narration = self.narration;
        d.speakers.append(&mut rows.speakers);
        d.scores.extend_from_slice(&rows.scores);
        d.hits.extend_from_slice(&rows.hits);
        d.groups = self.groups;
        rows.scores.clear();
        rows.hits.clear();
        rows.groups.clear();
        rows.last = None;
        SPARE_ROWS.with(|spare| spare.set(std::mem::take(rows)));
        d
    }
}

impl Breakdown {
    /// Caps every `documents` count at 1: after adding up the chunks of one document, an actor
    /// seen in several chunks still appears in one document.
    fn cap_documents_at_one(&mut self) {
        let cap = |t: &mut Tally| t.documents = t.documents.min(1);
        cap(&mut self.total);
        cap(&mut self.narration);
        self.actors.values_mut().for_each(|a| cap(&mut a.tally));
        self.actor_groups.values_mut().for_each(cap);
    }
}

/// What `--group-by` groups documents by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GroupBy {
    /// A metadata field (`meta.FIELD`): its value as text.
    Meta(String),
    /// `YYYY-MM` of the `date` field.
    Month,
    /// `YYYY` of the `date` field.
    Year,
}

/// The group of documents without the field (or with an unusable date).
pub const UNKNOWN_GROUP: &str = "unknown";

impl std::str::FromStr for GroupBy {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "month" => Ok(GroupBy::Month),
            "year" => Ok(GroupBy::Year),
            _ => match s.strip_prefix("meta.") {
                Some(f) if !f.is_empty() => Ok(GroupBy::Meta(f.to_string())),
                _ => Err(format!(
                    "invalid --group-by `{s}`: expected meta.FIELD, month or year"
                )),
            },
        }
    }
}

impl std::fmt::Display for GroupBy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GroupBy::Meta(x) => write!(f, "meta.{x}"),
            GroupBy::Month => f.write_str("month"),
            GroupBy::Year => f.write_str("year"),
        }
    }
}

impl GroupBy {
    /// The group of a document from its metadata; [`UNKNOWN_GROUP`] when missing.
    pub fn key(&self, meta: &Map<String, Value>) -> String {
        let text = |v: Option<&Value>| match v {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.is_empty() => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(v) => Some(v.to_string()),
        };
        let date = |len: usize| {
            let d = text(meta.get("date"))?;
            let b = d.as_bytes();
            let ok = b.len() >= len
                && b[..4].iter().all(u8::is_ascii_digit)
                && (len == 4 || (b[4] == b'-' && b[5..7].iter().all(u8::is_ascii_digit)));
            ok.then(|| d[..len].to_string())
        };
        match self {
            GroupBy::Meta(f) => text(meta.get(f)),
            GroupBy::Month => date(7),
            GroupBy::Year => date(4),
        }
        .unwrap_or_else(|| UNKNOWN_GROUP.to_string())
    }
}

/// A lexicon's identity: a partial made with other lexicons cannot be merged.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LexiconId {
    /// `[lexicon] name`.
    pub name: String,
    /// `[lexicon] version`.
    pub version: String,
    /// SHA-256 of the file.
    pub sha256: String,
}

impl LexiconId {
    /// The identities of a set's lexicons, in order.
    pub fn of(set: &LexiconSet) -> Vec<LexiconId> {
        set.lexicons
            .iter()
            .map(|l| LexiconId {
                name: l.name.clone(),
                version: l.version.clone(),
                sha256: l.sha256.clone(),
            })
            .collect()
    }
}

/// One document's sums, small enough to keep per document (`--per document`) and to send from a
/// worker thread: no text, no sentences.
#[derive(Clone, Debug, PartialEq)]
pub struct DocSummary {
    /// The document id.
    pub id: String,
    /// Its `--group-by` group, when grouping.
    pub group: Option<String>,
    /// Input bytes.
    pub bytes: u64,
    /// Invalid UTF-8 sequences replaced.
    pub replaced: u64,
    /// Its per-actor sums (`total.documents` = 1).
    pub sums: DocSums,
    /// Its attributed sentences, for `stance compare` (only when asked for: they are large).
    pub speech: Option<DocSpeech>,
}

impl DocSummary {
    /// Summarises an analysed document (or one chunk of one).
    pub fn new(
        doc: &AnalyzedDocument,
        bytes: u64,
        themes: usize,
        actors: &Actors,
        group_by: Option<&GroupBy>,
    ) -> Self {
        let mut b = DocBreakdown::new(themes, actors);
        for s in &doc.sentences {
            b.add(s.attribution.speaker.as_deref(), s.tokens, &s.matches);
        }
        DocSummary::of(&doc.doc, bytes, b.finish(), group_by)
    }

    /// Analyses a document (or one chunk of one) and summarises it, keeping nothing of the
    /// analysis but the sums: the same summary as [`DocSummary::new`] of
    /// [`Pipeline::analyze`], without building the analysed document.
    pub fn analyze(
        pipeline: &Pipeline,
        doc: &Document,
        bytes: u64,
        group_by: Option<&GroupBy>,
    ) -> Self {
        let mut b = DocBreakdown::new(pipeline.themes().len(), pipeline.attributor.actors());
        pipeline.analyze_each(&doc.text, doc.speaker.as_deref(), |a, tokens, matches| {
            b.add(a.speaker.as_deref(), tokens, matches)
        });
        DocSummary::of(doc, bytes, b.finish(), group_by)
    }

    fn of(doc: &Document, bytes: u64, sums: DocSums, group_by: Option<&GroupBy>) -> Self {
        DocSummary {
            id: doc.id.clone(),
            group: group_by.map(|g| g.key(&doc.meta)),
            bytes,
            replaced: doc.replaced as u64,
            sums,
            speech: None,
        }
    }
}

/// The chunks of one document, added up as they come (in any order) into its summary.
pub struct DocChunks {
    /// The summary so far, but its sums.
    summary: DocSummary,
    /// Its sums so far.
    breakdown: Breakdown,
}

impl DocChunks {
    /// No chunk yet of the document that `chunk` is part of.
    pub fn new(chunk: &DocSummary) -> Self {
        let themes = chunk.sums.themes;
        DocChunks {
            summary: DocSummary {
                id: chunk.id.clone(),
                group: chunk.group.clone(),
                bytes: 0,
                replaced: 0,
                sums: DocSums::new(themes),
                speech: None,
            },
            breakdown: Breakdown::new(themes),
        }
    }

    /// Adds a chunk.
    pub fn add(&mut self, chunk: &DocSummary) {
        let s = &mut self.summary;
        s.bytes += chunk.bytes;
        s.replaced += chunk.replaced;
        self.breakdown.add_doc(&chunk.sums);
        match (&mut s.speech, &chunk.speech) {
            (Some(s), Some(c)) => s.absorb(c),
            (None, Some(c)) => s.speech = Some(c.clone()),
            _ => {}
        }
    }

    /// The document's summary: an actor seen in several chunks still appears in one document.
    pub fn finish(mut self) -> DocSummary {
        self.breakdown.cap_documents_at_one();
        self.summary.sums = DocSums::from_breakdown(&self.breakdown);
        self.summary
    }
}

/// An entry of a top-documents list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopDoc {
    /// Document id.
    pub id: String,
    /// Its score for the theme, fixed point.
    pub score: i64,
}

/// Everything a corpus report needs, as exact sums: what `batch --partial` writes and `merge` adds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CorpusAgg {
    /// Theme ids in index order.
    pub themes: Vec<String>,
    /// The lexicons used.
    pub lexicons: Vec<LexiconId>,
    /// The `--group-by` spec, if any.
    pub group_by: Option<String>,
    /// Length of the top-documents lists.
    pub top_n: usize,
    /// Input bytes analysed.
    pub bytes: u64,
    /// Sums over every document.
    pub overall: Breakdown,
    /// Sums per `--group-by` group.
    pub groups: BTreeMap<String, Breakdown>,
    /// Per theme: the highest-scoring documents, score descending then id ascending.
    pub top: Vec<Vec<TopDoc>>,
    /// Inputs that were skipped, sorted.
    pub errors: Vec<Issue>,
    /// Inputs read with a caveat, sorted.
    pub warnings: Vec<Issue>,
}

impl CorpusAgg {
    /// An empty aggregate.
    pub fn new(
        themes: Vec<String>,
        lexicons: Vec<LexiconId>,
        group_by: Option<&GroupBy>,
        top_n: usize,
    ) -> Self {
        let n = themes.len();
        CorpusAgg {
            themes,
            lexicons,
            group_by: group_by.map(|g| g.to_string()),
            top_n,
            bytes: 0,
            overall: Breakdown::new(n),
            groups: BTreeMap::new(),
            top: vec![Vec::new(); n],
            errors: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Documents analysed.
    pub fn documents(&self) -> u64 {
        self.overall.total.documents
    }

    /// Adds one (complete) document.
    pub fn add(&mut self, doc: &DocSummary) {
        self.bytes += doc.bytes;
        self.overall.add_doc(&doc.sums);
        if let Some(g) = &doc.group {
            let n = self.themes.len();
            self.groups
                .entry(g.clone())
                .or_insert_with(|| Breakdown::new(n))
                .add_doc(&doc.sums);
        }
        self.add_top(doc);
    }

    /// Puts a document in the top lists of the themes it scores in.
    fn add_top(&mut self, doc: &DocSummary) {
        for (t, list) in self.top.iter_mut().enumerate() {
            let score = doc.sums.total.scores.get(t).copied().unwrap_or(0);
            if score > 0 {
                list.push(TopDoc {
                    id: doc.id.clone(),
                    score,
                });
                sort_top(list, self.top_n);
            }
        }
    }

    /// Checks that another aggregate was made the same way (lexicons, themes, grouping).
    pub fn compatible(&self, other: &CorpusAgg) -> Result<(), String> {
        let names = |l: &[LexiconId]| {
            l.iter()
                .map(|x| format!("{} {} (sha256 {})", x.name, x.version, x.sha256))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if self.lexicons != other.lexicons {
            return Err(format!(
                "made with different lexicons: [{}] vs [{}]",
                names(&self.lexicons),
                names(&other.lexicons)
            ));
        }
        if self.themes != other.themes {
            return Err(format!(
                "made with different themes: [{}] vs [{}]",
                self.themes.join(", "),
                other.themes.join(", ")
            ));
        }
        if self.group_by != other.group_by {
            let g = |x: &Option<String>| x.clone().unwrap_or_else(|| "(none)".into());
            return Err(format!(
                "made with different --group-by: {} vs {}",
                g(&self.group_by),
                g(&other.group_by)
            ));
        }
        Ok(())
    }

    /// Adds another aggregate (see [`CorpusAgg::compatible`]); the result does not depend on the
    /// order of merging.
    pub fn merge(&mut self, other: &CorpusAgg) -> Result<(), String> {
        self.compatible(other)?;
        self.bytes += other.bytes;
        self.overall.merge(&other.overall);
        let n = self.themes.len();
        for (g, b) in &other.groups {
            self.groups
                .entry(g.clone())
                .or_insert_with(|| Breakdown::new(n))
                .merge(b);
        }
        self.top_n = self.top_n.min(other.top_n);
        for (mine, theirs) in self.top.iter_mut().zip(&other.top) {
            mine.extend(theirs.iter().cloned());
        }
        for list in &mut self.top {
            sort_top(list, self.top_n);
        }
        self.errors.extend(other.errors.iter().cloned());
        self.warnings.extend(other.warnings.iter().cloned());
        self.errors.sort();
        self.warnings.sort();
        Ok(())
    }

    /// Sorts the error and warning lists (call once everything is added).
    pub fn finish(&mut self) {
        self.errors.sort();
        self.warnings.sort();
        for list in &mut self.top {
            sort_top(list, self.top_n);
        }
    }
}

/// [`CorpusAgg::add`] over a run's documents, the actors found by hash: the aggregate's sorted
/// maps are searched name by name, a string comparison at every step, for every speaker of every
/// document, so the actors are gathered in hash maps instead, and moved into the sorted maps once,
/// by [`CorpusAdder::finish`]. The result is what adding each document to the aggregate gives.
pub struct CorpusAdder {
    agg: CorpusAgg,
    overall: ActorSums,
    /// Per `--group-by` group.
    groups: HashMap<String, ActorSums>,
}

/// A map by name: the sorted maps of a [`Breakdown`] and the hash maps of [`ActorSums`], which
/// add a document's speakers and groups the same way ([`DocSums::add_speakers_to`]).
trait NameMap<V> {
    fn get_mut(&mut self, name: &str) -> Option<&mut V>;
    fn insert(&mut self, name: String, v: V);
}

impl<V> NameMap<V> for BTreeMap<String, V> {
    fn get_mut(&mut self, name: &str) -> Option<&mut V> {
        BTreeMap::get_mut(self, name)
    }
    fn insert(&mut self, name: String, v: V) {
        BTreeMap::insert(self, name, v);
    }
}

impl<V, S: std::hash::BuildHasher> NameMap<V> for HashMap<String, V, S> {
    fn get_mut(&mut self, name: &str) -> Option<&mut V> {
        HashMap::get_mut(self, name)
    }
    fn insert(&mut self, name: String, v: V) {
        HashMap::insert(self, name, v);
    }
}

/// The actors and actor groups of a [`Breakdown`], by hash.
#[derive(Default)]
struct ActorSums {
    actors: HashMap<String, ActorTally, foldhash::fast::FixedState>,
    actor_groups: HashMap<String, Tally, foldhash::fast::FixedState>,
}

impl ActorSums {
    /// [`Breakdown::add_doc`] for the actors and actor groups.
    fn add(&mut self, d: &DocSums) {
        d.add_speakers_to(&mut self.actors, &mut self.actor_groups);
    }

    /// Adds these sums to a breakdown's maps (in one bulk build when the breakdown has none).
    fn move_into(self, b: &mut Breakdown) {
        if b.actors.is_empty() {
            b.actors = self.actors.into_iter().collect();
        } else {
            for (name, a) in self.actors {
                match b.actors.get_mut(&name) {
                    Some(e) => e.tally.merge(&a.tally),
                    None => {
                        b.actors.insert(name, a);
                    }
                }
            }
        }
        for (g, t) in self.actor_groups {
            match b.actor_groups.get_mut(&g) {
                Some(e) => e.merge(&t),
                None => {
                    b.actor_groups.insert(g, t);
                }
            }
        }
    }
}

impl CorpusAdder {
    /// Adds documents to `agg`.
    pub fn new(agg: CorpusAgg) -> Self {
        CorpusAdder {
            agg,
            overall: ActorSums::default(),
            groups: HashMap::new(),
        }
    }

    /// Adds one (complete) document, as [`CorpusAgg::add`] does.
    pub fn add(&mut self, doc: &DocSummary) {
        let agg = &mut self.agg;
        agg.bytes += doc.bytes;
        agg.overall.total.merge(&doc.sums.total);
        agg.overall.narration.merge(&doc.sums.narration);
        self.overall.add(&doc.sums);
        if let Some(g) = &doc.group {
            let n = agg.themes.len();
            let b = agg
                .groups
                .entry(g.clone())
                .or_insert_with(|| Breakdown::new(n));
            b.total.merge(&doc.sums.total);
            b.narration.merge(&doc.sums.narration);
            match self.groups.get_mut(g) {
                Some(sums) => sums.add(&doc.sums),
                None => self.groups.entry(g.clone()).or_default().add(&doc.sums),
            }
        }
        agg.add_top(doc);
    }

    /// The aggregate with every document added.
    pub fn finish(self) -> CorpusAgg {
        let mut agg = self.agg;
        self.overall.move_into(&mut agg.overall);
        for (g, sums) in self.groups {
            sums.move_into(agg.groups.get_mut(&g).expect("made with its sums"));
        }
        agg
    }
}

fn sort_top(list: &mut Vec<TopDoc>, n: usize) {
    list.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
    list.truncate(n);
}

#[cfg(test)]
mod corpus_tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn fixed_point_rounds_as_f64_round() {
        let mut xs = vec![
            0.0,
            -0.0,
            0.5e-6,
            -0.5e-6,
            1.5e-6,
            -2.5e-6,
            0.4999999e-6,
            1.0,
            -1.25,
            0.1 + 0.2,
            4_503_599_627.370_496,
            4_503_599_627.370_497,
            -4_503_599_627.370_495,
            1e13,
            -1e14,
            1e300,
            -1e300,
            f64::MAX,
            f64::MIN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            f64::MIN_POSITIVE,
        ];
        // halves and their neighbours across magnitudes
        for e in -8..16 {
            let h = 10f64.powi(e) + 0.5e-6;
            xs.extend([
                h,
                -h,
                h.next_up(),
                h.next_down(),
                -h.next_up(),
                -h.next_down(),
            ]);
        }
        for x in xs {
            assert_eq!(to_fixed(x), (x * SCALE).round() as i64, "{x:e}");
        }
    }

    proptest::proptest! {
        #[test]
        fn fixed_point_rounds_as_f64_round_on_any(
            x in proptest::num::f64::ANY,
            y in -1e4f64..1e4,
            k in -10_000_000_000i64..10_000_000_000,
        ) {
            // any float, ordinary weights, and exact halves of the fixed-point step
            let half = (k as f64 + 0.5) / SCALE;
            for v in [x, y, half, half.next_up(), half.next_down()] {
                proptest::prop_assert_eq!(to_fixed(v), (v * SCALE).round() as i64);
            }
        }
    }

    #[test]
    fn group_keys() {
        let m = |v: Value| v.as_object().unwrap().clone();
        let d = m(json!({"date": "2004-05-06T10:00", "src": "tass", "n": 3}));
        assert_eq!(GroupBy::Year.key(&d), "2004");
        assert_eq!(GroupBy::Month.key(&d), "2004-05");
        assert_eq!("meta.src".parse::<GroupBy>().unwrap().key(&d), "tass");
        assert_eq!("meta.n".parse::<GroupBy>().unwrap().key(&d), "3");
        assert_eq!(GroupBy::Year.key(&m(json!({"date": null}))), UNKNOWN_GROUP);
        assert_eq!(
            GroupBy::Month.key(&m(json!({"date": "2004"}))),
            UNKNOWN_GROUP
        );
        assert!("bogus".parse::<GroupBy>().is_err());
    }

    /// The batch path (sums gathered sentence by sentence) gives what adding up the analysed
    /// document gives, speakers, actor groups and document counts included.
    #[test]
    fn summary_without_the_analysed_document() {
        let actors = Actors::parse(include_str!("../samples/actors.toml"), "actors.toml").unwrap();
        let pipeline = Pipeline::new(LexiconSet::bundled(), Some(actors)).unwrap();
        let text = include_str!("../samples/putin-wang-yi-xinhua.txt");
        let doc = Document::from_text("sample", text.to_string());
        let themes = pipeline.themes().len();
        let fast = DocSummary::analyze(&pipeline, &doc, 7, None);
        let analyzed = pipeline.analyze(doc);
        let slow = DocSummary::new(&analyzed, 7, themes, pipeline.attributor.actors(), None);
        let breakdown = fast.sums.breakdown();
        assert!(breakdown.actors.len() > 1);
        assert!(!breakdown.actor_groups.is_empty());
        assert_eq!(fast, slow);
        let mut added = Breakdown::new(themes);
        added.add_document(&analyzed, pipeline.attributor.actors());
        assert_eq!(breakdown, added);
        assert_eq!(DocSums::from_breakdown(&added).breakdown(), added);
    }

    /// Sums handed back and filled again (by this test or another on any thread) are the sums a
    /// fresh start gives.
    #[test]
    fn recycled_sums_start_empty() {
        let pipeline = Pipeline::bundled().unwrap();
        let text = include_str!("../samples/putin-wang-yi-xinhua.txt");
        let doc = Document::from_text("sample", text.to_string());
        let first = DocSummary::analyze(&pipeline, &doc, 7, None);
        assert!(!first.sums.speakers.is_empty());
        let want = first.clone();
        first.sums.recycle();
        let themes = pipeline.themes().len();
        let mut names = Vec::new();
        assert_eq!(DocSums::spare(themes, &mut names), DocSums::new(themes));
        for _ in 0..3 {
            let again = DocSummary::analyze(&pipeline, &doc, 7, None);
            assert_eq!(again, want);
            again.sums.recycle();
        }
    }

    fn doc(id: &str, score: i64, group: &str) -> DocSummary {
        let mut b = Breakdown::new(1);
        b.total.documents = 1;
        b.total.sentences = 2;
        b.total.scores[0] = score;
        DocSummary {
            id: id.into(),
            group: Some(group.into()),
            bytes: 10,
            replaced: 0,
            sums: DocSums::from_breakdown(&b),
            speech: None,
        }
    }

    #[test]
    fn merging_halves_equals_adding_everything() {
        let new = || CorpusAgg::new(vec!["t".into()], vec![], Some(&GroupBy::Year), 2);
        let docs: Vec<_> = (0..7)
            .map(|i| {
                doc(
                    &format!("d{i}"),
                    (i % 3) as i64,
                    if i < 3 { "a" } else { "b" },
                )
            })
            .collect();
        let mut all = new();
        docs.iter().for_each(|d| all.add(d));
        let (mut x, mut y) = (new(), new());
        docs.iter().step_by(2).for_each(|d| x.add(d));
        docs.iter().skip(1).step_by(2).for_each(|d| y.add(d));
        y.merge(&x).unwrap();
        assert_eq!(y, all);
        assert_eq!(all.documents(), 7);
        let top: Vec<_> = all.top[0].iter().map(|t| t.id.as_str()).collect();
        assert_eq!(top, ["d2", "d5"]);
        assert_eq!(all.groups["a"].total.documents, 3);
    }

    #[test]
    fn adder_equals_adding_each_document() {
        let new = || CorpusAgg::new(vec!["t".into()], vec![], Some(&GroupBy::Year), 2);
        let docs: Vec<_> = (0..7)
            .map(|i| {
                let mut d = doc(&format!("d{i}"), i % 3, if i < 3 { "a" } else { "b" });
                let mut b = d.sums.breakdown();
                let tally = Tally {
                    documents: 1,
                    sentences: 1 + i as u64,
                    ..Tally::new(1)
                };
                let group = (i % 3 == 0).then(|| "g".to_string());
                if group.is_some() {
                    b.actor_groups.insert("g".into(), tally.clone());
                }
                b.actors
                    .insert(format!("P{}", i % 2), ActorTally { group, tally });
                d.sums = DocSums::from_breakdown(&b);
                d
            })
            .collect();
        let mut each = new();
        docs.iter().for_each(|d| each.add(d));
        let mut adder = CorpusAdder::new(new());
        docs.iter().for_each(|d| adder.add(d));
        let added = adder.finish();
        assert_eq!(added, each);
        assert_eq!(added.overall.actors["P0"].tally.documents, 4);
        assert_eq!(added.groups["b"].actor_groups["g"].documents, 2);
    }

    #[test]
    fn different_lexicons_do_not_merge() {
        let lex = |sha: &str| {
            vec![LexiconId {
                name: "g".into(),
                version: "1".into(),
                sha256: sha.into(),
            }]
        };
        let mut a = CorpusAgg::new(vec![], lex("aa"), None, 5);
        let b = CorpusAgg::new(vec![], lex("bb"), None, 5);
        let e = a.merge(&b).unwrap_err();
        assert!(e.contains("different lexicons"), "{e}");
    }

    #[test]
    fn chunks_of_one_document_count_once() {
        let mut a = doc("x", 1, "g");
        let mut b = a.sums.breakdown();
        b.actors.insert(
            "P".into(),
            ActorTally {
                group: None,
                tally: Tally {
                    documents: 1,
                    ..Tally::new(1)
                },
            },
        );
        a.sums = DocSums::from_breakdown(&b);
        let mut chunks = DocChunks::new(&a);
        chunks.add(&a);
        chunks.add(&a);
        let a = chunks.finish();
        let b = a.sums.breakdown();
        assert_eq!(b.total.documents, 1);
        assert_eq!(b.actors["P"].tally.documents, 1);
        assert_eq!(b.total.sentences, 4);
        assert_eq!(a.bytes, 20);
    }
}
