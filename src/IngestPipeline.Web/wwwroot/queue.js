// The queue: a page read before there were thumbnails has none; its empty image goes rather than show as broken.
"use strict";
for (const image of document.querySelectorAll(".thumb img")) {
  if (image.complete && image.naturalWidth === 0) image.remove();
  else image.addEventListener("error", () => image.remove());
}
