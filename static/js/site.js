// Progressive enhancements only: every page works without this file.
(function () {
  "use strict";

  // Cached pages carry no CSRF token. Before the newsletter form is sent, ask the
  // server for this visitor's token; without JavaScript the signup page asks the
  // visitor to confirm instead (newsletter.views.csrf_failure).
  function addCsrfToken(form) {
    form.addEventListener("submit", function (event) {
      if (form.querySelector("input[name=csrfmiddlewaretoken]")) {
        return;
      }
      event.preventDefault();
      fetch(form.dataset.csrfUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          var input = document.createElement("input");
          input.type = "hidden";
          input.name = "csrfmiddlewaretoken";
          input.value = data.token;
          form.appendChild(input);
        })
        .catch(function () { /* The server-side fallback takes over. */ })
        .then(function () { form.submit(); });
    });
  }

  document.querySelectorAll("form.newsletter-form[data-csrf-url]").forEach(addCsrfToken);
})();
