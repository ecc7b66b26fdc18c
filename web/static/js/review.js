// The review queue: approve, or send back with a reason, right from the list.

import { call } from "./api.js";

for (const item of document.querySelectorAll("li.review-item")) {
  const { statement, lang, segment } = item.dataset;
  const path = `/api/v1/statements/${statement}/segments/${segment}/translations/${lang}`;
  const status = item.querySelector(".status");
  const comment = item.querySelector("input.comment");
  item.addEventListener("click", async (event) => {
    const action = event.target.closest("button")?.dataset.action;
    if (!action) return;
    const body = { base_version: Number(item.dataset.version) };
    if (action === "reject") {
      if (!comment.value.trim()) {
        status.textContent = status.dataset.needComment;
        return comment.focus();
      }
      body.comment = comment.value;
    }
    const result = await call("POST", `${path}/${action}`, body);
    if (!result.ok) {
      // The server explains refusals, e.g. that the reviewer wrote this text themselves.
      status.textContent = result.message;
      return;
    }
    item.dataset.version = String(result.answer.version);
    item.classList.add("done");
    status.textContent = action === "approve" ? status.dataset.approved : status.dataset.rejected;
    for (const control of item.querySelectorAll("button, input")) control.disabled = true;
  });
}
