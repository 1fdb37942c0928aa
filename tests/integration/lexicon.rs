//! Integration tests: lexicon.
