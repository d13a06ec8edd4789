// matcher serve: drag-and-drop uploads with progress, sortable tables, score bars.
// Plain DOM code, no library, no build step. Nothing from the server is ever parsed as
// HTML: text goes in through textContent only.
"use strict";

const csrfToken = document.querySelector('meta[name="csrf-token"]').content;
const DONE = new Set(["added", "replaced", "unchanged", "failed"]);

function setBars(root) {
  for (const bar of root.querySelectorAll("[data-width]")) {
    const value = Math.max(0, Math.min(100, parseFloat(bar.dataset.width) || 0));
    bar.style.width = value + "%";
  }
}

function makeSortable(table) {
  const headers = table.querySelectorAll("thead th");
  headers.forEach((th, column) => {
    const button = th.querySelector("button");
    if (!button) return;
    button.addEventListener("click", () => {
      const numeric = th.dataset.type === "num";
      const ascending = th.getAttribute("aria-sort") !== "ascending";
      headers.forEach((other) => other.removeAttribute("aria-sort"));
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const body = table.tBodies[0];
      const rows = Array.from(body.rows);
      const key = (row) => {
        const cell = row.cells[column];
        const text = cell ? (cell.dataset.sort ?? cell.textContent) : "";
        if (!numeric) return text.toLowerCase();
        const number = parseFloat(text);
        return Number.isNaN(number) ? -Infinity : number;
      };
      rows.sort((a, b) => {
        const x = key(a), y = key(b);
        const order = x < y ? -1 : x > y ? 1 : 0;
        return ascending ? order : -order;
      });
      for (const row of rows) body.appendChild(row);
    });
  });
  table.dataset.sortable = "true";
}

function uploadRow(upload) {
  const row = document.createElement("tr");
  row.dataset.status = upload.status;
  const name = document.createElement("td");
  if (upload.entry) {
    const link = document.createElement("a");
    link.href = "/candidates/" + encodeURIComponent(upload.entry);
    link.textContent = upload.file;
    name.appendChild(link);
  } else {
    name.textContent = upload.file;
  }
  const status = document.createElement("td");
  status.className = "status";
  status.textContent = upload.status;
  const details = document.createElement("td");
  const notes = [];
  if (upload.error) notes.push(upload.error.message);
  for (const dup of upload.duplicates) notes.push("duplicate? " + dup.file + ": " + dup.why + ".");
  details.textContent = notes.join(" ");
  row.append(name, status, details);
  return row;
}

function showUploads(uploads) {
  const table = document.getElementById("uploads");
  const body = table.tBodies[0];
  body.replaceChildren(...uploads.slice().reverse().map(uploadRow));
  table.hidden = uploads.length === 0;
}

async function poll(note) {
  for (;;) {
    const response = await fetch("/api/uploads", { headers: { Accept: "application/json" } });
    if (!response.ok) {
      note.textContent = "Cannot read the progress: " + response.status;
      return;
    }
    const state = await response.json();
    showUploads(state.uploads);
    const done = state.uploads.filter((u) => DONE.has(u.status)).length;
    note.hidden = false;
    note.textContent = done + " of " + state.uploads.length + " files done" +
      (state.pending ? "; analysing…" : ".");
    if (!state.pending) {
      // The pool's table is rendered by the server: show it with the new entries.
      window.location.reload();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 700));
  }
}

async function upload(files) {
  const note = document.getElementById("upload-note");
  if (!files.length) return;
  const data = new FormData();
  for (const file of files) data.append("files", file, file.name);
  note.hidden = false;
  note.textContent = "Sending " + files.length + " file" + (files.length === 1 ? "" : "s") + "…";
  const response = await fetch("/api/uploads", {
    method: "POST",
    body: data,
    headers: { "X-CSRF-Token": csrfToken, Accept: "application/json" },
  });
  if (!response.ok) {
    let message = "the upload failed (" + response.status + ")";
    try {
      message = (await response.json()).error.message;
    } catch (error) { /* not JSON: keep the status */ }
    note.textContent = "Not uploaded: " + message;
    return;
  }
  await poll(note);
}

function setUpUploads() {
  const zone = document.getElementById("dropzone");
  const input = document.getElementById("files");
  if (!zone || !input) return;
  input.addEventListener("change", () => upload(Array.from(input.files)));
  for (const name of ["dragenter", "dragover"]) {
    zone.addEventListener(name, (event) => {
      event.preventDefault();
      zone.classList.add("over");
    });
  }
  for (const name of ["dragleave", "drop"]) {
    zone.addEventListener(name, () => zone.classList.remove("over"));
  }
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    upload(Array.from(event.dataTransfer.files));
  });
  const table = document.getElementById("uploads");
  const pending = table && table.querySelector('tr[data-status="queued"], tr[data-status="analysing"]');
  if (pending) poll(document.getElementById("upload-note"));
}

document.addEventListener("DOMContentLoaded", () => {
  setBars(document);
  document.querySelectorAll("table.sortable").forEach(makeSortable);
  setUpUploads();
});
