// One statement for its editors: open it to translators, assign work, change the source after
// seeing the diff, publish.

import { call, refuse, renderDiff } from "./api.js";

const openness = document.getElementById("openness");
const assign = document.getElementById("assign");
const sourceForm = document.getElementById("source-form");
const publish = document.getElementById("publish");

if (openness) {
  const { statement } = openness.dataset;
  const box = openness.elements.open_to_translators;
  const error = openness.querySelector(".error");
  const status = openness.querySelector(".status");
  openness.addEventListener("submit", (event) => event.preventDefault());
  // The setting takes effect as soon as it is ticked; a refusal puts the box back as stored.
  box.addEventListener("change", async () => {
    error.hidden = true;
    status.textContent = "";
    const wanted = box.checked;
    box.disabled = true;
    const result = await call("PATCH", `/api/v1/statements/${statement}`, { open_to_translators: wanted });
    box.disabled = false;
    if (!result.ok) {
      box.checked = !wanted;
      return refuse(error, result.message);
    }
    box.checked = result.answer.open_to_translators === true;
    status.textContent = status.dataset.done;
  });
}

if (assign) {
  const { statement } = assign.dataset;
  const people = assign.elements.user;
  // Only people who hold the role for the language are offered.
  const filter = () => {
    const lang = assign.elements.lang.value;
    const role = assign.elements.role.value;
    for (const option of people.options) {
      if (!option.value) continue;
      option.hidden = option.disabled = option.dataset.lang !== lang || option.dataset.role !== role;
    }
    if (people.selectedOptions[0]?.disabled) people.value = "";
  };
  assign.elements.lang.addEventListener("change", filter);
  assign.elements.role.addEventListener("change", filter);
  filter();
  // Ticking a paragraph means assigning the selected ones.
  for (const box of assign.querySelectorAll("input[name=segment]")) {
    box.addEventListener("change", () => {
      assign.querySelector("input[name=scope][value=selected]").checked = true;
    });
  }
  assign.addEventListener("submit", async (event) => {
    event.preventDefault();
    const error = assign.querySelector(".error");
    error.hidden = true;
    const scope = assign.querySelector("input[name=scope]:checked").value;
    const due = assign.elements.due.value;
    const body = {
      lang: assign.elements.lang.value,
      role: assign.elements.role.value,
      user: people.value || null,
      segments:
        scope === "all"
          ? "all"
          : [...assign.querySelectorAll("input[name=segment]:checked")].map((b) => Number(b.value)),
    };
    if (due) body.due_at = new Date(`${due}T23:59:59`).toISOString();
    const result = await call("PUT", `/api/v1/statements/${statement}/assignments`, body);
    if (!result.ok) return refuse(error, result.message);
    const status = assign.querySelector(".status");
    status.textContent = status.dataset.done;
    window.location.reload();
  });
}

if (sourceForm) {
  const { statement } = sourceForm.dataset;
  const save = document.getElementById("source-save");
  const diff = document.getElementById("source-diff");
  const error = sourceForm.querySelector(".error");
  // The new source can be saved only once its changes have been seen.
  sourceForm.elements.text.addEventListener("input", () => {
    save.disabled = true;
  });
  document.getElementById("source-preview").addEventListener("click", async () => {
    error.hidden = true;
    const result = await call("POST", `/api/v1/statements/${statement}/source/preview`, {
      text: sourceForm.elements.text.value,
    });
    if (!result.ok) return refuse(error, result.message);
    const changed = result.answer.paragraphs.filter((p) => p.fate !== "kept");
    const list = document.createElement("ol");
    for (const paragraph of changed) {
      const item = document.createElement("li");
      item.dataset.fate = paragraph.fate;
      const label = document.createElement("span");
      label.className = "label";
      label.textContent = `${paragraph.position} · ${diff.dataset[paragraph.fate]}`;
      const text = document.createElement("p");
      text.lang = document.getElementById("source-text").lang;
      renderDiff(text, paragraph.diff);
      item.append(label, text);
      list.append(item);
    }
    if (changed.length === 0) {
      const none = document.createElement("p");
      none.textContent = diff.dataset.nothing;
      diff.replaceChildren(none);
    } else {
      diff.replaceChildren(list);
    }
    diff.hidden = false;
    sourceForm.dataset.revision = String(result.answer.revision);
    save.disabled = changed.length === 0;
  });
  sourceForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const result = await call("PUT", `/api/v1/statements/${statement}/source`, {
      text: sourceForm.elements.text.value,
      base_revision: Number(sourceForm.dataset.revision),
      minor: sourceForm.elements.minor.checked,
    });
    if (!result.ok) return refuse(error, result.message);
    window.location.reload();
  });
}

if (publish) {
  const { statement } = publish.dataset;
  publish.addEventListener("submit", async (event) => {
    event.preventDefault();
    const blocking = publish.querySelector(".blocking");
    const plain = publish.querySelector(".error.plain");
    blocking.hidden = true;
    plain.hidden = true;
    const langs = [...publish.querySelectorAll("input[name=langs]:checked")].map((b) => b.value);
    const result = await call("POST", `/api/v1/statements/${statement}/publications`, { langs });
    if (result.ok) return window.location.reload();
    const units = result.answer?.error?.details?.units;
    if (!Array.isArray(units)) return refuse(plain, result.message);
    // The units that block publishing, each a link into the editor at that paragraph.
    blocking.querySelector(".error").textContent = result.message;
    blocking.querySelector("ul").replaceChildren(
      ...units.map((unit) => {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = `/app/s/${statement}/${unit.lang}#u-${unit.segment_id}`;
        const name = publish.querySelector(`input[value="${unit.lang}"]`)?.parentElement.textContent.trim();
        const state = publish.getAttribute(`data-state-${unit.state}`) ?? unit.state;
        // Place 0 is the headline, named rather than numbered.
        const place = unit.position === 0 ? publish.dataset.headline : unit.position;
        link.textContent = `${name ?? unit.lang} · ${place} · ${state}`;
        item.append(link);
        return item;
      }),
    );
    blocking.hidden = false;
  });
}
