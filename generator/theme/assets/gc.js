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
