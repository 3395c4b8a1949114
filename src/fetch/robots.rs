//! robots.txt, as RFC 9309 reads it: the group for our user agent (or `*`),
//! the longest matching `Allow` or `Disallow` rule wins, `Allow` on a tie,
//! `*` matches any run of characters and `$` anchors the end. `Crawl-delay`
//! (not in the RFC, but widely written) slows the host's rate.

use std::time::Duration;

/// One group of a robots.txt: the user agents it names, its rules
/// (allow, pattern) and its Crawl-delay.
type Group = (Vec<String>, Vec<(bool, String)>, Option<Duration>);

/// The rules that apply to us on one host.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Robots {
    /// (allow, pattern), for our group.
    rules: Vec<(bool, String)>,
    /// `Crawl-delay` of our group, if it gives one.
    pub crawl_delay: Option<Duration>,
    /// Everything refused: the file could not be read for a reason that
    /// may mean the site wants no crawling (a server error).
    disallow_all: bool,
}

impl Robots {
    /// No rules at all: a host with no robots.txt (404) allows everything.
    pub fn allow_all() -> Robots {
        Robots::default()
    }

    /// RFC 9309 2.3.1.4: an unreachable robots.txt (server errors) means
    /// nothing may be fetched.
    pub fn disallow_all() -> Robots {
        Robots {
            disallow_all: true,
            ..Robots::default()
        }
    }

    /// Parse a robots.txt for the agent whose product token is `agent`
    /// (`quotetrack`): its own group if the file has one, else `*`'s.
    pub fn parse(text: &str, agent: &str) -> Robots {
        let agent = agent.to_ascii_lowercase();
        // Groups: the user agents they name, then their rules.
        let mut groups: Vec<Group> = Vec::new();
        let mut in_agents = false;
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let key = key.trim().to_ascii_lowercase();
            let value = value.trim();
            match key.as_str() {
                "user-agent" => {
                    if !in_agents {
                        groups.push((Vec::new(), Vec::new(), None));
                    }
                    in_agents = true;
                    if let Some(group) = groups.last_mut() {
                        group.0.push(value.to_ascii_lowercase());
                    }
                }
                "allow" | "disallow" => {
                    in_agents = false;
                    if let Some(group) = groups.last_mut() {
                        // An empty Disallow allows everything: no rule.
                        if !value.is_empty() {
                            group.1.push((key == "allow", value.to_string()));
                        }
                    }
                }
                "crawl-delay" => {
                    in_agents = false;
                    if let Some(group) = groups.last_mut() {
                        group.2 = value
                            .parse::<f64>()
                            .ok()
                            .filter(|s| s.is_finite() && *s >= 0.0)
                            .map(|s| Duration::from_secs_f64(s.min(60.0)));
                    }
                }
                _ => {}
            }
        }
        let ours = |name: &str| name != "*" && agent.starts_with(name);
        let pick = |want: &dyn Fn(&str) -> bool| {
            let mut rules = Vec::new();
            let mut delay = None;
            let mut found = false;
            for (agents, group_rules, group_delay) in &groups {
                if agents.iter().any(|a| want(a)) {
                    found = true;
                    rules.extend(group_rules.iter().cloned());
                    delay = delay.or(*group_delay);
                }
            }
            found.then_some((rules, delay))
        };
        let (rules, crawl_delay) = pick(&ours)
            .or_else(|| pick(&|a: &str| a == "*"))
            .unwrap_or_default();
        Robots {
            rules,
            crawl_delay,
            disallow_all: false,
        }
    }

    /// May `path` (with its query, as `/a/b?c=d`) be fetched?
    pub fn allowed(&self, path: &str) -> bool {
        if self.disallow_all {
            return false;
        }
        if path == "/robots.txt" {
            return true;
        }
        let mut best: Option<(usize, bool)> = None;
        for (allow, pattern) in &self.rules {
            if matches(pattern, path) {
                let len = pattern.len();
                best = match best {
                    Some((l, a)) if l > len || (l == len && a) => Some((l, a)),
                    _ => Some((len, *allow)),
                };
            }
        }
        best.is_none_or(|(_, allow)| allow)
    }
}

/// A robots.txt path pattern against a path: a prefix match, with `*` for
/// any run of characters and a final `$` for the end of the path.
fn matches(pattern: &str, path: &str) -> bool {
    let (pattern, anchored) = match pattern.strip_suffix('$') {
        Some(p) => (p, true),
        None => (pattern, false),
    };
    let parts: Vec<&str> = pattern.split('*').collect();
    let mut at = 0;
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            if !path.starts_with(part) {
                return false;
            }
            at = part.len();
        } else if i == parts.len() - 1 && anchored {
            // The last piece must end the path, after `at`.
            return path.len() >= at + part.len() && path.ends_with(part);
        } else {
            match path[at..].find(part) {
                Some(found) => at += found + part.len(),
                None => return false,
            }
        }
    }
    !anchored || at == path.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn our_group_or_everyones() {
        let text = "User-agent: *\nDisallow: /private/\n\nUser-agent: OtherBot\nDisallow: /\n";
        let r = Robots::parse(text, "quotetrack");
        assert!(r.allowed("/news/story"));
        assert!(!r.allowed("/private/x"));
        let text = "User-agent: *\nDisallow: /\n\nUser-agent: quotetrack\nUser-agent: b\nDisallow: /drafts\nCrawl-delay: 2.5\n";
        let r = Robots::parse(text, "quotetrack");
        assert!(r.allowed("/news/story"));
        assert!(!r.allowed("/drafts/1"));
        assert_eq!(r.crawl_delay, Some(Duration::from_millis(2500)));
    }

    #[test]
    fn longest_match_wins_allow_on_a_tie() {
        let text = "User-agent: *\nDisallow: /news/\nAllow: /news/public/\nDisallow: /*.pdf$\nAllow: /a\nDisallow: /a\n";
        let r = Robots::parse(text, "quotetrack");
        assert!(!r.allowed("/news/x"));
        assert!(r.allowed("/news/public/x"));
        assert!(!r.allowed("/files/report.pdf"));
        assert!(r.allowed("/files/report.pdf?x=1"));
        assert!(r.allowed("/a"));
        assert!(r.allowed("/robots.txt"));
    }

    #[test]
    fn empty_and_odd_files() {
        assert!(Robots::parse("", "quotetrack").allowed("/x"));
        assert!(Robots::parse("Disallow: /\n", "quotetrack").allowed("/x"));
        assert!(Robots::parse("User-agent: *\nDisallow:\n", "quotetrack").allowed("/x"));
        assert!(Robots::parse("\u{0}\u{1}garbage", "quotetrack").allowed("/x"));
        assert!(!Robots::disallow_all().allowed("/x"));
    }

    #[test]
    fn wildcards() {
        assert!(matches("/a*b", "/axxb"));
        assert!(matches("/a*b", "/axxbyy"));
        assert!(!matches("/a*b$", "/axxbyy"));
        assert!(matches("/a*b$", "/axxb"));
        assert!(matches("*", "/anything"));
        assert!(matches("/$", "/"));
        assert!(!matches("/$", "/x"));
    }
}
