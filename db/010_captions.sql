-- quotetrack schema, migration 10: figure captions kept apart from the body.
--
-- `articles.text` is the article's body alone. An HTML page's figure
-- captions (the article's words, but not its body) are in `captions`, a
-- paragraph each. Quote offsets point into the body followed by the
-- captions after a blank line:
--
--     text || char(10, 10) || captions     (just `text` when captions is NULL)
--
-- so a quote whose byte_start is at or past `body_end` (the body's length
-- in bytes, set only when there are captions) came from a caption. Both
-- are NULL for articles without captions and for those stored before this
-- migration (whose text is all body, or captions in front of the body as
-- HTML pages were then stored).
ALTER TABLE articles ADD COLUMN captions TEXT;
ALTER TABLE articles ADD COLUMN body_end INTEGER;

-- quote_details (db/006_quote_found_by.sql) says where each quote stands:
-- `section` is 'caption' for a quote from a figure caption, else 'body'.
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
    q.byte_end         AS byte_end,
    CASE WHEN a.body_end IS NOT NULL AND q.byte_start >= a.body_end
         THEN 'caption' ELSE 'body' END AS section
FROM quotes q
JOIN articles a ON a.id = q.article_id
LEFT JOIN outlets o ON o.id = a.outlet_id
LEFT JOIN speakers s ON s.id = q.speaker_id;
