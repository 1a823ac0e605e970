// run.mjs - runs one firmware test file in real MicroPython:  node run.mjs test_engine.py
// Exit status 0 when every test in it passed; failures and tracebacks go to stderr.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startMicroPython, pythonErrorText, TEST_DIR } from "./mpenv.mjs";

// Runs test file `file`; returns { failed, output } (output: what it printed, in order).
export async function runTestFile(file, { echo = false } = {}) {
  const out = [];
  const line = (stream) => (s) => {
    out.push(s);
    if (echo) (stream === 1 ? process.stdout : process.stderr).write(s + "\n");
  };
  const path = resolve(TEST_DIR, file);
  const mp = await startMicroPython({ stdout: line(1), stderr: line(2), helperDirs: [TEST_DIR, dirname(path)] });
  const expectedDir = join(TEST_DIR, "expected");
  mp.FS.mkdir("/test/expected");
  if (existsSync(expectedDir)) {
    for (const name of readdirSync(expectedDir)) {
      if (!name.endsWith(".actual")) mp.FS.writeFile(`/test/expected/${name}`, readFileSync(join(expectedDir, name)));
    }
  }
  const module = basename(path, ".py");
  let failed;
  try {
    mp.runPython(`import testlib\n_failed = testlib.run_module(${JSON.stringify(module)}, ${JSON.stringify(TEST_DIR)})`);
    failed = mp.globals.get("_failed");
  } catch (e) {
    line(2)(pythonErrorText(e));
    failed = -1;
  }
  for (const name of mp.FS.readdir("/test/expected")) {
    if (!name.endsWith(".actual")) continue;
    mkdirSync(expectedDir, { recursive: true });
    writeFileSync(join(expectedDir, name), mp.FS.readFile(`/test/expected/${name}`));
  }
  return { failed, output: out.join("\n") };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: node run.mjs test_something.py");
    process.exit(2);
  }
  const { failed } = await runTestFile(file, { echo: true });
  process.exit(failed === 0 ? 0 : 1);
}
