-- quotetrack schema, migration 4: views for reading the file as it is (in
-- `sqlite3` or Datasette) and for checking exports against.
--
-- Views only: nothing here stores data, so the views can be dropped and
-- redefined by a later migration without touching a quote.

-- Each outlet with how much of the corpus it is: articles, quotes, how many
-- different speakers it quotes, and the dates it covers.
CREATE VIEW outlet_summary AS
SELECT
    o.id                          AS outlet_id,
    o.name                        AS outlet,
    count(DISTINCT a.id)          AS articles,
    count(q.id)                   AS quotes,
    count(DISTINCT q.speaker_id)  AS speakers,
    min(a.published)              AS first_published,
    max(a.published)              AS last_published
FROM outlets o
LEFT JOIN articles a ON a.outlet_id = o.id
LEFT JOIN quotes q ON q.article_id = a.id
GROUP BY o.id;

-- The same words from the same speaker found more than once (the text
-- compared after folding case, quote marks, dashes and spaces): what
-- `quotetrack export --format quotebank` writes as one statement, and the
-- first place to look for a quote that travelled.
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
GROUP BY q.speaker_id, q.normalized
HAVING count(*) > 1;
