// Talking to the JSON API: one place for the CSRF header, JSON bodies and localised error messages.

export const csrf = () => document.querySelector('meta[name="csrf-token"]')?.content ?? "";

/// Sends `body` as JSON (when given) and answers {ok, status, answer, message}; `message` is the
/// server's own text in the interface language, to be shown as text, never as HTML. `keepalive`
/// lets a request made as the page goes away outlive it.
export async function call(method, url, body, { keepalive = false } = {}) {
  const headers = { "x-csrf-token": csrf() };
  if (body !== undefined) headers["content-type"] = "application/json";
  let response;
  try {
    response = await fetch(url, {
      method,
      headers,
      keepalive,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    return { ok: false, status: 0, answer: null, message: String(error) };
  }
  const answer = response.status === 204 ? null : await response.json().catch(() => null);
  return {
    ok: response.ok,
    status: response.status,
    answer,
    message: answer?.error?.message ?? response.statusText,
  };
}

/// Shows a refusal in an element with role="alert".
export function refuse(element, message) {
  element.textContent = message;
  element.hidden = false;
}

/// Renders word-level diff parts as <del>, <ins> and plain spans into `target`.
export function renderDiff(target, parts) {
  target.replaceChildren(
    ...parts.map((part) => {
      const node = document.createElement(
        part.kind === "added" ? "ins" : part.kind === "removed" ? "del" : "span",
      );
      node.textContent = part.text;
      return node;
    }),
  );
}

/// Keeps a form from offering the source language as a target: the source's option in a target
/// <select> is disabled (another is chosen if it was), and its target checkbox is hidden and
/// cleared. Runs now and whenever the source changes.
export function keepApart(source, targets) {
  const apply = () => {
    for (const target of targets) {
      if (target instanceof HTMLSelectElement) {
        for (const option of target.options) option.disabled = option.value === source.value;
        if (target.value === source.value) {
          target.value = [...target.options].find((option) => !option.disabled)?.value ?? "";
        }
      } else {
        const same = target.value === source.value;
        if (same) target.checked = false;
        target.disabled = same;
        (target.closest("label") ?? target).hidden = same;
      }
    }
  };
  source.addEventListener("change", apply);
  apply();
}

/// Reads a file chosen as text, or answers null when it is a document or other binary data (a PDF,
/// a DOCX), whose bytes must never land in a text field.
export async function readTextFile(file) {
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  const starts = (...bytes) => bytes.every((b, i) => head[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d) || starts(0x50, 0x4b, 0x03, 0x04) || starts(0xd0, 0xcf, 0x11, 0xe0)) {
    return null;
  }
  const text = await file.text();
  return text.includes("\u0000") ? null : text;
}
