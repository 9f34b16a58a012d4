// The review page: flags one key away, the scan following the text, drafts autosaved.
// Everything the page shows from the transcript goes through textContent or input values, never innerHTML.
"use strict";
(() => {
  const root = document.getElementById("review");
  if (!root) return;
  const form = document.getElementById("review-form");
  const viewport = document.getElementById("viewport");
  const sheets = [...document.querySelectorAll(".sheet")];
  const crop = document.getElementById("crop");
  const editable = root.dataset.editable === "true";
  const imageOf = page => `/api/documents/${root.dataset.document}/pages/${page}/image`;

  // ---- Flags, in reading order: the line they sit in and what they covered when the page was made. ----
  const flags = [];
  for (const line of document.querySelectorAll(".line")) {
    const input = line.querySelector("textarea");
    for (const f of JSON.parse(line.dataset.flags)) {
      // state: open, kept (left as it is), fixed (its text typed over) or accepted (the guess put in its place).
      flags.push({ line, input, page: +line.dataset.page, kind: f.k, start: f.s, text: input.value.substr(f.s, f.l), box: f.b, guess: f.g ?? "", confidence: f.c, probability: f.p ?? null, state: f.x ? "kept" : "open" });
    }
  }
  let current = -1;

  /** Where the flag's text is now: at its place if untouched, else its nearest occurrence in the line, else nowhere. */
  function locate(flag) {
    const value = flag.input.value;
    if (value.substr(flag.start, flag.text.length) === flag.text) return flag.start;
    let best = -1;
    for (let at = value.indexOf(flag.text); at >= 0; at = value.indexOf(flag.text, at + 1)) {
      if (best < 0 || Math.abs(at - flag.start) < Math.abs(best - flag.start)) best = at;
    }
    return best;
  }

  const progress = document.getElementById("flag-progress");
  function showProgress() {
    if (flags.length > 0) progress.textContent = `${flags.filter(f => f.state !== "open").length} of ${flags.length} flags resolved`;
  }
  showProgress();

  function select(index) {
    if (flags.length === 0) return;
    const wrapped = index >= flags.length ? " (back to the first)" : index < 0 ? " (back to the last)" : "";
    current = (index + flags.length) % flags.length;
    const flag = flags[current];
    document.querySelectorAll("mark.current").forEach(m => m.classList.remove("current"));
    document.querySelectorAll(".box.current").forEach(b => b.classList.remove("current"));
    const mark = flag.line.querySelectorAll("mark")[flags.filter(f => f.line === flag.line).indexOf(flag)];
    if (mark) mark.classList.add("current");
    document.getElementById(`box-${current}`)?.classList.add("current");

    document.getElementById("flag-position").textContent = `Flag ${current + 1} of ${flags.length}${wrapped}`;
    document.getElementById("flag-kind").textContent =
      flag.kind === "illegible" ? "[ILLEGIBLE]" : flag.kind === "disputed" ? "the two engines disagree" : "low confidence";
    document.getElementById("flag-guess").textContent = flag.guess || "(nothing read)";
    // A marker the learned decision set says how sure it is that nobody can read the span.
    document.getElementById("flag-confidence").textContent = flag.probability == null
      ? `confidence ${flag.confidence}` : `unreadable with probability ${flag.probability.toFixed(2)}`;
    showCrop(flag);
    showPage(flag.page, flag.box);

    flag.line.scrollIntoView({ block: "nearest" });
    flag.input.focus({ preventScroll: true });
    const at = locate(flag);
    if (at >= 0) flag.input.setSelectionRange(at, at + flag.text.length);
  }

  /**
   * The flagged place enlarged, outlined, with some context: the page image as a background, scaled so its line's
   * type is about 36 px high (and at least 1.5× the scan beside it): a wide or tall place scrolls in the panel
   * rather than being shrunk to fit.
   */
  const cropImage = document.getElementById("crop-image"), cropBox = document.getElementById("crop-box");
  function showCrop(flag) {
    const sheet = sheets.find(s => +s.dataset.page === flag.page);
    const [x, y, w, h] = flag.box;
    const lineHeight = +flag.line.dataset.box.split(",")[3] || h;
    const padX = Math.max(h * 2, 40), padY = Math.max(h * 0.8, 12);
    const left = Math.max(0, x - padX), top = Math.max(0, y - padY);
    const width = Math.min(+sheet.dataset.width - left, w + 2 * padX), height = Math.min(+sheet.dataset.height - top, h + 2 * padY);
    const scale = Math.min(3, Math.max(36 / Math.max(lineHeight, 1), 1.5 * scaleOf(sheet)));
    cropImage.style.backgroundImage = `url("${imageOf(flag.page)}")`;
    cropImage.style.backgroundSize = `${sheet.dataset.width * scale}px ${sheet.dataset.height * scale}px`;
    cropImage.style.backgroundPosition = `${-left * scale}px ${-top * scale}px`;
    cropImage.style.height = `${height * scale}px`;
    cropImage.style.width = `${width * scale}px`;
    Object.assign(cropBox.style, { left: `${(x - left) * scale}px`, top: `${(y - top) * scale}px`, width: `${w * scale}px`, height: `${h * scale}px` });
    crop.hidden = false;
    crop.scrollLeft = Math.max(0, (x - left) * scale - 24);
    crop.scrollTop = Math.max(0, (y - top) * scale - 12);
  }

  // ---- The scan: one page at a time, zoom, pan by dragging, boxes over the flags. ----
  let zoom = 0; // 0: fit the width
  let shown = sheets[0] ? +sheets[0].dataset.page : 1;

  function scaleOf(sheet) {
    return zoom || (viewport.clientWidth - 2) / +sheet.dataset.width;
  }

  function layout() {
    for (const sheet of sheets) {
      const scale = scaleOf(sheet);
      sheet.hidden = +sheet.dataset.page !== shown;
      sheet.style.width = `${sheet.dataset.width * scale}px`;
      sheet.style.height = `${sheet.dataset.height * scale}px`;
    }
    document.querySelectorAll(".page-tab").forEach(t => t.classList.toggle("active", +t.dataset.page === shown));
  }

  function showPage(page, box) {
    shown = page;
    layout();
    if (!box) return;
    const sheet = sheets.find(s => +s.dataset.page === page);
    const scale = scaleOf(sheet);
    viewport.scrollTo({
      left: (box[0] + box[2] / 2) * scale - viewport.clientWidth / 2,
      top: (box[1] + box[3] / 2) * scale - viewport.clientHeight / 2,
    });
  }

  /** Places an outline over a box of the page (image pixels), in percentages so it follows the zoom. */
  function place(element, sheet, [x, y, w, h]) {
    const W = +sheet.dataset.width, H = +sheet.dataset.height;
    Object.assign(element.style, { left: `${(100 * x) / W}%`, top: `${(100 * y) / H}%`, width: `${(100 * w) / W}%`, height: `${(100 * h) / H}%` });
  }

  flags.forEach((flag, i) => {
    const sheet = sheets.find(s => +s.dataset.page === flag.page);
    const box = document.createElement("div");
    box.className = `box ${flag.kind}`;
    box.id = `box-${i}`;
    place(box, sheet, flag.box);
    box.addEventListener("click", () => select(i));
    sheet.appendChild(box);
  });

  // The line being worked on, outlined on the scan.
  const lineMark = document.createElement("div");
  lineMark.className = "box line-focus";
  function markLine(line, box) {
    const sheet = sheets.find(s => +s.dataset.page === +line.dataset.page);
    place(lineMark, sheet, box);
    sheet.appendChild(lineMark);
  }

  // Marks that are not text (handwriting, stamps, punch holes), as the server listed them on each sheet.
  for (const region of document.querySelectorAll(".sheet .region")) place(region, region.closest(".sheet"), region.dataset.box.split(",").map(Number));

  function setZoom(next) {
    const sheet = sheets.find(s => +s.dataset.page === shown);
    if (!sheet) return;
    const before = scaleOf(sheet);
    const cx = (viewport.scrollLeft + viewport.clientWidth / 2) / before, cy = (viewport.scrollTop + viewport.clientHeight / 2) / before;
    zoom = next === 0 ? 0 : Math.min(4, Math.max(0.1, next));
    layout();
    const after = scaleOf(sheet);
    viewport.scrollTo({ left: cx * after - viewport.clientWidth / 2, top: cy * after - viewport.clientHeight / 2 });
  }
  const zoomBy = factor => setZoom(scaleOf(sheets.find(s => +s.dataset.page === shown)) * factor);
  document.getElementById("zoom-in").addEventListener("click", () => zoomBy(1.25));
  document.getElementById("zoom-out").addEventListener("click", () => zoomBy(0.8));
  document.getElementById("zoom-fit").addEventListener("click", () => setZoom(0));
  document.querySelectorAll(".page-tab").forEach(t => t.addEventListener("click", () => showPage(+t.dataset.page)));
  viewport.addEventListener("wheel", e => {
    if (!e.ctrlKey) return;
    e.preventDefault();
    zoomBy(e.deltaY < 0 ? 1.1 : 0.9);
  }, { passive: false });
  let drag = null;
  viewport.addEventListener("pointerdown", e => {
    if (e.target.classList.contains("box")) return;
    drag = { x: e.clientX, y: e.clientY, left: viewport.scrollLeft, top: viewport.scrollTop };
    viewport.setPointerCapture(e.pointerId);
    viewport.classList.add("dragging");
  });
  viewport.addEventListener("pointermove", e => {
    if (drag) viewport.scrollTo(drag.left - (e.clientX - drag.x), drag.top - (e.clientY - drag.y));
  });
  viewport.addEventListener("pointerup", () => { drag = null; viewport.classList.remove("dragging"); });
  window.addEventListener("resize", layout);
  layout();

  // ---- Lines: the backdrop behind each input shows the highlights of what the input holds. ----
  function redraw(line) {
    const input = line.querySelector("textarea"), backdrop = line.querySelector(".backdrop");
    const marks = flags.filter(f => f.line === line && f.state !== "accepted").map(f => ({ flag: f, at: locate(f) })).filter(m => m.at >= 0).sort((a, b) => a.at - b.at);
    backdrop.replaceChildren();
    let at = 0;
    for (const { flag, at: start } of marks) {
      if (start < at) continue;
      backdrop.append(document.createTextNode(input.value.slice(at, start)));
      const mark = document.createElement("mark");
      mark.className = `${flag.kind}${flag.state === "open" ? "" : ` ${flag.state}`}${flags[current] === flag ? " current" : ""}`;
      mark.textContent = flag.text;
      backdrop.append(mark);
      at = start + flag.text.length;
    }
    backdrop.append(document.createTextNode(input.value.slice(at)));
  }

  /** A line's field as high as its text: lines wrap, nothing is cut off. */
  const fit = input => { input.style.height = "auto"; input.style.height = `${input.scrollHeight + 2}px`; };

  /** Each line's strip of the scan, scaled so its type is about the size of the text below it (and no wider than the column). */
  function drawStrips() {
    const column = document.querySelector(".line .field")?.clientWidth ?? 0; // every line's field is the column's width: read once
    for (const line of document.querySelectorAll(".line")) {
      const strip = line.querySelector(".strip"), sheet = sheets.find(s => +s.dataset.page === +line.dataset.page);
      const [x, y, w, h] = line.dataset.box.split(",").map(Number);
      if (!sheet || w <= 0 || h <= 0) continue;
      const scale = Math.min(column / w, 28 / h);
      Object.assign(strip.style, {
        backgroundImage: `url("${imageOf(line.dataset.page)}")`,
        backgroundSize: `${sheet.dataset.width * scale}px ${sheet.dataset.height * scale}px`,
        backgroundPosition: `${-x * scale}px ${-y * scale}px`,
        width: `${w * scale}px`, height: `${h * scale}px`,
      });
    }
  }
  // All heights reset, then all read, then all set: one layout for the whole page, not one per line.
  function fitAll() {
    drawStrips();
    const inputs = [...document.querySelectorAll(".line textarea")];
    inputs.forEach(input => { input.style.height = "auto"; });
    const heights = inputs.map(input => input.scrollHeight);
    inputs.forEach((input, i) => { input.style.height = `${heights[i] + 2}px`; });
  }
  fitAll();
  let resizing = 0;
  window.addEventListener("resize", () => { cancelAnimationFrame(resizing); resizing = requestAnimationFrame(fitAll); });

  let dirty = false;
  for (const line of document.querySelectorAll(".line")) {
    const input = line.querySelector("textarea");
    input.addEventListener("input", () => {
      // One typed line is one line: a pasted line break becomes a space.
      if (input.value.includes("\n")) input.value = input.value.replace(/\s*\n\s*/g, " ");
      fit(input);
      dirty = true;
      // A flag whose text is gone was typed over: fixed.
      for (const f of flags) if (f.line === line && f.state !== "accepted" && locate(f) < 0) f.state = "fixed";
      redraw(line);
      showProgress();
    });
    input.addEventListener("focus", () => {
      const box = line.dataset.box.split(",").map(Number);
      if (+line.dataset.page !== shown || current < 0 || flags[current].line !== line) showPage(+line.dataset.page, box);
      markLine(line, box);
    });
  }

  function replaceCurrent(text) {
    const flag = flags[current];
    if (!flag || !editable) return;
    const at = locate(flag);
    if (at < 0) return;
    flag.input.value = flag.input.value.slice(0, at) + text + flag.input.value.slice(at + flag.text.length);
    flag.state = "accepted";
    flag.input.dispatchEvent(new Event("input", { bubbles: true })); // redrawn, and kept like a typed edit
  }

  const next = () => select(current + 1);
  const previous = () => select(current < 0 ? flags.length - 1 : current - 1);
  const acceptGuess = () => { const f = flags[current]; if (f && f.guess) replaceCurrent(f.guess); next(); };
  const keep = () => {
    const f = flags[current];
    if (f && editable && f.state === "open") { f.state = "kept"; dirty = true; redraw(f.line); showProgress(); }
    next();
  };
  document.getElementById("flag-next").addEventListener("click", next);
  document.getElementById("flag-prev").addEventListener("click", previous);
  document.getElementById("flag-accept")?.addEventListener("click", acceptGuess);
  document.getElementById("flag-keep")?.addEventListener("click", keep);

  // ---- Every shortcut, on "?" (not while typing) or the Keys button; Esc closes. ----
  const keys = document.getElementById("keys");
  const showKeys = open => { keys.hidden = !open; if (open) document.getElementById("keys-close").focus(); };
  document.getElementById("keys-open").addEventListener("click", () => showKeys(true));
  document.getElementById("keys-close").addEventListener("click", () => showKeys(false));

  /** The kept flags for the server, as PAGE:LINE:WORD: the place of each one's word in its line as the text stands. */
  function keptField() {
    const kept = [];
    for (const f of flags) {
      const at = f.state === "kept" ? locate(f) : -1;
      if (at >= 0) kept.push(`${f.page}:${f.line.dataset.line}:${f.input.value.slice(0, at).split(/\s+/).filter(Boolean).length}`);
    }
    return kept.join(",");
  }

  function submit(decision) {
    if (!form || !editable) return;
    form.requestSubmit(document.querySelector(`button[name=decision][value=${decision}]`));
  }

  // Shortcuts go by the key pressed (e.code), not the character it types: on a Mac, Option+N types a dead key, and
  // Cmd is the Ctrl of Ctrl+S (which must not open the browser's own save dialog).
  const altActions = { KeyN: next, KeyP: previous, KeyG: acceptGuess, KeyK: keep, Equal: () => zoomBy(1.25), Minus: () => zoomBy(0.8), Digit0: () => setZoom(0) };
  document.addEventListener("keydown", e => {
    if (e.target.closest?.(".line-comment")) return; // the comment box has keys of its own (comments.js)
    const command = e.ctrlKey || e.metaKey;
    if (e.key === "Escape" && !keys.hidden) { showKeys(false); return; }
    if (e.key === "?" && !e.target.matches("input, textarea")) { e.preventDefault(); showKeys(true); return; }
    if (e.altKey && !command) {
      const action = altActions[e.code];
      if (action) { e.preventDefault(); action(); }
    } else if (command && e.code === "KeyS") {
      e.preventDefault();
      submit("save");
    } else if (command && e.key === "Enter") {
      e.preventDefault();
      submit("approve");
    } else if (e.key === "Enter" && e.target.matches(".line textarea")) {
      e.preventDefault(); // Enter in a line moves on; it never submits the form by accident
      next();
    } else if (e.key === "Enter" && e.target.matches(".metadata input")) {
      e.preventDefault(); // nor in a metadata field: it goes to the next field, as Tab does
      const fields = [...form.querySelectorAll(".metadata input, textarea[name=Comment]")];
      fields[fields.indexOf(e.target) + 1]?.focus();
    }
  });

  // ---- Drafts: kept in this browser at every change and autosaved to the server every few seconds; never a version.
  // When the session has ended, the server answers 401: the page says so, and the edits wait in the browser until
  // the reviewer signs in again and reopens the page.
  if (form && editable) {
    const status = document.getElementById("autosave");
    const revision = form.elements.Revision.value;
    const stored = `review:${root.dataset.document}`;
    const fields = () => [...form.querySelectorAll(".line textarea, .metadata input, textarea[name=Comment]")];
    const keepInBrowser = () => {
      try {
        localStorage.setItem(stored, JSON.stringify({ revision, at: new Date().toISOString(), values: Object.fromEntries(fields().map(f => [f.name, f.value])) }));
      } catch { /* storage full or refused: the server's draft still keeps the edits */ }
    };
    let signedOut = false;
    const sayAsk = () => { status.textContent = "You are signed out: your edits are kept in this browser. Sign in again (in another tab) and reopen this page to save them."; };

    const inBrowser = JSON.parse(localStorage.getItem(stored) ?? "null");
    if (inBrowser && inBrowser.revision === revision) {
      const changed = fields().filter(f => f.name in inBrowser.values && inBrowser.values[f.name] !== f.value);
      for (const f of changed) f.value = inBrowser.values[f.name];
      if (changed.length > 0) {
        document.querySelectorAll(".line").forEach(redraw);
        fitAll();
        const notice = document.createElement("p");
        notice.className = "notice";
        notice.id = "restored";
        notice.textContent = `Edits of ${new Date(inBrowser.at).toLocaleString()} that were not saved (the session had ended, or the page was closed) are restored from this browser. Save to keep them.`;
        form.before(notice);
        dirty = true;
      }
    } else if (inBrowser) localStorage.removeItem(stored); // made against an older revision: saved, or superseded by a conflict's draft

    // The review's cost: the seconds the page is visible and in use (a key, a click, the pointer or a scroll in the
    // last two minutes), posted with the save; a page left open unattended costs nothing.
    let seconds = 0, lastUse = Date.now();
    for (const type of ["keydown", "pointerdown", "pointermove", "wheel", "scroll"]) document.addEventListener(type, () => { lastUse = Date.now(); }, { capture: true, passive: true });
    setInterval(() => { if (document.visibilityState === "visible" && Date.now() - lastUse < 120000) seconds++; }, 1000);

    form.addEventListener("input", () => { dirty = true; keepInBrowser(); });
    form.addEventListener("formdata", e => { // every post, draft or version
      e.formData.set("kept", keptField());
      e.formData.set("Seconds", seconds);
    });

    // Save keeps the place: the line being worked on and the scroll, back after the page comes again.
    const place = `place:${root.dataset.document}`;
    const work = document.querySelector(".work");
    const back = JSON.parse(sessionStorage.getItem(place) ?? "null");
    sessionStorage.removeItem(place);
    if (back) {
      work.scrollTop = back.scroll;
      document.querySelectorAll(".line textarea")[back.line]?.focus({ preventScroll: true });
    }
    let submitting = false;
    form.addEventListener("submit", e => {
      if (e.submitter?.value === "reject" && !form.elements.Comment.value.trim()) {
        e.preventDefault();
        form.elements.Comment.focus();
        status.textContent = "Say in the comment why the document is rejected.";
        return;
      }
      // One submission: a double click on Approve must not post again over the approval it just made.
      if (submitting || signedOut) {
        e.preventDefault();
        if (signedOut) sayAsk();
        return;
      }
      submitting = true;
      dirty = false;
      if (e.submitter?.value === "save") {
        const focused = [...document.querySelectorAll(".line textarea")].indexOf(document.activeElement);
        sessionStorage.setItem(place, JSON.stringify({ line: focused, scroll: work.scrollTop }));
      }
    });
    window.addEventListener("pageshow", () => { submitting = false; }); // back from the next page: the form works again

    setInterval(async () => {
      if (!dirty && !signedOut) return;
      dirty = false;
      const response = await fetch(`${location.pathname}?handler=Draft`, { method: "POST", body: new FormData(form), headers: { Accept: "application/json" } }).catch(() => null);
      signedOut = response?.status === 401;
      if (signedOut) sayAsk();
      else if (response?.ok) status.textContent = `Draft kept at ${(await response.json()).savedAt} UTC`;
      else { dirty = true; status.textContent = "The draft could not be kept on the server (it is kept in this browser); save with Ctrl+S."; }
    }, 4000);
    window.addEventListener("beforeunload", e => { if (dirty && !submitting) e.preventDefault(); });
  }

  crop.hidden = true; // until a flag is chosen: Alt+N goes to the first
})();
