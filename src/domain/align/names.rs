//! Consonant skeletons of capitalised words: one name agrees in Latin, Cyrillic and Armenian.
//!
//! Names are transliterated, not translated: `Madrid`, `Мадрид` and `Մադրիդ` share the consonants
//! m-d-r-d. Vowels are dropped because each script renders them differently, and consonants
//! that transliteration swaps freely are folded into one class (`c`, `k`, `q`, `к`, `կ`, `ք`).
//! Only the first three consonants count, so that case endings (`Мадриде`, `Մադրիդում`) do not
//! matter; a word with fewer than three says too little to be used.

/// Consonants kept in a skeleton.
const SKELETON_LEN: usize = 3;

/// The skeleton of `word` when it starts with a capital letter and has enough consonants.
pub(super) fn skeleton(word: &[char]) -> Option<String> {
    if !word.first().is_some_and(|c| c.is_uppercase()) {
        return None;
    }
    let mut out = String::new();
    let mut last = None;
    let mut prev_letter = None;
    for lower in word.iter().flat_map(|c| c.to_lowercase()) {
        let classes = consonants(lower);
        // Latin `h` after a consonant only spells another sound (`sh`, `th`, `ch`).
        let silent = lower == 'h' && prev_letter.is_some_and(|p: char| !consonants(p).is_empty());
        prev_letter = Some(lower);
        if classes.is_empty() {
            last = None;
            continue;
        }
        if silent {
            continue;
        }
        for class in classes.chars() {
            // Doubled letters are a spelling habit, not a sound: `Kennedy` is `Кеннеди` and
            // `Քենեդի`.
            if last != Some(class) {
                out.push(class);
                if out.len() == SKELETON_LEN {
                    return Some(out);
                }
            }
            last = Some(class);
        }
    }
    None
}

/// The consonant classes a lower-case letter stands for; empty for vowels, semivowels and signs.
fn consonants(c: char) -> &'static str {
    match c {
        'b' | 'б' | 'բ' => "b",
        'p' | 'п' | 'պ' | 'փ' => "p",
        'd' | 'д' | 'դ' => "d",
        't' | 'т' | 'տ' | 'թ' => "t",
        'g' | 'г' | 'գ' | 'ղ' | 'ґ' => "g",
        'k' | 'c' | 'q' | 'к' | 'կ' | 'ք' => "k",
        'x' => "ks",
        'f' | 'ф' | 'ֆ' => "f",
        'v' | 'w' | 'в' | 'վ' => "v",
        'z' | 'з' | 'զ' | 'ж' | 'ժ' | 'ձ' => "z",
        's' | 'с' | 'ս' | 'ш' | 'щ' | 'շ' | 'ц' | 'ծ' | 'ց' => "s",
        'ч' | 'ճ' | 'չ' | 'j' | 'ջ' => "c",
        'h' | 'х' | 'հ' | 'խ' => "h",
        'l' | 'л' | 'լ' => "l",
        'm' | 'м' | 'մ' => "m",
        'n' | 'н' | 'ն' => "n",
        'r' | 'р' | 'ր' | 'ռ' => "r",
        'և' => "v",
        _ => "",
    }
}
