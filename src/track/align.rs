//! Word alignment of a rendition against a statement's reference, and what
//! the differences mean: cut, elided, changed, added, left out.

use serde::Serialize;

use super::normalize::Words;

/// How a rendition relates to the statement's fullest rendition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The same words once case, punctuation, marks, spelling and editors'
    /// brackets are folded.
    Same,
    /// A fragment: words cut from the start or the end, nothing else.
    Partial,
    /// Words left out where the rendition shows an ellipsis.
    Elided,
    /// Words changed, added, or left out of the middle with no ellipsis.
    Altered,
    /// In an article that reprints another article of the statement (wire
    /// copy, a story run again): not an independent report. Worked out
    /// when a statement is read (src/track/reprint.rs), never stored, so
    /// `renditions.relation` holds only the four above.
    Reprint,
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Same => "same",
            Relation::Partial => "partial",
            Relation::Elided => "elided",
            Relation::Altered => "altered",
            Relation::Reprint => "reprint",
        }
    }

    pub fn parse(s: &str) -> Option<Relation> {
        Some(match s {
            "same" => Relation::Same,
            "partial" => Relation::Partial,
            "elided" => Relation::Elided,
            "altered" => Relation::Altered,
            "reprint" => Relation::Reprint,
            _ => return None,
        })
    }
}

/// Where in the reference a change falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    Start,
    Middle,
    End,
}

/// What kind of difference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Reference words missing from the rendition (cut at the start or
    /// end, or an omission in the middle).
    LeftOut,
    /// Reference words missing where the rendition has an ellipsis.
    Elided,
    /// Words in the rendition that the reference does not have.
    Added,
    /// Reference words replaced by other words.
    Changed,
}

/// One difference, as word ranges (end exclusive) into the reference and
/// the rendition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub kind: ChangeKind,
    pub reference: (usize, usize),
    pub rendition: (usize, usize),
    pub at: Position,
}

/// One step of an alignment, as word ranges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Equal {
        r: (usize, usize),
        q: (usize, usize),
    },
    /// Reference words with no counterpart; `q` is the rendition gap.
    Delete { r: (usize, usize), q: usize },
    /// Rendition words with no counterpart; `r` is the reference gap.
    Insert { r: usize, q: (usize, usize) },
    Replace {
        r: (usize, usize),
        q: (usize, usize),
    },
}

/// Above this many cells the middle of two very long, very different
/// texts is treated as one replacement rather than aligned word by word.
const MAX_CELLS: usize = 4_000_000;

/// Align two word sequences by longest common subsequence (after trimming
/// the common prefix and suffix), grouped into runs.
pub fn align(r: &[&str], q: &[&str]) -> Vec<Op> {
    let ops = align_trimmed(r, q, false);
    // `I love Oreos. I will never eat them again` and `I will never eat
    // them again`: the common prefix ("I") taken first splits a fragment
    // that is whole at the end into an omission in the middle. Taking the
    // suffix first may align it whole: of two alignments the one with
    // fewer differences in the middle, then fewer in all, is the one meant.
    let differences = |ops: &[Op]| {
        let is_equal = |op: &Op| matches!(op, Op::Equal { .. });
        let all = ops.iter().filter(|op| !is_equal(op)).count();
        let ends = ops.first().is_some_and(|op| !is_equal(op)) as usize
            + (ops.len() > 1 && ops.last().is_some_and(|op| !is_equal(op))) as usize;
        (all - ends, all)
    };
    let mine = differences(&ops);
    if mine.0 > 0 {
        // `I am so sick — I am so sick of the lying` and `I am so sick of
        // the lying`: with the repeated words in the middle neither end
        // trims to the fragment, but it stands whole in the fuller one. A
        // few words whole somewhere in a long quote ("I think she will")
        // say less: they may be the same words in another sentence.
        if let Some(whole) = contiguous(r, q) {
            return whole;
        }
        let other = align_trimmed(r, q, true);
        if differences(&other) < mine {
            return other;
        }
    }
    ops
}

/// The fewest words a rendition standing whole inside the other must have
/// for [`contiguous`] to align it there.
const WHOLE_AT_LEAST: usize = 6;

/// The alignment of a rendition of at least [`WHOLE_AT_LEAST`] words
/// standing word for word, in one piece, inside the other (or the other
/// inside it): the rest cut from its ends.
fn contiguous(r: &[&str], q: &[&str]) -> Option<Vec<Op>> {
    let (long, short) = if q.len() > r.len() { (q, r) } else { (r, q) };
    if short.len() < WHOLE_AT_LEAST || short.len() == long.len() {
        return None;
    }
    let at = long.windows(short.len()).position(|w| w == short)?;
    let end = at + short.len();
    let mut ops = Vec::with_capacity(3);
    if long.len() == r.len() {
        if at > 0 {
            ops.push(Op::Delete { r: (0, at), q: 0 });
        }
        ops.push(Op::Equal {
            r: (at, end),
            q: (0, short.len()),
        });
        if end < long.len() {
            ops.push(Op::Delete {
                r: (end, long.len()),
                q: short.len(),
            });
        }
    } else {
        if at > 0 {
            ops.push(Op::Insert { r: 0, q: (0, at) });
        }
        ops.push(Op::Equal {
            r: (0, short.len()),
            q: (at, end),
        });
        if end < long.len() {
            ops.push(Op::Insert {
                r: short.len(),
                q: (end, long.len()),
            });
        }
    }
    Some(ops)
}

/// [`align`] trimming the common prefix first, or the common suffix first
/// (`suffix_first`).
fn align_trimmed(r: &[&str], q: &[&str], suffix_first: bool) -> Vec<Op> {
    let common =
        |a: &mut dyn Iterator<Item = (&&str, &&str)>| a.take_while(|(x, y)| x == y).count();
    let (prefix, suffix) = if suffix_first {
        let suffix = common(&mut r.iter().rev().zip(q.iter().rev()));
        let prefix = common(&mut r[..r.len() - suffix].iter().zip(&q[..q.len() - suffix]));
        (prefix, suffix)
    } else {
        let prefix = common(&mut r.iter().zip(q));
        let suffix = common(&mut r[prefix..].iter().rev().zip(q[prefix..].iter().rev()));
        (prefix, suffix)
    };
    let (rm, qm) = (&r[prefix..r.len() - suffix], &q[prefix..q.len() - suffix]);
    // Steps: (advance r, advance q).
    let mut steps: Vec<(bool, bool)> = vec![(true, true); prefix];
    if rm.len().saturating_mul(qm.len()) > MAX_CELLS {
        steps.extend(std::iter::repeat_n((true, false), rm.len()));
        steps.extend(std::iter::repeat_n((false, true), qm.len()));
    } else {
        steps.extend(lcs_steps(rm, qm));
    }
    steps.extend(std::iter::repeat_n((true, true), suffix));
    group(&steps)
}

/// The LCS path through the middle, as steps.
fn lcs_steps(r: &[&str], q: &[&str]) -> Vec<(bool, bool)> {
    let (n, m) = (r.len(), q.len());
    let w = m + 1;
    // table[i][j] = LCS length of r[i..] and q[j..].
    let mut table = vec![0u32; (n + 1) * w];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[i * w + j] = if r[i] == q[j] {
                table[(i + 1) * w + j + 1] + 1
            } else {
                table[(i + 1) * w + j].max(table[i * w + j + 1])
            };
        }
    }
    let mut steps = Vec::with_capacity(n + m);
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && r[i] == q[j] {
            steps.push((true, true));
            i += 1;
            j += 1;
        } else if j == m || (i < n && table[(i + 1) * w + j] >= table[i * w + j + 1]) {
            steps.push((true, false));
            i += 1;
        } else {
            steps.push((false, true));
            j += 1;
        }
    }
    steps
}

fn group(steps: &[(bool, bool)]) -> Vec<Op> {
    let mut ops = Vec::new();
    let (mut i, mut j) = (0, 0);
    let mut k = 0;
    while k < steps.len() {
        if steps[k] == (true, true) {
            let (si, sj) = (i, j);
            while k < steps.len() && steps[k] == (true, true) {
                i += 1;
                j += 1;
                k += 1;
            }
            ops.push(Op::Equal {
                r: (si, i),
                q: (sj, j),
            });
        } else {
            let (si, sj) = (i, j);
            while k < steps.len() && steps[k] != (true, true) {
                if steps[k].0 {
                    i += 1;
                } else {
                    j += 1;
                }
                k += 1;
            }
            ops.push(match (i > si, j > sj) {
                (true, true) => Op::Replace {
                    r: (si, i),
                    q: (sj, j),
                },
                (true, false) => Op::Delete { r: (si, i), q: sj },
                _ => Op::Insert { r: si, q: (sj, j) },
            });
        }
    }
    ops
}

/// A rendition compared with the reference.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub relation: Relation,
    pub changes: Vec<Change>,
    /// Words the speaker said (not editors' insertions) found in both, in
    /// order.
    pub matched: usize,
    /// How far apart, in reference words, the first and last matched words
    /// lie; a fragment's matches are close together.
    pub span: usize,
    /// Words changed or added.
    pub altered: bool,
    /// Words left out of the middle with no ellipsis to say so.
    pub omission: bool,
    /// What the matched words say: the sum of their rarity weights
    /// ([`super::evidence::weight`]).
    pub info: f64,
    /// Every word matched lies inside quote marks within the reference,
    /// none within the rendition: the reference quotes the rendition's
    /// words as someone's ("when I said, 'No boots on the ground,'").
    pub quoted_within: bool,
}

/// Compare `rendition` with `reference` word by word.
pub fn compare(reference: &Words, rendition: &Words) -> Comparison {
    let r: Vec<&str> = reference.words.iter().map(|w| w.norm.as_str()).collect();
    let q: Vec<&str> = rendition.words.iter().map(|w| w.norm.as_str()).collect();
    let ops = align(&r, &q);
    let all_bracketed =
        |words: &Words, (a, b): (usize, usize)| words.words[a..b].iter().all(|w| w.bracketed);
    let mut changes = Vec::new();
    let mut matched = 0;
    let mut info = 0.0;
    let (mut first, mut last) = (None, 0);
    let mut quoted_within = true;
    for op in &ops {
        match *op {
            Op::Equal {
                r: (a, b),
                q: (c, d),
            } => {
                quoted_within &= reference.words[a..b].iter().all(|w| w.nested)
                    && !rendition.words[c..d].iter().any(|w| w.nested);
                let mut spoken = 0;
                for w in reference.words[a..b].iter().filter(|w| !w.bracketed) {
                    spoken += 1;
                    info += super::evidence::weight(&w.norm);
                }
                matched += spoken;
                if spoken > 0 {
                    first.get_or_insert(a);
                    last = b;
                }
            }
            Op::Delete { r: range, q: gap } => {
                // An editor's insertion in the reference is not a word the
                // rendition left out.
                if all_bracketed(reference, range) {
                    continue;
                }
                let at = position(range, r.len());
                let kind = if rendition.elided_at(gap) {
                    ChangeKind::Elided
                } else {
                    ChangeKind::LeftOut
                };
                changes.push(Change {
                    kind,
                    reference: range,
                    rendition: (gap, gap),
                    at,
                });
            }
            Op::Insert { r: gap, q: range } => {
                // Brackets are the editor's; words where the reference
                // itself shows an ellipsis are ones it left out.
                if all_bracketed(rendition, range) || reference.elided_at(gap) {
                    continue;
                }
                changes.push(Change {
                    kind: ChangeKind::Added,
                    reference: (gap, gap),
                    rendition: range,
                    at: position((gap, gap), r.len()),
                });
            }
            Op::Replace { r: rr, q: qr } => {
                // "[the president]" for "he": the editor's clarification.
                if all_bracketed(rendition, qr) || all_bracketed(reference, rr) {
                    continue;
                }
                changes.push(Change {
                    kind: ChangeKind::Changed,
                    reference: rr,
                    rendition: qr,
                    at: position(rr, r.len()),
                });
            }
        }
    }
    let altered = changes
        .iter()
        .any(|c| matches!(c.kind, ChangeKind::Added | ChangeKind::Changed));
    let omission = changes
        .iter()
        .any(|c| c.kind == ChangeKind::LeftOut && c.at == Position::Middle);
    let relation = if altered || omission {
        Relation::Altered
    } else if changes.iter().any(|c| c.kind == ChangeKind::Elided) {
        Relation::Elided
    } else if changes.is_empty() {
        Relation::Same
    } else {
        Relation::Partial
    };
    Comparison {
        relation,
        changes,
        matched,
        span: first.map_or(0, |f| last - f),
        altered,
        omission,
        info,
        quoted_within: quoted_within && matched > 0,
    }
}

fn position((a, b): (usize, usize), len: usize) -> Position {
    if a == 0 {
        Position::Start
    } else if b >= len {
        Position::End
    } else {
        Position::Middle
    }
}

/// How well a comparison fits, for choosing between candidate statements:
/// share of the shorter quote found, then words found.
pub fn score(c: &Comparison, reference: &Words, rendition: &Words) -> (u32, usize) {
    let shorter = reference.spoken().min(rendition.spoken()).max(1);
    ((c.matched * 1000 / shorter) as u32, c.matched)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::track::evidence::{Agreement, Context, same_statement};
    use crate::track::normalize::words;

    const FULL: &str = "We will not gamble with the safety of families in the lower neighborhoods, and we will not put this barrier into service until every inspection is complete and every gate has been tested under load";

    fn cmp(reference: &str, rendition: &str) -> Comparison {
        compare(&words(reference), &words(rendition))
    }

    fn linked(a: &str, b: &str, same_speaker: bool) -> bool {
        let (wa, wb) = (words(a), words(b));
        let (r, q) = if wa.len() >= wb.len() {
            (wa, wb)
        } else {
            (wb, wa)
        };
        let ctx = Context::apart(Agreement::named(same_speaker));
        same_statement(&compare(&r, &q), &r, &q, ctx)
    }

    #[test]
    fn align_groups_runs() {
        let ops = align(&["a", "b", "c", "d"], &["a", "x", "c"]);
        assert_eq!(
            ops,
            [
                Op::Equal {
                    r: (0, 1),
                    q: (0, 1)
                },
                Op::Replace {
                    r: (1, 2),
                    q: (1, 2)
                },
                Op::Equal {
                    r: (2, 3),
                    q: (2, 3)
                },
                Op::Delete { r: (3, 4), q: 3 },
            ]
        );
        assert_eq!(align(&[], &["a"]), [Op::Insert { r: 0, q: (0, 1) }]);
    }

    #[test]
    fn a_fragment_whole_at_the_end_is_no_omission() {
        let full = ["i", "love", "oreos", "i", "will", "never", "eat", "them"];
        let ops = align(&full, &full[3..]);
        assert_eq!(
            ops,
            [
                Op::Delete { r: (0, 3), q: 0 },
                Op::Equal {
                    r: (3, 8),
                    q: (0, 5)
                },
            ]
        );
        // ... and whole at the start, likewise.
        let full = ["i", "will", "never", "eat", "them", "i", "said"];
        let ops = align(&full, &["i", "said"]);
        assert_eq!(
            ops,
            [
                Op::Delete { r: (0, 5), q: 0 },
                Op::Equal {
                    r: (5, 7),
                    q: (0, 2)
                },
            ]
        );
    }

    #[test]
    fn a_fragment_whole_after_repeated_words_is_no_omission() {
        let full = [
            "so", "sick", "so", "sick", "of", "the", "lying", "again", "today",
        ];
        let ops = align(&full, &full[2..8]);
        assert_eq!(
            ops,
            [
                Op::Delete { r: (0, 2), q: 0 },
                Op::Equal {
                    r: (2, 8),
                    q: (0, 6)
                },
                Op::Delete { r: (8, 9), q: 6 },
            ]
        );
        // ... and the fuller as the rendition, likewise.
        let ops = align(&full[2..8], &full);
        assert_eq!(
            ops[1],
            Op::Equal {
                r: (0, 6),
                q: (2, 8)
            }
        );
        // A few words found whole are aligned as before.
        let ops = align(&full, &["so", "sick", "the", "lying"]);
        assert_eq!(
            ops[0],
            Op::Equal {
                r: (0, 2),
                q: (0, 2)
            }
        );
    }

    #[test]
    fn same_after_typography_spelling_and_brackets() {
        let c = cmp(
            FULL,
            &FULL
                .replace("neighborhoods", "neighbourhoods")
                .to_uppercase(),
        );
        assert_eq!(c.relation, Relation::Same);
        let c = cmp(
            FULL,
            &FULL.replace("neighborhoods, and", "neighborhoods (and)"),
        );
        assert_eq!(c.relation, Relation::Same, "{:?}", c.changes);
        let c = cmp("he said he would go", "[Kerry] said he would go");
        assert_eq!(c.relation, Relation::Same, "{:?}", c.changes);
    }

    #[test]
    fn a_fragment_is_partial() {
        let c = cmp(FULL, "not gamble with the safety of families");
        assert_eq!(c.relation, Relation::Partial);
        assert_eq!(c.changes.len(), 2);
        assert_eq!(c.changes[0].at, Position::Start);
        assert_eq!(c.changes[1].at, Position::End);
        assert!(!c.altered && !c.omission);
    }

    #[test]
    fn an_ellipsis_makes_it_elided() {
        let c = cmp(
            FULL,
            "We will not gamble with the safety of families ... until every inspection is complete and every gate has been tested under load",
        );
        assert_eq!(c.relation, Relation::Elided);
        assert_eq!(c.changes[0].kind, ChangeKind::Elided);
    }

    #[test]
    fn middle_words_gone_without_ellipsis_is_an_omission() {
        let c = cmp(
            FULL,
            "We will not gamble with the safety of families and we will not put this barrier into service until every inspection is complete and every gate has been tested under load",
        );
        assert_eq!(c.relation, Relation::Altered);
        assert!(c.omission && !c.altered);
    }

    #[test]
    fn changed_words_are_altered() {
        let c = cmp(
            FULL,
            "We will not gamble with the safety of families in the lower neighborhoods, and we will not put the barrier into service until every inspection is done and every gate has been tested",
        );
        assert_eq!(c.relation, Relation::Altered);
        assert!(c.altered && !c.omission);
        let kinds: Vec<ChangeKind> = c.changes.iter().map(|c| c.kind).collect();
        assert_eq!(
            kinds,
            [
                ChangeKind::Changed,
                ChangeKind::Changed,
                ChangeKind::LeftOut
            ]
        );
    }

    #[test]
    fn renditions_of_one_remark_link() {
        assert!(linked(FULL, "not gamble with the safety of families", true));
        // A long ellipsis is not distance between matches.
        assert!(linked(
            FULL,
            "We will not gamble with the safety ... tested under load",
            true
        ));
        assert!(linked(
            FULL,
            &FULL.replace("this barrier", "the barrier"),
            false
        ));
        assert!(linked(
            "It is vital to avoid misunderstandings, miscalculations (and) not to put ourselves in a predicament",
            "vital to avoid misunderstandings, miscalculations",
            true
        ));
    }

    #[test]
    fn different_remarks_sharing_words_do_not_link() {
        assert!(!linked(
            FULL,
            "The safety of families is the reason this city built a barrier in the first place, and it is the reason we are waiting",
            true
        ));
        // Too short to tell apart from a stock phrase.
        assert!(!linked(FULL, "we will not", true));
        // Scattered words are not a fragment.
        assert!(!linked(FULL, "we gamble families every gate load", true));
        // A short fragment needs more shared words when another speaker is named.
        assert!(linked(FULL, "safety of families in the lower", true));
        assert!(!linked(
            "safety of families in the lower neighborhoods today",
            "safety of families in the",
            false
        ));
    }

    #[test]
    fn score_prefers_fuller_cover() {
        let r = words(FULL);
        let a = words("gamble with the safety of families");
        let b = words("the safety of families is the reason");
        assert!(score(&compare(&r, &a), &r, &a) > score(&compare(&r, &b), &r, &b));
    }
}
