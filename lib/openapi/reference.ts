/** The OpenAPI document as the reference page reads it: operations by tag, fields as rows, a curl example each. */
type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  additionalProperties?: Schema | boolean;
};
type Param = { name: string; in: string; required?: boolean; description?: string; schema: Schema };
type Op = {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  security: Record<string, string[]>[];
  "x-keyframe-scope"?: string | null;
  parameters?: Param[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
};
export type ApiDocumentJson = {
  info: { title: string; description?: string };
  servers?: { url: string }[];
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, Op>>;
  components?: { schemas?: Record<string, Schema> };
};

export type FieldRow = { name: string; type: string; ref?: string; required: boolean; notes: string[]; description?: string };
export type Body = { mediaType: string; variants: FieldRow[][]; ref?: string };
export type ResponseRow = { status: string; description: string; ref?: string; fields?: FieldRow[] };
export type OperationView = {
  id: string;
  method: string;
  path: string;
  summary: string;
  description?: string;
  access: string;
  params: FieldRow[];
  bodies: Body[];
  responses: ResponseRow[];
  curl: string;
};

const refName = (ref: string) => ref.split("/").pop()!;
const without = (list: Schema[]) => list.filter((s) => s.type !== "null");
const nullable = (s: Schema) => Boolean(s.anyOf?.some((x) => x.type === "null") || (Array.isArray(s.type) && s.type.includes("null")));

export function typeOf(s: Schema): string {
  if (s.$ref) return refName(s.$ref);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) {
    const label = [...new Set(without(alternatives).map(typeOf))].join(" or ");
    return nullable(s) ? `${label} or null` : label;
  }
  if (s.const !== undefined) return JSON.stringify(s.const);
  const type = Array.isArray(s.type) ? s.type.filter((t) => t !== "null").join(" or ") : s.type;
  if (s.format === "binary") return "file";
  if (type === "array") return `array of ${s.items ? typeOf(s.items) : "any"}`;
  if (type === "string" && s.format) return s.format === "uri" ? "URL" : `string (${s.format})`;
  if (type === "object" && !s.properties && typeof s.additionalProperties === "object") return `map of ${typeOf(s.additionalProperties)}`;
  return (type ?? "any") + (Array.isArray(s.type) && s.type.includes("null") ? " or null" : "");
}

function notesOf(s: Schema): string[] {
  const inner = s.anyOf ? without(s.anyOf) : [s];
  const base = inner.length === 1 ? { ...inner[0], ...s, anyOf: undefined } : s;
  const notes: string[] = [];
  if (base.enum) notes.push(`one of ${base.enum.map((v) => JSON.stringify(v)).join(", ")}`);
  if (base.minimum !== undefined && base.maximum !== undefined) notes.push(`${base.minimum} to ${base.maximum}`);
  else if (base.minimum !== undefined) notes.push(`at least ${base.minimum}`);
  else if (base.maximum !== undefined) notes.push(`at most ${base.maximum}`);
  if (base.minLength) notes.push(`at least ${base.minLength} characters`);
  if (base.maxLength !== undefined) notes.push(`at most ${base.maxLength} characters`);
  if (base.minItems) notes.push(`at least ${base.minItems} items`);
  if (base.maxItems !== undefined) notes.push(`at most ${base.maxItems} items`);
  if (base.pattern) notes.push(`matches ${base.pattern}`);
  if (base.default !== undefined) notes.push(`default ${JSON.stringify(base.default)}`);
  return notes;
}

/** An object's fields as rows; inline nested objects (and arrays of them) as `parent.child` rows, two levels deep. */
export function fieldRows(s: Schema, prefix = "", depth = 0): FieldRow[] {
  const rows: FieldRow[] = [];
  for (const [key, prop] of Object.entries(s.properties ?? {})) {
    const name = prefix + key;
    rows.push({
      name,
      type: typeOf(prop),
      ref: prop.$ref ? refName(prop.$ref) : undefined,
      required: s.required?.includes(key) ?? false,
      notes: notesOf(prop),
      description: prop.description,
    });
    const inner = prop.anyOf ? without(prop.anyOf) : [prop];
    const nested = inner.length === 1 ? inner[0]! : undefined;
    if (depth < 2 && nested?.properties) rows.push(...fieldRows(nested, `${name}.`, depth + 1));
    if (depth < 2 && nested?.items?.properties) rows.push(...fieldRows(nested.items, `${name}[].`, depth + 1));
  }
  return rows;
}

const ACCESS: Record<string, string> = {
  read: "Token scope read or more; or a signed-in member.",
  generate: "Token scope generate or admin; or a signed-in member.",
  admin: "Admins: an admin's session, or an admin's token with scope admin.",
};

function accessOf(op: Op): string {
  if (op.security.length === 0) return "No sign-in needed.";
  if (!op.security.some((s) => "bearerAuth" in s)) return "A browser session only: tokens cannot call this.";
  return ACCESS[op["x-keyframe-scope"] ?? "read"] ?? "";
}

function example(name: string, s: Schema): unknown {
  const inner = s.anyOf ? without(s.anyOf)[0]! : s;
  if (s.default !== undefined) return s.default;
  if (inner.const !== undefined) return inner.const;
  if (inner.enum) return inner.enum[0];
  if (name === "prompt") return "A slow push-in on a lighthouse at dusk";
  if (name === "email") return "ada@example.com";
  const type = Array.isArray(inner.type) ? inner.type[0] : inner.type;
  if (type === "integer" || type === "number") return inner.minimum !== undefined && inner.minimum > 0 ? inner.minimum : 1;
  if (type === "boolean") return false;
  if (type === "array") return [example(name, inner.items ?? {})];
  if (type === "object" && inner.properties) {
    return Object.fromEntries(
      Object.entries(inner.properties)
        .filter(([k]) => inner.required?.includes(k))
        .map(([k, v]) => [k, example(k, v)]),
    );
  }
  if (inner.format === "uri") return "https://example.com/start.jpg";
  return name === "name" ? "My example" : "…";
}

const shellVar = (name: string) => `$${name.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase()}`;

function curl(method: string, path: string, op: Op, origin: string, doc: ApiDocumentJson): string {
  const url = path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const param = op.parameters?.find((p) => p.name === name);
    return param?.schema.enum ? String(param.schema.enum[0]) : shellVar(name);
  });
  const lines = [`curl${method === "get" ? "" : ` -X ${method.toUpperCase()}`} "${origin}${url}"`];
  if (op.security.some((s) => "bearerAuth" in s)) lines.push(`-H "Authorization: Bearer $KEYFRAME_TOKEN"`);
  else if (op.security.length) lines.push(`--cookie "keyframe.session_token=$SESSION"`);
  if (op.parameters?.some((p) => p.in === "header" && p.name === "idempotency-key")) lines.push(`-H "Idempotency-Key: $(uuidgen)"`);
  const [mediaType, content] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
  const schema = content ? resolve(content.schema, doc) : undefined;
  const body = schema?.anyOf ? resolve(without(schema.anyOf)[0]!, doc) : schema;
  if (mediaType === "multipart/form-data" && body) {
    for (const [k, v] of Object.entries(body.properties ?? {})) {
      if (!body.required?.includes(k)) continue;
      const file = v.format === "binary" || v.anyOf?.some((x) => x.format === "binary");
      lines.push(file ? `-F "${k}=@${k === "file" ? "rows.csv" : "start.png"}"` : `-F "${k}=${String(example(k, v))}"`);
    }
  } else if (body) {
    lines.push(`-H "Content-Type: application/json"`, `-d '${JSON.stringify(example("", body))}'`);
  }
  return lines.join(" \\\n  ");
}

const resolve = (s: Schema, doc: ApiDocumentJson): Schema => (s.$ref ? (doc.components?.schemas?.[refName(s.$ref)] ?? s) : s);

function bodiesOf(op: Op, doc: ApiDocumentJson): Body[] {
  return Object.entries(op.requestBody?.content ?? {}).map(([mediaType, content]) => {
    const schema = resolve(content.schema, doc);
    const variants = schema.anyOf ? without(schema.anyOf).map((v) => fieldRows(resolve(v, doc))) : [fieldRows(schema)];
    return { mediaType, variants, ref: content.schema.$ref ? refName(content.schema.$ref) : undefined };
  });
}

function responsesOf(op: Op): ResponseRow[] {
  return Object.entries(op.responses).map(([status, r]) => {
    const schema = r.content?.["application/json"]?.schema;
    const ref = schema?.$ref ? refName(schema.$ref) : undefined;
    return { status, description: r.description, ref, fields: schema && !ref ? fieldRows(schema) : undefined };
  });
}

/** The page's sections: each tag with its operations, in the document's order. */
export function referenceOf(doc: ApiDocumentJson, origin: string) {
  const tags = (doc.tags ?? []).map((tag) => ({ ...tag, slug: tag.name.toLowerCase(), operations: [] as OperationView[] }));
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const params = (op.parameters ?? []).map((p) => ({
        ...fieldRows({ properties: { [p.name]: p.schema }, required: p.required ? [p.name] : [] })[0]!,
        name: `${p.name} (${p.in})`,
        description: p.description ?? p.schema.description,
      }));
      tags
        .find((t) => t.name === op.tags[0])
        ?.operations.push({
          id: op.operationId,
          method,
          path,
          summary: op.summary,
          description: op.description,
          access: accessOf(op),
          params,
          bodies: bodiesOf(op, doc),
          responses: responsesOf(op),
          curl: curl(method, path, op, origin, doc),
        });
    }
  }
  const schemas = Object.entries(doc.components?.schemas ?? {}).map(([name, s]) => ({
    name,
    description: s.description,
    fields: fieldRows(s),
  }));
  return { tags: tags.filter((t) => t.operations.length > 0), schemas };
}
