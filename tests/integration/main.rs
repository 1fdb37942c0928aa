//! The one integration-test binary: `stance` run as a user runs it, one module per theme.

mod attribution;
mod batch;
mod common;
mod compare;
mod lexicon;
mod score;
mod segment;
mod snapshots;
