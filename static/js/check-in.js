// Check-in at the door: filters the list while the name is typed (the search form works without this script).
// Names are compared as the server does (common.text.search_key): case, accents and "ue" for "ü" do not matter.
(function () {
  "use strict";
  function key(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/ß/g, "ss").replace(/[^a-z0-9]+/g, " ").trim().replace(/([aou])e/g, "$1");
  }
  document.addEventListener("DOMContentLoaded", function () {
    var input = document.getElementById("check-in-q");
    var list = document.getElementById("people");
    var none = document.getElementById("people-none");
    if (!input || !list) { return; }
    var people = Array.prototype.slice.call(list.querySelectorAll("li[data-search]"));
    function filter() {
      var wanted = key(input.value);
      var shown = 0;
      people.forEach(function (person) {
        var match = person.getAttribute("data-search").indexOf(wanted) !== -1;
        person.hidden = !match;
        shown += match ? 1 : 0;
      });
      if (none) { none.hidden = shown > 0 || people.length === 0; }
    }
    input.addEventListener("input", filter);
    // A name typed before this script ran (slow phone) or restored by the browser filters too.
    if (input.value) { filter(); }
  });
})();
