// Wagtail's editor asks "… saved a new version. Proceeding will overwrite …" when it
// learns of a newer version; its "Continue" then re-sends the form. The server refuses
// saves built on an out-of-date version (editing/views.py) unless the form says the
// editor chose to overwrite, so say it. Capturing on the document runs this before
// Wagtail's own listener on the dialog re-clicks the save button.
document.addEventListener(
  "w-dialog:confirmed",
  (event) => {
    if (event.target.id !== "w-save-confirmation-dialog") return;
    const form = document.getElementById("page-edit-form");
    if (!form || form.elements.namedItem("overwrite_newer_version")) return;
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = "overwrite_newer_version";
    input.value = "1";
    form.appendChild(input);
  },
  true,
);
