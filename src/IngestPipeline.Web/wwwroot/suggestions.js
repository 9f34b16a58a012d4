// A re-OCR's reading of a line, offered under it: Take puts it in the line's field as if typed (so the draft, the
// highlights and Save follow as for any edit) and the offer goes.
"use strict";
for (const offer of document.querySelectorAll(".suggested")) {
  offer.querySelector(".take-line").addEventListener("click", () => {
    const field = offer.closest(".line").querySelector("textarea");
    field.value = offer.dataset.text;
    field.dispatchEvent(new Event("input", { bubbles: true }));
    offer.remove();
    field.focus();
  });
}
