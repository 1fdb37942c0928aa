//! Attribution: the speaker whose words each sentence reports — explicit cues ("Putin said"),
//! pronouns, carried speakers, quotations, transcript turns and headlines.
//!
//! PLACEHOLDER: only "Name said" inside a sentence. The real attributor replaces it.

use crate::segment::Sentence;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// How a sentence got its speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AttributionKind {
    /// A named speaker with a reporting cue.
    Explicit,
    /// he/she/they resolved to a speaker.
    Pronoun,
    /// Continues the previous sentence's speaker within a paragraph.
    Carried,
    /// A direct quotation.
    Quote,
    /// A `NAME:` turn.
    Transcript,
    /// A title `..., says NAME`.
    Headline,
    /// Narration.
    None,
}

impl AttributionKind {
    /// The spec's name.
    pub fn as_str(self) -> &'static str {
        match self {
            AttributionKind::Explicit => "explicit",
            AttributionKind::Pronoun => "pronoun",
            AttributionKind::Carried => "carried",
            AttributionKind::Quote => "quote",
            AttributionKind::Transcript => "transcript",
            AttributionKind::Headline => "headline",
            AttributionKind::None => "none",
        }
    }
}

/// A span of the document text that triggered an attribution (the cue word, a label).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cue {
    /// The cue as written.
    pub text: String,
    /// Byte offset in the document.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
}

/// The attribution of one sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    /// Canonical speaker name; `None` for narration.
    pub speaker: Option<String>,
    /// How it was found.
    pub kind: AttributionKind,
    /// The cue, when there is one.
    pub cue: Option<Cue>,
    /// The rule that fired, for `--explain` ("cue `said`", "carried from sentence 3", ...).
    pub rule: String,
}

impl Attribution {
    /// Narration: no speaker.
    pub fn none() -> Self {
        Attribution {
            speaker: None,
            kind: AttributionKind::None,
            cue: None,
            rule: String::new(),
        }
    }
}

/// An actor of the actors file.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Canonical name.
    pub name: String,
    /// Other names that refer to the actor.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Country or bloc.
    #[serde(default)]
    pub group: Option<String>,
    /// `male`, `female` or unset, for pronouns.
    #[serde(default)]
    pub gender: Option<String>,
}

/// The actors file: canonical names, aliases, groups.
#[derive(Clone, Debug, Default)]
pub struct Actors {
    /// The actors, in file order.
    pub actors: Vec<Actor>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorsFile {
    #[serde(default)]
    actor: Vec<Actor>,
}

impl Actors {
    /// Loads an actors TOML file.
    pub fn load(path: &Path) -> Result<Actors, String> {
        let src = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read actors file {}: {e}", path.display()))?;
        let file: ActorsFile = toml::from_str(&src).map_err(|e| {
            let (line, col) = e
                .span()
                .map(|s| crate::lexicon::line_col(&src, s.start))
                .unwrap_or((0, 0));
            format!("{}:{line}:{col}: {}", path.display(), e.message())
        })?;
        Ok(Actors { actors: file.actor })
    }

    /// The group of a canonical name.
    pub fn group_of(&self, name: &str) -> Option<&str> {
        self.actors
            .iter()
            .find(|a| a.name == name)
            .and_then(|a| a.group.as_deref())
    }
}

/// Finds speakers in a document.
#[derive(Clone, Debug, Default)]
pub struct Attributor {
    actors: Actors,
}

impl Attributor {
    /// An attributor with the bundled cue list and an optional actors file.
    pub fn new(actors: Option<Actors>) -> Self {
        Attributor {
            actors: actors.unwrap_or_default(),
        }
    }

    /// The actors file in use.
    pub fn actors(&self) -> &Actors {
        &self.actors
    }

    /// One attribution per sentence, in order.
    pub fn attribute(&self, text: &str, sentences: &[Sentence]) -> Vec<Attribution> {
        sentences
            .iter()
            .map(|s| {
                let t = s.text(text);
                if let Some(i) = t.find(" said") {
                    let name = t[..i].split_whitespace().last().unwrap_or("");
                    if name.chars().next().is_some_and(char::is_uppercase) {
                        return Attribution {
                            speaker: Some(name.to_string()),
                            kind: AttributionKind::Explicit,
                            cue: Some(Cue {
                                text: "said".into(),
                                start: s.start + i + 1,
                                end: s.start + i + 5,
                            }),
                            rule: "cue `said`".into(),
                        };
                    }
                }
                Attribution::none()
            })
            .collect()
    }
}
