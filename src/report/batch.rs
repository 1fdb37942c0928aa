//! Batch and merge reports: per-actor, per-group and per-document tables over a corpus.
