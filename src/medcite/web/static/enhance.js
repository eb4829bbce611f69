// Progressive enhancement for medcite's pages; every page works without it.
// An answer takes up to a second: a form marked data-busy says it is working and cannot be
// sent twice by an impatient second click. Served from the site itself (CSP script-src 'self');
// no page carries an inline script.
"use strict";
document.documentElement.dataset.enhanced = "true";

document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset.busy) return;
  if (form.getAttribute("aria-busy") === "true") {
    event.preventDefault(); // already on its way
    return;
  }
  form.setAttribute("aria-busy", "true");
  for (const button of form.querySelectorAll("button[type=submit]")) {
    button.dataset.label = button.textContent;
    button.disabled = true;
    button.textContent = form.dataset.busy;
  }
});

// Back to a page kept in the browser's cache: its forms can be sent again.
window.addEventListener("pageshow", () => {
  for (const form of document.querySelectorAll("form[aria-busy=true]")) {
    form.removeAttribute("aria-busy");
    for (const button of form.querySelectorAll("button[data-label]")) {
      button.disabled = false;
      button.textContent = button.dataset.label;
    }
  }
});
