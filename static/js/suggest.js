// Name suggestions for the participant and speaker filters: an <input list=…
// data-suggest=URL> gets its <datalist> filled from the JSON the URL returns.
// Loaded as a file (no inline script) so a strict Content-Security-Policy holds.
(function () {
  "use strict";
  function attach(input) {
    var list = document.getElementById(input.getAttribute("list"));
    var url = input.getAttribute("data-suggest");
    var timer = null;
    var asked = "";
    if (!list || !url) { return; }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var text = input.value.trim();
        if (text.length < 2 || text === asked) { return; }
        asked = text;
        fetch(url + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) {
            list.replaceChildren.apply(list, data.results.map(function (person) {
              var option = document.createElement("option");
              option.value = person.name;
              option.label = person.label;
              return option;
            }));
          })
          .catch(function () { /* suggestions are a convenience; typing a name still works */ });
      }, 150);
    });
  }
  document.querySelectorAll("input[data-suggest][list]").forEach(attach);
}());
