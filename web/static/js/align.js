// Aligning an earlier translation: show the sentence beads, then keep them as memory or make a
// statement whose aligned paragraphs are approved.

import { call, keepApart, readTextFile, refuse } from "./api.js";

const form = document.getElementById("align");

if (form) {
  keepApart(form.src_lang, [form.tgt_lang]);
  const section = document.getElementById("alignment");
  const error = form.querySelector(".error");
  const body = () => ({
    src_lang: form.src_lang.value,
    src_text: form.src_text.value,
    tgt_lang: form.tgt_lang.value,
    tgt_text: form.tgt_text.value,
    format: form.format.value,
  });
  for (const input of form.querySelectorAll("input[type=file]")) {
    input.addEventListener("change", async () => {
      const file = input.files[0];
      if (!file) return;
      const text = await readTextFile(file);
      if (text === null) {
        input.value = "";
        return refuse(error, form.dataset.notText);
      }
      error.hidden = true;
      form.elements[input.dataset.into].value = text;
      if (file.name.endsWith(".md")) form.format.value = "markdown";
    });
  }
  const cell = (texts, lang) => {
    const td = document.createElement("td");
    td.lang = lang;
    td.textContent = texts.join(" ");
    return td;
  };
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.hidden = true;
    const result = await call("POST", "/api/v1/align", body());
    if (!result.ok) return refuse(error, result.message);
    const rows = [];
    result.answer.paragraphs.forEach((paragraph, p) => {
      for (const bead of paragraph.sentences) {
        const row = document.createElement("tr");
        row.dataset.paragraph = String(p);
        if (!bead.src.length || !bead.tgt.length) row.className = "unpaired";
        row.append(cell(bead.src, result.answer.src_lang), cell(bead.tgt, result.answer.tgt_lang));
        rows.push(row);
      }
    });
    section.querySelector("tbody").replaceChildren(...rows);
    section.hidden = false;
  });
  document.getElementById("align-remember").addEventListener("click", async () => {
    const result = await call("POST", "/api/v1/align/memory", body());
    const status = section.querySelector(".status");
    status.textContent = result.ok ? `${status.dataset.remembered} ${result.answer.pairs}` : result.message;
  });
  document.getElementById("align-statement").addEventListener("click", async () => {
    const result = await call("POST", "/api/v1/align/statement", {
      ...body(),
      title: document.getElementById("align-title").value,
    });
    if (!result.ok) return (section.querySelector(".status").textContent = result.message);
    window.location.assign(`/app/statements/${result.answer.id}`);
  });
}
