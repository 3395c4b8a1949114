//! Why a labelled pair of quotes is or is not one statement, pair by pair:
//! what `track::evidence::same_statement` says of the two alone (speakers'
//! agreement, words shared, information, days apart), beside what the
//! linker did in a database built by `examples/trust.rs --db PATH`.
//!
//!     cargo run --release --example pair_why -- PATH [missed|wrong|all]

use std::collections::HashMap;

use anyhow::{Context as _, Result};
use chrono::NaiveDate;
use quotetrack::evaluate;
use quotetrack::track::align::compare;
use quotetrack::track::evidence::{Agreement, Context, Said, agreement, same_statement};
use quotetrack::track::normalize::words;
use rusqlite::{Connection, OptionalExtension};

struct Stored {
    id: i64,
    text: String,
    said: Said,
    name: String,
    found_by: String,
    story: i64,
    published: Option<NaiveDate>,
    statement: Option<i64>,
}

fn find(
    conn: &Connection,
    arts: &HashMap<String, i64>,
    at: &evaluate::labels::QuoteAt,
) -> Result<Option<Stored>> {
    let Some(&aid) = arts.get(&at.doc) else {
        return Ok(None);
    };
    let mut best: Option<(usize, Stored)> = None;
    let mut stmt = conn.prepare(
        "SELECT q.id, q.byte_start, q.byte_end, q.text, q.speaker_name, q.speaker_kind, q.found_by,
                coalesce(a.reprint_of, a.id), q.published, r.statement_id
         FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN renditions r ON r.quote_id = q.id
         WHERE q.article_id = ?1 AND q.kind <> 'indirect'",
    )?;
    let mut rows = stmt.query([aid])?;
    while let Some(r) = rows.next()? {
        let (s, e): (i64, i64) = (r.get(1)?, r.get(2)?);
        let (s, e) = (s as usize, e as usize);
        let overlap = at.end.min(e).saturating_sub(at.start.max(s));
        if overlap == 0 || best.as_ref().is_some_and(|(o, _)| *o >= overlap) {
            continue;
        }
        let name: Option<String> = r.get(4)?;
        let kind: Option<String> = r.get(5)?;
        let found_by: Option<String> = r.get(6)?;
        let published: Option<String> = r.get(8)?;
        best = Some((
            overlap,
            Stored {
                id: r.get(0)?,
                text: r.get(3)?,
                said: Said::new(name.as_deref(), kind.as_deref()).found_by(found_by.as_deref()),
                name: name.unwrap_or_default(),
                found_by: found_by.unwrap_or_default(),
                story: r.get(7)?,
                published: published.and_then(|p| {
                    NaiveDate::parse_from_str(&p[..p.len().min(10)], "%Y-%m-%d").ok()
                }),
                statement: r.get(9)?,
            },
        ));
    }
    Ok(best.map(|(_, s)| s))
}

fn live(conn: &Connection, mut id: i64) -> Result<i64> {
    loop {
        let m: Option<Option<i64>> = conn
            .query_row(
                "SELECT merged_into FROM statements WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?;
        match m.flatten() {
            Some(next) => id = next,
            None => return Ok(id),
        }
    }
}

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let db = args
        .next()
        .context("usage: pair_why DB [missed|wrong|all]")?;
    let want = args.next().unwrap_or_else(|| "missed".into());
    let conn = Connection::open(db)?;
    let mut arts = HashMap::new();
    let mut stmt = conn.prepare("SELECT id, path FROM articles")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let path: String = r.get(1)?;
        arts.insert(
            evaluate::corpus::doc_name(&path)
                .trim_end_matches(".txt")
                .to_string(),
            r.get::<_, i64>(0)?,
        );
    }
    let labels =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/trust/statement_pairs.tsv");
    let pairs = evaluate::read_statement_pairs(&labels)?;
    let mut tally: HashMap<String, usize> = HashMap::new();
    for p in &pairs {
        let (Some(a), Some(b)) = (find(&conn, &arts, &p.a)?, find(&conn, &arts, &p.b)?) else {
            continue;
        };
        let joined = match (a.statement, b.statement) {
            (Some(x), Some(y)) => live(&conn, x)? == live(&conn, y)?,
            _ => false,
        };
        let kind = match (p.same, joined) {
            (true, true) => "right",
            (true, false) => "missed",
            (false, true) => "wrong",
            (false, false) => "ok",
        };
        if want != "all" && want != kind {
            continue;
        }
        let (wa, wb) = (words(&a.text), words(&b.text));
        let (r, q) = if wb.spoken() > wa.spoken() {
            (&wb, &wa)
        } else {
            (&wa, &wb)
        };
        let c = compare(r, q);
        let ag = agreement(&a.said, &b.said);
        let ctx = Context {
            speakers: ag,
            same_story: a.story == b.story,
            days_apart: a
                .published
                .zip(b.published)
                .map(|(x, y)| (x - y).num_days().abs()),
            unnamed_fuller: {
                let fuller = if wb.spoken() > wa.spoken() {
                    &b.said
                } else {
                    &a.said
                };
                let other = if wb.spoken() > wa.spoken() {
                    &a.said
                } else {
                    &b.said
                };
                wa.spoken() != wb.spoken() && *fuller == Said::Unknown && *other != Said::Unknown
            },
        };
        let pairwise = same_statement(&c, r, q, ctx);
        let why = if pairwise {
            "pair passes".to_string()
        } else {
            let shorter = r.spoken().min(q.spoken());
            if c.matched < 4 || (c.matched as f64) < 0.75 * shorter as f64 {
                format!("shape (matched {} of {})", c.matched, shorter)
            } else {
                format!("{:?}", ag)
            }
        };
        *tally
            .entry(format!("{kind}: {}", why.split(' ').next().unwrap_or("")))
            .or_default() += 1;
        println!(
            "--- {kind} [{:?}] {} | {why} | matched {} of {}/{} info {:.1} altered {} omission {} story {} days {:?} | {}",
            p.speakers,
            if p.same { "same" } else { "different" },
            c.matched,
            q.spoken(),
            r.spoken(),
            c.info,
            c.altered,
            c.omission,
            ctx.same_story,
            ctx.days_apart,
            p.note
        );
        for s in [&a, &b] {
            let t: String = s.text.chars().take(110).collect();
            println!(
                "   q{} {:12} {:28} st={:?} | {t}",
                s.id,
                s.found_by,
                s.name.chars().take(28).collect::<String>(),
                s.statement
            );
        }
        let _ = Agreement::Same;
    }
    let mut t: Vec<_> = tally.into_iter().collect();
    t.sort();
    for (k, n) in t {
        println!("{n:5} {k}");
    }
    Ok(())
}
