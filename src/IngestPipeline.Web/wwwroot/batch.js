// A batch's page keeps itself up to date while any of its files is in the pipeline's hands: it fetches itself again
// every two seconds and takes the new summary and rows (one rendering, the server's), until every file has settled.
"use strict";
(() => {
  const summary = document.getElementById("batch-summary");
  if (!summary) return;
  async function refresh() {
    if (summary.dataset.settled === "true") return;
    const response = await fetch(location.href, { headers: { Accept: "text/html" } }).catch(() => null);
    if (response?.ok) {
      const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
      const freshSummary = fresh.getElementById("batch-summary"), freshRows = fresh.querySelector("#uploads tbody");
      if (freshSummary && freshRows) {
        summary.textContent = freshSummary.textContent;
        summary.dataset.settled = freshSummary.dataset.settled;
        document.querySelector("#uploads tbody").replaceWith(freshRows);
      }
    }
    setTimeout(refresh, 2000);
  }
  setTimeout(refresh, 2000);
})();
