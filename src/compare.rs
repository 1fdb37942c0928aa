//! Comparing speakers: per-theme rates with bootstrap intervals, differences between two
//! speakers, and distinguishing terms by log-odds with an informative Dirichlet prior.
