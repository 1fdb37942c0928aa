//! Word lists the sentence splitter consults when a period follows a word: abbreviations that never
//! end a sentence, abbreviations that do not end one before a number, and the words that typically
//! open a sentence after an initialism such as "U.S.".
//!
//! Every list is a sorted `const` slice searched with `binary_search`: no hashing, no start-up cost,
//! and a test checks that each list stays sorted. Entries are case-sensitive on purpose ("No. 5"
//! versus "no.", "St. Petersburg" versus "5th st.").

/// Abbreviations written before a name (titles, ranks, "Mt.", "St.") and the connectives "v."/"vs.":
/// a capitalised word always follows them, so a following capital is no evidence of a new sentence.
const PREPOSITIVE: &[&str] = &[
    "Adm", "Amb", "Brig", "Capt", "Cdr", "Cmdr", "Col", "Cpl", "Dr", "Drs", "Fr", "Ft", "Gen",
    "Gov", "Hon", "Insp", "Lt", "Maj", "Messrs", "Mlle", "Mme", "Mr", "Mrs", "Ms", "Msgr", "Mt",
    "Pres", "Prof", "Pvt", "Rep", "Reps", "Rev", "Sen", "Sens", "Sgt", "St", "Supt", "v", "vs",
];

/// Other abbreviations: they end a sentence before a capital ("& Co. It closed"), but not before a
/// number ("No. 5", "Jan. 5", "p. 55") or a lowercase word (that rule applies to every word).
const ABBREVIATIONS: &[&str] = &[
    "Apr", "Art", "Aug", "Ave", "Blvd", "Bros", "Ch", "Co", "Corp", "Dec", "Dept", "Feb", "Fig",
    "Inc", "Jan", "Jr", "Jul", "Jun", "Ltd", "Mar", "No", "Nos", "Nov", "N°", "Oct", "Rd", "Rs",
    "Sec", "Sep", "Sept", "Sr", "Vol", "al", "approx", "art", "cf", "ch", "co", "dept", "est",
    "etc", "fig", "no", "nos", "p", "para", "pp", "sec", "st", "vol",
];

/// Words that open a sentence. After an initialism ("U.S.", "E.U.", "a.m.") a capitalised word is
/// usually part of a name ("U.S. Government", "a.m. Mr. Smith"), so the initialism ends the sentence
/// only when one of these follows ("I live in the U.S. How about you?").
const STARTERS: &[&str] = &[
    "A",
    "After",
    "All",
    "Also",
    "An",
    "And",
    "As",
    "At",
    "Both",
    "But",
    "By",
    "Did",
    "Do",
    "Does",
    "During",
    "Each",
    "For",
    "From",
    "He",
    "Her",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Many",
    "Meanwhile",
    "More",
    "Most",
    "Now",
    "On",
    "One",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Thus",
    "To",
    "Under",
    "We",
    "What",
    "When",
    "Where",
    "While",
    "Who",
    "Why",
    "With",
    "Yet",
    "You",
];

/// True for an abbreviation that is always followed by a name ("Mr", "St", "Gen", "vs").
pub(super) fn is_prepositive(word: &str) -> bool {
    PREPOSITIVE.binary_search(&word).is_ok()
}

/// True for an abbreviation that does not end a sentence before a number ("No", "Jan", "p").
pub(super) fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.binary_search(&word).is_ok()
}

/// True for a word that typically opens a sentence ("The", "He", "How").
pub(super) fn is_starter(word: &str) -> bool {
    STARTERS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_and_unique_so_binary_search_finds_every_entry() {
        for list in [PREPOSITIVE, ABBREVIATIONS, STARTERS] {
            for pair in list.windows(2) {
                assert!(
                    pair[0] < pair[1],
                    "{:?} must come before {:?}",
                    pair[0],
                    pair[1]
                );
            }
        }
    }

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
