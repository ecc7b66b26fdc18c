//! Tests of the block splitter, in Armenian, English and Russian.

use super::*;

fn texts<'a>(text: &'a str, blocks: &[Block]) -> Vec<&'a str> {
    blocks.iter().map(|b| &text[b.text_range.clone()]).collect()
}

fn wholes<'a>(text: &'a str, blocks: &[Block]) -> Vec<&'a str> {
    blocks.iter().map(|b| &text[b.range.clone()]).collect()
}

fn kinds(blocks: &[Block]) -> Vec<BlockKind> {
    blocks.iter().map(|b| b.kind).collect()
}

/// The invariants every result must keep, whatever the input.
fn check_invariants(text: &str, blocks: &[Block]) {
    let mut floor = 0;
    for b in blocks {
        for r in [&b.range, &b.text_range] {
            assert!(r.start < r.end, "empty range {r:?} in {text:?}");
            let slice = text
                .get(r.clone())
                .unwrap_or_else(|| panic!("range {r:?} does not slice {text:?}"));
            let first = slice.chars().next().unwrap();
            let last = slice.chars().next_back().unwrap();
            assert!(
                !is_edge_space(first) && !is_edge_space(last),
                "untrimmed {slice:?} in {text:?}"
            );
        }
        assert!(
            b.range.start >= floor,
            "overlap or disorder in {text:?}: {blocks:?}"
        );
        assert!(
            b.range.start <= b.text_range.start && b.text_range.end <= b.range.end,
            "text_range outside range in {text:?}: {b:?}"
        );
        if let BlockKind::Heading(level) = b.kind {
            assert!((1..=6).contains(&level));
        }
        floor = b.range.end;
    }
}

fn split(text: &str, format: TextFormat) -> Vec<Block> {
    let blocks = split_blocks(text, format);
    check_invariants(text, &blocks);
    blocks
}

const ARMENIAN_RELEASE: &str = "Մամուլի հաղորդագրություն\n\n\
        Երևան, 2026թ. նոյեմբերի 27։ «Տանդեմ» հիմնադրամը՝ թարգմանիչների\n\
        ցանցը, հայտարարում է նոր ծրագրի մեկնարկի մասին։\n\n\
        Մանրամասների համար դիմեք մեր գրասենյակ։";

#[test]
fn plain_paragraphs_are_separated_by_blank_lines() {
    let blocks = split(ARMENIAN_RELEASE, TextFormat::Text);
    assert_eq!(
        texts(ARMENIAN_RELEASE, &blocks),
        [
            "Մամուլի հաղորդագրություն",
            // The single newline stays inside the paragraph.
            "Երևան, 2026թ. նոյեմբերի 27։ «Տանդեմ» հիմնադրամը՝ թարգմանիչների\n\
                 ցանցը, հայտարարում է նոր ծրագրի մեկնարկի մասին։",
            "Մանրամասների համար դիմեք մեր գրասենյակ։",
        ]
    );
    for b in &blocks {
        assert_eq!(b.kind, BlockKind::Paragraph);
        assert_eq!(b.range, b.text_range);
    }
}

#[test]
fn plain_text_without_blank_lines_has_one_paragraph_per_line() {
    let text = "«Тандем» объявляет о запуске программы.\n\
                    Программа начнётся в декабре.\n\
                    Подробности — на сайте.";
    let blocks = split(text, TextFormat::Text);
    assert_eq!(
        texts(text, &blocks),
        [
            "«Тандем» объявляет о запуске программы.",
            "Программа начнётся в декабре.",
            "Подробности — на сайте.",
        ]
    );

    // One blank line anywhere switches to blank-line paragraphs: then the
    // single newline is part of a paragraph.
    let text = "Первая строка.\nВторая строка.\n\nТретья.";
    let blocks = split(text, TextFormat::Text);
    assert_eq!(
        texts(text, &blocks),
        ["Первая строка.\nВторая строка.", "Третья."]
    );
}

#[test]
fn plain_crlf_and_lone_cr_line_ends() {
    let text = "Tandem announces\r\na new programme.\r\n \t\r\nDetails follow.\r\n";
    let blocks = split(text, TextFormat::Text);
    assert_eq!(
        texts(text, &blocks),
        ["Tandem announces\r\na new programme.", "Details follow."]
    );

    let text = "Առաջին։\r\nԵրկրորդ։\r\n";
    assert_eq!(
        texts(text, &split(text, TextFormat::Text)),
        ["Առաջին։", "Երկրորդ։"]
    );

    let text = "One.\r\rTwo.";
    assert_eq!(
        texts(text, &split(text, TextFormat::Text)),
        ["One.", "Two."]
    );
}

#[test]
fn plain_leading_and_trailing_blank_lines_do_not_count() {
    let text = "\n \n\nFirst line.\nSecond line.\n\n\n";
    let blocks = split(text, TextFormat::Text);
    // No blank line *between* lines, so still one paragraph per line.
    assert_eq!(texts(text, &blocks), ["First line.", "Second line."]);
    assert_eq!(blocks[0].range, 4..15);
    assert_eq!(blocks[1].range, 16..28);
}

#[test]
fn empty_and_blank_input_give_no_blocks() {
    for text in ["", " ", "\n\n", "\r\n \t\r\n", "\u{a0}\n\u{feff}"] {
        assert!(split(text, TextFormat::Text).is_empty(), "{text:?}");
        assert!(split(text, TextFormat::Markdown).is_empty(), "{text:?}");
    }
    // Markdown markers with nothing to translate.
    for text in ["#", "- \n-", ">", "***", "```\n```", "1.\n\n##  ##"] {
        assert!(split(text, TextFormat::Markdown).is_empty(), "{text:?}");
    }
}

#[test]
fn white_space_and_quotes_are_kept_exactly() {
    let inner = "He said:  “We\u{a0}stand together” — it’s «final»\u{a0}։";
    let text = format!("\u{a0} {inner}\u{a0}\n\n“Second”  ‘para’.");
    for format in [TextFormat::Text, TextFormat::Markdown] {
        let blocks = split(&text, format);
        assert_eq!(
            texts(&text, &blocks),
            [inner, "“Second”  ‘para’."],
            "{format}"
        );
        // Exact byte positions: the text was not copied or normalised.
        let start = text.find('H').unwrap();
        assert_eq!(blocks[0].text_range, start..start + inner.len());
        assert_eq!(blocks[0].text(&text), inner);
    }
}

#[test]
fn markdown_atx_headings_levels_one_to_three() {
    let text = "# Հայտարարություն\n\n## Statement ##\n\n###   Заявление\n\nԲովանդակություն։";
    let blocks = split(text, TextFormat::Markdown);
    assert_eq!(
        kinds(&blocks),
        [
            BlockKind::Heading(1),
            BlockKind::Heading(2),
            BlockKind::Heading(3),
            BlockKind::Paragraph,
        ]
    );
    assert_eq!(
        texts(text, &blocks),
        [
            "Հայտարարություն",
            "Statement",
            "Заявление",
            "Բովանդակություն։"
        ]
    );
    assert_eq!(
        wholes(text, &blocks),
        [
            "# Հայտարարություն",
            "## Statement ##",
            "###   Заявление",
            "Բովանդակություն։",
        ]
    );
    assert_eq!(blocks[2].kind.level(), Some(3));
}

#[test]
fn markdown_setext_headings() {
    let text = "Open letter\n===========\n\nTo the press\n---\n\nBody.\n";
    let blocks = split(text, TextFormat::Markdown);
    assert_eq!(
        kinds(&blocks),
        [
            BlockKind::Heading(1),
            BlockKind::Heading(2),
            BlockKind::Paragraph
        ]
    );
    assert_eq!(
        texts(text, &blocks),
        ["Open letter", "To the press", "Body."]
    );
    assert_eq!(
        wholes(text, &blocks)[..2],
        ["Open letter\n===========", "To the press\n---"]
    );
}

#[test]
fn markdown_block_quote_of_two_lines_is_one_block() {
    let text = "Intro.\n\n> «Մենք միասին ենք»,\n> ասաց տնօրենը։\n";
    let blocks = split(text, TextFormat::Markdown);
    assert_eq!(kinds(&blocks), [BlockKind::Paragraph, BlockKind::Quote]);
    assert_eq!(
        wholes(text, &blocks)[1],
        "> «Մենք միասին ենք»,\n> ասաց տնօրենը։"
    );
    // The continuation marker of the second line stays in the text.
    assert_eq!(
        texts(text, &blocks)[1],
        "«Մենք միասին ենք»,\n> ասաց տնօրենը։"
    );
}

#[test]
fn markdown_quote_paragraphs_and_nesting() {
    let text = "> First.\n>\n> Second.\n>\n> > Nested.";
    let blocks = split(text, TextFormat::Markdown);
    assert_eq!(kinds(&blocks), [BlockKind::Quote; 3]);
    assert_eq!(texts(text, &blocks), ["First.", "Second.", "Nested."]);
    assert_eq!(
        wholes(text, &blocks),
        ["> First.", "> Second.", "> > Nested."]
    );
}

#[test]
fn markdown_unordered_and_ordered_lists() {
    let text = "- Երևան\n* Moscow\n\n1. Первый пункт.\n2. *Second* item.\n10) Ten.";
    let blocks = split(text, TextFormat::Markdown);
    assert_eq!(kinds(&blocks), [BlockKind::ListItem; 5]);
    assert_eq!(
        texts(text, &blocks),
        ["Երևան", "Moscow", "Первый пункт.", "*Second* item.", "Ten."]
    );
    assert_eq!(
        wholes(text, &blocks),
        [
            "- Երևան",
            "* Moscow",
            "1. Первый пункт.",
            "2. *Second* item.",
            "10) Ten."
        ]
    );
}

#[test]
fn markdown_list_item_with_two_paragraphs_gives_two_blocks() {
    let text = "1. We demand transparency.\n\n   We demand it now.\n2. Sign the letter.\n";
    let blocks = split(text, TextFormat::Markdown);
    assert_eq!(kinds(&blocks), [BlockKind::ListItem; 3]);
    assert_eq!(
        texts(text, &blocks),
        [
            "We demand transparency.",
            "We demand it now.",
            "Sign the letter."
        ]
    );
    // Only the first paragraph of the item carries the marker.
    assert_eq!(
        wholes(text, &blocks),
        [
            "1. We demand transparency.",
            "We demand it now.",
            "2. Sign the letter."
        ]
    );
}

#[test]
fn markdown_multi_line_list_item_keeps_its_indentation() {
    let text = "- Հայտարարությունը\n  ստորագրել են 40 կազմակերպություն։\n- Next.";
    let blocks = split(text, TextFormat::Markdown);
    assert_eq!(
        texts(text, &blocks),
        [
            "Հայտարարությունը\n  ստորագրել են 40 կազմակերպություն։",
            "Next."
        ]
    );
    assert!(wholes(text, &blocks)[0].starts_with("- Հ"));
}

#[test]
fn markdown_nested_tight_list_and_mixed_containers() {
    let text = "- Outer\n  - Inner\n\n> - In a quote\n\n- > In an item";
    let blocks = split(text, TextFormat::Markdown);
    assert_eq!(
        texts(text, &blocks),
        ["Outer", "Inner", "In a quote", "In an item"]
    );
    assert_eq!(
        kinds(&blocks),
        [
            BlockKind::ListItem,
            BlockKind::ListItem,
            BlockKind::ListItem,
            BlockKind::Quote
        ]
    );
    assert_eq!(
        wholes(text, &blocks),
        ["- Outer", "- Inner", "> - In a quote", "- > In an item"]
    );
}

#[test]
fn markdown_code_blocks_and_breaks_are_skipped_html_is_a_paragraph() {
    let text = "Before.\n\n```\nlet x = 1;\n```\n\n    indented code\n\n***\n\n\
                    - item\n  ```\n  fenced in item\n  ```\n  after\n\n<p>Raw HTML</p>\n\nAfter.";
    let blocks = split(text, TextFormat::Markdown);
    assert_eq!(
        texts(text, &blocks),
        ["Before.", "item", "after", "<p>Raw HTML</p>", "After."]
    );
    assert_eq!(blocks[3].kind, BlockKind::Paragraph);
    assert!(blocks.iter().all(|b| !b.text(text).contains("code")));
}

#[test]
fn markdown_inline_markup_is_kept_as_written() {
    let para =
        "Տե՛ս *կարևոր* [կայքը](https://example.am \"title\") և **жирный**, `code` <b>x</b>\\*";
    let text = format!("## A *bold* [link][ref]\n\n{para}\n\n[ref]: https://example.org\n");
    let blocks = split(&text, TextFormat::Markdown);
    // The link reference definition is not prose and gives no block.
    assert_eq!(texts(&text, &blocks), ["A *bold* [link][ref]", para]);
}

#[test]
fn markdown_single_newline_stays_inside_a_paragraph() {
    // Unlike plain text, Markdown has its own paragraph rule.
    let text = "Line one\nline two";
    let blocks = split(text, TextFormat::Markdown);
    assert_eq!(texts(text, &blocks), [text]);
    assert_eq!(split(text, TextFormat::Text).len(), 2);
}

#[test]
fn markdown_crlf() {
    let text = "# Title\r\n\r\n> a\r\n> b\r\n\r\n- c\r\n";
    let blocks = split(text, TextFormat::Markdown);
    assert_eq!(texts(text, &blocks), ["Title", "a\r\n> b", "c"]);
    assert_eq!(wholes(text, &blocks), ["# Title", "> a\r\n> b", "- c"]);
}

#[test]
fn text_format_parses_and_displays() {
    for (s, f) in [
        ("text", TextFormat::Text),
        ("plain", TextFormat::Text),
        (" Markdown ", TextFormat::Markdown),
        ("md", TextFormat::Markdown),
    ] {
        assert_eq!(s.parse::<TextFormat>(), Ok(f));
    }
    assert!("html".parse::<TextFormat>().is_err());
    assert!("".parse::<TextFormat>().is_err());
    assert_eq!(TextFormat::Text.to_string(), "text");
    assert_eq!(TextFormat::Markdown.to_string(), "markdown");
    assert_eq!(
        TextFormat::Markdown.to_string().parse::<TextFormat>(),
        Ok(TextFormat::Markdown)
    );
}

#[test]
fn block_kind_names_and_levels() {
    assert_eq!(BlockKind::Paragraph.as_str(), "paragraph");
    assert_eq!(BlockKind::Heading(2).as_str(), "heading");
    assert_eq!(BlockKind::Quote.as_str(), "quote");
    assert_eq!(BlockKind::ListItem.as_str(), "list_item");
    assert_eq!(BlockKind::Heading(2).level(), Some(2));
    assert_eq!(BlockKind::Quote.level(), None);
}

#[test]
fn block_text_on_a_foreign_string_is_empty_not_a_panic() {
    let b = Block {
        kind: BlockKind::Paragraph,
        range: 0..4,
        text_range: 1..3,
    };
    assert_eq!(b.text("Աբ"), "");
    assert_eq!(b.text("abcd"), "bc");
}

/// xorshift64*: small, deterministic, good enough to vary inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn odd_inputs_never_panic_and_keep_the_invariants() {
    const CHARS: &[char] = &[
        '#', '>', '-', '*', '`', '\n', '\n', '\r', ' ', ' ', '\t', '\u{a0}', '\u{feff}', 'Ա', 'բ',
        'ց', '։', '՝', '«', '»', 'я', 'a', '1', '.', ')', '=', '_', '[', ']', '(', '<', '!', '\\',
        '~', '+', '|', ':', '"', '“', '😀',
    ];
    const PIECES: &[&str] = &[
        "\n\n",
        "> ",
        "- ",
        "1. ",
        "```",
        "~~~\n",
        "# ",
        "    ",
        "***\n",
        "<div>\n",
        "[x]: /u\n",
        "===\n",
        "  - ",
        "> > ",
        "\r\n",
        "*em*",
        "[l](u)",
    ];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..4000 {
        let len = rng.below(60);
        let mut text = String::new();
        for _ in 0..len {
            if rng.below(4) == 0 {
                text.push_str(PIECES[rng.below(PIECES.len())]);
            } else {
                text.push(CHARS[rng.below(CHARS.len())]);
            }
        }
        split(&text, TextFormat::Markdown);
        let plain = split(&text, TextFormat::Text);
        // Plain text loses nothing: every non-blank character is in a block.
        for (i, c) in text.char_indices() {
            if !is_edge_space(c) {
                assert!(
                    plain.iter().any(|b| b.text_range.contains(&i)),
                    "{c:?} at {i} lost from {text:?}"
                );
            }
        }
    }
}
