// Material shows the colour scheme toggle that belongs to the current scheme, but leaves both radio
// buttons unchecked: keyboard focus then lands on the hidden one. Check the one that is shown.
document.addEventListener("DOMContentLoaded", () => {
  const options = [...document.querySelectorAll('input.md-option[name="__palette"]')];
  if (options.length === 0 || options.some((option) => option.checked)) {
    return;
  }
  const current = options.find((option) => {
    const media = option.getAttribute("data-md-color-media");
    return media && window.matchMedia(media).matches;
  });
  if (current) {
    current.checked = true;
  }
});

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
