/* "Trace it yourself": a Check button on each item gives feedback at once. The right
   answers are read from the item's own answer section on the page, so this file holds no
   copy of them. Without JavaScript the button stays hidden and the student opens the
   answer instead. */
(function () {
  "use strict";

  function labelText(form, input) {
    var label = form.querySelector('label[for="' + input.id + '"]');
    return label ? label.textContent.trim() : input.value;
  }

  function check(form) {
    var item = form.getAttribute("data-item");
    var answer = document.getElementById(item + "-answer");
    var source = answer.querySelector("[data-answer]").getAttribute("data-answer");
    var changes = answer.querySelector("[data-changes]").getAttribute("data-changes").split(" ");
    var pickedSource = form.querySelector('input[name="' + item + '-source"]:checked');
    var pickedChange = form.querySelector('input[name="' + item + '-change"]:checked');
    var lines = [];
    if (!pickedSource || !pickedChange) {
      lines.push("Answer both questions first.");
    } else {
      lines.push(pickedSource.value === source
        ? "✓ Right report."
        : "✗ Not that one: " + labelText(form, pickedSource).slice(0, 60) + "… Look again.");
      lines.push(changes.indexOf(pickedChange.value) >= 0
        ? "✓ Right: " + labelText(form, pickedChange) + "."
        : "✗ Not the main change. Compare the words again.");
      lines.push(answer.querySelector(".sw-trace__why").textContent.trim());
    }
    var feedback = form.querySelector(".sw-trace__feedback");
    feedback.textContent = lines.join(" ");
  }

  function setUp() {
    document.querySelectorAll(".sw-trace__check, .sw-trace__scripted").forEach(function (el) {
      el.hidden = false;
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target.closest ? event.target.closest(".sw-trace__form") : null;
    if (form) {
      event.preventDefault();
      check(form);
    }
  });

  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(setUp);
  } else {
    setUp();
  }
})();
