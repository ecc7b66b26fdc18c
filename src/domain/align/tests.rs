//! Unit tests of the aligner on short English, Armenian and Russian texts written for them.

use super::features::{extract, Kind};
use super::names::skeleton;
use super::*;

const EN: [&str; 7] = [
    "The library on Abovyan Street opens at 9 o'clock.",
    "Last year it received 3,400 new books from donors.",
    "Do you know who founded it?",
    "A teacher named Anna Petrosyan started it in 1998.",
    "Today more than 120 volunteers help there every week.",
    "Children come after school to read and to play chess.",
    "The director said: \"We want every family to have a reading card.\"",
];

const RU: [&str; 7] = [
    "Библиотека на улице Абовяна открывается в 9 часов.",
    "В прошлом году она получила 3 400 новых книг от дарителей.",
    "Вы знаете, кто её основал?",
    "Её открыла в 1998 году учительница Анна Петросян.",
    "Сегодня там каждую неделю помогают более 120 волонтёров.",
    "Дети приходят после школы, чтобы читать и играть в шахматы.",
    "Директор сказал: «Мы хотим, чтобы у каждой семьи был читательский билет».",
];

const HY: [&str; 7] = [
    "Աբովյան փողոցի գրադարանը բացվում է ժամը 9-ին։",
    "Անցյալ տարի այն նվիրատուներից ստացել է 3400 նոր գիրք։",
    "Գիտե՞ք, թե ով է այն հիմնել։",
    "Այն 1998 թվականին հիմնել է Աննա Պետրոսյան անունով մի ուսուցչուհի։",
    "Այսօր այնտեղ ամեն շաբաթ օգնում են ավելի քան 120 կամավորներ։",
    "Երեխաները դասերից հետո գալիս են կարդալու և շախմատ խաղալու։",
    "Տնօրենն ասաց․ «Մենք ուզում ենք, որ յուրաքանչյուր ընտանիք ունենա ընթերցողի քարտ»։",
];

fn bead(src: &[usize], tgt: &[usize]) -> Bead {
    Bead {
        src: src.to_vec(),
        tgt: tgt.to_vec(),
    }
}

fn one_to_one(n: usize) -> Vec<Bead> {
    (0..n).map(|i| bead(&[i], &[i])).collect()
}

/// Every index of both sides once, in order: the promise of the public functions.
fn assert_covers(beads: &[Bead], n: usize, m: usize) {
    let src: Vec<usize> = beads.iter().flat_map(|b| b.src.clone()).collect();
    let tgt: Vec<usize> = beads.iter().flat_map(|b| b.tgt.clone()).collect();
    assert_eq!(src, (0..n).collect::<Vec<_>>());
    assert_eq!(tgt, (0..m).collect::<Vec<_>>());
    assert!(beads.iter().all(|b| !b.src.is_empty() || !b.tgt.is_empty()));
}

fn kinds(text: &str, kind: Kind) -> Vec<String> {
    extract(text)
        .into_iter()
        .filter(|(k, _)| *k == kind)
        .map(|(_, key)| key)
        .collect()
}

#[test]
fn parallel_texts_align_one_to_one_in_every_direction() {
    for (src, tgt) in [(EN, RU), (EN, HY), (HY, RU), (RU, EN), (HY, EN), (RU, HY)] {
        assert_eq!(align_sentences(&src, &tgt), one_to_one(7));
    }
}

#[test]
fn two_sentences_joined_on_one_side_make_a_two_to_one_bead() {
    let joined = format!("{} {}", RU[4], RU[5]);
    let ru = [RU[0], RU[1], RU[2], RU[3], &joined, RU[6]];
    let beads = align_sentences(&EN, &ru);
    assert_covers(&beads, 7, 6);
    assert!(beads.contains(&bead(&[4, 5], &[4])), "{beads:?}");
    assert!(beads.contains(&bead(&[6], &[5])), "{beads:?}");
}

#[test]
fn a_sentence_split_in_two_makes_a_one_to_two_bead() {
    // Armenian typed with ASCII `:` for the full stop, as it often is.
    let joined = format!("{} {}", HY[1].replace('։', ":"), HY[2].replace('։', ":"));
    let hy = [HY[0], &joined, HY[3], HY[4], HY[5], HY[6]];
    let beads = align_sentences(&hy, &EN);
    assert_covers(&beads, 6, 7);
    assert!(beads.contains(&bead(&[1], &[1, 2])), "{beads:?}");
}

#[test]
fn a_sentence_missing_from_the_translation_is_left_alone() {
    let extra = "Its reading room was repainted last spring, and the old wooden \
                 shelves were replaced with new metal ones by a local workshop.";
    let en = [EN[0], EN[1], EN[2], EN[3], extra, EN[4], EN[5], EN[6]];
    let beads = align_sentences(&en, &RU);
    assert_covers(&beads, 8, 7);
    assert!(beads.contains(&bead(&[4], &[])), "{beads:?}");
    assert!(beads.contains(&bead(&[5], &[4])), "{beads:?}");
}

#[test]
fn empty_sides_give_only_insertions_or_deletions() {
    assert!(align_sentences(&[], &[]).is_empty());
    assert_eq!(
        align_sentences(&EN[..2], &[]),
        vec![bead(&[0], &[]), bead(&[1], &[])]
    );
    assert_eq!(align_sentences(&[], &RU[..1]), vec![bead(&[], &[0])]);
    assert_eq!(align_sentences(&[""], &[""]), vec![bead(&[0], &[0])]);
}

#[test]
fn a_long_document_with_a_block_inserted_far_from_the_diagonal_still_aligns() {
    // 60 long sentences that only the target has push the path out of the first band.
    let src: Vec<String> = (0..150)
        .map(|i| format!("Report {i} lists {} new trees in the park.", i * 7))
        .collect();
    let mut tgt: Vec<String> = (0..150)
        .map(|i| format!("В отчёте {i} указано {} новых деревьев в парке.", i * 7))
        .collect();
    let inserted = (0..60).map(|k| {
        format!(
            "Примечание редакции номер {}: этот раздел дополнен сведениями из городского \
             архива, которых не было в исходном отчёте.",
            k + 1000
        )
    });
    tgt.splice(40..40, inserted);
    let src: Vec<&str> = src.iter().map(String::as_str).collect();
    let tgt: Vec<&str> = tgt.iter().map(String::as_str).collect();
    let beads = align_sentences(&src, &tgt);
    assert_covers(&beads, 150, 210);
    for i in 0..150 {
        let j = if i < 40 { i } else { i + 60 };
        assert!(beads.contains(&bead(&[i], &[j])), "sentence {i}: {beads:?}");
    }
    for j in 40..100 {
        assert!(beads.contains(&bead(&[], &[j])), "insertion {j}");
    }
}

#[test]
fn sides_of_very_different_sizes_still_cover_every_index() {
    let tgt: Vec<String> = (0..200).map(|k| format!("Строка {k}.")).collect();
    let tgt: Vec<&str> = tgt.iter().map(String::as_str).collect();
    let beads = align_sentences(&EN[..3], &tgt);
    assert_covers(&beads, 3, 200);
    let beads = align_sentences(&tgt, &HY[..1]);
    assert_covers(&beads, 200, 1);
}

#[test]
fn paragraphs_align_with_their_own_priors() {
    let para = |texts: &[&str], cuts: &[usize]| -> Vec<String> {
        let mut bounds = vec![0];
        bounds.extend_from_slice(cuts);
        bounds.push(texts.len());
        bounds
            .windows(2)
            .map(|w| texts[w[0]..w[1]].join(" "))
            .collect()
    };
    let en = para(&EN, &[2, 4]);
    let hy = para(&HY, &[2, 4]);
    let en: Vec<&str> = en.iter().map(String::as_str).collect();
    let hy: Vec<&str> = hy.iter().map(String::as_str).collect();
    assert_eq!(align_paragraphs(&en, &hy), one_to_one(3));
    // The translator broke the last paragraph in two.
    let ru = para(&RU, &[2, 4, 6]);
    let ru: Vec<&str> = ru.iter().map(String::as_str).collect();
    assert_eq!(
        align_paragraphs(&en, &ru),
        vec![bead(&[0], &[0]), bead(&[1], &[1]), bead(&[2], &[2, 3])]
    );
}

#[test]
fn numbers_agree_whatever_their_group_separators() {
    assert_eq!(kinds(EN[1], Kind::Number), ["3400"]);
    assert_eq!(kinds(RU[1], Kind::Number), ["3400"]);
    assert_eq!(kinds(HY[1], Kind::Number), ["3400"]);
    assert_eq!(
        kinds("1\u{a0}250\u{a0}000 жителей", Kind::Number),
        ["1250000"]
    );
    // A decimal comma and a decimal point give the same key.
    assert_eq!(
        kinds("3.5 million", Kind::Number),
        kinds("3,5 млн", Kind::Number)
    );
    // A list of ages is not one number, and `09` is `9`.
    assert_eq!(
        kinds("aged 33, 34 and 39", Kind::Number),
        ["33", "34", "39"]
    );
    assert_eq!(kinds("at 09:30", Kind::Number), ["9", "30"]);
}

#[test]
fn question_marks_count_in_every_script() {
    assert_eq!(kinds(EN[2], Kind::Question).len(), 1);
    assert_eq!(kinds(RU[2], Kind::Question).len(), 1);
    // `՞` sits over a vowel inside the word.
    assert_eq!(kinds(HY[2], Kind::Question).len(), 1);
    assert_eq!(kinds("Ո՜վ գիտեր։", Kind::Exclamation).len(), 1);
}

#[test]
fn sentence_ends_inside_a_unit_follow_each_script() {
    let count = |t: &str| kinds(t, Kind::SentenceEnd).len();
    assert_eq!(count(EN[0]), 1);
    assert_eq!(count(&format!("{} {}", EN[0], EN[1])), 2);
    assert_eq!(count(&format!("{} {}", RU[2], RU[3])), 2);
    // Armenian full stop, typed properly or as a colon.
    assert_eq!(count(&format!("{} {}", HY[0], HY[1])), 2);
    assert_eq!(count("Նա եկավ: Մենք գնացինք:"), 2);
    // In Armenian `.` and `․` act as a colon; in English `:` is no full stop.
    assert_eq!(count(HY[6]), 1);
    assert_eq!(count(EN[6]), 1);
    assert_eq!(count("Mr. Smith came. Dr. Jones left."), 2);
}

#[test]
fn latin_words_in_a_cyrillic_text_are_anchors() {
    assert_eq!(
        kinds("Об этом сообщила газета The Times.", Kind::Word),
        ["the", "times"]
    );
    assert!(kinds(RU[3], Kind::Word).is_empty());
}

#[test]
fn links_are_taken_whole() {
    let text = "Write to info@example.org or see https://www.example.org/news/.";
    assert_eq!(
        kinds(text, Kind::Link),
        ["info@example.org", "example.org/news"]
    );
    assert!(kinds(text, Kind::Word).iter().all(|w| w != "example"));
}

#[test]
fn quoted_speech_opens_with_quotes_or_a_dialogue_dash() {
    assert_eq!(kinds(EN[6], Kind::Quote).len(), 1);
    assert_eq!(kinds(RU[6], Kind::Quote).len(), 1);
    assert_eq!(kinds(HY[6], Kind::Quote).len(), 1);
    assert_eq!(
        kinds("— Мы придём завтра, — сказала она.", Kind::Quote).len(),
        1
    );
    assert!(kinds("It's the children's library.", Kind::Quote).is_empty());
}

#[test]
fn names_share_a_skeleton_across_scripts() {
    let key = |w: &str| skeleton(&w.chars().collect::<Vec<_>>());
    assert_eq!(key("Petrosyan"), Some("ptr".to_string()));
    assert_eq!(key("Петросян"), key("Petrosyan"));
    assert_eq!(key("Պետրոսյան"), key("Petrosyan"));
    assert_eq!(key("Мадриде"), key("Madrid"));
    assert_eq!(key("Абовяна"), key("Abovyan"));
    assert_eq!(key("Աբովյան"), key("Abovyan"));
    assert_eq!(key("library"), None);
    assert_eq!(key("Anna"), None);
}

#[test]
fn a_sentence_initial_capital_is_a_name_only_if_seen_mid_sentence() {
    let weights = anchors::SENTENCE_WEIGHTS;
    // Each unit also holds one sentence-count anchor.
    let ru = ["Вчера Петросян выступил.", "Петросян поблагодарил их."];
    let found = anchors::anchors(&ru, &ru, &weights);
    assert_eq!((found.src[0].len(), found.src[1].len()), (2, 2));
    let ru = ["Петросян выступил.", "Все слушали."];
    let found = anchors::anchors(&ru, &ru, &weights);
    assert_eq!((found.src[0].len(), found.src[1].len()), (1, 1));
}

#[test]
fn gold_lines_parse_leniently_and_reject_garbage() {
    assert_eq!(parse_gold_line("[0,1]:[0]"), Some(bead(&[0, 1], &[0])));
    assert_eq!(
        parse_gold_line(" [ 2 ] : [ 3 , 4 ] "),
        Some(bead(&[2], &[3, 4]))
    );
    assert_eq!(parse_gold_line("[]:[3]"), Some(bead(&[], &[3])));
    assert_eq!(parse_gold_line("[5]:[ ]"), Some(bead(&[5], &[])));
    for bad in [
        "",
        "[]:[]",
        "[0]",
        "[0]:[1]:[2]",
        "0:1",
        "[a]:[1]",
        "[1,0]:[2]",
        "[+1]:[1]",
        "[0,]:[1]",
    ] {
        assert_eq!(parse_gold_line(bad), None, "{bad:?}");
    }
}

#[test]
fn strict_f1_counts_only_exact_beads() {
    let gold = vec![bead(&[0], &[0]), bead(&[1, 2], &[1]), bead(&[3], &[2])];
    assert_eq!(strict_f1(&gold, &gold), (1.0, 1.0, 1.0));
    let predicted = vec![
        bead(&[0], &[0]),
        bead(&[1], &[1]),
        bead(&[2], &[]),
        bead(&[3], &[2]),
    ];
    let (p, r, f) = strict_f1(&predicted, &gold);
    assert_eq!((p, r), (0.5, 2.0 / 3.0));
    assert!((f - 4.0 / 7.0).abs() < 1e-12);
    assert_eq!(strict_f1(&[], &gold), (0.0, 0.0, 0.0));
    assert_eq!(strict_f1(&[], &[]), (1.0, 1.0, 1.0));
    let mut total = strict_counts(&predicted, &gold);
    total += strict_counts(&gold, &gold);
    assert_eq!(
        total,
        StrictCounts {
            correct: 5,
            predicted: 7,
            gold: 6
        }
    );
}

#[test]
fn log_erfc_matches_known_values_and_stays_finite() {
    assert!((cost::ln_erfc(0.0) - 0.0).abs() < 1e-6);
    assert!((cost::ln_erfc(1.0) - 0.157_299_207_f64.ln()).abs() < 1e-6);
    let far = cost::ln_erfc(40.0);
    assert!(far.is_finite() && far < -1500.0);
}
