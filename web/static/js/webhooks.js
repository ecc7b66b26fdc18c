// Webhooks: register one (its secret shown once), send a delivery again, make a new secret.

import { call, refuse } from "./api.js";
import { showSecret } from "./secret.js";

const form = document.getElementById("new-hook");
form?.addEventListener("submit", async (event) => {
  event.preventDefault();
  const error = form.querySelector(".error");
  error.hidden = true;
  const body = {
    url: form.elements.url.value.trim(),
    events: [...form.querySelectorAll("input[name=events]:checked")].map((box) => box.value),
  };
  if (form.elements.statement_id.value) body.statement_id = Number(form.elements.statement_id.value);
  const result = await call("POST", "/api/v1/webhooks", body);
  if (!result.ok) return refuse(error, result.message);
  form.reset();
  showSecret("hook-secret", result.answer.secret);
});

for (const hook of document.querySelectorAll("section.hook")) {
  hook.addEventListener("click", async (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const status = hook.querySelector(":scope > .status");
    if (button.dataset.action === "rotate") {
      const result = await call("POST", `/api/v1/webhooks/${hook.dataset.id}/secret`);
      if (!result.ok) {
        status.textContent = result.message;
        return;
      }
      showSecret("hook-secret", result.answer.secret);
    } else if (button.dataset.action === "retry") {
      const row = button.closest("tr");
      const result = await call(
        "POST",
        `/api/v1/webhooks/${hook.dataset.id}/deliveries/${row.dataset.id}/retry`,
      );
      if (!result.ok) {
        status.textContent = result.message;
        return;
      }
      row.dataset.state = "pending";
      row.querySelector(".state").textContent = status.dataset.pending;
      status.textContent = status.dataset.retrying;
      button.remove();
    }
  });
}
