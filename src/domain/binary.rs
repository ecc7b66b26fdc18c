//! Telling a document file or other binary data from text, so bytes never become a statement.

/// The kind of non-text data found where text was expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryKind {
    Pdf,
    /// A word-processor file: ZIP-based (DOCX, ODT) or the older OLE2 Word format.
    OfficeDocument,
    /// Anything else that is not written text.
    Binary,
}

impl BinaryKind {
    /// What messages show (a format name) or choose on (`binary`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pdf => "PDF",
            Self::OfficeDocument => "DOCX/ODT",
            Self::Binary => "binary",
        }
    }
}

/// Recognises a file by its first bytes: PDF, ZIP-based office documents and OLE2 Word files.
pub fn sniff_bytes(bytes: &[u8]) -> Option<BinaryKind> {
    const OLE2: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    if bytes.starts_with(b"%PDF-") {
        Some(BinaryKind::Pdf)
    } else if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(OLE2) {
        Some(BinaryKind::OfficeDocument)
    } else {
        None
    }
}

/// Recognises a document pasted or uploaded as text: its signature, a NUL character, or a share
/// of control characters and U+FFFD (what a browser makes of bytes that are not UTF-8) that no
/// written text has. A stray control character in real text is let through.
pub fn sniff_text(text: &str) -> Option<BinaryKind> {
    if let Some(kind) = sniff_bytes(text.trim_start().as_bytes()) {
        return Some(kind);
    }
    let (mut odd, mut total) = (0usize, 0usize);
    for c in text.chars() {
        total += 1;
        if c == '\0' {
            return Some(BinaryKind::Binary);
        }
        if c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) {
            odd += 1;
        }
    }
    // At least four, and one character in fifty.
    (odd >= 4 && odd * 50 >= total).then_some(BinaryKind::Binary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_known_by_their_signature() {
        assert_eq!(sniff_bytes(b"%PDF-1.7\n%\xE2\xE3"), Some(BinaryKind::Pdf));
        assert_eq!(
            sniff_bytes(b"PK\x03\x04\x14\x00\x06\x00"),
            Some(BinaryKind::OfficeDocument)
        );
        assert_eq!(
            sniff_bytes(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00"),
            Some(BinaryKind::OfficeDocument)
        );
        assert_eq!(sniff_bytes(b"{\"title\": \"PK\"}"), None);
        assert_eq!(sniff_bytes(b"%PD"), None);
    }

    #[test]
    fn a_document_read_as_text_is_not_text() {
        // What `File.text()` makes of a DOCX: the ZIP signature, then mostly noise.
        let docx = "PK\u{3}\u{4}\u{14}\u{0}\u{6}\u{0}\u{8}\u{0}\u{0}\u{0}!\u{0}\u{FFFD}\u{FFFD}";
        assert_eq!(sniff_text(docx), Some(BinaryKind::OfficeDocument));
        assert_eq!(sniff_text("  %PDF-1.4\n..."), Some(BinaryKind::Pdf));
        assert_eq!(sniff_text("Բարև\u{0}ձեզ"), Some(BinaryKind::Binary));
        let noise: String = "\u{FFFD}\u{1}abc\u{FFFD}\u{2}".repeat(20);
        assert_eq!(sniff_text(&noise), Some(BinaryKind::Binary));
    }

    #[test]
    fn written_text_passes_even_with_a_stray_control_character() {
        assert_eq!(sniff_text("Բարև ձեզ։\nЗдравствуйте.\tHello."), None);
        let long = format!("{}\u{7}{}", "Слово ".repeat(100), "word ".repeat(100));
        assert_eq!(sniff_text(&long), None);
        // A few replacement characters in a long text are a damaged quote, not a file.
        let damaged = format!("{}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}", "բառ ".repeat(200));
        assert_eq!(sniff_text(&damaged), None);
    }
}
