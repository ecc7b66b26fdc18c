// The glossary page: add a term (then show its pair), delete one, import a TBX or CSV file.

import { call, csrf, refuse } from "./api.js";

const addForm = document.getElementById("new-term");
const table = document.querySelector("table.terms");
const status = document.getElementById("glossary-status");

/// Reloads the page on the pair of `src` and `tgt`, keeping the focus target in the address.
function showPair(src, tgt, anchor) {
  const query = new URLSearchParams({ src, tgt });
  window.location.assign(`/app/glossary?${query}${anchor ?? ""}`);
}

addForm?.addEventListener("submit", async (event) => {
  event.preventDefault();
  const error = addForm.querySelector(".error");
  error.hidden = true;
  const f = addForm.elements;
  const result = await call("POST", "/api/v1/glossary", {
    src_lang: f.src_lang.value,
    tgt_lang: f.tgt_lang.value,
    term: f.term.value,
    translation: f.translation.value,
    status: f.status.value,
    note: f.note.value,
  });
  if (!result.ok) return refuse(error, result.message);
  showPair(f.src_lang.value, f.tgt_lang.value, `#term-${result.answer.id}`);
});

table?.addEventListener("click", async (event) => {
  const button = event.target.closest("button.delete");
  if (!button) return;
  const row = button.closest("tr");
  const result = await call("DELETE", `/api/v1/glossary/${row.dataset.id}`);
  if (!result.ok) {
    status.textContent = result.message;
    return;
  }
  const next = row.nextElementSibling ?? row.previousElementSibling;
  row.remove();
  (next?.querySelector("button.delete") ?? document.getElementById("nt-term"))?.focus();
});

const importForm = document.getElementById("import-terms");
importForm?.addEventListener("submit", async (event) => {
  event.preventDefault();
  const error = importForm.querySelector(".error");
  const done = importForm.querySelector(".status");
  error.hidden = true;
  done.textContent = "";
  const file = importForm.elements.file.files[0];
  if (!file) return;
  const response = await fetch(`/api/v1/glossary/import?format=${importForm.elements.format.value}`, {
    method: "POST",
    headers: { "x-csrf-token": csrf(), "content-type": "application/octet-stream" },
    body: file,
  }).catch((e) => ({ ok: false, statusText: String(e), json: async () => null }));
  const answer = await response.json().catch(() => null);
  if (!response.ok) return refuse(error, answer?.error?.message ?? response.statusText);
  done.textContent = `${done.dataset.done} ${answer.terms}`;
});
