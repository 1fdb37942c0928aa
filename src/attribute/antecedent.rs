//! Antecedents: whom a pronoun ("He said", "she noted") or a speaking message ("The message
//! said") stands for. A pronoun goes to the most recent compatible *speaker*, not the most
//! recent name; the subject of the sentence before, when it is a person's name; and only when
//! nobody has spoken yet, the first name of the previous sentence.

use super::names::{Tok, TokKind, is_capitalized, is_stop, strip_titles, tokenize};
use super::{Attributor, Doc, LEFT, Subject, every_word_capitalised, floor_boundary, is_skippable};

impl Attributor {
    /// The most recent speaker compatible with a pronoun's gender; falls back to the first name
    /// of the previous sentence when nobody has spoken yet.
    pub(super) fn antecedent(
        &self,
        doc: &mut Doc,
        i: usize,
        gender: char,
    ) -> Option<(String, usize)> {
        let ok = |g: char| match gender {
            'm' => matches!(g, 'm' | 'u'),
            'f' => matches!(g, 'f' | 'w' | 'u'),
            'p' => g == 'p',
            'n' => g == 'n',
            _ => false,
        };
        // the most recent compatible speaker: recency wins over a known gender ("“...,” Clarke
        // said. He also cited ..." is Clarke even when a Mr. Trump spoke before); but "she"
        // takes a known woman among the last three (most speakers of unknown gender in news are
        // men) — a woman by title or actors file, not one known by her given name only: that
        // one is a "she" but not preferred over a more recent speaker (a woman whose given name
        // is not listed, most often; measured: preferring her too cost train 0.0006 F1 and dev
        // 0.0007)
        let exact = (gender == 'f')
            .then(|| {
                doc.recent
                    .iter()
                    .enumerate()
                    .rev()
                    .filter(|(_, r)| r.2 != LEFT)
                    .take(3)
                    .find(|(_, r)| r.1 == 'f')
                    .map(|(p, _)| p)
            })
            .flatten();
        // the subject of the sentence before ("Wang met Lavrov. He said ..."), when it is a
        // person's name
        if matches!(gender, 'm' | 'f')
            && i > 0
            && let Some((name, g)) = self.leading_name(doc, i - 1)
        {
            let (c, cg) = self.canonical(doc, &name, g);
            // (not when that sentence reports someone else's words: "But while his message
            // plays well, Cruz will have a tougher time ..., Henson said. “...,” he said.")
            // (a sentence that names its source: one given to a pronoun, "Mr Putin held a news
            // conference during which he answered ...", may have gone to the wrong speaker)
            let reported_by_other = doc.named_at == Some(i - 1)
                && doc.recent.iter().any(|r| r.2 == i - 1 && *r.0 != *c);
            if !reported_by_other
                && (cg == gender || (ok(cg) && exact.is_none()))
                && (c.contains(' ')
                    || g.is_some()
                    || doc.recent.iter().any(|r| r.0 == c && r.2 != LEFT))
            {
                return Some((c, i - 1));
            }
        }
        if let Some(pos) = exact.or_else(|| doc.recent.iter().rposition(|r| r.2 != LEFT && ok(r.1)))
        {
            let (name, _, from) = doc.recent[pos].clone();
            return Some((name, from));
        }
        if !doc.recent.is_empty() || i == 0 || !matches!(gender, 'm' | 'f') {
            return None;
        }
        // nobody has spoken: the first name in the previous sentence ("Trump held a rally. He said"),
        // not in a heading with every word capitalised, where capitalised runs are no names ("Not
        // Yet, At Least.", "Vladimir Putin Meets Xi Jinping")
        let p = doc.sentences[i - 1];
        let text = doc.text;
        if every_word_capitalised(&text[p.start..p.end]) {
            return None;
        }
        let mut toks = std::mem::take(&mut doc.toks);
        tokenize(text, p.start, p.end, &mut toks);
        let mut found = None;
        let mut a = 0;
        while a < toks.len() {
            if self.run_word(text, &toks, a) {
                let mut e = a;
                while e < toks.len() && self.run_word(text, &toks, e) {
                    e += 1;
                }
                if let Some(Subject::Name { name, gender: g }) =
                    self.name_subject(text, &toks, a, e)
                    && (e - a >= 2 || g.is_some() || a > 0)
                {
                    found = Some((name, g));
                    break;
                }
                a = e;
            } else {
                a += 1;
            }
        }
        doc.toks = toks;
        let (name, g) = found?;
        let (c, cg) = self.canonical(doc, &name, g);
        // (nor an organisation: "... the town hall hosted by CNN, predicting ...")
        if (gender == 'm' && matches!(cg, 'f' | 'w')) || (gender == 'f' && cg == 'm') || cg == 'n' {
            return None;
        }
        Some((c, i - 1))
    }

    /// The name a sentence opens with, when a lower-case word (its verb) follows it.
    fn leading_name(&self, doc: &mut Doc, si: usize) -> Option<(String, Option<char>)> {
        let s = doc.sentences[si];
        let text = doc.text;
        let mut toks = std::mem::take(&mut doc.toks);
        let lim = floor_boundary(text, (s.start + 120).min(s.end));
        let e = self.opening_run(text, s.start, lim, &mut toks);
        // a lower-case word after the name, its verb (not "White House spokesman Josh Earnest
        // said": the employer before a role)
        let verb_at = |toks: &[Tok], e: usize| {
            toks.get(e).is_some_and(|t| {
                let w = &text[t.start..t.end];
                t.kind == TokKind::Word && !is_capitalized(w) && !self.occupation(w)
            })
        };
        // ("Clinton, speaking to me for the podcast, remembers ...": a name and an appositive
        // before the verb; not "The Caspian Flotilla, according to ...", "Addressing President
        // ... Mirziyoyev, the Russian President noted")
        let verb_follows = verb_at(&toks, e)
            || toks.get(e).is_some_and(|t| {
                t.kind == TokKind::Comma && {
                    let first = &text[toks[0].start..toks[0].end];
                    !is_stop(first) && !first.ends_with("ing")
                }
            });
        let mut sub = if e > 0 && verb_follows {
            self.name_subject(text, &toks, 0, e)
        } else {
            None
        };
        // "Democratic strategist Ann Lewis offered ...", "a worker named Antonio Arroyo has ...",
        // "62-year-old Brenda Johnson railed ...": the name after a role, an article or an age
        let past_role = |toks: &[Tok], a: usize| -> Option<usize> {
            let word = |i: usize| toks.get(i).filter(|t| t.kind == TokKind::Word);
            let w = |i: usize| word(i).map_or("", |t| &text[t.start..t.end]);
            let mut j = a;
            if matches!(w(j), "a" | "an" | "A" | "An") {
                j += 1;
            }
            if w(j).ends_with("-year-old") {
                j += 1;
            }
            let r = self.run_end(text, toks, j, 3);
            let mut k = r;
            while word(k).is_some() && self.occupation(w(k)) {
                k += 1;
            }
            if k > r && w(k) == "named" {
                k += 1;
            }
            let name_at = if k > r { k } else { j };
            (name_at > a && is_capitalized(w(name_at))).then_some(name_at)
        };
        let with_role = |toks: &[Tok], a: usize| {
            let a = past_role(toks, a)?;
            let e = self.run_end(text, toks, a, 5);
            if e > a
                && verb_at(toks, e)
                && let Some(found @ Subject::Name { .. }) = self.name_subject(text, toks, a, e)
            {
                return Some(found);
            }
            None
        };
        // (the cheap look at the first words first: most sentences open otherwise)
        let role_first = |toks: &[Tok]| {
            toks.first().is_some_and(|t| {
                let w = &text[t.start..t.end];
                matches!(w, "a" | "an" | "A" | "An") || w.ends_with("-year-old")
            }) || toks
                .get(e)
                .is_some_and(|t| t.kind == TokKind::Word && self.occupation(&text[t.start..t.end]))
        };
        if sub.is_none() && role_first(&toks) {
            tokenize(text, s.start, lim, &mut toks);
            sub = with_role(&toks, 0);
        }
        // "At a recent event in Coralville, Iowa, Mr. Bush pointedly rejected ...": the name
        // after an opening prepositional phrase ("But after focusing her attention on ...,
        // Clinton delivered a message")
        let opener = |t: &Tok| {
            matches!(
                &text[t.start..t.end],
                "At" | "In"
                    | "On"
                    | "During"
                    | "After"
                    | "Before"
                    | "Speaking"
                    | "Asked"
                    | "While"
                    | "Despite"
            )
        };
        let lower_opener = |t: &Tok| {
            matches!(
                &text[t.start..t.end],
                "at" | "in" | "on" | "during" | "after" | "before" | "while" | "despite"
            )
        };
        if sub.is_none()
            && toks.first().is_some_and(|t| {
                opener(t)
                    || (matches!(&text[t.start..t.end], "But" | "And" | "Yet" | "Still")
                        && toks.get(1).is_some_and(lower_opener))
            })
        {
            tokenize(text, s.start, lim, &mut toks);
            for c in (1..toks.len().min(20)).filter(|&c| toks[c].kind == TokKind::Comma) {
                let a = c + 1;
                let e = self.run_end(text, &toks, a, 5);
                if e > a
                    && verb_at(&toks, e)
                    && let Some(found @ Subject::Name { .. }) = self.name_subject(text, &toks, a, e)
                {
                    sub = Some(found);
                    break;
                }
                if let Some(found) = with_role(&toks, a) {
                    sub = Some(found);
                    break;
                }
            }
        }
        doc.toks = toks;
        sub.and_then(Subject::into_name)
    }

    /// The sender of a message that speaks ("The message said, in part:", "The telegram reads"):
    /// the name before "sent" (or "addressed", "forwarded", "congratulated", "expressed ...
    /// condolences") in one of the three sentences before `i` that mentions a message ("Vladimir
    /// Putin sent a message of greetings to ...", "Vladimir Putin sent greetings to ...").
    pub(super) fn sender(&self, doc: &mut Doc, i: usize, phrase: &str) -> Option<(String, usize)> {
        let head = message_head(phrase).filter(|h| h != "statement")?;
        let text = doc.text;
        for j in (i.saturating_sub(3)..i).rev() {
            let s = doc.sentences[j];
            let sent = text[s.start..s.end].to_lowercase();
            // (any kind of message: "Vladimir Putin sent greetings to ..." before "The message
            // reads")
            let condolences = sent.contains("condolence");
            if !(sent.contains(head.as_str())
                || condolences
                || ["message", "telegram", "letter", "greetings", "congratulat"]
                    .iter()
                    .any(|k| sent.contains(k)))
            {
                continue;
            }
            let mut toks = std::mem::take(&mut doc.toks);
            tokenize(text, s.start, s.end, &mut toks);
            let word = |t: &Tok| &text[t.start..t.end];
            let found = toks
                .iter()
                .position(|t| {
                    matches!(
                        word(t),
                        "sent" | "sends" | "addressed" | "forwarded" | "congratulated"
                    ) || (condolences && word(t) == "expressed")
                })
                .and_then(|v| {
                    let mut e = v;
                    while e > 0 && is_skippable(word(&toks[e - 1])) {
                        e -= 1;
                    }
                    let a = self.run_start(text, &toks, e, 4);
                    self.name_subject(text, &toks, a, e)
                        .and_then(Subject::into_name)
                });
            doc.toks = toks;
            if let Some((name, g)) = found {
                return Some((self.canonical(doc, &name, g).0, j));
            }
        }
        None
    }

    /// The owner of a message phrase, when a person or a title: "The President’s message" → the
    /// actor introduced with that title (else "President"), "Mr Putin’s telegram" → Vladimir
    /// Putin.
    pub(super) fn message_author(&self, doc: &mut Doc, i: usize, phrase: &str) -> Option<String> {
        message_head(phrase)?;
        let before = phrase.rsplit_once(' ')?.0;
        // "His message reads", "His greeting message reads": the pronoun's antecedent
        if let Some(g) = match before.split(' ').next() {
            Some("His" | "his") => Some('m'),
            Some("Her" | "her") => Some('f'),
            _ => None,
        } {
            return self.antecedent(doc, i, g).map(|(name, _)| name);
        }
        let owner = before
            .strip_suffix("’s")
            .or_else(|| before.strip_suffix("'s"))?;
        let words: Vec<&str> = owner.split(' ').filter(|w| !is_stop(w)).collect();
        if !words.last().is_some_and(|w| is_capitalized(w)) {
            return None;
        }
        match strip_titles(&words) {
            Some((a, b)) => {
                let name = words[a..b].join(" ");
                Some(self.canonical(doc, &name, None).0)
            }
            None => {
                // (nobody introduced with the title: the title itself, as for "the President
                // said")
                let (last, rest) = words.split_last()?;
                let modifier = rest.last().copied();
                self.title_reference(doc, i, &last.to_lowercase(), modifier)
                    .or_else(|| Some(words.join(" ")))
            }
        }
    }
}

/// The head of a phrase naming a message that speaks ("message", "telegram", "letter",
/// "greetings", "address", "statement"), lower-cased; a statement has an author but is not sent.
fn message_head(phrase: &str) -> Option<String> {
    let head = phrase.rsplit(' ').next()?.to_lowercase();
    matches!(
        head.as_str(),
        "message" | "telegram" | "letter" | "greetings" | "address" | "statement"
    )
    .then_some(head)
}
