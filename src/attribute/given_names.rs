//! Given names that tell a person's gender, for pronouns: "she said" after "Josh Earnest" and
//! "Hillary Clinton" spoke goes to Clinton. Only names that are almost always one gender in
//! English-language news (no Jordan, Kelly, Terry, Jean, Andrea, Sasha); a name not listed, or
//! an actors file's `gender`, or a title (Mr, Ms) decides otherwise.

use super::names::WordFilter;
use foldhash::fast::FixedState;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Given names of men, sorted (a test checks it).
const MALE: &[&str] = &[
    "aaron",
    "abdel",
    "abdullah",
    "adam",
    "ahmed",
    "alan",
    "albert",
    "alexander",
    "alexei",
    "andrei",
    "andrew",
    "angus",
    "anthony",
    "antonio",
    "arthur",
    "barack",
    "barry",
    "ben",
    "benjamin",
    "bernard",
    "bernie",
    "bill",
    "bob",
    "bobby",
    "boris",
    "brad",
    "bradley",
    "brandon",
    "brian",
    "bruce",
    "carl",
    "carlos",
    "charles",
    "chuck",
    "craig",
    "dan",
    "daniel",
    "darrell",
    "dave",
    "david",
    "dennis",
    "dick",
    "dmitry",
    "donald",
    "doug",
    "douglas",
    "earl",
    "ed",
    "eddie",
    "edward",
    "emmanuel",
    "eric",
    "frank",
    "fred",
    "gary",
    "george",
    "gerald",
    "glenn",
    "greg",
    "gregory",
    "harold",
    "harry",
    "henry",
    "howard",
    "hugh",
    "ian",
    "igor",
    "ivan",
    "jack",
    "jacob",
    "jake",
    "james",
    "jason",
    "jeb",
    "jeff",
    "jeffrey",
    "jeremy",
    "jerry",
    "jim",
    "jimmy",
    "joe",
    "joel",
    "john",
    "johnny",
    "jon",
    "jonathan",
    "jose",
    "joseph",
    "josh",
    "joshua",
    "juan",
    "justin",
    "keith",
    "ken",
    "kenneth",
    "kevin",
    "larry",
    "lawrence",
    "luis",
    "marco",
    "mark",
    "martin",
    "matt",
    "matthew",
    "michael",
    "mike",
    "mikhail",
    "mitch",
    "mitt",
    "mohammed",
    "muhammad",
    "newt",
    "nicholas",
    "nick",
    "nikolai",
    "patrick",
    "paul",
    "peter",
    "phil",
    "philip",
    "ralph",
    "rand",
    "randy",
    "raymond",
    "reince",
    "richard",
    "rick",
    "rob",
    "robert",
    "roger",
    "ron",
    "ronald",
    "rudy",
    "russell",
    "ryan",
    "sam",
    "samuel",
    "scott",
    "sean",
    "sergei",
    "sergey",
    "stephen",
    "steve",
    "steven",
    "ted",
    "thomas",
    "tim",
    "timothy",
    "todd",
    "tom",
    "tony",
    "viktor",
    "vincent",
    "vladimir",
    "walter",
    "wayne",
    "william",
    "yuri",
];

/// Given names of women, sorted (a test checks it).
const FEMALE: &[&str] = &[
    "alice",
    "amanda",
    "amy",
    "angela",
    "ann",
    "anna",
    "anne",
    "barbara",
    "betsy",
    "betty",
    "brenda",
    "carly",
    "carol",
    "caroline",
    "catherine",
    "cheryl",
    "christine",
    "claire",
    "cynthia",
    "debbie",
    "deborah",
    "diana",
    "diane",
    "donna",
    "dorothy",
    "elena",
    "elizabeth",
    "ellen",
    "emily",
    "emma",
    "hannah",
    "heather",
    "heidi",
    "helen",
    "hillary",
    "huma",
    "irina",
    "ivanka",
    "janet",
    "jennifer",
    "jessica",
    "jill",
    "joan",
    "joyce",
    "judith",
    "judy",
    "julia",
    "julie",
    "karen",
    "katherine",
    "kathleen",
    "kathryn",
    "katie",
    "kimberly",
    "laura",
    "lauren",
    "linda",
    "lisa",
    "loretta",
    "margaret",
    "maria",
    "marie",
    "marine",
    "martha",
    "mary",
    "megan",
    "megyn",
    "melania",
    "melissa",
    "michelle",
    "nancy",
    "natalia",
    "nicole",
    "nikki",
    "olga",
    "pamela",
    "patricia",
    "rachel",
    "rebecca",
    "ruth",
    "samantha",
    "sandra",
    "sarah",
    "sharon",
    "stephanie",
    "susan",
    "svetlana",
    "tatiana",
    "tatyana",
    "teresa",
    "theresa",
    "valentina",
    "victoria",
    "virginia",
];

type GenderMap = HashMap<&'static [u8], char, FixedState>;

/// The two lists as one map (given name → 'm' or 'w'), behind a filter that turns most other
/// words away before hashing (this runs for every new name of every document).
static GENDER: LazyLock<(WordFilter, GenderMap)> = LazyLock::new(|| {
    let words = MALE
        .iter()
        .map(|w| (w.as_bytes(), 'm'))
        .chain(FEMALE.iter().map(|w| (w.as_bytes(), 'w')));
    (
        WordFilter::of(words.clone().map(|(w, _)| w)),
        words.collect(),
    )
});

/// 'm' when the first word of `name` is a man's given name listed here ("Josh Earnest"), 'w'
/// when a woman's ("Hillary Clinton": a "she", though not preferred over a more recent speaker
/// the way a woman known by title is); `None` for a one-word name (a surname says nothing).
pub(super) fn gender(name: &str) -> Option<char> {
    let b = name.as_bytes();
    let sp = b.iter().position(|&c| c == b' ')?;
    let first = &b[..sp];
    let mut buf = [0u8; 12];
    if sp + 1 == b.len() || first.len() > buf.len() {
        return None;
    }
    let (filter, map) = &*GENDER;
    if !filter.may_contain_lower(first) {
        return None;
    }
    let lower = &mut buf[..first.len()];
    lower.copy_from_slice(first);
    lower.make_ascii_lowercase();
    map.get(&*lower).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_are_sorted_and_disjoint() {
        for list in [MALE, FEMALE] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{:?}", list);
        }
        assert!(MALE.iter().all(|m| FEMALE.binary_search(m).is_err()));
    }

    #[test]
    fn a_given_name_tells_the_gender_a_surname_alone_does_not() {
        assert_eq!(gender("Josh Earnest"), Some('m'));
        assert_eq!(gender("Hillary Clinton"), Some('w'));
        assert_eq!(gender("Maria Zakharova"), Some('w'));
        assert_eq!(gender("Jordan Smith"), None);
        assert_eq!(gender("Clinton"), None);
    }
}
