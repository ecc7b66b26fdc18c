// Administration: roles per language, new people, new languages.

import { call, refuse } from "./api.js";
import { showSecret } from "./secret.js";

const label = (state) =>
  document.querySelector(`template#account-labels`)?.content.querySelector(`[data-state=${state}]`)
    ?.textContent ?? "";

for (const row of document.querySelectorAll("tr.user")) {
  row.addEventListener("click", async (event) => {
    const action = event.target.closest("button")?.dataset.action;
    if (action === "disable-user" || action === "enable-user") {
      const button = event.target.closest("button");
      const disable = action === "disable-user";
      const result = await call("POST", `/api/v1/users/${row.dataset.id}/${disable ? "disable" : "enable"}`);
      const status = row.querySelector(".status");
      if (!result.ok) {
        status.textContent = result.message;
        return;
      }
      row.classList.toggle("disabled", disable);
      row.querySelector(".account-state").textContent = label(disable ? "disabled" : "active");
      button.dataset.action = disable ? "enable-user" : "disable-user";
      button.textContent = label(disable ? "enable" : "disable");
      return;
    }
    if (action !== "save-user") return;
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

// A person added without a password is invited: the server makes a one-time password, shown
// here once.
document.getElementById("new-user")?.addEventListener("submit", async (event) => {
  const form = event.currentTarget;
  if (form.elements.password.value !== "") return;
  event.preventDefault();
  event.stopImmediatePropagation();
  const body = { username: form.elements.username.value.trim() };
  const name = form.elements.display_name.value.trim();
  if (name) body.display_name = name;
  const result = await call("POST", "/api/v1/users/invitations", body);
  if (!result.ok) return refuse(form.querySelector(".error"), result.message);
  form.querySelector(".error").hidden = true;
  form.reset();
  showSecret("invite-secret", result.answer.password);
});

simpleForm("new-user", "/api/v1/users", ["username", "display_name", "password"]);
simpleForm("new-language", "/api/v1/languages", ["tag", "name", "native_name"]);
