// --- No single-key shortcuts (WCAG 2.1.4) --------------------------------------------------------
// Material's and Zensical's scripts act on single keys anywhere on the page: "n" and "." open the
// next page, "p" and "," the previous one, "s", "f" and "/" pull the focus into their search. A word
// that speech input types as keys, or a key hit by a shaking hand, then takes the visitor elsewhere
// and loses the filters they set. Both themes listen on the window; this listener runs before them
// (capture, on the window) and keeps every single printable key away from them unless it is typed
// into a field. Keys with Ctrl, Alt or Meta, and Space, Enter, Tab, Escape and the arrows, pass.
(() => {
  const typing = (target) =>
    target instanceof HTMLElement &&
    (target.isContentEditable || target.closest("input, textarea, select, [contenteditable]") !== null);
  window.addEventListener(
    "keydown",
    (event) => {
      const printable = [...event.key].length === 1 && event.key !== " ";
      if (printable && !event.ctrlKey && !event.metaKey && !event.altKey && !typing(event.target)) {
        event.stopPropagation();
      }
    },
    true,
  );
})();

// --- Colour scheme toggle (partials/palette.html, partials/javascripts/palette.html) -------------
// One button, "Donkere weergave", pressed while the dark scheme is shown. The page follows the
// system setting, also when it changes, until the visitor presses the button; only that choice is
// stored. The scheme itself was already applied before the page was painted.
(() => {
  const palette = window.__site_palette;
  const button = document.querySelector(".site-scheme-toggle");
  if (!palette || !button) {
    return;
  }
  const KEY = "site-scheme";
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

// --- Menu below 1220 px (partials/header.html, site.css "Menu" and "Drawer") -----------------------
// The menu button opens and closes Material's drawer (its checkbox #__drawer) with Enter, Space or
// a click, and says so with aria-expanded. The drawer opens below the header, so the button stays
// in view and in reach. The drawer's links come later in the page than the rest of the header, so
// while it is open Tab goes from the button into the drawer and Shift+Tab from its first link back
// to the button. Escape closes it and returns focus to the button. When focus goes anywhere else
// (Tab past the last link), the drawer closes, as it would otherwise cover what has focus: no trap.
(() => {
  const button = document.querySelector(".site-menu-button");
  const toggle = document.getElementById("__drawer");
  const drawer = document.querySelector(".md-sidebar--primary");
  if (!button || !toggle || !drawer) {
    if (button) {
      button.hidden = true;
    }
    return;
  }
  const narrow = window.matchMedia("(max-width: 76.234375em)");
  drawer.id ||= "site-menu";
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

// --- Search (partials/search.html, site.css "Search") ---------------------------------------------
// While Material's search is open: Tab and Shift+Tab go round the field and the results, the same
// stops as Material's arrow keys (Material's own Tab closes the search, so a keyboard user never
// reached a result with it); with no results Tab still closes the search and moves on. Escape
// closes it and puts the focus back where it was before the search got it (Material left it nowhere).
// Someone who only passes the field with Tab (it opens on focus, with the last term's results) is
// not caught in the results: until they type, Tab moves on as before.
// The dialog is modal (aria-modal) only while it is open. Once typing pauses, a live region says
// the number of results that Material shows.
(() => {
  const toggle = document.getElementById("__search");
  const dialog = document.querySelector(".md-search");
  const field = dialog?.querySelector("input.md-search__input");
  const results = dialog?.querySelector(".md-search-result");
  if (!toggle || !dialog || !field || !results) {
    return;
  }
  let before = null; // what had the focus before the search got it
  // A Tab key is down: the focus that moves now moves by Tab. It ends with the next key or pointer
  // event, not with a timer: a busy browser can run the next key (Escape, "/") before a timer, and
  // the search opened with "/" then counted as passed by Tab, so that Tab left it.
  let tabbing = false;
  let passing = false; // the field got the focus by Tab, and nothing was typed since
  dialog.addEventListener("focusin", (event) => {
    const from = event.relatedTarget;
    if (!(from instanceof Node && dialog.contains(from))) {
      before = from instanceof HTMLElement && from !== document.body ? from : null;
      passing = tabbing && event.target === field;
    }
  });
  field.addEventListener("input", () => {
    passing = false;
  });
  // Material opens the search when its (debounced) focus watch sees the field gain the focus; when
  // the focus leaves and comes back within that debounce (Escape, then a fast Tab) it sees no change
  // and the field has the focus in a closed search. Opening it here does not depend on timing.
  field.addEventListener("focus", () => {
    if (!toggle.checked) {
      toggle.click();
    }
  });

  const modal = () => {
    if (toggle.checked) {
      dialog.setAttribute("aria-modal", "true");
    } else {
      dialog.removeAttribute("aria-modal");
    }
  };
  toggle.addEventListener("change", () => {
    modal();
    passing &&= toggle.checked;
  });
  modal();

  const stops = () => [
    field,
    ...results.querySelectorAll(":not(details) > [href], summary, details[open] [href]"),
  ];
  const nextStop = (backwards) => {
    const all = stops();
    const active = document.activeElement;
    const at = all.indexOf(active);
    if (at !== -1) {
      return all[(at + (backwards ? -1 : 1) + all.length) % all.length];
    }
    // Focus elsewhere in the dialog (the scroll area, the clear button): the stop next to it.
    const side = backwards ? Node.DOCUMENT_POSITION_PRECEDING : Node.DOCUMENT_POSITION_FOLLOWING;
    const near = all.filter((stop) => active && active.compareDocumentPosition(stop) & side);
    return (backwards ? near.at(-1) : near[0]) ?? (backwards ? all.at(-1) : all[0]);
  };

  // In the capture phase on the document, before Material's handler on the window, which closes the
  // search on Tab and blurs the field on Escape.
  const MODIFIERS = new Set(["Shift", "Control", "Alt", "AltGraph", "Meta", "CapsLock", "Fn", "OS"]);
  document.addEventListener(
    "keydown",
    (event) => {
      tabbing = event.key === "Tab";
      if (!toggle.checked || event.isComposing) {
        return;
      }
      if (MODIFIERS.has(event.key)) {
        // Material moves the focus to the field on any other key, also on Shift of Shift+Tab.
        event.stopPropagation();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) {
        return;
      }
      if (event.key === "Tab") {
        if (stops().length === 1 || (passing && document.activeElement === field)) {
          return; // nothing to go to, or just passing: Material closes the search and Tab moves on
        }
        event.preventDefault();
        event.stopPropagation();
        nextStop(event.shiftKey).focus();
      } else if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        toggle.click();
        if (before?.isConnected) {
          before.focus();
        } else {
          field.blur();
        }
      }
    },
    true,
  );

  for (const type of ["keyup", "pointerdown"]) {
    document.addEventListener(
      type,
      () => {
        tabbing = false;
      },
      true,
    );
  }

  // The number of results, for screen readers: once typing has paused, and again for a new term.
  const meta = results.querySelector(".md-search-result__meta");
  const status = document.getElementById("site-search-status");
  if (!meta || !status) {
    return;
  }
  let said = "";
  let timer = 0;
  const say = () => {
    const query = field.value.trim();
    const text = toggle.checked && query ? meta.textContent.trim() : "";
    if (`${query}\n${text}` !== said) {
      said = `${query}\n${text}`;
      status.textContent = text;
    }
  };
  new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(say, 500);
  }).observe(meta, { childList: true, characterData: true, subtree: true });
  toggle.addEventListener("change", () => {
    if (!toggle.checked) {
      clearTimeout(timer);
      said = "";
      status.textContent = "";
    }
  });
})();

// --- Filters on the agenda and the archive (templates/_filters.html, site.css "Filters") -----------
// The form is hidden in the HTML: without this script it could not work, and links to the parts of
// the agenda (each with a page and a feed of its own) stand in its place. Here the form shows and the
// links go. The keys are the names of the form's controls (catalogue/filters.py declares them, and
// what each event has for them, which every event carries as data-* attributes). Every change filters
// the list at once by those attributes, hides a month or year left without events, writes the choice
// into the address (?soort=webinar&waar=online) as a new history entry, and says the number of events
// in a polite live region. Loading the page, reloading it and Back and Forward restore the choice from
// the address. Material's instant navigation is off (mkdocs.yml), so every page runs this script anew.
(() => {
  const form = document.querySelector("form[data-site-filter]");
  const page = form?.closest(".site-page");
  const count = form?.querySelector("[role=status]");
  if (!form || !page || !count) {
    return;
  }
  const KEYS = [...new Set([...form.elements].map((control) => control.name).filter(Boolean))];
  const items = [...page.querySelectorAll("li.site-event")];
  const groups = [...page.querySelectorAll(".site-group")];
  const empty = page.querySelector("[data-site-filter-empty]");

  // What the form shows, by key; "" is everything.
  const chosen = () => {
    const data = new FormData(form);
    return Object.fromEntries(KEYS.map((key) => [key, String(data.get(key) ?? "")]));
  };
  // Put a choice in the form; a value the form does not offer (an old or mistyped address) is left out.
  const show = (choice) => {
    for (const key of KEYS) {
      const value = choice[key] ?? "";
      const controls = [...form.querySelectorAll(`[name="${key}"]`)];
      for (const control of controls) {
        if (control instanceof HTMLSelectElement) {
          control.value = [...control.options].some((option) => option.value === value) ? value : "";
        } else if (control instanceof HTMLInputElement) {
          control.checked = control.value === value; // a radio button, or a box with "ja"
        }
      }
      // A group of radio buttons keeps one on: the first, "everything", if the value is not offered.
      if (controls.every((control) => control instanceof HTMLInputElement && control.type === "radio" && !control.checked)) {
        controls[0].checked = true;
      }
    }
  };
  const fromAddress = () => {
    const query = new URLSearchParams(window.location.search);
    return Object.fromEntries(KEYS.map((key) => [key, query.get(key) ?? ""]));
  };
  const address = (choice) => {
    const query = new URLSearchParams();
    for (const key of KEYS) {
      if (choice[key]) {
        query.set(key, choice[key]);
      }
    }
    const text = query.toString();
    return `${window.location.pathname}${text ? `?${text}` : ""}${window.location.hash}`;
  };
  const filter = (choice) => {
    let shown = 0;
    for (const item of items) {
      const fits = KEYS.every(
        (key) => !choice[key] || (item.getAttribute(`data-${key}`) ?? "").split(" ").includes(choice[key]),
      );
      item.hidden = !fits;
      shown += fits ? 1 : 0;
    }
    for (const group of groups) {
      group.hidden = !group.querySelector("li.site-event:not([hidden])");
    }
    if (empty) {
      empty.hidden = shown > 0;
    }
    count.textContent = shown === 0 ? "Geen evenementen" : shown === 1 ? "1 evenement" : `${shown} evenementen`;
  };
  const current = () => `${window.location.pathname}${window.location.search}${window.location.hash}`;
  const changed = () => {
    const choice = chosen();
    filter(choice);
    if (address(choice) !== current()) {
      history.pushState(null, "", address(choice));
    }
  };

  form.hidden = false;
  for (const links of page.querySelectorAll("[data-site-filter-links]")) {
    links.hidden = true;
  }
  form.addEventListener("change", changed);
  // "Alles tonen" resets the form; the controls have their first values only after the event.
  form.addEventListener("reset", () => setTimeout(changed));
  form.addEventListener("submit", (event) => event.preventDefault());
  window.addEventListener("popstate", () => {
    show(fromAddress());
    filter(chosen());
  });
  show(fromAddress());
  filter(chosen());
  // An address with a value the form does not offer is written as what the list shows.
  if (address(chosen()) !== current()) {
    history.replaceState(null, "", address(chosen()));
  }
})();
