/* sphinx-aiguide: Escape closes an open concept preview without moving focus (WCAG 2.1
   SC 1.4.13). Previews open on hover and keyboard focus and stay open without this script;
   a closed one opens again once the pointer and the focus have both left its link.
   A page holds one preview per concept, beside the first link to it; later links name the
   same element (aria-describedby), and it moves beside whichever link the reader points
   at or focuses. */
(() => {
  "use strict";
  const WRAP = ".aiguide-ref-wrap";
  const CLOSED = "aiguide-preview-closed";

  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    for (const wrap of document.querySelectorAll(`${WRAP}:hover, ${WRAP}:focus-within`)) {
      wrap.classList.add(CLOSED);
    }
  });

  const leave = (event) => {
    const wrap = event.target instanceof Element ? event.target.closest(WRAP) : null;
    if (!wrap || wrap.contains(event.relatedTarget)) return;
    const still = event.type === "mouseout" ? ":focus-within" : ":hover";
    if (!wrap.matches(still)) wrap.classList.remove(CLOSED);
  };
  document.addEventListener("mouseout", leave);
  document.addEventListener("focusout", leave);

  const bring = (event) => {
    const link = event.target instanceof Element
      ? event.target.closest(`${WRAP} > a[aria-describedby]`) : null;
    const preview = link && document.getElementById(link.getAttribute("aria-describedby"));
    if (preview && preview.previousElementSibling !== link) link.after(preview);
  };
  document.addEventListener("mouseover", bring);
  document.addEventListener("focusin", bring);
})();
