//! URL slugs for statements, with transliteration of Armenian, Cyrillic, Greek and Georgian titles.
//!
//! Romanisation systems, reduced to ASCII (diacritics and apostrophes dropped):
//! * Armenian: BGN/PCGN 1981 (`ե` → `ye` at the start of a word and after a vowel, else `e`;
//!   `ո` → `vo` at the start of a word, else `o`; `ու` → `u`; `ը` → `e` (BGN `ë`);
//!   `թ ծ չ ց փ ք` lose their apostrophe), except that the ligature `և` is always `ev`.
//! * Cyrillic: the Russian passport transliteration of 2013 (ICAO Doc 9303: `ё` → `e`,
//!   `й` → `i`, `ц` → `ts`, `щ` → `shch`, `ъ` → `ie`, `ь` dropped, `ю` → `iu`, `я` → `ia`),
//!   with ICAO's Ukrainian/Belarusian extras (`є` → `ie`, `і ї` → `i`, `ґ` → `g`, `ў` → `u`).
//! * Greek: ELOT 743 simplified (`ου` → `ou`, `χ` → `ch`, `η` → `i`, `υ` → `y`).
//! * Georgian: the national system of 2002 without apostrophes.
//! * Latin letters with diacritics are folded (`é` → `e`, `ß` → `ss`, `ø` → `o`, `æ` → `ae`).

/// Longest slug, in bytes (slugs are ASCII, so also in characters).
pub const MAX_SLUG_LEN: usize = 80;

/// Only this many characters of a title are looked at; the slug needs far fewer.
const MAX_INPUT_CHARS: usize = 2048;

/// The slug used when a title yields no letters or digits.
pub const FALLBACK_SLUG: &str = "statement";

/// A URL slug for a statement title: lowercase ASCII `[a-z0-9-]`, words joined by single
/// `-`, at most [`MAX_SLUG_LEN`] bytes (cut at a word boundary where possible), never empty.
pub fn slugify(title: &str) -> String {
    let chars: Vec<char> = title
        .chars()
        .take(MAX_INPUT_CHARS)
        .flat_map(char::to_lowercase)
        .filter(|&c| !is_ignorable(c))
        .collect();

    let mut out = String::with_capacity(title.len().min(4 * MAX_SLUG_LEN));
    let mut pending_separator = false;
    let mut i = 0;
    while i < chars.len() {
        let (ascii, consumed) = transliterate(&chars, i);
        i += consumed;
        match ascii {
            Some(text) if !text.is_empty() => {
                if pending_separator && !out.is_empty() {
                    out.push('-');
                }
                pending_separator = false;
                out.push_str(text);
            }
            Some(_) => {}
            None => pending_separator = true,
        }
        // Far beyond the limit: the rest cannot matter, whatever the title's length.
        if out.len() > 2 * MAX_SLUG_LEN {
            break;
        }
    }

    let slug = truncate_at_word(&out, MAX_SLUG_LEN);
    if slug.is_empty() {
        FALLBACK_SLUG.to_owned()
    } else {
        slug.to_owned()
    }
}

/// `slug` with `-n` appended (`title-2`), shortened at a word boundary where needed so the
/// result stays within [`MAX_SLUG_LEN`] bytes. `slug` is normalised with [`slugify`] first.
pub fn with_suffix(slug: &str, n: u32) -> String {
    let suffix = format!("-{n}");
    let base = slugify(slug);
    let base = truncate_at_word(&base, MAX_SLUG_LEN - suffix.len());
    let base = if base.is_empty() { FALLBACK_SLUG } else { base };
    format!("{base}{suffix}")
}

/// Whether `s` is a well-formed slug: 1..=80 bytes of `[a-z0-9-]`, no leading, trailing or
/// doubled `-`.
pub fn is_valid_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_SLUG_LEN
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
}

/// Cuts an ASCII slug to at most `max` bytes, at the last `-` if there is one in reach,
/// and trims `-` from the ends.
fn truncate_at_word(slug: &str, max: usize) -> &str {
    let slug = slug.trim_matches('-');
    if slug.len() <= max {
        return slug;
    }
    let cut = if slug.as_bytes()[max] == b'-' {
        max
    } else {
        match slug[..max].rfind('-') {
            Some(pos) if pos > 0 => pos,
            _ => max,
        }
    };
    slug[..cut].trim_matches('-')
}

/// Characters dropped without separating words: combining marks, Armenian in-word
/// punctuation (emphasis `՛`, exclamation `՜`, question `՞`, apostrophe `՚`), apostrophes,
/// the soft hyphen and zero-width joiners.
fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{0483}'..='\u{0489}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}'
            | '\u{0559}'..='\u{055C}'
            | '\u{055E}'
            | '\u{055F}'
            | '\''
            | '\u{2019}'
            | '\u{02BC}'
            | '\u{00AD}'
            | '\u{200C}'
            | '\u{200D}'
            | '\u{2060}'
            | '\u{FEFF}'
    )
}

/// The ASCII for the (lowercase) character at `i` and how many characters it used;
/// `None` for a word separator, `Some("")` for a character to drop.
fn transliterate(chars: &[char], i: usize) -> (Option<&'static str>, usize) {
    let c = chars[i];
    if c.is_ascii_alphanumeric() {
        return (Some(ascii_str(c)), 1);
    }
    if c.is_ascii() {
        return (None, 1);
    }
    let prev = i.checked_sub(1).map(|p| chars[p]);
    let next = chars.get(i + 1).copied();
    match c {
        '\u{0561}'..='\u{0587}' | '\u{FB13}'..='\u{FB17}' => armenian(c, prev, next, chars, i),
        '\u{0430}'..='\u{045F}' | '\u{0490}'..='\u{04FF}' => (cyrillic(c), 1),
        '\u{03AC}'..='\u{03CE}' | '\u{0390}' => {
            if c == 'ο' && matches!(next, Some('υ' | 'ύ')) {
                (Some("ou"), 2)
            } else {
                (greek(c), 1)
            }
        }
        '\u{10D0}'..='\u{10FA}' => (georgian(c), 1),
        _ => (latin(c), 1),
    }
}

fn ascii_str(c: char) -> &'static str {
    const TABLE: &str = "0123456789abcdefghijklmnopqrstuvwxyz";
    let idx = match c {
        '0'..='9' => c as usize - '0' as usize,
        'a'..='z' => 10 + c as usize - 'a' as usize,
        _ => return "",
    };
    &TABLE[idx..idx + 1]
}

fn is_armenian_vowel(c: char) -> bool {
    matches!(c, 'ա' | 'ե' | 'է' | 'ը' | 'ի' | 'ո' | 'օ')
}

fn is_armenian_letter(c: char) -> bool {
    matches!(c, '\u{0561}'..='\u{0587}' | '\u{FB13}'..='\u{FB17}')
}

/// Armenian, BGN/PCGN 1981 reduced to ASCII; see the module comment.
fn armenian(
    c: char,
    prev: Option<char>,
    next: Option<char>,
    chars: &[char],
    i: usize,
) -> (Option<&'static str>, usize) {
    let word_start = !prev.is_some_and(is_armenian_letter);
    // `ու` is a vowel too: `ւ` preceded by `ո`.
    let after_vowel = match prev {
        Some('ւ') => i >= 2 && chars[i - 2] == 'ո',
        Some(p) => is_armenian_vowel(p),
        None => false,
    };
    let s = match c {
        'ա' => "a",
        'բ' => "b",
        'գ' => "g",
        'դ' => "d",
        'ե' if word_start || after_vowel => "ye",
        'ե' => "e",
        'զ' => "z",
        'է' => "e",
        'ը' => "e",
        'թ' => "t",
        'ժ' => "zh",
        'ի' => "i",
        'լ' => "l",
        'խ' => "kh",
        'ծ' => "ts",
        'կ' => "k",
        'հ' => "h",
        'ձ' => "dz",
        'ղ' => "gh",
        'ճ' => "ch",
        'մ' => "m",
        'յ' => "y",
        'ն' => "n",
        'շ' => "sh",
        'ո' if next == Some('ւ') => return (Some("u"), 2),
        'ո' if word_start => "vo",
        'ո' => "o",
        'չ' => "ch",
        'պ' => "p",
        'ջ' => "j",
        'ռ' => "r",
        'ս' => "s",
        'վ' => "v",
        'տ' => "t",
        'ր' => "r",
        'ց' => "ts",
        'ւ' => "v",
        'փ' => "p",
        'ք' => "k",
        'օ' => "o",
        'ֆ' => "f",
        'և' => "ev",
        // U+0560 and U+0588 (rare ancient letters)
        'ՠ' => "a",
        'ֈ' => "r",
        // Presentation-form ligatures.
        'ﬓ' => "mn",
        'ﬔ' => "me",
        'ﬕ' => "mi",
        'ﬖ' => "vn",
        'ﬗ' => "mkh",
        _ => return (None, 1),
    };
    (Some(s), 1)
}

/// Cyrillic, Russian passport 2013 / ICAO Doc 9303; see the module comment.
fn cyrillic(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' | 'ѐ' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' | 'й' | 'і' | 'ї' | 'ѝ' => "i",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ў' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'є' => "ie",
        'ы' => "y",
        'ь' => "",
        'ю' => "iu",
        'я' => "ia",
        'ґ' | 'ѓ' => "g",
        'ђ' => "dj",
        'ѕ' | 'џ' => "dz",
        'ј' => "j",
        'љ' => "lj",
        'њ' => "nj",
        'ћ' => "c",
        'ќ' => "k",
        'ә' => "a",
        'ғ' => "gh",
        'қ' => "q",
        'ң' => "ng",
        'ө' => "o",
        'ұ' | 'ү' => "u",
        'һ' => "h",
        _ => return None,
    })
}

/// Greek, ELOT 743 simplified; see the module comment.
fn greek(c: char) -> Option<&'static str> {
    Some(match c {
        'α' | 'ά' => "a",
        'β' => "v",
        'γ' => "g",
        'δ' => "d",
        'ε' | 'έ' => "e",
        'ζ' => "z",
        'η' | 'ή' | 'ι' | 'ί' | 'ϊ' | 'ΐ' => "i",
        'θ' => "th",
        'κ' => "k",
        'λ' => "l",
        'μ' => "m",
        'ν' => "n",
        'ξ' => "x",
        'ο' | 'ό' | 'ω' | 'ώ' => "o",
        'π' => "p",
        'ρ' => "r",
        'σ' | 'ς' => "s",
        'τ' => "t",
        'υ' | 'ύ' | 'ϋ' | 'ΰ' => "y",
        'φ' => "f",
        'χ' => "ch",
        'ψ' => "ps",
        _ => return None,
    })
}

/// Georgian (Mkhedruli; Mtavruli is lowercased to it), national system of 2002.
fn georgian(c: char) -> Option<&'static str> {
    Some(match c {
        'ა' => "a",
        'ბ' => "b",
        'გ' => "g",
        'დ' => "d",
        'ე' => "e",
        'ვ' => "v",
        'ზ' => "z",
        'თ' | 'ტ' => "t",
        'ი' => "i",
        'კ' | 'ქ' => "k",
        'ლ' => "l",
        'მ' => "m",
        'ნ' => "n",
        'ო' => "o",
        'პ' | 'ფ' => "p",
        'ჟ' => "zh",
        'რ' => "r",
        'ს' => "s",
        'უ' => "u",
        'ღ' => "gh",
        'ყ' => "q",
        'შ' => "sh",
        'ჩ' | 'ჭ' => "ch",
        'ც' | 'წ' => "ts",
        'ძ' => "dz",
        'ხ' => "kh",
        'ჯ' => "j",
        'ჰ' => "h",
        _ => return None,
    })
}

/// Latin letters with diacritics and Latin ligatures, folded to ASCII.
fn latin(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' | 'ȁ' | 'ȃ' | 'ạ' | 'ả' | 'ấ'
        | 'ầ' | 'ẩ' | 'ẫ' | 'ậ' | 'ắ' | 'ằ' | 'ẳ' | 'ẵ' | 'ặ' | 'ª' => "a",
        'æ' | 'ǽ' => "ae",
        'ƀ' | 'ɓ' => "b",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' | 'ƈ' => "c",
        'ď' | 'đ' | 'ð' | 'ɗ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'ȅ' | 'ȇ' | 'ẹ' | 'ẻ' | 'ẽ' | 'ế'
        | 'ề' | 'ể' | 'ễ' | 'ệ' | 'ə' => "e",
        'ƒ' => "f",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' | 'ǧ' | 'ǵ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' | 'ȉ' | 'ȋ' | 'ỉ' | 'ị' => {
            "i"
        }
        'ĳ' => "ij",
        'ĵ' | 'ǰ' => "j",
        'ķ' | 'ĸ' | 'ǩ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' | 'ƚ' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŉ' | 'ǹ' => "n",
        'ŋ' => "ng",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ơ' | 'ǒ' | 'ǫ' | 'ǿ' | 'ȍ' | 'ȏ'
        | 'ọ' | 'ỏ' | 'ố' | 'ồ' | 'ổ' | 'ỗ' | 'ộ' | 'ớ' | 'ờ' | 'ở' | 'ỡ' | 'ợ' | 'º' => {
            "o"
        }
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' | 'ȑ' | 'ȓ' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'ſ' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ư' | 'ǔ' | 'ǖ' | 'ǘ' | 'ǚ'
        | 'ǜ' | 'ȕ' | 'ȗ' | 'ụ' | 'ủ' | 'ứ' | 'ừ' | 'ử' | 'ữ' | 'ự' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' | 'ỳ' | 'ỵ' | 'ỷ' | 'ỹ' => "y",
        'ź' | 'ż' | 'ž' | 'ƶ' => "z",
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        // Fullwidth ASCII letters and digits.
        'ａ'..='ｚ' | '０'..='９' => return fullwidth(c),
        _ => return None,
    })
}

fn fullwidth(c: char) -> Option<&'static str> {
    let offset = c as u32 - 0xFEE0;
    char::from_u32(offset).map(ascii_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_titles() {
        assert_eq!(
            slugify("Open Letter to the Minister of Justice"),
            "open-letter-to-the-minister-of-justice"
        );
        assert_eq!(
            slugify("  Press release: 27 November 2026 — results!  "),
            "press-release-27-november-2026-results"
        );
        assert_eq!(
            slugify("Armenia's journalists don't give up"),
            "armenias-journalists-dont-give-up"
        );
        assert_eq!(slugify("C++ & Rust/Go"), "c-rust-go");
    }

    #[test]
    fn armenian_titles() {
        assert_eq!(
            slugify("Հայտարարություն մամուլի համար"),
            "haytararutyun-mamuli-hamar"
        );
        assert_eq!(
            slugify("Բաց նամակ Երևանի քաղաքապետին"),
            "bats-namak-yerevani-kaghakapetin"
        );
        assert_eq!(
            slugify("ՈՒՍԱՆՈՂՆԵՐԻ ԻՐԱՎՈՒՆՔՆԵՐԻ ՄԱՍԻՆ"),
            "usanoghneri-iravunkneri-masin"
        );
        assert_eq!(
            slugify("Որոշում՝ օրենքի նախագծի վերաբերյալ։"),
            "voroshum-orenki-nakhagtsi-veraberyal"
        );
        // In-word question and emphasis marks do not split words; `ու` survives them.
        assert_eq!(slugify("Ինչո՞ւ է սա կարևոր"), "inchu-e-sa-karevor");
        assert_eq!(
            slugify("Ե՛վ Հայաստան, և Ռուսաստան"),
            "yev-hayastan-ev-rusastan"
        );
        // `ե` after a vowel is `ye`; `ը` is `e`.
        assert_eq!(
            slugify("Հայերեն, միայն ընտրություններ"),
            "hayeren-miayn-entrutyunner"
        );
        assert_eq!(
            slugify("Գործընկերներ «Տանդեմ» ծրագրում"),
            "gortsenkerner-tandem-tsragrum"
        );
        assert_eq!(
            slugify("քաղաքացիական հասարակություն"),
            "kaghakatsiakan-hasarakutyun"
        );
    }

    #[test]
    fn russian_titles() {
        assert_eq!(
            slugify("Заявление о поддержке независимых журналистов"),
            "zaiavlenie-o-podderzhke-nezavisimykh-zhurnalistov"
        );
        assert_eq!(
            slugify("Открытое письмо: «Свободу слова!»"),
            "otkrytoe-pismo-svobodu-slova"
        );
        assert_eq!(
            slugify("Ёлка, щука и объявление"),
            "elka-shchuka-i-obieiavlenie"
        );
        assert_eq!(
            slugify("Новый закон — угроза СМИ"),
            "novyi-zakon-ugroza-smi"
        );
        assert_eq!(
            slugify("Київ і Ґрунт, Мінск і ўсё"),
            "kiiv-i-grunt-minsk-i-use"
        );
    }

    #[test]
    fn other_scripts_and_diacritics() {
        assert_eq!(
            slugify("Crème brûlée à São Paulo"),
            "creme-brulee-a-sao-paulo"
        );
        assert_eq!(
            slugify("Straße, Øresund, Ærø, Łódź"),
            "strasse-oresund-aero-lodz"
        );
        assert_eq!(slugify("e\u{301}te\u{301}"), "ete");
        assert_eq!(slugify("Ελληνική Δημοκρατία"), "elliniki-dimokratia");
        assert_eq!(slugify("Τουρκία"), "tourkia");
        assert_eq!(slugify("საქართველო"), "sakartvelo");
        assert_eq!(slugify("ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ"), "sakartvelo");
        assert_eq!(slugify("Ｔａｎｄｅｍ ２０２６"), "tandem-2026");
        assert_eq!(slugify("東京 Tokyo 🎉 2026"), "tokyo-2026");
    }

    #[test]
    fn never_empty() {
        for title in ["", "   ", "!!!", "—", "東京", "«»։", "ь", "\u{301}"] {
            assert_eq!(slugify(title), FALLBACK_SLUG, "{title:?}");
        }
    }

    #[test]
    fn shape_of_every_slug() {
        let titles = [
            "--a--b--",
            "  x  ",
            "Հայտարարություն",
            "Заявление №5",
            "a\u{200B}b",
            "tab\tand\nnewline",
            "x".repeat(200).as_str(),
            &"word ".repeat(50),
            &"Հայաստան ".repeat(30),
            &"Заявление ".repeat(30),
        ]
        .map(str::to_owned);
        for title in &titles {
            let slug = slugify(title);
            assert!(is_valid_slug(&slug), "{title:?} -> {slug:?}");
            assert_eq!(slugify(&slug), slug, "idempotent for {title:?}");
        }
    }

    #[test]
    fn long_titles_are_cut_at_a_word_boundary() {
        let title = "The quick brown fox jumps over the lazy dog while the journalists \
                     of Yerevan publish their open letter";
        let slug = slugify(title);
        assert!(slug.len() <= MAX_SLUG_LEN);
        assert_eq!(
            slug,
            "the-quick-brown-fox-jumps-over-the-lazy-dog-while-the-journalists-of-yerevan"
        );
        // Exactly 80 bytes followed by a boundary: kept whole.
        let exact = format!("{} {}", "a".repeat(39), "b".repeat(40));
        assert_eq!(slugify(&(exact.clone() + " tail")).len(), 80);
        // One unbroken word: hard cut.
        assert_eq!(slugify(&"z".repeat(100)), "z".repeat(80));
        // Multi-byte input that is huge.
        let huge = "Հայաստան ".repeat(100_000);
        let slug = slugify(&huge);
        assert!(slug.len() <= MAX_SLUG_LEN && slug.starts_with("hayastan-hayastan"));
        assert!(slug.ends_with("hayastan"));
    }

    #[test]
    fn suffixes() {
        assert_eq!(with_suffix("open-letter", 2), "open-letter-2");
        assert_eq!(with_suffix("", 3), "statement-3");
        assert_eq!(
            with_suffix("statement", 4_294_967_295),
            "statement-4294967295"
        );
        let long = slugify(&"word ".repeat(40));
        assert_eq!(long.len(), 79);
        let suffixed = with_suffix(&long, 12);
        assert!(suffixed.len() <= MAX_SLUG_LEN, "{suffixed}");
        assert!(suffixed.ends_with("-word-12"), "{suffixed}");
        assert!(is_valid_slug(&suffixed));
        let unbroken = "q".repeat(80);
        let suffixed = with_suffix(&unbroken, 7);
        assert_eq!(suffixed.len(), 80);
        assert!(suffixed.ends_with("qq-7"));
    }

    #[test]
    fn slug_validation() {
        assert!(is_valid_slug("open-letter-2"));
        assert!(!is_valid_slug(""));
        assert!(!is_valid_slug("-a"));
        assert!(!is_valid_slug("a-"));
        assert!(!is_valid_slug("a--b"));
        assert!(!is_valid_slug("Open"));
        assert!(!is_valid_slug(&"a".repeat(81)));
    }
}
