//! A deterministic synthetic translation memory and queries against it, for fuzzy-match benchmarks.
//!
//! Sources are in Armenian script, targets in Cyrillic.
//!
//! Words are built from syllables and drawn from a Zipf-distributed vocabulary of 50,000 types
//! (s = 1.05), with the frequent words shorter, as in real text; many words share a stem and
//! differ in an ending, like inflected forms. Sentence lengths follow a log-normal law like news
//! text (mean about 22 words, long tail), with numbers, commas, quotations, capitalised names and
//! a few headings of one to five words. A translation memory repeats itself, so 3% of the units
//! repeat an earlier one and 7% are an earlier one with one to three words changed.
//!
//! Everything comes from `StdRng::seed_from_u64`, so the same arguments give the same corpus on
//! every run of the same build.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// Number of word types in each language.
pub const VOCABULARY: usize = 50_000;
/// Exponent of the Zipf law of word frequencies.
pub const ZIPF_EXPONENT: f64 = 1.05;
/// Seed of the vocabularies, the same for every corpus so that queries can be made separately.
const VOCABULARY_SEED: u64 = 0x7a4d_656d_6f72_7921;

/// Why a query was made, which says what a good answer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QueryKind {
    /// A stored source with one to four words substituted, inserted or deleted.
    Edited,
    /// One to three words: a stored heading, possibly edited, or a fragment of a stored unit.
    Short,
    /// A new sentence from the same vocabulary.
    Unrelated,
}

impl QueryKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Edited => "edited",
            Self::Short => "short",
            Self::Unrelated => "unrelated",
        }
    }
}

/// One query and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub text: String,
    pub kind: QueryKind,
    /// The index in `units` of the unit the query was made from.
    pub origin: Option<usize>,
}

const ARMENIAN_VOWELS: &[&str] = &["ա", "ե", "է", "ը", "ի", "ո", "օ", "ու", "ա", "ի"];
const ARMENIAN_CONSONANTS: &[&str] = &[
    "բ", "գ", "դ", "զ", "թ", "ժ", "լ", "խ", "ծ", "կ", "հ", "ձ", "ղ", "ճ", "մ", "յ", "ն", "շ", "չ",
    "պ", "ջ", "ռ", "ս", "վ", "տ", "ր", "ց", "փ", "ք", "ֆ", "ն", "ր", "տ", "կ", "մ", "ս",
];
const ARMENIAN_ENDINGS: &[&str] = &[
    "",
    "ը",
    "ն",
    "ի",
    "ից",
    "ով",
    "ում",
    "ներ",
    "ները",
    "երի",
    "ական",
    "ություն",
];
const CYRILLIC_VOWELS: &[&str] = &["а", "е", "и", "о", "у", "ы", "я", "ю", "а", "о", "е"];
const CYRILLIC_CONSONANTS: &[&str] = &[
    "б", "в", "г", "д", "ж", "з", "к", "л", "м", "н", "п", "р", "с", "т", "ф", "х", "ц", "ч", "ш",
    "щ", "н", "с", "т", "р", "л", "в",
];
const CYRILLIC_ENDINGS: &[&str] = &[
    "", "а", "ы", "ов", "ой", "ами", "ие", "ого", "ему", "ость", "ный", "ская",
];

/// The words of one language, most frequent first, and the cumulative Zipf distribution.
struct Lexicon {
    words: Vec<String>,
    cumulative: Vec<f64>,
}

struct Script {
    vowels: &'static [&'static str],
    consonants: &'static [&'static str],
    endings: &'static [&'static str],
}

const ARMENIAN: Script = Script {
    vowels: ARMENIAN_VOWELS,
    consonants: ARMENIAN_CONSONANTS,
    endings: ARMENIAN_ENDINGS,
};
const CYRILLIC: Script = Script {
    vowels: CYRILLIC_VOWELS,
    consonants: CYRILLIC_CONSONANTS,
    endings: CYRILLIC_ENDINGS,
};

impl Lexicon {
    fn new(script: &Script, rng: &mut StdRng) -> Self {
        let mut seen = std::collections::HashSet::new();
        let mut words: Vec<(f64, String)> = Vec::with_capacity(VOCABULARY);
        let mut stem = String::new();
        while words.len() < VOCABULARY {
            // A new stem now and then; otherwise another ending on the last stem.
            if stem.is_empty() || rng.random_bool(0.55) {
                stem = syllables(script, rng);
            }
            let ending = script.endings[rng.random_range(0..script.endings.len())];
            let word = format!("{stem}{ending}");
            if seen.insert(word.clone()) {
                // Shorter words tend to be more frequent.
                let order = word.chars().count() as f64 + rng.random_range(0.0..10.0);
                words.push((order, word));
            }
        }
        words.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut cumulative = Vec::with_capacity(VOCABULARY);
        let mut total = 0.0;
        for rank in 1..=VOCABULARY {
            total += 1.0 / (rank as f64).powf(ZIPF_EXPONENT);
            cumulative.push(total);
        }
        for c in &mut cumulative {
            *c /= total;
        }
        Lexicon {
            words: words.into_iter().map(|(_, w)| w).collect(),
            cumulative,
        }
    }

    fn rank(&self, rng: &mut StdRng) -> usize {
        let u: f64 = rng.random();
        self.cumulative
            .partition_point(|&c| c < u)
            .min(VOCABULARY - 1)
    }
}

fn syllables(script: &Script, rng: &mut StdRng) -> String {
    let count = match rng.random_range(0..10) {
        0..=2 => 1,
        3..=7 => 2,
        _ => 3,
    };
    let mut out = String::new();
    for _ in 0..count {
        if rng.random_bool(0.8) {
            out.push_str(script.consonants[rng.random_range(0..script.consonants.len())]);
        }
        out.push_str(script.vowels[rng.random_range(0..script.vowels.len())]);
        if rng.random_bool(0.3) {
            out.push_str(script.consonants[rng.random_range(0..script.consonants.len())]);
        }
    }
    out
}

/// One token of a generated sentence, shared by both sides.
#[derive(Debug, Clone)]
enum Piece {
    /// A word by rank; `true` when capitalised (a name).
    Word(usize, bool),
    Number(String),
    Comma,
    Open,
    Close,
}

struct Generator {
    source: Lexicon,
    target: Lexicon,
}

impl Generator {
    fn new() -> Self {
        let mut rng = StdRng::seed_from_u64(VOCABULARY_SEED);
        let source = Lexicon::new(&ARMENIAN, &mut rng);
        let target = Lexicon::new(&CYRILLIC, &mut rng);
        Generator { source, target }
    }

    /// Words in a sentence: log-normal around 20 (mean about 22), or a short heading.
    fn length(rng: &mut StdRng) -> usize {
        if rng.random_bool(0.02) {
            return rng.random_range(1..=5);
        }
        let u1: f64 = 1.0 - rng.random::<f64>();
        let u2: f64 = rng.random();
        let normal = (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos();
        (20.0 * (0.45 * normal).exp()).round().clamp(3.0, 120.0) as usize
    }

    fn number(rng: &mut StdRng) -> String {
        match rng.random_range(0..10) {
            0..=3 => rng.random_range(1950..=2025).to_string(),
            4..=6 => rng.random_range(1..=100).to_string(),
            7 => format!("{},{}", rng.random_range(0..100), rng.random_range(1..10)),
            _ => format!(
                "{}.{:03}.{:03}",
                rng.random_range(1..1000),
                rng.random_range(0..1000),
                rng.random_range(0..1000)
            ),
        }
    }

    fn pieces(&self, rng: &mut StdRng) -> (Vec<Piece>, bool) {
        let words = Self::length(rng);
        let heading = words <= 5 && rng.random_bool(0.5);
        let mut pieces = Vec::with_capacity(words + 6);
        let mut open = 0usize;
        for i in 0..words {
            if open == 0 && i + 3 < words && rng.random_bool(0.02) {
                pieces.push(Piece::Open);
                open = rng.random_range(1..=3);
            }
            if rng.random_bool(0.04) {
                pieces.push(Piece::Number(Self::number(rng)));
            } else {
                pieces.push(Piece::Word(self.source.rank(rng), rng.random_bool(0.03)));
            }
            if open > 0 {
                open -= 1;
                if open == 0 {
                    pieces.push(Piece::Close);
                }
            }
            if i + 1 < words && rng.random_bool(0.07) {
                pieces.push(Piece::Comma);
            }
        }
        if open > 0 {
            pieces.push(Piece::Close);
        }
        (pieces, heading)
    }

    /// The Armenian side: capitalised first word, `։` at the end (now and then a colon, as
    /// typed on keyboards without `։`), a rare question mark on the last word's vowel.
    fn source_text(&self, pieces: &[Piece], heading: bool, rng: &mut StdRng) -> String {
        let mut out = String::new();
        let words: Vec<usize> = (0..pieces.len())
            .filter(|&i| matches!(pieces[i], Piece::Word(..)))
            .collect();
        let question = !heading && rng.random_bool(0.03);
        for (i, piece) in pieces.iter().enumerate() {
            match piece {
                Piece::Word(rank, name) => {
                    if !out.is_empty() && !out.ends_with('«') {
                        out.push(' ');
                    }
                    let word = &self.source.words[*rank];
                    let word = if question && words.last() == Some(&i) {
                        with_question_mark(word)
                    } else {
                        word.clone()
                    };
                    if *name || out.is_empty() {
                        out.push_str(&capitalise(&word));
                    } else {
                        out.push_str(&word);
                    }
                }
                Piece::Number(n) => {
                    if !out.is_empty() && !out.ends_with('«') {
                        out.push(' ');
                    }
                    out.push_str(n);
                }
                Piece::Comma => out.push(','),
                Piece::Open => {
                    if !out.is_empty() {
                        out.push(' ');
                    }
                    out.push('«');
                }
                Piece::Close => out.push('»'),
            }
        }
        if !heading {
            out.push(if rng.random_bool(0.06) { ':' } else { '։' });
        }
        out
    }

    /// The Russian-looking side: the same pieces word for word, a few neighbours swapped.
    fn target_text(&self, pieces: &[Piece], heading: bool, rng: &mut StdRng) -> String {
        let mut pieces = pieces.to_vec();
        for i in 1..pieces.len() {
            if matches!(
                (&pieces[i - 1], &pieces[i]),
                (Piece::Word(..), Piece::Word(..))
            ) && rng.random_bool(0.08)
            {
                pieces.swap(i - 1, i);
            }
        }
        let mut out = String::new();
        for piece in &pieces {
            match piece {
                Piece::Word(rank, name) => {
                    if !out.is_empty() && !out.ends_with('«') {
                        out.push(' ');
                    }
                    let word = &self.target.words[*rank];
                    if *name || out.is_empty() {
                        out.push_str(&capitalise(word));
                    } else {
                        out.push_str(word);
                    }
                }
                Piece::Number(n) => {
                    if !out.is_empty() && !out.ends_with('«') {
                        out.push(' ');
                    }
                    out.push_str(n);
                }
                Piece::Comma => out.push(','),
                Piece::Open => {
                    if !out.is_empty() {
                        out.push(' ');
                    }
                    out.push('«');
                }
                Piece::Close => out.push('»'),
            }
        }
        if !heading {
            out.push('.');
        }
        out
    }

    fn sentence(&self, rng: &mut StdRng) -> (String, String) {
        let (pieces, heading) = self.pieces(rng);
        let source = self.source_text(&pieces, heading, rng);
        let target = self.target_text(&pieces, heading, rng);
        (source, target)
    }

    /// `text` with `changes` words substituted, inserted or deleted, the words split at spaces
    /// (punctuation attached to a replaced or deleted word goes with it).
    fn edit(&self, text: &str, changes: usize, rng: &mut StdRng) -> String {
        let mut words: Vec<String> = text.split(' ').map(str::to_owned).collect();
        for _ in 0..changes {
            let new_word = self.source.words[self.source.rank(rng)].clone();
            let choice = rng.random_range(0..4);
            if words.is_empty() || choice == 0 {
                let at = rng.random_range(0..=words.len());
                words.insert(at, new_word);
            } else if choice == 1 && words.len() > 1 {
                let at = rng.random_range(0..words.len());
                words.remove(at);
            } else {
                let at = rng.random_range(0..words.len());
                words[at] = new_word;
            }
        }
        words.join(" ")
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The word with the Armenian question mark `՞` after its last vowel, where it is written.
fn with_question_mark(word: &str) -> String {
    let vowels = ['ա', 'ե', 'է', 'ը', 'ի', 'ո', 'օ', 'ւ'];
    match word.char_indices().rev().find(|(_, c)| vowels.contains(c)) {
        Some((at, c)) => {
            let end = at + c.len_utf8();
            format!("{}՞{}", &word[..end], &word[end..])
        }
        None => word.to_owned(),
    }
}

/// `n` (source, target) pairs of a memory, the same for the same `n` and `seed`.
pub fn units(n: usize, seed: u64) -> Vec<(String, String)> {
    let generator = Generator::new();
    let mut rng = StdRng::seed_from_u64(seed);
    let mut out: Vec<(String, String)> = Vec::with_capacity(n);
    for _ in 0..n {
        let roll: f64 = rng.random();
        let unit = if out.len() > 100 && roll < 0.03 {
            out[rng.random_range(0..out.len())].clone()
        } else if out.len() > 100 && roll < 0.10 {
            let (source, target) = &out[rng.random_range(0..out.len())];
            let changes = rng.random_range(1..=3);
            (generator.edit(source, changes, &mut rng), target.clone())
        } else {
            generator.sentence(&mut rng)
        };
        out.push(unit);
    }
    out
}

/// `n` queries against `units`: 70% edited copies of stored sources, 10% short queries and 20%
/// unrelated sentences, in that proportion in every ten queries.
pub fn queries(units: &[(String, String)], n: usize, seed: u64) -> Vec<Query> {
    let generator = Generator::new();
    let mut rng = StdRng::seed_from_u64(seed ^ 0x5175_6572_6965_7321);
    let headings: Vec<usize> = (0..units.len())
        .filter(|&i| units[i].0.split(' ').count() <= 3)
        .collect();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let query = match i % 10 {
            0..=6 if !units.is_empty() => {
                let mut origin = rng.random_range(0..units.len());
                for _ in 0..1000 {
                    if units[origin].0.split(' ').count() >= 5 {
                        break;
                    }
                    origin = rng.random_range(0..units.len());
                }
                let changes = rng.random_range(1..=4);
                Query {
                    text: generator.edit(&units[origin].0, changes, &mut rng),
                    kind: QueryKind::Edited,
                    origin: Some(origin),
                }
            }
            7 if !units.is_empty() => {
                if !headings.is_empty() && rng.random_bool(0.5) {
                    let origin = headings[rng.random_range(0..headings.len())];
                    let text = if rng.random_bool(0.3) {
                        let edited = generator.edit(&units[origin].0, 1, &mut rng);
                        edited.split(' ').take(3).collect::<Vec<_>>().join(" ")
                    } else {
                        units[origin].0.clone()
                    };
                    Query {
                        text,
                        kind: QueryKind::Short,
                        origin: Some(origin),
                    }
                } else {
                    let origin = rng.random_range(0..units.len());
                    let words: Vec<&str> = units[origin].0.split(' ').collect();
                    let take = rng.random_range(1..=3).min(words.len());
                    let start = rng.random_range(0..=words.len() - take);
                    Query {
                        text: words[start..start + take].join(" "),
                        kind: QueryKind::Short,
                        origin: Some(origin),
                    }
                }
            }
            _ => Query {
                text: generator.sentence(&mut rng).0,
                kind: QueryKind::Unrelated,
                origin: None,
            },
        };
        out.push(query);
    }
    out
}
