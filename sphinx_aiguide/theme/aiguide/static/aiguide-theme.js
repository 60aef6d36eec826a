/* aiguide theme: the colour scheme switch and printed answers. Reading the pages,
   opening questions and following links need none of this script (links to questions
   are opened by the extension's aiguide-questions.js, in every theme). */
(() => {
  "use strict";
  const KEY = "aiguide-scheme";
  const SCHEMES = ["auto", "light", "dark"];
  const system = window.matchMedia("(prefers-color-scheme: dark)");
  const root = document.documentElement;

  const current = () => (SCHEMES.includes(root.dataset.theme) ? root.dataset.theme : "auto");
  // The first press always changes what the reader sees: to the scheme the system is not in.
  const next = () => {
    const order = system.matches ? ["auto", "light", "dark"] : ["auto", "dark", "light"];
    return order[(order.indexOf(current()) + 1) % order.length];
  };

  const apply = (scheme) => {
    if (scheme === "auto") delete root.dataset.theme;
    else root.dataset.theme = scheme;
    const code = document.getElementById("pygments_dark_css");
    if (code) {
      code.media = { auto: "(prefers-color-scheme: dark)", light: "not all", dark: "all" }[scheme];
    }
    const button = document.querySelector(".ag-scheme");
    if (button) {
      const label = button.dataset[`label${scheme[0].toUpperCase()}${scheme.slice(1)}`];
      button.dataset.scheme = scheme;
      button.title = label;
      button.querySelector(".ag-scheme-label").textContent = label;
    }
  };

  const choose = (scheme) => {
    try {
      if (scheme === "auto") localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, scheme);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
    apply(scheme);
  };

  const init = () => {
    const button = document.querySelector(".ag-scheme");
    if (button) {
      button.hidden = false;
      button.addEventListener("click", () => {
        choose(next());
      });
    }
    apply(current());
    window.addEventListener("storage", (event) => {
      if (event.key === KEY) apply(SCHEMES.includes(event.newValue) ? event.newValue : "auto");
    });
    // Printed pages show every answer.
    window.addEventListener("beforeprint", () => {
      for (const item of document.querySelectorAll("details:not([open])")) {
        item.dataset.agPrinted = "";
        item.open = true;
      }
    });
    window.addEventListener("afterprint", () => {
      for (const item of document.querySelectorAll("details[data-ag-printed]")) {
        delete item.dataset.agPrinted;
        item.open = false;
      }
    });
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
