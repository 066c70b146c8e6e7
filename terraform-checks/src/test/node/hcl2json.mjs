// Prints one JSON object mapping each .tf file named on the command line to its parsed form,
// as @cdktf/hcl2json renders it (blocks as arrays, expressions as "${...}" strings).
import { readFile } from "node:fs/promises";
import { parse } from "@cdktf/hcl2json";

const parsed = {};
for (const file of process.argv.slice(2)) {
  parsed[file] = await parse(file, await readFile(file, "utf8"));
}
process.stdout.write(JSON.stringify(parsed));
