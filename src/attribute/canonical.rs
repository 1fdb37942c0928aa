//! Canonical speaker names: the actors file's name, else the fullest form the document gives
//! ("Putin" → "Vladimir Putin", "Wang" → "Wang Yi"), found by scanning the text for each new name
//! or, in a long document, through an index of its capitalised words built once.

use super::given_names;
use super::names::{self, is_capitalized, is_stop, is_title};
use super::{
    ASCII_WORD, Attributor, Doc, FastMap, is_word_char, is_word_char_at, is_word_char_before,
    quotes,
};
use crate::segment::Sentence;
use std::rc::Rc;

impl Attributor {
    /// The canonical form of a name: the actors file's name, else the fullest form seen in the
    /// document; with a gender when known ('m', 'f', 'u'; 'w' a woman by her given name).
    pub(super) fn canonical(
        &self,
        doc: &mut Doc,
        name: &str,
        gender: Option<char>,
    ) -> (String, char) {
        if let Some((c, g)) = doc.canon.get(name) {
            return (String::from(&**c), *g);
        }
        // the actors file, when there is one
        let actor = (!self.alias.is_empty())
            .then(|| name.to_lowercase())
            .and_then(|lower| {
                self.alias.get(&lower).copied().or_else(|| {
                    let last = lower.rsplit(' ').next().unwrap_or("");
                    match self.surname.get(last).map(Vec::as_slice) {
                        Some([one]) => Some(*one),
                        _ => None,
                    }
                })
            });
        let result = if let Some(ai) = actor {
            let a = &self.actors.actors[ai];
            let g = match a.gender.as_deref() {
                Some("male") => 'm',
                Some("female") => 'f',
                Some("plural") => 'p',
                Some("neuter") => 'n',
                _ => gender
                    .or_else(|| given_names::gender(&a.name))
                    .unwrap_or('u'),
            };
            (a.name.clone(), g)
        } else {
            let (full, g) = doc_fullest_form(doc, name, true);
            let full = match full {
                Some(full) if n_words(&full) > n_words(name) => {
                    // the fuller form may itself be an actor's alias
                    match (!self.alias.is_empty())
                        .then(|| self.alias.get(&full.to_lowercase()))
                        .flatten()
                    {
                        Some(&ai) => self.actors.actors[ai].name.clone(),
                        None => full,
                    }
                }
                _ => name.to_string(),
            };
            // an organisation ("CNN", "New York Times", "Trump University") is an "it", never
            // the "he" or "she" of a later sentence
            let org = || {
                let last = full.rsplit(' ').next().unwrap_or("");
                names::is_institution(last)
                    || matches!(last, "Times" | "Post" | "News" | "Journal" | "Tribune")
                    || (full == last
                        && (2..=3).contains(&last.len())
                        && last.bytes().all(|b| b.is_ascii_uppercase()))
            };
            let g = gender
                .or(g)
                .or_else(|| given_names::gender(&full))
                .unwrap_or_else(|| if org() { 'n' } else { 'u' });
            (full, g)
        };
        // (`name` was not in the map: one entry when it is its own canonical form; the form is
        // copied once, for the key and the values that name it)
        let form: Rc<str> = Rc::from(result.0.as_str());
        if result.0 != name {
            if !doc.canon.contains_key(&*form) {
                doc.canon.insert(form.clone(), (form.clone(), result.1));
            }
            doc.canon.insert(Rc::from(name), (form, result.1));
        } else {
            doc.canon.insert(form.clone(), (form, result.1));
        }
        result
    }
}

impl Attributor {
    /// The canonical form of a one-word name as far as the "May said" rule needs it: a fuller
    /// form ending with the name ("Theresa May"), else the name. Unlike [`Attributor::canonical`]
    /// nothing goes into the canonical names (the answer is remembered apart, for the document: a
    /// long one asks about "The" again and again), and no form beginning with the name ("May
    /// Day") is looked for: it starts with the name, a stop word, which the rule refuses anyway,
    /// and looking for it asks of each word that follows whether the document writes it in lower
    /// case (a scan of the whole text each), for every capitalised "The" or "Will" before a cue.
    pub(super) fn surname_form<'a>(&self, doc: &mut Doc<'a>, name: &'a str) -> String {
        if let Some((c, _)) = doc.canon.get(name) {
            return String::from(&**c);
        }
        // the actors file may name it, or map the fuller form: the full answer
        if !self.alias.is_empty() {
            return self.canonical(doc, name, None).0;
        }
        if let Some(full) = doc.surnames.get(name) {
            return full.clone();
        }
        let full = match doc_fullest_form(doc, name, false).0 {
            Some(full) if n_words(&full) > n_words(name) => full,
            _ => name.to_string(),
        };
        doc.surnames.insert(name, full.clone());
        full
    }
}

/// [`fullest_form`] with the document's text, sentences, quotations and caches: a short document
/// is scanned per name (memmem); a long one indexed once, as a scan per name made attribution
/// quadratic in document length.
fn doc_fullest_form(doc: &mut Doc, name: &str, prefix: bool) -> (Option<String>, Option<char>) {
    let (text, sentences) = (doc.text, doc.sentences);
    let index = (text.len() > INDEX_MIN_BYTES)
        .then(|| &*doc.names.get_or_insert_with(|| NameIndex::build(text)));
    fullest_form(
        text,
        sentences,
        &doc.quoted,
        index,
        &mut doc.lower_case,
        &mut doc.found,
        name,
        prefix,
    )
}

/// The number of words of a name (`split(' ')` parts).
fn n_words(name: &str) -> usize {
    name.bytes().filter(|&c| c == b' ').count() + 1
}

/// The fullest form of `name` in the text: "Putin" → "Vladimir Putin" (a longer capitalised run
/// ending with the name), or "Wang" → "Wang Yi" (beginning with it) when no run ends with it.
/// Headings are skipped (Title Case would glue words on). `None` when the text has no fuller
/// form (the caller copies the name only then). Also the gender from "Mr"/"Ms".
/// `found` is room for the name's occurrences, kept for the document. Without `prefix`, only a
/// fuller form ending with the name is looked for.
#[allow(clippy::too_many_arguments)]
fn fullest_form<'a>(
    text: &'a str,
    sentences: &[Sentence],
    quoted: &[quotes::Quoted],
    index: Option<&NameIndex>,
    lower_case: &mut FastMap<&'a str, bool>,
    found: &mut Vec<usize>,
    name: &str,
    prefix: bool,
) -> (Option<String>, Option<char>) {
    // by bytes: `split(' ')` set up a searcher per call, a tenth of this function's cost
    let nb = name.as_bytes();
    let last = nb
        .iter()
        .rposition(|&c| c == b' ')
        .map_or(name, |i| &name[i + 1..]);
    let first = nb
        .iter()
        .position(|&c| c == b' ')
        .map_or(name, |i| &name[..i]);
    let n_words = n_words(name);
    // per first word of a fuller form: the word, how often the person is written so, the
    // longest form's length in words and the form
    let mut persons: Vec<(&str, usize, usize, Option<String>)> = Vec::new();
    // whether a fuller form ending with the name was found (then it wins over "Wang Yi")
    let mut suffix_found = false;
    // the words that may follow a one-word name as its second ("Wang Yi"), in text order, before
    // the question whether the document also writes them in lower case
    let mut given: Vec<&'a str> = Vec::new();
    let mut gender = None;
    let b = text.as_bytes();
    // (the index's places are whole words already: a scan's are checked)
    let (at, whole): (&[usize], bool) = match index.and_then(|ix| ix.get(last)) {
        Some(places) => {
            found.clear();
            found.extend(places);
            (found, true)
        }
        None => {
            find_all(b, last.as_bytes(), found);
            (found, false)
        }
    };
    // `at` ascends, so the sentence of each occurrence, and the quotation that may hold it, are
    // found by galloping forward from the previous one's (a binary search over a long
    // document's sentences or quotations per occurrence was slow)
    let (mut si, mut qi) = (0, 0);
    for &p in at {
        let e = p + last.len();
        if !whole
            && ((p > 0 && is_word_char_before(text, p))
                || (e < b.len() && is_word_char_at(text, e)))
        {
            continue;
        }
        si = gallop(sentences, si, |s| s.end <= p);
        let Some(s) = sentences.get(si) else { break };
        if s.title || s.start > p {
            continue;
        }
        // (the quotation starting last at or before `p`, as `quotes::inside` finds it)
        qi = gallop(quoted, qi, |q| q.start <= p);
        if qi > 0 && p < quoted[qi - 1].end {
            continue;
        }
        // words before, within the sentence
        let mut words_before: [&str; 3] = [""; 3];
        let mut n_before = 0;
        let mut at = p;
        // the run ended at a capitalised word that is no title ("Russian Federation Vladimir
        // Putin", "His Excellency Vladimir Putin"): the words taken belong to an office or a
        // phrase run into the name, not to the name
        let mut blocked = false;
        while n_before < 3 {
            let seg = &text[s.start..at];
            // (the common case by bytes: one space after an ASCII character that is no space)
            let trimmed = match seg.as_bytes() {
                [.., c, b' '] if c.is_ascii() && !(*c as char).is_whitespace() => {
                    &seg[..seg.len() - 1]
                }
                _ => seg.trim_end(),
            };
            if trimmed.len() == seg.len() {
                break; // no space: punctuation or start
            }
            // the word before: back to the previous space, by bytes while they are ASCII
            let tb = trimmed.as_bytes();
            let mut w_start = tb.len();
            while w_start > 0 && !SPACE_OR_NON_ASCII[usize::from(tb[w_start - 1])] {
                w_start -= 1;
            }
            if w_start > 0 && tb[w_start - 1] >= 0x80 {
                w_start = trimmed
                    .char_indices()
                    .rev()
                    .find(|(_, c)| c.is_whitespace())
                    .map(|(x, c)| x + c.len_utf8())
                    .unwrap_or(0);
            }
            let w = &trimmed[w_start..];
            // a lower-case word ends the run (checked first: it is the common case, and Mr, Ms,
            // Sir are capitalised)
            if !is_capitalized(w) {
                break;
            }
            if matches!(w.trim_end_matches('.'), "Mr" | "Sir") {
                gender = gender.or(Some('m'));
            } else if matches!(w.trim_end_matches('.'), "Ms" | "Mrs" | "Miss") {
                gender = gender.or(Some('f'));
            }
            // "President of the Russian Federation Vladimir Putin", "Presidents Vladimir Putin and
            // ...": the name starts after it
            if names::is_institution(w) || names::is_body(w) {
                // ("Russian Federation Navy Vladimir Korolyov": a full name does not grow by
                // the words of an office)
                blocked = n_words > 1 && n_before > 0;
                break;
            }
            // ("South Korean-born Monte Haines": the name starts after where he is from)
            if names::is_origin(w) {
                break;
            }
            if is_stop(w)
                || names::is_modifier(w)
                // (by bytes when ASCII)
                || !(w
                    .bytes()
                    .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'.')
                    || !w.is_ascii()
                        && w.chars()
                            .all(|c| c.is_alphanumeric() || c == '-' || c == '.'))
            {
                blocked = true;
                break;
            }
            // "President of Turkey Recep Tayyip Erdogan": "Turkey" is not part of the name
            let before_w = trimmed[..w_start].trim_end();
            // "Minister of Natural Resources and Environment Sergei Donskoy", "Minister of
            // Communications and Mass Media Nikolai Nikiforov": an office run into the name
            if before_w.ends_with(" and") || before_w.ends_with(" for") {
                blocked = true;
                break;
            }
            if before_w.ends_with(" of") || before_w.ends_with(" the") || is_title(w) {
                // ("... Legislation and State Building Andrey Klishas")
                blocked = n_words > 1 && n_before > 0 && is_title(w);
                break;
            }
            words_before[n_before] = w;
            n_before += 1;
            at = s.start + w_start;
        }
        // the full form must contain the whole name: check the words up to p (joined only when
        // it could beat the best so far)
        // two words before a full name are another name or an office run into it ("Megyn Kelly
        // Vladimir Putin could not ...", "Head of the Federal Taxation Service Mikhail
        // Mishustin:"), not a fuller form of it; a one-word name may grow to four ("Civil
        // Aviation Safety Authority")
        let n_cand = n_before + 1;
        // the fuller forms are grouped by their first word, a person ("Chris Murphy", "Anne
        // Marie Murphy"; "Bill Clinton", "Hillary Clinton"): the person written most often wins,
        // in the longest form written (not the longest form of anyone: "Murphy" in an article
        // on Chris Murphy that names a victim Anne Marie Murphy once); the lower-case questions
        // are asked last, as each may scan the whole text
        if n_cand > n_words
            && !blocked
            && (n_words == 1 || n_cand <= 3)
            && ends_with_name(&words_before[..n_before], name)
        {
            let key = words_before[n_before - 1];
            let pi = match persons.iter().position(|p| p.0 == key) {
                Some(pi) => pi,
                None => {
                    persons.push((key, 0, 0, None));
                    persons.len() - 1
                }
            };
            if n_cand > persons[pi].2
                // ("Minister of Economic Development Maxim Oreshkin": a word the document also
                // writes in lower case is an office's, not a name's)
                && !(n_words > 1
                    && words_before[..n_before]
                        .iter()
                        .any(|w| office_word(text, w, lower_case)))
                // ("Leading Democrats say", "Young Sanders supporters": a sentence's first word,
                // which the document also writes in lower case, is no first name; nor one that
                // ends in -ing or counts: "Chasing Trump and Cruz was Rubio", "Six Trump
                // supporters ran")
                && !(n_before > 0
                    && text[s.start..at].trim_start_matches(['"', '“', '‘', '\'', '(']).is_empty()
                    && (opening_word_not_a_name(words_before[n_before - 1])
                        || office_word(text, words_before[n_before - 1], lower_case)))
            {
                // (sized first: grown word by word, it was reallocated twice or three times)
                let words = &words_before[..n_before];
                let len = words.iter().map(|w| w.len() + 1).sum::<usize>() + last.len();
                let mut cand_s = String::with_capacity(len);
                for w in words.iter().rev() {
                    cand_s.push_str(w);
                    cand_s.push(' ');
                }
                cand_s.push_str(last);
                persons[pi].2 = n_cand;
                persons[pi].3 = Some(cand_s);
            }
            if persons[pi].3.is_some() {
                suffix_found = true;
                persons[pi].1 += 1;
            }
        }
        // "Wang" → "Wang Yi": a single-word name followed by one capitalised word
        // (not a one-letter name, the "A" of a Q/A transcript: "A Russian journalist asked")
        // (only while no fuller form ends with the name: it would win)
        if prefix && n_words == 1 && first == last && last.len() > 1 && !suffix_found {
            let rest = &text[e..s.end.max(e)];
            // (a word that does not start with a capital, the common case, is no given name:
            // turned away by its first byte when ASCII)
            if let Some(r) = rest.strip_prefix(' ')
                && r.as_bytes()
                    .first()
                    .is_some_and(|&c| c.is_ascii_uppercase() || c >= 0x80)
            {
                let w_end = r
                    .find(|c: char| !(c.is_alphanumeric() || c == '-'))
                    .unwrap_or(r.len());
                let w = &r[..w_end];
                let after = r[w_end..].chars().next();
                if is_capitalized(w)
                    && !is_stop(w)
                    && !is_title(w)
                    && w.len() > 1
                    // ("China" is not "China Sea" nor "China Daily": a place's feature, a paper)
                    && !matches!(
                        w,
                        "Sea"
                            | "Ocean"
                            | "Strait"
                            | "Gulf"
                            | "Bay"
                            | "River"
                            | "Island"
                            | "Islands"
                            | "Peninsula"
                            | "Canal"
                            | "Lake"
                            | "Daily"
                    )
                    && !after.is_some_and(|c| c == '\'' || c == '\u{2019}' || c.is_alphanumeric())
                {
                    given.push(w);
                }
            }
        }
    }
    // the person written most often (the first of equals)
    let mut best_suffix: Option<String> = None;
    let mut most = 0;
    for (_, count, _, form) in persons {
        if let Some(form) = form
            && count > most
        {
            most = count;
            best_suffix = Some(form);
        }
    }
    if let Some(full) = best_suffix {
        return (Some(full), gender);
    }
    // ("Trump Tower": a word the document also writes in lower case is no given name; asked
    // last, as it may scan the whole text, and only when no form ending with the name won)
    let full = given
        .into_iter()
        .find(|w| !office_word(text, w, lower_case))
        .map(|w| format!("{last} {w}"));
    (full, gender)
}

/// The partition point of `xs` by `below` (true for a prefix of `xs`, false after), known to be
/// `from` or after: galloping forward from `from`, as the places asked about ascend.
fn gallop<T>(xs: &[T], from: usize, below: impl Fn(&T) -> bool) -> usize {
    let (mut i, mut step) = (from, 1);
    while i + step < xs.len() && below(&xs[i + step]) {
        i += step;
        step *= 2;
    }
    let hi = (i + step + 1).min(xs.len());
    i + xs.get(i..hi).map_or(0, |w| w.partition_point(below))
}

/// A sentence's first word that is no given name before a surname: a participle or gerund
/// ("Celebrating Clinton ...", "Debating Clinton's character"), a number ("Six Trump supporters").
fn opening_word_not_a_name(w: &str) -> bool {
    (w.len() >= 6 && w.ends_with("ing"))
        || matches!(
            w,
            "Two"
                | "Three"
                | "Four"
                | "Five"
                | "Six"
                | "Seven"
                | "Eight"
                | "Nine"
                | "Ten"
                | "Dozens"
                | "Hundreds"
                | "Thousands"
                | "Many"
                | "Most"
                | "Some"
                | "Several"
        )
}

/// Does a fuller form, the words `before` the name's last word (nearest first), end with the
/// whole of `name` ("Vladimir" before "Putin" for "Vladimir Putin")?
fn ends_with_name(before: &[&str], name: &str) -> bool {
    let mut words = name.rsplit(' ').skip(1);
    before.iter().zip(&mut words).all(|(b, w)| *b == w) && words.next().is_none()
}

/// [`common_word`], remembered for the document: each answer is a scan of the whole text, and a
/// label repeated through a transcript, or a long document's many names, ask again and again.
fn office_word<'a>(text: &str, w: &'a str, known: &mut FastMap<&'a str, bool>) -> bool {
    *known.entry(w).or_insert_with(|| common_word(text, w))
}

/// Does the document also write `w` in lower case, as a word of its own ("development")?
fn common_word(text: &str, w: &str) -> bool {
    if w.len() < 4 || !w.is_ascii() {
        return false;
    }
    let lower = w.to_ascii_lowercase();
    memchr::memmem::find_iter(text.as_bytes(), lower.as_bytes()).any(|p| {
        let e = p + lower.len();
        let glued_before = p > 0 && is_word_char_before(text, p);
        let glued_after = e < text.len() && is_word_char_at(text, e);
        !glued_before && !glued_after
    })
}

/// The non-overlapping occurrences of `needle` in `hay`, leftmost first (what
/// `memchr::memmem::find_iter` gives), into `out` (cleared first: one vector serves a
/// document's names). A name starts with a capital, rare in text: finding it with `memchr` and
/// comparing the rest costs half of `memmem`'s scan, which also builds a searcher for every name.
fn find_all(hay: &[u8], needle: &[u8], out: &mut Vec<usize>) {
    out.clear();
    let Some((&first, rest)) = needle.split_first() else {
        out.extend(memchr::memmem::find_iter(hay, needle));
        return;
    };
    if !first.is_ascii_uppercase() {
        out.extend(memchr::memmem::find_iter(hay, needle));
        return;
    }
    let mut next = 0;
    let take = |p: usize| {
        // the second byte first, inline: most capitals start another word
        if p >= next
            && rest.first().is_none_or(|c| hay.get(p + 1) == Some(c))
            && hay[p + 1..].starts_with(rest)
        {
            out.push(p);
            next = p + needle.len();
        }
    };
    // (AVX2's searcher straight, when there is AVX2: `memchr_iter` picks it through a function
    // pointer on every call, once per capital found)
    #[cfg(target_arch = "x86_64")]
    if let Some(one) = memchr::arch::x86_64::avx2::memchr::One::new(first) {
        one.iter(hay).for_each(take);
        return;
    }
    memchr::memchr_iter(first, hay).for_each(take);
}

/// Documents up to this size are scanned for each new name instead of indexed: a SIMD scan of a
/// few pages costs less than hashing every capitalised word.
const INDEX_MIN_BYTES: usize = 32 * 1024;

/// The start of every capitalised word of a document, by word: one pass over the text replaces a
/// scan of the whole document per new name, which made attribution quadratic in document length.
/// The places are chained through one vector, not kept in a vector per word: most capitalised
/// words are written a few times, and a vector each cost an allocation and its growth.
pub(super) struct NameIndex<'a> {
    /// Per word, its first and last place in `places`.
    at: FastMap<&'a str, (usize, usize)>,
    /// Every place, in text order, with the index of the same word's next place
    /// ([`NO_PLACE`]: none).
    places: Vec<(usize, usize)>,
}

/// See [`NameIndex::places`].
const NO_PLACE: usize = usize::MAX;

impl<'a> NameIndex<'a> {
    fn build(text: &'a str) -> Self {
        let b = text.as_bytes();
        // (room for a long document's words: growing the map rehashed it several times)
        let mut at: FastMap<&'a str, (usize, usize)> =
            FastMap::with_capacity_and_hasher(text.len() / 256, Default::default());
        let mut places: Vec<(usize, usize)> = Vec::with_capacity(text.len() / 64);
        let mut i = 0;
        // only capitalised words are wanted: skip bytes cheaply until an upper-case ASCII letter
        // or a non-ASCII lead byte, then check that it starts a word
        while i < b.len() {
            // eight bytes at a time while none is a candidate
            if let Some(w) = b.get(i..i + 8) {
                let hits = upper_or_lead(u64::from_le_bytes(w.try_into().expect("8 bytes")));
                if hits == 0 {
                    i += 8;
                    continue;
                }
                i += hits.trailing_zeros() as usize / 8;
            }
            let x = b[i];
            if !(x.is_ascii_uppercase() || x >= 0xC0) {
                i += 1;
                continue;
            }
            // (an ASCII capital, the common case, by its byte)
            let c = if x < 0x80 {
                x as char
            } else {
                text[i..].chars().next().unwrap_or(' ')
            };
            if !c.is_uppercase() || (i > 0 && is_word_char_before(text, i)) {
                i += c.len_utf8();
                continue;
            }
            let mut e = i + c.len_utf8();
            while let Some(&y) = b.get(e) {
                if ASCII_WORD[usize::from(y)] {
                    e += 1;
                } else if y < 0x80 {
                    break;
                } else {
                    let d = text[e..].chars().next().unwrap_or(' ');
                    if !is_word_char(d) {
                        break;
                    }
                    e += d.len_utf8();
                }
            }
            let k = places.len();
            places.push((i, NO_PLACE));
            at.entry(&text[i..e])
                .and_modify(|(_, last)| {
                    places[*last].1 = k;
                    *last = k;
                })
                .or_insert((k, k));
            i = e;
        }
        NameIndex { at, places }
    }

    /// The starts of `word` as a whole word, in order; `None` when `word` is not one capitalised
    /// word (the caller then scans the text).
    fn get(&self, word: &str) -> Option<impl Iterator<Item = usize> + '_> {
        if !word.starts_with(char::is_uppercase) || !word.chars().all(is_word_char) {
            return None;
        }
        let mut k = self.at.get(word).map_or(NO_PLACE, |&(first, _)| first);
        Some(std::iter::from_fn(move || {
            let &(p, next) = self.places.get(k)?;
            k = next;
            Some(p)
        }))
    }
}

/// The bytes that end the walk back over a word by bytes: ASCII white space and the bytes of
/// non-ASCII characters.
static SPACE_OR_NON_ASCII: [bool; 256] = {
    let mut t = [true; 256];
    let mut c = 0;
    while c < 128 {
        t[c] = (c as u8).is_ascii_whitespace();
        c += 1;
    }
    t
};

/// A mask with the high bit set in every byte of `v` that is an ASCII capital or a UTF-8 lead
/// byte of a two-or-more-byte character (0xC0 and up): SWAR, no byte borrows from its neighbour.
fn upper_or_lead(v: u64) -> u64 {
    const H: u64 = 0x8080_8080_8080_8080;
    const L: u64 = 0x0101_0101_0101_0101;
    let lead = v & (v << 1) & H;
    let ge_a = (v | H).wrapping_sub(L * 0x41);
    let ge_after_z = (v | H).wrapping_sub(L * 0x5B);
    let upper = ge_a & !ge_after_z & !v & H;
    lead | upper
}

#[cfg(test)]
mod name_index_tests {
    use super::*;

    fn speakers(text: &str) -> Vec<Option<String>> {
        let sentences = crate::segment::sentences(text);
        let atts = Attributor::new(None).attribute(text, &sentences);
        atts.into_iter().map(|a| a.speaker).collect()
    }

    #[test]
    fn a_full_name_does_not_absorb_a_name_run_into_it() {
        // a transcript label that lost its colon must not rename every turn of Vladimir Putin
        let t = "Interview.\n\nMegyn Kelly: Good evening.\n\nVladimir Putin: Fine.\n\n\
                 Megyn Kelly Vladimir Putin could not order an investigation?\n\n\
                 Vladimir Putin: I could.\n";
        let sp = speakers(t);
        assert_eq!(sp[2].as_deref(), Some("Vladimir Putin"), "{sp:?}");
        assert_eq!(
            sp.last().unwrap().as_deref(),
            Some("Vladimir Putin"),
            "{sp:?}"
        );
        // an office run into a name: "Head of the Federal Taxation Service Mikhail Mishustin"
        let t = "Federal Taxation Service Mikhail Mishustin said revenue grew. \
                 Mikhail Mishustin added that it would grow again.";
        assert_eq!(speakers(t)[1].as_deref(), Some("Mikhail Mishustin"));
        // but a one-word name still takes its fullest form, and a two-word one grows by one
        let t = "Russian President Vladimir Putin met Wang. Putin said that it went well.";
        assert_eq!(speakers(t)[1].as_deref(), Some("Vladimir Putin"));
        let t = "Ali Akbar Velayati spoke first. Akbar Velayati said that it went well.";
        assert_eq!(speakers(t)[1].as_deref(), Some("Ali Akbar Velayati"));
    }

    #[test]
    fn find_all_agrees_with_memmem() {
        let hay = b"Putin, Putin's PutinPutin APutin ABABA ABAB Abab ABA. Putinx";
        for needle in [
            &b"Putin"[..],
            b"ABA",
            b"AB",
            b"A",
            b"B",
            b"",
            b"Abab",
            b"x",
            b"Zed",
        ] {
            let want: Vec<usize> = memchr::memmem::find_iter(hay, needle).collect();
            let mut got = Vec::new();
            find_all(hay, needle, &mut got);
            assert_eq!(got, want, "{needle:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn find_all_agrees_with_memmem_on_random_text(
            hay in "[ABa. ]{0,40}",
            needle in "[ABa.]{0,4}",
        ) {
            let want: Vec<usize> =
                memchr::memmem::find_iter(hay.as_bytes(), needle.as_bytes()).collect();
            let mut got = Vec::new();
            find_all(hay.as_bytes(), needle.as_bytes(), &mut got);
            proptest::prop_assert_eq!(got, want);
        }
    }

    proptest::proptest! {
        #[test]
        fn gallop_finds_the_partition_point(
            mut xs in proptest::collection::vec(0usize..50, 0..40),
            x in 0usize..60,
            from in 0usize..50,
        ) {
            xs.sort_unstable();
            let want = xs.partition_point(|&y| y <= x);
            let got = gallop(&xs, from.min(want), |&y| y <= x);
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn swar_mask_marks_capitals_and_lead_bytes_only() {
        for x in 0..=255u8 {
            for pos in 0..8 {
                let mut w = [b'a'; 8];
                w[pos] = x;
                let m = upper_or_lead(u64::from_le_bytes(w));
                let want = x.is_ascii_uppercase() || x >= 0xC0;
                assert_eq!(m != 0, want, "byte {x:#x} at {pos}");
                if want {
                    assert_eq!(m.trailing_zeros() as usize / 8, pos);
                }
            }
        }
    }

    /// The index must find exactly what a scan of the text for the whole word finds.
    fn scanned(text: &str, w: &str) -> Vec<usize> {
        text.match_indices(w)
            .map(|(p, _)| p)
            .filter(|&p| {
                let e = p + w.len();
                let before = p > 0 && is_word_char_before(text, p);
                let after = e < text.len() && is_word_char_at(text, e);
                !before && !after
            })
            .collect()
    }

    #[test]
    fn index_agrees_with_a_scan() {
        let text = "José Manuel Barroso met Jean-Claude Juncker. Barroso said: «Juncker agrees». \
                    McDonald's iPhone O'Neill Ólafur Grímsson (Grímsson) and _Putin Putin-Medvedev \
                    Putin. ПУТИН Путин сказал. Barroso";
        let ix = NameIndex::build(text);
        for w in [
            "José",
            "Barroso",
            "Jean-Claude",
            "Juncker",
            "McDonald",
            "Ólafur",
            "Grímsson",
            "Putin",
            "Putin-Medvedev",
            "Путин",
            "ПУТИН",
            "Phone",
            "Neill",
            "Nobody",
        ] {
            assert_eq!(
                ix.get(w).map(Iterator::collect::<Vec<usize>>),
                Some(scanned(text, w)),
                "{w}"
            );
        }
        // not one capitalised word: the caller scans instead
        assert!(ix.get("O'Neill").is_none() && ix.get("said").is_none());
    }
}
