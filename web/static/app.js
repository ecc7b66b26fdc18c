// The translators' desk in the browser: sign in and out through the JSON API (no inline scripts: CSP).

const csrf = () => document.querySelector('meta[name="csrf-token"]')?.content ?? "";

async function signIn(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const error = document.getElementById("sign-in-error");
  error.hidden = true;
  const response = await fetch("/api/v1/session", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: form.username.value, password: form.password.value }),
  });
  if (response.ok) {
    window.location.assign("/app");
    return;
  }
  const body = await response.json().catch(() => null);
  // The server already wrote the message in the UI language; show it as text, never as HTML.
  error.textContent = body?.error?.message ?? response.statusText;
  error.hidden = false;
}

async function signOut() {
  await fetch("/api/v1/session", { method: "DELETE", headers: { "x-csrf-token": csrf() } });
  window.location.assign("/app/sign-in");
}

document.getElementById("sign-in")?.addEventListener("submit", signIn);
document.getElementById("sign-out")?.addEventListener("click", signOut);
