// Checks a CloudFormation template against AWS's published resource specification (the npm package
// @aws-cdk/aws-service-spec, the database the AWS CDK generates its L1 constructs from): each resource type
// exists, each property is one of the type's, required properties are there, and each value has the type
// the spec gives (strings, numbers, booleans, lists, tags, nested property types), intrinsic functions
// resolving to parameters, resources and attributes that exist. No property list is written here.
import type { CfnTemplate } from '../../src/model/iac/cloudformation';

interface SpecType {
  type: string;
  element?: SpecType;
  reference?: { $ref: string };
  types?: SpecType[];
}
interface SpecProperty {
  type: SpecType;
  required?: boolean;
}
interface SpecResource {
  $id: string;
  cloudFormationType: string;
  properties: Record<string, SpecProperty>;
  attributes: Record<string, unknown>;
  primaryIdentifier?: string[];
}
interface SpecTypeDefinition {
  name: string;
  properties: Record<string, SpecProperty>;
}
interface SpecDb {
  lookup(entity: 'resource', index: 'cloudFormationType', op: 'equals', value: string): SpecResource[];
  get(entity: 'typeDefinition', id: string): SpecTypeDefinition;
}

let cached: SpecDb | undefined;

/** The spec database, or undefined when the optional dev dependency is not installed. */
export function loadSpec(): SpecDb | undefined {
  if (cached) return cached;
  try {
    const pkg = require('@aws-cdk/aws-service-spec') as { loadAwsServiceSpecSync(): SpecDb };
    cached = pkg.loadAwsServiceSpecSync();
    return cached;
  } catch {
    return undefined;
  }
}

export function specResource(db: SpecDb, type: string): SpecResource | undefined {
  return db.lookup('resource', 'cloudFormationType', 'equals', type)[0];
}

type Ctx = { db: SpecDb; template: CfnTemplate; errors: string[] };

/** What a Ref or Fn::GetAtt yields: 'list' for a List<> parameter, else 'scalar'; undefined when it is not an intrinsic. */
function intrinsic(value: unknown, where: string, c: Ctx): 'scalar' | 'list' | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const v = (value as Record<string, unknown>)[keys[0]];
  if (keys[0] === 'Ref') {
    const name = String(v);
    const param = c.template.Parameters?.[name];
    if (param) return param.Type.startsWith('List<') || param.Type === 'CommaDelimitedList' ? 'list' : 'scalar';
    if (c.template.Resources[name] || name.startsWith('AWS::')) return 'scalar';
    c.errors.push(`${where}: Ref to unknown ${name}`);
    return 'scalar';
  }
  if (keys[0] === 'Fn::GetAtt') {
    const [id, attribute] = v as [string, string];
    const target = c.template.Resources[id];
    const spec = target ? specResource(c.db, target.Type) : undefined;
    if (!spec || !(attribute in spec.attributes))
      c.errors.push(
        `${where}: Fn::GetAtt ${id}.${attribute} is not an attribute of ${target?.Type ?? 'a resource in this template'}`,
      );
    return 'scalar';
  }
  return undefined;
}

function checkValue(value: unknown, type: SpecType, where: string, c: Ctx): void {
  const fn = intrinsic(value, where, c);
  if (fn === 'list') {
    if (type.type !== 'array') c.errors.push(`${where}: a list parameter where ${type.type} is expected`);
    return;
  }
  if (fn === 'scalar') {
    if (type.type === 'array' || type.type === 'ref' || type.type === 'map' || type.type === 'tag')
      c.errors.push(`${where}: a scalar where ${type.type} is expected`);
    return;
  }
  switch (type.type) {
    case 'string':
      if (typeof value !== 'string') c.errors.push(`${where}: ${JSON.stringify(value)} is not a string`);
      return;
    case 'integer':
      if (!Number.isInteger(value)) c.errors.push(`${where}: ${JSON.stringify(value)} is not an integer`);
      return;
    case 'number':
      if (typeof value !== 'number') c.errors.push(`${where}: ${JSON.stringify(value)} is not a number`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') c.errors.push(`${where}: ${JSON.stringify(value)} is not a boolean`);
      return;
    case 'json':
      return;
    case 'union': {
      const trial: Ctx = { ...c, errors: [] };
      const fits = (type.types ?? []).some((t) => {
        trial.errors = [];
        checkValue(value, t, where, trial);
        return trial.errors.length === 0;
      });
      if (!fits) c.errors.push(`${where}: fits none of the union's types`);
      return;
    }
    case 'array':
      if (!Array.isArray(value)) {
        c.errors.push(`${where}: not a list`);
        return;
      }
      value.forEach((item, i) => checkValue(item, type.element as SpecType, `${where}[${i}]`, c));
      return;
    case 'map':
      if (typeof value !== 'object' || value === null) {
        c.errors.push(`${where}: not a map`);
        return;
      }
      for (const [k, v] of Object.entries(value)) checkValue(v, type.element as SpecType, `${where}.${k}`, c);
      return;
    case 'tag': {
      const tag = value as Record<string, unknown>;
      const keys = Object.keys(tag ?? {})
        .sort()
        .join();
      if (keys !== 'Key,Value' || typeof tag.Key !== 'string' || typeof tag.Value !== 'string')
        c.errors.push(`${where}: a tag is {Key, Value} strings`);
      return;
    }
    case 'ref': {
      const def = c.db.get('typeDefinition', type.reference?.$ref ?? '');
      checkProperties(value, def.properties, `${where}(${def.name})`, c);
      return;
    }
    default:
      c.errors.push(`${where}: the spec's type ${type.type} is not handled by this check`);
  }
}

function checkProperties(value: unknown, properties: Record<string, SpecProperty>, where: string, c: Ctx): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    c.errors.push(`${where}: not an object`);
    return;
  }
  for (const [name, v] of Object.entries(value)) {
    const prop = properties[name];
    if (!prop) c.errors.push(`${where}: no property ${name}`);
    else checkValue(v, prop.type, `${where}.${name}`, c);
  }
  for (const [name, prop] of Object.entries(properties))
    if (prop.required && !(name in value)) c.errors.push(`${where}: required ${name} missing`);
}

/** Every way the template departs from the specification (empty when it conforms). */
export function specErrors(db: SpecDb, template: CfnTemplate): string[] {
  const c: Ctx = { db, template, errors: [] };
  for (const [id, resource] of Object.entries(template.Resources)) {
    const spec = specResource(db, resource.Type);
    if (!spec) {
      c.errors.push(`${id}: unknown resource type ${resource.Type}`);
      continue;
    }
    checkProperties(resource.Properties, spec.properties, id, c);
    for (const policy of [resource.DeletionPolicy, resource.UpdateReplacePolicy]) {
      if (policy !== undefined && !['Delete', 'Retain', 'Snapshot', 'RetainExceptOnCreate'].includes(policy))
        c.errors.push(`${id}: policy ${policy}`);
    }
    for (const dep of resource.DependsOn ?? [])
      if (!template.Resources[dep]) c.errors.push(`${id}: DependsOn unknown ${dep}`);
  }
  for (const [name, output] of Object.entries(template.Outputs ?? {})) intrinsic(output.Value, `Outputs.${name}`, c);
  return c.errors;
}
