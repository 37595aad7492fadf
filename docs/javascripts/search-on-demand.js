/* Load the search index when the reader first uses search, not on every first visit.
   Material for MkDocs requests search/search_index.json as soon as a page loads; it is the
   largest download of a first visit and grows with every page. This script (loaded in the
   head, before Material's bundle, by overrides/main.html) holds that one request back until
   the search field gets focus (by click, tap or Material's keyboard shortcuts) and then
   lets it go. Search then works as usual; until the index arrives Material shows its
   "Initializing search" message. */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json$/;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var waiting = [];
  var released = false;

  function release() {
    if (released) {
      return;
    }
    released = true;
    waiting.splice(0).forEach(function (start) {
      start();
    });
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.swSearchIndex = INDEX.test(new URL(String(url), window.location.href).pathname);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (!this.swSearchIndex || released) {
      return send.apply(this, arguments);
    }
    var request = this;
    var args = arguments;
    waiting.push(function () {
      send.apply(request, args);
    });
  };

  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest(".md-search")) {
      release();
    }
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) {
      release();
    }
  });
})();
