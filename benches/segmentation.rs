//! Throughput of the sentence segmenter, in words per second, on generated multi-paragraph text.
//!
//! Each language gets about 100,000 words of paragraphs assembled from a handful of sentences
//! that exercise its rules (abbreviations, initials, numbers, quotations, ellipses, stress marks).
//! The throughput is reported in elements, where one element is one word, so criterion's
//! "elem/s" reads as words per second. The segmenter is expected to do at least 2 million.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use tandem::domain::segmentation::split_sentences;

const TARGET_WORDS: usize = 100_000;

const ARMENIAN: &[&str] = &[
    "Երևանը Հայաստանի մայրաքաղաքն է:",
    "Այսօր եղանակը տաք է, և մենք գնում ենք այգի։",
    "Ժողովը կսկսվի ժամը 15:00-ին, մեծ դահլիճում:",
    "Ո՞վ է գրել այս նամակը:",
    "Ի՜նչ գեղեցիկ գիշեր է:",
    "Գիրքը թարգմանել է Ա. Սարգսյանը 1998 թվականին:",
    "Նա ասաց՝ «Վաղը անպայման կգամ»:",
    "Ծրագրի արժեքը 1.000.000 դրամ է, իսկ ժամկետը՝ երկու տարի:",
    "Մեր նպատակը հետևյալն է. ավարտել աշխատանքը մինչև ամառ:",
    "Հանդիպումը հետաձգվեց մինչև երեկո... Ոչ ոք չբողոքեց:",
    "Մի՛ մոռացիր փաստաթղթերը:",
];

const ENGLISH: &[&str] = &[
    "Dr. Lee reviewed the draft at 9 a.m. and sent it back to the team.",
    "The committee met on Jan. 5 in Washington to discuss the budget.",
    "Prices rose by 3.5 percent last year, e.g. in housing and food.",
    "She asked, \"Is the report ready?\" Nobody answered her.",
    "Visit https://example.org/docs/start.html for the details.",
    "We waited... and then we waited some more.",
    "The U.S. team won the final after a long season!",
    "Mr. J. R. Miller signed the contract (see p. 12 of the annex).",
    "Is this the right address?! I am not sure any more.",
    "Their office moved to 221 Baker St. near the old station.",
    "Write to info@example.com if anything is unclear.",
];

const RUSSIAN: &[&str] = &[
    "Проф. Иванов выступил на конференции в г. Казани.",
    "В 2020 г. объём продаж вырос на 15 млн руб.",
    "Он сказал: «Я приду завтра». Никто не возразил.",
    "Что случилось?! Никто толком не знал.",
    "Подробности см. на сайте, т. е. в разделе новостей.",
    "А. С. Пушкин родился в Москве в 1799 году.",
    "Температура упала до 3,5 градусов…",
    "Это был долгий день; мы очень устали.",
    "Купили хлеб, молоко, сыр и т. д. Потом пошли домой.",
    "— Ты где? — Дома, скоро выйду.",
    "Музей им. Глинки открыт до 18:00 ежедневно.",
];

const GERMAN: &[&str] = &[
    "Der Bericht wurde gestern veröffentlicht.",
    "Er enthält viele Zahlen, z. B. die Kosten des Projekts.",
    "Wie geht es weiter? Das weiß noch niemand.",
    "Die Sitzung beginnt um 10 Uhr im großen Saal.",
    "Frau Dr. Weber leitet die Arbeitsgruppe seit drei Jahren.",
    "Das Ergebnis war eindeutig: Alle stimmten zu!",
    "Im Jahr 2021 stieg der Umsatz um 4,2 Prozent.",
    "Bitte senden Sie die Unterlagen bis Freitag.",
];

/// Paragraphs of 3 to 8 sentences, picked by a fixed linear congruential generator so that every
/// run measures the same text, until about [`TARGET_WORDS`] words. Returns them with the word count.
pub fn paragraphs(sentences: &[&str]) -> (Vec<String>, u64) {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |bound: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) % bound as u64) as usize
    };
    let mut paragraphs = Vec::new();
    let mut words = 0;
    while words < TARGET_WORDS {
        let count = 3 + next(6);
        let mut paragraph = String::new();
        for _ in 0..count {
            let sentence = sentences[next(sentences.len())];
            if !paragraph.is_empty() {
                paragraph.push(' ');
            }
            paragraph.push_str(sentence);
            words += sentence.split_whitespace().count();
        }
        paragraphs.push(paragraph);
    }
    (paragraphs, words as u64)
}

/// The languages measured: the three with their own rules and German for the UAX #29 fallback.
pub fn corpora() -> [(&'static str, &'static [&'static str]); 4] {
    [
        ("hy", ARMENIAN),
        ("en", ENGLISH),
        ("ru", RUSSIAN),
        ("de", GERMAN),
    ]
}

fn split_all(lang: &str, paragraphs: &[String]) -> usize {
    paragraphs
        .iter()
        .map(|p| split_sentences(black_box(lang), black_box(p)).len())
        .sum()
}

fn bench_split_sentences(c: &mut Criterion) {
    let mut group = c.benchmark_group("split_sentences");
    group.sample_size(30);
    for (lang, sentences) in corpora() {
        let (paragraphs, words) = paragraphs(sentences);
        group.throughput(Throughput::Elements(words));
        group.bench_function(lang, |b| b.iter(|| split_all(lang, &paragraphs)));
    }
    group.finish();
}

criterion_group!(benches, bench_split_sentences);
criterion_main!(benches);
