//! Evaluation of attribution against PolNeAR-style gold (sentence-level precision, recall, F1).
