// Terraform files read by HashiCorp's own HCL parser (@cdktf/hcl2json, the HCL library compiled to wasm) and
// checked against the AWS provider's schema: test/unit/fixtures/terraform/aws-provider-schema.json, written by
// scripts/terraform-provider-schema.mjs from @cdktf/provider-aws 19.65.1, whose code is generated from the
// Terraform AWS provider 5.99.1 schema (that package, 360 MB unpacked, is too large for a dev dependency).
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface SchemaAttribute {
  computed: boolean;
  optional: boolean;
  required: boolean;
  isBlock?: boolean;
  type?: string;
  storageClassType?: string;
}
type SchemaResource = Record<string, SchemaAttribute> & { '//nested'?: string[] };
export interface ProviderSchema {
  source: string;
  providerVersion: string;
  provider: Record<string, SchemaAttribute>;
  resources: Record<string, SchemaResource>;
}

export function providerSchema(): ProviderSchema {
  const file = path.join(
    __dirname,
    '..',
    '..',
    '..',
    'test',
    'unit',
    'fixtures',
    'terraform',
    'aws-provider-schema.json',
  );
  return JSON.parse(readFileSync(file, 'utf8')) as ProviderSchema;
}

/** Terraform's JSON syntax of a file, as hcl2json gives it (blocks as lists, references as "${...}"). */
export type HclJson = {
  resource?: Record<string, Record<string, Record<string, unknown>[]>>;
  import?: { to: string; id: string }[];
  output?: Record<string, { value: unknown }[]>;
  variable?: Record<string, { type: string; default?: unknown; description?: string }[]>;
  provider?: Record<string, Record<string, unknown>[]>;
  terraform?: Record<string, unknown>[];
};

type Hcl2Json = { parse(filename: string, contents: string): Promise<HclJson> };

/** The parser, or undefined when the optional dev dependency is not installed. */
export function hclParser(): Hcl2Json | undefined {
  try {
    return require('@cdktf/hcl2json') as Hcl2Json;
  } catch {
    return undefined;
  }
}

const META_ARGUMENTS = new Set(['lifecycle', 'depends_on', 'count', 'for_each', 'provider']);
const isReference = (v: unknown): boolean => typeof v === 'string' && /^\$\{[^}]+\}$/.test(v);

function typeError(value: unknown, attr: SchemaAttribute): string | undefined {
  if (isReference(value)) return undefined;
  switch (attr.storageClassType) {
    case 'string':
      return typeof value === 'string' ? undefined : 'not a string';
    case 'number':
      return typeof value === 'number' ? undefined : 'not a number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'not a boolean';
    case 'stringList':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? undefined : 'not a list of strings';
    case 'stringMap':
      return typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.values(value).every((v) => typeof v === 'string')
        ? undefined
        : 'not a map of strings';
    default:
      return undefined;
  }
}

function checkArguments(
  body: Record<string, unknown>,
  schema: Record<string, SchemaAttribute>,
  where: string,
  errors: string[],
): void {
  for (const [name, value] of Object.entries(body)) {
    if (META_ARGUMENTS.has(name)) continue;
    const attr = schema[name];
    if (!attr || name === '//nested') errors.push(`${where}: no argument ${name}`);
    else if (attr.computed && !attr.optional && !attr.required) errors.push(`${where}: ${name} is computed only`);
    else {
      const wrong = typeError(value, attr);
      if (wrong) errors.push(`${where}.${name}: ${wrong}`);
    }
  }
  for (const [name, attr] of Object.entries(schema))
    if (name !== '//nested' && attr.required && !(name in body)) errors.push(`${where}: required ${name} missing`);
}

/** Every resource, argument and provider setting the schema does not know, and every missing required one. */
export function schemaErrors(schema: ProviderSchema, files: HclJson[]): string[] {
  const errors: string[] = [];
  for (const file of files) {
    for (const [type, byName] of Object.entries(file.resource ?? {})) {
      const resource = schema.resources[type];
      for (const [name, bodies] of Object.entries(byName)) {
        if (!resource) {
          errors.push(`${type}.${name}: not a resource of the provider (or not in the fixture)`);
          continue;
        }
        for (const body of bodies) checkArguments(body, resource, `${type}.${name}`, errors);
      }
    }
    for (const body of file.provider?.aws ?? []) checkArguments(body, schema.provider, 'provider.aws', errors);
  }
  return errors;
}
