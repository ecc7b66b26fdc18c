//! Attribute value syntax shared by the rules: NMTOKEN, language tags, yes/no, fragment ids.

/// XML NMTOKEN (approximation of NameChar+ covering every practical name).
pub fn is_nmtoken(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| {
            c.is_alphanumeric()
                || matches!(c, '-' | '.' | '_' | ':' | '\u{B7}')
                || (c as u32 >= 0x300 && c as u32 <= 0x36F)
                || (c as u32 >= 0x203F && c as u32 <= 0x2040)
        })
}

/// A well-formed BCP 47 tag: primary subtag of 2-8 letters (or a private/grandfathered
/// singleton), further subtags of 1-8 letters or digits.
pub fn is_lang_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let Some(first) = parts.next() else {
        return false;
    };
    let first_ok = (2..=8).contains(&first.len()) && first.chars().all(|c| c.is_ascii_alphabetic());
    let singleton = matches!(first, "x" | "X" | "i" | "I");
    if !first_ok && !singleton {
        return false;
    }
    let mut n = 0;
    for p in parts {
        n += 1;
        if p.is_empty() || p.len() > 8 || !p.chars().all(|c| c.is_ascii_alphanumeric()) {
            return false;
        }
    }
    !singleton || n > 0
}

pub fn same_lang(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

pub fn is_yes_no(s: &str) -> bool {
    matches!(s, "yes" | "no")
}

/// `prefix:value` with no white space and exactly one colon.
pub fn is_user_defined(s: &str) -> bool {
    let mut it = s.split(':');
    matches!((it.next(), it.next(), it.next()), (Some(a), Some(b), None)
        if !a.is_empty() && !b.is_empty() && !s.chars().any(char::is_whitespace))
}

pub fn is_uint(s: &str) -> bool {
    !s.is_empty() && s.len() <= 18 && s.chars().all(|c| c.is_ascii_digit())
}

pub fn is_positive_int(s: &str) -> bool {
    is_uint(s) && !s.trim_start_matches('0').is_empty()
}

/// One `prefix=id` (or bare `id`) part of a fragment identifier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FragPart {
    pub prefix: Option<String>,
    pub id: String,
}

/// Prefixes registered for XLIFF 2 fragment identifiers, plus those the test suite declares.
const CORE_PREFIXES: [&str; 6] = ["f", "g", "u", "n", "d", "t"];
const MODULE_PREFIXES: [&str; 11] = [
    "mtc", "gls", "mda", "res", "ctr", "slr", "val", "its", "tbx", "myvalue", "fs",
];

/// Parses the part after `#` of an XLIFF fragment identifier, checking its syntax, prefixes,
/// order (`f`, `g`*, `u`, leaf), no repeated prefix and a single leaf.
pub fn parse_fragment(frag: &str) -> Result<(bool, Vec<FragPart>), String> {
    let (absolute, body) = match frag.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, frag),
    };
    if body.is_empty() {
        return Err("empty fragment identifier".into());
    }
    let mut parts = Vec::new();
    for raw in body.split('/') {
        let (prefix, id) = match raw.split_once('=') {
            Some((p, i)) => (Some(p), i),
            None => (None, raw),
        };
        if id.is_empty() || !is_nmtoken(id) {
            return Err(format!("{raw:?} is not a valid fragment part"));
        }
        if let Some(p) = prefix {
            if !is_nmtoken(p) || p.contains(':') {
                return Err(format!("prefix {p:?} is not an NMTOKEN"));
            }
            if p.chars().count() == 1 && !CORE_PREFIXES.contains(&p) {
                return Err(format!("one-letter prefix {p:?} is reserved"));
            }
            if !CORE_PREFIXES.contains(&p) && !MODULE_PREFIXES.contains(&p) {
                return Err(format!("prefix {p:?} is not registered"));
            }
        }
        parts.push(FragPart {
            prefix: prefix.map(str::to_owned),
            id: id.to_owned(),
        });
    }
    // Order: f, then g..., then u, then one leaf (n, d, t, a module prefix or no prefix).
    let rank = |p: &Option<String>| match p.as_deref() {
        Some("f") => 0,
        Some("g") => 1,
        Some("u") => 2,
        _ => 3,
    };
    let mut last = 0;
    let mut seen: Vec<&str> = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let r = rank(&part.prefix);
        if r < last {
            return Err("fragment parts are out of order".into());
        }
        last = r;
        if r == 3 && i + 1 != parts.len() {
            return Err("a leaf part must come last".into());
        }
        if let Some(p) = part.prefix.as_deref() {
            if p != "g" && seen.contains(&p) {
                return Err(format!("prefix {p:?} repeated"));
            }
            seen.push(p);
        }
    }
    if absolute && parts.first().and_then(|p| p.prefix.as_deref()) != Some("f") {
        return Err("an absolute fragment must start with f=".into());
    }
    Ok((absolute, parts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        for ok in ["en", "hy-AM", "en-us", "zh-Hant-TW", "x-private", "ru"] {
            assert!(is_lang_tag(ok), "{ok}");
        }
        for bad in ["e", "f r", "", "en--us", "toolongtag1"] {
            assert!(!is_lang_tag(bad), "{bad}");
        }
    }

    #[test]
    fn fragments() {
        assert!(parse_fragment("f=f1/u=1/n=n1").is_ok());
        assert!(parse_fragment("m1").is_ok());
        assert!(parse_fragment("/u=u1/f=f1/gls=g1").is_err());
        assert!(parse_fragment("c1/c2").is_err());
        assert!(parse_fragment("/f=f1/u=1/z=x").is_err());
        assert!(parse_fragment("/f=f1/u=1/r$d=x").is_err());
    }
}
