-- quotetrack schema, migration 7: wire copy and republished articles.
--
-- An article that reprints another (an agency story run by several
-- outlets with small edits, a story run again the next day) points at the
-- earliest stored article it reprints: its quotes are renditions, but not
-- independent reports. Found at ingest from MinHash signatures of each
-- article's five-word shingles (src/track/reprint.rs); `trace` calls such
-- renditions `reprint` (derived when read: renditions.relation keeps the
-- four relations it had) and `quotes --no-reprints` leaves them out.

ALTER TABLE articles ADD COLUMN reprint_of INTEGER REFERENCES articles(id) ON DELETE SET NULL;  -- NULL for an original

-- Reprints of an article, and `--no-reprints`: only reprints are indexed.
CREATE INDEX articles_reprint_of ON articles(reprint_of) WHERE reprint_of IS NOT NULL;

-- Each article's signature: 96 MinHash values of 4 bytes, little-endian.
-- Articles too short to compare (fewer than 50 shingles) have none.
CREATE TABLE article_signatures (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    signature  BLOB NOT NULL
);

-- The candidate index: each signature cut into 32 bands of 3 values, each
-- band hashed with its number. Articles sharing a band are candidates, and
-- are confirmed by comparing their whole signatures; a new article looks
-- up its own 32 bands, never scans the corpus.
CREATE TABLE article_bands (
    band       INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band, article_id)
) WITHOUT ROWID;
CREATE INDEX article_bands_article ON article_bands(article_id);
