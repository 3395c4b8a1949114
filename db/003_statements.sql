-- quotetrack schema: statements, one remark reported across outlets.
--
-- Every quote stored is linked, at ingest, to a statement: the utterance it
-- reports. Renditions of one statement may differ in case, spelling,
-- punctuation and editors' brackets (relation 'same'), be a fragment of it
-- ('partial'), leave words out behind an ellipsis ('elided') or change,
-- add or drop words ('altered'). `quotetrack trace` reads these tables.

-- One row per statement. `reference_quote_id` is its fullest rendition,
-- the one the others are compared with. When a quote turns out to join
-- two statements (a full quote arriving after two fragments of it), the
-- later statement points to the earlier with `merged_into` and its
-- renditions move there.
CREATE TABLE statements (
    id                 INTEGER PRIMARY KEY,
    reference_quote_id INTEGER REFERENCES quotes(id) ON DELETE SET NULL,
    renditions         INTEGER NOT NULL DEFAULT 0,
    merged_into        INTEGER REFERENCES statements(id)
);

-- Which statement each quote renders, and how it relates to the
-- statement's reference (kept current when a fuller rendition arrives).
-- `words` is the rendition's length in words, to choose the reference.
CREATE TABLE renditions (
    quote_id     INTEGER PRIMARY KEY REFERENCES quotes(id) ON DELETE CASCADE,
    statement_id INTEGER NOT NULL REFERENCES statements(id),
    relation     TEXT NOT NULL CHECK (relation IN ('same', 'partial', 'elided', 'altered')),
    words        INTEGER NOT NULL
);
CREATE INDEX renditions_statement ON renditions(statement_id);
-- Lets deleting a quote (re-extraction) find the statement it was the
-- reference of without a scan.
CREATE INDEX statements_reference ON statements(reference_quote_id);

-- The candidate index: hashes of three-word runs (folded as trace folds
-- them, runs of only common words left out) and the statements they occur
-- in. A new quote looks up its own runs here instead of being compared
-- with every stored quote.
CREATE TABLE statement_shingles (
    shingle      INTEGER NOT NULL,
    statement_id INTEGER NOT NULL,
    PRIMARY KEY (shingle, statement_id)
) WITHOUT ROWID;

-- Every rendition with where it ran and who it was attributed to, in the
-- order trace lists them.
CREATE VIEW statement_renditions AS
SELECT
    r.statement_id                          AS statement_id,
    q.id                                    AS quote_id,
    r.relation                              AS relation,
    (st.reference_quote_id = q.id)          AS is_reference,
    o.name                                  AS outlet,
    a.published                             AS published,
    s.name                                  AS speaker,
    q.text                                  AS quote,
    a.id                                    AS article_id,
    a.title                                 AS article_title,
    a.url                                   AS article_url
FROM renditions r
JOIN statements st ON st.id = r.statement_id
JOIN quotes q ON q.id = r.quote_id
JOIN articles a ON a.id = q.article_id
LEFT JOIN outlets o ON o.id = a.outlet_id
LEFT JOIN speakers s ON s.id = q.speaker_id
ORDER BY r.statement_id, a.published IS NULL, a.published, q.id;

-- Statements reported more than once, most reported first.
CREATE VIEW statement_summary AS
SELECT
    st.id                          AS statement_id,
    st.renditions                  AS renditions,
    count(DISTINCT a.outlet_id)    AS outlets,
    min(a.published)               AS first_published,
    ref.text                       AS reference_quote
FROM statements st
JOIN renditions r ON r.statement_id = st.id
JOIN quotes q ON q.id = r.quote_id
JOIN articles a ON a.id = q.article_id
LEFT JOIN quotes ref ON ref.id = st.reference_quote_id
WHERE st.merged_into IS NULL
GROUP BY st.id;
