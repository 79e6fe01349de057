// Progressive enhancement for the comment form under a guide (templates/comments/).
(function () {
  "use strict";

  // Cached guides carry no CSRF token: ask for this visitor's token before sending,
  // as static/js/site.js does for the newsletter form.
  document.querySelectorAll("form.comment-form[data-csrf-url]").forEach(function (form) {
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
        .catch(function () { /* Django's CSRF page explains the failure. */ })
        .then(function () { form.submit(); });
    });
  });

  // After sending, move focus to the "Thank you" message.
  var status = document.querySelector("[data-focus-on-load]");
  if (status) {
    status.focus();
  }
})();
