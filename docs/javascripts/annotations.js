/* The annotated article. Each tag is the summary of a details element holding the unit's
   note, so notes open and close without JavaScript (Enter, Space or a click on the tag).
   This script adds two things: Escape closes the open note that the focus is in (or whose
   tag has focus) and returns focus to its tag; opening the page at a unit's address
   (#u-...) opens that unit's note. Listeners sit on the document, so they also work after
   Material's instant navigation. */
(function () {
  "use strict";
  var BOX = "details.sw-more";

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    var active = document.activeElement;
    var box = active && active.closest ? active.closest(BOX) : null;
    if (box && box.open) {
      box.open = false;
      box.querySelector("summary").focus();
      event.preventDefault();
    }
  });

  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (id.indexOf("u-") !== 0) {
      return;
    }
    var unit = document.getElementById(id);
    var box = unit ? unit.querySelector(BOX) : null;
    if (box) {
      box.open = true;
    }
  }

  window.addEventListener("hashchange", openTarget);
  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(openTarget);
  } else {
    openTarget();
  }
})();
