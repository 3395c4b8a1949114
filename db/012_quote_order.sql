-- Pages of a search, deep ones too, chosen from narrow indexes instead of
-- the quotes rows (which hold each quote's text: 1.5 KB a row on the
-- million-quote database, so reading 100,000 of them to sort or filter
-- took most of a 250 ms page).
--
-- The date index of db/011 also holds what the search page's filters read
-- (kind, confidence, speaker) and the quote id in its place in the order
-- (date, article, place, id), so the walk along it that finds a page of
-- common words (src/store/query.rs) never reads a quotes row.
DROP INDEX quotes_published;
CREATE INDEX quotes_published
    ON quotes(published, article_id, byte_start, id, kind, confidence, speaker_id);

-- The same columns by quote id: the matches of rarer words (their ids come
-- from quotes_fts) are filtered and sorted by date from here.
CREATE INDEX quotes_order
    ON quotes(id, published, article_id, byte_start, kind, confidence, speaker_id);
