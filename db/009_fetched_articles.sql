-- quotetrack schema, migration 9: articles fetched from the web.
--
-- `url` is the address an article was asked for (or the one its file
-- gave); `canonical_url` the one the page names as its own
-- (`<link rel=canonical>`, `og:url`, or where redirects ended) when that
-- differs. `ingest` looks both up before fetching, so a URL already stored
-- is not fetched again.
ALTER TABLE articles ADD COLUMN canonical_url TEXT;
CREATE INDEX articles_url ON articles(url);
CREATE INDEX articles_canonical_url ON articles(canonical_url);

-- Where `published` came from when the article offered several dates:
-- 'published' (the page's published date), 'date field' (front matter or a
-- JSON Lines field), 'time element', 'feed item', 'url' (/2016/03/04/ in
-- its address), '--date' (given on the command line) or 'modified'.
-- NULL for articles stored before this migration, or with no date.
ALTER TABLE articles ADD COLUMN date_source TEXT;

-- The web domains an outlet's articles were stored from (`nytimes.com`),
-- so `quotes --outlet nytimes.com` finds The New York Times.
CREATE TABLE outlet_domains (
    outlet_id INTEGER NOT NULL REFERENCES outlets(id) ON DELETE CASCADE,
    domain    TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (domain, outlet_id)
);

-- Articles stored before this migration give their outlets' domains from
-- their url: the host, lower case, without `www.`, a port or a query.
INSERT OR IGNORE INTO outlet_domains (outlet_id, domain)
SELECT DISTINCT outlet_id,
       CASE WHEN host LIKE 'www.%' THEN substr(host, 5) ELSE host END
FROM (
    SELECT outlet_id,
           lower(CASE WHEN instr(h2, ':') > 0 THEN substr(h2, 1, instr(h2, ':') - 1) ELSE h2 END) AS host
    FROM (
        SELECT outlet_id,
               CASE WHEN instr(h1, '?') > 0 THEN substr(h1, 1, instr(h1, '?') - 1) ELSE h1 END AS h2
        FROM (
            SELECT outlet_id,
                   CASE WHEN instr(rest, '/') > 0 THEN substr(rest, 1, instr(rest, '/') - 1) ELSE rest END AS h1
            FROM (
                SELECT outlet_id, substr(url, instr(url, '://') + 3) AS rest
                FROM articles
                WHERE outlet_id IS NOT NULL
                  AND (lower(url) LIKE 'http://%' OR lower(url) LIKE 'https://%')
            )
        )
    )
)
WHERE host <> '';
