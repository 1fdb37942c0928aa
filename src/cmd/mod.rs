//! One file per command: its arguments and how it runs. Commands glue the library together
//! (input → analyze → aggregate → report); they do no analysis themselves.

pub mod batch;
pub mod compare;
pub mod completions;
pub mod eval;
pub mod lexicon;
pub mod merge;
pub mod score;
