// The editor: source beside target, saves that never lose a keystroke, live updates from others,
// the pivot column, the history and comments panel, and the number and quote checks.

import { call, renderDiff } from "./api.js";
import { differences, markNumbers } from "./checks.js";
import { connect } from "./live.js";

const editor = document.querySelector("ol.editor");
if (editor) setUp(editor);

function setUp(editor) {
  const { statement, lang } = editor.dataset;
  const base = `/api/v1/statements/${statement}`;
  const unitPath = (li) => `${base}/segments/${li.dataset.segment}/translations/${lang}`;
  const units = [...editor.querySelectorAll("li.unit")];
  const bySegment = new Map(units.map((li) => [li.dataset.segment, li]));
  const live = document.getElementById("live");
  const panel = document.querySelector(".unit-panel");
  const pivotSelect = document.getElementById("pivot");
  const draftKey = (li) => `tandem:${statement}:${lang}:${li.dataset.segment}`;
  let selected = null;

  const textarea = (li) => li.querySelector("textarea:not(.reason)");
  // Text areas grow with their text: app.css does it where the browser knows `field-sizing`.
  const sizedByCss = CSS.supports("field-sizing", "content");
  const grow = (area) => {
    if (sizedByCss) return;
    area.style.height = "auto";
    area.style.height = `${area.scrollHeight + 2}px`;
  };
  const stateLabel = (state) => editor.getAttribute(`data-state-${state}`) ?? state;
  const dirty = (li) => {
    const area = textarea(li);
    return !area.readOnly && area.value !== area.dataset.saved;
  };

  /// Takes the server's view of a unit as the new base (its text only when asked to).
  function show(li, unit, { text = false } = {}) {
    li.dataset.version = String(unit.version);
    const badge = li.querySelector(".state");
    badge.dataset.state = unit.state;
    badge.textContent = stateLabel(unit.state);
    const area = textarea(li);
    if (text) area.value = unit.text;
    grow(area);
    area.dataset.saved = unit.text;
    // Once the text moves on from approved, the next approval locks it again.
    if (unit.state !== "approved") delete li.dataset.reopened;
    lockIfApproved(li);
    if (!dirty(li)) localStorage.removeItem(draftKey(li));
    check(li);
  }

  /// An approved unit is finished work: its text is locked and the only way on is "Re-open"
  /// (for those who may edit it), so a stray keystroke never turns an approval into a draft.
  function lockIfApproved(li) {
    const reopen = li.querySelector('[data-action="reopen"]');
    const locked = li.querySelector(".state").dataset.state === "approved" && li.dataset.reopened !== "1";
    if (reopen) {
      reopen.hidden = !locked;
      textarea(li).readOnly = locked;
    }
    for (const action of ["save", "copy-source", "submit", "approve"]) {
      const button = li.querySelector(`[data-action="${action}"]`);
      if (button) button.hidden = locked;
    }
  }

  function check(li) {
    const source = [...li.querySelectorAll(".source .sentence")];
    const target = textarea(li).value;
    const found = differences(
      source.map((s) => s.dataset.text ?? s.textContent).join(" "),
      target,
    );
    for (const sentence of source) markNumbers(sentence, found.missing);
    const note = li.querySelector(".mismatch");
    const lines = [];
    if (found.missing.length) lines.push(`${note.dataset.missing} ${found.missing.join(", ")}`);
    if (found.extra.length) lines.push(`${note.dataset.extra} ${found.extra.join(", ")}`);
    if (found.quotesMissing) lines.push(note.dataset.quotes);
    note.textContent = lines.join(" · ");
    note.hidden = lines.length === 0;
  }

  // One request per unit at a time: a second save based on the same version would only conflict.
  async function act(li, action, extra = {}) {
    while (li.dataset.busy === "1") {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    li.dataset.busy = "1";
    try {
      return await send(li, action, extra);
    } finally {
      delete li.dataset.busy;
    }
  }

  async function send(li, action, extra) {
    const area = textarea(li);
    const status = li.querySelector(".status");
    const base_version = Number(li.dataset.version);
    const result =
      action === "save"
        ? await call("PUT", unitPath(li), { text: area.value, base_version })
        : await call("POST", `${unitPath(li)}/${action}`, { base_version, ...extra });
    if (result.ok) {
      show(li, result.answer);
      // The live region says what happened: saved, submitted, approved or returned.
      status.textContent = status.dataset[action] ?? status.dataset.save;
      refreshFindings(li);
      if (!dirty(li)) li.querySelector(".conflict").hidden = true;
      if (selected === li) loadPanel(li);
      return true;
    }
    const current = result.answer?.error?.details?.current;
    if (result.status === 409 && current) {
      // Both texts stay on screen; nothing the translator typed is thrown away.
      const conflict = li.querySelector(".conflict");
      conflict.querySelector(".theirs").textContent = current.text;
      conflict.querySelector(".mine").textContent = area.value;
      conflict.dataset.version = String(current.version);
      conflict.dataset.state = current.state;
      conflict.dataset.text = current.text;
      conflict.hidden = false;
      return false;
    }
    status.textContent = result.message;
    return false;
  }

  // The server's checks of the saved text, in the interface language.
  async function refreshFindings(li) {
    const result = await call("GET", `${unitPath(li)}/checks`);
    if (!result.ok) return;
    li.querySelector(".findings").replaceChildren(
      ...result.answer.map((f) => {
        const item = document.createElement("li");
        item.dataset.severity = f.severity;
        item.dataset.check = f.check;
        // Quoted terms, words and links carry their own language.
        item.append(
          ...f.parts.map((part) => {
            if (part.lang === null) return part.text;
            const value = document.createElement("span");
            value.lang = part.lang;
            value.textContent = part.text;
            return value;
          }),
        );
        return item;
      }),
    );
  }

  const saveIfDirty = async (li) => !dirty(li) || act(li, "save");

  /// Puts `text` in place of the area's text as an edit of the person's own: through the
  /// browser's editing commands, so Ctrl+Z brings the earlier text back.
  function replaceText(area, text) {
    area.focus();
    area.select();
    if (!document.execCommand("insertText", false, text)) {
      area.setRangeText(text, 0, area.value.length, "end");
      area.dispatchEvent(new Event("input"));
    }
  }

  const sourceText = (li) =>
    [...li.querySelectorAll(".source .sentence")].map((s) => s.dataset.text ?? s.textContent).join(" ");

  async function run(li, action) {
    const area = textarea(li);
    const conflict = li.querySelector(".conflict");
    const rejectForm = li.querySelector(".reject-form");
    switch (action) {
      case "save":
        return area.readOnly ? undefined : act(li, "save");
      case "reopen":
        li.dataset.reopened = "1";
        lockIfApproved(li);
        return area.focus();
      case "submit":
        if (await saveIfDirty(li)) await act(li, "submit");
        return;
      case "approve":
        // A reviewer's correction is approved together with the approval.
        return act(li, "approve", dirty(li) ? { text: area.value } : {});
      case "reject":
        if (rejectForm) {
          rejectForm.hidden = false;
          rejectForm.querySelector(".reason").focus();
        }
        return;
      case "send-back": {
        const comment = rejectForm.querySelector(".reason").value.trim();
        if (!comment) return rejectForm.querySelector(".reason").focus();
        if (await act(li, "reject", { comment })) {
          rejectForm.hidden = true;
          rejectForm.querySelector(".reason").value = "";
        }
        return;
      }
      case "cancel-reject":
        rejectForm.hidden = true;
        return area.focus();
      case "copy-source": {
        if (area.readOnly) return;
        const source = sourceText(li);
        if (area.value.trim() === "" || area.value === source) return replaceText(area, source);
        // A translation already typed is replaced only when the translator says so.
        const ask = document.getElementById("confirm-copy");
        ask.addEventListener(
          "close",
          () => (ask.returnValue === "replace" ? replaceText(area, source) : area.focus()),
          { once: true },
        );
        ask.returnValue = "";
        return ask.showModal();
      }
      case "keep-mine":
        li.dataset.version = conflict.dataset.version;
        return act(li, "save");
      case "take-theirs":
        replaceText(area, conflict.dataset.text);
        show(li, {
          version: Number(conflict.dataset.version),
          state: conflict.dataset.state,
          text: conflict.dataset.text,
        });
        conflict.hidden = true;
        return;
      case "merge":
        // Edit by hand with their text in view; the next save is based on their version.
        li.dataset.version = conflict.dataset.version;
        conflict.querySelector(".mine").textContent = "";
        return area.focus();
    }
  }

  // Drafts are also kept in the browser until the server has them, so a lost connection or a
  // closed tab never loses typing.
  function restoreDraft(li) {
    const area = textarea(li);
    const stored = JSON.parse(localStorage.getItem(draftKey(li)) ?? "null");
    if (!stored || stored.text === area.dataset.saved) return;
    if (String(stored.base) === li.dataset.version) {
      area.value = stored.text;
      scheduleSave(li);
    } else {
      area.value = stored.text;
      const conflict = li.querySelector(".conflict");
      conflict.querySelector(".theirs").textContent = area.dataset.saved;
      conflict.querySelector(".mine").textContent = stored.text;
      conflict.dataset.version = li.dataset.version;
      conflict.dataset.state = li.querySelector(".state").dataset.state;
      conflict.dataset.text = area.dataset.saved;
      conflict.hidden = false;
    }
  }

  const timers = new Map();
  function scheduleSave(li) {
    clearTimeout(timers.get(li));
    timers.set(
      li,
      setTimeout(
        () => dirty(li) && li.querySelector(".conflict").hidden && act(li, "save"),
        // A page may ask for a longer pause (tests use it to type in two browsers at once).
        Number(editor.dataset.autosaveMs ?? 1200),
      ),
    );
  }

  for (const li of units) {
    const area = textarea(li);
    area.dataset.saved = area.defaultValue;
    for (const sentence of li.querySelectorAll(".source .sentence")) {
      sentence.dataset.text = sentence.textContent;
    }
    restoreDraft(li);
    // Typing kept in the browser for an approved unit reopens it: nothing typed is hidden away.
    if (area.value !== area.dataset.saved) li.dataset.reopened = "1";
    lockIfApproved(li);
    check(li);
    grow(area);
    area.addEventListener("input", () => {
      grow(area);
      if (!area.readOnly) {
        localStorage.setItem(
          draftKey(li),
          JSON.stringify({ text: area.value, base: li.dataset.version }),
        );
      }
      check(li);
      scheduleSave(li);
    });
    li.addEventListener("keydown", (event) => {
      const ctrl = event.ctrlKey || event.metaKey;
      let action = null;
      if (ctrl && event.key.toLowerCase() === "s") action = "save";
      else if (ctrl && event.shiftKey && event.key === "Enter") action = "approve";
      else if (ctrl && event.key === "Enter") action = "submit";
      else if (ctrl && event.shiftKey && event.key === "Backspace") action = "reject";
      else if (ctrl && event.key === "Insert") action = "copy-source";
      else if (event.altKey && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
        event.preventDefault();
        const next = event.key === "ArrowDown" ? li.nextElementSibling : li.previousElementSibling;
        textarea(next ?? li)?.focus();
        return;
      }
      if (!action) return;
      event.preventDefault();
      if (li.querySelector(`[data-action="${action}"]:not([hidden])`) || action === "save") run(li, action);
    });
    li.addEventListener("click", (event) => {
      const action = event.target.closest("button")?.dataset.action;
      if (action) run(li, action);
    });
    li.addEventListener("focusin", () => select(li));
  }

  window.addEventListener("beforeunload", (event) => {
    if (units.some(dirty)) event.preventDefault();
  });

  // --- History and comments of the selected unit.
  const history = panel.querySelector(".history");
  const comments = panel.querySelector(".comments");
  const when = (iso) => {
    const date = new Date(iso);
    const ui = document.documentElement.lang;
    // Browsers without Armenian date names would fall back to the American order; the
    // day-month-year digits read right in Armenian and Russian alike.
    if (ui === "en") return date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
    const two = (n) => String(n).padStart(2, "0");
    return `${two(date.getDate())}.${two(date.getMonth() + 1)}.${date.getFullYear()}, ${two(date.getHours())}:${two(date.getMinutes())}`;
  };

  function select(li) {
    if (selected === li) return;
    selected?.classList.remove("selected");
    selected = li;
    li.classList.add("selected");
    loadPanel(li);
    presence(li);
  }

  const suggestions = panel.querySelector(".suggestions");
  const terms = panel.querySelector(".terms");

  function showSuggestions(li, found) {
    suggestions.replaceChildren(
      ...found.map((s) => {
        const item = document.createElement("li");
        const score = document.createElement("span");
        score.className = "score";
        score.dataset.score = String(s.score);
        score.textContent = `${s.score}%`;
        const target = document.createElement("p");
        target.className = "suggested";
        target.lang = lang;
        target.textContent = s.target;
        const diff = document.createElement("p");
        diff.className = "diff";
        diff.lang = suggestions.dataset.sourceLang;
        renderDiff(diff, s.source_diff);
        const meta = document.createElement("span");
        meta.className = "meta";
        // The statement's title is in the source language, a person's name in none.
        meta.append(
          ...joined([
            s.origin.statement_title ? piece(s.origin.statement_title, suggestions.dataset.sourceLang) : piece(s.origin.origin, ""),
            s.origin.approved_by ? piece(s.origin.approved_by, "") : null,
            when(s.origin.created_at),
          ]),
        );
        item.append(score, target, diff, meta);
        if (!textarea(li).readOnly) {
          const use = document.createElement("button");
          use.type = "button";
          use.className = "secondary";
          use.textContent = suggestions.dataset.use;
          use.addEventListener("click", () => replaceText(textarea(li), s.target));
          item.append(use);
        }
        return item;
      }),
    );
  }

  function showTerms(li) {
    const seen = new Set();
    terms.replaceChildren(
      ...[...li.querySelectorAll(".source mark.term")]
        .filter((mark) => {
          const key = `${mark.textContent.toLowerCase()}→${mark.dataset.translation}`;
          return !seen.has(key) && seen.add(key);
        })
        .map((mark) => {
          const item = document.createElement("li");
          const term = document.createElement("span");
          term.lang = suggestions.dataset.sourceLang;
          term.textContent = mark.textContent;
          const translation = document.createElement("strong");
          translation.lang = lang;
          translation.textContent = mark.dataset.translation;
          const status = terms.getAttribute(`data-status-${mark.dataset.status}`) ?? "";
          item.append(term, " → ", translation, status ? ` (${status})` : "");
          if (mark.dataset.note) item.title = mark.dataset.note;
          return item;
        }),
    );
  }

  /// A stretch of text marked with its language ("" for names, which have none).
  function piece(text, language) {
    const span = document.createElement("span");
    span.lang = language;
    span.textContent = text;
    return span;
  }

  /// The non-empty items, with " · " between them.
  const joined = (items) => items.filter(Boolean).flatMap((item, i) => (i === 0 ? [item] : [" · ", item]));

  /// Fills a message of the page with values: `{name}` becomes the value, in its own language.
  function filled(message, values) {
    return message.split(/\{(\w+)\}/).map((part, i) => (i % 2 === 0 ? part : values[part] ?? ""));
  }

  /// What a revision records besides its text, in the interface language.
  function revisionNote(r) {
    const words = [];
    if (r.origin?.kind === "memory") words.push(filled(panel.dataset.noteMemory, { score: String(r.origin.score ?? "") }));
    if (r.via === "import") words.push(filled(panel.dataset.noteImport, { file: piece(r.file ?? "", "") }));
    if (r.via === "alignment") words.push([panel.dataset.noteAlignment]);
    if (r.source_revision) words.push(filled(panel.dataset.noteSourceRevision, { number: String(r.source_revision) }));
    if (words.length === 0) return null;
    const note = document.createElement("p");
    note.className = "note";
    note.append(...words.flatMap((w, i) => (i === 0 ? w : [" · ", ...w])));
    return note;
  }

  async function loadPanel(li) {
    const [unit, revisions, found] = await Promise.all([
      call("GET", unitPath(li)),
      call("GET", `${unitPath(li)}/history`),
      call("GET", `${unitPath(li)}/suggestions`),
    ]);
    if (selected !== li || !unit.ok || !revisions.ok) return;
    showSuggestions(li, found.ok ? found.answer : []);
    showTerms(li);
    panel.querySelector(".panel-empty").hidden = true;
    panel.querySelector(".panel-body").hidden = false;
    history.replaceChildren(
      ...revisions.answer
        .slice()
        .reverse()
        .map((r) => {
          const item = document.createElement("li");
          const meta = document.createElement("span");
          meta.className = "meta";
          const label = panel.getAttribute(`data-action-${r.action}`) ?? r.action;
          meta.append(...joined([String(r.version), label, r.author ? piece(r.author, "") : null, when(r.created_at)]));
          const text = document.createElement("p");
          text.lang = lang;
          text.textContent = r.text;
          item.append(meta, text);
          const note = revisionNote(r);
          if (note) item.append(note);
          if (r.comment) {
            // People write comments in whatever language they choose.
            const comment = document.createElement("p");
            comment.className = "comment";
            comment.lang = "";
            comment.textContent = r.comment;
            item.append(comment);
          }
          return item;
        }),
    );
    const emptyNote = (list) => {
      if (list.children.length > 0) return;
      const item = document.createElement("li");
      item.className = "hint";
      item.textContent = list.dataset.empty;
      list.append(item);
    };
    comments.replaceChildren(
      ...unit.answer.comments.map((c) => {
        const item = document.createElement("li");
        const meta = document.createElement("span");
        meta.className = "meta";
        meta.append(piece(c.author, ""), ` · ${when(c.created_at)}`);
        const body = document.createElement("p");
        body.lang = "";
        body.textContent = c.body;
        item.append(meta, body);
        return item;
      }),
    );
    emptyNote(history);
    emptyNote(comments);
    emptyNote(suggestions);
    emptyNote(terms);
  }

  panel.querySelector(".comment-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = document.getElementById("comment-body");
    if (!selected || !body.value.trim()) return;
    const result = await call("POST", `${unitPath(selected)}/comments`, { body: body.value });
    if (result.ok) {
      body.value = "";
      loadPanel(selected);
    }
  });

  // --- Pivot: another language's current text beside each unit.
  async function loadPivot() {
    const pivot = pivotSelect?.value ?? "";
    localStorage.setItem(`tandem:pivot:${statement}:${lang}`, pivot);
    if (!pivot) {
      for (const li of units) li.querySelector(".pivot").hidden = true;
      return;
    }
    const result = await call("GET", `${base}/translations/${pivot}`);
    if (!result.ok) return;
    for (const unit of result.answer) showPivot(unit);
  }

  function showPivot(unit) {
    const li = bySegment.get(String(unit.segment_id));
    if (!li || unit.lang !== pivotSelect?.value) return;
    const box = li.querySelector(".pivot");
    box.lang = unit.lang;
    box.textContent = unit.text;
    box.hidden = unit.text === "";
  }

  if (pivotSelect) {
    pivotSelect.value = localStorage.getItem(`tandem:pivot:${statement}:${lang}`) ?? "";
    pivotSelect.addEventListener("change", loadPivot);
    loadPivot();
  }

  // --- Presence: tell the others which unit has the cursor, renewed while it stays there.
  let renewal = null;
  let leaving = null;
  function presence(li) {
    clearTimeout(leaving);
    clearInterval(renewal);
    const tell = () => call("POST", `${base}/presence`, { lang, segment_id: Number(li.dataset.segment) });
    tell();
    renewal = setInterval(tell, 20000);
  }
  editor.addEventListener("focusout", () => {
    leaving = setTimeout(() => {
      if (editor.contains(document.activeElement)) return;
      clearInterval(renewal);
      selected?.classList.remove("selected");
      selected = null;
      call("POST", `${base}/presence`, { lang, segment_id: null });
    }, 400);
  });

  // A page that goes away (or into the back/forward cache) stops saying it is editing, and
  // says so again when it comes back.
  window.addEventListener("pagehide", () => {
    clearInterval(renewal);
    if (selected) {
      call("POST", `${base}/presence`, { lang, segment_id: null }, { keepalive: true });
    }
  });
  window.addEventListener("pageshow", (event) => {
    if (event.persisted && selected) presence(selected);
  });

  const editing = new Map();
  function showPresence(event) {
    if (String(event.user_id) === editor.dataset.me) return;
    const before = editing.get(event.user_id);
    if (before) {
      const mark = bySegment.get(String(before))?.querySelector(".presence");
      if (mark) mark.hidden = true;
    }
    editing.delete(event.user_id);
    if (event.segment_id === null || event.lang !== lang) return;
    const li = bySegment.get(String(event.segment_id));
    if (!li) return;
    editing.set(event.user_id, event.segment_id);
    const mark = li.querySelector(".presence");
    mark.textContent = `✎ ${event.name} · ${live.dataset.editing}`;
    mark.hidden = false;
  }

  // --- Live updates: others' saves arrive within a second; typing is never overwritten.
  function applyUnit(unit, by) {
    if (unit.lang !== lang) return showPivot(unit);
    const li = bySegment.get(String(unit.segment_id));
    if (!li || unit.version <= Number(li.dataset.version)) return;
    if (dirty(li) || li.dataset.busy === "1") {
      // The next save will meet a conflict and show both texts; say so now.
      li.querySelector(".status").textContent = `${live.dataset.changed} ${by ?? ""}`.trim();
      return;
    }
    show(li, unit, { text: true });
    refreshFindings(li);
    li.classList.remove("flash");
    void li.offsetWidth;
    li.classList.add("flash");
    if (selected === li) loadPanel(li);
  }

  async function refreshAll() {
    const result = await call("GET", `${base}/translations/${lang}`);
    if (result.ok) for (const unit of result.answer) applyUnit(unit, null);
    loadPivot();
  }

  connect(
    `${base}/events`,
    {
      unit: (data) => applyUnit(data.unit, data.by),
      comment: (data) => {
        if (selected && data.lang === lang && String(data.segment_id) === selected.dataset.segment) {
          loadPanel(selected);
        }
      },
      presence: showPresence,
      reload: refreshAll,
    },
    {
      status: (up) => {
        live.textContent = up ? "" : live.dataset.offline;
      },
      // Whatever happened while the stream was down, or the page was away, is fetched again.
      catchUp: refreshAll,
    },
  );
}
