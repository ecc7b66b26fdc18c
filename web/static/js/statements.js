// Editors' statements page: preview the paragraph and sentence split, then create.

import { call, keepApart, readTextFile, refuse } from "./api.js";

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
    prefill: form.prefill.checked,
  };
}

const error = () => document.getElementById("new-statement-error");

async function preview() {
  const body = statementBody();
  const result = await call("POST", "/api/v1/segment", {
    lang: body.source_lang,
    text: body.text,
    format: body.format,
  });
  if (!result.ok) return refuse(error(), result.message);
  error().hidden = true;
  document.getElementById("split").replaceChildren(
    ...result.answer.paragraphs.map((paragraph) => {
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

if (form) {
  keepApart(form.source_lang, [...form.querySelectorAll("input[name=target_langs]")]);
  document.getElementById("preview").addEventListener("click", preview);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const result = await call("POST", "/api/v1/statements", statementBody());
    if (!result.ok) return refuse(error(), result.message);
    // Next comes assigning the work, on the statement's own page.
    window.location.assign(`/app/statements/${result.answer.id}`);
  });
  document.getElementById("file").addEventListener("change", async (event) => {
    const file = event.target.files[0];
    if (!file) return;
    const text = await readTextFile(file);
    if (text === null) {
      event.target.value = "";
      return refuse(error(), form.dataset.notText);
    }
    error().hidden = true;
    form.text.value = text;
    if (file.name.endsWith(".md")) form.format.value = "markdown";
    if (!form.title.value) form.title.value = file.name.replace(/\.(txt|md)$/, "");
  });
}
