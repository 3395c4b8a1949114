-- quotetrack schema, migration 8: claims in reported speech.
--
-- A claim ("Kerry said Lavrov had told him Russia was interested only in
-- ...", "according to a senior defense official, the main focus of the
-- call was ...") is stored as a quote of kind 'indirect': the same
-- offsets, speaker, outlet and date, its span the clause the reporting cue
-- governs. Claims are not linked into statements (renditions are what
-- outlets printed in quotation marks); `trace` sets them beside the
-- statements they share words with, at query time.
--
-- SQLite cannot alter a CHECK constraint, and rebuilding `quotes` would
-- mean dropping and recreating every view, trigger and foreign key that
-- names it. Widening the constraint changes nothing on disk and every
-- stored row satisfies the new one, so the table's definition is edited in
-- place: the procedure SQLite's documentation gives for loosening CHECK
-- constraints (https://sqlite.org/lang_altertable.html, "making other
-- kinds of table schema changes"). RESET makes the connection read the
-- edited schema again.
PRAGMA writable_schema = ON;
UPDATE sqlite_master
   SET sql = replace(sql, '''partial'', ''continuation'')', '''partial'', ''continuation'', ''indirect'')')
 WHERE type = 'table' AND name = 'quotes';
PRAGMA writable_schema = RESET;

-- The summaries count quotes as they always have (what outlets printed in
-- quotation marks) and claims in a column of their own.
DROP VIEW speaker_summary;
CREATE VIEW speaker_summary AS
SELECT
    s.id                         AS speaker_id,
    s.name                       AS speaker,
    s.kind                       AS kind,
    count(q.id) FILTER (WHERE q.kind <> 'indirect') AS quotes,
    count(q.id) FILTER (WHERE q.kind = 'indirect')  AS claims,
    count(DISTINCT a.outlet_id)  AS outlets,
    count(DISTINCT a.id)         AS articles,
    min(a.published)             AS first_quoted,
    max(a.published)             AS last_quoted
FROM speakers s
LEFT JOIN quotes q ON q.speaker_id = s.id
LEFT JOIN articles a ON a.id = q.article_id
GROUP BY s.id;

DROP VIEW article_summary;
CREATE VIEW article_summary AS
SELECT
    a.id            AS article_id,
    o.name          AS outlet,
    a.published     AS published,
    a.title         AS title,
    a.url           AS url,
    a.path          AS path,
    (SELECT count(*) FROM quotes q WHERE q.article_id = a.id AND q.kind <> 'indirect') AS quotes,
    (SELECT count(*) FROM quotes q WHERE q.article_id = a.id AND q.kind = 'indirect')  AS claims,
    a.ingested_at   AS ingested_at
FROM articles a
LEFT JOIN outlets o ON o.id = a.outlet_id;

DROP VIEW outlet_summary;
CREATE VIEW outlet_summary AS
SELECT
    o.id                          AS outlet_id,
    o.name                        AS outlet,
    count(DISTINCT a.id)          AS articles,
    count(q.id) FILTER (WHERE q.kind <> 'indirect') AS quotes,
    count(q.id) FILTER (WHERE q.kind = 'indirect')  AS claims,
    count(DISTINCT q.speaker_id)  AS speakers,
    min(a.published)              AS first_published,
    max(a.published)              AS last_published
FROM outlets o
LEFT JOIN articles a ON a.outlet_id = o.id
LEFT JOIN quotes q ON q.article_id = a.id
GROUP BY o.id;

-- The same words from the same speaker in quotation marks more than once
-- (what `export --format quotebank` writes as one statement); claims are
-- an outlet's own wording, so they are not counted here.
DROP VIEW repeated_quotes;
CREATE VIEW repeated_quotes AS
SELECT
    s.name                             AS speaker,
    min(q.text)                        AS quote,
    count(*)                           AS occurrences,
    count(DISTINCT a.outlet_id)        AS outlets,
    group_concat(DISTINCT o.name)      AS outlet_names,
    min(a.published)                   AS first_published,
    max(a.published)                   AS last_published,
    group_concat(q.id)                 AS quote_ids
FROM quotes q
JOIN articles a ON a.id = q.article_id
LEFT JOIN outlets o ON o.id = a.outlet_id
LEFT JOIN speakers s ON s.id = q.speaker_id
WHERE q.kind <> 'indirect'
GROUP BY q.speaker_id, q.normalized
HAVING count(*) > 1;
