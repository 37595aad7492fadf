/* The annotated article: each tag button opens and closes its unit's note.
   Enter or Space on a tag toggles it (native button behaviour); Escape closes the open note
   the focus is in (or whose tag has focus) and returns focus to the tag. Opening the page
   at a unit's address (#u-...) opens that unit's note. Listeners sit on the document, so
   they also work after Material's instant navigation. */
(function () {
  "use strict";
  var TAG = "button.sw-tag[aria-controls]";

  function setOpen(tag, open) {
    var note = document.getElementById(tag.getAttribute("aria-controls"));
    if (!note) {
      return;
    }
    tag.setAttribute("aria-expanded", open ? "true" : "false");
    note.hidden = !open;
  }

  function tagFor(element) {
    if (!element || !element.closest) {
      return null;
    }
    var tag = element.closest(TAG);
    if (tag) {
      return tag;
    }
    var note = element.closest(".sw-note");
    return note ? document.querySelector(TAG + '[aria-controls="' + note.id + '"]') : null;
  }

  document.addEventListener("click", function (event) {
    var tag = event.target.closest ? event.target.closest(TAG) : null;
    if (tag) {
      setOpen(tag, tag.getAttribute("aria-expanded") !== "true");
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    var tag = tagFor(document.activeElement);
    if (tag && tag.getAttribute("aria-expanded") === "true") {
      setOpen(tag, false);
      tag.focus();
      event.preventDefault();
    }
  });

  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (id.indexOf("u-") !== 0) {
      return;
    }
    var unit = document.getElementById(id);
    var tag = unit ? unit.querySelector(TAG) : null;
    if (tag) {
      setOpen(tag, true);
    }
  }

  window.addEventListener("hashchange", openTarget);
  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(openTarget);
  } else {
    openTarget();
  }
})();
