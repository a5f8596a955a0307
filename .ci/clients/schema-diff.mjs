// The schema-change check: the schema in web-schema/ may change the released
// one (schema-baseline.graphql) only in ways no client can break on. A
// field, argument, input field or enum value may go only if the released
// schema deprecated it first; every other breaking change graphql-js finds
// fails the check. Dangerous changes (a new enum value, an argument's new
// default) are listed and pass.
//
//   node schema-diff.mjs             check, and test the checker itself
//   node schema-diff.mjs --release   make the current schema the released one
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  BreakingChangeType, buildSchema, findBreakingChanges, findDangerousChanges, isEnumType, isInputObjectType,
  isInterfaceType, isObjectType, lexicographicSortSchema, printSchema,
} from "graphql";

const here = dirname(fileURLToPath(import.meta.url));
const schemaDir = join(here, "../../web-schema");
const baselineFile = join(here, "schema-baseline.graphql");

const currentSDL = () =>
  readdirSync(schemaDir).filter((f) => f.endsWith(".graphqls")).sort()
    .map((f) => readFileSync(join(schemaDir, f), "utf8")).join("\n");

// deprecated reports whether the released schema deprecated what a
// breaking change removes: "Type.field", "Type.field" of an input, an
// argument "Type.field(arg:)", or an enum value "Enum.VALUE".
function deprecated(schema, change) {
  const m = /^([A-Za-z_]\w*)\.([A-Za-z_]\w*)/.exec(change.description);
  if (!m) return false;
  const type = schema.getType(m[1]);
  const [, , member] = m;
  switch (change.type) {
    case BreakingChangeType.FIELD_REMOVED: {
      if (!(isObjectType(type) || isInterfaceType(type) || isInputObjectType(type))) return false;
      return Boolean(type.getFields()[member]?.deprecationReason);
    }
    case BreakingChangeType.ARG_REMOVED: {
      const arg = /arg (\w+) was removed/.exec(change.description)?.[1];
      const field = (isObjectType(type) || isInterfaceType(type)) && type.getFields()[member];
      return Boolean(field && field.args.find((a) => a.name === arg)?.deprecationReason);
    }
    case BreakingChangeType.VALUE_REMOVED_FROM_ENUM: {
      const value = /^(\w+) was removed from enum type (\w+)/.exec(change.description);
      const e = value && schema.getType(value[2]);
      return Boolean(isEnumType(e) && e.getValue(value[1])?.deprecationReason);
    }
  }
  return false;
}

// breaks lists the changes from released to next that fail the check.
function breaks(released, next) {
  return findBreakingChanges(released, next).filter((c) => !deprecated(released, c));
}

if (process.argv.includes("--release")) {
  writeFileSync(baselineFile, printSchema(lexicographicSortSchema(buildSchema(currentSDL()))) + "\n");
  console.log(`released: ${baselineFile}`);
  process.exit(0);
}

const released = buildSchema(readFileSync(baselineFile, "utf8"));
const current = buildSchema(currentSDL());

// The checker itself: removing a field that was not deprecated fails;
// removing one that was deprecated passes.
const probe = buildSchema(`type Query { kept: Int old: Int @deprecated(reason: "gone") live: Int }`);
const withoutOld = buildSchema(`type Query { kept: Int live: Int }`);
const withoutLive = buildSchema(`type Query { kept: Int old: Int @deprecated(reason: "gone") }`);
if (breaks(probe, withoutOld).length !== 0 || breaks(probe, withoutLive).length !== 1) {
  throw new Error("the schema-diff check misjudges its own probe");
}

for (const c of findDangerousChanges(released, current)) console.log(`dangerous (allowed): ${c.description}`);
const failing = breaks(released, current);
for (const c of failing) console.log(`BREAKING: ${c.type}: ${c.description}`);
const deprecations = [];
for (const t of Object.values(current.getTypeMap())) {
  if (t.name.startsWith("__")) continue;
  if (isObjectType(t) || isInterfaceType(t) || isInputObjectType(t)) {
    for (const f of Object.values(t.getFields())) {
      if (f.deprecationReason) deprecations.push(`${t.name}.${f.name}`);
      for (const a of f.args ?? []) if (a.deprecationReason) deprecations.push(`${t.name}.${f.name}(${a.name}:)`);
    }
  }
  if (isEnumType(t)) for (const v of t.getValues()) if (v.deprecationReason) deprecations.push(`${t.name}.${v.name}`);
}
console.log(`deprecated, kept until clients move: ${deprecations.length ? deprecations.join(", ") : "none"}`);

// Documentation: every type, field, argument and enum value has a
// description.
const undocumented = [];
let fields = 0, described = 0;
for (const t of Object.values(current.getTypeMap())) {
  if (t.name.startsWith("__") || ["String", "Int", "Float", "Boolean", "ID"].includes(t.name)) continue;
  if (!t.description) undocumented.push(t.name);
  if (isEnumType(t)) for (const v of t.getValues()) if (!v.description) undocumented.push(`${t.name}.${v.name}`);
  if (!(isObjectType(t) || isInterfaceType(t) || isInputObjectType(t))) continue;
  for (const f of Object.values(t.getFields())) {
    fields++;
    if (f.description) described++;
    else undocumented.push(`${t.name}.${f.name}`);
    for (const a of f.args ?? []) if (!a.description) undocumented.push(`${t.name}.${f.name}(${a.name}:)`);
  }
}
console.log(`described: ${described} of ${fields} fields; undescribed types, fields, arguments and enum values: ${undocumented.length}`);
for (const u of undocumented) console.log(`UNDOCUMENTED: ${u}`);
if (failing.length > 0 || undocumented.length > 0) {
  if (failing.length > 0) console.log("A breaking change needs a deprecation first: keep the old field, mark it @deprecated, release, then remove it.");
  process.exit(1);
}
console.log("schema diff: no breaking change against the released schema, nothing undocumented");
