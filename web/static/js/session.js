// Signing in and out through the JSON API.

import { call, refuse } from "./api.js";

const form = document.getElementById("sign-in");

form?.addEventListener("submit", async (event) => {
  event.preventDefault();
  const error = document.getElementById("sign-in-error");
  error.hidden = true;
  const result = await call("POST", "/api/v1/session", {
    username: form.username.value,
    password: form.password.value,
  });
  if (result.ok) {
    window.location.assign("/app");
  } else {
    refuse(error, result.message);
  }
});

document.getElementById("sign-out")?.addEventListener("click", async () => {
  await call("DELETE", "/api/v1/session");
  window.location.assign("/app/sign-in");
});
