//! `stance` scores news and diplomatic text for themes (multipolarity, sanctions, cooperation, ...)
//! and attributes every sentence to the speaker whose words it reports.
//!
//! The pipeline is visible in the module layout:
//!
//! ```text
//! input → segment → matcher → attribute → analyze → aggregate → report
//! ```
//!
//! - [`input`] reads files, folders, JSONL and stdin into [`Document`]s;
//! - [`segment`] cuts a text into paragraphs and [`Sentence`]s (byte spans, no copies);
//! - [`lexicon`] loads TOML lexicons (with file/line/column errors) and [`matcher`] finds their terms;
//! - [`attribute`] finds the speaker of each sentence;
//! - [`analyze`] runs the stages over one document;
//! - [`aggregate`] adds results up per actor and group, exactly and order-independently;
//! - [`report`] writes tables, JSON, JSONL, CSV and Markdown.
//!
//! ```
//! use stance::{analyze::Pipeline, input::Document};
//! let pipeline = Pipeline::bundled().unwrap();
//! let doc = Document::from_text("demo", "Putin said the world is moving toward multipolarity.");
//! let result = pipeline.analyze(doc);
//! assert_eq!(result.sentences.len(), 1);
//! ```
#![warn(missing_docs)]

pub mod aggregate;
pub mod analyze;
pub mod attribute;
pub mod cli;
pub mod cmd;
pub mod compare;
pub mod error;
pub mod eval;
pub mod input;
pub mod lexicon;
pub mod matcher;
pub mod report;
mod scanner;
pub mod segment;

pub use analyze::{AnalyzedDocument, AnalyzedSentence, Pipeline};
pub use attribute::{Attribution, AttributionKind};
pub use input::Document;
pub use lexicon::{Lexicon, LexiconSet};
pub use matcher::{Match, Matcher};
pub use segment::Sentence;
