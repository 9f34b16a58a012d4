// The queue: a page read before there were thumbnails has none; its empty image goes rather than show as broken.
// The first column chooses documents for the bulk actions; its heading chooses them all, and the bar says how many.
"use strict";
for (const image of document.querySelectorAll(".thumb img")) {
  if (image.complete && image.naturalWidth === 0) image.remove();
  else image.addEventListener("error", () => image.remove());
}

const chooseAll = document.getElementById("choose-all");
const choices = [...document.querySelectorAll("input.choose")];
const chosen = document.getElementById("chosen");
function count() {
  const n = choices.filter(c => c.checked).length;
  if (chosen) chosen.textContent = n === 0 ? "Tick documents to act on several at once." : `${n} chosen:`;
  if (chooseAll) chooseAll.checked = n > 0 && n === choices.length;
}
chooseAll?.addEventListener("change", () => { for (const c of choices) c.checked = chooseAll.checked; count(); });
for (const c of choices) c.addEventListener("change", count);
count();
