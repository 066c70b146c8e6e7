#!/usr/bin/env node
// Writes terraform-checks/src/test/resources/provider-schemas.json: the arguments and nested
// blocks of every resource and data source type terraform/ uses, read from prebuilt provider
// bindings on npm, so ProviderSchemaTest can check terraform/ offline.
//
// Usage:
//   mkdir -p /tmp/npm-schemas && cd /tmp/npm-schemas && npm init -y >/dev/null
//   npm install --legacy-peer-deps --ignore-scripts --no-audit --no-fund \
//     @cdktn/provider-aws@25.7.0 @cdktn/provider-azurerm@16.1.0 \
//     @cdktf/provider-google@16.12.1 @cdktf/provider-http@10.0.1 @upstash/pulumi@0.5.0 \
//     @cdktf/provider-random@12.0.1
//   node terraform-checks/schema/extract-schemas.mjs --packages /tmp/npm-schemas/node_modules \
//     [aws_sqs_queue data.aws_iam_policy_document ...]
//
// The snapshot keeps the types it already holds, adds every `resource "x"` / `data "x"` found
// under terraform/, and adds the types named on the command line (`data.` marks a data source).
// To move to a newer provider, install the newer package and rerun: the snapshot records each
// package's name and version and the provider version it was generated from.
//
// Where the schema comes from:
// - types built into Terraform (terraform_data): the BUILTIN table below, from Terraform's docs.
// - cdktf/cdktn bindings (aws, azurerm, google, http, random) are generated from `terraform providers
//   schema -json`. Each resource's lib/<name>/index.js has, per object (the resource or one
//   nested block), a comment `// <tf_name> - computed: x, optional: y, required: z` above each
//   attribute's getter (the schema's own flags, computed-only attributes included), and a
//   `...ToHclTerraform` function whose entries name each settable attribute and mark blocks
//   (`isBlock: true`) with the function of the nested block. index.d.ts gives each block's
//   config interface: `readonly x?: T` (optional) or `readonly x: T` (required), `T[]` for a list
//   block, a plain `T` for a block of at most one item, and a JSDoc link ending in `#<tf_name>`.
//   The script reads all three and stops on any disagreement between them. Where the comment
//   is missing (the `id` cdktf adds, `timeouts` blocks, some plugin-framework attributes),
//   index.d.ts alone says whether an argument is required.
// - @upstash/pulumi is a Pulumi bridge of the Upstash Terraform provider: its <type>Args
//   interface lists the inputs in camelCase (no `?` when required). The Terraform names are the
//   snake_case of those, except that the bridge pluralises list inputs (ip_allowlist becomes
//   ipAllowlists): every list input must be named in PULUMI_LIST_INPUTS below, or the script
//   stops and asks for it.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const checksModule = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repositoryRoot = resolve(checksModule, "..");
const snapshotPath = join(checksModule, "src/test/resources/provider-schemas.json");

/** The package that carries each provider's schema, by the prefix of its type names. */
const PACKAGES = {
  aws: { package: "@cdktn/provider-aws", source: "hashicorp/aws", kind: "cdktf" },
  azurerm: { package: "@cdktn/provider-azurerm", source: "hashicorp/azurerm", kind: "cdktf" },
  google: { package: "@cdktf/provider-google", source: "hashicorp/google", kind: "cdktf" },
  http: { package: "@cdktf/provider-http", source: "hashicorp/http", kind: "cdktf" },
  random: { package: "@cdktf/provider-random", source: "hashicorp/random", kind: "cdktf" },
  upstash: { package: "@upstash/pulumi", source: "upstash/upstash", kind: "pulumi" },
};

/**
 * Pulumi list inputs and their Terraform names, set by hand. read_regions: Upstash's own examples
 * use it. ip_allowlist: the singular the bridge pluralises; no Upstash source at hand confirms it
 * (terraform/ does not use it).
 */
const PULUMI_LIST_INPUTS = {
  upstash_redis_database: { readRegions: "read_regions", ipAllowlists: "ip_allowlist" },
};

/**
 * Types built into Terraform itself (provider terraform.io/builtin/terraform): no package carries
 * their schema, so it is stated here as Terraform's documentation gives it (terraform_data exists
 * since Terraform 1.4; the stacks require 1.9).
 */
const BUILTIN = {
  "resource.terraform_data": { optional: ["input", "triggers_replace"], computed: ["id", "output"] },
};

function main(argv) {
  const { packagesDir, extra } = parseArguments(argv);
  const previous = existsSync(snapshotPath) ? JSON.parse(readFileSync(snapshotPath, "utf8")) : null;
  const wanted = new Set([
    ...Object.keys(previous?.resources ?? {}).map((t) => `resource.${t}`),
    ...Object.keys(previous?.data_sources ?? {}).map((t) => `data.${t}`),
    ...typesUsedUnder(join(repositoryRoot, "terraform")),
    ...extra,
  ]);
  const snapshot = { generated_by: relative(repositoryRoot, fileURLToPath(import.meta.url)), providers: {}, resources: {}, data_sources: {} };
  for (const key of [...wanted].sort()) {
    const [kind, type] = key.split(/\.(.*)/s);
    if (BUILTIN[key]) {
      (kind === "data" ? snapshot.data_sources : snapshot.resources)[type] = BUILTIN[key];
      continue;
    }
    const provider = type.split("_")[0];
    const pkg = PACKAGES[provider];
    if (!pkg) {
      throw new Error(`${type}: no schema package is known for provider "${provider}"; add one to PACKAGES`);
    }
    const pkgDir = join(packagesDir, pkg.package);
    snapshot.providers[provider] ??= describePackage(provider, pkg, pkgDir);
    const schema = pkg.kind === "cdktf" ? cdktfSchema(pkgDir, provider, type, kind) : pulumiSchema(pkgDir, type, kind);
    (kind === "data" ? snapshot.data_sources : snapshot.resources)[type] = schema;
  }
  writeFileSync(snapshotPath, JSON.stringify(snapshot, null, 1) + "\n");
  const count = Object.keys(snapshot.resources).length + Object.keys(snapshot.data_sources).length;
  console.log(`wrote ${relative(repositoryRoot, snapshotPath)}: ${count} types, ${statSync(snapshotPath).size} bytes`);
}

function parseArguments(argv) {
  let packagesDir = process.env.SCHEMA_PACKAGES;
  const extra = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--packages") {
      packagesDir = argv[++i];
    } else if (argv[i].startsWith("-")) {
      throw new Error(`unknown option ${argv[i]}; see the usage at the top of this script`);
    } else {
      extra.push(argv[i].startsWith("data.") ? argv[i] : `resource.${argv[i]}`);
    }
  }
  if (!packagesDir || !existsSync(packagesDir)) {
    throw new Error("give the node_modules holding the provider packages with --packages (see the usage at the top)");
  }
  return { packagesDir: resolve(packagesDir), extra };
}

/** `resource.<type>` and `data.<type>` for every block found in the .tf files under a directory. */
function typesUsedUnder(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== ".terraform") {
      found.push(...typesUsedUnder(path));
    } else if (entry.name.endsWith(".tf")) {
      for (const m of readFileSync(path, "utf8").matchAll(/^\s*(resource|data)\s+"([a-z0-9_]+)"/gm)) {
        found.push(`${m[1]}.${m[2]}`);
      }
    }
  }
  return found;
}

function describePackage(provider, pkg, pkgDir) {
  const version = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")).version.replace(/^v/, "");
  const described = { source: pkg.source, package: pkg.package, package_version: version };
  if (pkg.kind === "cdktf") {
    const text = readFileSync(join(pkgDir, "lib/provider/index.js"), "utf8");
    const m = text.match(/providerVersion: '([^']+)'/);
    if (!m) throw new Error(`${pkg.package}: no providerVersion in lib/provider/index.js`);
    described.provider_version = m[1];
  } else {
    // The Pulumi package does not record which Upstash provider release it bridges.
    described.provider_version = null;
  }
  return described;
}

// ---------------------------------------------------------------- cdktf / cdktn bindings

function cdktfSchema(pkgDir, provider, type, kind) {
  const libDir = findCdktfLibDir(pkgDir, provider, type, kind);
  const js = readFileSync(join(libDir, "index.js"), "utf8");
  const dts = readFileSync(join(libDir, "index.d.ts"), "utf8");
  const units = topLevelUnits(js);
  const mainClass = Object.values(units.classes).find((body) => body.includes(`tfResourceType = "${type}"`))
    ?? Object.entries(units.classes).find(([name]) => js.includes(`${name}.tfResourceType = "${type}"`))?.[1];
  if (!mainClass) throw new Error(`${type}: main class not found in ${libDir}`);
  const className = mainClass.match(/^class (\w+)/)[1];
  const ctx = { type, js, dts, units };
  const hcl = hclEntries(type, methodBody(mainClass, "synthesizeHclAttributes"), constructorFields(mainClass));
  return objectSchema(ctx, `${className}Config`, hcl, schemaComments(mainClass), className);
}

function findCdktfLibDir(pkgDir, provider, type, kind) {
  const bare = type === provider ? "" : type.slice(provider.length + 1);
  const guess = kind === "data" ? `data-${type}` : bare;
  const candidates = [guess.replaceAll("_", "-"), guess.replaceAll("_", "")];
  for (const name of candidates) {
    const js = join(pkgDir, "lib", name, "index.js");
    if (existsSync(js) && readFileSync(js, "utf8").match(new RegExp(`tfResourceType = "${type}"`))) {
      return join(pkgDir, "lib", name);
    }
  }
  throw new Error(`${type}: not in ${pkgDir} (looked for lib/${candidates.join(", lib/")}); is the type name right for this provider version?`);
}

/** Column-0 functions and classes of a generated index.js, by name. */
function topLevelUnits(js) {
  const units = { functions: {}, classes: {} };
  const re = /^(function|class) (\w+)[^\n]*\n[\s\S]*?^\}/gm;
  for (const m of js.matchAll(re)) {
    (m[1] === "class" ? units.classes : units.functions)[m[2]] = m[0];
  }
  return units;
}

function methodBody(classBody, method) {
  const m = classBody.match(new RegExp(`^    ${method}\\(\\) \\{\\n([\\s\\S]*?)^    \\}`, "m"));
  if (!m) throw new Error(`method ${method} not found`);
  return m[1];
}

/** The config property behind each private field a resource's constructor sets. */
function constructorFields(classBody) {
  const fields = {};
  for (const m of classBody.matchAll(/this\._(\w+)(?:\.internalValue)? = config\.(\w+);/g)) {
    fields[m[1]] = m[2];
  }
  return fields;
}

/**
 * The entries of a synthesizeHclAttributes body or a ...ToHclTerraform function: Terraform name,
 * the config property it reads, whether it is a block, and the function of the nested block.
 */
function hclEntries(type, body, fields) {
  const entries = {};
  const re = /^\s+(\w+): \{\n\s+value: ([^\n]*),\n\s+isBlock: (true|false),\n\s+type: "(\w+)",/gm;
  for (const m of body.matchAll(re)) {
    const [, tfName, value, isBlock, shape] = m;
    const ref = value.match(/\((?:struct\.(\w+)|this\._(\w+)(?:\.internalValue)?)\)+$/);
    if (!ref) throw new Error(`${type}.${tfName}: cannot read the property of ${value}`);
    const property = ref[1] ?? fields[ref[2]];
    if (!property) throw new Error(`${type}.${tfName}: field _${ref[2]} is not set from the config`);
    const nested = isBlock === "true" ? value.match(/(\w+)ToHclTerraform/)?.[1] : undefined;
    entries[tfName] = { property, isBlock: isBlock === "true", shape, nested };
  }
  return entries;
}

/**
 * The schema's flags per attribute: `// name - computed: a, optional: b, required: c` comments,
 * and, where a comment is missing, a getter without a setter (an attribute only the provider sets).
 */
function schemaComments(classBody) {
  const flags = {};
  for (const m of classBody.matchAll(/^    get (\w+)\(\) \{\n\s+return this\.get\w+Attribute\('(\w+)'\);/gm)) {
    if (!classBody.includes(`    set ${m[1]}(value)`)) {
      flags[m[2]] = { computed: true, optional: false, required: false };
    }
  }
  for (const m of classBody.matchAll(/^ +\/\/ (\w+) - computed: (true|false), optional: (true|false), required: (true|false)$/gm)) {
    flags[m[1]] = { computed: m[2] === "true", optional: m[3] === "true", required: m[4] === "true" };
  }
  return flags;
}

/** Members of an interface in index.d.ts: property -> { required, list, docName }. */
function interfaceMembers(dts, name, type) {
  const m = dts.match(new RegExp(`^export interface ${name} (?:extends [\\w.]+ )?\\{\\n([\\s\\S]*?)^\\}`, "m"));
  if (!m) throw new Error(`${type}: interface ${name} not found in index.d.ts`);
  const members = {};
  const re = /(?:\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\n)?    readonly (\w+)(\??): ([^;\n]*)/g;
  for (const mm of m[1].matchAll(re)) {
    const docName = mm[1]?.match(/\{@link \S+#(\w+) /)?.[1];
    members[mm[2]] = { docName, required: mm[3] !== "?", list: mm[4].includes("[]") };
  }
  return members;
}

function objectSchema(ctx, interfaceName, hcl, comments, where) {
  const members = interfaceMembers(ctx.dts, interfaceName, ctx.type);
  const schema = { required: [], optional: [], computed: [], blocks: {} };
  for (const [tfName, entry] of Object.entries(hcl)) {
    const member = members[entry.property];
    // Some attributes have no schema comment (cdktf's added `id`, `timeouts` blocks, some
    // plugin-framework attributes): index.d.ts alone tells whether they are required.
    const flags = comments[tfName] ?? { computed: false, optional: !member?.required, required: !!member?.required };
    const at = `${ctx.type}: ${where}.${tfName}`;
    if (!member) throw new Error(`${at}: property ${entry.property} missing from interface ${interfaceName}`);
    if (member.docName !== undefined && member.docName !== tfName) throw new Error(`${at}: index.d.ts links it as #${member.docName}`);
    if (flags.required !== member.required) throw new Error(`${at}: index.js says required=${flags.required}, index.d.ts the opposite`);
    if (entry.isBlock) {
      schema.blocks[tfName] = blockSchema(ctx, entry, member, at);
    } else {
      (member.required ? schema.required : schema.optional).push(tfName);
    }
  }
  const mapped = new Set(Object.values(hcl).map((entry) => entry.property));
  const unmapped = Object.keys(members).filter((property) => !mapped.has(property));
  if (unmapped.length > 0) throw new Error(`${ctx.type}: ${where}: index.js writes no Terraform name for ${unmapped.join(", ")}`);
  for (const [tfName, flags] of Object.entries(comments)) {
    if (flags.computed && !flags.optional && !flags.required && !hcl[tfName]) {
      schema.computed.push(tfName);
    }
  }
  for (const key of ["required", "optional", "computed"]) {
    schema[key].sort();
    if (schema[key].length === 0) delete schema[key];
  }
  if (Object.keys(schema.blocks).length === 0) delete schema.blocks;
  return schema;
}

function blockSchema(ctx, entry, member, at) {
  const fn = ctx.units.functions[`${entry.nested}ToHclTerraform`];
  const structName = entry.nested.charAt(0).toUpperCase() + entry.nested.slice(1);
  const outputClass = ctx.units.classes[`${structName}OutputReference`];
  if (!fn || !outputClass) throw new Error(`${at}: nested block ${structName} not found`);
  const block = objectSchema(ctx, structName, hclEntries(ctx.type, fn, {}), schemaComments(outputClass), structName);
  if (member.required) block.min_items = 1;
  if (!member.list) block.max_items = 1;
  return block;
}

// ---------------------------------------------------------------- Pulumi bridge (Upstash)

function pulumiSchema(pkgDir, type, kind) {
  const resourceName = type.split("_").slice(1).map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join("");
  const file = kind === "data" ? `get${resourceName[0].toUpperCase()}${resourceName.slice(1)}` : resourceName;
  const dtsPath = join(pkgDir, `${file}.d.ts`);
  if (!existsSync(dtsPath)) throw new Error(`${type}: ${dtsPath} not found`);
  const dts = readFileSync(dtsPath, "utf8");
  const argsName = `${file[0].toUpperCase()}${file.slice(1)}Args`;
  const body = dts.match(new RegExp(`^export interface ${argsName} \\{\\n([\\s\\S]*?)^\\}`, "m"))?.[1];
  if (!body) throw new Error(`${type}: interface ${argsName} not found in ${dtsPath}`);
  const schema = { required: [], optional: [], computed: [] };
  const inputs = new Set();
  for (const m of body.matchAll(/^    (\w+)(\??): ([^;\n]*);$/gm)) {
    const [, property, optional, tsType] = m;
    if (tsType.includes("inputs.")) throw new Error(`${type}.${property}: nested Pulumi inputs are not supported by this script`);
    const tfName = pulumiTerraformName(type, property, tsType);
    inputs.add(property);
    (optional ? schema.optional : schema.required).push(tfName);
  }
  if (kind !== "data") {
    for (const m of dts.matchAll(/^    readonly (\w+)!?: pulumi\.Output<[^\n]*>;$/gm)) {
      if (!inputs.has(m[1])) schema.computed.push(pulumiTerraformName(type, m[1], ""));
    }
  }
  for (const key of Object.keys(schema)) {
    schema[key].sort();
    if (schema[key].length === 0) delete schema[key];
  }
  return schema;
}

function pulumiTerraformName(type, property, tsType) {
  const listed = PULUMI_LIST_INPUTS[type]?.[property];
  if (tsType.includes("[]") && !listed) {
    throw new Error(`${type}.${property}: a list input; add its Terraform name to PULUMI_LIST_INPUTS (the bridge pluralises list names)`);
  }
  return listed ?? property.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

main(process.argv.slice(2));
