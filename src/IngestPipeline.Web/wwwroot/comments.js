// Comments on the review page: the box below the lines is about the line last worked in (or the whole document);
// Alt+M goes to it, Ctrl+Enter or the button adds the comment, which appears under its line at once.
"use strict";
(() => {
  const box = document.getElementById("line-comment");
  if (!box) return;
  const text = document.getElementById("comment-text");
  const where = document.getElementById("comment-where");
  const status = document.getElementById("comment-status");
  const documentId = document.getElementById("review").dataset.document;
  const token = document.querySelector("input[name=__RequestVerificationToken]")?.value ?? "";
  let line = null; // the .line the comment is about; null: the whole document
  let word = null; // the place in the line of the flagged word the caret is in, if it is in one

  // The line worked in, and the flag the caret stands in: the comment is about that flag's word.
  function follow(e) {
    const at = e.target.closest?.(".line");
    if (!at || !e.target.matches("textarea")) return;
    line = at;
    const field = e.target, caret = field.selectionStart;
    const flag = JSON.parse(at.dataset.flags || "[]").find(f => f.s <= caret && caret <= f.s + f.l && !/\s/.test(field.value.slice(f.s, f.s + f.l)));
    word = flag ? field.value.slice(0, flag.s).split(/\s+/).filter(Boolean).length : null;
    where.textContent = `page ${at.dataset.page}, line ${Number(at.dataset.line) + 1}` + (flag ? `, the flagged word “${field.value.slice(flag.s, flag.s + flag.l)}”` : "");
  }
  const lines = document.getElementById("lines");
  for (const kind of ["focusin", "click", "keyup"]) lines?.addEventListener(kind, follow);

  function item(comment) {
    const li = document.createElement("li");
    li.className = "comment-item";
    li.dataset.comment = comment.id;
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = comment.author;
    const when = document.createElement("time");
    when.dateTime = comment.createdAt;
    when.textContent = comment.createdAt.slice(0, 16).replace("T", " ");
    const said = document.createElement("span");
    said.className = "text";
    said.textContent = comment.text;
    li.append(who, " ", when);
    if (comment.word !== null) {
      const on = document.createElement("span");
      on.className = "where";
      on.textContent = ` · on word ${comment.word + 1}`;
      li.append(on);
    }
    li.append(": ", said);
    return li;
  }

  async function send() {
    const said = text.value.trim();
    if (!said) { status.textContent = "Write the comment first."; return; }
    const body = { page: line ? Number(line.dataset.page) : null, line: line ? Number(line.dataset.line) : null, word: line ? word : null, text: said };
    const response = await fetch(`/api/documents/${documentId}/comments`, {
      method: "POST", body: JSON.stringify(body),
      headers: { "Content-Type": "application/json", Accept: "application/json", RequestVerificationToken: token },
    }).catch(() => null);
    if (response?.status === 401) { status.textContent = "You are signed out: sign in again, then add the comment."; return; }
    if (!response?.ok) {
      const problem = await response?.json().catch(() => null);
      status.textContent = problem?.detail ?? "The comment could not be added; try again.";
      return;
    }
    const comment = await response.json();
    (line?.querySelector(".line-comments") ?? box.querySelector(".document-comments")).append(item(comment));
    text.value = "";
    status.textContent = comment.mentions.length ? `Added; ${comment.mentions.join(", ")} will see it on their queue.` : "Added.";
    line?.querySelector("textarea")?.focus();
  }

  document.getElementById("comment-send").addEventListener("click", send);
  text.addEventListener("keydown", e => {
    if ((e.ctrlKey || e.metaKey) && e.key === "Enter") { e.preventDefault(); send(); }
  });
  document.addEventListener("keydown", e => {
    if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === "KeyM") { e.preventDefault(); text.focus(); }
  });
})();
