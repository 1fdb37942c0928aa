//! Word lists the sentence splitter consults when a period follows a word: abbreviations that never
//! end a sentence, abbreviations that do not end one before a number, and the words that typically
//! open a sentence after an initialism such as "U.S.".
//!
//! Each list is a `match` on the word, kept in alphabetical order: the compiler turns it into a
//! switch on the length and a few fixed-size comparisons, which profiling showed to be several times
//! cheaper than a `binary_search` over a slice (it runs at every period). No hashing, no start-up
//! cost. Entries are case-sensitive on purpose ("No. 5" versus "no.", "St. Petersburg" versus
//! "5th st.").

/// True for an abbreviation written before a name (titles, ranks, "Mt.", "St.") or the connectives
/// "v."/"vs.": a capitalised word always follows them, so a following capital is no evidence of a
/// new sentence.
pub(super) fn is_prepositive(word: &str) -> bool {
    matches!(
        word,
        "Adm"
            | "Amb"
            | "Brig"
            | "Capt"
            | "Cdr"
            | "Cmdr"
            | "Col"
            | "Cpl"
            | "Del"
            | "Dr"
            | "Drs"
            | "Fr"
            | "Ft"
            | "Gen"
            | "Gov"
            | "Hon"
            | "Insp"
            | "Lt"
            | "Maj"
            | "Messrs"
            | "Mlle"
            | "Mme"
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Msgr"
            | "Mt"
            | "Pres"
            | "Prof"
            | "Pvt"
            | "Rep"
            | "Reps"
            | "Rev"
            | "Sen"
            | "Sens"
            | "Sgt"
            | "St"
            | "Supt"
            | "v"
            | "vs"
    )
}

/// True for another abbreviation: it ends a sentence only before a capitalised word
/// ("& Co. It closed"), not before a number ("No. 5", "Jan. 5", "p. 55") or a bracket
/// ("Inc. (“Company A”)").
pub(super) fn is_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "Apr"
            | "Art"
            | "Aug"
            | "Ave"
            | "Blvd"
            | "Bros"
            | "Ch"
            | "Co"
            | "Corp"
            | "Dec"
            | "Dept"
            | "Feb"
            | "Fig"
            | "Inc"
            | "Jan"
            | "Jr"
            | "Jul"
            | "Jun"
            | "Ltd"
            | "Mar"
            | "No"
            | "Nos"
            | "Nov"
            | "N°"
            | "Oct"
            | "Rd"
            | "Rs"
            | "Sec"
            | "Sep"
            | "Sept"
            | "Sr"
            | "Vol"
            | "al"
            | "approx"
            | "art"
            | "cf"
            | "ch"
            | "co"
            | "dept"
            | "est"
            | "etc"
            | "fig"
            | "no"
            | "nos"
            | "p"
            | "para"
            | "pp"
            | "rs"
            | "sec"
            | "st"
            | "vol"
    )
}

/// True for a word that typically opens a sentence ("The", "He", "How"). After an initialism
/// ("U.S.", "E.U.", "a.m.") a capitalised word is usually part of a name ("U.S. Government",
/// "a.m. Mr. Smith"), so the initialism ends the sentence only when one of these follows
/// ("I live in the U.S. How about you?").
pub(super) fn is_starter(word: &str) -> bool {
    matches!(
        word,
        "A" | "After"
            | "All"
            | "Also"
            | "An"
            | "And"
            | "As"
            | "At"
            | "Both"
            | "But"
            | "By"
            | "Did"
            | "Do"
            | "Does"
            | "During"
            | "Each"
            | "For"
            | "From"
            | "He"
            | "Her"
            | "His"
            | "How"
            | "However"
            | "I"
            | "If"
            | "In"
            | "It"
            | "Its"
            | "Many"
            | "Meanwhile"
            | "More"
            | "Most"
            | "Now"
            | "On"
            | "One"
            | "Our"
            | "She"
            | "Since"
            | "So"
            | "Some"
            | "That"
            | "The"
            | "Their"
            | "There"
            | "These"
            | "They"
            | "This"
            | "Those"
            | "Thus"
            | "To"
            | "Under"
            | "We"
            | "What"
            | "When"
            | "Where"
            | "While"
            | "Who"
            | "Why"
            | "With"
            | "Yet"
            | "You"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_are_case_sensitive() {
        assert!(is_prepositive("St"));
        assert!(!is_prepositive("ST"));
        assert!(is_abbreviation("No"));
        assert!(is_abbreviation("N°"));
        assert!(!is_abbreviation("Putin"));
        assert!(is_starter("How"));
        assert!(!is_starter("Government"));
    }
}
