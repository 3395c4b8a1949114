//! A mention turned into the speaker it names: a name as written or
//! expanded to the full name met earlier, a pronoun or a role pointed back
//! at a person, an organisation without its article.

use super::names::{NameIndex, People, clean_name};
use crate::attribution::mention::{Mention, MentionKind};
use crate::attribution::patterns::Attribution;
use crate::lexicon::Gender;
use crate::record::{Speaker, SpeakerKind};
use crate::text::words::Words;

/// What the mention turned out to be once resolved in [`speaker`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mentioned {
    /// A name, organisation or anonymous phrase, taken as written.
    AsWritten,
    /// `he`/`she` pointed back at a person.
    Pronoun,
    /// `the secretary` pointed back at a person.
    Role,
    /// A pronoun or role that points at nobody named.
    Unresolved,
}

/// The speaker a mention names, resolved within the article, and what
/// the mention turned out to be.
pub fn speaker(
    text: &str,
    words: &Words,
    names: &NameIndex,
    people: &People,
    a: &Attribution,
) -> (Speaker, Mentioned) {
    let m = &a.mention;
    let written = m.span.text(text);
    let (name, kind, mentioned) = match m.kind {
        MentionKind::Name => {
            let clean = clean_name(words, written);
            let name = if clean.contains(' ') {
                clean
            } else {
                names
                    .expand(&clean, m.span.start)
                    .map_or(clean, str::to_string)
            };
            (name, SpeakerKind::Person, Mentioned::AsWritten)
        }
        MentionKind::Pronoun(g) => match people.resolve(m.span.start, g) {
            // Only "he" and "she" point back at a person; "it", "they",
            // "I" and "we" stay as written.
            Some(n) if matches!(g, Gender::Masculine | Gender::Feminine) => {
                (n.to_string(), SpeakerKind::Person, Mentioned::Pronoun)
            }
            _ => (
                written.to_string(),
                SpeakerKind::Anonymous,
                Mentioned::Unresolved,
            ),
        },
        MentionKind::Anonymous => match role_reference(words, written) {
            Some(r) => match people.resolve_role(m.span.start, &r.to_lowercase()) {
                Some(n) => (n.to_string(), SpeakerKind::Person, Mentioned::Role),
                None => (
                    written.to_string(),
                    SpeakerKind::Anonymous,
                    Mentioned::Unresolved,
                ),
            },
            None => (
                written.to_string(),
                SpeakerKind::Anonymous,
                Mentioned::AsWritten,
            ),
        },
        // "the Pentagon" is the Pentagon wherever it is named; "her
        // campaign" is the campaign of whoever "her" is.
        MentionKind::Organisation => match owner_pronoun(written)
            .and_then(|(g, head)| Some((people.resolve(m.span.start, g)?, head)))
        {
            Some((owner, head)) => (
                format!("{owner}'s {head}"),
                SpeakerKind::Organisation,
                Mentioned::Pronoun,
            ),
            None => (
                strip_article(written).to_string(),
                SpeakerKind::Organisation,
                Mentioned::AsWritten,
            ),
        },
    };
    // The mention as the attribution points at it (`who`), the name as
    // resolved from the phrase it stands for.
    let pointed = m.written.unwrap_or(m.span);
    let speaker = Speaker {
        start: pointed.start,
        end: pointed.end,
        text: pointed.text(text).to_string(),
        name,
        kind,
        role: m.role.map(|r| r.text(text).to_string()),
    };
    (speaker, mentioned)
}

/// Does any quote's speaker need the article's full names (a one-word
/// name to expand), or its people (a pronoun or a role to point back)?
/// Mirrors the lookups of [`speaker`]; without them the index
/// and the people are never asked, so they need not be built.
pub fn resolution_needed<'m>(
    words: &Words,
    mentions: impl IntoIterator<Item = &'m Mention>,
) -> (bool, bool) {
    let mut names = false;
    let mut people = false;
    for m in mentions {
        let written = m.span.text(words.text);
        match m.kind {
            MentionKind::Name => names |= !clean_name(words, written).contains(' '),
            MentionKind::Pronoun(_) => people = true,
            MentionKind::Anonymous => people |= role_reference(words, written).is_some(),
            MentionKind::Organisation => people |= owner_pronoun(written).is_some(),
        }
    }
    (names || people, people)
}

/// Gender shown by the mention itself: a pronoun, or `Mr.`/`Mrs.`/`Ms.`.
pub fn gender_of(words: &Words, a: &Attribution) -> Option<Gender> {
    let m = &a.mention;
    if let MentionKind::Pronoun(g) = m.kind {
        return Some(g);
    }
    let role = m.role.map(|r| r.text(words.text)).unwrap_or_default();
    let from = (m.span.start.saturating_sub(6)..=m.span.start)
        .find(|&i| words.text.is_char_boundary(i))
        .unwrap_or(m.span.start);
    let before = &words.text[from..m.span.start];
    let honorific = format!("{role} {before}");
    if honorific.contains("Mr.") || honorific.contains("Mr ") {
        Some(Gender::Masculine)
    } else if honorific.contains("Mrs") || honorific.contains("Ms.") || honorific.contains("Ms ") {
        Some(Gender::Feminine)
    } else {
        None
    }
}

/// `the secretary`, `the former governor`: a definite role that points back
/// at someone named with it. Returns the role word. `the official` and
/// plural heads stay anonymous.
fn role_reference<'t>(words: &Words, mention: &'t str) -> Option<&'t str> {
    let rest = mention
        .strip_prefix("the ")
        .or_else(|| mention.strip_prefix("The "))?;
    let head = rest.rsplit(' ').next()?;
    let lower = head.to_lowercase();
    let anonymous = words.lexicon.anonymous_heads.contains(&lower)
        && !matches!(
            lower.as_str(),
            "secretary"
                | "president"
                | "chairman"
                | "director"
                | "spokesman"
                | "spokeswoman"
                | "senator"
                | "governor"
                | "mayor"
                | "minister"
                | "judge"
        );
    (words.lexicon.titles.contains(&lower) && !anonymous).then_some(head)
}

/// The gender of the possessive pronoun an organisation mention starts
/// with, and the rest of the mention: "his campaign" is (masculine,
/// "campaign"). Only "his" and "her": "their campaign" names no one person.
fn owner_pronoun(mention: &str) -> Option<(Gender, &str)> {
    let (first, rest) = mention.split_once(' ')?;
    let gender = match first {
        "his" | "His" => Gender::Masculine,
        "her" | "Her" => Gender::Feminine,
        _ => return None,
    };
    let rest = rest.trim();
    (!rest.is_empty()).then_some((gender, rest))
}

fn strip_article(name: &str) -> &str {
    for article in ["the ", "The "] {
        if let Some(rest) = name.strip_prefix(article) {
            return rest;
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn his_or_her_names_the_owner_of_an_organisation() {
        assert_eq!(
            owner_pronoun("His administration"),
            Some((Gender::Masculine, "administration"))
        );
        assert_eq!(owner_pronoun("the campaign"), None);
    }
}
