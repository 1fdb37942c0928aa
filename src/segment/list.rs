//! Lists written inside one paragraph ("1. First 2. Second", "a. One b. Two", "• Tea • Coffee"):
//! their items need not end with punctuation, so the splitter cannot find their ends; this module
//! finds where each item starts instead.
//!
//! Only a paragraph that *opens* with a marker is a list, and after a numbered or lettered marker
//! only the *next* label in sequence ("2." after "1.") starts an item: so "He was 1. Then 2. came"
//! inside ordinary prose is left alone, and a number in an item ("item 5 of 10") never splits it.

/// Characters that open a list item on their own.
const BULLETS: &[char] = &['•', '⁃', '◦', '▪'];

/// A numbered or lettered label and the punctuation after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Label {
    /// The number, or the letter's byte (`b'a'`..=`b'z'`).
    value: u32,
    /// True for a letter label.
    letter: bool,
    /// The punctuation after the label: `.`, `.)` or `)`.
    style: &'static str,
}

impl Label {
    /// The label that follows this one in a list, if any ("z." has none).
    fn succ(self) -> Option<Label> {
        if self.letter && self.value >= u32::from(b'z') {
            return None;
        }
        Some(Label {
            value: self.value + 1,
            ..self
        })
    }
}

/// A list marker at the start of an item: a bullet, a label, or both ("• 9.").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Marker {
    bullet: Option<char>,
    label: Option<Label>,
}

/// Reads a marker at the start of `s` (a token start), if there is one.
fn parse(s: &str) -> Option<Marker> {
    let mut rest = s;
    let bullet = rest.chars().next().filter(|c| BULLETS.contains(c));
    if let Some(c) = bullet {
        rest = rest[c.len_utf8()..].trim_start_matches(' ');
    }
    let label = parse_label(rest);
    if bullet.is_none() && label.is_none() {
        return None;
    }
    Some(Marker { bullet, label })
}

/// Reads "12." / "12.)" / "12)" / "b." / "b)" followed by whitespace. Letters are lowercase only,
/// so that initials ("J. K. Rowling") are never taken for a list.
fn parse_label(s: &str) -> Option<Label> {
    let b = s.as_bytes();
    let digits = b.iter().take_while(|x| x.is_ascii_digit()).count();
    let (value, letter, n) = match digits {
        1..=3 => (s[..digits].parse().ok()?, false, digits),
        0 if b.first().is_some_and(u8::is_ascii_lowercase) => (u32::from(b[0]), true, 1),
        _ => return None,
    };
    let after = &s[n..];
    let style = [".)", ".", ")"]
        .into_iter()
        .find(|p| after.starts_with(p))?;
    let tail = &after[style.len()..];
    if !tail.starts_with(char::is_whitespace) {
        return None;
    }
    Some(Label {
        value,
        letter,
        style,
    })
}

/// Where the items after the first start, as byte offsets into `text`, in order. Empty unless the
/// paragraph `text[start..end]` (already trimmed) opens with a list marker.
pub(super) fn item_starts(text: &str, start: usize, end: usize) -> Vec<usize> {
    let para = &text[start..end];
    let mut out = Vec::new();
    let Some(first) = parse(para) else {
        return out;
    };
    // After a bullet, every later token opening with the same bullet starts an item; otherwise the
    // next label in sequence does.
    let mut expected = first.label.and_then(Label::succ);
    let mut after_space = false;
    for (off, c) in para.char_indices() {
        if c.is_whitespace() {
            after_space = true;
            continue;
        }
        if after_space && let Some(m) = parse(&para[off..]) {
            let hit = match first.bullet {
                Some(b) => m.bullet == Some(b),
                None => m.bullet.is_none() && m.label.is_some() && m.label == expected,
            };
            if hit {
                out.push(start + off);
                expected = m.label.and_then(Label::succ);
            }
        }
        after_space = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(s: &str) -> Vec<&str> {
        let mut starts = vec![0];
        starts.extend(item_starts(s, 0, s.len()));
        starts.push(s.len());
        starts.windows(2).map(|w| s[w[0]..w[1]].trim()).collect()
    }

    #[test]
    fn numbered_items_split_at_the_next_number_in_sequence() {
        assert_eq!(
            items("1. The first item 2. The second item 3. The third"),
            ["1. The first item", "2. The second item", "3. The third"]
        );
        assert_eq!(
            items("1) Buy 5 apples 2) Eat 3 of them"),
            ["1) Buy 5 apples", "2) Eat 3 of them"]
        );
    }

    #[test]
    fn out_of_sequence_numbers_do_not_split() {
        assert_eq!(items("1. Take 3. Then more"), ["1. Take 3. Then more"]);
        assert_eq!(items("He won 1. Then 2. came"), ["He won 1. Then 2. came"]);
    }

    #[test]
    fn bullets_split_before_each_bullet() {
        assert_eq!(
            items("• Tea • Coffee • Milk"),
            ["• Tea", "• Coffee", "• Milk"]
        );
        assert_eq!(
            items("⁃9. The first item ⁃10. The second item"),
            ["⁃9. The first item", "⁃10. The second item"]
        );
    }

    #[test]
    fn letters_are_lowercase_only_so_initials_are_not_lists() {
        assert_eq!(items("a. one b. two"), ["a. one", "b. two"]);
        assert_eq!(items("J. K. Rowling wrote"), ["J. K. Rowling wrote"]);
        assert!(parse("J. K. Rowling").is_none());
        assert!(parse("z) last").is_some());
        assert_eq!(items("z) last a) first"), ["z) last a) first"]);
    }
}
