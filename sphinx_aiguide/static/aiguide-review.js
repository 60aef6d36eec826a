/* sphinx-aiguide: show "This entry was due for review on …" once the reader's clock
   reaches the date in the notice's data-aiguide-due attribute, and hide the "Next review
   due …" part that said it was still to come. Added only to pages that hold such a notice. */
(function () {
  "use strict";
  function pad(number, width) {
    return String(number).padStart(width, "0");
  }
  function update() {
    var now = new Date();
    var today = pad(now.getFullYear(), 4) + "-" + pad(now.getMonth() + 1, 2) + "-" +
      pad(now.getDate(), 2);
    document.querySelectorAll("[data-aiguide-due]").forEach(function (element) {
      if (element.getAttribute("data-aiguide-due") > today) {
        return;
      }
      if (element.classList.contains("aiguide-review-due")) {
        element.hidden = false;
      } else if (element.classList.contains("aiguide-review-next")) {
        element.hidden = true;
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", update);
  } else {
    update();
  }
})();
