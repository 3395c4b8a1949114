//! Transcripts: interviews, debates and Q&A printed as turns, each
//! paragraph opening with its speaker's label (`BRANDT:`, `MR. PENCE:`,
//! `Q:`). A quote inside a turn with no attribution of its own is the
//! label's speaker's; before this, such a quote borrowed the speaker of
//! the quote before it, often the other side of the exchange.

use super::mention::{Mention, MentionKind};
use super::patterns::Attribution;
use crate::record::Span;
use crate::text::tokens::Token;
use crate::text::words::Words;

/// Words of a label at most (`MR. PENCE`, `SEN. TIM KAINE`).
const LABEL_WORDS: usize = 4;

/// Paragraph heads in capitals that name no speaker: `UPDATE:`,
/// `EDITOR'S NOTE:`, `WATCH:`.
const NOT_SPEAKERS: &[&str] = &[
    "update",
    "updated",
    "note",
    "editor's",
    "editors",
    "correction",
    "clarification",
    "email",
    "photo",
    "photos",
    "video",
    "watch",
    "read",
    "related",
    "source",
    "sources",
    "breaking",
    "exclusive",
    "more",
    "also",
    "disclosure",
    "transcript",
    "advertisement",
    "credit",
    "listen",
    "see",
    "latest",
];

/// Labelled paragraphs an article needs before its labels are read as
/// turns: one `UPDATE:` line is no transcript.
const MIN_TURNS: usize = 3;

/// Unlabelled paragraphs a turn may run on for (an answer over several
/// paragraphs).
const TURN_RUNS_ON: usize = 2;

/// The speaker label opening the paragraph `(ps, pe)`: up to
/// [`LABEL_WORDS`] words in capitals, or `Q` / `A`, then a colon with
/// words after it. A name label is a name mention (`BRANDT`), `Q` and `A`
/// are unnamed sources.
pub fn turn_label(w: &Words, toks: &[Token], (ps, pe): (usize, usize)) -> Option<Mention> {
    let colon = (ps..pe.min(ps + 2 * LABEL_WORDS + 1)).find(|&k| toks[k].is_punct(':'))?;
    if colon == ps || colon + 1 >= pe {
        return None;
    }
    let label = &toks[ps..colon];
    let words: Vec<&str> = label.iter().filter_map(|t| w.word(t)).collect();
    let only_words_and_stops = label.iter().all(|t| t.is_word() || t.is_punct('.'));
    if words.is_empty() || words.len() > LABEL_WORDS || !only_words_and_stops {
        return None;
    }
    let capitals = |x: &&str| {
        x.chars().any(char::is_alphabetic)
            && x.chars()
                .all(|c| c.is_uppercase() || c == '.' || c == '\'' || c == '’' || c == '-')
    };
    if !words.iter().all(capitals) {
        return None;
    }
    if words
        .iter()
        .any(|x| NOT_SPEAKERS.contains(&x.to_lowercase().as_str()))
    {
        return None;
    }
    let one_letter = words.len() == 1 && words[0].chars().count() == 1;
    let kind = match words[..] {
        ["Q" | "A"] => MentionKind::Anonymous,
        _ if one_letter => return None,
        _ => MentionKind::Name,
    };
    Some(Mention {
        written: None,
        span: Span::new(toks[ps].span.start, toks[colon - 1].span.end),
        role: None,
        kind,
        first_token: ps,
        end_token: colon,
    })
}

/// For each paragraph, the attribution its turn gives a quote in it: the
/// label opening it, or the one opening a paragraph at most
/// [`TURN_RUNS_ON`] before it while more turns follow (the exchange goes
/// on). Empty when the article has fewer than [`MIN_TURNS`] labelled
/// paragraphs or no label speaks twice.
pub fn transcript_turns(
    w: &Words,
    toks: &[Token],
    para_ranges: &[(usize, usize)],
) -> Vec<Option<Attribution>> {
    let labels: Vec<Option<Mention>> = para_ranges
        .iter()
        .map(|&p| turn_label(w, toks, p))
        .collect();
    let labelled: Vec<usize> = (0..labels.len()).filter(|&i| labels[i].is_some()).collect();
    let text_of = |m: &Mention| m.span.text(w.text).to_string();
    let speaks_twice = labelled.iter().enumerate().any(|(n, &i)| {
        let a = labels[i].as_ref().map(text_of);
        labelled[n + 1..]
            .iter()
            .any(|&j| labels[j].as_ref().map(text_of) == a)
    });
    if labelled.len() < MIN_TURNS || !speaks_twice {
        return Vec::new();
    }
    let last_turn = *labelled.last().unwrap_or(&0);
    let mut turns = vec![None; para_ranges.len()];
    for (i, turn) in turns.iter_mut().enumerate() {
        let opened = (i.saturating_sub(TURN_RUNS_ON)..=i)
            .rev()
            .find(|&k| labels[k].is_some())
            .filter(|&k| k == i || i < last_turn);
        *turn = opened.and_then(|k| {
            let mention = labels[k].clone()?;
            let colon = toks[mention.end_token].span;
            Some(Attribution {
                mention,
                cue: Some(colon),
                partial: false,
                split: false,
            })
        });
    }
    turns
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::quotes::spans::tokenize_paragraphs;

    fn read(text: &str) -> (Vec<Option<Attribution>>, String) {
        let lex = Lexicon::builtin();
        let w = Words::new(text, lex);
        let (toks, paras) = tokenize_paragraphs(text, &[], &|x| lex.is_abbreviation(x));
        let turns = transcript_turns(&w, &toks, &paras);
        (turns, text.to_string())
    }

    fn labels(text: &str) -> Vec<Option<String>> {
        let (turns, text) = read(text);
        turns
            .iter()
            .map(|t| t.as_ref().map(|a| a.mention.span.text(&text).to_string()))
            .collect()
    }

    #[test]
    fn labels_open_turns_that_run_on_while_the_exchange_goes_on() {
        let text = "Mayor talks levy.\n\nOKAFOR: What do you tell them?\n\nBRANDT: That it stays here.\n\nIt pays for dredging.\n\nOKAFOR: And then?\n\nMR. BRANDT: We wait.\n\nThe vote is on Monday.";
        assert_eq!(
            labels(text),
            vec![
                None,
                Some("OKAFOR".into()),
                Some("BRANDT".into()),
                Some("BRANDT".into()),
                Some("OKAFOR".into()),
                Some("MR. BRANDT".into()),
                // After the last turn the article's own voice is back.
                None,
            ]
        );
    }

    #[test]
    fn one_capital_heading_is_no_transcript() {
        let text = "Levy passes.\n\nUPDATE: The council voted 5-2.\n\nWATCH: the vote.\n\nEMAIL: desk@example.org.";
        assert!(labels(text).is_empty());
        // Three labels, none speaking twice: not an exchange either.
        let text = "Levy.\n\nBRANDT: Yes.\n\nOKAFOR: No.\n\nREYES: Maybe.";
        assert!(labels(text).is_empty());
    }

    #[test]
    fn q_and_a_are_unnamed_sources() {
        let text = "Q&A with the mayor.\n\nQ: Will you run?\n\nA: Ask me in spring.\n\nQ: Why?";
        let (turns, _) = read(text);
        let kinds: Vec<Option<MentionKind>> = turns
            .iter()
            .map(|t| t.as_ref().map(|a| a.mention.kind))
            .collect();
        assert_eq!(
            kinds,
            vec![
                None,
                Some(MentionKind::Anonymous),
                Some(MentionKind::Anonymous),
                Some(MentionKind::Anonymous)
            ]
        );
    }
}
