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
