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

-- Each article's signature: 64 MinHash values of 4 bytes, little-endian.
-- Articles too short to compare (about 80 words) have none.
CREATE TABLE article_signatures (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    signature  BLOB NOT NULL
);

-- The candidate index: the signature's first 32 values cut into 16 bands of 2, each
-- band hashed with its number. Articles sharing a band are candidates, and
-- are confirmed by comparing their whole signatures; a new article looks
-- up its own 16 bands, never scans the corpus. Like statement_shingles it
-- has no foreign key (ingest writes it for every article): a band left by
-- an article deleted by hand finds no signature and is passed over.
CREATE TABLE article_bands (
    band       INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (band, article_id)
) WITHOUT ROWID;
