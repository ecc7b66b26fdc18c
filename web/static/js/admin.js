// Administration: roles per language, new people, new languages.

import { call, refuse } from "./api.js";

for (const row of document.querySelectorAll("tr.user")) {
  row.addEventListener("click", async (event) => {
    if (event.target.closest("button")?.dataset.action !== "save-user") return;
    const status = row.querySelector(".status");
    const admin = row.querySelector("input[name=admin]");
    const body = {
      display_name: row.querySelector("input[name=display_name]").value,
      editor: row.querySelector("input[name=editor]").checked,
      roles: [...row.querySelectorAll("input[data-role]:checked")].map((box) => ({
        role: box.dataset.role,
        lang: box.dataset.lang,
      })),
    };
    if (!admin.disabled) body.admin = admin.checked;
    const result = await call("PATCH", `/api/v1/users/${row.dataset.id}`, body);
    status.textContent = result.ok ? status.dataset.saved : result.message;
  });
}

function simpleForm(id, url, fields) {
  const form = document.getElementById(id);
  form?.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = {};
    for (const name of fields) {
      const value = form.elements[name].value.trim();
      if (value) body[name] = name === "password" ? form.elements[name].value : value;
    }
    const result = await call("POST", url, body);
    if (!result.ok) return refuse(form.querySelector(".error"), result.message);
    window.location.reload();
  });
}

simpleForm("new-user", "/api/v1/users", ["username", "display_name", "password"]);
simpleForm("new-language", "/api/v1/languages", ["tag", "name", "native_name"]);
