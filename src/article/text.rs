//! Plain-text articles, with optional front matter:
//!
//! ```text
//! ---
//! outlet: CBC News
//! date: 2015-09-18
//! title: Russia and U.S. military leaders hold rare call
//! ---
//! Article text...
//! ```
//!
//! The stored text is what follows the closing `---`, so quote offsets count
//! from the first line of the story, not from the file's first byte.

use anyhow::{Result, bail};

use super::Meta;

/// Split a file into its front matter and its body.
pub fn parse(file: &str) -> Result<(Meta, String)> {
    let file = file.strip_prefix('\u{feff}').unwrap_or(file);
    let Some(rest) = file
        .strip_prefix("---\n")
        .or_else(|| file.strip_prefix("---\r\n"))
    else {
        return Ok((Meta::default(), body(file)));
    };
    let mut meta = Meta::default();
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        offset += line.len();
        let line = line.trim();
        if line == "---" {
            return Ok((meta, body(&rest[offset..])));
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            bail!(
                "line {} of the front matter, {line:?}, is not `key: value`; fix it or remove the front matter",
                i + 2
            );
        };
        let value = unquote(value.trim());
        let slot = match key.trim().to_ascii_lowercase().as_str() {
            "outlet" | "source" | "publication" | "site" => &mut meta.outlet,
            "date" | "published" => &mut meta.date,
            "title" | "headline" => &mut meta.title,
            "url" | "link" => &mut meta.url,
            "author" | "byline" => &mut meta.author,
            // Blog-style front matter carries tags and the like; they say
            // nothing we store.
            _ => continue,
        };
        if !value.is_empty() {
            *slot = Some(value.to_string());
        }
    }
    bail!(
        "the front matter opened by `---` on line 1 is never closed; add a line `---` after the last `key: value` line"
    )
}

/// The story itself: Windows line ends folded to `\n` so paragraphs are
/// found the same way in every file, blank lines at either end dropped.
fn body(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    text.trim_start_matches('\n').trim_end().to_string()
}

fn unquote(value: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner;
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_and_body() {
        let file = "---\noutlet: CBC News\ndate: \"2015-09-18\"\ntags: [syria]\ntitle: Talks: a call\n---\n\nFirst line.\n\nSecond.\n";
        let (meta, body) = parse(file).unwrap();
        assert_eq!(meta.outlet.as_deref(), Some("CBC News"));
        assert_eq!(meta.date.as_deref(), Some("2015-09-18"));
        assert_eq!(meta.title.as_deref(), Some("Talks: a call"));
        assert_eq!(body, "First line.\n\nSecond.");
    }

    #[test]
    fn no_front_matter() {
        let (meta, body) = parse("\u{feff}Just a story.\r\nMore.\r\n").unwrap();
        assert_eq!(meta, Meta::default());
        assert_eq!(body, "Just a story.\nMore.");
    }

    #[test]
    fn unclosed_front_matter_is_an_error_that_says_what_to_do() {
        let err = parse("---\noutlet: X\nThe story starts here.\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("key: value"), "{err}");
        let err = parse("---\noutlet: X\n").unwrap_err().to_string();
        assert!(err.contains("never closed"), "{err}");
    }
}
