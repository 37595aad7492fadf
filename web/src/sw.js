/* Sourcewise's service worker (site root: sourcewise-sw.js), registered by runner.js the
   first time a student uses an exercise editor. It keeps the runner's files (Pyodide, the
   checks, the editor) so later visits start fast and work offline, and it keeps a copy of
   each page visited, used only when the network is not there. Requests to other origins
   are never touched. A new build changes runner/manifest.json's "version"; the runner's
   cached files are then dropped and fetched again. */
"use strict";
var RUNNER = "sourcewise-runner";
var PAGES = "sourcewise-pages";
var scope = new URL(self.registration.scope);
var runnerPath = scope.pathname + "runner/";

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

function manifestFirst(request) {
  return caches.open(RUNNER).then(function (cache) {
    return fetch(request).then(function (response) {
      if (!response.ok) return response;
      var copy = response.clone();
      return Promise.all([copy.json(), cache.match(request)]).then(function (both) {
        var old = both[1] ? both[1].clone().json() : Promise.resolve(null);
        return old.then(function (before) {
          var stale = before && before.version !== both[0].version;
          var cleared = stale ? caches.delete(RUNNER).then(function () { return caches.open(RUNNER); })
                              : Promise.resolve(cache);
          return cleared.then(function (fresh) { return fresh.put(request, response.clone()); });
        });
      }).then(function () { return response; }, function () { return response; });
    }, function () {
      return cache.match(request).then(function (hit) { return hit || Response.error(); });
    });
  });
}

function cacheFirst(request) {
  return caches.open(RUNNER).then(function (cache) {
    return cache.match(request).then(function (hit) {
      return hit || fetch(request).then(function (response) {
        if (response.ok) cache.put(request, response.clone());
        return response;
      });
    });
  });
}

function networkFirst(request) {
  return fetch(request).then(function (response) {
    if (response.ok) {
      var copy = response.clone();
      caches.open(PAGES).then(function (cache) { cache.put(request, copy); });
    }
    return response;
  }, function () {
    return caches.open(PAGES).then(function (cache) { return cache.match(request); })
      .then(function (hit) { return hit || Response.error(); });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== scope.origin ||
      !url.pathname.startsWith(scope.pathname)) return;
  if (url.pathname === runnerPath + "manifest.json") {
    event.respondWith(manifestFirst(request));
  } else if (url.pathname.startsWith(runnerPath)) {
    event.respondWith(cacheFirst(request));
  } else {
    event.respondWith(networkFirst(request));
  }
});
