-- quotetrack schema, migration 5: quotes listed by date without reading
-- their articles.
--
-- `quotes.published` is a copy of the article's date (`articles.published`,
-- kept in step by the trigger below), so `quotes --speaker NAME --limit 50`
-- sorts the speaker's quotes by date from an index instead of fetching
-- every one of their articles: on a million quotes, a surname shared by 60
-- speakers (25,000 quotes) took a quarter of a second, nearly all of it
-- reading article rows.

-- Updating a quote's speaker (every ingest works out speaker identity
-- again) re-indexed its text for full-text search, which had not changed:
-- only a change to the text needs it.
DROP TRIGGER [quotes_au];
CREATE TRIGGER [quotes_au] AFTER UPDATE OF [text] ON [quotes] BEGIN
  INSERT INTO [quotes_fts] ([quotes_fts], rowid, [text]) VALUES('delete', old.rowid, old.[text]);
  INSERT INTO [quotes_fts] (rowid, [text]) VALUES (new.rowid, new.[text]);
END;

ALTER TABLE quotes ADD COLUMN published TEXT;  -- the article's date, YYYY-MM-DD (a copy of articles.published)

UPDATE quotes SET published = (SELECT a.published FROM articles a WHERE a.id = quotes.article_id);

-- A speaker's quotes in the order `quotes` lists them (date, article,
-- place in it; the id is the row's own). It serves every lookup the
-- index on speaker_id alone did, so that one goes.
DROP INDEX quotes_speaker;
CREATE INDEX quotes_speaker_published ON quotes(speaker_id, published, article_id, byte_start);

-- An article's date corrected (in sqlite3, or by `ingest --replace` with a
-- date) reaches its quotes.
CREATE TRIGGER articles_published_au AFTER UPDATE OF published ON articles BEGIN
  UPDATE quotes SET published = new.published WHERE article_id = new.id;
END;
