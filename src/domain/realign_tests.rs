//! Tests for `realign`: paragraphs in Armenian, English and Russian, plus invariants and scale.

use super::*;

const EN: [&str; 5] = [
    "The Foundation announced today that it will open three new regional offices in 2027.",
    "Applications for the grant programme close on 15 January; late submissions will not be considered.",
    "We call on the government to release the detained journalists immediately and without conditions.",
    "For media enquiries, please contact the press office by email or telephone.",
    "The report documents more than two hundred cases of unlawful detention across the country.",
];
const HY: [&str; 5] = [
    "Հիմնադրամն այսօր հայտարարեց, որ 2027 թվականին կբացի երեք նոր տարածաշրջանային գրասենյակ։",
    "Դրամաշնորհային ծրագրի հայտերի ընդունումն ավարտվում է հունվարի 15-ին։",
    "Կոչ ենք անում կառավարությանը անհապաղ և առանց պայմանների ազատ արձակել ձերբակալված լրագրողներին։",
    "Լրատվամիջոցների հարցումների համար խնդրում ենք դիմել մամուլի ծառայություն։",
    "Զեկույցը փաստում է երկրում ապօրինի կալանքի ավելի քան երկու հարյուր դեպք։",
];
const RU: [&str; 5] = [
    "Фонд сегодня объявил, что в 2027 году откроет три новых региональных офиса.",
    "Приём заявок на грантовую программу завершается 15 января.",
    "Мы призываем правительство немедленно и без условий освободить задержанных журналистов.",
    "По вопросам СМИ просим обращаться в пресс-службу по электронной почте или телефону.",
    "В докладе задокументировано более двухсот случаев незаконного задержания по всей стране.",
];

fn u(old: usize) -> Fate {
    Fate::Unchanged { old }
}

/// Old index taken by an Edited fate, panicking (test only) on anything else.
fn edited(f: &Fate) -> usize {
    match f {
        Fate::Edited { old, similarity } => {
            assert!((EDIT_THRESHOLD..=1.0).contains(similarity), "{similarity}");
            *old
        }
        other => panic!("expected Edited, got {other:?}"),
    }
}

fn check_invariants(old: &[&str], new: &[&str], r: &Realignment) {
    assert_eq!(r.fates.len(), new.len());
    let mut seen = vec![false; old.len()];
    for (i, f) in r.fates.iter().enumerate() {
        match f {
            Fate::Unchanged { old: j } => {
                assert_eq!(old[*j], new[i]);
                assert!(
                    !std::mem::replace(&mut seen[*j], true),
                    "old {j} taken twice"
                );
            }
            Fate::Edited { old: j, similarity } => {
                assert!((0.0..=1.0).contains(similarity));
                assert!(
                    !std::mem::replace(&mut seen[*j], true),
                    "old {j} taken twice"
                );
            }
            Fate::Inserted => {}
        }
    }
    let not_taken: Vec<usize> = (0..old.len()).filter(|&j| !seen[j]).collect();
    assert_eq!(r.removed, not_taken);
}

#[test]
fn similarity_basics() {
    for set in [EN, HY, RU] {
        for (i, a) in set.iter().enumerate() {
            assert_eq!(similarity(a, a), 1.0);
            for b in &set[i + 1..] {
                let s = similarity(a, b);
                assert!(s < 0.3, "unrelated {s}: {a} / {b}");
                assert_eq!(s, similarity(b, a));
            }
        }
    }
    // Case, punctuation and spacing are ignored, in every script.
    assert_eq!(
        similarity("Press  release: «Yerevan»!", "press release yerevan"),
        1.0
    );
    assert_eq!(
        similarity("ՀԱՅՏԱՐԱՐՈՒԹՅՈՒՆ։ Ինչո՞ւ հիմա", "հայտարարություն ինչու հիմա"),
        1.0
    );
    assert_eq!(
        similarity(
            "ЗАЯВЛЕНИЕ — Москва, 27 ноября.",
            "заявление москва 27 ноября"
        ),
        1.0
    );
    // A changed word or fixed typo stays well above the threshold.
    assert!(similarity(EN[0], &EN[0].replace("three", "four")) > 0.85);
    assert!(similarity(HY[0], &HY[0].replace("երեք", "չորս")) > 0.85);
    assert!(similarity(RU[1], &RU[1].replace("Приём", "Прием")) > 0.9);
    // Degenerate inputs.
    assert_eq!(similarity("", ""), 1.0);
    assert_eq!(similarity("—", "***"), 1.0);
    assert_eq!(similarity("", "Текст"), 0.0);
    assert_eq!(similarity("a", "b"), 0.0);
    assert_eq!(similarity("a", "A."), 1.0);
}

#[test]
fn identical_inputs_are_all_unchanged() {
    let text = [EN[0], HY[0], RU[0], "—", EN[1], "—"];
    let r = realign(&text, &text);
    assert_eq!(r.fates, (0..text.len()).map(u).collect::<Vec<_>>());
    assert!(r.removed.is_empty());
}

#[test]
fn unchanged_survive_insertions_and_deletions_around_them() {
    let old = [EN[0], EN[1], HY[2], RU[3]];
    let new = [RU[0], EN[0], HY[2], EN[4], RU[3]];
    let r = realign(&old, &new);
    assert_eq!(
        r.fates,
        vec![Fate::Inserted, u(0), u(2), Fate::Inserted, u(3)]
    );
    assert_eq!(r.removed, vec![1]);
}

#[test]
fn reordered_unchanged_paragraphs_keep_their_index() {
    let old = [HY[0], HY[1], HY[2], HY[3], HY[4]];
    let new = [HY[3], HY[0], HY[1], HY[4], HY[2]];
    let r = realign(&old, &new);
    assert_eq!(r.fates, vec![u(3), u(0), u(1), u(4), u(2)]);
    assert!(r.removed.is_empty());
}

#[test]
fn duplicates_are_matched_in_order() {
    let old = [
        RU[0],
        "—",
        RU[1],
        "—",
        "Свободу журналистам!",
        RU[2],
        "Свободу журналистам!",
    ];
    let new = ["—", RU[0], "Свободу журналистам!", RU[2], "—"];
    let r = realign(&old, &new);
    assert_eq!(r.fates, vec![u(1), u(0), u(4), u(5), u(3)]);
    assert_eq!(r.removed, vec![2, 6]);
}

#[test]
fn edits_keep_the_old_segment() {
    let cases: [(&str, String); 6] = [
        // typo fixed
        (
            "The Foundaton announced today that it will open three new offices.",
            "The Foundation announced today that it will open three new offices.".into(),
        ),
        // word changed
        (HY[0], HY[0].replace("երեք", "չորս")),
        // sentence added
        (RU[1], format!("{} Итоги будут объявлены в марте.", RU[1])),
        // sentence removed
        (
            "The report will be presented in Yerevan on 3 December. Admission is free.",
            "The report will be presented in Yerevan on 3 December.".into(),
        ),
        (
            "Մենք պահանջում ենք լրագրողների ազատումը։ Այս մասին հայտարարել են քսան կազմակերպություններ։",
            "Մենք պահանջում ենք լրագրողների ազատումը։".into(),
        ),
        (
            "Доклад будет представлен в Ереване 3 декабря. Вход свободный.",
            "Доклад будет представлен в Ереване 4 декабря. Вход свободный".into(),
        ),
    ];
    for (before, after) in &cases {
        let old = [EN[3], before, RU[4]];
        let new = [EN[3], after.as_str(), RU[4]];
        let r = realign(&old, &new);
        assert_eq!(edited(&r.fates[1]), 1, "{before} → {after}");
        assert!(r.removed.is_empty());
    }
}

#[test]
fn edited_alignment_keeps_the_order() {
    let old = [
        "The Yerevan office opens on Monday, 1 December, at 10:00.",
        "The Gyumri office opens on Tuesday, 2 December, at 11:00.",
    ];
    let new = [
        "The Yerevan office opens on Tuesday, 2 December, at 11:00.",
        "The Gyumri office opens on Wednesday, 3 December, at 12:00.",
    ];
    // A greedy best-pair pass would give old 1 to new 0.
    assert!(similarity(new[0], old[1]) > similarity(new[0], old[0]));
    assert!(similarity(new[0], old[1]) > similarity(new[1], old[1]));
    let r = realign(&old, &new);
    assert_eq!(edited(&r.fates[0]), 0);
    assert_eq!(edited(&r.fates[1]), 1);
}

#[test]
fn split_paragraph_keeps_id_on_the_closer_part() {
    let long_part = "Զեկույցը փաստում է երկրում ապօրինի կալանքի ավելի քան երկու հարյուր դեպք";
    let short_part = "Հեղինակները կոչ են անում։";
    let old_para = format!("{long_part}, և հեղինակները կոչ են անում։");
    let old = [HY[0], old_para.as_str(), HY[3]];
    let new = [HY[0], &format!("{long_part}։"), short_part, HY[3]];
    let r = realign(&old, &new);
    assert_eq!(r.fates[0], u(0));
    assert_eq!(edited(&r.fates[1]), 1);
    assert_eq!(r.fates[2], Fate::Inserted);
    assert_eq!(r.fates[3], u(2));
    assert!(r.removed.is_empty());

    // English, split in the middle: the part sharing more text wins.
    let old = [format!("{} {}", EN[0], EN[3])];
    let r = realign(&[old[0].as_str()], &[EN[0], EN[3]]);
    assert_eq!(edited(&r.fates[0]), 0);
    assert_eq!(r.fates[1], Fate::Inserted);
}

#[test]
fn merged_paragraphs_keep_the_closer_id() {
    let merged = format!("{} {}", RU[0], RU[1]);
    let old = [RU[4], RU[0], RU[1], RU[3]];
    let new = [RU[4], merged.as_str(), RU[3]];
    let r = realign(&old, &new);
    let winner = edited(&r.fates[1]);
    let expected = if similarity(&merged, RU[0]) >= similarity(&merged, RU[1]) {
        1
    } else {
        2
    };
    assert_eq!(winner, expected);
    assert_eq!(r.removed, vec![3 - expected]);
    assert_eq!((r.fates[0].clone(), r.fates[2].clone()), (u(0), u(3)));

    let merged = format!("{} {}", EN[1], EN[3]);
    let r = realign(&[EN[1], EN[3]], &[&merged]);
    assert_eq!(edited(&r.fates[0]), 0);
    assert_eq!(r.removed, vec![1]);
}

#[test]
fn new_and_deleted_paragraphs() {
    let old = [EN[0], EN[1], EN[2], EN[3]];
    let new = [HY[0], EN[1], RU[2], EN[3], HY[4]];
    let r = realign(&old, &new);
    assert_eq!(
        r.fates,
        vec![Fate::Inserted, u(1), Fate::Inserted, u(3), Fate::Inserted]
    );
    assert_eq!(r.removed, vec![0, 2]);
}

#[test]
fn moved_and_edited_paragraph_is_found() {
    let old = [EN[0], EN[1], EN[2], EN[3], EN[4]];
    let moved = EN[1].replace("15 January", "20 January");
    let new = [EN[0], EN[2], EN[3], EN[4], moved.as_str()];
    let r = realign(&old, &new);
    assert_eq!(&r.fates[..4], &[u(0), u(2), u(3), u(4)]);
    assert_eq!(edited(&r.fates[4]), 1);
    assert!(r.removed.is_empty());
}

#[test]
fn empty_inputs() {
    let none: [&str; 0] = [];
    assert_eq!(
        realign(&none, &none),
        Realignment {
            fates: vec![],
            removed: vec![]
        }
    );
    assert_eq!(realign(&[HY[0], RU[0]], &none).removed, vec![0, 1]);
    assert_eq!(realign(&none, &[EN[0], ""]).fates, vec![Fate::Inserted; 2]);
    let r = realign(&["", "—"], &["", "***", "—"]);
    assert_eq!(r.fates, vec![u(0), Fate::Inserted, u(1)]);
}

#[test]
fn very_long_paragraphs() {
    let long_old = RU.join(" ").repeat(2_000);
    let long_new = format!("{long_old} {}", RU[0]);
    let r = realign(&[&long_old, HY[1]], &[&long_new, HY[1]]);
    assert_eq!(edited(&r.fates[0]), 0);
    assert_eq!(r.fates[1], u(1));
}

/// Small deterministic generator (64-bit LCG), so the property test needs no crate.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % bound.max(1) as u64) as usize
    }
}

fn random_paragraph(rng: &mut Lcg) -> String {
    let pool: Vec<&str> = EN.iter().chain(&HY).chain(&RU).copied().collect();
    let mut p = pool[rng.next(pool.len())].to_string();
    for _ in 0..rng.next(3) {
        p.push(' ');
        p.push_str(pool[rng.next(pool.len())]);
    }
    p
}

#[test]
fn invariants_hold_on_random_edits() {
    let mut rng = Lcg(20_261_127);
    for _ in 0..300 {
        let old: Vec<String> = (0..rng.next(12))
            .map(|_| random_paragraph(&mut rng))
            .collect();
        let mut new = old.clone();
        for _ in 0..rng.next(6) {
            let at = rng.next(new.len() + 1);
            match rng.next(5) {
                0 => new.insert(at, random_paragraph(&mut rng)),
                1 if at < new.len() => drop(new.remove(at)),
                2 if at < new.len() => new[at].push_str(" Добавлено."),
                3 if at < new.len() => new[at] = new[at].replacen('a', "o", 2),
                4 if at + 1 < new.len() => new.swap(at, at + 1),
                _ => new.insert(at, "—".to_string()),
            }
        }
        let old: Vec<&str> = old.iter().map(String::as_str).collect();
        let new: Vec<&str> = new.iter().map(String::as_str).collect();
        let (r, work) = realign_counted(&old, &new);
        check_invariants(&old, &new, &r);
        // Inputs this small never reach the band: the whole comparison fits the budget.
        assert!(work <= COMPARISON_BUDGET, "{work}");
        assert_eq!(r, realign(&old, &new), "deterministic");
        let same = realign(&old, &old);
        assert_eq!(same.fates, (0..old.len()).map(u).collect::<Vec<_>>());
    }
}

fn numbered(prefix: &str, count: usize) -> Vec<String> {
    (0..count)
        .map(|k| format!("{prefix} {k}: {} {}", EN[k % 5], RU[(k / 5) % 5]))
        .collect()
}

/// Profile lengths of `texts`: what a pair of them adds to the counted work when walked.
fn profile_lengths(texts: &[&str]) -> Vec<u64> {
    texts.iter().map(|t| profile(t).len() as u64).collect()
}

#[test]
fn two_thousand_mostly_unchanged_paragraphs_compare_only_the_changed_ones() {
    let old = numbered("Пункт", 2_000);
    let mut new = old.clone();
    for k in (0..2_000).step_by(50) {
        new[k].push_str(" Обновлено.");
    }
    new.insert(700, HY[2].to_string());
    new.remove(1_500);
    let old: Vec<&str> = old.iter().map(String::as_str).collect();
    let new: Vec<&str> = new.iter().map(String::as_str).collect();
    let (r, work) = realign_counted(&old, &new);
    check_invariants(&old, &new, &r);
    assert_eq!(edited(&r.fates[0]), 0);
    assert_eq!(r.fates[700], Fate::Inserted);
    assert_eq!(r.removed, vec![1_499]);
    let edits = r
        .fates
        .iter()
        .filter(|f| matches!(f, Fate::Edited { .. }))
        .count();
    assert_eq!(edits, 40);

    // The 1,958 unchanged paragraphs are anchors, so only the gaps between them are compared:
    // each of the 40 edited paragraphs with its old version (one pair), plus one more pair where
    // the inserted paragraph shares the gap of edit 700 (2 new × 1 old) and one where removed
    // old 1,499 shares the gap of edit 1,500 (1 new × 2 old). The gaps fit the budget, so the
    // moved-paragraph pass runs too, on the one new and one old paragraph left: one pair.
    let pairs = 40 + 1 + 1 + 1;
    let dearest_new = profile_lengths(&new).into_iter().max().unwrap_or(0);
    let dearest_old = profile_lengths(&old).into_iter().max().unwrap_or(0);
    let bound = pairs * (PAIR_OVERHEAD + dearest_new + dearest_old);
    println!("2000 x 2000 mostly unchanged: work {work}, bound {bound}");
    assert!(work > 0, "the edited paragraphs were compared");
    assert!(
        work <= bound,
        "work {work} exceeds {pairs} pairs of at most {} steps",
        PAIR_OVERHEAD + dearest_new + dearest_old
    );
    // Whole-text comparison would cost 2,000 × 2,000 pairs; this is a sliver of the budget.
    assert!(
        work * 1_000 <= COMPARISON_BUDGET,
        "work {work} is over a thousandth of the budget {COMPARISON_BUDGET}"
    );
}

/// Most work the banded pass can do beyond [`COMPARISON_BUDGET`] on one gap of new paragraphs
/// with profile lengths `a` and old ones with `b` (no exact matches, so the whole text is the
/// gap), derived from `realign` and `Ctx::align_gap`:
///
/// - the gap's full cost is `n·m·PAIR_OVERHEAD + m·Σa + n·Σb`, the budget is `share` of it, and
///   each new paragraph k is compared with `width = ceil(share·m)` consecutive old ones, so the
///   band's work is at most `width·(n·PAIR_OVERHEAD + Σa) + n·heaviest`, with `heaviest` the
///   largest sum of `width` consecutive old lengths;
/// - subtracting the budget, `share·m·(n·PAIR_OVERHEAD + Σa) + share·n·Σb`, leaves less than
///   `(n·PAIR_OVERHEAD + Σa) + n·(heaviest − share·Σb)`. The first term is the rounding up of
///   `width` (under one extra old paragraph per new one); the second is the band's old
///   paragraphs weighing more than their share: the same rounding, plus longer-than-average old
///   paragraphs, since the band allots pairs, not trigram steps.
///
/// Returns the slack, and whether the gap is banded at all.
fn band_slack(a: &[u64], b: &[u64]) -> (u64, bool) {
    let (n, m) = (a.len() as u64, b.len() as u64);
    let (sum_a, sum_b) = (a.iter().sum::<u64>(), b.iter().sum::<u64>());
    let full = n * m * PAIR_OVERHEAD + m * sum_a + n * sum_b;
    if full <= COMPARISON_BUDGET {
        return (0, false);
    }
    let share = COMPARISON_BUDGET as f64 / full as f64;
    let width = ((share * m as f64).ceil() as usize).max(1);
    let heaviest = b
        .windows(width)
        .map(|w| w.iter().sum::<u64>())
        .max()
        .unwrap_or(0);
    let rounding = n * PAIR_OVERHEAD + sum_a;
    let band_over_share = n as f64 * (heaviest as f64 - share * sum_b as f64);
    (rounding + band_over_share.max(0.0).ceil() as u64, true)
}

#[test]
fn worst_case_stays_bounded() {
    let old = numbered("Old", 2_000);
    let new: Vec<String> = numbered("Նոր", 2_000)
        .iter()
        .map(|p| p.chars().rev().collect())
        .collect();
    let old: Vec<&str> = old.iter().map(String::as_str).collect();
    let new: Vec<&str> = new.iter().map(String::as_str).collect();
    let (r, work) = realign_counted(&old, &new);
    check_invariants(&old, &new, &r);

    let (slack, banded) = band_slack(&profile_lengths(&new), &profile_lengths(&old));
    println!("2000 x 2000 all different: work {work}, budget {COMPARISON_BUDGET}, slack {slack}");
    assert!(
        banded,
        "the test must exceed the budget to exercise the band"
    );
    // The slack is a small part of the budget, so the bound below means something.
    assert!(slack * 50 <= COMPARISON_BUDGET, "slack {slack}");
    assert!(
        work <= COMPARISON_BUDGET + slack,
        "work {work} exceeds budget {COMPARISON_BUDGET} + slack {slack}"
    );
}
