import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/**
 * Validates requests against GitHub's official OpenAPI description
 * (@octokit/openapi, api.github.com). The spec is parsed once per test worker;
 * only the operations a test actually calls are resolved and compiled.
 */

type Json = Record<string, unknown>;
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Json;
}
interface Operation {
  operationId: string;
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Json }> };
  responses?: Record<string, { $ref?: string; content?: Record<string, { schema?: Json }> }>;
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, Record<string, unknown>>;
}

export type RequestCheck = { ok: true; operationId: string } | { ok: false; problem: string };
export type ResponseCheck = { ok: true } | { ok: false; problem: string };

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
let spec: Spec | null = null;
let templates: { template: string; re: RegExp; params: string[] }[] = [];
const ajv = addFormats(new Ajv({ strict: false, allErrors: true, validateFormats: true }));
const compiled = new Map<string, { params: Parameter[]; validators: Map<string, ValidateFunction>; body: ValidateFunction | null; bodyRequired: boolean }>();

function loadSpec(): Spec {
  if (spec) return spec;
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@octokit/openapi/package.json'));
  spec = JSON.parse(readFileSync(join(root, 'generated', 'api.github.com.json'), 'utf8')) as Spec;
  templates = Object.keys(spec.paths).map((template) => {
    const params = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
    const re = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '([^/]+)')}$`);
    return { template, re, params };
  });
  return spec;
}

function lookup(ref: string): unknown {
  const parts = ref.replace(/^#\//, '').split('/');
  let node: unknown = loadSpec();
  for (const part of parts) node = (node as Json)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return node;
}

/** Inlines `$ref`s and turns OpenAPI 3.0 `nullable` without `type` into JSON Schema Ajv accepts. */
function resolve(node: unknown, seen: string[] = []): unknown {
  if (Array.isArray(node)) return node.map((n) => resolve(n, seen));
  if (!node || typeof node !== 'object') return node;
  const object = node as Json;
  if (typeof object.$ref === 'string') {
    if (seen.includes(object.$ref)) return {};
    return resolve(lookup(object.$ref), [...seen, object.$ref]);
  }
  const out: Json = {};
  for (const [key, value] of Object.entries(object)) {
    if (key === 'example' || key === 'examples' || key === 'description') continue;
    out[key] = resolve(value, seen);
  }
  if (out.nullable === true && out.type === undefined) {
    delete out.nullable;
    return { anyOf: [out, { type: 'null' }] };
  }
  // Ajv's `nullable` widens the type but not an enum: a null state_reason is valid.
  if (out.nullable === true && Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...(out.enum as unknown[]), null];
  return out;
}

function compile(template: string, method: string, operation: Operation) {
  const key = `${method} ${template}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  const params = (operation.parameters ?? []).map((p) => resolve(p) as Parameter);
  const validators = new Map(params.map((p) => [`${p.in}:${p.name}`, ajv.compile(p.schema ?? {})]));
  const schema = operation.requestBody?.content?.['application/json']?.schema;
  const entry = {
    params,
    validators,
    body: schema ? ajv.compile(resolve(schema) as Json) : null,
    bodyRequired: operation.requestBody?.required === true,
  };
  compiled.set(key, entry);
  return entry;
}

/** Query and path values arrive as text: give them the type their schema asks for. */
function coerce(value: string, schema: Json | undefined): unknown {
  if ((schema?.type === 'integer' || schema?.type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (schema?.type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

function errorsOf(validate: ValidateFunction): string {
  return ajv.errorsText(validate.errors, { separator: '; ' });
}

type Found = { ok: true; template: string; values: RegExpExecArray; params: string[]; operation: Operation } | { ok: false; problem: string };

function findOperation(method: string, pathname: string): Found {
  const paths = loadSpec().paths;
  const matches = templates
    .map((t) => ({ t, m: t.re.exec(pathname) }))
    .filter((x) => x.m !== null)
    .sort((a, b) => a.t.params.length - b.t.params.length);
  const match = matches[0];
  if (!match?.m) return { ok: false, problem: `no GitHub REST path matches ${pathname}` };
  const operation = paths[match.t.template]?.[method.toLowerCase()];
  if (!operation) return { ok: false, problem: `${method} is not an operation of ${match.t.template}` };
  return { ok: true, template: match.t.template, values: match.m, params: match.t.params, operation };
}

const responseValidators = new Map<string, ValidateFunction | null>();

/**
 * Checks a fake response against the schema GitHub documents for that
 * operation and status, so the fake cannot drift from what Octokit really gets.
 * A 4xx/5xx the operation does not list is allowed: GitHub answers any call
 * with 401, 403, 5xx… An undocumented success status is not.
 */
export function checkResponse(method: string, pathname: string, status: number, body: unknown): ResponseCheck {
  const found = findOperation(method, pathname);
  if (!found.ok) return found;
  const key = `${method} ${found.template} ${status}`;
  if (!responseValidators.has(key)) {
    const declared = found.operation.responses?.[String(status)];
    const response = (declared?.$ref ? lookup(declared.$ref) : declared) as { content?: Record<string, { schema?: Json }> } | undefined;
    if (!response && status < 400) return { ok: false, problem: `${found.operation.operationId}: GitHub never answers ${status}` };
    const schema = response?.content?.['application/json']?.schema;
    responseValidators.set(key, schema ? ajv.compile(resolve(schema) as Json) : null);
  }
  const validate = responseValidators.get(key);
  if (validate && !validate(body)) return { ok: false, problem: `${found.operation.operationId}: ${status} response ${errorsOf(validate)}` };
  return { ok: true };
}

export function checkRequest(method: string, pathname: string, query: URLSearchParams, body: unknown): RequestCheck {
  const found = findOperation(method, pathname);
  if (!found.ok) return found;
  const { operation } = found;
  const match = { t: { template: found.template, params: found.params }, m: found.values };
  const lower = method.toLowerCase();
  const { params, validators, body: bodyValidator, bodyRequired } = compile(match.t.template, lower, operation);
  const pathValues = new Map(match.t.params.map((name, i) => [name, decodeURIComponent(match.m?.[i + 1] ?? '')]));
  for (const name of query.keys()) {
    if (!params.some((p) => p.in === 'query' && p.name === name)) {
      return { ok: false, problem: `${operation.operationId}: unknown query parameter "${name}"` };
    }
  }
  for (const p of params) {
    if (p.in !== 'path' && p.in !== 'query') continue;
    const raw = p.in === 'path' ? pathValues.get(p.name) : (query.get(p.name) ?? undefined);
    if (raw === undefined) {
      if (p.required) return { ok: false, problem: `${operation.operationId}: missing required ${p.in} parameter "${p.name}"` };
      continue;
    }
    const validate = validators.get(`${p.in}:${p.name}`);
    if (validate && !validate(coerce(raw, p.schema))) {
      return { ok: false, problem: `${operation.operationId}: ${p.in} parameter "${p.name}" ${errorsOf(validate)}` };
    }
  }
  if (body === undefined) {
    if (bodyRequired) return { ok: false, problem: `${operation.operationId}: request body required` };
  } else if (bodyValidator && !bodyValidator(body)) {
    return { ok: false, problem: `${operation.operationId}: body ${errorsOf(bodyValidator)}` };
  } else if (!bodyValidator) {
    return { ok: false, problem: `${operation.operationId}: takes no request body` };
  }
  return { ok: true, operationId: operation.operationId };
}
