//! Unit tests of the sentence segmenter, on sentences written for these tests.

use std::ops::Range;

use super::split_sentences;

/// The sentences of `text`, after checking the promises of the API: ascending, non-overlapping,
/// non-empty, trimmed ranges on character boundaries, with nothing but white space left out.
fn split<'t>(lang: &str, text: &'t str) -> Vec<&'t str> {
    let ranges = split_sentences(lang, text);
    check_ranges(lang, text, &ranges);
    ranges.into_iter().map(|r| &text[r]).collect()
}

fn check_ranges(lang: &str, text: &str, ranges: &[Range<usize>]) {
    let mut covered = 0;
    for range in ranges {
        let context = format!("lang {lang:?}, text {text:?}, ranges {ranges:?}");
        assert!(range.start < range.end, "empty range: {context}");
        assert!(
            range.start >= covered,
            "ranges overlap or go back: {context}"
        );
        assert!(
            text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
            "range splits a character: {context}"
        );
        assert!(
            text[covered..range.start].trim().is_empty(),
            "text dropped between ranges: {context}"
        );
        let piece = &text[range.clone()];
        assert_eq!(piece, piece.trim(), "range not trimmed: {context}");
        covered = range.end;
    }
    assert!(
        text[covered..].trim().is_empty(),
        "text dropped at the end: lang {lang:?}, text {text:?}, ranges {ranges:?}"
    );
}

// --- Armenian ---------------------------------------------------------------------------------

#[test]
fn armenian_full_stop_and_the_colon_typed_for_it_end_sentences() {
    assert_eq!(
        split("hy", "Երեկ անձրև էր։ Այսօր արևոտ է։"),
        ["Երեկ անձրև էր։", "Այսօր արևոտ է։"]
    );
    assert_eq!(
        split("hy", "Ես սովորում եմ: Դու աշխատում ես:"),
        ["Ես սովորում եմ:", "Դու աշխատում ես:"]
    );
    // A missing space after the stop does not hide it.
    assert_eq!(
        split("hy", "Ավարտեցինք:Հետո գնացինք տուն:"),
        ["Ավարտեցինք:", "Հետո գնացինք տուն:"]
    );
}

#[test]
fn armenian_colon_in_times_scores_and_addresses_is_no_stop() {
    assert_eq!(
        split("hy", "Գնացքը մեկնում է 15:00-ին: Մենք կհասնենք ուշ:"),
        ["Գնացքը մեկնում է 15:00-ին:", "Մենք կհասնենք ուշ:"]
    );
    assert_eq!(
        split("hy", "Խաղն ավարտվեց 2:1 հաշվով:"),
        ["Խաղն ավարտվեց 2:1 հաշվով:"]
    );
    assert_eq!(
        split("hy", "Կայքն է http://example.am: Այցելեք:"),
        ["Կայքն է http://example.am:", "Այցելեք:"]
    );
}

#[test]
fn armenian_colon_before_a_lower_case_word_is_a_colon() {
    assert_eq!(
        split("hy", "Գնեցինք երեք բան: հաց, կաթ և պանիր:"),
        ["Գնեցինք երեք բան: հաց, կաթ և պանիր:"]
    );
}

#[test]
fn armenian_stress_marks_stay_inside_their_word() {
    assert_eq!(
        split("hy", "Ո՞վ է եկել: Ի՜նչ լավ է:"),
        ["Ո՞վ է եկել:", "Ի՜նչ լավ է:"]
    );
    assert_eq!(
        split("hy", "Նա ո՜չ մի բառ չասաց: Մի՛ գնա այնտեղ:"),
        ["Նա ո՜չ մի բառ չասաց:", "Մի՛ գնա այնտեղ:"]
    );
}

#[test]
fn armenian_period_after_initials_in_numbers_and_as_colon_is_no_stop() {
    assert_eq!(
        split("hy", "Վեպը գրել է Ա. Իսահակյանը: Գինը 1.500 դրամ է:"),
        ["Վեպը գրել է Ա. Իսահակյանը:", "Գինը 1.500 դրամ է:"]
    );
    assert_eq!(
        split("hy", "Մեր նպատակը հետևյալն է․ Ավարտել աշխատանքը:"),
        ["Մեր նպատակը հետևյալն է․ Ավարտել աշխատանքը:"]
    );
    assert_eq!(
        split("hy", "Պ․ Սևակը մեծ բանաստեղծ էր:"),
        ["Պ․ Սևակը մեծ բանաստեղծ էր:"]
    );
}

#[test]
fn armenian_comma_and_grave_accent_do_not_split() {
    assert_eq!(
        split("hy", "Այսպիսով՝ մենք համաձայն ենք: Իսկ դուք`"),
        ["Այսպիսով՝ մենք համաձայն ենք:", "Իսկ դուք`"]
    );
    assert_eq!(
        split("hy", "Այսպիսով` ավարտեցինք:"),
        ["Այսպիսով` ավարտեցինք:"]
    );
}

#[test]
fn armenian_ellipsis_ends_a_sentence_only_before_a_capital() {
    assert_eq!(
        split("hy", "Սպասեցինք... Ոչ ոք չեկավ:"),
        ["Սպասեցինք...", "Ոչ ոք չեկավ:"]
    );
    assert_eq!(split("hy", "Սպասեցինք...երկար:"), ["Սպասեցինք...երկար:"]);
    // In a headline in capitals case tells nothing.
    assert_eq!(
        split("hy", "ԳԱՐՈՒՆ... ՆՈՐ ՀՈՒՅՍԵՐ"),
        ["ԳԱՐՈՒՆ... ՆՈՐ ՀՈՒՅՍԵՐ"]
    );
}

#[test]
fn armenian_short_quotation_stays_whole_but_a_quoted_speech_splits() {
    assert_eq!(
        split("hy", "Նա կարդաց «Մեր տունը: Պատմություն» գիրքը:"),
        ["Նա կարդաց «Մեր տունը: Պատմություն» գիրքը:"]
    );
    assert_eq!(
        split(
            "hy",
            "«Մենք շատ ենք աշխատել այս տարի և հասել ենք լավ արդյունքների: Հաջորդ տարի \
             կշարունակենք նույն ոգով»,- ասաց տնօրենը:"
        ),
        [
            "«Մենք շատ ենք աշխատել այս տարի և հասել ենք լավ արդյունքների:",
            "Հաջորդ տարի կշարունակենք նույն ոգով»,- ասաց տնօրենը:"
        ]
    );
}

#[test]
fn western_armenian_uses_the_armenian_rules() {
    let text = "Երեկ անձրև էր։ Այսօր արևոտ է։ Ժամը 10:30 է:";
    assert_eq!(split("hyw", text), split("hy", text));
    assert_eq!(split("hyw", text).len(), 3);
}

// --- English ----------------------------------------------------------------------------------

#[test]
fn english_titles_and_example_abbreviations_never_end_a_sentence() {
    assert_eq!(
        split("en", "Mr. Brown met Dr. Green at St. Mary's hospital."),
        ["Mr. Brown met Dr. Green at St. Mary's hospital."]
    );
    assert_eq!(
        split(
            "en",
            "Bring fruit, e.g. Apples or pears. Then wash them, i.e. Carefully."
        ),
        [
            "Bring fruit, e.g. Apples or pears.",
            "Then wash them, i.e. Carefully."
        ]
    );
}

#[test]
fn english_ambiguous_abbreviations_end_a_sentence_before_a_common_opener() {
    assert_eq!(
        split("en", "Our office is in the U.S. The rent is high."),
        ["Our office is in the U.S.", "The rent is high."]
    );
    assert_eq!(
        split("en", "The U.S. Navy sent a ship."),
        ["The U.S. Navy sent a ship."]
    );
    assert_eq!(
        split("en", "We visited the U.S. in May. It rained."),
        ["We visited the U.S. in May.", "It rained."]
    );
    assert_eq!(
        split("en", "They hired Smith & Co. It grew fast."),
        ["They hired Smith & Co.", "It grew fast."]
    );
    assert_eq!(
        split("en", "Pens, paper, etc. We need all of it."),
        ["Pens, paper, etc.", "We need all of it."]
    );
}

#[test]
fn english_times_and_number_abbreviations() {
    assert_eq!(
        split("en", "The train leaves at 6 p.m. Buses leave later."),
        ["The train leaves at 6 p.m.", "Buses leave later."]
    );
    assert_eq!(
        split("en", "It starts at 10 a.m. on Monday."),
        ["It starts at 10 a.m. on Monday."]
    );
    assert_eq!(
        split("en", "See No. 7 and turn to p. 12 now."),
        ["See No. 7 and turn to p. 12 now."]
    );
    assert_eq!(
        split("en", "She simply said no. Nobody argued."),
        ["She simply said no.", "Nobody argued."]
    );
}

#[test]
fn english_initials_and_the_pronoun_i() {
    assert_eq!(
        split(
            "en",
            "The novel was written by J. R. R. Tolkien in England."
        ),
        ["The novel was written by J. R. R. Tolkien in England."]
    );
    assert_eq!(
        split("en", "He met George W. Bush twice."),
        ["He met George W. Bush twice."]
    );
    // A capital that is also a lower-case abbreviation ("p.", "v.") is still an initial.
    assert_eq!(
        split("en", "P. Smith and V. Jones met."),
        ["P. Smith and V. Jones met."]
    );
    assert_eq!(
        split("en", "It was you and I. Then we left."),
        ["It was you and I.", "Then we left."]
    );
}

#[test]
fn english_numbers_keep_their_points_but_end_sentences() {
    assert_eq!(
        split(
            "en",
            "Pi is about 3.14 and e is about 2.72. Both are irrational."
        ),
        [
            "Pi is about 3.14 and e is about 2.72.",
            "Both are irrational."
        ]
    );
    assert_eq!(
        split("en", "The price fell to $4.50. Buyers came back."),
        ["The price fell to $4.50.", "Buyers came back."]
    );
    assert_eq!(
        split("en", "It cost 2,000.Then it cost more."),
        ["It cost 2,000.", "Then it cost more."]
    );
}

#[test]
fn english_urls_and_email_addresses_keep_their_dots() {
    assert_eq!(
        split(
            "en",
            "Read https://docs.example.org/Guide.Intro.html first. Then ask."
        ),
        [
            "Read https://docs.example.org/Guide.Intro.html first.",
            "Then ask."
        ]
    );
    assert_eq!(
        split("en", "Mail anna.Berg@example.com. She replies fast."),
        ["Mail anna.Berg@example.com.", "She replies fast."]
    );
    assert_eq!(
        split("en", "Go to www.example.Com today."),
        ["Go to www.example.Com today."]
    );
}

#[test]
fn english_ellipses() {
    assert_eq!(
        split("en", "I thought... maybe not."),
        ["I thought... maybe not."]
    );
    assert_eq!(
        split("en", "I waited for hours… Nobody came."),
        ["I waited for hours…", "Nobody came."]
    );
    assert_eq!(
        split("en", "It was . . . strange."),
        ["It was . . . strange."]
    );
    assert_eq!(
        split("en", "The road ended. . . . The rest is lost."),
        ["The road ended.", ". . . The rest is lost."]
    );
}

#[test]
fn english_quotations_keep_their_inner_stops_and_closers() {
    assert_eq!(
        split("en", "He asked, \"Are you coming?\" She nodded."),
        ["He asked, \"Are you coming?\"", "She nodded."]
    );
    assert_eq!(
        split("en", "He said, \"Wait here.\" and left."),
        ["He said, \"Wait here.\" and left."]
    );
    assert_eq!(
        split("en", "“Stop. Think. Act.” That was his motto."),
        ["“Stop. Think. Act.”", "That was his motto."]
    );
    assert_eq!(
        split("en", "She wrote ‘Done. Next.’ in the margin."),
        ["She wrote ‘Done. Next.’ in the margin."]
    );
    // An apostrophe is no quotation mark.
    assert_eq!(
        split("en", "We loved the '80s. Didn't you? It's true."),
        ["We loved the '80s.", "Didn't you?", "It's true."]
    );
}

#[test]
fn english_brackets() {
    assert_eq!(
        split("en", "The result (see Table 2.) was clear."),
        ["The result (see Table 2.) was clear."]
    );
    assert_eq!(
        split(
            "en",
            "He left early. (Nobody knew why.) The meeting went on."
        ),
        [
            "He left early.",
            "(Nobody knew why.)",
            "The meeting went on."
        ]
    );
    assert_eq!(
        split("en", "Water boils at 100 degrees.[3] It freezes at zero."),
        ["Water boils at 100 degrees.[3]", "It freezes at zero."]
    );
    assert_eq!(
        split("en", "[Is this a note? Yes.] Fine."),
        ["[Is this a note? Yes.] Fine."]
    );
}

#[test]
fn english_double_marks_and_mid_sentence_exclamations() {
    assert_eq!(split("en", "What!? No way!!"), ["What!?", "No way!!"]);
    assert_eq!(split("en", "Really?! You won?"), ["Really?!", "You won?"]);
    assert_eq!(split("en", "Stop! he shouted."), ["Stop! he shouted."]);
    assert_eq!(split("en", "Go, -- wow! -- go."), ["Go, -- wow! -- go."]);
}

#[test]
fn english_list_items_start_sentences() {
    assert_eq!(
        split("en", "1. Open the box 2. Take the device 3. Plug it in"),
        ["1. Open the box", "2. Take the device", "3. Plug it in"]
    );
    assert_eq!(
        split("en", "a) red b) green c) blue"),
        ["a) red", "b) green", "c) blue"]
    );
    assert_eq!(
        split("en", "• Apples are red • Limes are green"),
        ["• Apples are red", "• Limes are green"]
    );
    // A lone number before a lower-case word is no list.
    assert_eq!(
        split("en", "Items 1. and 2. are late. Item 3 is fine."),
        ["Items 1. and 2. are late.", "Item 3 is fine."]
    );
}

#[test]
fn line_breaks_end_sentences() {
    assert_eq!(
        split("en", "Shopping list\nbread and milk\r\neggs\n"),
        ["Shopping list", "bread and milk", "eggs"]
    );
    assert_eq!(
        split("ru", "Первая строка\nвторая строка"),
        ["Первая строка", "вторая строка"]
    );
}

// --- Russian ----------------------------------------------------------------------------------

#[test]
fn russian_abbreviations_that_end_enumerations() {
    assert_eq!(
        split("ru", "Купили овощи, фрукты и т. д. Потом пошли домой."),
        ["Купили овощи, фрукты и т. д.", "Потом пошли домой."]
    );
    assert_eq!(
        split("ru", "Книги, журналы и т.п. В итоге набралось много."),
        ["Книги, журналы и т.п.", "В итоге набралось много."]
    );
    assert_eq!(
        split("ru", "Пришли Иванов, Сидоров и др. Начали заседание."),
        ["Пришли Иванов, Сидоров и др.", "Начали заседание."]
    );
    assert_eq!(
        split("ru", "Это важно, т. е. нужно спешить."),
        ["Это важно, т. е. нужно спешить."]
    );
}

#[test]
fn russian_abbreviations_before_names_and_numbers() {
    assert_eq!(
        split("ru", "Проф. Петров живёт на ул. Ленина в г. Твери."),
        ["Проф. Петров живёт на ул. Ленина в г. Твери."]
    );
    assert_eq!(
        split("ru", "Музей им. Глинки открыт."),
        ["Музей им. Глинки открыт."]
    );
    assert_eq!(
        split("ru", "Подробнее см. Приложение 2."),
        ["Подробнее см. Приложение 2."]
    );
    assert_eq!(
        split("ru", "Он родился в 1990 г. в Москве."),
        ["Он родился в 1990 г. в Москве."]
    );
    assert_eq!(
        split("ru", "Читайте ст. 5 закона."),
        ["Читайте ст. 5 закона."]
    );
}

#[test]
fn russian_units_and_amounts() {
    assert_eq!(
        split("ru", "Бюджет составил 5 млн. руб. и 300 тыс. долларов."),
        ["Бюджет составил 5 млн. руб. и 300 тыс. долларов."]
    );
    assert_eq!(
        split("ru", "Проект стоил 2 млрд. Это много."),
        ["Проект стоил 2 млрд.", "Это много."]
    );
}

#[test]
fn russian_units_close_a_sentence_before_a_capital() {
    assert_eq!(
        split("ru", "Цена — 100 руб. Скидка — 10%."),
        ["Цена — 100 руб.", "Скидка — 10%."]
    );
    assert_eq!(
        split("ru", "Прочитал 5 стр. За час."),
        ["Прочитал 5 стр.", "За час."]
    );
    // "и пр." ends an enumeration, "пр." before a name is an avenue.
    assert_eq!(
        split("ru", "Были учёные и пр. Затем начали."),
        ["Были учёные и пр.", "Затем начали."]
    );
    assert_eq!(
        split("ru", "Живу на пр. Мира давно."),
        ["Живу на пр. Мира давно."]
    );
}

#[test]
fn russian_initials_and_decimals() {
    assert_eq!(
        split("ru", "А. С. Пушкин и Л.Н. Толстой — классики."),
        ["А. С. Пушкин и Л.Н. Толстой — классики."]
    );
    assert_eq!(
        split("ru", "Ч. Дарвин и Л. Кэрролл."),
        ["Ч. Дарвин и Л. Кэрролл."]
    );
    assert_eq!(
        split("ru", "Рост составил 1,5 процента. Это мало."),
        ["Рост составил 1,5 процента.", "Это мало."]
    );
    assert_eq!(split("ru", "Курс 3.14 держится."), ["Курс 3.14 держится."]);
}

#[test]
fn russian_quotations_and_dialogue() {
    assert_eq!(
        split("ru", "Он сказал: «Я устал. Пойду спать». Все замолчали."),
        ["Он сказал: «Я устал. Пойду спать».", "Все замолчали."]
    );
    assert_eq!(
        split("ru", "«Ты придёшь?» — спросила она."),
        ["«Ты придёшь?» — спросила она."]
    );
    assert_eq!(
        split("ru", "Она ответила: „Нет. Не сейчас.“ Потом ушла."),
        ["Она ответила: „Нет. Не сейчас.“", "Потом ушла."]
    );
    assert_eq!(split("ru", "— Ты где? — Дома."), ["— Ты где?", "— Дома."]);
}

#[test]
fn russian_ellipses_double_marks_and_emoticons() {
    assert_eq!(
        split("ru", "Он ждал… Никто не пришёл."),
        ["Он ждал…", "Никто не пришёл."]
    );
    assert_eq!(split("ru", "Он ждал… и ждал."), ["Он ждал… и ждал."]);
    assert_eq!(
        split("ru", "Как?! Не может быть!"),
        ["Как?!", "Не может быть!"]
    );
    assert_eq!(split("ru", "Стой!.. Куда ты?"), ["Стой!..", "Куда ты?"]);
    assert_eq!(
        split("ru", "Сдал экзамен :) Завтра отдыхаю."),
        ["Сдал экзамен :)", "Завтра отдыхаю."]
    );
    assert_eq!(split("ru", "ну что ж… »"), ["ну что ж… »"]);
}

#[test]
fn russian_addresses() {
    assert_eq!(
        split("ru", "Пишите на info@example.ru. Ответим быстро."),
        ["Пишите на info@example.ru.", "Ответим быстро."]
    );
    assert_eq!(
        split("ru", "Сайт http://пример.рф/Новости.html обновлён."),
        ["Сайт http://пример.рф/Новости.html обновлён."]
    );
}

// --- Other languages --------------------------------------------------------------------------

#[test]
fn other_languages_use_unicode_sentence_boundaries() {
    assert_eq!(
        split("de", "Das ist gut. Wir gehen jetzt! Kommst du mit?"),
        ["Das ist gut.", "Wir gehen jetzt!", "Kommst du mit?"]
    );
    assert_eq!(
        split("fr", "Bonjour ! Comment ça va ? Très bien."),
        ["Bonjour !", "Comment ça va ?", "Très bien."]
    );
    assert_eq!(
        split("ka", "გამარჯობა. როგორ ხარ? კარგად ვარ."),
        ["გამარჯობა.", "როგორ ხარ?", "კარგად ვარ."]
    );
    assert_eq!(
        split("ja", "今日は晴れです。明日は雨です。"),
        ["今日は晴れです。", "明日は雨です。"]
    );
}

#[test]
fn surrounding_white_space_is_never_part_of_a_sentence() {
    for lang in ["hy", "en", "ru", "de"] {
        assert!(split(lang, "").is_empty());
        assert!(split(lang, " \n\t\u{a0}\r\n ").is_empty());
        let text = "  \n Short one.  ";
        let ranges = split_sentences(lang, text);
        assert_eq!(ranges.len(), 1, "lang {lang}");
        assert_eq!(ranges[0], 4..14, "lang {lang}");
    }
}

// --- Robustness -------------------------------------------------------------------------------

#[test]
fn odd_inputs_never_panic_and_keep_every_character() {
    let odd = [
        ":::",
        "...",
        ". . . .",
        "\u{301}",
        "\u{301}\u{301}. \u{308}",
        "😀😀. 😀! 🎉",
        "!!!???",
        "«««",
        "»»» ««« “”„‘’\"'",
        "(((((A.",
        ")))) .",
        "[[[1]]].",
        "1.",
        "1)",
        "(iv)",
        "§",
        "a. b. c.",
        "Ա. Բ. Գ.",
        "http://",
        "@.@.@",
        "․․․:։:։",
        "՞՜՛՟",
        "Mr.",
        "т. д.",
        ". . . . . . . . A",
        "x.[",
        "x.[1",
        "x.[12345678901234567890]",
        "\r\r\n\n.\u{2028}.\u{2029}",
        "e\u{301}. E\u{301}.",
        "日本語。English. Русский. Հայերեն:",
    ];
    let long_word = "a".repeat(100_000) + ". Next.";
    let long_dots = "a.".repeat(20_000);
    let many_quotes = "\"a ".repeat(5_000) + "'b " + &"«c ".repeat(5_000);
    let many_parens = "Stop. (A ".repeat(5_000);
    for lang in ["hy", "hyw", "en", "ru", "de", "", "xx-YY"] {
        for text in odd.iter().copied().chain([
            long_word.as_str(),
            long_dots.as_str(),
            many_quotes.as_str(),
            many_parens.as_str(),
        ]) {
            split(lang, text);
        }
    }
}

#[test]
fn random_strings_of_tricky_characters_never_panic() {
    const PIECES: &[&str] = &[
        " ", " ", "  ", "\n", "\r\n", "\t", "\u{a0}", ".", ".", "…", "!", "?", ":", ";", "։", "՞",
        "՜", "՛", "՝", "`", "«", "»", "“", "”", "„", "‘", "’", "\"", "'", "(", ")", "[", "]", "-",
        "—", "•", "⁃", "§", "@", "/", "．", "\u{301}", "😀", "0", "1", "12", "3.5", "a", "b", "i",
        "iv", "Z", "I", "Mr", "U.S", "Я", "ж", "т", "г", "Ա", "ա", "ք", "日", "ა", "http://",
        "www.",
    ];
    // A fixed xorshift generator keeps the test deterministic.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |bound: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % bound as u64) as usize
    };
    for round in 0..4_000 {
        let length = next(40);
        let text: String = (0..length).map(|_| PIECES[next(PIECES.len())]).collect();
        let lang = ["hy", "en", "ru", "de"][round % 4];
        split(lang, &text);
    }
}
