//! Lexicon lints: advice beyond validity (overlaps, shadowing, empty-matching regexes, unused cues).
