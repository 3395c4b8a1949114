//! What a link between two renditions rests on: the words they share,
//! weighed by how rare those words are in news, and whether the two
//! outlets name the same speaker.
//!
//! Sharing words in order is not enough. Stock phrases ("boots on the
//! ground", "do the right thing"), slogans ("make America great again")
//! and a speaker's pet lines turn up inside many different remarks; on
//! real news, linking on shared words alone joined them (pair precision
//! 0.66). A fragment therefore joins a statement only when what it shares
//! carries enough information — each shared word weighs `ln((N+1)/(df+1))`,
//! its inverse document frequency over news articles
//! (`grammar/word_rarity.txt`) — and the more so the less the two
//! attributions agree: the same speaker needs a distinctive fragment, an
//! unknown one a more distinctive one, and a different named speaker
//! needs most of the words of both renditions (what a misattribution
//! looks like), never a shared phrase. Time counts too: word for word
//! within a few days (a headline over its story, a reprint, two outlets
//! on one event) needs little more than the shape of a fragment, while a
//! line in other words weeks apart is the speaker saying it again.
//!
//! Measured on the labelled pairs of the training split (`tests/trust/`,
//! `cargo run --release --example trust`), these rules took pair
//! precision from 0.61 to 0.96.

use std::cell::RefCell;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::align::{ChangeKind, Comparison, Position};
use super::normalize::Words;
use crate::identity::{Matcher, PersonName, Relation as NameRelation, org_key};

/// Document frequencies of words in news articles; see the file's header.
pub const WORD_RARITY: &str = include_str!("../../grammar/word_rarity.txt");

/// Inverse document frequencies, read once from [`WORD_RARITY`].
struct Rarity {
    articles: f64,
    counts: FxHashMap<String, u32>,
}

fn rarity() -> &'static Rarity {
    static RARITY: OnceLock<Rarity> = OnceLock::new();
    RARITY.get_or_init(|| parse_rarity(WORD_RARITY))
}

/// Parse `articles N` then `WORD COUNT` lines; comments and lines that do
/// not parse are skipped.
fn parse_rarity(list: &str) -> Rarity {
    let mut articles = 0.0;
    let mut counts = FxHashMap::default();
    for line in crate::lexicon::entries(list) {
        let mut parts = line.split_whitespace();
        let (Some(word), Some(count)) = (parts.next(), parts.next()) else {
            continue;
        };
        let Ok(count) = count.parse::<u32>() else {
            continue;
        };
        if word == "articles" && articles == 0.0 {
            articles = f64::from(count);
        } else {
            counts.insert(word.to_string(), count);
        }
    }
    Rarity { articles, counts }
}

/// How much a shared word says: its inverse document frequency. A word
/// the list does not have is taken as found in one article (the list
/// leaves out words in fewer than three).
pub fn weight(folded: &str) -> f64 {
    let r = rarity();
    let df = r.counts.get(folded).copied().unwrap_or(1);
    ((r.articles + 1.0) / (f64::from(df) + 1.0)).ln().max(0.0)
}

/// Who an outlet credits a rendition to, as far as linking can tell: the
/// name the extractor resolved in that article. Identity across articles
/// is worked out later, so links never wait for it.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Said {
    /// No speaker, a pronoun left unresolved, or an unnamed source.
    #[default]
    Unknown,
    Person(PersonName),
    Organisation(String),
    /// A speaker the extractor read off a headline, the page's layout or
    /// a sentence's grammar, with no reporting verb: likely enough to
    /// agree with the same name, too unsure to tell a quote apart from a
    /// statement credited to someone else (headlines and share bars read
    /// as names were most of the misses).
    Read(Box<Said>),
}

impl Said {
    /// `said` as found in the way `found_by` names (the stored
    /// `quotes.found_by`).
    pub fn found_by(self, found_by: Option<&str>) -> Said {
        match found_by {
            Some("subject" | "headline" | "layout") if self != Said::Unknown => {
                Said::Read(Box::new(self))
            }
            _ => self,
        }
    }

    /// From the stored `speaker_name` and `speaker_kind`.
    pub fn new(name: Option<&str>, kind: Option<&str>) -> Said {
        let Some(name) = name.map(str::trim).filter(|n| !n.is_empty()) else {
            return Said::Unknown;
        };
        match kind {
            Some("person") => {
                PersonName::parse(without_titles(name)).map_or(Said::Unknown, Said::Person)
            }
            Some("organisation") => Said::Organisation(org_key(name)),
            _ => Said::Unknown,
        }
    }
}

/// A name without the titles an extractor left on its front ("Senators
/// Mitch McConnell", "President Obama"): a title is not a given name.
fn without_titles(name: &str) -> &str {
    let lexicon = crate::lexicon::Lexicon::builtin();
    let mut rest = name.trim();
    while let Some((first, after)) = rest.split_once(' ') {
        let word = first.trim_end_matches('.').to_lowercase();
        let singular = word.strip_suffix('s').unwrap_or(&word);
        if !(lexicon.titles.contains(&word)
            || lexicon.titles.contains(singular)
            || lexicon.honorifics.contains(&word))
        {
            break;
        }
        rest = after.trim_start();
    }
    rest
}

/// Whether two attributions name the same speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agreement {
    /// The same name, or names identity could join ("Obama", "Barack
    /// Obama").
    Same,
    /// One side names nobody, or nobody in particular.
    Unknown,
    /// One side's name was only read off a headline, the page's layout or
    /// a sentence's grammar and names someone else: a guess that
    /// disagrees. In one story a headline or a reporter's echo lifting
    /// the body's words verbatim is that quote whatever the guess said
    /// ("Clinton Cash Debunks Hillary" read as a name over her "one or two
    /// instances"); anywhere else it says no more than an unknown speaker.
    Guessed,
    /// Two named speakers who cannot be one (other surnames, or the same
    /// surname with other given names).
    Different,
}

impl Agreement {
    /// Two named speakers: the same or told apart.
    pub fn named(same: bool) -> Agreement {
        if same {
            Agreement::Same
        } else {
            Agreement::Different
        }
    }
}

thread_local! {
    static MATCHER: RefCell<Option<Matcher>> = const { RefCell::new(None) };
}

/// How the speakers of two renditions relate.
pub fn agreement(a: &Said, b: &Said) -> Agreement {
    match (a, b) {
        (Said::Read(x), y) | (y, Said::Read(x)) => match agreement(x, y) {
            Agreement::Same => Agreement::Same,
            Agreement::Unknown if *y == Said::Unknown => Agreement::Unknown,
            _ => Agreement::Guessed,
        },
        (Said::Person(x), Said::Person(y)) => MATCHER.with(|m| {
            let mut m = m.borrow_mut();
            let m = m.get_or_insert_with(Matcher::default);
            if m.spelling_variant(&x.surname, &y.surname) == 0.0 {
                return Agreement::Different;
            }
            match m.relate(x, y) {
                NameRelation::Different => Agreement::Different,
                _ => Agreement::Same,
            }
        }),
        (Said::Organisation(x), Said::Organisation(y)) => {
            if x == y {
                Agreement::Same
            } else {
                Agreement::Different
            }
        }
        _ => Agreement::Unknown,
    }
}

/// The fewest words two renditions must share, in order, to be one
/// statement.
pub const MIN_SHARED: usize = 4;
/// The share of the shorter rendition's words that must be found in the
/// other.
pub const MIN_COVER: f64 = 0.75;
/// Information the shared words must carry when both name the same
/// speaker. "a hell of a lot worse" (6.5), "make America great again"
/// (5.7), "in the home stretch" (5.2) stay below; "vital to avoid
/// misunderstandings, miscalculations" (about 19) is well above.
pub const INFO_SAME_SPEAKER: f64 = 8.0;
/// ... when the two are word for word (or one is cut from the other),
/// from the same speaker, in one article or within [`NEAR_DAYS`]: a
/// headline and the body quoting one remark twice, a reprint.
pub const INFO_NEAR: f64 = 2.0;
/// A reworded rendition further apart than [`NEAR_DAYS`] still joins
/// when it shares this many words: a long remark quoted again weeks
/// later with a word changed is the same remark, while a stump line said
/// again in other words is short.
pub const MIN_SHARED_FAR_REWORDED: usize = 15;
/// In one story, two renditions differing in this many places in the
/// middle are the line said twice.
pub const MIDDLE_CHANGES_SAID_AGAIN: usize = 2;
/// Days apart that still make one news event.
pub const NEAR_DAYS: i64 = 3;
/// ... when one side names nobody in particular.
pub const INFO_UNKNOWN_SPEAKER: f64 = 12.0;
/// When different speakers are named, what a misattribution looks like:
/// at least this many words ...
pub const MIN_SHARED_OTHER_SPEAKER: usize = 8;
/// ... making up this share of the longer rendition too, so a shared
/// clause is never enough ...
pub const MIN_COVER_OTHER_SPEAKER: f64 = 0.75;
/// ... and this much information.
pub const INFO_OTHER_SPEAKER: f64 = 15.0;
/// A rendition with words changed or added must still have most of the
/// longer one's words: the same clause inside two different sentences is
/// two remarks. A shorter one passes only as a reworded fragment: the
/// same speaker, at most one word in eight of its own, and distinctive.
pub const MIN_COVER_ALTERED: f64 = 0.5;

/// A quote of at most this many words is a short phrase: too short for
/// the shape of a fragment ([`MIN_SHARED`]), it joins only the same
/// phrase ([`same_short_phrase`]).
pub const SHORT_PHRASE: usize = 3;
/// Days apart within which the same short phrase from the same speaker is
/// one remark: the news of a week or two quoting it ("extremely
/// careless", "artful smear"); later it is a catchphrase said again.
pub const SHORT_PHRASE_DAYS: i64 = 14;
/// Information a short phrase must carry: "political revolution" (4.1) and
/// "rigged economy" (5.9), a candidate's catchphrases, stay below;
/// "extremely careless" (7.4) and "artful smear" (10.7) are above.
pub const INFO_SHORT_PHRASE: f64 = 7.0;

/// Facts about a pair that decide a link.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Context {
    pub speakers: Agreement,
    /// Both renditions are in one article, or one reprints the other's
    /// (`track::reprint`): one story.
    pub same_story: bool,
    /// Days between their publication dates, when both are known.
    pub days_apart: Option<i64>,
    /// The fuller of the two names nobody ([`Said::Unknown`]) while the
    /// other names someone: an unattributed passage holding a named
    /// speaker's words, not an echo of them.
    pub unnamed_fuller: bool,
}

impl Context {
    /// Two renditions in different stories, dates unknown.
    pub fn apart(speakers: Agreement) -> Context {
        Context {
            speakers,
            same_story: false,
            days_apart: None,
            unnamed_fuller: false,
        }
    }

    /// Reported in one article or within a few days of each other: one
    /// news event.
    fn near(&self) -> bool {
        self.same_story || self.days_apart.is_some_and(|d| d <= NEAR_DAYS)
    }

    /// Known to be reported further apart than that.
    fn far(&self) -> bool {
        !self.same_story && self.days_apart.is_some_and(|d| d > NEAR_DAYS)
    }
}

/// Whether a comparison shows two renditions of one statement: most of
/// the shorter one's words are in the other, in order, close together
/// (the shape of a fragment or an edit), and what they share is evidence
/// enough for how far their attributions agree.
pub fn same_statement(c: &Comparison, reference: &Words, rendition: &Words, ctx: Context) -> bool {
    let (a, b) = (reference.spoken(), rendition.spoken());
    let (shorter, longer) = (a.min(b), a.max(b));
    // Words the rendition marks as left out (an ellipsis) do not count as
    // distance between its matches.
    let elided: usize = c
        .changes
        .iter()
        .filter(|ch| ch.kind == ChangeKind::Elided && ch.at == Position::Middle)
        .map(|ch| ch.reference.1 - ch.reference.0)
        .sum();
    let shaped = c.matched >= MIN_SHARED
        && c.matched as f64 >= MIN_COVER * shorter as f64
        && (c.span.saturating_sub(elided) as f64) <= 1.5 * shorter as f64 + 3.0;
    if !shaped {
        return same_short_phrase(c, reference, rendition, ctx);
    }
    // The fuller quotes the other's words within its own marks: the speaker
    // (or someone else) quoting an earlier remark is another utterance.
    if c.quoted_within {
        return false;
    }
    // Words changed, added or dropped from the middle. Words only moved
    // are not other words: "coal miners and coal companies" a month later
    // for "coal companies and coal miners" is the remark, not a new one.
    let reworded = c.omission || c.altered && !only_moved(reference, rendition);
    // One story quoting one remark twice copies its words; a headline
    // trims its ends or a word. Two renditions in it that differ in
    // several places are the line said twice (a debate line repeated, a
    // stump line given again later in the speech).
    if ctx.same_story && middle_changes(c) >= MIDDLE_CHANGES_SAID_AGAIN {
        return false;
    }
    // The same line in other words weeks later is the speaker saying it
    // again, not another outlet's rendering of one remark.
    if reworded && ctx.far() && c.matched < MIN_SHARED_FAR_REWORDED {
        return false;
    }
    if c.altered && (c.matched as f64) < MIN_COVER_ALTERED * longer as f64 {
        let own_words = shorter.saturating_sub(c.matched);
        let reworded_fragment = ctx.speakers == Agreement::Same
            && own_words <= (shorter / 8).max(1)
            && c.info >= INFO_UNKNOWN_SPEAKER;
        if !reworded_fragment {
            return false;
        }
    }
    match ctx.speakers {
        // Word for word (or cut) from one speaker in one article or within
        // days: a headline lifting words from the body, a reprint, one
        // remark quoted by two outlets. "this has nothing to do with" and
        // "this has everything to do with" (altered) are not.
        Agreement::Same if ctx.near() && !reworded => c.info >= INFO_NEAR,
        Agreement::Same => c.info >= INFO_SAME_SPEAKER,
        Agreement::Guessed if ctx.same_story && !reworded => c.info >= INFO_NEAR,
        // In one story, a named speaker's words repeated word for word
        // where the article names nobody are most often that quote again
        // (the reporter echoing them, a pronoun or role the extractor
        // could not resolve), so they need what one speaker's words need,
        // not the more an unknown speaker's do. Not less: a described
        // person ("the boy") asking what the named speaker then repeats is
        // another utterance in the same words. Only an echo, no fuller
        // than the words it repeats: an unattributed passage that holds
        // them among words of its own (a spokesman restating his
        // principal's phrase) is another utterance.
        Agreement::Unknown if ctx.same_story && !reworded && !ctx.unnamed_fuller => {
            c.info >= INFO_SAME_SPEAKER
        }
        Agreement::Guessed | Agreement::Unknown => c.info >= INFO_UNKNOWN_SPEAKER,
        // One story giving the same distinctive words twice, word for word,
        // gives one remark, whoever each place is read to credit (a pronoun
        // resolved to the wrong person, a surrogate's name): as distinctive
        // as words with nobody named must be.
        Agreement::Different if ctx.same_story && !reworded && c.matched == longer => {
            c.info >= INFO_UNKNOWN_SPEAKER
        }
        Agreement::Different => strong(c, reference, rendition),
    }
}

/// Two renditions that are both the same short phrase, word for word,
/// credited to one speaker within [`SHORT_PHRASE_DAYS`] (or in one story),
/// and distinctive: one remark quoted in a phrase by several outlets.
/// Anything less (another speaker, nobody named, a common phrase, months
/// apart) is a phrase many people use or the speaker's catchphrase. So is
/// a phrase capitalised word by word in both (a show's or a book's title,
/// "Twin Peaks"), and one with an editor's word inside ("anchor (not)
/// baby" is a play on "anchor baby", not that phrase).
pub fn same_short_phrase(
    c: &Comparison,
    reference: &Words,
    rendition: &Words,
    ctx: Context,
) -> bool {
    let n = reference.spoken();
    let within_days = ctx.same_story || ctx.days_apart.is_some_and(|d| d <= SHORT_PHRASE_DAYS);
    let whole = |w: &Words| w.len() == n;
    let title = |w: &Words| w.words.iter().all(|w| w.capitalised);
    (2..=SHORT_PHRASE).contains(&n)
        && rendition.spoken() == n
        && whole(reference)
        && whole(rendition)
        && !(title(reference) && title(rendition))
        && c.matched == n
        && !c.altered
        && !c.omission
        && !c.quoted_within
        && ctx.speakers == Agreement::Same
        && within_days
        && c.info >= INFO_SHORT_PHRASE
}

/// Whether every word the speaker said in `rendition` is in `reference`
/// as often: the rendition moves words or leaves some out, and says none
/// of its own.
pub fn only_moved(reference: &Words, rendition: &Words) -> bool {
    fn spoken(w: &Words) -> Vec<&str> {
        let mut v: Vec<&str> = w
            .words
            .iter()
            .filter(|w| !w.bracketed)
            .map(|w| w.norm.as_str())
            .collect();
        v.sort_unstable();
        v
    }
    let (r, q) = (spoken(reference), spoken(rendition));
    let mut i = 0;
    q.iter().all(|word| {
        while i < r.len() && r[i] < *word {
            i += 1;
        }
        let found = i < r.len() && r[i] == *word;
        i += 1;
        found
    })
}

/// Places in the middle where two renditions differ, leaving out marked
/// elisions.
pub fn middle_changes(c: &Comparison) -> usize {
    c.changes
        .iter()
        .filter(|ch| ch.at == Position::Middle && ch.kind != ChangeKind::Elided)
        .count()
}

/// Most of the words of both renditions, and distinctive: the match a
/// misattribution needs, whoever the outlets name.
pub fn strong(c: &Comparison, reference: &Words, rendition: &Words) -> bool {
    let longer = reference.spoken().max(rendition.spoken());
    c.matched >= MIN_SHARED_OTHER_SPEAKER
        && c.matched as f64 >= MIN_COVER_OTHER_SPEAKER * longer as f64
        && c.info >= INFO_OTHER_SPEAKER
}

/// The fewest shared words (in any order) a pair with these speakers
/// could link on: a cheap bound before aligning.
pub fn min_shared(speakers: Agreement) -> usize {
    match speakers {
        Agreement::Different => MIN_SHARED_OTHER_SPEAKER,
        _ => MIN_SHARED,
    }
}

#[cfg(test)]
mod tests {
    use super::super::normalize::words;
    use super::*;

    fn info(text: &str) -> f64 {
        words(text).words.iter().map(|w| weight(&w.norm)).sum()
    }

    #[test]
    fn common_words_weigh_little_and_rare_ones_much() {
        assert!(weight("the") < 0.05);
        assert!(weight("miscalculations") > 5.0);
        assert!(info("make America great again") < INFO_SAME_SPEAKER);
        assert!(info("do the right thing") < INFO_SAME_SPEAKER);
        assert!(info("vital to avoid misunderstandings, miscalculations") > INFO_UNKNOWN_SPEAKER);
    }

    #[test]
    fn the_list_parses_its_header_and_skips_bad_lines() {
        let r = parse_rarity("# comment\narticles 10\nthe 10\nbroken\nrare x\nfish 2\n");
        assert_eq!(r.articles, 10.0);
        assert_eq!(r.counts.get("the"), Some(&10));
        assert_eq!(r.counts.get("fish"), Some(&2));
        assert!(!r.counts.contains_key("rare"));
    }

    fn linked(a: &str, b: &str, speakers: Agreement, days_apart: Option<i64>) -> bool {
        use super::super::align::compare;
        use super::super::normalize::words;
        let (wa, wb) = (words(a), words(b));
        let (r, q) = if wa.spoken() >= wb.spoken() {
            (wa, wb)
        } else {
            (wb, wa)
        };
        let ctx = Context {
            speakers,
            same_story: days_apart == Some(0),
            days_apart,
            unnamed_fuller: false,
        };
        same_statement(&compare(&r, &q), &r, &q, ctx)
    }

    #[test]
    fn one_story_giving_distinctive_words_twice_gives_one_remark_whoever_is_named() {
        let said = "continue to elect corporate Democratic whores";
        assert!(linked(said, said, Agreement::Different, Some(0)));
        // Not across stories, not a slogan, not a cut rendition.
        assert!(!linked(said, said, Agreement::Different, Some(1)));
        let slogan = "make America great again";
        assert!(!linked(slogan, slogan, Agreement::Different, Some(0)));
        assert!(!linked(
            said,
            "elect corporate Democratic whores",
            Agreement::Different,
            Some(0)
        ));
    }

    #[test]
    fn words_moved_weeks_later_are_the_remark_and_other_words_are_not() {
        let said = "We're going to put a lot of coal companies and coal miners out of business.";
        let moved = "We're going to put a lot of coal miners and coal companies out of business.";
        let other = "We're going to put a lot of steel companies and coal miners out of business.";
        assert!(linked(said, moved, Agreement::Same, Some(26)));
        assert!(!linked(said, other, Agreement::Same, Some(26)));
        let (a, b) = (words(said), words(moved));
        assert!(only_moved(&a, &b));
        assert!(!only_moved(&a, &words(other)));
        assert!(only_moved(&a, &words("coal miners out of business")));
    }

    const KERRY: &str = "It is vital to avoid misunderstandings, miscalculations (and) not to put ourselves in a predicament";

    #[test]
    fn a_distinctive_fragment_joins_its_speakers_statement() {
        let caption = "vital to avoid misunderstandings, miscalculations";
        assert!(linked(KERRY, caption, Agreement::Same, Some(40)));
        assert!(linked(KERRY, caption, Agreement::Unknown, None));
        // Credited to someone else, a fragment is not evidence enough.
        assert!(!linked(KERRY, caption, Agreement::Different, Some(1)));
        // The whole remark credited to someone else is: that is the
        // misattribution a fact-checker wants to see.
        let whole = KERRY.replace(" (and)", ",");
        assert!(linked(KERRY, &whole, Agreement::Different, Some(1)));
    }

    #[test]
    fn a_quote_of_a_quote_is_another_utterance() {
        let pledge = "no boots on the ground in Syria";
        let later = "You know, when I said, 'No boots on the ground in Syria,' I think the American people understood";
        assert!(!linked(later, pledge, Agreement::Same, Some(0)));
        // The same words said, not quoted, are a fragment of it.
        let said = "You know, there will be no boots on the ground in Syria, I think the American people understood";
        assert!(linked(said, pledge, Agreement::Same, Some(0)));
        // Two renditions of the later remark, both quoting the pledge.
        let retold =
            "when I said 'no boots on the ground in Syria,' I think the American people understood";
        assert!(linked(later, retold, Agreement::Same, Some(0)));
    }

    #[test]
    fn stock_phrases_link_nothing() {
        let rally = "We are going to win so much, and we will make America great again, believe me";
        for days in [Some(30), None] {
            assert!(!linked(
                rally,
                "make America great again",
                Agreement::Same,
                days
            ));
            assert!(!linked(
                "Nobody wants boots on the ground in Syria, not now",
                "boots on the ground",
                Agreement::Same,
                days
            ));
        }
        assert!(!linked(
            rally,
            "make America great again",
            Agreement::Different,
            Some(0)
        ));
    }

    #[test]
    fn a_short_phrase_is_one_remark_only_word_for_word_from_one_speaker_within_days() {
        let same = Agreement::Same;
        assert!(info("extremely careless") >= INFO_SHORT_PHRASE);
        assert!(linked(
            "extremely careless,",
            "Extremely careless",
            same,
            Some(6)
        ));
        assert!(linked(
            "ISIS' best recruiter.",
            "ISIS’ best recruiter",
            same,
            Some(12)
        ));
        // Too far apart, another speaker, nobody named, a stock pair.
        assert!(!linked(
            "extremely careless",
            "extremely careless",
            same,
            Some(40)
        ));
        assert!(!linked(
            "extremely careless",
            "extremely careless",
            same,
            None
        ));
        for other in [Agreement::Different, Agreement::Unknown, Agreement::Guessed] {
            assert!(!linked(
                "extremely careless",
                "extremely careless",
                other,
                Some(1)
            ));
        }
        assert!(!linked(
            "political revolution",
            "political revolution",
            same,
            Some(1)
        ));
        // A title, an editor's word inside, a word changed, a longer quote.
        assert!(!linked("Twin Peaks,", "Twin Peaks", same, Some(0)));
        assert!(linked("Twin Peaks", "twin peaks", same, Some(0)));
        assert!(!linked("anchor (not) baby", "anchor baby", same, Some(0)));
        assert!(!linked(
            "extremely careless",
            "extremely reckless",
            same,
            Some(1)
        ));
        assert!(!linked(
            "extremely careless",
            "very extremely careless",
            same,
            Some(1)
        ));
    }

    #[test]
    fn word_for_word_within_days_needs_little_more() {
        // A headline over its story.
        assert!(linked(
            "I think she will carry the state on the Democratic side",
            "I think she will carry",
            Agreement::Same,
            Some(0)
        ));
        assert!(!linked(
            "I think she will carry the state on the Democratic side",
            "I think she will carry",
            Agreement::Same,
            Some(20)
        ));
    }

    #[test]
    fn other_words_weeks_apart_are_the_line_said_again() {
        let first = "We have come a long way in the last nine months, believe me";
        let again = "We have come a pretty long way in the last nine months, believe me";
        assert!(linked(first, again, Agreement::Same, Some(1)));
        assert!(!linked(first, again, Agreement::Same, Some(9)));
        // A long remark with a word changed, quoted again weeks later, is
        // still the one remark.
        let long = "We will not gamble with the safety of families in the lower neighborhoods, and we will not open the barrier";
        let changed = long.replace("open", "run");
        assert!(linked(long, &changed, Agreement::Same, Some(30)));
        // A shared clause inside two sentences is two remarks.
        assert!(!linked(
            "We always run a lean campaign and will continue to do so.",
            "And I will continue to do so.",
            Agreement::Same,
            Some(1)
        ));
    }

    #[test]
    fn a_guessed_speaker_agrees_with_the_body_only_in_one_story() {
        let p = |n: &str| Said::new(Some(n), Some("person"));
        let headline = p("Clinton Cash Debunks Hillary").found_by(Some("headline"));
        let body = p("Hillary Clinton");
        assert_eq!(agreement(&headline, &body), Agreement::Guessed);
        assert_eq!(agreement(&headline, &Said::Unknown), Agreement::Unknown);
        let guessed = |days| {
            let ctx = Context {
                speakers: Agreement::Guessed,
                same_story: days == 0,
                days_apart: Some(days),
                unnamed_fuller: false,
            };
            let (full, part) = (
                words("It slipped through the cracks in one or two instances, she said"),
                words("slipped through the cracks"),
            );
            same_statement(
                &super::super::align::compare(&full, &part),
                &full,
                &part,
                ctx,
            )
        };
        // The headline over its story lifts the body's words.
        assert!(guessed(0));
        // Another outlet's headline a day later is only an unknown speaker.
        assert!(!guessed(1));
    }

    #[test]
    fn one_story_quoting_a_line_in_other_words_twice_is_two_utterances() {
        // A debate line given twice, each time worded a little otherwise.
        let first = "Let us dispel this notion that the harbor levy will bankrupt fishermen. It will not bankrupt anyone,";
        let again = "This idea that the harbor levy will bankrupt fishermen is simply false. It will not bankrupt anyone.";
        assert!(!linked(first, again, Agreement::Same, Some(0)));
        // Two outlets on the same day may transcribe one remark so.
        assert!(linked(first, again, Agreement::Same, Some(1)));
        // A headline trimming a word is still the body's quote.
        assert!(linked(
            "He is a work horse, not a show horse, and that is why",
            "work horse, not show horse",
            Agreement::Same,
            Some(0)
        ));
    }

    #[test]
    fn an_unattributed_echo_in_one_story_is_the_quote_it_repeats() {
        let echo = |full: &str, part: &str, same_story: bool, unnamed_fuller: bool| {
            let (r, q) = (words(full), words(part));
            let ctx = Context {
                speakers: Agreement::Unknown,
                same_story,
                days_apart: Some(if same_story { 0 } else { 1 }),
                unnamed_fuller,
            };
            same_statement(&super::super::align::compare(&r, &q), &r, &q, ctx)
        };
        let full = "It is a major breach of trust, and the members will not forget it";
        assert!(info("major breach of trust") >= INFO_SAME_SPEAKER);
        assert!(info("major breach of trust") < INFO_UNKNOWN_SPEAKER);
        // The article repeats its speaker's words where it names nobody.
        assert!(echo(full, "major breach of trust", true, false));
        // Another outlet naming nobody needs more.
        assert!(!echo(full, "major breach of trust", false, false));
        // An unattributed passage holding the named speaker's words among
        // its own is someone else restating them.
        assert!(!echo(full, "major breach of trust", true, true));
        // Common words are not enough even in one story: the boy's
        // question and the speaker repeating it.
        assert!(!echo(
            "Let me tell you, how big is that wall going to be?",
            "How big is that wall?",
            true,
            false
        ));
    }

    #[test]
    fn speakers_agree_by_name() {
        let p = |n: &str| Said::new(Some(n), Some("person"));
        assert_eq!(agreement(&p("Barack Obama"), &p("Obama")), Agreement::Same);
        assert_eq!(
            agreement(&p("John Kerry"), &p("John F. Kerry")),
            Agreement::Same
        );
        assert_eq!(
            agreement(&p("Hillary Clinton"), &p("Bill Clinton")),
            Agreement::Different
        );
        assert_eq!(
            agreement(&p("Barbara Boxer"), &p("Donald Trump")),
            Agreement::Different
        );
        let anon = Said::new(Some("a senior official"), Some("anonymous"));
        assert_eq!(agreement(&anon, &p("Donald Trump")), Agreement::Unknown);
        assert_eq!(
            agreement(&Said::Unknown, &Said::Unknown),
            Agreement::Unknown
        );
        let org = |n: &str| Said::new(Some(n), Some("organisation"));
        assert_eq!(
            agreement(&org("the Pentagon"), &org("Pentagon")),
            Agreement::Same
        );
        assert_eq!(
            agreement(&org("the Pentagon"), &org("NATO")),
            Agreement::Different
        );
    }
}
