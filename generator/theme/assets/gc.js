// --- Colour scheme toggle (partials/palette.html, partials/javascripts/palette.html) -------------
// One button, "Donkere weergave", pressed while the dark scheme is shown. The page follows the
// system setting, also when it changes, until the visitor presses the button; only that choice is
// stored. The scheme itself was already applied before the page was painted.
(() => {
  const palette = window.__gc_palette;
  const button = document.querySelector(".gc-scheme-toggle");
  if (!palette || !button) {
    return;
  }
  const KEY = "gc-scheme";
  const system = window.matchMedia("(prefers-color-scheme: dark)");
  const chosen = () => {
    try {
      const value = localStorage.getItem(KEY);
      return value === "dark" || value === "light" ? value : null;
    } catch {
      return null;
    }
  };
  const meta = (name) => {
    let element = document.querySelector(`meta[name="${name}"]`);
    if (!element) {
      element = document.createElement("meta");
      element.name = name;
      document.head.append(element);
    }
    return element;
  };
  const show = (dark) => {
    // Material's stylesheet switches transitions off while this attribute is set.
    document.body.setAttribute("data-md-color-switching", "");
    for (const [key, value] of Object.entries(palette[dark ? "dark" : "light"])) {
      document.body.setAttribute(`data-md-color-${key}`, value);
    }
    button.setAttribute("aria-pressed", String(dark));
    // What Material's own palette script did: the browser's bar and form controls follow the scheme.
    const header = document.querySelector(".md-header");
    if (header) {
      const style = getComputedStyle(header);
      meta("theme-color").content = style.backgroundColor;
      meta("color-scheme").content = style.colorScheme;
    }
    requestAnimationFrame(() =>
      requestAnimationFrame(() => document.body.removeAttribute("data-md-color-switching")),
    );
  };
  const current = () => (chosen() ?? (system.matches ? "dark" : "light")) === "dark";
  show(current());
  button.addEventListener("click", () => {
    const dark = button.getAttribute("aria-pressed") !== "true";
    try {
      localStorage.setItem(KEY, dark ? "dark" : "light");
    } catch {
      // Storage may be blocked; the choice then holds for this page only.
    }
    show(dark);
  });
  system.addEventListener("change", () => {
    if (chosen() === null) {
      show(system.matches);
    }
  });
  // A choice made in another tab of this site.
  window.addEventListener("storage", (event) => {
    if (event.key === KEY || event.key === null) {
      show(current());
    }
  });
})();

// --- Menu below 1220 px (partials/header.html, gc.css "Menu" and "Drawer") -----------------------
// The menu button opens and closes Material's drawer (its checkbox #__drawer) with Enter, Space or
// a click, and says so with aria-expanded. The drawer opens below the header, so the button stays
// in view and in reach. The drawer's links come later in the page than the rest of the header, so
// while it is open Tab goes from the button into the drawer and Shift+Tab from its first link back
// to the button. Escape closes it and returns focus to the button. When focus goes anywhere else
// (Tab past the last link), the drawer closes, as it would otherwise cover what has focus: no trap.
(() => {
  const button = document.querySelector(".gc-menu-button");
  const toggle = document.getElementById("__drawer");
  const drawer = document.querySelector(".md-sidebar--primary");
  if (!button || !toggle || !drawer) {
    if (button) {
      button.hidden = true;
    }
    return;
  }
  const narrow = window.matchMedia("(max-width: 76.234375em)");
  drawer.id ||= "gc-menu";
  button.setAttribute("aria-controls", drawer.id);
  const sync = () => button.setAttribute("aria-expanded", String(toggle.checked));
  toggle.addEventListener("change", sync); // the overlay and Material change it too
  sync();
  const open = () => toggle.checked && narrow.matches;
  const close = () => {
    if (toggle.checked) {
      toggle.click();
    }
  };
  const stops = () =>
    [...drawer.querySelectorAll("a[href], button, input:not([type=checkbox]), select, textarea, [tabindex]")].filter(
      (element) =>
        element.tabIndex >= 0 &&
        !element.disabled &&
        element.getClientRects().length > 0 &&
        getComputedStyle(element).visibility === "visible",
    );
  button.addEventListener("click", () => toggle.click());
  button.addEventListener("keydown", (event) => {
    const first = stops()[0];
    if (event.key === "Tab" && !event.shiftKey && open() && first) {
      event.preventDefault();
      first.focus();
    }
  });
  drawer.addEventListener("keydown", (event) => {
    if (event.key === "Tab" && event.shiftKey && open() && event.target === stops()[0]) {
      event.preventDefault();
      button.focus();
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && open()) {
      close();
      button.focus();
    }
  });
  document.addEventListener("focusin", (event) => {
    if (open() && event.target !== button && !drawer.contains(event.target)) {
      close();
    }
  });
})();
