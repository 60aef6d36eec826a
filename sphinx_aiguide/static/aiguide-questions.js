/* sphinx-aiguide: a link to a question opens it. Browsers scroll to a link's target but
   leave a closed <details> closed, so "page.html#faq-…" would show only the question.
   This opens the question the address points to, or every question that holds the
   target, on load and whenever the address's fragment changes. Added only to pages
   with questions; without it a question still opens when it is clicked. */
(() => {
  "use strict";
  const openTarget = () => {
    let id = "";
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch {
      return; // a fragment that is not valid percent-encoding names no element
    }
    const target = id ? document.getElementById(id) : null;
    if (!target) return;
    const hidden = target.getClientRects().length === 0;
    let item = target.closest("details");
    while (item) {
      item.open = true;
      item = item.parentElement && item.parentElement.closest("details");
    }
    // the browser could not scroll to a target inside a closed question: now it can
    if (hidden) target.scrollIntoView();
  };
  window.addEventListener("hashchange", openTarget);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", openTarget);
  else openTarget();
})();
