//! The frame of a cue: the span of a sentence that names the source and the cue rather than
//! reporting ("In Moscow, Putin said that", "..., said Lavrov, a veteran diplomat."). What is
//! left is the reported content; a sentence mostly made of its frame is narration by PolNeAR's
//! half rule ([`Attribution::reports_most_of`](super::Attribution::reports_most_of)).

use super::cues::CueKind;
use super::is_weekday;
use super::names::{Tok, TokKind};
use crate::segment::Sentence;

/// The frame of a cue (see [`Attribution::frame`](super::Attribution::frame)): cue tokens `toks[k..ke]`, subject starting at
/// token `sa`, in sentence `s`.
///
/// - source after the cue ("“...,” said Lavrov, ...", "..., according to Peskov."): from the cue
///   (or the mark before it) to the sentence end; at the sentence start ("According to Peskov,
///   ...", "Said Putin: ...") from the start to the comma or colon closing the source;
/// - source before the cue, right after a closing quotation mark ("“...,” Lavrov said on
///   Tuesday."): from the source to the end, or to the cue when the quotation goes on after it;
/// - after a comma with few words following the cue ("The talks failed, Lavrov said."): from
///   the source to the end; with a comma after the cue and words on both sides ("The talks, he
///   said, failed"): the source and the cue only;
/// - otherwise ("In Moscow, Lavrov said that ..."): from the sentence start to the cue, and to a
///   "that" shortly after it.
pub(super) fn frame_of(
    text: &str,
    s: &Sentence,
    toks: &[Tok],
    (k, ke): (usize, usize),
    sa: usize,
    kind: CueKind,
    next_cue: Option<usize>,
) -> (usize, usize) {
    // a frame running to the sentence end stops at another cue ("..., said Beck, who added
    // that ...": what Beck added is content again) and at a quotation going on ("..., said Beck,
    // “...”")
    let mut end = next_cue.map_or(s.end, |c| c.min(s.end));
    if let Some(w) = toks[ke..]
        .windows(2)
        .find(|w| w[0].kind == TokKind::Comma && w[1].kind == TokKind::Quote)
    {
        end = end.min(w[0].start);
    }
    let cue_start = toks[k].start;
    let cue_end = toks[ke - 1].end;
    let words_after = toks[ke..]
        .iter()
        .filter(|t| t.kind == TokKind::Word)
        .count();
    // the start of the sentence's words (an opening mark or a conjunction before them is frame)
    let lead = toks
        .iter()
        .position(|t| {
            t.kind == TokKind::Word && !matches!(&text[t.start..t.end], "But" | "And" | "So")
        })
        .unwrap_or(0);
    let opens_quoted = toks.first().is_some_and(|t| t.kind == TokKind::Quote);
    if sa >= ke {
        if k <= lead {
            // "According to Peskov, ...", "Said Putin: ..."
            let close = toks[sa..]
                .iter()
                .find(|t| matches!(t.kind, TokKind::Comma | TokKind::Colon))
                .map_or(s.end, |t| t.end);
            return (s.start, close);
        }
        if kind == CueKind::Prefix {
            // "The plan, according to aides, is ...": the source up to the next comma
            let from = if toks[k - 1].kind == TokKind::Comma {
                toks[k - 1].start
            } else {
                cue_start
            };
            let close = toks[sa..]
                .iter()
                .find(|t| t.kind == TokKind::Comma)
                .filter(|c| {
                    toks.iter()
                        .filter(|t| t.start > c.start && t.kind == TokKind::Word)
                        .count()
                        > 3
                })
                .map_or(end, |t| t.end);
            return (from, close);
        }
        return (cue_start, end);
    }
    // the source phrase: back to the comma or mark before it ("the Post", "former FBI agent
    // Timothy Gill")
    let mut sb = sa;
    while sb > 0
        && sa - sb < 8
        && !matches!(
            toks[sb - 1].kind,
            TokKind::Comma | TokKind::Quote | TokKind::Colon
        )
    {
        sb -= 1;
    }
    if sb > 0 && sa - sb >= 8 {
        sb = sa;
    }
    let src = toks[sb].start;
    let before = sb.checked_sub(1).map(|p| toks[p].kind);
    let words_before = toks[..sb]
        .iter()
        .filter(|t| t.kind == TokKind::Word)
        .count();
    // what follows the cue is an adjunct ("on Tuesday", "in a statement", "of the plan")
    let adjunct_after = toks
        .get(ke)
        .is_none_or(|t| t.kind != TokKind::Word || is_adjunct_start(&text[t.start..t.end]));
    // "said on Tuesday that": the adjunct before the reported clause
    let mut that = None;
    if adjunct_after {
        let mut e = cue_end;
        for t in toks[ke..].iter().take(8) {
            if t.kind != TokKind::Word {
                break;
            }
            if &text[t.start..t.end] == "that" {
                that = Some(e);
                break;
            }
            e = t.end;
        }
    }
    if before == Some(TokKind::Comma)
        && toks.get(ke).is_some_and(|t| t.kind == TokKind::Comma)
        && sb > lead + 1
        && words_after > 0
    {
        // "The talks, he said, failed"
        return (src, toks[ke].end);
    }
    let trailing = match before {
        // "“...,” Lavrov said on Tuesday.", also when the quotation opened in an earlier
        // sentence ("“He's right. There's a disconnect,” Flynn said Thursday on Fox News's
        // “Fox and Friends.”"): the sentence's first mark closes a quotation ending with
        // punctuation (not a title: "On “Face the Nation,” Sen. Sanders said ...")
        Some(TokKind::Quote) => {
            opens_quoted
                || words_after <= 6
                || (text[..toks[sb - 1].start].ends_with([',', '?', '!', '.'])
                    && !toks[..sb - 1].iter().any(|t| t.kind == TokKind::Quote))
        }
        // "The talks failed, Lavrov said (on Tuesday)."
        Some(TokKind::Comma) => {
            words_after == 0
                || (adjunct_after
                    && that.is_none()
                    && words_after <= 8
                    && words_before >= words_after)
                || (words_after <= 3
                    && words_before > words_after
                    && !toks.get(ke).is_some_and(|t| {
                        matches!(
                            &text[t.start..t.end],
                            "it" | "he" | "she" | "they" | "we" | "I" | "the" | "a" | "an"
                        )
                    }))
        }
        _ => false,
    };
    if trailing {
        // "“...,” Rubio said: That Cruz is ...": what was said goes on after a colon (not after
        // ", and": "“Follow us,” Ms. Gil said, and the boys trailed behind" is narration)
        if let Some(r) = toks[ke..]
            .iter()
            .find(|t| t.kind == TokKind::Colon)
            .map(|t| t.start)
            && toks
                .iter()
                .filter(|t| t.start > r && t.kind == TokKind::Word)
                .count()
                >= 3
        {
            return (src, r.min(end));
        }
        // "“...,” Lavrov said, “...”": the quotation goes on after the cue
        if toks[ke..].iter().any(|t| t.kind == TokKind::Quote) && words_after > 3 {
            return (src, cue_end);
        }
        return (src, end);
    }
    // "In Moscow, Putin said on Tuesday that": up to the "that" after an adjunct
    (s.start, that.unwrap_or(cue_end))
}

/// Words that open an adjunct after a cue rather than the reported clause.
pub(super) fn is_adjunct_start(w: &str) -> bool {
    is_weekday(w)
        || matches!(
            w,
            "in" | "on"
                | "at"
                | "during"
                | "of"
                | "to"
                | "when"
                | "after"
                | "before"
                | "while"
                | "last"
                | "this"
                | "earlier"
                | "later"
                | "yesterday"
                | "today"
                | "recently"
                | "told"
                | "via"
                | "through"
                | "from"
                | "with"
                | "about"
                | "Monday"
        )
}
