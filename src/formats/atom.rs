//! Atom 1.0 (RFC 4287) feeds of published statements.

use std::io::{self, Write};

use chrono::{DateTime, Utc};

use crate::domain::language::LanguageTag;
use crate::formats::tmx::write_escaped;

/// One published statement (in one language) in a feed.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedEntry {
    /// A permanent `tag:` or `urn:` URI: it must not change when the statement's URL does.
    pub id: String,
    pub title: String,
    /// The statement's public page.
    pub url: String,
    pub updated: DateTime<Utc>,
    pub published: DateTime<Utc>,
    /// Plain text, not HTML.
    pub summary: String,
    pub lang: LanguageTag,
}

/// A feed; entries are written in the order given (newest first, by convention).
#[derive(Debug, Clone, PartialEq)]
pub struct Feed {
    /// A permanent `tag:` or `urn:` URI.
    pub id: String,
    pub title: String,
    /// Where the feed itself is served.
    pub self_url: String,
    /// The site's home page.
    pub site_url: String,
    pub lang: LanguageTag,
    pub updated: DateTime<Utc>,
    pub entries: Vec<FeedEntry>,
}

/// Writes `feed` as an Atom 1.0 document.
///
/// The feed-level author (`Tandem`, with the site's URL) satisfies RFC 4287's rule that every
/// entry has an author without repeating it; titles and summaries are `type="text"`, so
/// readers show markup-like characters literally. `out` should be buffered.
pub fn write_atom(feed: &Feed, out: &mut impl Write) -> io::Result<()> {
    out.write_all(
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
          <feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"",
    )?;
    write_escaped(out, feed.lang.as_str(), true)?;
    out.write_all(b"\">\n")?;
    text_element(out, "id", None, &feed.id)?;
    text_element(out, "title", Some("text"), &feed.title)?;
    date_element(out, "updated", &feed.updated)?;
    out.write_all(b"<author><name>Tandem</name><uri>")?;
    write_escaped(out, &feed.site_url, false)?;
    out.write_all(b"</uri></author>\n")?;
    link(out, "self", "application/atom+xml", &feed.self_url, None)?;
    link(out, "alternate", "text/html", &feed.site_url, None)?;
    writeln!(
        out,
        "<generator version=\"{}\">Tandem</generator>",
        env!("CARGO_PKG_VERSION")
    )?;
    for entry in &feed.entries {
        // Each entry names its own language: a feed may mix the languages of a statement.
        out.write_all(b"<entry xml:lang=\"")?;
        write_escaped(out, entry.lang.as_str(), true)?;
        out.write_all(b"\">\n")?;
        text_element(out, "id", None, &entry.id)?;
        text_element(out, "title", Some("text"), &entry.title)?;
        link(
            out,
            "alternate",
            "text/html",
            &entry.url,
            Some(entry.lang.as_str()),
        )?;
        date_element(out, "published", &entry.published)?;
        date_element(out, "updated", &entry.updated)?;
        text_element(out, "summary", Some("text"), &entry.summary)?;
        out.write_all(b"</entry>\n")?;
    }
    out.write_all(b"</feed>\n")
}

fn text_element<W: Write + ?Sized>(
    out: &mut W,
    name: &str,
    kind: Option<&str>,
    text: &str,
) -> io::Result<()> {
    match kind {
        Some(kind) => write!(out, "<{name} type=\"{kind}\">")?,
        None => write!(out, "<{name}>")?,
    }
    write_escaped(out, text, false)?;
    writeln!(out, "</{name}>")
}

/// An RFC 3339 date in UTC; fractional seconds only when there are any.
fn date_element<W: Write + ?Sized>(
    out: &mut W,
    name: &str,
    date: &DateTime<Utc>,
) -> io::Result<()> {
    writeln!(
        out,
        "<{name}>{}</{name}>",
        date.format("%Y-%m-%dT%H:%M:%S%.fZ")
    )
}

fn link<W: Write + ?Sized>(
    out: &mut W,
    rel: &str,
    kind: &str,
    href: &str,
    hreflang: Option<&str>,
) -> io::Result<()> {
    write!(out, "<link rel=\"{rel}\" type=\"{kind}\" href=\"")?;
    write_escaped(out, href, true)?;
    if let Some(lang) = hreflang {
        out.write_all(b"\" hreflang=\"")?;
        write_escaped(out, lang, true)?;
    }
    out.write_all(b"\"/>\n")
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::formats::tmx::tests::sample::tag;
    use crate::formats::tmx::tests::xml::{self, Element};

    fn at(h: u32, nanos: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 27, h, 15, 0).unwrap()
            + chrono::Duration::nanoseconds(i64::from(nanos))
    }

    fn feed() -> Feed {
        Feed {
            id: "tag:tandem.example,2026:feed/hy".to_owned(),
            title: "Հայտարարություններ <&\"> «Տանդեմ»".to_owned(),
            self_url: "https://tandem.example/feed.atom?lang=hy&page=1".to_owned(),
            site_url: "https://tandem.example/".to_owned(),
            lang: tag("hy"),
            updated: at(10, 0),
            entries: vec![
                FeedEntry {
                    id: "tag:tandem.example,2026:statement/7/2/ru".to_owned(),
                    title: "Открытое письмо: «A < B & C» \"цитата\"".to_owned(),
                    url: "https://tandem.example/ru/s/open-letter?v=2&x=\"1\"".to_owned(),
                    updated: at(10, 500_000_000),
                    published: at(9, 0),
                    summary: "Мы обращаемся к вам. <b>не жирный</b>".to_owned(),
                    lang: tag("ru"),
                },
                FeedEntry {
                    id: "urn:uuid:5b0c6c6e-3f0e-4a57-9d8b-1a2b3c4d5e6f".to_owned(),
                    title: "Բաց նամակ «Հայաստանի» ժողովրդին <&\">".to_owned(),
                    url: "https://tandem.example/hy/s/open-letter".to_owned(),
                    updated: at(8, 0),
                    published: at(8, 0),
                    summary: "Մենք դիմում ենք ձեզ։".to_owned(),
                    lang: tag("hy"),
                },
            ],
        }
    }

    fn atom(feed: &Feed) -> String {
        let mut out = Vec::new();
        write_atom(feed, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn link_href<'a>(el: &'a Element, rel: &str) -> &'a str {
        let links: Vec<_> = el
            .all("link")
            .into_iter()
            .filter(|l| l.attr("rel") == Some(rel))
            .collect();
        assert_eq!(links.len(), 1, "one link rel={rel}");
        links[0].attr("href").unwrap()
    }

    #[test]
    fn feed_has_the_required_elements() {
        let root = xml::parse(&atom(&feed()));
        assert_eq!(root.name, "feed");
        assert_eq!(root.attr("xmlns"), Some("http://www.w3.org/2005/Atom"));
        assert_eq!(root.attr("xml:lang"), Some("hy"));
        assert_eq!(root.one("id").text(), "tag:tandem.example,2026:feed/hy");
        assert_eq!(
            root.one("title").text(),
            "Հայտարարություններ <&\"> «Տանդեմ»"
        );
        assert_eq!(root.one("updated").text(), "2026-11-27T10:15:00Z");
        assert_eq!(root.one("author").one("name").text(), "Tandem");
        assert_eq!(
            link_href(&root, "self"),
            "https://tandem.example/feed.atom?lang=hy&page=1"
        );
        assert_eq!(link_href(&root, "alternate"), "https://tandem.example/");
        assert_eq!(root.all("entry").len(), 2);
    }

    #[test]
    fn entries_have_the_required_elements_and_rfc3339_dates() {
        let root = xml::parse(&atom(&feed()));
        let entries = root.all("entry");
        let ru = entries[0];
        assert_eq!(ru.attr("xml:lang"), Some("ru"));
        assert_eq!(
            ru.one("id").text(),
            "tag:tandem.example,2026:statement/7/2/ru"
        );
        assert_eq!(ru.one("title").attr("type"), Some("text"));
        assert_eq!(
            ru.one("title").text(),
            "Открытое письмо: «A < B & C» \"цитата\""
        );
        assert_eq!(
            link_href(ru, "alternate"),
            "https://tandem.example/ru/s/open-letter?v=2&x=\"1\""
        );
        assert_eq!(ru.one("link").attr("hreflang"), Some("ru"));
        assert_eq!(ru.one("published").text(), "2026-11-27T09:15:00Z");
        assert_eq!(ru.one("updated").text(), "2026-11-27T10:15:00.500Z");
        for date in [ru.one("published").text(), ru.one("updated").text()] {
            assert!(DateTime::parse_from_rfc3339(&date).is_ok(), "{date}");
        }
        assert_eq!(ru.one("summary").attr("type"), Some("text"));
        assert_eq!(
            ru.one("summary").text(),
            "Мы обращаемся к вам. <b>не жирный</b>"
        );
        let hy = entries[1];
        assert_eq!(
            hy.one("id").text(),
            "urn:uuid:5b0c6c6e-3f0e-4a57-9d8b-1a2b3c4d5e6f"
        );
        assert_eq!(
            hy.one("title").text(),
            "Բաց նամակ «Հայաստանի» ժողովրդին <&\">"
        );
    }

    #[test]
    fn markup_in_titles_and_urls_is_escaped() {
        let out = atom(&feed());
        assert!(out.contains(
            "<title type=\"text\">Открытое письмо: «A &lt; B &amp; C» \"цитата\"</title>"
        ));
        assert!(out
            .contains("href=\"https://tandem.example/ru/s/open-letter?v=2&amp;x=&quot;1&quot;\""));
        assert!(out.contains("&lt;b&gt;не жирный&lt;/b&gt;"));
        assert!(!out.contains("<b>"));
    }

    #[test]
    fn an_empty_feed_is_still_complete() {
        let mut empty = feed();
        empty.entries.clear();
        let root = xml::parse(&atom(&empty));
        assert_eq!(
            root.names(),
            [
                "id",
                "title",
                "updated",
                "author",
                "link",
                "link",
                "generator"
            ]
        );
    }
}
