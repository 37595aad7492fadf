/* Accessibility fixes for Material for MkDocs 9.8 that need script (see a11y.css).
   They run on every page load, again after Material's instant navigation if it is enabled
   (document$), and when the window is resized (what scrolls depends on the width). */
(function () {
  "use strict";

  function nameScrollableRegions() {
    var count = 0;
    document.querySelectorAll("pre > code, .md-typeset__scrollwrap").forEach(function (el) {
      var scrolls = el.scrollWidth > el.clientWidth + 1;
      if (scrolls) {
        count += 1;
        // Reachable by keyboard, and each region with its own name (axe: landmark-unique).
        el.setAttribute("tabindex", "0");
        el.setAttribute("role", "region");
        var kind = el.matches("code") ? "Code block" : "Table";
        el.setAttribute("aria-label", kind + " " + count + ", scrolls sideways");
      } else if (el.getAttribute("role") === "region") {
        el.removeAttribute("tabindex");
        el.removeAttribute("role");
        el.removeAttribute("aria-label");
      }
    });
  }

  function fix() {
    var search = document.querySelector(".md-search");
    if (search) {
      search.setAttribute("aria-label", "Search");
    }
    document.querySelectorAll("nav.md-code__nav").forEach(function (nav, index) {
      nav.setAttribute("aria-label", "Code block " + (index + 1) + " actions");
    });
    document.querySelectorAll("nav.md-tags").forEach(function (nav) {
      nav.setAttribute("aria-label", "Page tags");
    });
    nameScrollableRegions();
  }

  function fixWhenRendered() {
    // Material wraps tables after the page is parsed: run once now and once after layout.
    fix();
    window.requestAnimationFrame(fix);
  }

  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(fixWhenRendered);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fixWhenRendered);
  } else {
    fixWhenRendered();
  }
  var pending = null;
  window.addEventListener("resize", function () {
    window.clearTimeout(pending);
    pending = window.setTimeout(nameScrollableRegions, 150);
  });
})();
