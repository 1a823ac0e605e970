// mpenv.mjs - starts MicroPython (WebAssembly) with the firmware in its file system:
// the unchanged src/*.py in /flash, the fakes (machine, fake_time) in /lib, and the given
// helper folders in /test. `time` is the fake clock from the start.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const TEST_DIR = dirname(fileURLToPath(import.meta.url));
export const SRC_DIR = join(TEST_DIR, "..", "src");
export const FAKES_DIR = join(TEST_DIR, "fakes");

async function loader() {
  try {
    return (await import("@micropython/micropython-webassembly-pyscript")).loadMicroPython;
  } catch (e) {
    throw new Error(`MicroPython for WebAssembly is not installed: run "npm ci" in ${TEST_DIR} (${e.message})`);
  }
}

function copyPy(mp, fromDir, toDir) {
  for (const name of readdirSync(fromDir)) {
    if (name.endsWith(".py")) mp.FS.writeFile(`${toDir}/${name}`, readFileSync(join(fromDir, name)));
  }
}

export async function startMicroPython({ stdout, stderr, helperDirs = [] }) {
  const loadMicroPython = await loader();
  const mp = await loadMicroPython({ stdout, stderr, heapsize: 32 * 1024 * 1024, pystack: 16384 });
  for (const d of ["/flash", "/lib", "/test", "/run"]) mp.FS.mkdir(d);
  copyPy(mp, SRC_DIR, "/flash");
  copyPy(mp, FAKES_DIR, "/lib");
  for (const d of helperDirs) copyPy(mp, d, "/test");
  mp.runPython([
    "import sys, os",
    "sys.path[:] = ['/flash', '/lib', '/test']",
    "os.chdir('/run')",
    "import fake_time",
    "sys.modules['time'] = fake_time",
  ].join("\n"));
  return mp;
}

// The text of a MicroPython exception thrown into JavaScript (traceback included).
export function pythonErrorText(e) {
  return e && e.name === "PythonError" ? e.message : (e && e.stack) || String(e);
}
