//! Splits a statement's source text (plain text or Markdown) into translatable blocks with exact byte ranges.

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The format a statement's source text was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextFormat {
    /// Plain text: paragraphs separated by blank lines (or by single newlines,
    /// when the text has no blank line at all).
    Text,
    /// CommonMark, parsed by pulldown-cmark with no extensions.
    Markdown,
}

impl TextFormat {
    /// The canonical name, as accepted by `FromStr` and printed by `Display`.
    pub const fn as_str(self) -> &'static str {
        match self {
            TextFormat::Text => "text",
            TextFormat::Markdown => "markdown",
        }
    }
}

impl fmt::Display for TextFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Returned by `TextFormat::from_str` for a name it does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseTextFormatError {
    /// The rejected input, as given.
    pub input: String,
}

impl fmt::Display for ParseTextFormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown text format {:?}: expected \"text\" or \"markdown\"",
            self.input
        )
    }
}

impl std::error::Error for ParseTextFormatError {}

impl FromStr for TextFormat {
    type Err = ParseTextFormatError;

    /// Accepts "text"/"plain" and "markdown"/"md", ignoring ASCII case and
    /// surrounding white space (the value usually comes from a form or a CLI flag).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "text" | "plain" => Ok(TextFormat::Text),
            "markdown" | "md" => Ok(TextFormat::Markdown),
            _ => Err(ParseTextFormatError {
                input: s.to_owned(),
            }),
        }
    }
}

/// What kind of block a segment comes from; translators see it as context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    /// A heading with its level, 1 to 6.
    Heading(u8),
    Quote,
    ListItem,
    /// A statement's headline: not part of its text, but translated and reviewed like it.
    Headline,
}

impl BlockKind {
    /// A stable name for storage and APIs: the heading level is not part of it
    /// (see `level`).
    pub const fn as_str(self) -> &'static str {
        match self {
            BlockKind::Paragraph => "paragraph",
            BlockKind::Heading(_) => "heading",
            BlockKind::Quote => "quote",
            BlockKind::ListItem => "list_item",
            BlockKind::Headline => "headline",
        }
    }

    /// The level of a heading, `None` for every other kind.
    pub const fn level(self) -> Option<u8> {
        match self {
            BlockKind::Heading(level) => Some(level),
            _ => None,
        }
    }
}

/// One translatable block of the source text.
///
/// Both ranges are byte ranges into the text given to `split_blocks`; they are
/// never empty, start and end on character boundaries, and neither starts nor
/// ends with white space. `text_range` lies inside `range`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// The whole block as written, with its Markdown markers (`## `, `> `,
    /// `- `, `1. `, a setext underline, a closing `##`).
    pub range: Range<usize>,
    /// The translatable content: without the markers of the block's first line.
    pub text_range: Range<usize>,
}

impl Block {
    /// The translatable content, sliced from the source the block came from
    /// (empty, rather than a panic, if given some other string).
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        source.get(self.text_range.clone()).unwrap_or("")
    }
}

/// Splits `text` into translatable blocks, in source order.
///
/// The source is never changed: every range slices the original characters
/// (white space, quotes, non-breaking spaces and inline Markdown included), so
/// a translation can be put back exactly where its source was.
///
/// Plain text: paragraphs are separated by one or more blank lines (a line of
/// white space only is blank; line ends are `\n`, `\r\n` or a lone `\r`), and
/// single newlines stay inside a paragraph. A text with no blank line between
/// two non-blank lines gives one paragraph per non-blank line instead, because
/// statements pasted from mail or chat often put a single newline between
/// paragraphs; blank lines only before the first or after the last line do not
/// count.
///
/// Markdown: see `split_markdown` for what becomes a block.
///
/// Empty or white-space-only input gives no blocks.
pub fn split_blocks(text: &str, format: TextFormat) -> Vec<Block> {
    match format {
        TextFormat::Text => split_plain(text),
        TextFormat::Markdown => split_markdown(text),
    }
}

/// White space at a block's edges. Unicode white space (so a stray
/// non-breaking space at a paragraph's edge is dropped too) plus the byte-order
/// mark, which editors leave at the start of pasted text. Inside a block
/// nothing is touched.
fn is_edge_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// Shrinks `range` so that it neither starts nor ends with edge space.
/// Returns `None` if nothing is left or the range does not slice `text`.
fn trim_range(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let slice = text.get(range.clone())?;
    let start_trimmed = slice.trim_start_matches(is_edge_space);
    let start = range.start + (slice.len() - start_trimmed.len());
    let end = start + start_trimmed.trim_end_matches(is_edge_space).len();
    (start < end).then_some(start..end)
}

/// Byte ranges of the lines of `text`, without their line ends. A text ending
/// with a line end has a last, empty line.
fn line_ranges(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // Scanning bytes is safe for UTF-8: `\r` and `\n` never occur inside a
    // multi-byte character, so every cut falls on a character boundary.
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                lines.push(start..i);
                i += 1;
                start = i;
            }
            b'\r' => {
                lines.push(start..i);
                i += if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                start = i;
            }
            _ => i += 1,
        }
    }
    lines.push(start..bytes.len());
    lines
}

fn split_plain(text: &str) -> Vec<Block> {
    // Each line's content without edge space, or `None` for a blank line.
    let lines: Vec<Option<Range<usize>>> = line_ranges(text)
        .into_iter()
        .map(|line| trim_range(text, line))
        .collect();

    let first = lines.iter().position(Option::is_some);
    let last = lines.iter().rposition(Option::is_some);
    let (Some(first), Some(last)) = (first, last) else {
        return Vec::new();
    };
    let separated_by_blank_lines = lines[first..=last].iter().any(Option::is_none);

    let paragraph = |range: Range<usize>| Block {
        kind: BlockKind::Paragraph,
        range: range.clone(),
        text_range: range,
    };

    if !separated_by_blank_lines {
        return lines[first..=last]
            .iter()
            .flatten()
            .map(|line| paragraph(line.clone()))
            .collect();
    }

    // Runs of consecutive non-blank lines; a run spans from its first line's
    // trimmed start to its last line's trimmed end, line ends included.
    let mut blocks = Vec::new();
    let mut run: Option<Range<usize>> = None;
    for line in &lines[first..=last] {
        match (line, run.as_mut()) {
            (Some(line), Some(current)) => current.end = line.end,
            (Some(line), None) => run = Some(line.clone()),
            (None, _) => blocks.extend(run.take().map(paragraph)),
        }
    }
    blocks.extend(run.map(paragraph));
    blocks
}

/// A container block of the Markdown tree that decides the kind of the
/// paragraphs inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    Quote,
    Item,
    /// Lists and anything else that does not decide a kind by itself.
    Other,
}

/// A block being collected from the event stream.
struct OpenBlock {
    kind: BlockKind,
    /// Where the block's own event starts (a heading's `#`, a paragraph's
    /// first character).
    start: usize,
    /// Where the block's own event ends (after a closing `##` or a setext
    /// underline); for a tight list item, the end of its content.
    end: usize,
    /// The span of the inline events seen so far.
    content: Option<Range<usize>>,
}

impl OpenBlock {
    fn extend(&mut self, range: &Range<usize>) {
        self.content = Some(match self.content.take() {
            Some(c) => c.start.min(range.start)..c.end.max(range.end),
            None => range.clone(),
        });
        self.end = self.end.max(range.end);
    }
}

/// The kind of a paragraph: that of its innermost quote or list item.
/// So `> - x` is a list item (inside a quote) and `- > x` a quote (inside a
/// list item).
fn paragraph_kind(containers: &[Container]) -> BlockKind {
    match containers.iter().rev().find(|c| **c != Container::Other) {
        Some(Container::Quote) => BlockKind::Quote,
        Some(Container::Item) => BlockKind::ListItem,
        _ => BlockKind::Paragraph,
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn is_inline_tag(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

fn is_inline_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// Moves a block's start back over the container markers on its first line
/// (`> `, `- `, `1. `, `> - `…), so that `range` shows the block as written.
/// Only if everything from the line's start is markers and indentation, and
/// never back into the previous block (`floor`).
fn start_with_markers(text: &str, start: usize, floor: usize) -> usize {
    let Some(before) = text.get(..start) else {
        return start;
    };
    let line_start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    if line_start < floor {
        return start;
    }
    let prefix = &before[line_start..];
    let is_marker = |c: char| {
        matches!(
            c,
            '>' | '-' | '+' | '*' | '.' | ')' | '0'..='9' | ' ' | '\t'
        )
    };
    if !prefix.chars().all(is_marker) {
        return start;
    }
    line_start + (prefix.len() - prefix.trim_start_matches([' ', '\t']).len())
}

/// Turns a collected block into a `Block`, or drops it if it has no content
/// (an empty heading `#`, an empty list item `-`).
fn finish(text: &str, open: OpenBlock, blocks: &mut Vec<Block>) {
    let Some(content) = open.content else {
        return;
    };
    let Some(text_range) = trim_range(text, content) else {
        return;
    };
    let floor = blocks.last().map_or(0, |b| b.range.end);
    if text_range.start < floor {
        // Cannot happen with CommonMark's block structure; kept as a guard so
        // that the ranges stay ordered whatever the parser reports.
        return;
    }
    let start = start_with_markers(text, open.start.min(text_range.start), floor);
    // Trimming cannot cut into `text_range`, which is trimmed already.
    let Some(range) = trim_range(text, start..open.end.max(text_range.end)) else {
        return;
    };
    blocks.push(Block {
        kind: open.kind,
        range,
        text_range,
    });
}

/// Markdown (CommonMark, no extensions; tables and footnotes are out of scope):
///
/// - Headings (ATX and setext) give `Heading(level)`; `range` includes the
///   `#`s, a closing `##` or a setext underline, `text_range` only the title.
/// - Paragraphs give `Paragraph`, or the kind of their innermost container:
///   `Quote` inside a block quote (nested quotes too), `ListItem` inside a list
///   item. A list item or a quote with several paragraphs gives one block per
///   paragraph: a paragraph is the unit a translator works on, and a blank
///   line in the source marks where the author split the thought. Only the
///   first block of an item carries the `- ` / `1. ` marker in its `range`.
/// - A block spanning several lines inside a quote or a list item (`> a` /
///   `> b`, `- a` / `  b`) keeps the continuation markers and indentation of
///   its later lines inside `text_range` (`"a\n> b"`, `"a\n  b"`): a range
///   must be one contiguous slice of the source, and cutting the markers out
///   would need several. The translator keeps them as they keep the newline,
///   so the translation drops back into place and still renders as a quote;
///   an editor may show them dimmed.
/// - HTML blocks give `Paragraph` (they often hold prose); code blocks,
///   thematic breaks and link reference definitions give nothing.
/// - Inline markup (emphasis, links, code spans, inline HTML) stays inside the
///   text exactly as written.
fn split_markdown(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut containers: Vec<Container> = Vec::new();
    let mut open: Option<OpenBlock> = None;
    // Depth of the events inside a code block, which are skipped.
    let mut skipping = 0usize;

    for (event, range) in Parser::new_ext(text, Options::empty()).into_offset_iter() {
        if skipping > 0 {
            match event {
                Event::Start(_) => skipping += 1,
                Event::End(_) => skipping -= 1,
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(tag) if is_inline_tag(&tag) => {
                inline(&mut open, &containers, &range);
            }
            Event::Start(tag) => {
                // A new block ends the content of a tight list item, which
                // has no paragraph event of its own.
                if let Some(done) = open.take() {
                    finish(text, done, &mut blocks);
                }
                let kind = match tag {
                    Tag::Paragraph => Some(paragraph_kind(&containers)),
                    Tag::Heading { level, .. } => Some(BlockKind::Heading(heading_level(level))),
                    Tag::HtmlBlock => Some(BlockKind::Paragraph),
                    Tag::CodeBlock(_) => {
                        skipping = 1;
                        None
                    }
                    Tag::BlockQuote(_) => {
                        containers.push(Container::Quote);
                        None
                    }
                    Tag::Item => {
                        containers.push(Container::Item);
                        None
                    }
                    _ => {
                        containers.push(Container::Other);
                        None
                    }
                };
                open = kind.map(|kind| OpenBlock {
                    kind,
                    start: range.start,
                    end: range.end,
                    content: None,
                });
            }
            Event::End(tag) if is_inline_end(&tag) => {}
            Event::End(tag) => {
                // The end of a block, or of a container, which also ends the
                // text of a tight list item.
                if let Some(done) = open.take() {
                    finish(text, done, &mut blocks);
                }
                if !matches!(
                    tag,
                    TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::HtmlBlock
                ) {
                    containers.pop();
                }
            }
            Event::Rule => {
                if let Some(done) = open.take() {
                    finish(text, done, &mut blocks);
                }
            }
            Event::Text(_)
            | Event::Code(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::Html(_)
            | Event::InlineHtml(_)
            | Event::FootnoteReference(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::TaskListMarker(_) => inline(&mut open, &containers, &range),
        }
    }
    if let Some(done) = open.take() {
        finish(text, done, &mut blocks);
    }
    blocks
}

/// Adds an inline event to the open block; inline content outside any block
/// is a tight list item's text (pulldown-cmark emits no paragraph for it).
fn inline(open: &mut Option<OpenBlock>, containers: &[Container], range: &Range<usize>) {
    open.get_or_insert_with(|| OpenBlock {
        kind: paragraph_kind(containers),
        start: range.start,
        end: range.end,
        content: None,
    })
    .extend(range);
}

#[cfg(test)]
#[path = "blocks_tests.rs"]
mod tests;
