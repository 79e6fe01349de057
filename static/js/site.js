// Progressive enhancements only: every page works without this file.
(function () {
  "use strict";

  // Cached pages carry no CSRF token. Before a form is sent, ask the
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

  // The newsletter form, and the comment form under a guide (templates/comments/).
  document
    .querySelectorAll("form.newsletter-form[data-csrf-url], form.comment-form[data-csrf-url]")
    .forEach(addCsrfToken);

  // After a comment is sent, move focus to the "Thank you" message.
  var status = document.querySelector("[data-focus-on-load]");
  if (status) {
    status.focus();
  }
})();
