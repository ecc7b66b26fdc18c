// Quick checks while typing: numbers (and so dates) and quotation marks that differ from the source.

// A space groups thousands only after one to three digits ("120 000"), so a year followed by a
// count ("2022 120") stays two numbers; commas and dots group or separate decimals.
const NUMBER = /\d{1,3}(?:[ \u00a0\u202f]\d{3}(?!\d))+(?:[.,]\d+)?|\d+(?:[.,]\d+)*/gu;
const QUOTES = /[«»“”„"]/u;

// Locale formats differ only in separators: 120,000 = 120 000 = 120000; 3.5 = 3,5.
const value = (number) => number.replace(/\D/gu, "");

// Each value with how often it occurs and how it was first written, to show it as written.
function counts(text) {
  const found = new Map();
  for (const match of text.matchAll(NUMBER)) {
    const v = value(match[0]);
    const seen = found.get(v) ?? { n: 0, written: match[0] };
    seen.n += 1;
    found.set(v, seen);
  }
  return found;
}

function minus(a, b) {
  const left = [];
  for (const [v, { n, written }] of a) {
    for (let i = b.get(v)?.n ?? 0; i < n; i += 1) left.push(written);
  }
  return left;
}

/// Numbers of the source missing from the target and numbers the target added, by value; and
/// whether the source quotes something while the target has no quotation marks at all.
export function differences(source, target) {
  if (target.trim() === "") return { missing: [], extra: [], quotesMissing: false };
  const s = counts(source);
  const t = counts(target);
  return {
    missing: minus(s, t),
    extra: minus(t, s),
    quotesMissing: QUOTES.test(source) && !QUOTES.test(target),
  };
}

const pristine = new WeakMap();

/// Marks, in a sentence of the source, the numbers whose value the target lacks. The sentence's
/// own markup (glossary terms) is kept: only its text nodes outside terms are split.
export function markNumbers(sentence, missing) {
  if (!pristine.has(sentence)) pristine.set(sentence, sentence.cloneNode(true));
  sentence.replaceChildren(...[...pristine.get(sentence).cloneNode(true).childNodes]);
  const wanted = new Set(missing.map(value));
  if (wanted.size === 0) return;
  const texts = [];
  const walker = document.createTreeWalker(sentence, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) texts.push(walker.currentNode);
  for (const node of texts) {
    if (node.parentElement.closest("mark")) continue;
    const text = node.textContent;
    const nodes = [];
    let last = 0;
    for (const match of text.matchAll(NUMBER)) {
      if (!wanted.has(value(match[0]))) continue;
      nodes.push(document.createTextNode(text.slice(last, match.index)));
      const mark = document.createElement("mark");
      mark.className = "differs";
      mark.textContent = match[0];
      nodes.push(mark);
      last = match.index + match[0].length;
    }
    if (nodes.length === 0) continue;
    nodes.push(document.createTextNode(text.slice(last)));
    node.replaceWith(...nodes);
  }
}
