//! English and Russian abbreviations and the common words that open a sentence.
//!
//! An abbreviation's period is usually not a sentence end, but it can be one. What decides is the
//! kind of abbreviation: a title such as `Dr.` always has a name after it, `etc.` or `Co.` often end
//! a sentence, and `a.m.` ends one whenever a capital follows. Keys are lower-case, without the
//! final period, with inner periods kept and inner spaces dropped (`т. е.` is `т.е`).

/// How an abbreviation's period behaves before a capitalised word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Abbr {
    /// Stands before a name or number (`Mr.`, `St.`, `e.g.`, `г.`, `ул.`): never a sentence end.
    Prepositive,
    /// Mostly ends a sentence when a capital follows (`т. д.`, `руб.`, `a.m.`).
    Final,
    /// Stands before a number (`No. 5`, `p. 55`): a sentence end unless a number follows.
    BeforeNumber,
    /// Ambiguous (`Co.`, `Jr.`, `к.т.н.`): a sentence end only before a common sentence opener.
    Ambiguous,
}

/// A lookup key built on the stack: abbreviations are short, longer tokens are never one.
pub(super) struct Key {
    buf: [u8; 40],
    len: usize,
}

impl Key {
    /// Lower-cases `parts` joined by `.`, or `None` when the result would not fit.
    pub(super) fn new<'a>(parts: impl IntoIterator<Item = &'a str>) -> Option<Key> {
        let mut key = Key {
            buf: [0; 40],
            len: 0,
        };
        for (n, part) in parts.into_iter().enumerate() {
            if n > 0 {
                key.push('.')?;
            }
            for c in part.chars() {
                for lower in c.to_lowercase() {
                    key.push(lower)?;
                }
            }
        }
        Some(key)
    }

    fn push(&mut self, c: char) -> Option<()> {
        let width = c.len_utf8();
        if self.len + width > self.buf.len() {
            return None;
        }
        c.encode_utf8(&mut self.buf[self.len..]);
        self.len += width;
        Some(())
    }

    pub(super) fn as_str(&self) -> &str {
        // Only whole UTF-8 encoded characters are ever written into the buffer.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

pub(super) fn english(key: &str) -> Option<Abbr> {
    use Abbr::*;
    Some(match key {
        // Titles and words that always have a name, place or example after them.
        "adm" | "atty" | "attys" | "brig" | "capt" | "cmdr" | "col" | "cpl" | "det" | "dr"
        | "drs" | "fr" | "gen" | "gov" | "hon" | "lt" | "maj" | "messrs" | "mlle" | "mme"
        | "mr" | "mrs" | "ms" | "msgr" | "mt" | "pres" | "prof" | "pvt" | "rep" | "reps"
        | "rev" | "revd" | "sen" | "sens" | "sgt" | "st" | "ste" | "supt" | "ft" | "v" | "vs"
        | "e.g" | "i.e" | "viz" | "cf" | "ca" | "approx" | "f.e" | "mx" => Prepositive,
        "a.m" | "p.m" => Final,
        "no" | "nos" | "n°" | "p" | "pp" | "art" | "fig" | "figs" | "vol" | "vols" | "ch"
        | "chap" | "sec" | "secs" | "ext" | "tel" | "op" | "para" | "eq" | "eqs" | "rs" => {
            BeforeNumber
        }
        "etc" | "co" | "corp" | "inc" | "ltd" | "llc" | "plc" | "bros" | "jr" | "sr" | "esq"
        | "dept" | "univ" | "assn" | "assoc" | "est" | "govt" | "intl" | "natl" | "misc"
        | "min" | "mins" | "hr" | "hrs" | "yr" | "yrs" | "mo" | "mos" | "wk" | "wks" | "jan"
        | "feb" | "apr" | "jun" | "jul" | "aug" | "sep" | "sept" | "oct" | "nov" | "dec"
        | "mon" | "tue" | "tues" | "thu" | "thur" | "thurs" | "fri" | "ave" | "blvd" | "rd"
        | "lb" | "lbs" | "oz" | "pt" | "qt" | "gal" | "mi" | "km" | "kg" | "cm" | "mm" | "ml"
        | "eds" | "trans" | "ibid" | "al" | "abbr" | "med" | "div" | "ref" | "refs" | "dist"
        | "btw" | "ph.d" | "m.d" | "b.a" | "m.a" | "b.sc" | "m.sc" | "u.s" | "u.k" | "e.u"
        | "u.s.a" | "u.n" | "d.c" | "p.o" | "i.v" => Ambiguous,
        _ => return None,
    })
}

pub(super) fn russian(key: &str) -> Option<Abbr> {
    use Abbr::*;
    Some(match key {
        // `г.` is both "year" (after a number) and "city" (before a name): a capital after it is
        // far more often the name of a city than a new sentence, so it never ends one.
        "г" | "гг" | "ул" | "просп" | "пл" | "пер" | "наб" | "бул" | "ш" | "д" | "кв" | "корп"
        | "оз" | "р" | "пос" | "пгт" | "с" | "дер" | "обл" | "респ" | "им" | "проф" | "акад"
        | "доц" | "ген" | "полк" | "св" | "ст" | "см" | "ср" | "т.е" | "т.н" | "т.к" | "т.ч"
        | "напр" | "англ" | "нем" | "лат" | "рус" | "фр" | "франц" | "греч" | "букв" | "ок"
        | "гр" | "тов" | "дж" | "зам" | "зав" | "нач" | "пред" | "ред" | "сост" | "рис"
        | "табл" | "гл" | "разд" | "вып" | "т" | "п" | "пп" | "кн" | "пров" | "мкр" | "тел"
        | "факс" | "доб" => Prepositive,
        // Enumeration tails and units after an amount mostly close their sentence.
        "т.д" | "т.п" | "др" | "и.т.д" | "и.т.п" | "etc" | "тыс" | "млн" | "млрд" | "трлн"
        | "руб" | "коп" | "долл" | "дол" | "проц" | "кг" | "км" | "мм" | "л" | "мл" | "га"
        | "сек" | "мин" | "час" | "ч" | "шт" | "экз" | "стр" | "у.е" | "куб.м" | "кв.м" => {
            Final
        }
        // `пр.` is "and others" after `и`, else an avenue; the Russian rules look at the word before.
        "пр" | "изд" | "в" | "вв" | "н.э" | "куб" | "к.п.н" | "к.т.н" | "к.ф.н" | "д.т.н"
        | "д.ф.н" | "д.м.н" | "к.м.н" | "к.э.н" | "д.э.н" | "к.и.н" | "д.и.н" | "ед" | "м" => {
            Ambiguous
        }
        _ => return None,
    })
}

/// Closed-class words that commonly open an English sentence (pronouns, determiners,
/// conjunctions, prepositions, question words, quantifiers and sentence adverbs).
pub(super) fn is_english_starter(word: &str) -> bool {
    matches!(
        word,
        "A" | "An"
            | "The"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Here"
            | "He"
            | "She"
            | "It"
            | "I"
            | "We"
            | "They"
            | "You"
            | "His"
            | "Her"
            | "Its"
            | "Our"
            | "Their"
            | "My"
            | "Your"
            | "What"
            | "When"
            | "Where"
            | "Who"
            | "Whom"
            | "Why"
            | "How"
            | "Which"
            | "However"
            | "But"
            | "And"
            | "So"
            | "Yet"
            | "Or"
            | "Nor"
            | "If"
            | "In"
            | "On"
            | "At"
            | "As"
            | "After"
            | "Before"
            | "Since"
            | "For"
            | "From"
            | "By"
            | "With"
            | "Without"
            | "To"
            | "Then"
            | "Also"
            | "Some"
            | "Many"
            | "Most"
            | "All"
            | "Both"
            | "Each"
            | "Every"
            | "Few"
            | "Several"
            | "Millions"
            | "Thousands"
            | "Hundreds"
            | "Dozens"
            | "Being"
            | "Did"
            | "Do"
            | "Does"
            | "Is"
            | "Are"
            | "Was"
            | "Were"
            | "Has"
            | "Have"
            | "Had"
            | "Could"
            | "Would"
            | "Should"
            | "Not"
            | "No"
            | "Yes"
            | "Today"
            | "Yesterday"
            | "Tomorrow"
            | "Now"
            | "Finally"
            | "Meanwhile"
            | "Later"
            | "Still"
            | "Even"
            | "Such"
            | "While"
            | "Although"
            | "Though"
            | "Because"
            | "Once"
            | "Please"
            | "Thus"
            | "Therefore"
            | "Instead"
            | "Moreover"
            | "Furthermore"
            | "Nevertheless"
            | "Otherwise"
            | "Indeed"
            | "Perhaps"
            | "Maybe"
            | "Unlike"
            | "Despite"
            | "During"
            | "Under"
            | "Over"
            | "Between"
            | "Among"
            | "Another"
            | "Other"
            | "Others"
            | "Neither"
            | "Either"
            | "Only"
            | "Just"
            | "First"
            | "Second"
            | "Next"
            | "Last"
            | "Again"
    )
}

/// Closed-class words that commonly open a Russian sentence.
pub(super) fn is_russian_starter(word: &str) -> bool {
    matches!(
        word,
        "В" | "Во"
            | "На"
            | "По"
            | "Но"
            | "А"
            | "И"
            | "Он"
            | "Она"
            | "Оно"
            | "Они"
            | "Мы"
            | "Я"
            | "Вы"
            | "Ты"
            | "Это"
            | "Этот"
            | "Эта"
            | "Эти"
            | "Так"
            | "Там"
            | "Тут"
            | "Здесь"
            | "Как"
            | "Когда"
            | "Если"
            | "После"
            | "До"
            | "Для"
            | "При"
            | "С"
            | "Со"
            | "За"
            | "Из"
            | "К"
            | "У"
            | "О"
            | "Об"
            | "Не"
            | "Все"
            | "Всё"
            | "Что"
            | "Кто"
            | "Где"
            | "Почему"
            | "Поэтому"
            | "Однако"
            | "Также"
            | "Кроме"
            | "Затем"
            | "Потом"
            | "Тогда"
            | "Сейчас"
            | "Сегодня"
            | "Вчера"
            | "Завтра"
            | "Его"
            | "Ее"
            | "Её"
            | "Их"
            | "Мне"
            | "Нам"
            | "Вот"
            | "Да"
            | "Нет"
            | "Уже"
            | "Еще"
            | "Ещё"
            | "Зато"
            | "Впрочем"
            | "Кстати"
            | "Итак"
            | "Между"
            | "Через"
            | "Под"
            | "Над"
            | "Перед"
            | "Около"
            | "Всего"
            | "Среди"
            | "Согласно"
            | "Ни"
            | "Лишь"
            | "Только"
            | "Даже"
            | "Именно"
            | "Таким"
            | "Каждый"
            | "Многие"
            | "Некоторые"
    )
}
