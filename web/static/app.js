// The translators' desk in the browser: sign in and out through the JSON API (no inline scripts: CSP).

const csrf = () => document.querySelector('meta[name="csrf-token"]')?.content ?? "";

async function signIn(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const error = document.getElementById("sign-in-error");
  error.hidden = true;
  const response = await fetch("/api/v1/session", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: form.username.value, password: form.password.value }),
  });
  if (response.ok) {
    window.location.assign("/app");
    return;
  }
  const body = await response.json().catch(() => null);
  // The server already wrote the message in the UI language; show it as text, never as HTML.
  error.textContent = body?.error?.message ?? response.statusText;
  error.hidden = false;
}

async function signOut() {
  await fetch("/api/v1/session", { method: "DELETE", headers: { "x-csrf-token": csrf() } });
  window.location.assign("/app/sign-in");
}

document.getElementById("sign-in")?.addEventListener("submit", signIn);
document.getElementById("sign-out")?.addEventListener("click", signOut);

// The editor: each unit saves with the version it was based on; a conflict shows both texts and
// never throws away what the translator typed.
const editor = document.querySelector("ol.editor");

function unitPath(li) {
  const { statement, lang } = editor.dataset;
  return `/api/v1/statements/${statement}/segments/${li.dataset.segment}/translations/${lang}`;
}

function show(li, state, version, text) {
  li.dataset.version = String(version);
  const badge = li.querySelector(".state");
  badge.dataset.state = state;
  badge.textContent = editor.getAttribute(`data-state-${state}`) ?? state;
  if (text !== undefined) li.querySelector("textarea").dataset.saved = text;
}

// One request per unit at a time: a second save based on the same version would only conflict.
async function act(li, action, extra = {}) {
  while (li.dataset.busy === "1") {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  li.dataset.busy = "1";
  try {
    return await send(li, action, extra);
  } finally {
    delete li.dataset.busy;
  }
}

async function send(li, action, extra) {
  const textarea = li.querySelector("textarea");
  const status = li.querySelector(".status");
  const base_version = Number(li.dataset.version);
  const body = action === "save" ? { text: textarea.value, base_version } : { base_version, ...extra };
  const response = await fetch(action === "save" ? unitPath(li) : `${unitPath(li)}/${action}`, {
    method: action === "save" ? "PUT" : "POST",
    headers: { "content-type": "application/json", "x-csrf-token": csrf() },
    body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => null);
  if (response.ok) {
    show(li, answer.state, answer.version, answer.text);
    status.textContent = status.dataset.saved;
    return true;
  }
  if (response.status === 409 && answer?.error?.details?.current) {
    const current = answer.error.details.current;
    const panel = li.querySelector(".conflict");
    panel.querySelector(".theirs").textContent = current.text;
    panel.querySelector(".mine").textContent = textarea.value;
    panel.dataset.version = String(current.version);
    panel.dataset.state = current.state;
    panel.hidden = false;
    return false;
  }
  status.textContent = answer?.error?.message ?? response.statusText;
  return false;
}

function dirty(li) {
  const textarea = li.querySelector("textarea");
  return !textarea.readOnly && textarea.value !== (textarea.dataset.saved ?? textarea.defaultValue);
}

if (editor) {
  for (const li of editor.querySelectorAll("li.unit")) {
    const textarea = li.querySelector("textarea");
    textarea.dataset.saved = textarea.defaultValue;
    let timer;
    textarea.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => dirty(li) && act(li, "save"), 1500);
    });
    textarea.addEventListener("keydown", async (event) => {
      if ((event.ctrlKey || event.metaKey) && event.key === "s") {
        event.preventDefault();
        if (dirty(li)) await act(li, "save");
      } else if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
        event.preventDefault();
        if (!dirty(li) || (await act(li, "save"))) await act(li, "submit");
      } else if (event.altKey && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
        event.preventDefault();
        const next = event.key === "ArrowDown" ? li.nextElementSibling : li.previousElementSibling;
        next?.querySelector("textarea")?.focus();
      }
    });
    li.addEventListener("click", async (event) => {
      const action = event.target.closest("button")?.dataset.action;
      if (!action) return;
      const panel = li.querySelector(".conflict");
      if (action === "keep-mine") {
        li.dataset.version = panel.dataset.version;
        panel.hidden = true;
        await act(li, "save");
      } else if (action === "take-theirs") {
        textarea.value = panel.querySelector(".theirs").textContent;
        show(li, panel.dataset.state, Number(panel.dataset.version), textarea.value);
        panel.hidden = true;
      } else if (action === "reject") {
        const comment = window.prompt(document.getElementById("reject-label").textContent);
        if (comment) await act(li, "reject", { comment });
      } else if (action === "save") {
        await act(li, "save");
      } else if (action === "submit") {
        if (!dirty(li) || (await act(li, "save"))) await act(li, "submit");
      } else {
        await act(li, action);
      }
    });
  }
}

// Statements: preview the paragraph and sentence split, then create.
const form = document.getElementById("new-statement");

function statementBody() {
  return {
    title: form.title.value,
    source_lang: form.source_lang.value,
    target_langs: [...form.querySelectorAll("input[name=target_langs]:checked")]
      .map((box) => box.value)
      .filter((lang) => lang !== form.source_lang.value),
    text: form.text.value,
    format: form.format.value,
  };
}

function refuse(answer, response) {
  const error = document.getElementById("new-statement-error");
  error.textContent = answer?.error?.message ?? response.statusText;
  error.hidden = false;
}

async function preview() {
  const body = statementBody();
  const response = await fetch("/api/v1/segment", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ lang: body.source_lang, text: body.text, format: body.format }),
  });
  const answer = await response.json().catch(() => null);
  if (!response.ok) return refuse(answer, response);
  document.getElementById("new-statement-error").hidden = true;
  const list = document.getElementById("split");
  list.replaceChildren(
    ...answer.paragraphs.map((paragraph) => {
      const item = document.createElement("li");
      item.lang = body.source_lang;
      for (const sentence of paragraph.sentences) {
        const span = document.createElement("span");
        span.className = "sentence";
        span.textContent = sentence;
        item.append(span);
      }
      return item;
    }),
  );
}

async function create(event) {
  event.preventDefault();
  const response = await fetch("/api/v1/statements", {
    method: "POST",
    headers: { "content-type": "application/json", "x-csrf-token": csrf() },
    body: JSON.stringify(statementBody()),
  });
  const answer = await response.json().catch(() => null);
  if (!response.ok) return refuse(answer, response);
  window.location.assign("/app/statements");
}

if (form) {
  document.getElementById("preview").addEventListener("click", preview);
  form.addEventListener("submit", create);
  document.getElementById("file").addEventListener("change", async (event) => {
    const file = event.target.files[0];
    if (!file) return;
    form.text.value = await file.text();
    if (file.name.endsWith(".md")) form.format.value = "markdown";
    if (!form.title.value) form.title.value = file.name.replace(/\.(txt|md)$/, "");
  });
}
