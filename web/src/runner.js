/* Sourcewise's exercise runner, the page side. Loaded on every page (a few KB); the heavy
   parts load on first use: editor.js (CodeMirror) when the student first uses the editor,
   worker.js (Pyodide, pytest, the checks) when they first use it or press "Check my work".

   window.sourcewise is the API other page code uses (the exercise 1 form too):
     runChecks(exercise, files, {onProgress}) -> Promise<result model>
     renderResults(element, result) -> the results heading (focusable)
     storage.{key, load, save, clear}, download(name, text), downloadAll(), studentFiles()
   See /work/notes/api-runner.md in the project's notes and CONTRIBUTING.md.

   The checks and every feedback sentence come from the plugin's result model, made in
   Python; this file only lays them out. */
(function () {
  "use strict";

  var script = document.currentScript;
  var BASE = new URL("./", script.src).href; // .../runner/
  var SITE = new URL("../", BASE).href;
  var PREFIX = "sourcewise:file:";
  var SLOWER = 2; // Pyodide is slower than CPython: a call may run this many times its limit
  var MAX_RESTARTS = 3; // per check run: then every later too-long call counts as a timeout
  var ITEMS_SHOWN = 5;

  // ------------------------------------------------------------------ storage

  var storage = {
    key: function (name) { return PREFIX + name; },
    load: function (name) {
      try { return window.localStorage.getItem(PREFIX + name); } catch (e) { return null; }
    },
    save: function (name, text) {
      try { window.localStorage.setItem(PREFIX + name, text); return true; } catch (e) { return false; }
    },
    clear: function (name) {
      try { window.localStorage.removeItem(PREFIX + name); } catch (e) { /* private mode */ }
    },
  };

  var manifestPromise = null;
  function manifest() {
    if (!manifestPromise) {
      manifestPromise = fetch(BASE + "manifest.json", { cache: "no-cache" }).then(function (r) {
        if (!r.ok) throw new Error("runner/manifest.json: HTTP " + r.status);
        return r.json();
      });
      manifestPromise.catch(function () { manifestPromise = null; });
    }
    return manifestPromise;
  }

  var starters = {};
  function starter(name) {
    if (!starters[name]) {
      starters[name] = fetch(BASE + "starters/" + name).then(function (r) {
        if (!r.ok) throw new Error("starter " + name + ": HTTP " + r.status);
        return r.text();
      });
      starters[name].catch(function () { delete starters[name]; });
    }
    return starters[name];
  }

  function studentFiles() {
    return manifest().then(function (m) { return m.files.map(function (f) { return f.name; }); });
  }

  /* Every student file: `overrides`, else what is saved, else the starter. */
  function collectFiles(overrides) {
    overrides = overrides || {};
    return studentFiles().then(function (names) {
      return Promise.all(names.map(function (name) {
        if (Object.prototype.hasOwnProperty.call(overrides, name)) return overrides[name];
        var saved = storage.load(name);
        return saved !== null ? saved : starter(name);
      })).then(function (texts) {
        var files = {};
        names.forEach(function (name, i) { files[name] = texts[i]; });
        return files;
      });
    });
  }

  // ------------------------------------------------------------------ downloads and zip

  function save(blob, name) {
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  function download(name, text) {
    save(new Blob([text], { type: "text/x-python" }), name);
  }

  var CRC_TABLE = (function () {
    var table = new Uint32Array(256);
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
    return table;
  })();

  function crc32(bytes) {
    var crc = 0xffffffff;
    for (var i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
  }

  /* A zip (stored, no compression) of {path: text}: small files, any unzip tool reads it. */
  function zipBytes(files) {
    var encoder = new TextEncoder();
    var parts = [];
    var central = [];
    var offset = 0;
    var now = new Date();
    var time = (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1);
    var date = ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
    Object.keys(files).forEach(function (path) {
      var name = encoder.encode(path);
      var data = encoder.encode(files[path]);
      var crc = crc32(data);
      var local = new DataView(new ArrayBuffer(30));
      local.setUint32(0, 0x04034b50, true);
      local.setUint16(4, 20, true);
      local.setUint16(6, 0x0800, true); // UTF-8 names
      local.setUint16(8, 0, true);
      local.setUint16(10, time, true);
      local.setUint16(12, date, true);
      local.setUint32(14, crc, true);
      local.setUint32(18, data.length, true);
      local.setUint32(22, data.length, true);
      local.setUint16(26, name.length, true);
      local.setUint16(28, 0, true);
      var entry = new DataView(new ArrayBuffer(46));
      entry.setUint32(0, 0x02014b50, true);
      entry.setUint16(4, 0x0314, true); // made by: Unix, zip 2.0
      entry.setUint16(6, 20, true);
      entry.setUint16(8, 0x0800, true);
      entry.setUint16(10, 0, true);
      entry.setUint16(12, time, true);
      entry.setUint16(14, date, true);
      entry.setUint32(16, crc, true);
      entry.setUint32(20, data.length, true);
      entry.setUint32(24, data.length, true);
      entry.setUint16(28, name.length, true);
      entry.setUint32(38, (0o100644 << 16) >>> 0, true); // a regular file, rw-r--r--
      entry.setUint32(42, offset, true);
      parts.push(local, name, data);
      central.push(entry, name);
      offset += 30 + name.length + data.length;
    });
    var size = central.reduce(function (sum, part) { return sum + part.byteLength; }, 0);
    var end = new DataView(new ArrayBuffer(22));
    end.setUint32(0, 0x06054b50, true);
    end.setUint16(8, Object.keys(files).length, true);
    end.setUint16(10, Object.keys(files).length, true);
    end.setUint32(12, size, true);
    end.setUint32(16, offset, true);
    return new Blob(parts.concat(central, [end]), { type: "application/zip" });
  }

  /* The zip a student hands in: exercises/<file> for every student file, as
     `sourcewise grade` reads a submission. */
  function downloadAll(overrides) {
    return collectFiles(overrides).then(function (files) {
      var paths = {};
      Object.keys(files).forEach(function (name) { paths["exercises/" + name] = files[name]; });
      save(zipBytes(paths), "sourcewise-exercises.zip");
      return paths;
    });
  }

  // ------------------------------------------------------------------ the worker

  var worker = null;
  var workerReady = null;
  var listener = null; // the current run's message handler
  var progressListener = null;

  function startWorker() {
    if (workerReady) return workerReady;
    registerServiceWorker();
    worker = new Worker(BASE + "worker.js", { type: "module" });
    workerReady = new Promise(function (resolve, reject) {
      worker.onmessage = function (event) {
        var message = event.data;
        if (message.type === "progress") {
          if (progressListener) progressListener(message.text, message.fraction);
        } else if (message.type === "ready") {
          resolve();
        } else if (message.type === "failed" && message.id === undefined) {
          reject(new Error(message.error));
        } else if (listener) {
          listener(message);
        }
      };
      worker.onerror = function (event) {
        var error = new Error(event.message || "the Python worker stopped");
        if (listener) listener({ type: "crashed", error: error.message });
        reject(error);
      };
    });
    workerReady.catch(function () { endWorker(); });
    worker.postMessage({ type: "start" });
    return workerReady;
  }

  function endWorker() {
    if (worker) worker.terminate();
    worker = null;
    workerReady = null;
  }

  var serviceWorkerAsked = false;
  function registerServiceWorker() {
    if (serviceWorkerAsked || !("serviceWorker" in navigator) || !window.isSecureContext) return;
    serviceWorkerAsked = true;
    navigator.serviceWorker.register(SITE + "sourcewise-sw.js", { scope: SITE })
      .catch(function () { /* the browser's HTTP cache still helps */ });
  }

  var nextRun = 0;

  /* One run in the current worker: {result}, or {stopped: call} when a call ran too long,
     or {crashed: call} when the worker died during a call. */
  function runOnce(message) {
    return new Promise(function (resolve, reject) {
      var current = null;
      var timer = null;
      var id = ++nextRun;
      function finish(value, failed) {
        clearTimeout(timer);
        listener = null;
        if (failed) reject(value); else resolve(value);
      }
      listener = function (reply) {
        if (reply.type === "call") {
          current = reply;
          clearTimeout(timer);
          var limit = Math.max(reply.timeout, 0.5) * SLOWER * 1000 + 1000;
          timer = setTimeout(function () { finish({ stopped: current }); }, limit);
        } else if (reply.type === "result" && reply.id === id) {
          finish({ result: reply.result });
        } else if (reply.type === "crashed" || (reply.type === "failed" && current)) {
          finish({ crashed: current, error: reply.error });
        } else if (reply.type === "failed") {
          finish(new Error(reply.error), true);
        }
      };
      message.id = id;
      worker.postMessage(message);
    });
  }

  /* Run `exercise`'s public checks on the student's files; see the header. */
  function runChecks(exercise, files, options) {
    options = options || {};
    var report = options.onProgress || function () {};
    return Promise.all([manifest(), collectFiles(files)]).then(function (both) {
      var entry = both[0].exercises.filter(function (e) { return e.name === exercise; })[0];
      if (!entry) throw new Error("unknown exercise " + exercise);
      var stopped = [];
      var crashed = [];
      var events = [];
      function attempt(restarts) {
        progressListener = report;
        if (!workerReady) report("Starting Python in your browser", 0);
        return startWorker().then(function () {
          report("Running the checks of " + entry.checks, null);
          return runOnce({ type: "run", checks: entry.checks, files: both[1], siteUrl: SITE,
                           stopped: stopped, crashed: crashed });
        }).then(function (outcome) {
          if (outcome.result) {
            outcome.result.browser = { stopped: events };
            report("Done", 1);
            return outcome.result;
          }
          var call = outcome.stopped || outcome.crashed;
          endWorker();
          if (!call) throw new Error(outcome.error || "the Python worker stopped");
          events.push({ call: call.text, seconds: call.timeout, kind: outcome.stopped ? "stopped" : "crashed" });
          (outcome.stopped ? stopped : crashed).push(call.key);
          if (restarts >= MAX_RESTARTS) {
            throw new Error(call.text + " ran too long again and again; fix the endless loop, " +
                            "then check again.");
          }
          report(call.text + " ran too long: starting Python again", 0);
          return attempt(restarts + 1);
        });
      }
      return attempt(0);
    }).finally(function () { progressListener = null; });
  }

  // ------------------------------------------------------------------ results as HTML

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function pointsText(value) {
    return String(Math.round(value * 100) / 100);
  }

  var LABELS = { passed: "PASSED", failed: "FAILED", "not gradable": "NOT GRADABLE", skipped: "SKIPPED" };

  function valueRows(shown) {
    if (!shown) return [];
    var rows = [];
    if (shown.expected !== undefined) rows.push(["Expected", shown.expected]);
    if (shown.got !== undefined) rows.push(["Got", shown.got]);
    if (shown.note) rows.push(["Difference", shown.note]);
    return rows;
  }

  function definitionList(rows) {
    var list = el("dl", { class: "sw-values" });
    rows.forEach(function (row) {
      list.appendChild(el("dt", {}, [row[0]]));
      var value = row[1];
      list.appendChild(el("dd", {}, [row[2] ? value : el("code", {}, [value])]));
    });
    return list;
  }

  function itemBlock(item) {
    var rows = [];
    if (item.text) rows.push(["Sentence", item.text, true]);
    rows = rows.concat(valueRows(item.shown));
    if (item.why) rows.push(["Why", item.why, true]);
    return el("li", { class: "sw-item" }, [el("p", {}, ["Item ", el("code", {}, [item.id])]),
                                            definitionList(rows)]);
  }

  function checkBlock(check) {
    var status = check.status;
    var score = pointsText(check.points) + " of " + pointsText(check.max_points) + " points";
    var block = el("li", { class: "sw-check sw-check--" + status.replace(" ", "-"),
                           "data-check": check.name, "data-points": String(check.points),
                           "data-max-points": String(check.max_points) }, [
      el("p", { class: "sw-check__title" }, [
        el("strong", { class: "sw-check__status" }, [LABELS[status] || status]), " ",
        check.description, " ", el("span", { class: "sw-check__points" }, ["(" + score + ")"]),
      ]),
    ]);
    if (status === "passed") return block;
    if (check.reason) block.appendChild(el("p", {}, [check.reason]));
    var rows = valueRows(check.shown);
    if (rows.length) block.appendChild(definitionList(rows));
    var wrong = (check.items || []).filter(function (item) { return !item.correct; });
    if (wrong.length) {
      var list = el("ol", { class: "sw-items" }, wrong.slice(0, ITEMS_SHOWN).map(itemBlock));
      block.appendChild(list);
      if (wrong.length > ITEMS_SHOWN) {
        block.appendChild(el("details", {}, [
          el("summary", {}, [(wrong.length - ITEMS_SHOWN) + " more wrong items"]),
          el("ol", { class: "sw-items", start: String(ITEMS_SHOWN + 1) },
             wrong.slice(ITEMS_SHOWN).map(itemBlock)),
        ]));
      }
    }
    if (check.output) {
      block.appendChild(el("p", {}, ["Your code printed:"]));
      block.appendChild(el("pre", { class: "sw-output" }, [check.output]));
    }
    if (check.hint) block.appendChild(el("p", { class: "sw-check__hint" }, [el("strong", {}, ["Hint: "]), check.hint]));
    if (check.lesson_url) {
      block.appendChild(el("p", {}, [el("a", { href: check.lesson_url }, ["Read the lesson for this check"])]));
    }
    return block;
  }

  /* Lay out a result model in `element`; returns the heading (focusable). */
  function renderResults(element, result) {
    element.textContent = "";
    var heading = el("h3", { tabindex: "-1", class: "sw-results__title" },
                     ["Results: " + pointsText(result.points) + " of " + pointsText(result.max_points) +
                      " points on the public checks"]);
    element.appendChild(heading);
    element.appendChild(el("p", { class: "sw-results__note" }, [
      "These results are for learning. Your grade comes from your instructor's run of the " +
      "checks, which adds hidden checks on new sentences, so it can differ."]));
    ((result.browser && result.browser.stopped) || []).forEach(function (event) {
      element.appendChild(el("p", { class: "sw-results__stopped", role: "alert" }, [
        el("strong", {}, [event.kind === "crashed" ? "Python stopped: " : "Stopped: "]),
        el("code", {}, [event.call]),
        event.kind === "crashed"
          ? " stopped Python in your browser (perhaps it used far too much memory). The page " +
            "started Python again and checked the rest."
          : " ran longer than " + pointsText(event.seconds * SLOWER) + " s, so the page stopped " +
            "it, started Python again and checked the rest. Look for an endless loop in that " +
            "function.",
      ]));
    });
    (result.errors || []).concat(result.notes || []).forEach(function (text) {
      element.appendChild(el("p", {}, [text]));
    });
    element.appendChild(el("ol", { class: "sw-checks" }, (result.checks || []).map(checkBlock)));
    return heading;
  }

  // ------------------------------------------------------------------ the page's editor

  var editorModule = null;
  function loadEditor() {
    if (!editorModule) {
      editorModule = import(BASE + "editor.js");
      editorModule.catch(function () { editorModule = null; });
    }
    return editorModule;
  }

  function mount(section) {
    var exercise = section.getAttribute("data-exercise");
    var textarea = section.querySelector("textarea");
    var select = section.querySelector("select.sw-runner__file");
    var status = section.querySelector(".sw-runner__status");
    var bar = section.querySelector("progress");
    var results = section.querySelector(".sw-runner__results");
    var checkButton = section.querySelector("[data-action=check]");
    var fileInput = section.querySelector("input[type=file]");
    var current = textarea.getAttribute("data-file");
    var editor = null;
    var started = false;

    function text() { return editor ? editor.getText() : textarea.value; }
    function show(value) {
      if (editor) editor.setText(value); else textarea.value = value;
    }
    function changed(value) { storage.save(current, value); }
    function say(message, fraction) {
      status.textContent = message;
      if (fraction === null || fraction === undefined) bar.removeAttribute("value");
      else bar.value = fraction;
      bar.hidden = fraction === 1;
    }
    function openFile(name) {
      current = name;
      var saved = storage.load(name);
      if (saved !== null) { show(saved); return Promise.resolve(); }
      return starter(name).then(show);
    }
    function firstUse() {
      if (started) return;
      started = true;
      loadEditor().then(function (module) {
        var focused = document.activeElement === textarea;
        editor = module.createEditor(textarea, changed);
        if (focused) editor.focus();
      }).catch(function () { /* the plain text box keeps working */ });
      startWorker().catch(function () { /* reported when the student checks */ });
    }

    var saved = storage.load(current);
    if (saved !== null) textarea.value = saved;
    textarea.addEventListener("input", function () { changed(textarea.value); });
    textarea.addEventListener("focus", firstUse);
    textarea.addEventListener("pointerdown", firstUse);
    section.querySelectorAll("[hidden].sw-runner__tools").forEach(function (n) { n.hidden = false; });

    if (select) {
      select.addEventListener("change", function () {
        storage.save(current, text());
        openFile(select.value);
      });
    }
    section.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-action]");
      if (!button) return;
      var action = button.getAttribute("data-action");
      if (action === "check") {
        firstUse();
        storage.save(current, text());
        checkButton.disabled = true;
        bar.hidden = false;
        say("Starting", null);
        results.setAttribute("aria-busy", "true");
        var files = {};
        files[current] = text();
        runChecks(exercise, files, { onProgress: say }).then(function (result) {
          say("Checked at " + new Date().toLocaleTimeString(), 1);
          renderResults(results, result).focus();
        }).catch(function (error) {
          say("The check could not run: " + error.message, 1);
          results.textContent = "";
          results.appendChild(el("p", { role: "alert" }, ["The check could not run: " + error.message]));
        }).finally(function () {
          checkButton.disabled = false;
          results.removeAttribute("aria-busy");
        });
      } else if (action === "reset") {
        if (window.confirm("Replace your code in " + current + " with the starter file? " +
                           "Your changes to it will be lost.")) {
          starter(current).then(function (value) { show(value); storage.clear(current); });
        }
      } else if (action === "download") {
        download(current, text());
      } else if (action === "download-all") {
        storage.save(current, text());
        downloadAll();
      } else if (action === "open") {
        fileInput.click();
      }
    });
    fileInput.addEventListener("change", function () {
      var file = fileInput.files[0];
      if (!file) return;
      file.text().then(function (value) {
        var known = select && Array.prototype.some.call(select.options, function (o) { return o.value === file.name; });
        if (known && file.name !== current) {
          storage.save(current, text());
          select.value = file.name;
          current = file.name;
        }
        show(value);
        storage.save(current, value);
        say("Opened " + file.name + " into " + current, 1);
        fileInput.value = "";
      });
    });
  }

  window.sourcewise = {
    runChecks: runChecks,
    renderResults: renderResults,
    storage: storage,
    download: download,
    downloadAll: downloadAll,
    studentFiles: studentFiles,
    collectFiles: collectFiles,
  };

  function mountAll() {
    document.querySelectorAll(".sw-runner[data-exercise]").forEach(mount);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
})();
