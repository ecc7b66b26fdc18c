//! Safe XML reading into a small owned tree (no DTDs read, bounded depth, size and element count),
//! shared by the XLIFF, TMX and TBX readers, and the error they all refuse a document with.

use std::collections::HashSet;

use quick_xml::errors::Error as QxError;
use quick_xml::escape::EscapeError;
use quick_xml::events::{BytesDecl, BytesRef, BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;
use quick_xml::XmlVersion;

use std::fmt;

/// Why a document was refused: a stable code, the rule broken, a message and where. The XML
/// reader's own refusals (a DOCTYPE, too deep, too large, not well-formed) and those of the
/// formats read on it (XLIFF, TMX, TBX) are all of this kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlError {
    /// Stable short code, e.g. `xml_doctype` or `core.unit.id_unique`.
    pub code: &'static str,
    /// The broken rule in words or the spec section family (`xml`, `core`, `module.mtc`, ...).
    pub rule: String,
    pub message: String,
    /// Element path such as `/xliff/file[f1]/unit[u1]/segment[2]`, when known.
    pub path: Option<String>,
}

impl XmlError {
    pub fn new(
        code: &'static str,
        rule: impl Into<String>,
        message: impl Into<String>,
        path: Option<String>,
    ) -> Self {
        Self {
            code,
            rule: rule.into(),
            message: message.into(),
            path,
        }
    }
}

impl fmt::Display for XmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)?;
        if let Some(p) = &self.path {
            write!(f, " (at {p})")?;
        }
        Ok(())
    }
}

impl std::error::Error for XmlError {}

/// The XML namespace (`xml:lang`, `xml:space`).
pub const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// Deepest element nesting accepted.
pub const MAX_DEPTH: usize = 64;

/// Most elements accepted in one document.
pub const MAX_ELEMENTS: usize = 1_000_000;

/// An attribute with its namespace resolved (empty namespace for unprefixed attributes).
#[derive(Debug, Clone, PartialEq)]
pub struct Attribute {
    pub ns: String,
    pub name: String,
    pub value: String,
}

/// A child of an element.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Element(Element),
    /// Character data (text and CDATA sections, entities resolved).
    Text(String),
}

/// An element with its namespace resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    pub ns: String,
    pub name: String,
    pub attrs: Vec<Attribute>,
    pub children: Vec<Node>,
    /// 1-based line of the start tag.
    pub line: usize,
}

impl Element {
    /// An attribute without namespace.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attr_ns("", name)
    }

    pub fn attr_ns(&self, ns: &str, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.ns == ns && a.name == name)
            .map(|a| a.value.as_str())
    }

    pub fn is(&self, ns: &str, name: &str) -> bool {
        self.ns == ns && self.name == name
    }

    /// Child elements, in order.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// Whether any direct text child holds more than white space.
    pub fn has_text(&self) -> bool {
        self.children.iter().any(|n| match n {
            Node::Text(t) => !t.chars().all(is_xml_space),
            Node::Element(_) => false,
        })
    }
}

pub fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// Whether XML 1.0 allows the character in a document.
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

fn err(code: &'static str, message: String) -> XmlError {
    XmlError::new(code, "xml", message, None)
}

/// Line and column (1-based) of a byte offset.
fn line_col(input: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(input.len());
    let before = input.get(..offset).unwrap_or(input);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |s| s.chars().count()) + 1;
    (line, col)
}

fn map_qx(input: &str, offset: u64, e: &QxError) -> XmlError {
    let (line, col) = line_col(input, usize::try_from(offset).unwrap_or(usize::MAX));
    match e {
        QxError::Escape(EscapeError::UnrecognizedEntity(_, name)) => err(
            "xml_unknown_entity",
            format!("unknown entity &{name}; at line {line}, column {col}"),
        ),
        _ => err(
            "xml_malformed",
            format!("malformed XML at line {line}, column {col}: {e}"),
        ),
    }
}

fn check_chars(s: &str, input: &str, offset: u64) -> Result<(), XmlError> {
    if let Some(c) = s.chars().find(|c| !is_xml_char(*c)) {
        let (line, col) = line_col(input, usize::try_from(offset).unwrap_or(usize::MAX));
        return Err(err(
            "xml_malformed",
            format!(
                "character U+{:04X} is not allowed in XML (line {line}, column {col})",
                c as u32
            ),
        ));
    }
    Ok(())
}

fn to_usize(pos: u64) -> usize {
    usize::try_from(pos).unwrap_or(usize::MAX)
}

/// Whether a declared encoding names UTF-8 or a subset of it (ASCII).
fn is_utf8_label(label: &[u8]) -> bool {
    [&b"utf-8"[..], b"utf8", b"us-ascii", b"ascii"]
        .iter()
        .any(|l| label.eq_ignore_ascii_case(l))
}

/// The XML declaration must come first (offset 0, after at most one BOM) and, when it
/// declares an encoding, declare UTF-8.
fn check_decl(d: &BytesDecl<'_>, input: &str, pos: u64) -> Result<(), XmlError> {
    if pos != 0 {
        let (line, col) = line_col(input, to_usize(pos));
        return Err(err(
            "xml_malformed",
            format!("XML declaration not at the start of the input (line {line}, column {col})"),
        ));
    }
    match d.encoding() {
        None => Ok(()),
        Some(Ok(label)) if is_utf8_label(&label) => Ok(()),
        Some(Ok(label)) => Err(err(
            "xml_malformed",
            format!(
                "declared encoding {} is not UTF-8",
                String::from_utf8_lossy(&label)
            ),
        )),
        Some(Err(e)) => Err(map_qx(input, pos, &QxError::InvalidAttr(e))),
    }
}

fn predefined(name: &str) -> Option<char> {
    match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "apos" => Some('\''),
        "quot" => Some('"'),
        _ => None,
    }
}

fn push_text(stack: &mut [Element], text: &str, input: &str, pos: u64) -> Result<(), XmlError> {
    match stack.last_mut() {
        Some(top) => {
            if let Some(Node::Text(t)) = top.children.last_mut() {
                t.push_str(text);
            } else {
                top.children.push(Node::Text(text.to_owned()));
            }
            Ok(())
        }
        None if text.chars().all(is_xml_space) => Ok(()),
        None => {
            let (line, col) = line_col(input, usize::try_from(pos).unwrap_or(usize::MAX));
            Err(err(
                "xml_malformed",
                format!("text outside the root element at line {line}, column {col}"),
            ))
        }
    }
}

/// What a document type declaration may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doctype {
    /// None at all (XLIFF: no tool needs one, so any is suspect).
    Refuse,
    /// A name and an external identifier, which is never fetched, and no internal subset: the
    /// form TMX writers put in front of their files (`<!DOCTYPE tmx SYSTEM "tmx14.dtd">`). With
    /// no internal subset nothing can declare an entity, so only the five XML ones resolve.
    ExternalOnly,
}

/// Parses `bytes` into a tree. Refuses DTDs, input over `max_bytes`, nesting over
/// [`MAX_DEPTH`] and more than [`MAX_ELEMENTS`] elements.
pub fn parse(bytes: &[u8], max_bytes: usize) -> Result<Element, XmlError> {
    parse_with(bytes, max_bytes, Doctype::Refuse)
}

/// Parses like [`parse`], with `doctype` saying which document type declaration is let through.
pub fn parse_with(bytes: &[u8], max_bytes: usize, doctype: Doctype) -> Result<Element, XmlError> {
    let input = decode(bytes, max_bytes)?;
    let mut seen_doctype = false;
    let mut reader = NsReader::from_str(input);
    reader.config_mut().check_comments = true;
    let mut tree = Tree::default();
    loop {
        let pos = reader.buffer_position();
        let (resolved, event) = match reader.read_resolved_event() {
            Ok(v) => v,
            Err(e) => return Err(map_qx(input, reader.error_position(), &e)),
        };
        match event {
            Event::DocType(ref content) => {
                let before_root = tree.stack.is_empty() && tree.root.is_none() && !seen_doctype;
                let raw = input.get(to_usize(pos)..).unwrap_or_default();
                // quick-xml takes `<!doctype` in any case; XML wants it in capitals.
                let allowed = doctype == Doctype::ExternalOnly
                    && before_root
                    && raw.starts_with("<!DOCTYPE")
                    && std::str::from_utf8(content).is_ok_and(external_only);
                if !allowed {
                    return Err(err("xml_doctype", doctype_refusal(doctype).into()));
                }
                seen_doctype = true;
            }
            Event::Start(ref start) | Event::Empty(ref start) => {
                tree.count_one_more()?;
                let el = Element {
                    ns: namespace(resolved)?,
                    name: String::from_utf8_lossy(start.local_name().as_ref()).into_owned(),
                    attrs: attributes(&reader, start, input, pos)?,
                    children: Vec::new(),
                    line: tree.line_at(input, pos),
                };
                tree.open(el, matches!(event, Event::Empty(_)));
            }
            Event::End(_) => tree.close(input, pos)?,
            Event::Text(t) => {
                let s = t
                    .xml10_content()
                    .map_err(|e| map_qx(input, pos, &e.into()))?;
                check_chars(&s, input, pos)?;
                push_text(&mut tree.stack, &s, input, pos)?;
            }
            Event::CData(t) => {
                let s = t
                    .xml10_content()
                    .map_err(|e| map_qx(input, pos, &e.into()))?;
                check_chars(&s, input, pos)?;
                if tree.stack.is_empty() {
                    return Err(err(
                        "xml_malformed",
                        "CDATA outside the root element".into(),
                    ));
                }
                push_text(&mut tree.stack, &s, input, pos)?;
            }
            Event::GeneralRef(r) => {
                let mut buf = [0u8; 4];
                let c = referenced_char(&r, input, pos)?;
                push_text(&mut tree.stack, c.encode_utf8(&mut buf), input, pos)?;
            }
            Event::Decl(ref d) => check_decl(d, input, pos)?,
            Event::PI(ref pi) => {
                if pi.target().eq_ignore_ascii_case(b"xml") {
                    let (line, col) = line_col(input, to_usize(pos));
                    return Err(err(
                        "xml_malformed",
                        format!(
                            "reserved processing instruction target at line {line}, column {col}"
                        ),
                    ));
                }
            }
            Event::Comment(_) => {}
            Event::Eof => break,
        }
    }
    tree.finish()
}

fn doctype_refusal(doctype: Doctype) -> &'static str {
    match doctype {
        Doctype::Refuse => "document type declarations (DOCTYPE) are not accepted",
        Doctype::ExternalOnly => {
            "only a DOCTYPE naming an external DTD (not fetched), before the root element and \
             without an internal subset, is accepted"
        }
    }
}

/// Whether a DOCTYPE's content (after `<!DOCTYPE `) is `Name`, optionally followed by
/// `SYSTEM "uri"` or `PUBLIC "pubid" "uri"`, and nothing else: no `[` internal subset.
fn external_only(content: &str) -> bool {
    let mut words = Tokens(content.trim_matches(is_xml_space));
    let Some(name) = words.word() else {
        return false;
    };
    let name_ok = name
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '_' | ':' | '-' | '.'));
    let id_ok = match words.word() {
        None => true,
        Some("SYSTEM") => words.literal().is_some(),
        Some("PUBLIC") => words.literal().is_some_and(is_pubid) && words.literal().is_some(),
        Some(_) => false,
    };
    name_ok && id_ok && words.0.is_empty()
}

/// The public identifier's characters (XML 1.0, production 13).
fn is_pubid(s: &str) -> bool {
    s.chars().all(|c| {
        c.is_ascii_alphanumeric()
            || matches!(c, ' ' | '\r' | '\n')
            || "-'()+,./:=?;!*#@$_%".contains(c)
    })
}

/// Words and quoted literals of a DOCTYPE, separated by XML white space.
struct Tokens<'a>(&'a str);

impl<'a> Tokens<'a> {
    fn word(&mut self) -> Option<&'a str> {
        let s = self.0.trim_start_matches(is_xml_space);
        let end = s
            .find(|c: char| is_xml_space(c) || matches!(c, '"' | '\'' | '['))
            .unwrap_or(s.len());
        let (word, rest) = s.split_at(end);
        self.0 = rest.trim_start_matches(is_xml_space);
        (!word.is_empty()).then_some(word)
    }

    fn literal(&mut self) -> Option<&'a str> {
        let s = self.0.trim_start_matches(is_xml_space);
        let quote = s.chars().next().filter(|q| matches!(q, '"' | '\''))?;
        let body = s.get(1..)?;
        let end = body.find(quote)?;
        self.0 = body.get(end + 1..)?.trim_start_matches(is_xml_space);
        body.get(..end)
    }
}

/// The input as text: within the size limit, UTF-8, with at most one byte order mark.
fn decode(bytes: &[u8], max_bytes: usize) -> Result<&str, XmlError> {
    if bytes.len() > max_bytes {
        return Err(err(
            "xml_too_large",
            format!(
                "input is {} bytes, over the limit of {max_bytes}",
                bytes.len()
            ),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let input = std::str::from_utf8(bytes).map_err(|e| {
        err(
            "xml_invalid_utf8",
            format!("input is not valid UTF-8 (byte {})", e.valid_up_to()),
        )
    })?;
    if input.starts_with('\u{FEFF}') {
        return Err(err(
            "xml_malformed",
            "more than one byte order mark at the start of the input".into(),
        ));
    }
    Ok(input)
}

/// The tree as it grows: the open elements, the root once closed, and the limits' counts.
struct Tree {
    stack: Vec<Element>,
    root: Option<Element>,
    count: usize,
    /// The line of `line_pos`, counted forward only, so lines cost one pass over the input.
    line_pos: usize,
    line_no: usize,
}

impl Default for Tree {
    fn default() -> Self {
        Tree {
            stack: Vec::new(),
            root: None,
            count: 0,
            line_pos: 0,
            line_no: 1,
        }
    }
}

impl Tree {
    /// One more element: within the element count and the depth, and not a second root.
    fn count_one_more(&mut self) -> Result<(), XmlError> {
        self.count += 1;
        if self.count > MAX_ELEMENTS {
            return Err(err(
                "xml_too_large",
                format!("more than {MAX_ELEMENTS} elements"),
            ));
        }
        if self.stack.len() + 1 > MAX_DEPTH {
            return Err(err(
                "xml_too_deep",
                format!("elements nested deeper than {MAX_DEPTH}"),
            ));
        }
        if self.root.is_some() && self.stack.is_empty() {
            return Err(err("xml_malformed", "more than one root element".into()));
        }
        Ok(())
    }

    /// The line number at byte `pos` of `input`.
    fn line_at(&mut self, input: &str, pos: u64) -> usize {
        let p = usize::try_from(pos).unwrap_or(usize::MAX).min(input.len());
        if p > self.line_pos {
            self.line_no += input
                .get(self.line_pos..p)
                .map_or(0, |s| s.matches('\n').count());
            self.line_pos = p;
        }
        self.line_no
    }

    /// A new element: kept open for its children, or (empty) placed at once.
    fn open(&mut self, el: Element, is_empty: bool) {
        if is_empty {
            self.place(el);
        } else {
            self.stack.push(el);
        }
    }

    /// The innermost open element ends.
    fn close(&mut self, input: &str, pos: u64) -> Result<(), XmlError> {
        let Some(el) = self.stack.pop() else {
            return Err(map_qx(
                input,
                pos,
                &QxError::Syntax(quick_xml::errors::SyntaxError::UnclosedTag),
            ));
        };
        self.place(el);
        Ok(())
    }

    fn place(&mut self, el: Element) {
        match self.stack.last_mut() {
            Some(parent) => parent.children.push(Node::Element(el)),
            None => self.root = Some(el),
        }
    }

    fn finish(self) -> Result<Element, XmlError> {
        if !self.stack.is_empty() {
            return Err(err(
                "xml_malformed",
                "unexpected end of input: unclosed elements".into(),
            ));
        }
        self.root
            .ok_or_else(|| err("xml_malformed", "no root element".into()))
    }
}

/// The namespace a name was resolved to; an undeclared prefix is an error.
fn namespace(resolved: ResolveResult<'_>) -> Result<String, XmlError> {
    match resolved {
        ResolveResult::Bound(ns) => Ok(String::from_utf8_lossy(ns.as_ref()).into_owned()),
        ResolveResult::Unbound => Ok(String::new()),
        ResolveResult::Unknown(p) => Err(err(
            "xml_malformed",
            format!(
                "undeclared namespace prefix {}",
                String::from_utf8_lossy(&p)
            ),
        )),
    }
}

/// An element's attributes with their namespaces and normalised values (namespace declarations
/// themselves are not kept), each at most once.
fn attributes(
    reader: &NsReader<&[u8]>,
    start: &BytesStart<'_>,
    input: &str,
    pos: u64,
) -> Result<Vec<Attribute>, XmlError> {
    let mut attrs = Vec::new();
    let mut seen: HashSet<(String, String)> = HashSet::new();
    for a in start.attributes() {
        let a = a.map_err(|e| map_qx(input, pos, &QxError::InvalidAttr(e)))?;
        if a.value.contains(&b'<') {
            let (line, col) = line_col(input, to_usize(pos));
            return Err(err(
                "xml_malformed",
                format!("'<' in an attribute value at line {line}, column {col}"),
            ));
        }
        let key = a.key;
        if key.as_ref() == b"xmlns" || key.as_ref().starts_with(b"xmlns:") {
            continue;
        }
        let (res, local) = reader.resolver().resolve_attribute(key);
        let ns = namespace(res)?;
        let value = a
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|e| map_qx(input, pos, &e))?
            .into_owned();
        check_chars(&value, input, pos)?;
        let name = String::from_utf8_lossy(local.as_ref()).into_owned();
        if !seen.insert((ns.clone(), name.clone())) {
            let (line, col) = line_col(input, to_usize(pos));
            return Err(err(
                "xml_malformed",
                format!("attribute {{{ns}}}{name} given twice at line {line}, column {col}"),
            ));
        }
        attrs.push(Attribute { ns, name, value });
    }
    Ok(attrs)
}

/// The character a reference stands for: a character reference to an XML character, or one of
/// the five predefined entities. Any other entity is refused (no DTD can declare one).
fn referenced_char(r: &BytesRef<'_>, input: &str, pos: u64) -> Result<char, XmlError> {
    if r.is_char_ref() {
        return match r.resolve_char_ref() {
            Ok(Some(c)) if is_xml_char(c) => Ok(c),
            _ => {
                let (line, col) = line_col(input, to_usize(pos));
                Err(err(
                    "xml_malformed",
                    format!("invalid character reference at line {line}, column {col}"),
                ))
            }
        };
    }
    let name = r.decode().map_err(|e| map_qx(input, pos, &e.into()))?;
    predefined(&name).ok_or_else(|| err("xml_unknown_entity", format!("unknown entity &{name};")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_namespaces_and_entities() {
        let doc = br#"<a xmlns="urn:x" xmlns:p="urn:p" p:k="1 &amp; 2"><b>x &lt; &#x41;<![CDATA[<c>]]></b></a>"#;
        let root = parse(doc, 1000).expect("parse");
        assert_eq!(root.ns, "urn:x");
        assert_eq!(root.attr_ns("urn:p", "k"), Some("1 & 2"));
        let b = root.elements().next().expect("b");
        assert_eq!(b.children, vec![Node::Text("x < A<c>".into())]);
    }

    #[test]
    fn refuses_hostile_input() {
        let code = |b: &[u8]| parse(b, 1 << 20).map(|_| ()).unwrap_err().code;
        assert_eq!(
            code(b"<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>"),
            "xml_doctype"
        );
        assert_eq!(code(b"<a>&x;</a>"), "xml_unknown_entity");
        assert_eq!(code(b"<a>\xff</a>"), "xml_invalid_utf8");
        assert_eq!(code(b"<a><b></a>"), "xml_malformed");
        assert_eq!(code(b"<a>&#1;</a>"), "xml_malformed");
        assert_eq!(code(b"<a/><b/>"), "xml_malformed");
        assert_eq!(parse(b"<a>x</a>", 3).unwrap_err().code, "xml_too_large");
        assert_eq!(code(b"<?p?><?xml version=\"1.0\"?><a/>"), "xml_malformed");
        assert_eq!(code(b"<a><?xml version=\"1.0\"?></a>"), "xml_malformed");
        assert_eq!(code(b"<a><?XML x?></a>"), "xml_malformed");
        assert_eq!(code(b"<a k=\"x<y\"/>"), "xml_malformed");
        assert_eq!(
            code(b"<a xmlns:p=\"urn:x\" xmlns:q=\"urn:x\" p:k=\"1\" q:k=\"2\"/>"),
            "xml_malformed"
        );
        assert_eq!(
            code(b"<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>"),
            "xml_malformed"
        );
        assert_eq!(code(b"\xEF\xBB\xBF\xEF\xBB\xBF<a/>"), "xml_malformed");
        for ok in [
            &b"\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf8\"?><a/>"[..],
            b"<?xml version=\"1.0\" encoding=\"US-ASCII\"?><a k=\"&lt;\"/>",
            b"<?xml-stylesheet href=\"s\"?><a/>",
        ] {
            assert!(parse(ok, 1000).is_ok(), "{}", String::from_utf8_lossy(ok));
        }
        let deep = "<a>".repeat(10_000);
        assert_eq!(code(deep.as_bytes()), "xml_too_deep");
    }

    #[test]
    fn an_external_doctype_passes_only_where_allowed() {
        let tmx = |b: &str| parse_with(b.as_bytes(), 1 << 20, Doctype::ExternalOnly).map(|_| ());
        for ok in [
            "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\"><tmx/>",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx SYSTEM 'tmx14.dtd'>\n<tmx>&amp;&#65;</tmx>",
            "<!DOCTYPE tmx PUBLIC \"-//LISA OSCAR:1998//DTD for Translation Memory eXchange//EN\" \"tmx14.dtd\"><tmx/>",
            "<!DOCTYPE tmx><tmx/>",
        ] {
            assert_eq!(tmx(ok), Ok(()), "{ok}");
            assert_eq!(parse(ok.as_bytes(), 1 << 20).map(|_| ()).unwrap_err().code, "xml_doctype");
        }
        for (bad, code) in [
            (
                "<!DOCTYPE tmx SYSTEM \"t.dtd\" [<!ENTITY x \"y\">]><tmx>&x;</tmx>",
                "xml_doctype",
            ),
            ("<!DOCTYPE tmx [<!ENTITY x \"y\">]><tmx/>", "xml_doctype"),
            ("<!DOCTYPE tmx []><tmx/>", "xml_doctype"),
            ("<!doctype tmx SYSTEM \"t.dtd\"><tmx/>", "xml_doctype"),
            ("<!DOCTYPE tmx SYSTEM><tmx/>", "xml_doctype"),
            (
                "<!DOCTYPE tmx PUBLIC \"{x}\" \"t.dtd\"><tmx/>",
                "xml_doctype",
            ),
            ("<!DOCTYPE tmx SYSTEM \"t.dtd\" extra><tmx/>", "xml_doctype"),
            (
                "<!DOCTYPE tmx SYSTEM \"a\"><!DOCTYPE tmx SYSTEM \"a\"><tmx/>",
                "xml_doctype",
            ),
            ("<tmx><!DOCTYPE tmx SYSTEM \"a\"></tmx>", "xml_doctype"),
            (
                "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\"><tmx>&lang;</tmx>",
                "xml_unknown_entity",
            ),
            (
                "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\"><tmx a=\"&x;\"/>",
                "xml_unknown_entity",
            ),
        ] {
            assert_eq!(tmx(bad).map_err(|e| e.code), Err(code), "{bad}");
        }
    }
}
