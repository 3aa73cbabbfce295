// Small progressive enhancements; every page works without this file.
"use strict";

document.addEventListener("keydown", (event) => {
  // "/" jumps to the search box, as on many reading sites.
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  if (target instanceof HTMLElement && target.closest("input, textarea, select")) return;
  const box = document.getElementById("q");
  if (box) {
    event.preventDefault();
    box.focus();
  }
});

// Escape hides a claim's tooltip until the pointer or focus moves on.
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  const active = document.activeElement;
  if (active instanceof HTMLElement && active.classList.contains("claim")) {
    active.classList.add("tip-hidden");
    active.addEventListener("blur", () => active.classList.remove("tip-hidden"), { once: true });
  }
});

// Autocomplete for speaker and metric boxes: the ledger's names matching what is typed, as
// the options of the box's <datalist>. Without this file the boxes still take any part of a
// name (the filters match in any case, and partly).
const SUGGEST_DELAY_MS = 150; // one request per pause in typing, not one per key
for (const box of document.querySelectorAll("input[data-suggest]")) {
  const list = box.list;
  if (!list) continue;
  let timer = 0;
  let asked = "";
  const fill = async () => {
    const typed = box.value.trim();
    if (typed === asked) return;
    asked = typed;
    const url = `/api/claims/suggest?field=${encodeURIComponent(box.dataset.suggest)}&q=${encodeURIComponent(typed)}&limit=12`;
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      if (!response.ok || asked !== typed) return;
      const body = await response.json();
      list.replaceChildren(
        ...body.items.map((item) => {
          const option = document.createElement("option");
          option.value = item.value;
          option.label = `${item.value} (${item.claims})`;
          return option;
        }),
      );
    } catch {
      // offline or the server went away: the box still works as a plain text field
    }
  };
  box.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(fill, SUGGEST_DELAY_MS);
  });
  box.addEventListener("focus", fill, { once: true });
}

// The verdict form of a conflict's page (shown when the server takes writes): PUT or DELETE
// /api/conflicts/{id}/review with the analyst's write token, then show the page again. The
// token is kept for this tab only (sessionStorage), so it is typed once per sitting.
for (const form of document.querySelectorAll("form.review[data-conflict]")) {
  const url = `/api/conflicts/${form.dataset.conflict}/review`;
  const token = form.elements.namedItem("token");
  const status = form.querySelector(".status");
  token.value = sessionStorage.getItem("communique-write-token") || "";
  form.hidden = false;
  const send = async (method, body) => {
    sessionStorage.setItem("communique-write-token", token.value);
    status.textContent = "Saving…";
    try {
      const response = await fetch(url, {
        method,
        headers: { Authorization: `Bearer ${token.value}`, "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (response.ok) {
        location.reload();
        return;
      }
      const answer = await response.json().catch(() => ({}));
      status.textContent = answer.error ? answer.error.message : `refused (${response.status})`;
    } catch {
      status.textContent = "the server could not be reached";
    }
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const note = form.elements.namedItem("note").value;
    send("PUT", { verdict: form.elements.namedItem("verdict").value, note });
  });
  const withdraw = form.querySelector("button.withdraw");
  if (withdraw) {
    withdraw.addEventListener("click", () => {
      if (token.reportValidity()) send("DELETE");
    });
  }
}
