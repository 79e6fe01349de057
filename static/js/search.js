// Suggestions under the search box, following the ARIA 1.2 combobox pattern with a
// listbox popup. Without this file the box is a plain search field that submits to
// the results page.
(function () {
  "use strict";

  var MIN_LENGTH = 2;
  var DELAY = 150;

  function setUp(form) {
    var input = form.querySelector("input[name=q][data-listbox]");
    if (!input || !window.fetch) {
      return;
    }
    var listbox = document.getElementById(input.dataset.listbox);
    var status = document.getElementById(input.dataset.status);
    var options = [];
    var active = -1;
    var timer = null;
    var request = 0;
    var lastQuery = "";

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);

    function announce(count) {
      var message = count === 0 ? status.dataset.none
        : count === 1 ? status.dataset.one
        : status.dataset.many.replace("{n}", String(count));
      status.textContent = message;
    }

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function render(suggestions) {
      listbox.textContent = "";
      options = suggestions.map(function (suggestion, i) {
        var option = document.createElement("li");
        option.id = listbox.id + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.className = "search-form__suggestion";
        option.dataset.url = suggestion.url;
        option.textContent = suggestion.title;
        if (suggestion.matched && suggestion.matched !== suggestion.title) {
          var matched = document.createElement("span");
          matched.className = "search-form__matched";
          matched.textContent = " (" + suggestion.matched + ")";
          option.appendChild(matched);
        }
        option.addEventListener("mousedown", function (event) {
          // Keep focus in the input so the click is not lost to a blur.
          event.preventDefault();
        });
        option.addEventListener("click", function () {
          window.location.assign(option.dataset.url);
        });
        listbox.appendChild(option);
        return option;
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (options.length) {
        listbox.hidden = false;
        input.setAttribute("aria-expanded", "true");
      } else {
        close();
      }
      announce(options.length);
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query === lastQuery) {
        return;
      }
      lastQuery = query;
      if (query.length < MIN_LENGTH) {
        render([]);
        status.textContent = "";
        return;
      }
      var current = ++request;
      var url = form.dataset.suggestUrl + "?q=" + encodeURIComponent(query);
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (suggestions) {
          if (current === request && Array.isArray(suggestions)) {
            render(suggestions);
          }
        })
        .catch(function () { /* The form still submits to the results page. */ });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      var open = !listbox.hidden && options.length > 0;
      switch (event.key) {
        case "ArrowDown":
          if (!open && options.length) {
            listbox.hidden = false;
            input.setAttribute("aria-expanded", "true");
          }
          if (options.length) {
            event.preventDefault();
            highlight(active + 1 >= options.length ? 0 : active + 1);
          }
          break;
        case "ArrowUp":
          if (open) {
            event.preventDefault();
            highlight(active <= 0 ? options.length - 1 : active - 1);
          }
          break;
        case "Enter":
          if (open && active >= 0) {
            event.preventDefault();
            window.location.assign(options[active].dataset.url);
          }
          break;
        case "Escape":
          if (open) {
            event.preventDefault();
            close();
          } else if (input.value) {
            event.preventDefault();
            input.value = "";
            lastQuery = "";
          }
          break;
        default:
          break;
      }
    });

    input.addEventListener("blur", function () {
      window.setTimeout(close, 100);
    });
  }

  document.querySelectorAll("form.search-form[data-suggest-url]").forEach(setUp);
})();
