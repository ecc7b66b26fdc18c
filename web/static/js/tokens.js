// API tokens: create one (its secret shown once, with a copy button), list and revoke them.

import { call, refuse } from "./api.js";
import { showSecret } from "./secret.js";

const form = document.getElementById("new-token");
const table = document.querySelector("table.tokens");
const status = document.getElementById("token-status");

function revokeButton(id) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "revoke";
  button.setAttribute("aria-describedby", `token-${id}`);
  button.textContent = document.querySelector("template#revoke-label")?.content.textContent ?? "";
  return button;
}

function addRow(token) {
  const row = document.createElement("tr");
  row.dataset.id = token.id;
  const name = document.createElement("td");
  name.lang = "";
  name.id = `token-${token.id}`;
  name.textContent = token.name;
  const created = document.createElement("td");
  created.textContent = new Intl.DateTimeFormat(document.documentElement.lang, {
    dateStyle: "long",
  }).format(new Date(token.created_at));
  const action = document.createElement("td");
  action.append(revokeButton(token.id));
  row.append(name, created, action);
  table.tBodies[0].prepend(row);
  table.hidden = false;
  document.getElementById("no-tokens").hidden = true;
}

form?.addEventListener("submit", async (event) => {
  event.preventDefault();
  const error = form.querySelector(".error");
  error.hidden = true;
  const result = await call("POST", "/api/v1/tokens", { name: form.elements.name.value.trim() });
  if (!result.ok) return refuse(error, result.message);
  form.reset();
  addRow(result.answer);
  showSecret("token-secret", result.answer.token);
});

table?.addEventListener("click", async (event) => {
  const button = event.target.closest("button.revoke");
  if (!button) return;
  const row = button.closest("tr");
  const result = await call("DELETE", `/api/v1/tokens/${row.dataset.id}`);
  if (!result.ok) {
    status.textContent = result.message;
    return;
  }
  status.textContent = `${status.dataset.revoked} ${row.querySelector("td").textContent}`;
  row.remove();
  if (!table.tBodies[0].rows.length) {
    table.hidden = true;
    document.getElementById("no-tokens").hidden = false;
  }
  form.elements.name.focus();
});
