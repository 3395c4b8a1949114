-- quotetrack schema, version 1.
--
-- Written to be read as it is in `sqlite3` or Datasette: tables named for
-- what they hold, one row per thing, views for the joins people ask for.
-- Later migrations (002_..., 003_...) add to this file's tables; never edit a
-- migration that has shipped, add a new one.

-- Publications, named as they name themselves ("CBC News").
CREATE TABLE outlets (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

-- One row per distinct article text. `text` is exactly what the quote
-- offsets point into; `content_hash` (BLAKE3 of `text`) is what makes a
-- second ingest of the same article a no-op.
CREATE TABLE articles (
    id             INTEGER PRIMARY KEY,
    outlet_id      INTEGER REFERENCES outlets(id),
    published      TEXT,            -- YYYY-MM-DD, NULL when the date was missing or unreadable
    published_raw  TEXT,            -- the date as the source wrote it
    title          TEXT,
    url            TEXT,
    author         TEXT,
    path           TEXT,            -- file it came from (file.jsonl:LINE for JSON Lines)
    content_hash   TEXT NOT NULL UNIQUE,
    text           TEXT NOT NULL,
    ingested_at    TEXT NOT NULL,   -- RFC 3339, UTC
    CHECK (published IS NULL OR published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
);
CREATE INDEX articles_outlet ON articles(outlet_id);
CREATE INDEX articles_published ON articles(published);

-- Who speaks. Named people and organisations are one row per name across
-- the corpus; anonymous sources ("a senior U.S. official") are never merged
-- across articles, so they carry the article they belong to.
CREATE TABLE speakers (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('person', 'anonymous', 'organisation')),
    article_id  INTEGER REFERENCES articles(id) ON DELETE CASCADE,
    wikidata_id TEXT
);
CREATE UNIQUE INDEX speakers_identity ON speakers(kind, name COLLATE NOCASE, ifnull(article_id, 0));

-- Other names a speaker goes by ("Secretary Kerry", "John F. Kerry").
-- `source` tells the machine's guesses from the user's corrections, which
-- win and survive re-ingest.
CREATE TABLE speaker_aliases (
    id         INTEGER PRIMARY KEY,
    speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
    alias      TEXT NOT NULL COLLATE NOCASE,
    source     TEXT NOT NULL DEFAULT 'machine' CHECK (source IN ('machine', 'user')),
    UNIQUE (alias, speaker_id)
);
CREATE INDEX speaker_aliases_speaker ON speaker_aliases(speaker_id);

-- One row per quote found in an article. Offsets are UTF-8 byte offsets
-- into articles.text, end exclusive, so every quote leads back to its
-- sentence. `normalized` is the text folded for comparison (case, quote
-- marks, dashes, spaces) so renditions can be matched. AUTOINCREMENT
-- because ids are what users write down (`show 12`): a quote removed by
-- --replace must not hand its id to a different quote.
CREATE TABLE quotes (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    byte_start      INTEGER NOT NULL,
    byte_end        INTEGER NOT NULL,
    text            TEXT NOT NULL,
    normalized      TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('direct', 'partial', 'continuation')),
    cue             TEXT,
    cue_start       INTEGER,
    cue_end         INTEGER,
    speaker_id      INTEGER REFERENCES speakers(id),
    speaker_mention TEXT,           -- the speaker as written here ("he", "Kerry")
    speaker_start   INTEGER,
    speaker_end     INTEGER,
    speaker_role    TEXT,           -- title or role seen with the mention
    CHECK (byte_start <= byte_end)
);
CREATE INDEX quotes_article ON quotes(article_id, byte_start);
CREATE INDEX quotes_speaker ON quotes(speaker_id);

-- Full-text search over quote text, in the sqlite-utils layout (external
-- content table `quotes_fts` over `quotes`, kept in step by triggers) so
-- Datasette offers a search box on `quotes` without configuration.
CREATE VIRTUAL TABLE [quotes_fts] USING FTS5 (
    [text],
    tokenize='porter unicode61 remove_diacritics 2',
    content=[quotes]
);
CREATE TRIGGER [quotes_ai] AFTER INSERT ON [quotes] BEGIN
  INSERT INTO [quotes_fts] (rowid, [text]) VALUES (new.rowid, new.[text]);
END;
CREATE TRIGGER [quotes_ad] AFTER DELETE ON [quotes] BEGIN
  INSERT INTO [quotes_fts] ([quotes_fts], rowid, [text]) VALUES('delete', old.rowid, old.[text]);
END;
CREATE TRIGGER [quotes_au] AFTER UPDATE ON [quotes] BEGIN
  INSERT INTO [quotes_fts] ([quotes_fts], rowid, [text]) VALUES('delete', old.rowid, old.[text]);
  INSERT INTO [quotes_fts] (rowid, [text]) VALUES (new.rowid, new.[text]);
END;

-- Every quote with who said it and where it ran: the table most questions
-- start from.
CREATE VIEW quote_details AS
SELECT
    q.id               AS quote_id,
    s.name             AS speaker,
    s.kind             AS speaker_kind,
    q.speaker_mention  AS speaker_as_written,
    q.speaker_role     AS speaker_role,
    q.text             AS quote,
    q.kind             AS quote_kind,
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

-- Who is quoted how often, by how many outlets, and over which dates.
CREATE VIEW speaker_summary AS
SELECT
    s.id                         AS speaker_id,
    s.name                       AS speaker,
    s.kind                       AS kind,
    count(q.id)                  AS quotes,
    count(DISTINCT a.outlet_id)  AS outlets,
    count(DISTINCT a.id)         AS articles,
    min(a.published)             AS first_quoted,
    max(a.published)             AS last_quoted
FROM speakers s
LEFT JOIN quotes q ON q.speaker_id = s.id
LEFT JOIN articles a ON a.id = q.article_id
GROUP BY s.id;

-- Articles with their outlet's name and how many quotes were found in each.
CREATE VIEW article_summary AS
SELECT
    a.id            AS article_id,
    o.name          AS outlet,
    a.published     AS published,
    a.title         AS title,
    a.url           AS url,
    a.path          AS path,
    (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,
    a.ingested_at   AS ingested_at
FROM articles a
LEFT JOIN outlets o ON o.id = a.outlet_id;
