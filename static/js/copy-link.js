// Copy buttons (the speaker link on a talk's admin page): <button type="button" data-copy="INPUT-ID"> copies that
// input's text and says so in the element named by data-copy-status (a live region). No inline script, for the CSP.
(function () {
  "use strict";

  function say(button, text) {
    var status = document.getElementById(button.getAttribute("data-copy-status"));
    if (status) {
      status.textContent = text;
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-copy]");
    if (!button) {
      return;
    }
    var input = document.getElementById(button.getAttribute("data-copy"));
    if (!input) {
      return;
    }
    var selectIt = function () {
      input.focus();
      input.select();
      say(button, "Selected: press Ctrl+C (⌘C on a Mac) to copy.");
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(function () {
        say(button, "Copied.");
      }, selectIt);
    } else {
      selectIt();
    }
  });
})();
