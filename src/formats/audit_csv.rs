//! The audit log as CSV, one line per entry, for spreadsheets and archives.

use std::io::{self, Write};

use crate::domain::audit::AuditEntry;

const HEADER: [&str; 8] = [
    "id", "at", "actor_id", "actor", "action", "subject", "details", "address",
];

pub fn write_audit_csv<W: Write + ?Sized>(lines: &[AuditEntry], out: &mut W) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(HEADER)?;
    for line in lines {
        writer.write_record([
            line.id.to_string(),
            line.at.to_rfc3339(),
            line.actor_id.map(|id| id.to_string()).unwrap_or_default(),
            line.actor.clone(),
            line.action.clone(),
            line.subject.clone(),
            line.details.to_string(),
            line.address.clone().unwrap_or_default(),
        ])?;
    }
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_commas_and_quotes_read_back_whole() {
        let line = AuditEntry {
            id: 7,
            at: chrono::DateTime::from_timestamp(0, 0).unwrap_or_default(),
            actor_id: Some(2),
            actor: "anush".into(),
            action: "unit.returned".into(),
            subject: "unit:4".into(),
            details: serde_json::json!({"comment": "a, \"b\""}),
            address: None,
        };
        let mut out = Vec::new();
        write_audit_csv(&[line], &mut out).expect("written");
        let mut reader = csv::Reader::from_reader(out.as_slice());
        let records: Vec<csv::StringRecord> =
            reader.records().map(|r| r.expect("a record")).collect();
        assert_eq!(records.len(), 1);
        assert_eq!(
            records[0].iter().collect::<Vec<_>>(),
            [
                "7",
                "1970-01-01T00:00:00+00:00",
                "2",
                "anush",
                "unit.returned",
                "unit:4",
                r#"{"comment":"a, \"b\""}"#,
                ""
            ]
        );
    }
}
