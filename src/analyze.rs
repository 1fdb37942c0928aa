//! The per-document pipeline: segment → match → attribute, producing an [`AnalyzedDocument`].
//! Everything here is pure: no I/O, no printing, the same result on any thread.

use crate::attribute::{Actors, Attribution, Attributor};
use crate::input::Document;
use crate::lexicon::{LexiconError, LexiconSet};
use crate::matcher::{Match, Matcher, count_tokens, count_tokens_plain};
use crate::segment::{self, Sentence};
use std::cell::RefCell;

/// Vectors reused from one document to the next by [`Pipeline::analyze_each`] (one set per
/// thread): a document's sentence list is big enough for the allocator to consolidate its free
/// lists on every fresh allocation.
#[derive(Default)]
struct Buffers {
    sentences: Vec<Sentence>,
    matches: Vec<Match>,
    attributions: Vec<Attribution>,
}

thread_local! {
    static BUFFERS: RefCell<Buffers> = RefCell::new(Buffers::default());
}

/// Everything needed to analyse documents: lexicons, the compiled matcher, the attributor.
pub struct Pipeline {
    /// The lexicons in use.
    pub lexicons: LexiconSet,
    /// Their compiled form.
    pub matcher: Matcher,
    /// The speaker finder.
    pub attributor: Attributor,
}

/// One analysed sentence.
#[derive(Clone, Debug)]
pub struct AnalyzedSentence {
    /// Span and paragraph.
    pub sentence: Sentence,
    /// Speaker and how it was found.
    pub attribution: Attribution,
    /// Word tokens in the sentence.
    pub tokens: usize,
    /// Score per theme (index = theme index), the sum of the matches' weights.
    pub scores: Vec<f64>,
    /// The matches behind the scores.
    pub matches: Vec<Match>,
}

/// One analysed document.
#[derive(Clone, Debug)]
pub struct AnalyzedDocument {
    /// The document (text kept for reports; batch drops documents after aggregation).
    pub doc: Document,
    /// Its sentences, in order.
    pub sentences: Vec<AnalyzedSentence>,
}

impl Pipeline {
    /// A pipeline from lexicons and an optional actors file.
    pub fn new(lexicons: LexiconSet, actors: Option<Actors>) -> Result<Pipeline, LexiconError> {
        Pipeline::with_attributor(lexicons, Attributor::new(actors))
    }

    /// A pipeline with a ready attributor (custom cues, actors).
    pub fn with_attributor(
        lexicons: LexiconSet,
        attributor: Attributor,
    ) -> Result<Pipeline, LexiconError> {
        let matcher = Matcher::new(&lexicons)?;
        Ok(Pipeline {
            lexicons,
            matcher,
            attributor,
        })
    }

    /// The bundled lexicons, no actors file.
    pub fn bundled() -> Result<Pipeline, LexiconError> {
        Pipeline::new(LexiconSet::bundled(), None)
    }

    /// Theme ids in index order.
    pub fn themes(&self) -> &[String] {
        self.matcher.themes()
    }

    /// Analyses a document's text without keeping the analysis: `each` sees every sentence in
    /// order, with its attribution, its token count and its matches (a buffer reused from one
    /// sentence to the next). The same results as [`Pipeline::analyze`], without the
    /// per-sentence vectors and scores that a corpus run, which only adds them up, never reads.
    /// `speaker`: who speaks the whole document, when its metadata says
    /// ([`Attributor::speaker_of_document`](crate::attribute::Attributor::speaker_of_document)).
    pub fn analyze_each(
        &self,
        text: &str,
        speaker: Option<&str>,
        mut each: impl FnMut(&Attribution, usize, &[Match]),
    ) {
        BUFFERS.with(|cell| {
            // (a fresh pair if `each` analysed another document on this thread)
            let mut fresh = Buffers::default();
            let mut guard = cell.try_borrow_mut();
            let Buffers {
                sentences,
                matches,
                attributions,
            } = match &mut guard {
                Ok(b) => &mut **b,
                Err(_) => &mut fresh,
            };
            segment::sentences_into(text, sentences);
            self.attributor
                .attribute_into(text, sentences, attributions);
            if let Some(sp) = speaker {
                self.attributor
                    .speaker_of_document(text, sp, sentences, attributions);
            }
            // (each attribution lent, not moved out: a move copies the whole struct)
            for (sentence, attribution) in sentences.iter().zip(attributions.iter()) {
                matches.clear();
                // one pass over the sentence counts its tokens and tells the matcher whether it
                // is plain ASCII
                let (tokens, plain) = count_tokens_plain(sentence.text(text));
                self.matcher
                    .find_into_plain(text, sentence.start..sentence.end, plain, matches);
                each(attribution, tokens, matches);
            }
            attributions.clear();
        })
    }

    /// Analyses one document.
    pub fn analyze(&self, doc: Document) -> AnalyzedDocument {
        let text = doc.text.as_str();
        let sentences = segment::sentences(text);
        let mut attributions = self.attributor.attribute(text, &sentences);
        if let Some(sp) = &doc.speaker {
            self.attributor
                .speaker_of_document(text, sp, &sentences, &mut attributions);
        }
        let n = self.themes().len();
        let analyzed = sentences
            .into_iter()
            .zip(attributions)
            .map(|(sentence, attribution)| {
                let matches = self.matcher.find(text, sentence.start..sentence.end);
                let mut scores = vec![0.0; n];
                for m in &matches {
                    scores[m.theme] += m.weight;
                }
                AnalyzedSentence {
                    tokens: count_tokens(sentence.text(text)),
                    sentence,
                    attribution,
                    scores,
                    matches,
                }
            })
            .collect();
        AnalyzedDocument {
            doc,
            sentences: analyzed,
        }
    }
}
