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
