/* The check runner's Web Worker (a module worker started by runner.js).

   It loads Pyodide from ./pyodide/ and python.zip (the sourcewise package, the public
   checks, pytest) from this folder, then answers {type: "run"} messages by running one
   exercise's public check file through pytest and our plugin, in-process
   (sourcewise.grading.inprocess), on the files the page sends. Before each call of a
   student function it posts {type: "call"} so the page can end this worker when a call
   runs too long. Nothing here knows about checks or feedback: the result is the plugin's
   own result model. */
import { loadPyodide } from "./pyodide/pyodide.mjs";

const HOME = "/home/pyodide";
let ready = null;

function progress(text, fraction) {
  self.postMessage({ type: "progress", text, fraction });
}

async function fetchBytes(url, text, share, start) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const total = Number(response.headers.get("Content-Length")) || 0;
  if (!response.body || !total) {
    return new Uint8Array(await response.arrayBuffer());
  }
  const reader = response.body.getReader();
  const data = new Uint8Array(total);
  let done = 0;
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    data.set(chunk.value, done);
    done += chunk.value.length;
    progress(text, start + share * Math.min(done / total, 1));
  }
  return data;
}

async function start() {
  progress("Downloading the Python runtime (once; later visits use the browser's copy)", 0.02);
  const archive = fetchBytes("python.zip", "Downloading the checks and pytest", 0.15, 0.05);
  const pyodide = await loadPyodide({ indexURL: new URL("./pyodide/", import.meta.url).href });
  progress("Starting Python", 0.7);
  pyodide.unpackArchive(await archive, "zip", { extractDir: `${HOME}/lib` });
  progress("Loading pytest and the checks", 0.8);
  pyodide.runPython(`
import sys
sys.path.insert(0, "${HOME}/lib")
from sourcewise.grading import inprocess
inprocess.activate()
import pytest, sourcewise.grading.plugin  # imported now, not during the first check
`);
  progress("Ready", 1);
  return pyodide;
}

function writeFolder(pyodide, folder, files) {
  const FS = pyodide.FS;
  if (FS.analyzePath(folder).exists) {
    for (const name of FS.readdir(folder)) {
      if (name !== "." && name !== "..") FS.unlink(`${folder}/${name}`);
    }
  } else {
    FS.mkdirTree(folder);
  }
  for (const [name, text] of Object.entries(files)) {
    if (/^[A-Za-z0-9_]+\.py$/.test(name)) FS.writeFile(`${folder}/${name}`, text);
  }
}

async function run(message) {
  const pyodide = await ready;
  const folder = `${HOME}/submission`;
  writeFolder(pyodide, folder, message.files);
  const notify = (key, text, timeout) => self.postMessage({ type: "call", key, text, timeout });
  const runChecks = pyodide.globals.get("inprocess").run_checks;
  const args = {
    stopped: message.stopped || [],
    crashed: message.crashed || [],
    notify,
  };
  try {
    const result = runChecks.callKwargs(`${HOME}/lib/checks/${message.checks}`, folder,
      message.siteUrl, args);
    const data = pyodide.globals.get("__import__")("json").dumps(result);
    if (result.destroy) result.destroy();
    return JSON.parse(data);
  } finally {
    runChecks.destroy();
  }
}

self.onmessage = async (event) => {
  const message = event.data;
  if (message.type === "start") {
    ready = ready || start();
    try {
      await ready;
      self.postMessage({ type: "ready" });
    } catch (error) {
      self.postMessage({ type: "failed", error: String(error && error.message || error) });
    }
    return;
  }
  if (message.type === "run") {
    try {
      const result = await run(message);
      self.postMessage({ type: "result", id: message.id, result });
    } catch (error) {
      self.postMessage({ type: "failed", id: message.id,
        error: String(error && error.message || error) });
    }
  }
};
