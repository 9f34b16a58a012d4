// Upload: files from the picker or dropped on the zone are one batch (opened first, so its page can be found
// again later) and go up one request per file, so each gets its own row and error; then the rows follow the
// documents through the stages, polling once a second.
"use strict";
(() => {
  const form = document.getElementById("upload-form");
  const zone = document.getElementById("dropzone");
  const picker = document.getElementById("files");
  const body = document.querySelector("#uploads tbody");
  const token = form.querySelector("input[name=__RequestVerificationToken]").value;
  const rows = new Map(); // document id -> { tr, note }: the row, and what it says besides the stage (kept across polls)
  const settled = new Set(["AwaitingReview", "Approved", "Published", "Rejected", "Failed"]);

  function row(name) {
    const tr = document.createElement("tr");
    tr.innerHTML = '<td class="name"></td><td class="status"></td><td><span class="progress"><span></span></span> <span class="pages"></span></td><td class="flags num"></td><td class="link"></td>';
    tr.querySelector(".name").textContent = name;
    body.prepend(tr);
    document.getElementById("uploads-empty").hidden = true;
    return tr;
  }

  function show(tr, stage, reason, done, total, flags, id) {
    const status = tr.querySelector(".status");
    status.replaceChildren();
    const badge = document.createElement("span");
    badge.className = `stage stage-${stage.toLowerCase()}`;
    badge.textContent = stage;
    status.append(badge);
    if (reason) {
      const why = document.createElement("div");
      why.className = "reason";
      why.textContent = reason;
      status.append(why);
    }
    const fraction = stage === "Failed" ? 0 : settled.has(stage) ? 1 : total ? done / total : 0;
    tr.querySelector(".progress > span").style.width = `${Math.round(fraction * 100)}%`;
    tr.querySelector(".pages").textContent = total ? `${done}/${total} pages` : "";
    tr.querySelector(".flags").textContent = settled.has(stage) && stage !== "Failed" ? flags : "";
    if (id && !tr.querySelector(".link a")) {
      const a = document.createElement("a");
      a.href = `/documents/${id}`;
      a.textContent = "open";
      tr.querySelector(".link").append(a);
    }
  }

  async function openBatch() {
    const data = new FormData();
    data.append("collection", form.elements.collection.value);
    const response = await fetch("/api/batches", { method: "POST", body: data, headers: { RequestVerificationToken: token } }).catch(() => null);
    if (!response?.ok) return null; // the files still go up, each request a batch of its own
    const { id } = await response.json();
    const notice = document.getElementById("batch-link");
    notice.querySelector("a").href = `/batches/${id}`;
    notice.hidden = false;
    return id;
  }

  async function upload(file, batch) {
    const tr = row(file.name);
    show(tr, "Uploading", null, 0, 0, 0, null);
    const data = new FormData();
    data.append("files", file, file.name);
    if (batch) data.append("batch", batch);
    for (const field of ["collection", "sourceArchive", "recordId"]) data.append(field, form.elements[field].value);
    try {
      const response = await fetch("/api/documents", { method: "POST", body: data, headers: { RequestVerificationToken: token } });
      if (!response.ok) {
        const problem = await response.json().catch(() => null);
        show(tr, "Failed", problem?.detail ?? `The server answered ${response.status}.`, 0, 0, 0, null);
        return;
      }
      const [result] = await response.json();
      if (result.error) { show(tr, "Failed", result.error, 0, 0, 0, null); return; }
      const note = result.duplicate ? "Already uploaded: this is the existing document." : null;
      show(tr, result.stage, note, 0, 0, 0, result.documentId);
      rows.set(result.documentId, { tr, note });
    } catch (e) {
      show(tr, "Failed", `The upload did not reach the server (${e.message}).`, 0, 0, 0, null);
    }
  }

  async function poll() {
    const open = [...rows.keys()];
    if (open.length > 0) {
      const query = open.map(id => `id=${encodeURIComponent(id)}`).join("&");
      const response = await fetch(`/api/documents/stages?${query}`).catch(() => null);
      if (response?.ok) {
        for (const d of await response.json()) {
          const { tr, note } = rows.get(d.id);
          show(tr, d.stage, d.failureReason ?? note, d.pagesRecognized, d.pageCount, d.flagCount, d.id);
          if (settled.has(d.stage)) rows.delete(d.id);
        }
      }
    }
    setTimeout(poll, 1000);
  }

  async function send(files) {
    if (files.length === 0) return;
    const batch = await openBatch();
    for (const file of files) await upload(file, batch);
  }

  picker.addEventListener("change", () => { send([...picker.files]); picker.value = ""; });
  zone.addEventListener("dragover", e => { e.preventDefault(); zone.classList.add("over"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", e => { e.preventDefault(); zone.classList.remove("over"); send([...e.dataTransfer.files]); });
  form.addEventListener("submit", e => e.preventDefault());
  poll();
})();
