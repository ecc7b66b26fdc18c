//! Month names as Armenian and Russian write them in dates: the genitive (`դեկտեմբերի 12`,
//! `12 декабря`). Shared by the date checks and the way pages write dates.

pub const HY_GENITIVE: [&str; 12] = [
    "հունվարի",
    "փետրվարի",
    "մարտի",
    "ապրիլի",
    "մայիսի",
    "հունիսի",
    "հուլիսի",
    "օգոստոսի",
    "սեպտեմբերի",
    "հոկտեմբերի",
    "նոյեմբերի",
    "դեկտեմբերի",
];

/// The months in classical orthography, as Western Armenian (`hyw`) writes them, nominative
/// and genitive (`Յունուար 12`, `յունուարի 12-ին`): read by the date checks, never written.
pub const HY_CLASSICAL: [[&str; 2]; 12] = [
    ["յունուար", "յունուարի"],
    ["փետրուար", "փետրուարի"],
    ["մարտ", "մարտի"],
    ["ապրիլ", "ապրիլի"],
    ["մայիս", "մայիսի"],
    ["յունիս", "յունիսի"],
    ["յուլիս", "յուլիսի"],
    ["օգոստոս", "օգոստոսի"],
    ["սեպտեմբեր", "սեպտեմբերի"],
    ["հոկտեմբեր", "հոկտեմբերի"],
    ["նոյեմբեր", "նոյեմբերի"],
    ["դեկտեմբեր", "դեկտեմբերի"],
];

pub const RU_GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
