-- Quotes by publication date: `quotes --since/--until` and the web page's
-- date filter read the dated quotes in order from here and stop at the
-- page's end, instead of sorting every quote in the range (on a million
-- quotes a date filter alone took 150 ms in sqlite3 and 550 ms a page).
CREATE INDEX quotes_published ON quotes(published, article_id, byte_start);
