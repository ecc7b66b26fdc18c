// The memory page: correct or remove a remembered pair, import a TMX file with an upload
// progress bar (XMLHttpRequest reports upload progress; fetch does not).

import { call, csrf, refuse } from "./api.js";

const list = document.querySelector("ol.memory-entries");

list?.addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-action]");
  if (!button) return;
  const item = button.closest("li.entry");
  const status = item.querySelector(".status");
  if (button.dataset.action === "save-entry") {
    const result = await call("PUT", `/api/v1/memory/${item.dataset.id}`, {
      source: item.querySelector("textarea[name=source]").value,
      target: item.querySelector("textarea[name=target]").value,
    });
    if (!result.ok) {
      status.textContent = result.message;
      return;
    }
    // The corrected pair is stored anew, with a new id.
    item.dataset.id = result.answer.id;
    status.textContent = status.dataset.saved;
  } else if (button.dataset.action === "delete-entry") {
    const result = await call("DELETE", `/api/v1/memory/${item.dataset.id}`);
    if (!result.ok) {
      status.textContent = result.message;
      return;
    }
    const announce = document.createElement("p");
    announce.className = "status";
    announce.setAttribute("role", "status");
    const next = item.nextElementSibling ?? item.previousElementSibling;
    item.replaceWith(announce);
    announce.textContent = status.dataset.deleted;
    (next?.querySelector("textarea") ?? document.getElementById("memory-q"))?.focus();
  }
});

const form = document.getElementById("import-tmx");
form?.addEventListener("submit", (event) => {
  event.preventDefault();
  const error = form.querySelector(".error");
  const done = form.querySelector(".status");
  const progress = document.getElementById("tmx-progress");
  const file = form.elements.file.files[0];
  if (!file) return;
  error.hidden = true;
  done.textContent = "";
  progress.value = 0;
  progress.hidden = false;
  const request = new XMLHttpRequest();
  request.open("POST", "/api/v1/memory/import");
  request.setRequestHeader("content-type", "application/x-tmx+xml");
  request.setRequestHeader("x-csrf-token", csrf());
  request.responseType = "json";
  request.upload.addEventListener("progress", (e) => {
    if (e.lengthComputable) progress.value = Math.round((e.loaded / e.total) * 100);
  });
  request.addEventListener("load", () => {
    progress.value = 100;
    const answer = request.response;
    if (request.status >= 200 && request.status < 300) {
      done.textContent = `${done.dataset.done} ${answer.pairs}`;
    } else {
      refuse(error, answer?.error?.message ?? request.statusText);
    }
  });
  request.addEventListener("error", () => refuse(error, request.statusText || "network"));
  request.send(file);
});
