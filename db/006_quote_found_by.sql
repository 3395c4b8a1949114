-- quotetrack schema, migration 6: how each quote's speaker was found, and
-- how far to trust it.
--
-- `found_by` is where the attribution came from: 'explicit' (a name or
-- phrase with a reporting verb in the quote's sentence), 'pronoun' or
-- 'role' (he, she, the secretary, resolved to a person), 'continuation'
-- (carried from a neighbouring quote), 'subject' (the sentence's subject,
-- no reporting verb), 'headline', 'layout' (a paragraph ending `X said:`,
-- a quote signed below) or 'unresolved' (a pronoun or role left as
-- written). `confidence` is how often a speaker found that way is right,
-- measured on the PolNeAR training split (grammar/confidence.txt), 0 to 1.
-- Quotes stored before this migration have neither (NULL) until their
-- article is ingested again with --replace.
ALTER TABLE quotes ADD COLUMN found_by TEXT CHECK (found_by IN
    ('explicit', 'pronoun', 'role', 'continuation', 'subject', 'headline', 'layout', 'unresolved'));
ALTER TABLE quotes ADD COLUMN confidence REAL CHECK (confidence BETWEEN 0 AND 1);

-- quote_details (db/001_init.sql) with the two columns after the quote's
-- kind, where a reader looks for how the quote stands.
DROP VIEW quote_details;
CREATE VIEW quote_details AS
SELECT
    q.id               AS quote_id,
    s.name             AS speaker,
    s.kind             AS speaker_kind,
    q.speaker_mention  AS speaker_as_written,
    q.speaker_role     AS speaker_role,
    q.text             AS quote,
    q.kind             AS quote_kind,
    q.found_by         AS found_by,
    q.confidence       AS confidence,
    q.cue              AS cue,
    o.name             AS outlet,
    a.published        AS published,
    a.title            AS article_title,
    a.url              AS article_url,
    a.path             AS article_path,
    a.id               AS article_id,
    q.byte_start       AS byte_start,
    q.byte_end         AS byte_end
FROM quotes q
JOIN articles a ON a.id = q.article_id
LEFT JOIN outlets o ON o.id = a.outlet_id
LEFT JOIN speakers s ON s.id = q.speaker_id;
