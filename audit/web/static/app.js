// The self-check page: upload with progress, folder drag and drop, polling the reading status,
// confirmations, and opening the correction form a link points at. No library, no network
// access beyond this local server.
"use strict";

(function () {
  const SUPPORTED = /\.(pdf|docx|txt|jpe?g|png|tiff?|bmp)$/i;

  function naturalKey(name) {
    return name.toLowerCase().split(/(\d+)/).map((t, i) => (i % 2 ? t.padStart(12, "0") : t)).join("");
  }

  // --- upload ------------------------------------------------------------------------
  function setupUpload(form) {
    const drop = document.getElementById("drop");
    const list = document.getElementById("chosen");
    const error = document.getElementById("upload-error");
    const start = document.getElementById("start");
    let chosen = []; // [{file, path}]

    function show() {
      list.innerHTML = "";
      chosen.slice(0, 200).forEach(({ path }) => {
        const li = document.createElement("li");
        li.textContent = path;
        list.appendChild(li);
      });
      if (chosen.length > 200) {
        const li = document.createElement("li");
        li.textContent = "……共 " + chosen.length + " 个文件";
        list.appendChild(li);
      }
    }

    function fromInput(input, folder) {
      const files = Array.from(input.files).map((f) => ({ file: f, path: folder ? (f.webkitRelativePath || f.name) : f.name }));
      if (folder) files.sort((a, b) => (naturalKey(a.path) < naturalKey(b.path) ? -1 : 1));
      chosen = files;
      error.hidden = true;
      show();
    }
    document.getElementById("pick-files").addEventListener("change", (e) => fromInput(e.target, false));
    document.getElementById("pick-folder").addEventListener("change", (e) => fromInput(e.target, true));

    function readEntry(entry, out) {
      return new Promise((resolve) => {
        if (entry.isFile) {
          entry.file((f) => { out.push({ file: f, path: entry.fullPath.replace(/^\//, "") }); resolve(); }, () => resolve());
        } else if (entry.isDirectory) {
          const reader = entry.createReader();
          const all = [];
          const next = () => reader.readEntries((batch) => {
            if (!batch.length) { Promise.all(all.map((e) => readEntry(e, out))).then(resolve); return; }
            all.push(...batch);
            next();
          }, () => resolve());
          next();
        } else resolve();
      });
    }

    ["dragenter", "dragover"].forEach((t) => drop.addEventListener(t, (e) => { e.preventDefault(); drop.classList.add("over"); }));
    ["dragleave", "drop"].forEach((t) => drop.addEventListener(t, () => drop.classList.remove("over")));
    drop.addEventListener("drop", async (e) => {
      e.preventDefault();
      const items = Array.from(e.dataTransfer.items || []).map((i) => (i.webkitGetAsEntry ? i.webkitGetAsEntry() : null));
      if (items.length && items.every((x) => x)) {
        const out = [];
        for (const entry of items) {
          const part = [];
          await readEntry(entry, part);
          if (entry.isDirectory) part.sort((a, b) => (naturalKey(a.path) < naturalKey(b.path) ? -1 : 1));
          out.push(...part);
        }
        chosen = out;
      } else {
        chosen = Array.from(e.dataTransfer.files).map((f) => ({ file: f, path: f.name }));
      }
      error.hidden = true;
      show();
    });

    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const usable = chosen.filter(({ path }) => SUPPORTED.test(path));
      if (!usable.length) {
        error.textContent = chosen.length ? "所选文件中没有可检查的案卷文件（PDF、Word、图片）。" : "请先选择或拖入要自查的案卷文件。";
        error.hidden = false;
        return;
      }
      const data = new FormData();
      chosen.forEach(({ file, path }) => { data.append("files", file, file.name); data.append("paths", path); });
      data.append("view", (form.querySelector("input[name=view]:checked") || {}).value || "self");
      const xhr = new XMLHttpRequest();
      const bar = document.getElementById("upload-bar");
      document.getElementById("uploading").hidden = false;
      start.disabled = true;
      xhr.upload.onprogress = (ev) => { if (ev.lengthComputable) bar.value = ev.loaded / ev.total; };
      xhr.onload = () => {
        let reply = {};
        try { reply = JSON.parse(xhr.responseText); } catch (_) { reply = { error: "上传失败（" + xhr.status + "），请重试。" }; }
        if (xhr.status === 200 && reply.url) { window.location.assign(reply.url); return; }
        error.textContent = reply.error || "上传失败，请重试。";
        error.hidden = false;
        document.getElementById("uploading").hidden = true;
        start.disabled = false;
      };
      xhr.onerror = () => {
        error.textContent = "上传中断：请确认自查程序仍在运行（命令行窗口未关闭），然后重试。";
        error.hidden = false;
        document.getElementById("uploading").hidden = true;
        start.disabled = false;
      };
      xhr.open("POST", form.action);
      xhr.setRequestHeader("Accept", "application/json");
      xhr.send(data);
    });
  }

  // --- reading progress --------------------------------------------------------------
  function setupProgress(box) {
    const url = box.dataset.statusUrl;
    const bar = document.getElementById("bar");
    const count = document.getElementById("count");
    const stage = document.getElementById("stage-text");
    const failure = document.getElementById("progress-error");
    let misses = 0;
    async function poll() {
      try {
        const res = await fetch(url, { headers: { Accept: "application/json" }, cache: "no-store" });
        const s = await res.json();
        misses = 0;
        stage.textContent = s.stage_text;
        if (s.total) {
          bar.max = s.total;
          bar.value = s.done;
          count.textContent = s.done + " / " + s.total + " 页";
        } else {
          bar.removeAttribute("value");
          count.textContent = "";
        }
        if (s.state === "done") { window.location.replace(box.dataset.doneUrl); return; }
        if (s.state === "error") {
          document.querySelector(".spinner")?.remove();
          failure.textContent = s.message || s.error || "未能读取。";
          failure.hidden = false;
          const back = document.createElement("p");
          back.innerHTML = '<a class="button" href="/">返回重新上传</a>';
          box.appendChild(back);
          return;
        }
      } catch (_) {
        misses += 1;
        if (misses > 5) {
          failure.textContent = "连接不到自查程序：请确认命令行窗口未关闭。";
          failure.hidden = false;
        }
      }
      setTimeout(poll, 700);
    }
    poll();
  }

  // --- case page ---------------------------------------------------------------------
  function openTarget() {
    const id = decodeURIComponent(window.location.hash.slice(1));
    const el = id && document.getElementById(id);
    if (!el) return;
    for (let p = el; p; p = p.parentElement) if (p.tagName === "DETAILS") p.open = true;
    el.scrollIntoView({ block: "center" });
    const input = el.querySelector("input[name=value]");
    if (input) input.focus();
  }

  document.addEventListener("DOMContentLoaded", () => {
    const form = document.getElementById("upload");
    if (form) setupUpload(form);
    const progress = document.getElementById("progress");
    if (progress && progress.dataset.statusUrl && document.getElementById("bar")) setupProgress(progress);
    document.querySelectorAll("form[data-confirm]").forEach((f) =>
      f.addEventListener("submit", (e) => { if (!window.confirm(f.dataset.confirm)) e.preventDefault(); }));
    document.querySelectorAll("form.fixform").forEach((f) =>
      f.addEventListener("submit", () => { const b = f.querySelector("button"); b.disabled = true; b.textContent = "正在重新检查…"; }));
    window.addEventListener("hashchange", openTarget);
    openTarget();
  });
})();
