//! URLs and e-mail addresses: found in a text, and those of the source required in the target.

use std::ops::Range;

use super::{CheckId, Finding, Severity};

/// A URL or e-mail address as written, with its byte span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Link {
    pub text: String,
    pub span: Range<usize>,
}

/// Schemes and the `www.` prefix that start a URL written in running text.
const URL_STARTS: [&str; 4] = ["https://", "http://", "ftp://", "www."];

/// Characters that end a URL: white space, quotes and angle brackets never belong to one in a
/// statement's text.
fn ends_url(c: char) -> bool {
    c.is_whitespace() || matches!(c, '<' | '>' | '"' | '«' | '»' | '“' | '”' | '„' | '‘' | '’')
}

/// Punctuation that ends the sentence after a URL rather than belonging to it.
fn is_trailing_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | '։' | '՝' | '․' | '…' | ')' | ']' | '}' | '\''
    )
}

/// URLs and e-mail addresses of `text`, in order.
pub(super) fn find_links(text: &str) -> Vec<Link> {
    let mut links = find_urls(text);
    let emails: Vec<Link> = find_emails(text)
        .into_iter()
        // `https://user@host` is a URL already.
        .filter(|e| {
            !links
                .iter()
                .any(|u| u.span.start < e.span.end && e.span.start < u.span.end)
        })
        .collect();
    links.extend(emails);
    links.sort_by_key(|l| l.span.start);
    links
}

fn find_urls(text: &str) -> Vec<Link> {
    let mut links = Vec::new();
    let mut from = 0;
    while from < text.len() {
        let Some((start, _)) = text[from..].char_indices().find(|&(i, _)| {
            let rest = &text[from + i..];
            URL_STARTS.iter().any(|p| starts_with_ignore_case(rest, p))
        }) else {
            break;
        };
        let start = from + start;
        // `xwww.` or `shttp://` are not URL starts: the URL must begin a word.
        if text[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric())
        {
            from = start + 1;
            continue;
        }
        let mut end = text[start..]
            .char_indices()
            .find(|&(_, c)| ends_url(c))
            .map_or(text.len(), |(i, _)| start + i);
        end = trim_url_end(text, start, end);
        let url = &text[start..end];
        // A bare scheme or `www.` alone is not a link.
        if URL_STARTS.iter().all(|p| url.len() > p.len()) {
            links.push(Link {
                text: url.to_owned(),
                span: start..end,
            });
        }
        from = end.max(start + 1);
    }
    links
}

/// Drops sentence punctuation after a URL, but keeps a `)` that closes a `(` of the URL itself
/// (`https://en.wikipedia.org/wiki/Yerevan_(city)`).
fn trim_url_end(text: &str, start: usize, mut end: usize) -> usize {
    while let Some(c) = text[start..end].chars().next_back() {
        if !is_trailing_punct(c) {
            break;
        }
        if c == ')' {
            let url = &text[start..end];
            if url.matches('(').count() >= url.matches(')').count() {
                break;
            }
        }
        end -= c.len_utf8();
    }
    end
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

fn is_domain_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-')
}

fn find_emails(text: &str) -> Vec<Link> {
    let mut links = Vec::new();
    for (at, _) in text.match_indices('@') {
        let start = text[..at]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_local_char(c))
            .last()
            .map_or(at, |(i, _)| i);
        let mut end = text[at + 1..]
            .char_indices()
            .find(|&(_, c)| !is_domain_char(c))
            .map_or(text.len(), |(i, _)| at + 1 + i);
        // A full stop or hyphen right after the address belongs to the sentence.
        while end > at + 1 && text[..end].ends_with(['.', '-']) {
            end -= 1;
        }
        let local = &text[start..at];
        let domain = &text[at + 1..end];
        let tld_ok = domain.rsplit_once('.').is_some_and(|(host, tld)| {
            !host.is_empty() && tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic())
        });
        if !local.is_empty() && !local.starts_with('.') && tld_ok {
            links.push(Link {
                text: text[start..end].to_owned(),
                span: start..end,
            });
        }
    }
    links
}

/// Every URL and e-mail address of the source must be in the target exactly as written
/// [error: a wrong address sends readers elsewhere].
pub(super) fn check_links(source: &[Link], target: &[Link]) -> Vec<Finding> {
    let mut findings: Vec<Finding> = Vec::new();
    for link in source {
        if target.iter().any(|t| t.text == link.text) {
            continue;
        }
        let finding =
            Finding::new(CheckId::LinkMissing, Severity::Error).arg("link", link.text.clone());
        if !findings.contains(&finding) {
            findings.push(finding);
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        find_links(text).into_iter().map(|l| l.text).collect()
    }

    fn check(source: &str, target: &str) -> Vec<Finding> {
        check_links(&find_links(source), &find_links(target))
    }

    #[test]
    fn urls_lose_the_sentence_punctuation_after_them() {
        assert_eq!(
            texts("Details are at https://www.gov.am/en/news/."),
            ["https://www.gov.am/en/news/"]
        );
        assert_eq!(
            texts("Մանրամասները՝ https://www.gov.am/hy/news/ կայքում։"),
            ["https://www.gov.am/hy/news/"]
        );
        assert_eq!(texts("Подробности на сайте www.mfa.am."), ["www.mfa.am"]);
        assert_eq!(
            texts("(see https://en.wikipedia.org/wiki/Yerevan_(city))"),
            ["https://en.wikipedia.org/wiki/Yerevan_(city)"]
        );
        assert_eq!(
            texts("«https://gov.am/ru/» — официальный сайт"),
            ["https://gov.am/ru/"]
        );
    }

    #[test]
    fn emails_are_found_without_the_full_stop() {
        assert_eq!(
            texts("Հարցերն ուղարկեք press@mfa.am հասցեով։"),
            ["press@mfa.am"]
        );
        assert_eq!(
            texts("Write to press.office@parliament.am."),
            ["press.office@parliament.am"]
        );
        assert_eq!(
            texts("Пишите на press@mfa.am, мы ответим."),
            ["press@mfa.am"]
        );
    }

    #[test]
    fn non_links_are_ignored() {
        assert!(texts("The meeting is @ 10:00 at the ministry.").is_empty());
        assert!(texts("Адрес: user@localhost").is_empty());
        assert!(texts("the prefix www. alone").is_empty());
        assert!(texts("awww.example.com").is_empty());
    }

    #[test]
    fn a_url_with_credentials_is_one_link() {
        assert_eq!(
            texts("ftp://user@files.gov.am/report.pdf"),
            ["ftp://user@files.gov.am/report.pdf"]
        );
    }

    #[test]
    fn kept_links_pass_in_all_three_languages() {
        let en = "Details at https://www.gov.am/en/news/ or press@mfa.am.";
        let ru = "Подробности на https://www.gov.am/en/news/ или по адресу press@mfa.am.";
        let hy = "Մանրամասները՝ https://www.gov.am/en/news/ կայքում կամ press@mfa.am հասցեով։";
        assert!(check(en, ru).is_empty());
        assert!(check(en, hy).is_empty());
        assert!(check(hy, ru).is_empty());
    }

    #[test]
    fn a_changed_or_dropped_link_is_an_error() {
        let en = "Details at https://www.gov.am/en/news/ or press@mfa.am.";
        let ru = "Подробности на https://www.gov.am/ru/news/ или по адресу press@mfa.am.";
        let findings = check(en, ru);
        assert_eq!(
            findings,
            [Finding::new(CheckId::LinkMissing, Severity::Error)
                .arg("link", "https://www.gov.am/en/news/")]
        );
        let hy = "Մանրամասները՝ https://www.gov.am/en/news/ կայքում։";
        let findings = check(en, hy);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].args[0].1, "press@mfa.am");
        let en_back = "Write to press@mfa.am.";
        assert_eq!(check(hy, en_back).len(), 1);
    }

    #[test]
    fn the_same_missing_link_is_reported_once() {
        let en = "See www.gov.am and again www.gov.am.";
        assert_eq!(check(en, "Смотрите сайт правительства.").len(), 1);
    }
}
