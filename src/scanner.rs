//! Leftmost-longest, ASCII-case-insensitive multi-pattern search (the lexicon terms, the
//! reporting cues) with a tighter inner loop than `aho_corasick`'s.
//!
//! The automaton is `aho_corasick`'s (trie, failure links, match lists, as its non-contiguous NFA
//! builder makes them) turned into a DFA as `aho_corasick`'s DFA builder would, built here straight
//! into a dense table of our own: one row per state, one column per class of bytes that no pattern
//! tells apart. Failure states are found by walking the trie, and each state's row is its failure
//! state's row copied whole with its own trie transitions written over it; `aho_corasick` builds an
//! NFA of sparse transitions and then visits all 256 bytes of every state through them, over ten
//! times the cost, paid on every run. The search walks the table exactly as `aho_corasick` walks
//! its DFA (same states, same match rule), so every match is the same (the tests compare them); its
//! loop takes [`ROUND`] bytes per round and 6 instructions per byte where `aho_corasick`'s takes 18
//! (that one checks the haystack bounds and reloads the table's fields at every byte; ours
//! checks no bounds at all, see [`step`]), and every
//! byte of every document goes through it twice (cues, lexicon terms). What bounds its speed is the
//! chain of dependent table lookups, one per byte: nothing may be added to that chain, and a whole
//! document (the cue scan) is searched as two halves walked side by side, two independent chains.
//! When no DFA is wanted (many patterns) or can be built (an empty pattern), the search is
//! `aho_corasick`'s own.

use aho_corasick::{AhoCorasick, AhoCorasickKind, BuildError, Input, MatchKind};
use std::cell::Cell;

/// A match: pattern index and byte span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    pub pattern: usize,
    pub start: usize,
    pub end: usize,
}

impl From<aho_corasick::Match> for Hit {
    fn from(m: aho_corasick::Match) -> Hit {
        Hit {
            pattern: m.pattern().as_usize(),
            start: m.start(),
            end: m.end(),
        }
    }
}

/// A compiled pattern set.
#[derive(Clone, Debug)]
pub(crate) enum Scanner {
    /// A dense DFA.
    Dense(Box<Dense>),
    /// `aho_corasick`'s default automaton, when no DFA was wanted or could be built.
    Ac(AhoCorasick),
}

impl Scanner {
    /// Compiles `patterns` for leftmost-longest, ASCII-case-insensitive search; as a DFA when
    /// `dfa` and no pattern is empty (else as `aho_corasick`'s default automaton).
    pub fn new<P: AsRef<[u8]>>(patterns: &[P], dfa: bool) -> Result<Scanner, BuildError> {
        if dfa && !patterns.iter().any(|p| p.as_ref().is_empty()) {
            return Ok(Scanner::Dense(Box::new(Dense::new(patterns, true))));
        }
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(None::<AhoCorasickKind>)
            .build(patterns)
            .map(Scanner::Ac)
    }

    /// The leftmost-longest match within `hay[start..end]`.
    pub fn find(&self, hay: &[u8], start: usize, end: usize) -> Option<Hit> {
        match self {
            Scanner::Dense(d) => d.find(hay, start, end),
            Scanner::Ac(ac) => ac.find(Input::new(hay).range(start..end)).map(Hit::from),
        }
    }

    /// The successive non-overlapping leftmost-longest matches in `hay` (for patterns that are
    /// never empty).
    pub fn find_iter<'a>(&'a self, hay: &'a [u8]) -> impl Iterator<Item = Hit> + 'a {
        let hits = match self {
            Scanner::Dense(d) => d.find_all(hay),
            Scanner::Ac(_) => self.find_iter_one(hay).collect(),
        };
        Hits { hits, next: 0 }
    }

    /// [`Scanner::find_iter`], one search after the other.
    fn find_iter_one<'a>(&'a self, hay: &'a [u8]) -> impl Iterator<Item = Hit> + 'a {
        let mut at = 0;
        std::iter::from_fn(move || {
            let m = self.find(hay, at, hay.len())?;
            // no pattern is empty, so a match always moves on
            at = m.end.max(at + 1);
            Some(m)
        })
    }
}

thread_local! {
    /// The match lists of [`Dense::find_all`]'s two searches, emptied, kept from one document to
    /// the next on each thread: grown afresh for each document, they passed a kilobyte, where
    /// glibc's malloc consolidates its free lists.
    static SPARE_HITS: [Cell<Vec<Hit>>; 2] = Default::default();
}

/// [`Scanner::find_iter`]'s matches, handing their vector back to [`SPARE_HITS`] when dropped.
struct Hits {
    hits: Vec<Hit>,
    next: usize,
}

impl Iterator for Hits {
    type Item = Hit;

    fn next(&mut self) -> Option<Hit> {
        let hit = *self.hits.get(self.next)?;
        self.next += 1;
        Some(hit)
    }
}

impl Drop for Hits {
    fn drop(&mut self) {
        let mut hits = std::mem::take(&mut self.hits);
        hits.clear();
        SPARE_HITS.with(|spare| spare[0].set(hits));
    }
}

/// One of the two searches of [`Dense::find_all`]: the successive matches in `hay` (offsets
/// from `base`), searched for as [`Dense::find`] and [`Scanner::find_iter`] do, a byte at a
/// time.
struct Lane<'h> {
    hay: &'h [u8],
    base: usize,
    /// Where the current search started.
    from: usize,
    /// The next byte.
    i: usize,
    sid: usize,
    /// The last match state passed in this search, and the offset after it.
    last: Option<(usize, usize)>,
    done: bool,
    out: Vec<Hit>,
}

impl<'h> Lane<'h> {
    fn new(d: &Dense, hay: &'h [u8], base: usize, out: Vec<Hit>) -> Self {
        Lane {
            hay,
            base,
            from: 0,
            i: 0,
            sid: d.start as usize,
            last: None,
            done: hay.is_empty(),
            out,
        }
    }

    /// After a step into a match or dead state, or onto the end of the text: what
    /// [`Dense::find`] does there, and the next search as [`Scanner::find_iter`] starts it.
    /// (Inlined: it runs at every match of the cue scan, where as a call it cost twice as much.)
    #[inline(always)]
    fn settle(&mut self, d: &Dense) {
        let dead = self.sid == 0;
        if self.sid <= d.max_match as usize && !dead {
            self.last = Some((self.sid, self.i));
        }
        if !dead && self.i < self.hay.len() {
            return;
        }
        let Some((sid, at)) = self.last else {
            // no match in the rest of the text
            self.done = true;
            return;
        };
        let (pattern, len) = d.matches[sid / d.stride - 1];
        let end = at;
        self.out.push(Hit {
            pattern: pattern as usize,
            start: self.base + end - len as usize,
            end: self.base + end,
        });
        self.from = end.max(self.from + 1);
        self.i = self.from;
        self.sid = d.start as usize;
        self.last = None;
        self.done = self.from >= self.hay.len();
    }
}

impl Dense {
    /// [`Scanner::find_iter`]'s matches, collected. The text is cut in two at a line break near
    /// its middle when no pattern contains one: no match can cross it, and a search reaching it
    /// goes on from the start state, as a search started there does. The two halves are then
    /// searched in one loop, a byte of each per round: the scan is bound by the chain of
    /// dependent table lookups, and two independent chains run side by side nearly as fast as
    /// one.
    fn find_all(&self, hay: &[u8]) -> Vec<Hit> {
        let cut = (self.class[b'\n' as usize] == 0)
            .then(|| memchr::memchr(b'\n', &hay[hay.len() / 2..]).map(|i| hay.len() / 2 + i))
            .flatten()
            .unwrap_or(hay.len());
        let (trans, class) = (&self.trans[..], &self.class);
        let max_match = self.max_match as usize;
        let [a_out, b_out] = SPARE_HITS.with(|spare| spare.each_ref().map(Cell::take));
        let mut a = Lane::new(self, &hay[..cut], 0, a_out);
        let mut b = Lane::new(self, &hay[cut..], cut, b_out);
        let step = |sid: usize, x: u8| step(trans, class, sid, x);
        while !a.done && !b.done {
            // both lanes on, in locals, until either steps into a match or dead state or runs
            // out of text (the hot loop: keep it this small)
            let (mut sa, mut sb, mut k) = (a.sid, b.sid, 0);
            let (xs, ys) = (&a.hay[a.i..], &b.hay[b.i..]);
            // ROUND bytes of each per round while both have as many (one end check per round),
            // then a byte at a time
            let mut hit = false;
            for (x, y) in xs
                .as_chunks::<ROUND>()
                .0
                .iter()
                .zip(ys.as_chunks::<ROUND>().0)
            {
                for j in 0..ROUND {
                    sa = step(sa, x[j]);
                    sb = step(sb, y[j]);
                    k += 1;
                    if sa <= max_match || sb <= max_match {
                        hit = true;
                        break;
                    }
                }
                if hit {
                    break;
                }
            }
            if !hit {
                for (&x, &y) in xs[k..].iter().zip(&ys[k..]) {
                    sa = step(sa, x);
                    sb = step(sb, y);
                    k += 1;
                    if sa <= max_match || sb <= max_match {
                        break;
                    }
                }
            }
            (a.sid, b.sid) = (sa, sb);
            a.i += k;
            b.i += k;
            if a.sid <= max_match || a.i == a.hay.len() {
                a.settle(self);
            }
            if b.sid <= max_match || b.i == b.hay.len() {
                b.settle(self);
            }
        }
        for lane in [&mut a, &mut b] {
            while !lane.done {
                let (mut sid, mut k) = (lane.sid, 0);
                for &x in &lane.hay[lane.i..] {
                    sid = step(sid, x);
                    k += 1;
                    if sid <= max_match {
                        break;
                    }
                }
                lane.sid = sid;
                lane.i += k;
                lane.settle(self);
            }
        }
        a.out.append(&mut b.out);
        SPARE_HITS.with(|spare| spare[1].set(b.out));
        a.out
    }
}

/// Bytes per round of the scan loops, unrolled: each round checks once whether the text goes
/// on. (Four bytes a round cost about one instruction a byte more on the lexicon scan than
/// sixteen; thirty-two gained nothing more.)
const ROUND: usize = 16;

/// One transition of a [`Dense`] table: `trans[sid + class[b]]`, the next state.
///
/// Every byte of every document goes through this twice, and each waits for the lookup of the
/// byte before. A bounds check costs two of the eight instructions a byte (an index masked into
/// range instead, one more instruction in that chain of dependent lookups, made the scan 10 %
/// slower), so the lookup is unchecked.
///
/// SAFETY: `trans` and `class` are one [`Dense`]'s (the callers take them from `self`), and
/// `sid` is its start state or a value read from its `trans`. [`Dense::new`] asserts that each
/// of those plus `stride` is at most `trans.len()` (each is a row's first entry) and that every
/// `class` value is below `stride`, so `sid + class[b] < trans.len()`.
#[inline(always)]
fn step(trans: &[u32], class: &[u8; 256], sid: usize, b: u8) -> usize {
    let at = sid + class[b as usize] as usize;
    debug_assert!(at < trans.len());
    // SAFETY: see above.
    (unsafe { *trans.get_unchecked(at) }) as usize
}

/// State 0 is the dead state (the search is over), then come the match states, then the rest;
/// states are stored premultiplied by the row width, so a transition is one table lookup.
#[derive(Clone, Debug)]
pub(crate) struct Dense {
    /// `trans[state + class[byte]]`: the next state.
    trans: Vec<u32>,
    /// Byte → column.
    class: [u8; 256],
    /// Row width (the number of columns).
    stride: usize,
    start: u32,
    /// The largest match state: a state `s` with `0 < s <= max_match` is a match.
    max_match: u32,
    /// Per match state (by row, the first at 0): the pattern and its length.
    matches: Vec<(u32, u32)>,
    /// Standard semantics only: every pattern of match state `k` (by row, the first at 0) is in
    /// `all[all_at[k]..all_at[k + 1]]`.
    all: Vec<u32>,
    all_at: Vec<u32>,
}

impl Dense {
    /// The DFA of `patterns` (leftmost-longest when `leftmost`, else standard; ASCII case
    /// insensitive; none empty), the one `aho_corasick` builds from its NFA (same states, same
    /// transitions, same matches).
    fn new<P: AsRef<[u8]>>(patterns: &[P], leftmost: bool) -> Dense {
        // columns: one per byte occurring in a pattern (both ASCII cases in one; at most 230), one
        // for the rest: bytes in no pattern take the same transition from every state
        let mut class = [0u8; 256];
        let mut stride = 1usize;
        for p in patterns {
            for &b in p.as_ref() {
                let lower = b.to_ascii_lowercase();
                if class[lower as usize] == 0 {
                    class[lower as usize] = stride as u8;
                    class[b.to_ascii_uppercase() as usize] = stride as u8;
                    stride += 1;
                }
            }
        }
        // The trie: `child[k * stride + c]` is the child of state k on column c (0: none; state
        // 0, the start state, is nobody's child); `aho_corasick`'s trie with ASCII case folded, as
        // a column is. Per state: its depth, its parent and column, and `own`: the patterns
        // ending there, in pattern order.
        const DEAD: u32 = u32::MAX;
        // (sized for the most states there can be, one per pattern byte and the start state: a
        // zeroed allocation costs nothing, and rows never reached are never touched, where growing
        // it row by row copied it again and again)
        let most = 1 + patterns.iter().map(|p| p.as_ref().len()).sum::<usize>();
        let mut child: Vec<u32> = vec![0; most * stride];
        let mut depth: Vec<u32> = vec![0];
        let mut parent: Vec<(u32, u32)> = vec![(0, 0)];
        let mut own: Vec<Vec<u32>> = vec![Vec::new()];
        for (pid, p) in patterns.iter().enumerate() {
            let mut k = 0;
            for &b in p.as_ref() {
                let c = class[b as usize] as usize;
                if child[k * stride + c] == 0 {
                    child[k * stride + c] = own.len() as u32;
                    depth.push(depth[k] + 1);
                    parent.push((k as u32, c as u32));
                    own.push(Vec::new());
                }
                k = child[k * stride + c] as usize;
            }
            own[k].push(pid as u32);
        }
        let n = own.len();
        // States by depth: a failure state is nearer the start than its state.
        let mut order: Vec<u32> = (0..n as u32).collect();
        order.sort_by_key(|&k| depth[k as usize]);
        // Failure states, as `aho_corasick`'s NFA builder computes them (`DEAD`: the dead
        // state): a state that completes a pattern fails to the dead state (leftmost semantics),
        // any other to where its parent's failure state goes on the same column (its child there,
        // else where that state's failure state goes, and so on; the start state stays). A
        // state's matches are its own patterns, then its failure state's.
        let mut fail = vec![0u32; n];
        for &k in &order[1..] {
            let k = k as usize;
            let (p, c) = (parent[k].0 as usize, parent[k].1 as usize);
            fail[k] = if leftmost && !own[k].is_empty() {
                DEAD
            } else if p == 0 {
                0
            } else {
                let mut f = fail[p];
                loop {
                    if f == DEAD {
                        break DEAD;
                    }
                    let next = child[f as usize * stride + c];
                    if next != 0 || f == 0 {
                        break next;
                    }
                    f = fail[f as usize];
                }
            };
            if fail[k] != DEAD && (own[k].is_empty() || !leftmost) {
                let inherited = own[fail[k] as usize].clone();
                own[k].extend(inherited);
            }
        }
        // final rows: dead, then match states, then the others
        let mut row = vec![0u32; n];
        let mut next_row = 1u32;
        let mut matches = Vec::new();
        let mut all = Vec::new();
        let mut all_at = vec![0u32];
        for &k in &order {
            let pids = &own[k as usize];
            if let Some(&pid) = pids.first() {
                row[k as usize] = next_row;
                next_row += 1;
                matches.push((pid, patterns[pid as usize].as_ref().len() as u32));
                if !leftmost {
                    all.extend_from_slice(pids);
                    all_at.push(all.len() as u32);
                }
            }
        }
        let max_match_row = next_row - 1;
        for &k in &order {
            if own[k as usize].is_empty() {
                row[k as usize] = next_row;
                next_row += 1;
            }
        }
        // Each state's children, by parent: `kids[first[k]..first[k + 1]]` (column, child).
        let mut first = vec![0u32; n + 1];
        for &(p, _) in &parent[1..] {
            first[p as usize + 1] += 1;
        }
        for k in 0..n {
            first[k + 1] += first[k];
        }
        let mut kids = vec![(0u32, 0u32); n - 1];
        let mut at = first.clone();
        for (k, &(p, c)) in parent.iter().enumerate().skip(1) {
            kids[at[p as usize] as usize] = (c, k as u32);
            at[p as usize] += 1;
        }
        // The table, row by row in depth order, as `aho_corasick`'s DFA builder makes it: the
        // row of the state's failure state (the start state loops to itself; no row: the dead
        // state), then its trie transitions over it.
        let s = stride as u32;
        let mut trans = vec![0u32; next_row as usize * stride];
        for &k in &order {
            let k = k as usize;
            let to = row[k] as usize * stride;
            match fail[k] {
                _ if k == 0 => trans[to..to + stride].fill(row[0] * s),
                DEAD => {}
                f => {
                    let from = row[f as usize] as usize * stride;
                    trans.copy_within(from..from + stride, to);
                }
            }
            for &(c, next) in &kids[first[k] as usize..first[k + 1] as usize] {
                trans[to + c as usize] = row[next as usize] * s;
            }
        }
        // what makes [`step`]'s unchecked lookup sound: from any state, every column is in range.
        // Every entry of `trans` is 0 (the dead state), `row[0] * s` (the fill) or `row[k] * s`
        // (a trie transition), or a copy of one, so checking the rows bounds them all.
        let last_row = row.iter().max().map_or(0, |&r| r as usize * stride);
        assert!(last_row + stride <= trans.len() && class.iter().all(|&c| (c as usize) < stride));
        Dense {
            trans,
            class,
            stride,
            start: row[0] * stride as u32,
            max_match: max_match_row * stride as u32,
            matches,
            all,
            all_at,
        }
    }

    /// `aho_corasick`'s unanchored leftmost search loop over our table: remember the last match
    /// state passed, stop at the dead state.
    fn find(&self, hay: &[u8], start: usize, end: usize) -> Option<Hit> {
        let hay = hay.get(start..end)?;
        // states as usize: a u32 would be widened again for every lookup
        let (trans, class) = (&self.trans[..], &self.class);
        let max_match = self.max_match as usize;
        let mut sid = self.start as usize;
        let mut i = 0;
        let mut last = None;
        // One transition: the next state (the hot loop: keep it this small; see [`step`]).
        let step = |sid: usize, b: u8| step(trans, class, sid, b);
        'search: loop {
            // on to the next dead or match state, ROUND bytes per round while there are as many
            // (one end check per round, not one per byte)
            let (rounds, _) = hay[i..].as_chunks::<ROUND>();
            for round in rounds {
                for &b in round {
                    sid = step(sid, b);
                    i += 1;
                    if sid <= max_match {
                        if sid == 0 {
                            break 'search;
                        }
                        last = Some((sid, i));
                        continue 'search;
                    }
                }
            }
            while let Some(&b) = hay.get(i) {
                sid = step(sid, b);
                i += 1;
                if sid <= max_match {
                    if sid == 0 {
                        break 'search;
                    }
                    last = Some((sid, i));
                    continue 'search;
                }
            }
            break;
        }
        let (sid, at) = last?;
        let (pattern, len) = self.matches[sid / self.stride - 1];
        let at = start + at;
        Some(Hit {
            pattern: pattern as usize,
            start: at - len as usize,
            end: at,
        })
    }
}

impl Dense {
    /// `aho_corasick`'s overlapping search loop (standard semantics) over our table: `f` gets
    /// every pattern of every match state passed (a pattern may come more than once).
    fn for_each_overlapping(&self, hay: &[u8], mut f: impl FnMut(usize)) {
        let (trans, class) = (&self.trans[..], &self.class);
        let max_match = self.max_match as usize;
        let mut sid = self.start as usize;
        for &b in hay {
            sid = step(trans, class, sid, b);
            if sid <= max_match && sid != 0 {
                let k = sid / self.stride - 1;
                for &p in &self.all[self.all_at[k] as usize..self.all_at[k + 1] as usize] {
                    f(p as usize);
                }
            }
        }
    }
}

/// A pattern set for overlapping search (standard semantics, ASCII case insensitive): which
/// patterns occur anywhere in a text (the regexes' literal prefixes).
#[derive(Clone, Debug)]
pub(crate) enum Overlapping {
    /// A dense DFA.
    Dense(Box<Dense>),
    /// `aho_corasick`'s DFA, when some pattern is empty.
    Ac(AhoCorasick),
}

impl Overlapping {
    /// Compiles `patterns`.
    pub fn new<P: AsRef<[u8]>>(patterns: &[P]) -> Result<Overlapping, BuildError> {
        if !patterns.iter().any(|p| p.as_ref().is_empty()) {
            return Ok(Overlapping::Dense(Box::new(Dense::new(patterns, false))));
        }
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .build(patterns)
            .map(Overlapping::Ac)
    }

    /// Calls `f` with the pattern of every overlapping match in `hay` (a pattern may come more
    /// than once, in no particular order).
    pub fn for_each(&self, hay: &[u8], mut f: impl FnMut(usize)) {
        match self {
            Overlapping::Dense(d) => d.for_each_overlapping(hay, f),
            Overlapping::Ac(ac) => {
                for m in ac.find_overlapping_iter(hay) {
                    f(m.pattern().as_usize());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dense table must agree with `aho_corasick` on every match.
    fn agrees(patterns: &[&str], h: &[u8]) {
        let ours = Scanner::new(patterns, true).unwrap();
        assert!(matches!(ours, Scanner::Dense(_)));
        let theirs = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(patterns)
            .unwrap();
        for start in 0..=h.len() {
            for end in start..=h.len() {
                let want = theirs.find(Input::new(h).range(start..end)).map(Hit::from);
                assert_eq!(ours.find(h, start, end), want, "{start}..{end}");
            }
        }
        let want: Vec<Hit> = theirs.find_iter(h).map(Hit::from).collect();
        assert_eq!(ours.find_iter(h).collect::<Vec<_>>(), want);
        assert_eq!(ours.find_iter_one(h).collect::<Vec<_>>(), want);
    }

    #[test]
    fn same_matches_as_aho_corasick() {
        agrees(
            &[
                "said",
                "says",
                "say",
                "told",
                "according to",
                "add",
                "adding that",
                "s",
            ],
            b"He SAID, adding that she says: According to Tom, he told, said sAYs s add",
        );
        agrees(
            &[
                "multipolar",
                "multipolarity",
                "world order",
                "ordé",
                "é",
                "polar w",
            ],
            "A multipolar World Order, multipolarity; polar world ordé — Étienne é".as_bytes(),
        );
        agrees(&["ab", "abc", "bcd", "c"], b"abcd abc bcd abcbcd cab");
        // a state matching through its failure state ("xa" ends with "a") goes on from there
        agrees(&["xab", "a", "ac"], b"xac xab xa a ac");
        // the same pattern twice, or in another case: one trie state, the first pattern wins
        agrees(&["ab", "AB", "b", "aB", "abc"], b"ab AB Ab abc b");
    }

    #[test]
    fn bytes_in_no_pattern_move_like_any_other() {
        // each byte value, between and inside pattern words
        let patterns = ["said", "Ölü", "x-ray", "it's"];
        for b in 0..=255u8 {
            let mut hay = Vec::new();
            for part in ["sa", "id said", " ", "said Öl", "ü x-ray", "it's"] {
                hay.extend_from_slice(part.as_bytes());
                hay.push(b);
            }
            agrees(&patterns, &hay);
        }
    }

    #[test]
    fn same_cue_matches_as_aho_corasick_on_a_sample() {
        let f = crate::attribute::CueFile::bundled();
        let patterns: Vec<String> = [&f.verbs, &f.phrases, &f.prefixes, &f.continuers]
            .into_iter()
            .flatten()
            .map(|s| s.trim().to_lowercase())
            .collect();
        let ours = Scanner::new(&patterns, true).unwrap();
        assert!(matches!(ours, Scanner::Dense(_)));
        let theirs = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .unwrap();
        let h = include_str!("../samples/putin-wang-yi-xinhua.txt").as_bytes();
        for start in 0..=h.len() {
            let want = theirs.find(Input::new(h).range(start..)).map(Hit::from);
            assert_eq!(ours.find(h, start, h.len()), want, "{start}");
        }
        let want: Vec<Hit> = theirs.find_iter(h).map(Hit::from).collect();
        assert!(want.len() > 10);
        assert_eq!(ours.find_iter(h).collect::<Vec<_>>(), want);
    }

    /// The set of patterns found by overlapping search must be `aho_corasick`'s.
    fn overlapping_agrees(patterns: &[&str], h: &[u8]) {
        let ours = Overlapping::new(patterns).unwrap();
        assert!(matches!(ours, Overlapping::Dense(_)));
        let theirs = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .build(patterns)
            .unwrap();
        let mut want: Vec<usize> = theirs
            .find_overlapping_iter(h)
            .map(|m| m.pattern().as_usize())
            .collect();
        want.sort_unstable();
        want.dedup();
        let mut got = Vec::new();
        ours.for_each(h, |p| got.push(p));
        got.sort_unstable();
        got.dedup();
        assert_eq!(got, want);
    }

    #[test]
    fn same_overlapping_patterns_as_aho_corasick() {
        overlapping_agrees(&["ab", "abc", "bcd", "c", "b"], b"abcd");
        overlapping_agrees(&["xab", "a", "ac", "XAC"], b"xac");
        overlapping_agrees(&["sanction", "sanctions", "ion", "Ions"], b"SANCTIONS");
        overlapping_agrees(&["zz"], b"abc");
        overlapping_agrees(&["ab", "AB", "b", "ab"], b"xAbx");
    }

    mod prop {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2000))]

            /// Small alphabets make many patterns suffixes and prefixes of each other: every
            /// failure transition and leftmost-longest rule gets exercised.
            #[test]
            fn same_matches_as_aho_corasick_on_random_patterns(
                patterns in proptest::collection::vec("[abcAB]{1,4}|[ab' é]{1,5}|[a\n]{1,3}", 1..10),
                hay in "[abcAB' éxÉ\n]{0,40}",
            ) {
                let p: Vec<&str> = patterns.iter().map(String::as_str).collect();
                agrees(&p, hay.as_bytes());
                overlapping_agrees(&p, hay.as_bytes());
            }
        }
    }
}
