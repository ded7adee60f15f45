// Mark a review cell as edited as soon as its value differs from what the parser read, so the
// officer sees unsaved corrections before saving. The page works the same without it.
document.addEventListener("input", (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || !input.hasAttribute("data-original")) return;
  input.classList.toggle("edited", input.value.trim() !== input.dataset.original);
});
