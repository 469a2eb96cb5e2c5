// botocore's App Runner model (service-2.json from the pip botocore that moto depends on) and a small
// validator over it. The emulator checks requests with it; the tests check responses with it, so the
// sandbox cannot drift from the official names, required members, enums and limits.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

export interface ShapeRef {
  shape: string;
}

export interface Shape {
  type: string;
  required?: string[];
  members?: Record<string, ShapeRef>;
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  exception?: boolean;
  fault?: boolean;
}

export interface OperationModel {
  name: string;
  input?: ShapeRef;
  output?: ShapeRef;
  errors?: ShapeRef[];
}

export interface ServiceModel {
  metadata: Record<string, unknown>;
  operations: Record<string, OperationModel>;
  shapes: Record<string, Shape>;
}

export interface ValidateOptions {
  /** Output checks flag members the model does not know; AWS ignores unknown input members. */
  rejectUnknownMembers: boolean;
  /** Shapes whose pattern contradicts their own length limits in the model (ServiceId: 32 chars, UUID pattern). */
  skipPatternFor?: string[];
}

let cached: ServiceModel | undefined;
const cachedByPath = new Map<string, ServiceModel>();

/** Where botocore's data folder is: $SANDBOX_BOTOCORE_DATA, else asked from the Python that runs moto. */
export function botocoreDataDir(python = process.env.SANDBOX_PYTHON || 'python3'): string {
  if (process.env.SANDBOX_BOTOCORE_DATA) return process.env.SANDBOX_BOTOCORE_DATA;
  const script = 'import botocore, os; print(os.path.join(os.path.dirname(botocore.__file__), "data"))';
  return execFileSync(python, ['-c', script], { encoding: 'utf8' }).trim();
}

export function loadAppRunnerModel(python?: string): ServiceModel {
  if (cached) return cached;
  cached = loadBotocoreModel('apprunner/2020-05-15', python);
  return cached;
}

/** Any service's model from botocore's data folder (`ecs/2014-11-13`), plain or gzipped as pip installs it. */
export function loadBotocoreModel(serviceAndVersion: string, python?: string): ServiceModel {
  const known = cachedByPath.get(serviceAndVersion);
  if (known) return known;
  const plain = path.join(botocoreDataDir(python), ...serviceAndVersion.split('/'), 'service-2.json');
  const text = fs.existsSync(plain)
    ? fs.readFileSync(plain, 'utf8')
    : zlib.gunzipSync(fs.readFileSync(`${plain}.gz`)).toString('utf8');
  const model = JSON.parse(text) as ServiceModel;
  cachedByPath.set(serviceAndVersion, model);
  return model;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every way `value` breaks `shapeName`, as "path: problem" lines (empty when it conforms). */
export function validateShape(
  model: ServiceModel,
  shapeName: string,
  value: unknown,
  where: string,
  options: ValidateOptions,
): string[] {
  const shape = model.shapes[shapeName];
  if (!shape) return [`${where}: unknown shape ${shapeName}`];
  const issues: string[] = [];
  const sub = (name: string, v: unknown, w: string) => issues.push(...validateShape(model, name, v, w, options));
  switch (shape.type) {
    case 'structure': {
      if (!isObject(value)) return [`${where}: expected an object (${shapeName})`];
      for (const req of shape.required ?? []) {
        if (value[req] === undefined || value[req] === null) issues.push(`${where}.${req}: required member missing`);
      }
      for (const [k, v] of Object.entries(value)) {
        const ref = shape.members?.[k];
        if (!ref) {
          if (options.rejectUnknownMembers) issues.push(`${where}.${k}: not a member of ${shapeName}`);
        } else if (v !== undefined && v !== null) sub(ref.shape, v, `${where}.${k}`);
      }
      return issues;
    }
    case 'list':
      if (!Array.isArray(value)) return [`${where}: expected a list (${shapeName})`];
      issues.push(...lengthIssues(shape, value.length, where));
      value.forEach((item, i) => sub(shape.member?.shape ?? '', item, `${where}[${i}]`));
      return issues;
    case 'map':
      if (!isObject(value)) return [`${where}: expected a map (${shapeName})`];
      for (const [k, v] of Object.entries(value)) {
        sub(shape.key?.shape ?? '', k, `${where}{key}`);
        sub(shape.value?.shape ?? '', v, `${where}.${k}`);
      }
      return issues;
    case 'string':
      return stringIssues(shapeName, shape, value, where, options);
    case 'integer':
    case 'long':
      if (typeof value !== 'number' || !Number.isInteger(value)) return [`${where}: expected an integer`];
      if (shape.min !== undefined && value < shape.min)
        issues.push(`${where}: ${value} is below the minimum ${shape.min}`);
      if (shape.max !== undefined && value > shape.max)
        issues.push(`${where}: ${value} is above the maximum ${shape.max}`);
      return issues;
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${where}: expected a boolean`];
    case 'timestamp':
      // awsJson sends epoch seconds as a number.
      return typeof value === 'number' && Number.isFinite(value) ? [] : [`${where}: expected epoch seconds`];
    case 'double':
    case 'float':
      return typeof value === 'number' ? [] : [`${where}: expected a number`];
    default:
      return [];
  }
}

function lengthIssues(shape: Shape, length: number, where: string): string[] {
  const out: string[] = [];
  if (shape.min !== undefined && length < shape.min)
    out.push(`${where}: length ${length} is below the minimum ${shape.min}`);
  if (shape.max !== undefined && length > shape.max)
    out.push(`${where}: length ${length} is above the maximum ${shape.max}`);
  return out;
}

function stringIssues(name: string, shape: Shape, value: unknown, where: string, options: ValidateOptions): string[] {
  if (typeof value !== 'string') return [`${where}: expected a string`];
  const out = lengthIssues(shape, value.length, where);
  if (shape.enum && !shape.enum.includes(value))
    out.push(`${where}: '${value}' is not one of ${shape.enum.join(', ')}`);
  if (shape.pattern && !options.skipPatternFor?.includes(name) && !fullMatch(shape.pattern, value)) {
    out.push(`${where}: '${value}' does not match the pattern ${shape.pattern}`);
  }
  return out;
}

const regexCache = new Map<string, RegExp>();

/** botocore patterns are Java/Python regexes; anchored here because AWS validates whole values. */
function fullMatch(pattern: string, value: string): boolean {
  let re = regexCache.get(pattern);
  if (!re) {
    // Unicode property classes (\p{L}, in ECS's tag patterns) need the `u` flag; a pattern `u` refuses
    // (an identity escape Java accepts) is read without it.
    try {
      re = new RegExp(`^(?:${pattern})$`, pattern.includes('\\p{') ? 'su' : 's');
    } catch {
      re = new RegExp(`^(?:${pattern})$`, 's');
    }
    regexCache.set(pattern, re);
  }
  return re.test(value);
}
