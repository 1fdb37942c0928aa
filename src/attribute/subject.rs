//! Subjects of reporting cues: who a cue's words belong to, read from the tokens around it —
//! before it ("Putin (also) said", "Wang Yi, a member of ..., said", "the spokesperson said"),
//! after it ("said Lavrov", "according to him"), at the start of its clause ("..., and explained"),
//! and what kind of source each is: a name, a title to resolve, a noun phrase, a pronoun or a
//! collective.

use super::names::{
    self, Lower, Tok, TokKind, is_capitalized, is_name_connector, is_stop, is_title, pronoun,
    strip_titles, tokenize, tokenize_first,
};
use super::{
    Attributor, Subject, dash_open, forward_cue_is_weak, is_dash_tok, is_skippable, is_weekday,
    paren_close, paren_open, pronoun_subject, quotes,
};

impl Attributor {
    /// "according to data released Friday by regulators": the words up to the next punctuation
    /// as the source.
    pub(super) fn source_phrase(
        &self,
        text: &str,
        toks: &[Tok],
        ke: usize,
    ) -> Option<(Subject, usize)> {
        let mut e = ke;
        while e < toks.len() && e < ke + 20 && toks[e].kind == TokKind::Word {
            e += 1;
        }
        // not a relative clause: "a law, according to which fish will be ..."
        if e == ke
            || (e < toks.len() && toks[e].kind == TokKind::Word)
            || matches!(
                &text[toks[ke].start..toks[ke].end],
                "which" | "whom" | "what" | "that"
            )
        {
            return None;
        }
        let mut a = ke;
        while a < e && matches!(&text[toks[a].start..toks[a].end], "the" | "a" | "an") {
            a += 1;
        }
        if a >= e {
            return None;
        }
        let phrase = text[toks[a].start..toks[e - 1].end].to_string();
        let plural = phrase.ends_with('s');
        Some((Subject::Noun { phrase, plural }, a))
    }

    /// The subject written after a cue: "said Putin", "says the spokesperson", "according to him".
    pub(super) fn after_subject(
        &self,
        text: &str,
        toks: &[Tok],
        ke: usize,
        quoted: &[quotes::Quoted],
    ) -> Option<(Subject, usize)> {
        let t = *toks.get(ke)?;
        if quotes::inside(quoted, t.start).is_some() {
            return None;
        }
        let w = &text[t.start..t.end];
        if t.kind != TokKind::Word {
            return None;
        }
        if let Some(g) = pronoun(w) {
            // "said he had made calls": a pronoun and a verb open what was said; only a pronoun
            // that closes the clause is the source ("..., said he.")
            if g == 'w' || toks.get(ke + 1).is_some_and(|n| n.kind == TokKind::Word) {
                return None;
            }
            return Some(pronoun_subject(w, g, ke));
        }
        // "according to him," (but "according to her spokesman" or "her “clawback” plan" is a
        // noun phrase)
        if let Some(g) = names::object_pronoun(w)
            && toks
                .get(ke + 1)
                .is_none_or(|n| matches!(n.kind, TokKind::Comma | TokKind::Other))
        {
            return Some(pronoun_subject(w, g, ke));
        }
        if is_capitalized(w) {
            let e = self.run_end(text, toks, ke, 8);
            // "according to Russian law enforcement agencies": a nationality before lower-case
            // words opens a noun phrase, it is not a name
            let adjective = e == ke + 1
                && names::is_modifier(w)
                && toks.get(e).is_some_and(|n| n.kind == TokKind::Word);
            // "noted NBC's Dante Chinni.": the name after the possessive, when it closes the
            // clause; "said Trump's remarks were ...": a possessive opens the clause's subject
            if toks.get(e).is_some_and(|n| n.kind == TokKind::Possessive) {
                let mut g = modifiers_end(text, toks, e + 1, e + 6);
                // "said Google's chief human resources executive, Laszlo Bock."
                if g > e + 1 && toks.get(g).is_some_and(|t| t.kind == TokKind::Comma) {
                    g += 1;
                }
                let h = self.run_end(text, toks, g, 4);
                if h > g && toks.get(h).is_none_or(|n| n.kind != TokKind::Word) {
                    return self.name_subject(text, toks, g, h).map(|s| (s, g));
                }
                return None;
            }
            if !adjective {
                if let Some(found) = self.employer_role_name(text, toks, e) {
                    return Some(found);
                }
                return self.name_subject(text, toks, ke, e).map(|s| (s, ke));
            }
        }
        // "said former Massachusetts congressman Barney Frank": lower-case modifiers, then a
        // name that closes the clause
        let lim = toks.len().min(ke + 8);
        let mut e = ke;
        while e < lim && toks[e].kind == TokKind::Word {
            e += 1;
        }
        if e > ke + 1 && e < lim + 1 && (e == toks.len() || toks[e].kind != TokKind::Word) {
            let mut a = e;
            while a > ke && self.run_word(text, toks, a - 1) {
                a -= 1;
            }
            if a > ke
                && a < e
                && (ke..a).any(|i| is_title(&text[toks[i].start..toks[i].end]))
                && let Some(sub) = self.name_subject(text, toks, a, e)
            {
                return Some((sub, a));
            }
        }
        // "says political scientist Dossym Satpayev in Almaty": an occupation, then the name,
        // then perhaps a place
        let word = |i: usize| &text[toks[i].start..toks[i].end];
        let det = usize::from(ke < toks.len() && matches!(word(ke), "the" | "a" | "an"));
        let g = modifiers_end(text, toks, ke + det, ke + 4);
        if g > ke && (ke..g).any(|i| self.occupation(word(i))) {
            let h = self.run_end(text, toks, g, 4);
            if h > g
                && toks.get(h).is_none_or(|n| {
                    n.kind != TokKind::Word
                        || matches!(word(h), "in" | "of" | "at" | "from" | "who")
                })
                && let Some(sub @ Subject::Name { .. }) = self.name_subject(text, toks, g, h)
            {
                return Some((sub, g));
            }
        }
        self.noun_phrase(text, toks, ke, toks.len().min(ke + 6), true, ke)
    }

    /// After a cue, the name that follows its employer and role: "said Marquette pollster Charles
    /// Franklin", "said Ayotte campaign manager Jon Kohan". `e` ends the first capitalised run
    /// (the employer); the role is one to three lower-case words, its last one singular; the name
    /// closes the clause and is a full name unless the role is a known occupation.
    fn employer_role_name(&self, text: &str, toks: &[Tok], e: usize) -> Option<(Subject, usize)> {
        let word = |i: usize| &text[toks[i].start..toks[i].end];
        let g = modifiers_end(text, toks, e, e + 3);
        if g == e || word(g - 1).ends_with('s') {
            return None;
        }
        let h = self.run_end(text, toks, g, 4);
        let closes = toks.get(h).is_none_or(|n| {
            n.kind != TokKind::Word
                || matches!(
                    word(h),
                    "in" | "of" | "at" | "from" | "who" | "when" | "during"
                )
        });
        let occupation = (e..g).any(|i| self.occupation(word(i)));
        if h == g || !closes || (h - g < 2 && !occupation) {
            return None;
        }
        match self.name_subject(text, toks, g, h)? {
            sub @ Subject::Name { .. } => Some((sub, g)),
            _ => None,
        }
    }

    pub(super) fn run_word(&self, text: &str, toks: &[Tok], i: usize) -> bool {
        let t = toks[i];
        if t.kind != TokKind::Word {
            return false;
        }
        let w = &text[t.start..t.end];
        if is_capitalized(w) {
            return true;
        }
        // connectors only between capitalised words
        (is_name_connector(w) || w == "of")
            && i > 0
            && i + 1 < toks.len()
            && toks[i + 1].kind == TokKind::Word
            && is_capitalized(&text[toks[i + 1].start..toks[i + 1].end])
            && toks[i - 1].kind == TokKind::Word
            && is_capitalized(&text[toks[i - 1].start..toks[i - 1].end])
    }

    /// The end of the run of name words ([`Attributor::run_word`]) that starts at `a`, at most
    /// `max` words long.
    pub(super) fn run_end(&self, text: &str, toks: &[Tok], a: usize, max: usize) -> usize {
        let mut e = a;
        while e < toks.len() && e - a < max && self.run_word(text, toks, e) {
            e += 1;
        }
        e
    }

    /// The end of the run of name words ([`Attributor::run_word`]) that opens `text[start..lim]`,
    /// tokenized into `toks`: only its first few tokens, unless the run reaches the last of them
    /// (the test of a word looks at the token after it).
    pub(super) fn opening_run(
        &self,
        text: &str,
        start: usize,
        lim: usize,
        toks: &mut Vec<Tok>,
    ) -> usize {
        const FEW: usize = 8;
        tokenize_first(text, start, lim, FEW, toks);
        let e = self.run_end(text, toks, 0, usize::MAX);
        if toks.len() < FEW || e + 2 <= toks.len() {
            return e;
        }
        tokenize(text, start, lim, toks);
        self.run_end(text, toks, 0, usize::MAX)
    }

    /// The start of the run of name words ([`Attributor::run_word`]) that ends at `e`, at most
    /// `max` words long.
    pub(super) fn run_start(&self, text: &str, toks: &[Tok], e: usize, max: usize) -> usize {
        let mut a = e;
        while a > 0 && e - a < max && self.run_word(text, toks, a - 1) {
            a -= 1;
        }
        a
    }

    /// A capitalised run `toks[a..e]` as a subject: a name, or a title reference.
    pub(super) fn name_subject(
        &self,
        text: &str,
        toks: &[Tok],
        a: usize,
        e: usize,
    ) -> Option<Subject> {
        if a >= e {
            return None;
        }
        // the words on the stack: a run of capitals is short, and this runs for every one
        let mut short = [""; 16];
        let long: Vec<&str>;
        let words: &[&str] = if e - a <= short.len() {
            for (w, t) in short.iter_mut().zip(&toks[a..e]) {
                *w = &text[t.start..t.end];
            }
            &short[..e - a]
        } else {
            long = toks[a..e].iter().map(|t| &text[t.start..t.end]).collect();
            &long
        };
        let gender = words.iter().find_map(|w| match w.trim_end_matches('.') {
            "Mr" | "Sir" | "King" | "Prince" => Some('m'),
            "Ms" | "Mrs" | "Miss" | "Madam" | "Queen" | "Princess" | "Lady" => Some('f'),
            _ => None,
        });
        match strip_titles(words) {
            Some((mut s, e2)) => {
                // "The Foreign Ministry", "the State Department": an office body left alone by
                // the title before it is named with that title ("Foreign Ministry", not
                // "Ministry")
                if e2 == s + 1 && s > 0 && names::office_body(words[s]) {
                    s = words[..s]
                        .iter()
                        .rposition(|w| is_stop(w))
                        .map_or(0, |i| i + 1);
                }
                if words[s..e2].iter().all(|w| is_stop(w)) {
                    return None;
                }
                // an adjective alone is no name: "New confirmed cases stood at 115", "Total
                // reported deaths ..." (the cue a participle before its noun)
                if e2 == s + 1 && not_a_name_alone(words[s]) {
                    return None;
                }
                // one copy of the text when the words are a space apart, as nearly always
                let span = &toks[a + s..a + e2];
                let name = if span
                    .windows(2)
                    .all(|w| w[1].start == w[0].end + 1 && text.as_bytes()[w[0].end] == b' ')
                {
                    text[span[0].start..span[span.len() - 1].end].to_string()
                } else {
                    words[s..e2].join(" ")
                };
                // (a name is rarely a collective: the filter answers for most without
                // lower-casing them)
                if (!name.is_ascii()
                    || self
                        .cues
                        .collective_filter
                        .may_contain_lower(name.as_bytes()))
                    && self.cues.collectives.contains(Lower::new(&name).as_str())
                {
                    return Some(Subject::Collective { phrase: name });
                }
                Some(Subject::Name { name, gender })
            }
            None => {
                let mut head_i = words.iter().rposition(|w| is_title(w))?;
                // "the Secretary of State": the office is the secretary; "Islamic State", a
                // name
                if words[head_i] == "State" && head_i + 1 == words.len() {
                    match words[..head_i].iter().rposition(|w| is_title(w)) {
                        Some(t) => head_i = t,
                        // (not "the Head of the Russian State")
                        None if head_i > 0
                            && !is_stop(words[head_i - 1])
                            && !names::is_modifier(words[head_i - 1]) =>
                        {
                            let first = words.iter().position(|w| !is_stop(w)).unwrap_or(0);
                            return Some(Subject::Name {
                                name: words[first..].join(" "),
                                gender: None,
                            });
                        }
                        None => return None,
                    }
                }
                let head = words[head_i].trim_end_matches('.').to_lowercase();
                if matches!(
                    head.as_str(),
                    "mr" | "mrs" | "ms" | "dr" | "foreign" | "state"
                ) {
                    return None;
                }
                let modifier = words[..head_i]
                    .iter()
                    .rev()
                    .find(|w| !is_title(w) && !is_stop(w))
                    .map(|w| w.to_string());
                Some(Subject::Title {
                    phrase: words.join(" "),
                    head,
                    modifier,
                    indefinite: false,
                })
            }
        }
    }

    /// A lower-case noun phrase `toks[a..]` (after a cue) or ending at `e` (before a cue, which
    /// follows `toks[last]`: the head, or the comma or `who` after an appositive).
    pub(super) fn noun_phrase(
        &self,
        text: &str,
        toks: &[Tok],
        a: usize,
        e: usize,
        forward: bool,
        last: usize,
    ) -> Option<(Subject, usize)> {
        let word = |i: usize| &text[toks[i].start..toks[i].end];
        if forward {
            // "the spokesperson", "a senior official", "officials in Moscow": the head is the last
            // lower-case word before a non-word or a preposition
            let mut i = a;
            let mut last = None;
            while i < e && toks[i].kind == TokKind::Word {
                let w = word(i);
                if matches!(
                    w,
                    "in" | "at" | "of" | "for" | "with" | "on" | "who" | "that" | "from" | "to"
                ) {
                    break;
                }
                // "said the race was open": a clause, not the source
                if i > a
                    && matches!(
                        w,
                        "was"
                            | "is"
                            | "were"
                            | "are"
                            | "has"
                            | "had"
                            | "have"
                            | "will"
                            | "would"
                            | "could"
                            | "should"
                            | "can"
                            | "may"
                            | "might"
                            | "must"
                            | "did"
                    )
                {
                    return None;
                }
                if is_capitalized(w) && i > a {
                    // "the Russian president": capitalised modifier inside
                }
                last = Some(i);
                i += 1;
            }
            let mut h = last?;
            // "says a source involved in the campaign": the speaker noun heads the phrase
            let mut participle = false;
            if let Some(n) = (a + 1..h).rev().find(|&n| {
                self.cues
                    .speaker_nouns
                    .contains(Lower::new(word(n)).as_str())
            }) && n + 1 == h
                && (word(h).ends_with("ed") || matches!(word(h), "close" | "familiar"))
            {
                h = n;
                participle = true;
            }
            // "said the spokesperson." / "said officials in Moscow", not "said the heads of state had"
            if !participle
                && let Some(n) = toks.get(h + 1)
                && n.kind == TokKind::Word
                && !matches!(
                    word(h + 1),
                    "in" | "at" | "on" | "during" | "who" | "while" | "when" | "after"
                )
            {
                return None;
            }
            // the cue stands before the phrase: "..., says a narrator."
            let plain = a >= 2 && !forward_cue_is_weak(text, toks, a - 2);
            return self.classify_np(text, toks, a, h, plain).map(|x| (x, a));
        }
        // backward: the head is toks[e-1]; the phrase starts at a determiner, a possessive or
        // a capitalised word within 5 tokens
        let mut h = e - 1;
        if toks[h].kind != TokKind::Word {
            return None;
        }
        // "a person familiar with the planning says", "sources close to the campaign said": the
        // noun before the qualifier heads the phrase
        if let Some(p) = (h.saturating_sub(6)..h).rev().find(|&p| {
            p >= 1
                && matches!(word(p), "with" | "to")
                && matches!(word(p - 1), "familiar" | "close" | "privy")
        }) && p >= 2
            && (p + 1..=h).all(|i| matches!(toks[i].kind, TokKind::Word | TokKind::Possessive))
            && toks[p - 2].kind == TokKind::Word
        {
            h = p - 2;
        }
        // "people with (direct) knowledge of the talks said"
        else if let Some(p) = (h.saturating_sub(7)..h)
            .rev()
            .find(|&p| p >= 2 && word(p) == "of" && word(p - 1) == "knowledge")
            && let Some(w) = (p.saturating_sub(4)..p - 1)
                .rev()
                .find(|&w| word(w) == "with")
            && w >= 1
            && (w + 1..=h).all(|i| matches!(toks[i].kind, TokKind::Word | TokKind::Possessive))
            && toks[w - 1].kind == TokKind::Word
        {
            h = w - 1;
        }
        let mut s = h;
        while s > 0 && h - s < 5 {
            let p = toks[s - 1];
            if p.kind == TokKind::Possessive {
                s -= 1;
                continue;
            }
            if p.kind != TokKind::Word {
                break;
            }
            let w = &text[p.start..p.end];
            if matches!(
                w,
                "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "The"
                    | "A"
                    | "An"
                    | "His"
                    | "Her"
                    | "Their"
                    | "Its"
                    | "both"
                    | "Both"
                    | "two"
                    | "some"
                    | "Some"
                    | "many"
                    | "Many"
                    | "other"
                    | "several"
                    | "Several"
                    | "one"
                    | "One"
                    | "another"
                    | "Another"
                    | "That"
                    | "This"
                    | "Those"
                    | "These"
            ) {
                s -= 1;
                break;
            }
            if matches!(
                w,
                "and"
                    | "that"
                    | "which"
                    | "who"
                    | "to"
                    | "of"
                    | "in"
                    | "on"
                    | "with"
                    | "by"
                    | "for"
                    | "as"
                    | "at"
                    | "than"
                    | "not"
                    | "also"
                    | "it"
                    | "is"
                    | "was"
                    | "has"
                    | "have"
                    | "but"
                    | "But"
                    | "or"
                    | "so"
                    | "though"
                    | "although"
                    | "because"
                    | "while"
                    | "when"
                    | "if"
                    | "yet"
                    | "And"
                    // (a preposition ends the phrase: "Carson appeared on shows amid news reports
                    // that question ...")
                    | "amid"
                    | "among"
                    | "despite"
                    | "during"
                    | "after"
                    | "before"
                    | "under"
                    | "against"
                    | "between"
                    | "through"
                    | "into"
                    | "without"
                    | "like"
                    // (a clause's opener: "That's why Rubio's team thinks")
                    | "why"
                    | "how"
                    | "what"
                    | "where"
                    | "whether"
            ) {
                break;
            }
            s -= 1;
        }
        let plain = !forward_cue_is_weak(text, toks, last);
        self.classify_np(text, toks, s, h, plain).map(|x| (x, s))
    }

    /// `plain`: the cue is a plain speech verb (said, told, ...).
    pub(super) fn classify_np(
        &self,
        text: &str,
        toks: &[Tok],
        s: usize,
        h: usize,
        plain: bool,
    ) -> Option<Subject> {
        let head_w = &text[toks[h].start..toks[h].end];
        let head = Lower::new(head_w);
        let head = head.as_str();
        let phrase_start = {
            let mut s2 = s;
            while s2 < h
                && matches!(
                    Lower::new(&text[toks[s2].start..toks[s2].end]).as_str(),
                    "the" | "a" | "an"
                )
            {
                s2 += 1;
            }
            s2
        };
        let phrase = text[toks[phrase_start].start..toks[h].end].to_string();
        let first = Lower::new(&text[toks[s].start..toks[s].end]);
        let first = first.as_str();
        // "the two sides", "both leaders", "the visiting ministers": nobody in particular (only
        // determiners, numerals and generic words before the head); "Top committee leaders",
        // "Republican leaders" name a group that speaks
        let only_determiners = (s..h).all(|i| {
            matches!(
                Lower::new(&text[toks[i].start..toks[i].end]).as_str(),
                "the"
                    | "both"
                    | "two"
                    | "three"
                    | "all"
                    | "these"
                    | "those"
                    | "their"
                    | "our"
                    | "its"
                    | "a"
                    | "an"
                    | "many"
                    | "some"
                    | "several"
                    | "other"
                    | "foreign"
                    | "visiting"
            )
        });
        if (self.cues.collectives.contains(head) && only_determiners)
            || (first == "both" && h > s)
            || (first == "two" && h > s)
        {
            return Some(Subject::Collective { phrase });
        }
        if !self.cues.speaker_nouns.contains(head) {
            // "the judges said": any plural noun right before a plain speech verb; "the
            // businessman said": any noun after "the"
            let plural = head.ends_with('s') && !head.ends_with("ss");
            // ("her friend said": a possessive determiner reads like "the")
            let definite = matches!(
                first,
                "the" | "his" | "her" | "their" | "one" | "another" | "a" | "an"
            ) || (s == 0
                && matches!(
                    &text[toks[s].start..toks[s].end],
                    "That" | "This" | "Those" | "These"
                ));
            // "authorities say", "employees complain": a bare plural too, not a span of time
            // ("over the last couple of weeks said")
            // (only where a clause starts: not "as miners say", "a problem that employers say
            // is acute", "the telegram of congratulations says")
            // ("and" after a comma: "the ministries and regions say" is one noun phrase)
            let prev = |k: usize| Lower::new(&text[toks[k].start..toks[k].end]);
            let clause_start = s == 0
                || toks[s - 1].kind != TokKind::Word
                || matches!(
                    prev(s - 1).as_str(),
                    "but"
                        | "or"
                        | "so"
                        | "yet"
                        | "though"
                        | "although"
                        | "while"
                        | "because"
                        | "if"
                        | "when"
                )
                || (prev(s - 1).as_str() == "and" && (s < 2 || toks[s - 2].kind != TokKind::Word));
            // "Sanders' team said", not "A person familiar with Thursday's meeting says"
            let definite = definite
                || (clause_start
                    && toks
                        .get(s + 1)
                        .is_some_and(|t| t.kind == TokKind::Possessive));
            let bare_plural = plural
                && head_w == head
                && clause_start
                && !matches!(
                    head,
                    "days" | "weeks" | "months" | "years" | "hours" | "decades" | "times"
                );
            if !(plain && head.len() > 3 && (h > s || bare_plural) && (plural || definite)) {
                return None;
            }
        }
        let titled = is_title(head) && !head.ends_with('s');
        let possessed = (s..h).any(|i| toks[i].kind == TokKind::Possessive);
        if titled && !possessed {
            let modifier = (s..h)
                .map(|i| &text[toks[i].start..toks[i].end])
                .find(|w| is_capitalized(w) && !is_stop(w))
                .map(str::to_string);
            return Some(Subject::Title {
                phrase,
                head: head.to_string(),
                modifier,
                indefinite: matches!(first, "a" | "an" | "one" | "another"),
            });
        }
        let plural = head.ends_with('s') || matches!(head, "police" | "people");
        Some(Subject::Noun { phrase, plural })
    }

    /// The subject written before a cue: "Putin (also) (on Wednesday) said", "Wang Yi, a member
    /// of ..., said", "He said", "the spokesperson said".
    pub(super) fn before_subject(
        &self,
        text: &str,
        toks: &[Tok],
        k: usize,
        quoted: &[quotes::Quoted],
    ) -> Option<(Subject, usize)> {
        let word = |i: usize| &text[toks[i].start..toks[i].end];
        let mut j = k;
        loop {
            if j == 0 {
                return None;
            }
            let t = toks[j - 1];
            if t.kind != TokKind::Word {
                break;
            }
            let w = word(j - 1);
            // "Priebus this past week announced", "Putin earlier this month said"
            if (is_weekday(w) || matches!(w, "week" | "weekend" | "month" | "year"))
                && j >= 2
                && matches!(word(j - 2), "this" | "past")
            {
                j -= 2;
                if j >= 1 && word(j - 1) == "this" {
                    j -= 1;
                }
                continue;
            }
            if is_skippable(w) {
                j -= 1;
                continue;
            }
            // "Trump jokingly said", "she angrily told": a manner adverb right before a verb of
            // saying (before other cues it is mostly narration: "cynically dismissed")
            if j == k
                && w.len() >= 5
                && w.ends_with("ly")
                && w.bytes().all(|b| b.is_ascii_lowercase())
                && !matches!(
                    w,
                    "family" | "rally" | "assembly" | "supply" | "ally" | "famously"
                )
                && matches!(
                    toks.get(k).map(|t| &text[t.start..t.end]),
                    Some(
                        "said"
                            | "says"
                            | "told"
                            | "tells"
                            | "asked"
                            | "added"
                            | "wrote"
                            | "replied"
                    )
                )
            {
                j -= 1;
                continue;
            }
            // "on Wednesday"
            if j >= 2 && is_weekday(w) && word(j - 2) == "on" {
                j -= 2;
                continue;
            }
            // "A poll released Saturday found", "a survey conducted last week shows": the
            // participle before its time
            let participle = |w: &str| {
                matches!(
                    w,
                    "released" | "conducted" | "published" | "issued" | "taken" | "out"
                )
            };
            if j < k && participle(w) && (is_weekday(word(j)) || is_skippable(word(j))) {
                j -= 1;
                continue;
            }
            if j >= 2 && is_weekday(w) && participle(word(j - 2)) {
                j -= 2;
                continue;
            }
            // "Gowdy earlier Thursday said"
            if is_weekday(w) && j >= 2 && is_skippable(word(j - 2)) {
                j -= 2;
                continue;
            }
            break;
        }
        // "Sen. Ted Cruz (R-Texas) said", "Jason Sims — a teacher from Ohio — says": the name
        // before a short parenthetical or a pair of dashes
        if let Some(o) = paren_open(text, toks, j - 1).or_else(|| dash_open(text, toks, j - 1))
            && o > 0
        {
            j = o;
        }
        let t = toks[j - 1];
        if quotes::inside(quoted, t.start).is_some() {
            return None;
        }
        let w = word(j - 1);
        match t.kind {
            TokKind::Word => {
                if let Some(g) = pronoun(w) {
                    if g == 'w' {
                        // "Putin, who said": the name before the comma
                        if j >= 3 && toks[j - 2].kind == TokKind::Comma {
                            let e = j - 2;
                            let a = self.run_start(text, toks, e, 8);
                            return self.name_subject(text, toks, a, e).map(|s| (s, a));
                        }
                        return None;
                    }
                    return Some(pronoun_subject(w, g, j - 1));
                }
                if is_capitalized(w) {
                    let e = j;
                    let a = self.run_start(text, toks, e, 8);
                    // "Exit polls taken in South Carolina found": a place after a preposition
                    // closes the subject's phrase, the noun before it heads it
                    // ("federal prosecutors in April charged"; not "the guests at Guildhall Mr
                    // Putin emphasized")
                    if a >= 2
                        && matches!(word(a - 1), "in" | "at" | "from" | "across")
                        && toks[a - 2].kind == TokKind::Word
                        && !(a..e).any(|i| is_title(word(i)))
                    {
                        let mut h = a - 1;
                        if matches!(
                            word(h - 1),
                            "taken" | "conducted" | "released" | "published" | "based"
                        ) {
                            h -= 1;
                        }
                        return self.noun_phrase(text, toks, 0, h, false, j - 1);
                    }
                    // "Some say", "Others argued": people, unnamed
                    if e - a == 1 && matches!(w, "Some" | "Many" | "Others" | "Several" | "Most") {
                        let phrase = w.to_string();
                        return Some((
                            Subject::Noun {
                                phrase,
                                plural: true,
                            },
                            a,
                        ));
                    }
                    // "Mr Putin and Mr Sharon discussed", "Russia and the EU issued a statement":
                    // two, not the second alone
                    let and_at = if a >= 2 && word(a - 1) == "and" {
                        Some(a - 1)
                    } else if a >= 3 && word(a - 1) == "the" && word(a - 2) == "and" {
                        Some(a - 2)
                    } else {
                        None
                    };
                    if let Some(and_at) = and_at
                        && toks[and_at].kind == TokKind::Word
                        && self.run_word(text, toks, and_at - 1)
                    {
                        return Some(self.pair(text, toks, and_at, a, e));
                    }
                    // "Russia's Foreign Ministry said": keep the run
                    return self.name_subject(text, toks, a, e).map(|s| (s, a));
                }
                self.noun_phrase(text, toks, 0, j, false, j - 1)
            }
            TokKind::Comma => self.clause_subject(text, toks, j - 1),
            _ => None,
        }
    }

    /// Two names joined by `and` at `and_at`, the second `toks[a..e]`, before a cue: they speak
    /// jointly before a verb of saying ("But Mr. Grassley and Mr. Leahy said", "Clinton and the
    /// State Department said"); before another cue they are nobody in particular ("Mr Putin and
    /// Mr Mori discussed ..." reads out a meeting).
    fn pair(
        &self,
        text: &str,
        toks: &[Tok],
        and_at: usize,
        a: usize,
        e: usize,
    ) -> (Subject, usize) {
        let word = |i: usize| &text[toks[i].start..toks[i].end];
        let f = self.run_start(text, toks, and_at, usize::MAX);
        let mut g = f;
        while g + 1 < and_at && matches!(word(g), "Both" | "But" | "And" | "Yet") {
            g += 1;
        }
        let phrase = text[toks[g].start..toks[e - 1].end].to_string();
        // (not an "and" inside an institution's name, "the Jewish Museum and Tolerance Centre
        // Viktor Vekselberg", "Minister of ... and Mass Communications", nor before a role inside
        // the second name, "Communications and Mass Media Minister Nikolai Nikiforov")
        let institution = (and_at == a - 1 && (f..e).any(|i| names::is_institution(word(i))))
            || (a + 1..e).any(|i| is_title(word(i)))
            || (f > 0 && toks[f - 1].kind == TokKind::Word && word(f - 1) == "of");
        if !institution
            && !forward_cue_is_weak(text, toks, e - 1)
            && let (
                Some(Subject::Name {
                    name: n1,
                    gender: g1,
                }),
                Some(Subject::Name {
                    name: n2,
                    gender: g2,
                }),
            ) = (
                self.name_subject(text, toks, g, and_at),
                self.name_subject(text, toks, a, e),
            )
        {
            let pair = Subject::Pair {
                phrase,
                first: (n1, g1),
                second: (n2, g2),
            };
            return (pair, g);
        }
        (Subject::Collective { phrase }, f)
    }

    /// The subject of a sentence whose cue is a second verb ("NAME did X and said ..."): a name
    /// or a pronoun at the sentence start or after an opening adjunct ("At a rally in Ohio, ..."),
    /// followed by a lower-case word (its verb), before `and_at`.
    pub(super) fn coordinated_subject(
        &self,
        text: &str,
        toks: &[Tok],
        and_at: usize,
        quoted: &[quotes::Quoted],
    ) -> Option<(Subject, usize)> {
        let word = |i: usize| &text[toks[i].start..toks[i].end];
        let mut starts = [0usize, usize::MAX];
        if let Some(c) = toks[..and_at].iter().position(|t| t.kind == TokKind::Comma) {
            starts[1] = c + 1;
        }
        for a in starts {
            if a >= and_at || toks[a].kind != TokKind::Word {
                continue;
            }
            if quotes::inside(quoted, toks[a].start).is_some() {
                return None;
            }
            if let Some(g) = pronoun(word(a)) {
                if g == 'w' {
                    return None;
                }
                return Some(pronoun_subject(word(a), g, a));
            }
            let mut e = a;
            while e < and_at && self.run_word(text, toks, e) {
                e += 1;
            }
            // "Clinton, who was speaking to the mayors, did not mention Trump, but told ...": the
            // verb after the relative clause
            let mut v = e;
            if e + 1 < and_at
                && toks[e].kind == TokKind::Comma
                && matches!(word(e + 1), "who" | "whose")
                && let Some(c) = (e + 2..and_at).find(|&i| toks[i].kind == TokKind::Comma)
            {
                v = c + 1;
            }
            let verb_follows = v < and_at
                && toks[v].kind == TokKind::Word
                && !is_capitalized(word(v))
                && !is_stop(word(v));
            if e > a
                && verb_follows
                && let Some(sub @ Subject::Name { .. }) = self.name_subject(text, toks, a, e)
            {
                return Some((sub, a));
            }
        }
        None
    }

    /// A lower-case title or occupation before a name: "speaker", "economist", "pollster".
    pub(super) fn occupation(&self, w: &str) -> bool {
        !is_capitalized(w)
            && (is_title(w) || self.cues.speaker_nouns.contains(w) || w.ends_with("ist"))
    }

    /// The subject at the start of the clause when a cue follows an appositive or a parenthetical:
    /// "Wang, for his part, said", "Wang Yi, a member of ..., said", "He, too, said".
    pub(super) fn clause_subject(
        &self,
        text: &str,
        toks: &[Tok],
        comma: usize,
    ) -> Option<(Subject, usize)> {
        let word = |i: usize| &text[toks[i].start..toks[i].end];
        // the clause starts at the sentence start, or after an opening phrase ending in a comma
        // that has no verb ("On Wednesday, ...") — keep it simple: try the sentence start and the
        // token after the first comma; the sentence starts after its dateline ("WASHINGTON --
        // President Obama, dedicating the museum, said", "COLUMBIA, S.C. (AP) — ...")
        // (at most four starts, on the stack)
        let first = dateline_end(text, toks, comma).unwrap_or(0);
        let mut starts = [first; 4];
        let mut n = 1;
        if let Some(c) = toks[first..comma]
            .iter()
            .position(|t| t.kind == TokKind::Comma)
            && first + c + 1 < comma
        {
            starts[n] = first + c + 1;
            n += 1;
        }
        // "“I am sure, ...,” Sessions, a close adviser, said.": after the closing quotation mark
        if let Some(q) = toks[..comma].iter().rposition(|t| t.kind == TokKind::Quote)
            && q + 1 < comma
            && !starts[..n].contains(&(q + 1))
        {
            starts[n] = q + 1;
            n += 1;
        }
        // "..., Sanders's campaign manager, Jeff Weaver, said": a name alone between the last two
        // commas, an appositive to the phrase before it
        // (a person's name, not a vocative: "you, Mr President, said")
        let mut appositive_name = false;
        if let Some(c) = toks[..comma].iter().rposition(|t| t.kind == TokKind::Comma)
            && c + 1 < comma
            && c > 0
            && pronoun(word(c - 1)).is_none()
            && !matches!(word(c - 1), "you" | "You" | "I" | "we" | "We")
            && (c + 1..comma).all(|i| self.run_word(text, toks, i))
            && matches!(
                self.name_subject(text, toks, c + 1, comma),
                Some(Subject::Name { .. })
            )
        {
            if !starts[..n].contains(&(c + 1)) {
                starts[n] = c + 1;
                n += 1;
            }
            appositive_name = true;
        }
        for &a in &starts[..n] {
            let mut a = a;
            while a < comma && toks[a].kind == TokKind::Quote {
                a += 1;
            }
            if a >= comma || toks[a].kind != TokKind::Word {
                continue;
            }
            // "The campaign manager, a veteran of Ohio races, said": a noun phrase before the
            // appositive (but "The assailant, John McGraw, told": the name)
            if !appositive_name
                && matches!(
                    word(a),
                    "The"
                        | "the"
                        | "A"
                        | "a"
                        | "An"
                        | "an"
                        | "Several"
                        | "Some"
                        | "Many"
                        | "Most"
                        | "One"
                        | "Another"
                )
                && let Some(c) = (a + 1..comma.min(a + 7)).find(|&i| toks[i].kind != TokKind::Word)
                && toks[c].kind == TokKind::Comma
                && !is_capitalized(word(c - 1))
                && let Some(np @ (Subject::Noun { .. } | Subject::Title { .. }, s)) =
                    self.noun_phrase(text, toks, a, c, false, comma)
                && s <= a + 1
            {
                return Some(np);
            }
            // "Officials at Homeland Security Investigations, a division of ..., said",
            // "Supporters of abortion rights, on the other hand, argued": a plural speaker noun
            // and its prepositional phrase
            if !appositive_name
                && is_capitalized(word(a))
                && word(a).ends_with('s')
                && self
                    .cues
                    .speaker_nouns
                    .contains(Lower::new(word(a)).as_str())
                && toks.get(a + 1).is_some_and(|t| {
                    t.kind == TokKind::Word
                        && matches!(word(a + 1), "at" | "in" | "of" | "for" | "from" | "with")
                })
                && let Some(c) = (a + 2..comma.min(a + 10)).find(|&i| toks[i].kind != TokKind::Word)
                && toks[c].kind == TokKind::Comma
            {
                let phrase = text[toks[a].start..toks[c - 1].end].to_string();
                return Some((
                    Subject::Noun {
                        phrase,
                        plural: true,
                    },
                    a,
                ));
            }
            if let Some(g) = pronoun(word(a))
                && g != 'w'
                && toks.get(a + 1).is_some_and(|t| t.kind == TokKind::Comma)
            {
                return Some(pronoun_subject(word(a), g, a));
            }
            // "the economist Jared Bernstein, a former ...": a determiner and an occupation
            // before the name
            // (not "the Acting Russian President": no occupation, no skip)
            let mut b = a;
            if matches!(word(b), "the" | "The" | "a" | "A") {
                b += 1;
            }
            let occupation = b;
            while b < comma && toks[b].kind == TokKind::Word && self.occupation(word(b)) {
                b += 1;
            }
            if b > occupation && b < comma && self.run_word(text, toks, b) {
                a = b;
            }
            let mut e = a;
            loop {
                while e < comma && self.run_word(text, toks, e) {
                    e += 1;
                }
                // "Former House speaker Newt Gingrich, a Trump ally, said": a lower-case title
                // inside the run
                // ("Conservative economist Aparna Mathur, who ..., said": an occupation too)
                if e > a
                    && e + 1 < comma
                    && self.occupation(word(e))
                    && self.run_word(text, toks, e + 1)
                {
                    if !is_title(word(e)) {
                        a = e + 1;
                    }
                    e += 1;
                    continue;
                }
                break;
            }
            // "Rep. Elijah Cummings (D-Md.), chair of ...": a short parenthetical after the name
            let after = paren_close(text, toks, e).map_or(e, |c| c + 1);
            // the name is followed by the appositive's comma, and nothing quoted sits between
            if e > a
                && after < comma
                && toks[after].kind == TokKind::Comma
                && !toks[after..comma].iter().any(|t| t.kind == TokKind::Quote)
                && let Some(s) = self.name_subject(text, toks, a, e)
            {
                return Some((s, a));
            }
            if e > a
                && toks[e].kind == TokKind::Comma
                && !toks[e..comma].iter().any(|t| t.kind == TokKind::Quote)
                && let Some(s) = self.name_subject(text, toks, a, e)
            {
                return Some((s, a));
            }
        }
        None
    }
}

/// The token after a news dateline that opens the sentence: a word in capitals, then within
/// eight tokens (a state, an agency in parentheses) a dash ("WASHINGTON --", "COLUMBIA, S.C.
/// (AP) —"), before `lim`.
fn dateline_end(text: &str, toks: &[Tok], lim: usize) -> Option<usize> {
    let w = &text[toks.first()?.start..toks[0].end];
    if w.len() < 3 || !w.bytes().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let mut d = toks[..lim.min(8)]
        .iter()
        .position(|&t| is_dash_tok(text, t))?
        + 1;
    while d < lim && is_dash_tok(text, toks[d]) {
        d += 1;
    }
    (d < lim).then_some(d)
}

/// The end of the lower-case modifiers from `from` (no further than `lim`) that may stand before
/// a name: "chief human resources executive", "political scientist"; not across "of", "the" ...
fn modifiers_end(text: &str, toks: &[Tok], from: usize, lim: usize) -> usize {
    let mut g = from;
    while g < toks.len().min(lim)
        && toks[g].kind == TokKind::Word
        && !is_capitalized(&text[toks[g].start..toks[g].end])
        && !function_word(&text[toks[g].start..toks[g].end])
    {
        g += 1;
    }
    g
}

/// "of", "the", "and" ...: a word that joins phrases, never a modifier of a name.
fn function_word(w: &str) -> bool {
    matches!(
        w,
        "of" | "the"
            | "a"
            | "an"
            | "to"
            | "for"
            | "with"
            | "in"
            | "on"
            | "at"
            | "by"
            | "from"
            | "and"
            | "or"
            | "that"
            | "who"
    )
}

/// Capitalised words that open a sentence as an adjective and are no name on their own ("New" of
/// "New confirmed cases", not of "New Zealand"; not "Initial" or "Recent", whose "Initial
/// estimates" and "Recent polls" are sources).
fn not_a_name_alone(w: &str) -> bool {
    matches!(
        w,
        "New" | "Total" | "Daily" | "Further" | "Additional" | "Previous"
    )
}
