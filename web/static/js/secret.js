// A secret shown once (a token, a webhook's key, a first password): put in its box, focused,
// with a button that copies it.

/// Shows `value` in the section with id `sectionId` (its `.secret-value` field) and moves the
/// focus there, so a keyboard or screen-reader user lands on it.
export function showSecret(sectionId, value) {
  const section = document.getElementById(sectionId);
  if (!section) return;
  const field = section.querySelector(".secret-value");
  field.value = value;
  section.querySelector(".status").textContent = "";
  section.hidden = false;
  field.focus();
  field.select();
}

async function copy(field) {
  try {
    await navigator.clipboard.writeText(field.value);
  } catch {
    // Without the clipboard API (an insecure origin, a denied permission): the old way.
    field.select();
    document.execCommand("copy");
  }
}

for (const button of document.querySelectorAll("section.secret button.copy")) {
  button.addEventListener("click", async () => {
    const section = button.closest("section.secret");
    const status = section.querySelector(".status");
    await copy(section.querySelector(".secret-value"));
    status.textContent = status.dataset.copied;
  });
}
