//! Dates written the way each UI language writes them in running text.

use chrono::{DateTime, Datelike, Utc};

use super::Locale;
use crate::domain::months::{HY_GENITIVE as HY, RU_GENITIVE as RU};

/// Month names in the form a date needs: English nominative, Armenian and Russian genitive.
const EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `27 November 2026`, `2026 թ. նոյեմբերի 27`, `27 ноября 2026 г.`
pub fn long_date(locale: Locale, date: DateTime<Utc>) -> String {
    let (day, month, year) = (date.day(), date.month0() as usize, date.year());
    match locale {
        Locale::En => format!("{day} {} {year}", EN[month]),
        Locale::Hy => format!("{year} թ. {} {day}", HY[month]),
        Locale::Ru => format!("{day} {} {year} г.", RU[month]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn each_language_writes_its_own_date() {
        let date = Utc.with_ymd_and_hms(2026, 3, 8, 10, 0, 0).unwrap();
        assert_eq!(long_date(Locale::En, date), "8 March 2026");
        assert_eq!(long_date(Locale::Hy, date), "2026 թ. մարտի 8");
        assert_eq!(long_date(Locale::Ru, date), "8 марта 2026 г.");
    }
}
