//! Regular English inflections for themes with `inflect = true`.
//!
//! The forms are generated when the matcher is compiled and go into the same automaton as the
//! terms, so inflection costs nothing at match time. Only regular morphology is covered:
//! `-s`/`-es`, `-ed`, `-ing`, `-y` → `-ies`/`-ied`, silent `-e` dropped before `-ing`/`-ed`, and a
//! doubled final consonant after a short vowel (`ban` → `banned`, `banning`), added next to the
//! undoubled form because the rule depends on stress (`visited`, not `visitted`). Irregular forms
//! (`seek` → `sought`, `crisis` → `crises`) are not produced: list them as terms.

/// The inflected forms of a single lowercase word, without the word itself, in a fixed order.
/// Words that do not end in an ASCII letter (numbers, acronyms with digits, non-Latin scripts)
/// get no forms.
pub fn forms(word: &str) -> Vec<String> {
    let b = word.as_bytes();
    let n = b.len();
    if n < 2 || !b[n - 1].is_ascii_lowercase() {
        return Vec::new();
    }
    let last = b[n - 1];
    let prev = b[n - 2];
    let stem = &word[..n - 1];
    let mut out: Vec<String> = Vec::with_capacity(6);
    let mut push = |s: String| {
        if s != word && !out.contains(&s) {
            out.push(s);
        }
    };
    if last == b'y' && !is_vowel(prev) {
        // study → studies, studied, studying
        push(format!("{stem}ies"));
        push(format!("{stem}ied"));
        push(format!("{word}ing"));
    } else if last == b'e' {
        push(format!("{word}s"));
        push(format!("{word}d"));
        if prev == b'i' {
            // tie → tying
            push(format!("{}ying", &word[..n - 2]));
        } else if prev == b'e' || prev == b'o' || prev == b'y' {
            // agree → agreeing, hoe → hoeing, dye → dyeing
            push(format!("{word}ing"));
        } else {
            // cooperate → cooperating
            push(format!("{stem}ing"));
        }
    } else if matches!(last, b's' | b'x' | b'z') || word.ends_with("ch") || word.ends_with("sh") {
        // focus → focuses, push → pushes
        push(format!("{word}es"));
        push(format!("{word}ed"));
        push(format!("{word}ing"));
    } else {
        push(format!("{word}s"));
        push(format!("{word}ed"));
        push(format!("{word}ing"));
        if n >= 3
            && !is_vowel(last)
            && !matches!(last, b'w' | b'x' | b'y')
            && is_vowel(prev)
            && !is_vowel(b[n - 3])
            && b[n - 3].is_ascii_lowercase()
        {
            // ban → banned, banning (short vowel + consonant)
            let c = last as char;
            push(format!("{word}{c}ed"));
            push(format!("{word}{c}ing"));
        }
    }
    out
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

#[cfg(test)]
mod tests {
    use super::forms;

    #[test]
    fn regular_verbs_and_plurals() {
        assert_eq!(
            forms("sanction"),
            ["sanctions", "sanctioned", "sanctioning"]
        );
        assert_eq!(
            forms("cooperate"),
            ["cooperates", "cooperated", "cooperating"]
        );
        assert_eq!(forms("study"), ["studies", "studied", "studying"]);
        assert_eq!(forms("delay"), ["delays", "delayed", "delaying"]);
        assert_eq!(forms("focus"), ["focuses", "focused", "focusing"]);
        assert_eq!(forms("agree"), ["agrees", "agreed", "agreeing"]);
        assert_eq!(forms("tie"), ["ties", "tied", "tying"]);
    }

    #[test]
    fn consonant_doubling_is_added_next_to_the_plain_form() {
        let f = forms("ban");
        assert!(f.contains(&"banned".to_string()));
        assert!(f.contains(&"banning".to_string()));
        assert!(f.contains(&"bans".to_string()));
        // `threaten` ends in a consonant-vowel-consonant too, but the doubled form is only extra.
        assert!(forms("threaten").contains(&"threatened".to_string()));
        // no doubling after a long vowel or a double vowel
        assert!(!forms("seek").contains(&"seekked".to_string()));
    }

    #[test]
    fn irregular_forms_and_non_words_are_not_produced() {
        assert!(!forms("seek").contains(&"sought".to_string()));
        assert!(!forms("crisis").contains(&"crises".to_string()));
        assert!(forms("g20").is_empty());
        assert!(forms("é").is_empty());
    }
}
