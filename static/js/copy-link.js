// The share page's "Copy link" button. Without JavaScript the button stays hidden and
// the address can still be selected in its read-only field.
document.querySelectorAll("[data-copy-link]").forEach((button) => {
  const field = document.getElementById(button.dataset.copyLink);
  const status = button.parentElement.querySelector("[data-copy-status]");
  if (!field) return;
  button.hidden = false;
  button.addEventListener("click", async () => {
    field.select();
    try {
      await navigator.clipboard.writeText(field.value);
    } catch {
      document.execCommand("copy");
    }
    if (status) status.textContent = button.dataset.copiedText;
  });
});
