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

// --- Search (partials/site-search.html and site-search-dialog.html, site.css "Search") -----------
// The site's own search, on Pagefind's index of the site (generator/search/). The button "Zoeken"
// opens a modal dialog with the field; only then is Pagefind's script loaded, from the site's own
// folder, and it loads only the parts of the index that the words typed need. Once typing pauses the
// results show, ten at a time: the title as a link, for an event its date, place and status, and a
// piece of the text with the words found in it. A polite live region says how many there are. Tab
// and Shift+Tab go through the dialog in order, the arrow keys from the field through the results and
// back. Escape (the dialog's own) or "Sluiten" closes it, and the focus goes back to the button.
// No key of its own opens the search: a one-key shortcut gets in the way of speech input (WCAG 2.1.4).
(() => {
  const button = document.querySelector(".site-search-button");
  const dialog = document.getElementById("site-search");
  const form = dialog?.querySelector("[data-site-search-form]");
  const field = dialog?.querySelector("input[type=search]");
  const status = dialog?.querySelector("[role=status]");
  const list = dialog?.querySelector(".site-search__results");
  const more = dialog?.querySelector(".site-search__more");
  const template = document.getElementById("site-search-result");
  if (!button || !dialog || !form || !field || !status || !list || !more || !template) {
    return;
  }
  if (typeof dialog.showModal !== "function") {
    button.hidden = true; // a browser without <dialog>: the pages to browse are in the menu
    return;
  }
  const PAGE = 10;
  // Pagefind's script, and the site's root, from where this page is: the site may live in a sub-path.
  const bundle = new URL(button.dataset.siteSearch, document.baseURI);
  let pagefind = null;
  const load = () => {
    pagefind ??= import(bundle.href).then(async (module) => {
      // Rank by the sum of the weights of the words found (generator/search/ranking.py), not by how
      // often they occur in a page of its length: so an event's title outranks a passing mention, and
      // an event still to come the same title of one that is over, on a short page or a long one.
      await module.options({ baseUrl: new URL("../", bundle).pathname, ranking: { termFrequency: 0 } });
      return module;
    });
    return pagefind;
  };

  const count = (number) => number.toLocaleString("nl-NL");
  const quoted = (term) => `“${term}”`;
  const said = (term, total) => {
    if (total === 0) {
      return `Geen resultaten voor ${quoted(term)}. Probeer een ander woord.`;
    }
    return `${count(total)} ${total === 1 ? "resultaat" : "resultaten"} voor ${quoted(term)}`;
  };

  // Pagefind's excerpt is HTML with <mark> around the words found: only its text and those marks.
  const excerpt = (html) => {
    const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body;
    const out = document.createDocumentFragment();
    for (const node of parsed.firstChild?.childNodes ?? []) {
      if (node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.append(mark);
      } else {
        out.append(node.textContent);
      }
    }
    return out;
  };

  // A time range shows "14.00–16.00 uur"; a screen reader skips the dash, so it hears "van 14.00 tot
  // 16.00 uur" instead (as on the pages: templates/_macros.html).
  const hidden = (words) => {
    const span = document.createElement("span");
    span.className = "site-visually-hidden";
    span.textContent = words;
    return span;
  };
  const spokenRange = (line) =>
    line.split(/(?<=\d)–(?=\d)/).flatMap((part, index, parts) => {
      if (!index) {
        const at = part.lastIndexOf(" ") + 1; // the first time, after the date
        return parts.length > 1 && at > 0 ? [part.slice(0, at), hidden("van "), part.slice(at)] : [part];
      }
      const dash = document.createElement("span");
      dash.setAttribute("aria-hidden", "true");
      dash.textContent = "–";
      return [dash, hidden(" tot "), part];
    });

  let numbered = 0;
  const item = (data) => {
    const node = template.content.firstElementChild.cloneNode(true);
    const link = node.querySelector("a");
    const facts = node.querySelector(".site-search__facts");
    const text = node.querySelector(".site-search__excerpt");
    const id = `site-search-result-${(numbered += 1)}`;
    link.href = data.url;
    link.textContent = data.meta.title || data.url;
    const language = data.filters?.taal?.[0];
    if (language) {
      link.lang = language; // an event in English: its title is read as English
    }
    const described = [];
    const known = [data.meta.datum, data.meta.plaats, data.meta.status].filter(Boolean);
    if (known.length) {
      facts.replaceChildren(...spokenRange(known.join(" · ")));
      facts.id = `${id}-feiten`;
      described.push(facts.id);
    } else {
      facts.remove();
    }
    text.append(excerpt(data.excerpt));
    text.id = `${id}-tekst`;
    described.push(text.id);
    link.setAttribute("aria-describedby", described.join(" "));
    return node;
  };

  let found = []; // every result of the current term, their data not loaded yet
  let shown = 0;
  let asked = 0; // which search is the latest: an older one that ends later is left alone
  const showMore = async (search) => {
    const next = found.slice(shown, shown + PAGE);
    const data = await Promise.all(next.map((result) => result.data()));
    if (search !== asked) {
      return null;
    }
    const nodes = data.map(item);
    list.append(...nodes);
    shown += nodes.length;
    more.hidden = shown >= found.length;
    return nodes[0] ?? null;
  };

  const run = async () => {
    const term = field.value.trim();
    const search = (asked += 1);
    if (!term) {
      found = [];
      shown = 0;
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "";
      return;
    }
    let answer;
    try {
      const module = await load();
      answer = await module.debouncedSearch(term, {}, 300);
    } catch {
      if (search === asked) {
        status.textContent = "Het zoeken lukt nu niet. Probeer het later nog eens, of kijk in de agenda.";
      }
      return;
    }
    if (answer === null || search !== asked) {
      return; // a newer term is on its way
    }
    found = answer.results;
    shown = 0;
    list.replaceChildren();
    await showMore(search);
    if (search === asked) {
      status.textContent = said(term, found.length);
    }
  };

  const results = () => [...list.querySelectorAll("a.site-search__link")];
  const open = () => {
    dialog.showModal();
    field.focus();
    field.select();
    load().catch(() => {}); // start loading while the visitor types; a failure shows when they search
  };
  button.addEventListener("click", open);
  dialog.querySelector("[data-site-search-close]")?.addEventListener("click", () => dialog.close());
  // A click on the dimmed page around the dialog closes it too.
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog) {
      dialog.close();
    }
  });
  dialog.addEventListener("close", () => button.focus());
  field.addEventListener("input", run);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    results()[0]?.focus();
  });
  more.addEventListener("click", async () => {
    const first = await showMore(asked);
    first?.querySelector("a")?.focus();
  });
  dialog.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") {
      return;
    }
    const stops = [field, ...results()];
    const at = stops.indexOf(document.activeElement);
    if (at === -1 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    event.preventDefault();
    const next = event.key === "ArrowDown" ? Math.min(at + 1, stops.length - 1) : Math.max(at - 1, 0);
    stops[next].focus();
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
// Form and links sit in a disclosure "Kies wat je ziet", closed when the page opens (the events come
// first); a line below it says in words what is chosen, so a filtered list never looks like the whole.
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
  const said = page.querySelector("[data-site-filter-chosen]");

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
  // What is chosen, in the form's own words ("Waar: Online", or a box's label), for the
  // line below the closed disclosure: a visitor who does not open it still knows the list is filtered.
  const words = () => {
    const text = (node) => node?.textContent?.trim() ?? "";
    const parts = [];
    for (const control of form.elements) {
      if (control instanceof HTMLSelectElement && control.value) {
        parts.push(`${text(control.labels?.[0])}: ${text(control.selectedOptions[0])}`);
      } else if (control instanceof HTMLInputElement && control.checked && control.value) {
        const label = text(control.labels?.[0]);
        const group = control.type === "radio" ? text(control.closest("fieldset")?.querySelector("legend")) : "";
        parts.push(group ? `${group}: ${label}` : label);
      }
    }
    return parts;
  };
  const tell = () => {
    if (said) {
      const parts = words();
      const lead = document.createElement("strong");
      lead.textContent = "Je keuze:";
      said.replaceChildren(...(parts.length ? [lead, ` ${parts.join("; ")}.`] : []));
      said.hidden = !parts.length;
    }
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
    tell();
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
