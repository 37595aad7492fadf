/* Exercise 1 (Label by hand) without code: the form made by sourcewise.site.label_form.
   The sentences and labels come from the page. For each sentence the student picks a label
   and marks words (checkboxes: click, Space, or a mouse selection across words); each run
   of marked neighbouring words is one quote, cut from the sentence exactly. The answers are
   saved in localStorage at every change, shown as the label_by_hand.py they make, and
   downloaded as that file. With the browser runner on the page (window.sourcewise, see
   web/src/runner.js), the file is also saved where "Download all" finds
   it, and "Check my answers" runs the exercise's public checks on it in Pyodide. The pure
   parts are on window.SourcewiseLabelForm. */
(function () {
  "use strict";
  var STORE = "sourcewise:form:label_by_hand";  // the form's own state; the file goes to
  // the runner's storage (sourcewise.storage), where "Download all" finds it
  var STORE_VERSION = 1;
  var LEAD = /^["“‘(\[]+/;
  var TRAIL = /[,;:"”)\]]+$/;
  var FINAL = /[.?!]+$/;
  var PAUSE = /[,;:]["”’)\]]*$/;  // a word ending a clause ends its quote

  /* Where each word starts and ends in the sentence (indexes of JavaScript strings). */
  function offsets(sentence, texts) {
    var at = 0;
    return texts.map(function (text) {
      var start = sentence.indexOf(text, at);
      if (start < 0) {
        throw new Error("word " + JSON.stringify(text) + " is not in its sentence");
      }
      at = start + text.length;
      return [start, at];
    });
  }

  /* One quote for each run of marked neighbouring words: the sentence text from the first
     word's start to the last word's end, without the punctuation around it (and without
     the sentence's final full stop). A comma, semicolon or colon ends a run, so two
     quotes either side of one stay two. Always a piece of the sentence, word for word. */
  function quoteRuns(sentence, spans, marked) {
    var quotes = [];
    var runStart = -1;
    for (var i = 0; i <= spans.length; i += 1) {
      var on = i < spans.length && marked[i];
      var pause = i > 0 && PAUSE.test(sentence.slice(spans[i - 1][0], spans[i - 1][1]));
      if (runStart >= 0 && (!on || pause)) {
        var end = spans[i - 1][1];
        var quote = sentence.slice(spans[runStart][0], end);
        if (end === sentence.length) {
          quote = quote.replace(FINAL, "");
        }
        quote = quote.replace(TRAIL, "").replace(LEAD, "");
        if (quote.trim()) {
          quotes.push(quote);
        }
        runStart = -1;
      }
      if (on && runStart < 0) {
        runStart = i;
      }
    }
    return quotes;
  }

  /* A Python string literal for any JavaScript string. JSON's escapes (\" \\ \n \uXXXX,
     lone surrogates included) all mean the same in Python; other characters stay as
     they are, in a UTF-8 file. */
  function pyString(text) {
    return JSON.stringify(String(text));
  }

  /* The text of label_by_hand.py for answers {id: {sentence, label, evidence}}, in order. */
  function pythonSource(answers, order) {
    var lines = [
      '"""Exercise 1: Label by hand. These answers were made with the form on the course site.',
      "",
      "To run the public checks on this file, put it in your exercises folder and run:",
      "",
      "    pytest exercises/test_label_by_hand.py",
      '"""',
      "",
      "ANSWERS = {"
    ];
    (order || Object.keys(answers)).forEach(function (id) {
      var answer = answers[id];
      var label = answer.label === null || answer.label === undefined
        ? "None" : pyString(answer.label);
      lines.push("    " + pyString(id) + ": {");
      if (answer.sentence !== undefined) {
        lines.push('        "sentence": ' + pyString(answer.sentence) + ",");
      }
      lines.push('        "label": ' + label + ",");
      lines.push('        "evidence": [' + answer.evidence.map(pyString).join(", ") + "],");
      lines.push("    },");
    });
    lines.push("}", "", "", "def answers():",
               '    """Return your answers. You do not need to change this function: fill in ' +
               'ANSWERS above."""',
               "    return ANSWERS", "");
    return lines.join("\n");
  }

  window.SourcewiseLabelForm = {offsets: offsets, quoteRuns: quoteRuns, pyString: pyString,
                                pythonSource: pythonSource};

  function unitsOf(form) {
    return Array.prototype.map.call(form.querySelectorAll(".sw-lf-item"), function (item) {
      var sentenceBox = item.querySelector(".sw-lf-sentence");
      var boxes = Array.prototype.slice.call(item.querySelectorAll(".sw-lf-box"));
      var sentence = sentenceBox.getAttribute("data-sentence");
      var texts = boxes.map(function (box) { return box.parentNode.textContent; });
      return {id: item.getAttribute("data-unit"), item: item, sentence: sentence,
              words: sentenceBox, boxes: boxes, spans: offsets(sentence, texts),
              radios: Array.prototype.slice.call(item.querySelectorAll("input[type=radio]")),
              quotes: item.querySelector(".sw-lf-quotes")};
    });
  }

  function labelOf(unit) {
    for (var i = 0; i < unit.radios.length; i += 1) {
      if (unit.radios[i].checked) {
        return unit.radios[i].value;
      }
    }
    return null;
  }

  function marksOf(unit) {
    return unit.boxes.map(function (box) { return box.checked; });
  }

  function answersOf(units) {
    var answers = {};
    units.forEach(function (unit) {
      answers[unit.id] = {sentence: unit.sentence, label: labelOf(unit),
                          evidence: quoteRuns(unit.sentence, unit.spans, marksOf(unit))};
    });
    return answers;
  }

  function describe(unit, maxQuotes, maxWords) {
    var quotes = quoteRuns(unit.sentence, unit.spans, marksOf(unit));
    if (!quotes.length) {
      return "No words marked yet.";
    }
    var parts = quotes.map(function (q) {
      var count = q.split(/\s+/).filter(Boolean).length;
      return "“" + q + "” (" + count + (count === 1 ? " word" : " words") +
        (count > maxWords ? ": more than " + maxWords : "") + ")";
    });
    var text = (quotes.length === 1 ? "Your quote: " : "Your " + quotes.length + " quotes: ") +
      parts.join("; ") + ".";
    if (quotes.length > maxQuotes) {
      text += " That is more than " + maxQuotes + " quotes.";
    }
    return text;
  }

  function load() {
    var raw = null;
    try {
      raw = window.localStorage.getItem(STORE);
    } catch (err) {
      return {state: null, problem: "This browser does not let the page keep your answers: " +
        "download the file before you leave."};
    }
    if (raw === null) {
      return {state: null, problem: null};
    }
    try {
      var state = JSON.parse(raw);
      if (state && state.version === STORE_VERSION && state.units) {
        return {state: state, problem: null};
      }
    } catch (err) { /* reported below */ }
    try {
      window.localStorage.setItem(STORE + ":unreadable", raw);
    } catch (err) { /* nothing more to do */ }
    return {state: null, problem: "The answers saved in this browser could not be read; " +
      "they are kept under " + STORE + ":unreadable. The form starts empty."};
  }

  function restore(units, state) {
    units.forEach(function (unit) {
      var saved = state.units[unit.id];
      if (!saved) {
        return;
      }
      unit.radios.forEach(function (radio) { radio.checked = radio.value === saved.label; });
      if (saved.sentence === unit.sentence && Array.isArray(saved.marked)) {
        saved.marked.forEach(function (index) {
          if (unit.boxes[index]) {
            unit.boxes[index].checked = true;
          }
        });
      }
    });
  }

  function snapshot(units) {
    var state = {version: STORE_VERSION, units: {}};
    units.forEach(function (unit) {
      var marked = [];
      unit.boxes.forEach(function (box, index) {
        if (box.checked) {
          marked.push(index);
        }
      });
      state.units[unit.id] = {sentence: unit.sentence, label: labelOf(unit), marked: marked};
    });
    return state;
  }

  function download(name, text) {
    var url = URL.createObjectURL(new Blob([text], {type: "text/x-python;charset=utf-8"}));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  /* Marks every word a mouse selection inside one sentence touches, then clears it. */
  function markSelection(unit) {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !unit.words.contains(selection.anchorNode) ||
        !unit.words.contains(selection.focusNode)) {
      return false;
    }
    var touched = unit.boxes.filter(function (box) {
      return selection.containsNode(box.parentNode, true);
    });
    if (!touched.length) {
      return false;
    }
    var mark = !touched.every(function (box) { return box.checked; });
    touched.forEach(function (box) { box.checked = mark; });
    selection.removeAllRanges();
    return true;
  }

  /* Arrow keys, Home and End move between a sentence's words; one word is in the Tab order. */
  function moveFocus(unit, event) {
    var index = unit.boxes.indexOf(event.target);
    if (index < 0) {
      return;
    }
    var next = {ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1,
                ArrowUp: index - 1, Home: 0, End: unit.boxes.length - 1}[event.key];
    if (next === undefined) {
      return;
    }
    event.preventDefault();
    next = Math.max(0, Math.min(unit.boxes.length - 1, next));
    unit.boxes[index].tabIndex = -1;
    unit.boxes[next].tabIndex = 0;
    unit.boxes[next].focus();
  }

  function setUp(form) {
    var units = unitsOf(form);
    var order = units.map(function (unit) { return unit.id; });
    var maxQuotes = Number(form.getAttribute("data-max-quotes"));
    var maxWords = Number(form.getAttribute("data-max-words"));
    var fileName = form.getAttribute("data-file");
    var status = form.querySelector(".sw-lf-status");
    var preview = form.querySelector(".sw-lf-preview");
    var loaded = load();
    if (loaded.state) {
      restore(units, loaded.state);
    }

    function source() {
      return pythonSource(answersOf(units), order);
    }

    function refresh(save) {
      units.forEach(function (unit) {
        unit.quotes.textContent = describe(unit, maxQuotes, maxWords);
      });
      preview.textContent = source();
      if (!save) {
        return;
      }
      try {
        window.localStorage.setItem(STORE, JSON.stringify(snapshot(units)));
        if (window.sourcewise && window.sourcewise.storage) {
          window.sourcewise.storage.save(fileName, preview.textContent);
        }
        status.textContent = "Saved in this browser.";
      } catch (err) {
        status.textContent = "This browser did not let the page save your answers: " +
          "download the file to keep them.";
      }
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("change", function () { refresh(true); });
    units.forEach(function (unit) {
      var selected = false;
      unit.words.addEventListener("mouseup", function () {
        selected = markSelection(unit);
        if (selected) {
          refresh(true);
          setTimeout(function () { selected = false; }, 0);
        }
      });
      unit.words.addEventListener("click", function (event) {
        if (selected) {  // a selection inside one word: marked already, do not toggle it back
          event.preventDefault();
          selected = false;
        }
      }, true);
      unit.words.addEventListener("keydown", function (event) { moveFocus(unit, event); });
      unit.item.querySelector(".sw-lf-clear").addEventListener("click", function () {
        unit.radios.forEach(function (radio) { radio.checked = false; });
        unit.boxes.forEach(function (box) { box.checked = false; });
        refresh(true);
      });
    });
    form.querySelector(".sw-lf-download").addEventListener("click", function () {
      download(fileName, source());
      status.textContent = "Downloaded " + fileName + ".";
    });
    form.querySelector(".sw-lf-reset").addEventListener("click", function () {
      if (!window.confirm("Clear every label and every marked word? This cannot be undone.")) {
        return;
      }
      units.forEach(function (unit) {
        unit.radios.forEach(function (radio) { radio.checked = false; });
        unit.boxes.forEach(function (box) { box.checked = false; });
      });
      refresh(true);
    });
    var check = form.querySelector(".sw-lf-check");
    var results = form.querySelector(".sw-lf-results");
    var runner = window.sourcewise;
    var all = form.querySelector(".sw-lf-download-all");
    if (!runner || typeof runner.runChecks !== "function") {
      check.hidden = true;  // no runner on this site: the file is checked with pytest
      all.hidden = true;
    } else if (loaded.state && runner.storage) {
      runner.storage.save(fileName, source());
    }
    all.addEventListener("click", function () {
      var files = {};
      files[fileName] = source();
      runner.storage.save(fileName, files[fileName]);
      runner.downloadAll(files);
      status.textContent = "Downloaded the zip of all your exercises, this form's answers included.";
    });
    check.addEventListener("click", function () {
      var files = {};
      files[fileName] = source();
      check.disabled = true;
      results.textContent = "";
      var progress = document.createElement("p");
      progress.setAttribute("role", "status");
      var bar = document.createElement("progress");
      bar.max = 1;
      var words = document.createElement("span");
      words.textContent = "Starting the checks…";
      progress.appendChild(bar);
      progress.appendChild(document.createTextNode(" "));
      progress.appendChild(words);
      bar.setAttribute("aria-label", "Progress of the checks");
      results.appendChild(progress);
      var options = {onProgress: function (text, fraction) {
        words.textContent = text;
        if (typeof fraction === "number") {
          bar.value = fraction;
        } else {
          bar.removeAttribute("value");
        }
      }};
      Promise.resolve().then(function () {
        return runner.runChecks(form.getAttribute("data-exercise"), files, options);
      }).then(function (result) {
        var heading = runner.renderResults(results, result);
        if (heading && heading.focus) {
          heading.focus();
        }
      }, function (err) {
        results.textContent = "The checks did not run: " + (err && err.message ? err.message : err) +
          ". Download the file and run pytest exercises/test_label_by_hand.py on a computer.";
      }).then(function () {
        check.disabled = false;
        status.textContent = "Checked at " + new Date().toLocaleTimeString() + ".";
      });
    });
    refresh(false);
    if (loaded.problem) {
      status.textContent = loaded.problem;
    }
    form.hidden = false;
    form.sourcewise = {answers: function () { return answersOf(units); }, source: source};
  }

  function start() {
    var form = document.getElementById("sw-label-form");
    if (form && !form.sourcewise) {
      setUp(form);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
