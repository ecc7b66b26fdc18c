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
