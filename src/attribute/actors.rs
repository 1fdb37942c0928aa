//! The actors file (`--actors FILE`): canonical names, aliases, groups and genders that a corpus
//! knows and the text cannot tell; its parse errors name file, line and column.

use serde::{Deserialize, Serialize};
use std::path::Path;

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
    /// `male`, `female`, `plural`, `neuter` or unset, for pronouns (what `parse` accepts).
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
    /// Loads an actors TOML file; errors name `file:line:col`.
    pub fn load(path: &Path) -> Result<Actors, String> {
        let src = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read actors file {}: {e}", path.display()))?;
        Actors::parse(&src, &path.display().to_string())
    }

    /// Parses actors TOML; `origin` names the source in errors.
    pub fn parse(src: &str, origin: &str) -> Result<Actors, String> {
        let file: ActorsFile = toml::from_str(src).map_err(|e| {
            let (line, col) = e
                .span()
                .map(|s| crate::lexicon::line_col(src, s.start))
                .unwrap_or((0, 0));
            format!("{origin}:{line}:{col}: {}", e.message().trim())
        })?;
        for a in &file.actor {
            if let Some(g) = &a.gender
                && !matches!(g.as_str(), "male" | "female" | "plural" | "neuter")
            {
                let at = src.find(&format!("\"{g}\"")).unwrap_or(0);
                let (line, col) = crate::lexicon::line_col(src, at);
                return Err(format!(
                    "{origin}:{line}:{col}: gender of {} must be \"male\", \"female\", \"plural\" or \"neuter\", not {g:?}",
                    a.name
                ));
            }
        }
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
