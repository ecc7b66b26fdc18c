//! Reads the clues that survive translation out of one sentence or paragraph, whatever its script.

use super::names::skeleton;

/// What a clue is; the key beside it tells which one of its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Kind {
    /// Digits with group separators removed, so that `3,400`, `3 400` and `3400` agree.
    Number,
    /// A URL or an e-mail address, lower-cased, without its scheme.
    Link,
    /// A word in Latin letters, lower-cased: a name or acronym left untranslated.
    Word,
    /// The consonant skeleton of a capitalised word in any script: a transliterated name.
    Name,
    /// The same for the first word of a sentence, whose capital may be only the sentence's:
    /// it stands for a name only if the skeleton also occurs mid-sentence on its side.
    InitialName,
    Question,
    Exclamation,
    /// The opening of quoted speech, by quotation mark or dialogue dash.
    Quote,
    /// One per sentence that the unit holds: itself plus each sentence end inside it.
    SentenceEnd,
}

/// One clue; the same clue may occur several times in a unit, and each occurrence counts.
pub(super) type Feature = (Kind, String);

/// All the clues of `text`, in no particular order.
pub(super) fn extract(text: &str) -> Vec<Feature> {
    let mut out = Vec::new();
    let mut rest = String::with_capacity(text.len());
    // Links are taken whole first, so that their digits and words are not counted twice.
    for (i, chunk) in text.split_whitespace().enumerate() {
        if i > 0 {
            rest.push(' ');
        }
        match link(chunk) {
            Some(key) => {
                out.push((Kind::Link, key));
                rest.push(' ');
            }
            None => rest.push_str(chunk),
        }
    }
    let chars: Vec<char> = rest.chars().collect();
    out.push((Kind::SentenceEnd, String::new()));
    let mut at_start = true;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let (key, next) = number(&chars, i);
            out.push((Kind::Number, key));
            at_start = false;
            i = next;
            continue;
        }
        if c.is_alphabetic() {
            let start = i;
            while i < chars.len() && chars[i].is_alphabetic() {
                i += 1;
            }
            let word = &chars[start..i];
            if word.len() >= 2 && word.iter().all(|&c| is_latin(c)) {
                out.push((
                    Kind::Word,
                    word.iter().flat_map(|c| c.to_lowercase()).collect(),
                ));
            }
            if let Some(key) = skeleton(word) {
                let kind = if at_start {
                    Kind::InitialName
                } else {
                    Kind::Name
                };
                out.push((kind, key));
            }
            at_start = false;
            continue;
        }
        match c {
            // `՞` sits over the stressed vowel of an Armenian question, inside the word.
            '?' | '՞' | '？' => out.push((Kind::Question, String::new())),
            '!' | '՜' | '！' => out.push((Kind::Exclamation, String::new())),
            _ if opens_quote(&chars, i) => out.push((Kind::Quote, String::new())),
            _ => {}
        }
        if ends_sentence_inside(&chars, i) {
            out.push((Kind::SentenceEnd, String::new()));
            at_start = true;
        }
        i += 1;
    }
    out
}

/// The key of a URL or e-mail address, or `None` when `chunk` is neither.
fn link(chunk: &str) -> Option<String> {
    let trimmed = chunk.trim_matches(|c: char| !c.is_alphanumeric() && c != '/');
    let lower = trimmed.to_lowercase();
    let bare = lower
        .split_once("://")
        .map_or(lower.as_str(), |(_, after)| after);
    let bare = bare
        .strip_prefix("www.")
        .unwrap_or(bare)
        .trim_end_matches('/');
    let is_url = lower.contains("://") || lower.starts_with("www.");
    let is_mail = match bare.split_once('@') {
        Some((user, host)) => !user.is_empty() && host.contains('.') && !host.ends_with('.'),
        None => false,
    };
    (is_url || is_mail).then(|| bare.to_string())
}

/// Reads the number starting at `start`; returns its key and the index after it.
///
/// A comma or dot between digits is dropped whatever its role, since English `3.5` is Russian
/// `3,5`. A space between digits is a group separator only before exactly three digits, so that
/// `3 400` joins but `aged 33 34` (a list) does not.
fn number(chars: &[char], start: usize) -> (String, usize) {
    let mut key = String::new();
    let mut i = start;
    loop {
        while i < chars.len() && chars[i].is_ascii_digit() {
            key.push(chars[i]);
            i += 1;
        }
        let Some(&sep) = chars.get(i) else { break };
        let group = digits_from(chars, i + 1);
        let joins = match sep {
            ',' | '.' | '\'' | '’' => group > 0,
            ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' => group == 3,
            _ => false,
        };
        if !joins {
            break;
        }
        i += 1;
    }
    let trimmed = key.trim_start_matches('0');
    let key = if trimmed.is_empty() { "0" } else { trimmed };
    (key.to_string(), i)
}

fn digits_from(chars: &[char], start: usize) -> usize {
    chars
        .iter()
        .skip(start)
        .take_while(|c| c.is_ascii_digit())
        .count()
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (('\u{c0}'..='\u{24f}').contains(&c) && c != '×' && c != '÷')
        || ('\u{1e00}'..='\u{1eff}').contains(&c)
}

fn is_armenian(c: char) -> bool {
    ('\u{531}'..='\u{58a}').contains(&c) || ('\u{fb13}'..='\u{fb17}').contains(&c)
}

/// Whether `chars[i]` opens quoted speech: an opening quotation mark of any script, told from a
/// closing one by what surrounds it rather than by its shape (`“` opens in English and closes in
/// Russian), or a dialogue dash before a capital, which Russian and Armenian use instead of quotes.
fn opens_quote(chars: &[char], i: usize) -> bool {
    let before = i.checked_sub(1).map(|k| chars[k]);
    let after = chars.get(i + 1).copied();
    match chars[i] {
        '"' | '“' | '”' | '„' | '«' | '»' | '‹' | '›' | '「' | '」' | '『' | '』' | '＂' | '\''
        | '‘' | '’' => {
            let open_before =
                before.is_none_or(|c| c.is_whitespace() || is_opening(c) || is_dash(c));
            open_before && after.is_some_and(|c| !c.is_whitespace())
        }
        c if is_dash(c) => {
            let prev = chars[..i].iter().rev().find(|c| !c.is_whitespace());
            let opens_clause = prev.is_none_or(|&c| matches!(c, '.' | ':' | '!' | '?' | '։' | '…'));
            let next = chars[i + 1..].iter().find(|c| !c.is_whitespace());
            let spaces = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_whitespace())
                .count();
            opens_clause && spaces <= 1 && next.is_some_and(|c| c.is_uppercase())
        }
        _ => false,
    }
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‒' | '―')
}

/// Whether `chars[i]` ends a sentence that another one follows inside the same unit: the last mark
/// of a full stop, question or exclamation, then white space and a capital letter or a digit.
///
/// In Armenian text `:` is the usual stand-in for the full stop `։`, while `.` marks
/// abbreviations or acts as a colon; elsewhere `:` never ends a sentence. A dot after a short
/// capitalised word (`Mr.`, `Dr.`, `U.S.`) is taken for an abbreviation.
fn ends_sentence_inside(chars: &[char], i: usize) -> bool {
    if !is_stop(chars[i]) || chars.get(i + 1).is_some_and(|&c| is_stop(c)) {
        return false;
    }
    let mut start = i;
    while start > 0 && is_stop(chars[start - 1]) {
        start -= 1;
    }
    let cluster = &chars[start..=i];
    let word_start = chars[..start]
        .iter()
        .rposition(|c| !c.is_alphabetic())
        .map_or(0, |k| k + 1);
    let prev_word = &chars[word_start..start];
    let armenian = prev_word.last().is_some_and(|&c| is_armenian(c));
    let ends = if cluster
        .iter()
        .any(|c| matches!(c, '!' | '?' | '…' | '։' | '。' | '！' | '？'))
        || cluster.len() > 1
    {
        true
    } else if cluster == [':'] {
        armenian
    } else {
        let short_capital =
            prev_word.len() <= 3 && prev_word.first().is_some_and(|c| c.is_uppercase());
        let after_digit_or_quote = chars[..start]
            .last()
            .is_some_and(|&c| c.is_ascii_digit() || is_closing(c));
        (!armenian && !short_capital && !prev_word.is_empty()) || after_digit_or_quote
    };
    if !ends {
        return false;
    }
    // The sentence may end inside a quote or bracket, and the next one may open with one.
    let mut j = i + 1;
    while chars.get(j).is_some_and(|&c| is_closing(c)) {
        j += 1;
    }
    if !chars.get(j).is_some_and(|c| c.is_whitespace()) {
        return false;
    }
    while chars
        .get(j)
        .is_some_and(|&c| c.is_whitespace() || is_opening(c))
    {
        j += 1;
    }
    chars
        .get(j)
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn is_stop(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '։' | '。' | '！' | '？' | ':')
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '”' | '»' | '›' | '’' | '\'' | ')' | ']' | '“' | '」' | '』'
    )
}

fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '„' | '«' | '‹' | '‘' | '\'' | '(' | '[' | '「' | '『'
    )
}
