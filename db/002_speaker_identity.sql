-- quotetrack schema, version 2: one speaker per person across articles.
--
-- The extractor resolves a mention within its article ("he" -> "Sergey
-- Lavrov"); each quote now keeps that name and kind as found, and
-- `quotes.speaker_id` points at the canonical speaker chosen across the
-- corpus (so "Sergei Lavrov" and "Sergey Lavrov" are one row in `speakers`).
-- Identity is worked out again from these columns after every ingest and
-- every correction, so nothing the machine guessed is ever the only copy.

ALTER TABLE quotes ADD COLUMN speaker_name TEXT;  -- the speaker as resolved within the article
ALTER TABLE quotes ADD COLUMN speaker_kind TEXT   -- person, anonymous or organisation, as extracted
    CHECK (speaker_kind IS NULL OR speaker_kind IN ('person', 'anonymous', 'organisation'));

UPDATE quotes SET
    speaker_name = (SELECT s.name FROM speakers s WHERE s.id = quotes.speaker_id),
    speaker_kind = (SELECT s.kind FROM speakers s WHERE s.id = quotes.speaker_id)
WHERE speaker_id IS NOT NULL;

CREATE INDEX quotes_speaker_name ON quotes(speaker_kind, speaker_name);

-- The user's corrections, a copy of the CSV file next to the database
-- (`<db>.speakers.csv`): `alias` is the speaker named `canonical`. When the
-- file is missing these rows still apply, and `quotetrack speakers`
-- writes them back out. `line` keeps the file's order: later lines win.
CREATE TABLE speaker_corrections (
    line        INTEGER PRIMARY KEY,
    alias       TEXT NOT NULL,
    canonical   TEXT NOT NULL,
    wikidata_id TEXT
);

-- Each name as the extractor resolved it, with the speaker it was assigned
-- to and how often it was quoted: where to look when a merge seems wrong.
CREATE VIEW speaker_names AS
SELECT
    q.speaker_name     AS name,
    q.speaker_kind     AS kind,
    s.id               AS speaker_id,
    s.name             AS speaker,
    count(*)           AS quotes,
    count(DISTINCT q.article_id) AS articles
FROM quotes q
LEFT JOIN speakers s ON s.id = q.speaker_id
WHERE q.speaker_name IS NOT NULL
GROUP BY q.speaker_kind, q.speaker_name, s.id;
