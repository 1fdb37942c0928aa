//! Import of LIWC `.dic` and quanteda YAML dictionaries into lexicon TOML.
