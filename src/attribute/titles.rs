//! Title references: "the Russian president", "the spokesperson", "the Governor" name the actor
//! last introduced with that title in the document ("Russian President Vladimir Putin"), else
//! the speaker of the first transcript label with that title after them. One scan per title
//! and document finds every place a name follows the title.

use super::names::is_stop;
use super::{Attributor, Doc, Subject, floor_boundary};

/// Documents longer than this find a title and its lower-case form in one scan (see
/// `Attributor::cased_titled_names`): a long document asks for both, and its scans are long; a
/// short one often asks for one only.
const CASED_SCAN_MIN_BYTES: usize = 32 * 1024;

impl Attributor {
    /// "the Russian president": the name last written after that title before sentence `i`, else
    /// the speaker of the first transcript label with that title after it.
    pub(super) fn title_reference(
        &self,
        doc: &mut Doc,
        i: usize,
        head: &str,
        modifier: Option<&str>,
    ) -> Option<String> {
        let text = doc.text;
        let before = &text[..doc.sentences[i].start];
        let mut title = String::with_capacity(head.len());
        let mut cs = head.chars();
        if let Some(f) = cs.next() {
            title.extend(f.to_uppercase());
            title.push_str(cs.as_str());
        }
        let mut needles = Vec::new();
        if let Some(m) = modifier {
            needles.push(format!("{m} {title} "));
        }
        needles.push(format!("{title} "));
        needles.push(format!("{head} "));
        // a speaker already known under that title
        let the_head = format!("the {head}");
        if let Some(a) = self.actors.actors.iter().find(|a| {
            a.aliases
                .iter()
                .any(|al| al.to_lowercase().ends_with(&the_head))
        }) {
            return Some(a.name.clone());
        }
        let head_needle = &needles[needles.len() - 1];
        for needle in &needles {
            let named = match doc.titled.get(needle) {
                Some(named) => named,
                None => {
                    let named = match modifier {
                        Some(m) if needle.len() == m.len() + title.len() + 2 => {
                            self.modified_titled_names(doc, needle, m.len() + 1)
                        }
                        _ if needle.len() == title.len() + 1
                            && needle != head_needle
                            && text.len() > CASED_SCAN_MIN_BYTES
                            && !doc.titled.contains_key(head_needle) =>
                        {
                            self.cased_titled_names(doc, needle, head_needle)
                        }
                        _ => self.titled_names(doc, needle),
                    };
                    doc.titled.entry(needle.clone()).or_insert(named)
                }
            };
            // the last occurrence that ends before the sentence
            let k = named.partition_point(|(p, _, _)| p + needle.len() <= before.len());
            if k > 0 {
                let (_, name, gender) = named[k - 1].clone();
                return Some(self.canonical(doc, &name, gender).0);
            }
        }
        // none before: the first transcript label after it with that title (and the modifier's
        // country) ("The President announced the decision ... \n\nPresident of Russia Vladimir
        // Putin: Colleagues, ..."); not any holder of the title named later, who is most often
        // someone else (a guest: "President Nazarbayev")
        let country = modifier.map(|m| m.strip_suffix('n').unwrap_or(m));
        if let Some((_, _, name)) = doc.titled_labels.iter().find(|(a, b, _)| {
            *a >= before.len()
                && text[*a..*b].starts_with(&title)
                && country.is_none_or(|c| text[*a..*b].contains(c))
        }) {
            let name = name.clone();
            return Some(self.canonical(doc, &name, None).0);
        }
        None
    }

    /// [`Attributor::titled_names`] of a modified title `needle` ("Russian President "), whose
    /// first `m` bytes are the modifier and its space: the places of the title ("President ")
    /// that follow the modifier, with their names, from the title's own list (kept for the
    /// document: it is the next needle asked for), instead of another scan of the text.
    pub(super) fn modified_titled_names(
        &self,
        doc: &mut Doc,
        needle: &str,
        m: usize,
    ) -> Vec<(usize, String, Option<char>)> {
        let (modifier, title) = needle.split_at(m);
        // a needle that can overlap itself ("General General "): the scan's leftmost
        // non-overlapping places are not all the title's places after the modifier (a needle
        // ending with its only space cannot)
        let overlaps = |n: &str| {
            n.match_indices(' ')
                .any(|(i, _)| i + 1 < n.len() && n.ends_with(&n[..=i]))
        };
        if overlaps(needle) || overlaps(title) {
            return self.titled_names(doc, needle);
        }
        let named = match doc.titled.get(title) {
            Some(named) => named,
            None => {
                let named = self.titled_names(doc, title);
                doc.titled.entry(title.to_string()).or_insert(named)
            }
        };
        let b = doc.text.as_bytes();
        named
            .iter()
            .filter(|(q, _, _)| *q >= m && &b[q - m..*q] == modifier.as_bytes())
            .map(|(q, name, g)| (q - m, name.clone(), *g))
            .collect()
    }

    /// [`Attributor::titled_names`] of a title `needle` ("President "), and of the same word in
    /// lower case, `lower` ("president "), which is the next needle asked for: both from one scan
    /// for what follows the first letter ("resident "), the lower-case list kept for the
    /// document.
    pub(super) fn cased_titled_names(
        &self,
        doc: &mut Doc,
        needle: &str,
        lower: &str,
    ) -> Vec<(usize, String, Option<char>)> {
        let (n, l) = (needle.as_bytes(), lower.as_bytes());
        // (first letters in ASCII, and a rest that ends with its only space, so that no two of
        // its places overlap and the scan finds each)
        let rest = &n[1..];
        if !(n[0].is_ascii_alphabetic()
            && l[0].is_ascii_alphabetic()
            && n[0] != l[0]
            && &l[1..] == rest
            && rest.iter().position(|&c| c == b' ') == Some(rest.len() - 1))
        {
            return self.titled_names(doc, needle);
        }
        let b = doc.text.as_bytes();
        let (mut upper_at, mut lower_at) = (Vec::new(), Vec::new());
        for q in memchr::memmem::find_iter(b, rest) {
            match q.checked_sub(1).map(|p| (p, b[p])) {
                Some((p, c)) if c == n[0] => upper_at.push(p),
                Some((p, c)) if c == l[0] => lower_at.push(p),
                _ => {}
            }
        }
        let lower_named = self.titled_names_at(doc, lower.len(), lower_at);
        doc.titled.insert(lower.to_string(), lower_named);
        self.titled_names_at(doc, needle.len(), upper_at)
    }

    /// Every place in the document where `needle` ("President ") is followed by a name, with that
    /// name: one scan per distinct title and document, not one per reference.
    pub(super) fn titled_names(
        &self,
        doc: &mut Doc,
        needle: &str,
    ) -> Vec<(usize, String, Option<char>)> {
        let text = doc.text;
        let at = memchr::memmem::find_iter(text.as_bytes(), needle.as_bytes());
        self.titled_names_at(doc, needle.len(), at)
    }

    /// [`Attributor::titled_names`] of a needle of `len` bytes found at places `at`.
    fn titled_names_at(
        &self,
        doc: &mut Doc,
        len: usize,
        at: impl IntoIterator<Item = usize>,
    ) -> Vec<(usize, String, Option<char>)> {
        let text = doc.text;
        let mut out = Vec::new();
        let mut toks = std::mem::take(&mut doc.toks);
        for p in at {
            let after = p + len;
            // the name ends with its line ("Meeting with Governor Ivan Belozertsev\n\nThe ...")
            let line_end =
                memchr::memchr(b'\n', &text.as_bytes()[after..]).map_or(text.len(), |x| after + x);
            let lim = floor_boundary(text, (after + 80).min(line_end));
            let run = self.opening_run(text, after, lim, &mut toks);
            // (in a title-case headline the name ends at a function word or a cue: "Former
            // Clinton Pollster Says Clinton Is In Trouble")
            let e = (0..run)
                .find(|&i| {
                    let w = &text[toks[i].start..toks[i].end];
                    is_stop(w)
                        || matches!(w, "Says" | "Said" | "Tells" | "Told" | "Is" | "Was" | "Has")
                })
                .unwrap_or(run);
            if e > 0
                && let Some(Subject::Name { name, gender }) = self.name_subject(text, &toks, 0, e)
            {
                out.push((p, name, gender));
            }
        }
        doc.toks = toks;
        out
    }
}
