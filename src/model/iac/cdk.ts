// Export Setup as an AWS CDK (TypeScript) app: written from the CloudFormation export's template object, not
// from a second model, so both describe the same resources. Every resource becomes its L1 construct
// (`ec2.CfnSecurityGroup`, `apprunner.CfnVpcConnector`, ...) with the template's logical id kept
// (`overrideLogicalId`), parameters become `CfnParameter`s and DeletionPolicy/UpdateReplacePolicy go through
// `cfnOptions`: `cdk synth` prints, resource for resource, the CloudFormation export's template.

/** The parts of a CloudFormation template this generator reads (the CloudFormation export's `CfnTemplate`). */
export interface CdkSourceTemplate {
  Description?: string;
  Parameters?: Record<string, CdkSourceParameter>;
  Resources: Record<string, CdkSourceResource>;
  Outputs?: Record<string, { Value: unknown; Description?: string; Export?: { Name: unknown } }>;
}

export interface CdkSourceParameter {
  Type: string;
  Default?: unknown;
  Description?: string;
  AllowedValues?: unknown[];
  AllowedPattern?: string;
  ConstraintDescription?: string;
  MinLength?: number;
  MaxLength?: number;
  NoEcho?: boolean;
}

export interface CdkSourceResource {
  Type: string;
  Properties?: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  DependsOn?: string | string[];
  Condition?: string;
  Metadata?: Record<string, unknown>;
}

export interface CdkExportContext {
  /** The stack's name and construct id (letters, digits and hyphens). */
  stackName?: string;
  /** First comment line: what the stack holds and where the ids come from. */
  header?: string[];
}

export interface CdkFile {
  path: string;
  content: string;
}

/** Thrown for a template this generator cannot express with L1 constructs (a clear error, never a wrong app). */
export class CdkExportError extends Error {}

const PSEUDO_PARAMETERS: Record<string, string> = {
  'AWS::AccountId': 'ACCOUNT_ID',
  'AWS::Region': 'REGION',
  'AWS::Partition': 'PARTITION',
  'AWS::URLSuffix': 'URL_SUFFIX',
  'AWS::StackName': 'STACK_NAME',
  'AWS::StackId': 'STACK_ID',
  'AWS::NotificationARNs': 'NOTIFICATION_ARNS',
  'AWS::NoValue': 'NO_VALUE',
};

const POLICIES: Record<string, string> = {
  Retain: 'RETAIN',
  Delete: 'DELETE',
  Snapshot: 'SNAPSHOT',
  RetainExceptOnCreate: 'RETAIN_EXCEPT_ON_CREATE',
};

/** `AWS::EC2::SecurityGroup` → the aws-cdk-lib module alias `ec2` and the class `CfnSecurityGroup`. */
export function l1ClassOf(type: string): { module: string; alias: string; className: string } {
  const m = /^AWS::([A-Za-z0-9]+)::([A-Za-z0-9]+)$/.exec(type);
  if (!m) throw new CdkExportError(`Resource type "${type}" has no L1 construct in aws-cdk-lib.`);
  const service = m[1].toLowerCase();
  // The module's own entry point (aws-cdk-lib/aws-ec2), not the barrel: tsc then reads two modules' types, not all.
  return { module: `aws-cdk-lib/aws-${service}`, alias: service, className: `Cfn${m[2]}` };
}

/** CloudFormation property names are PascalCase; aws-cdk-lib's L1 props are the same names in lowerCamelCase. */
function propName(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** A TypeScript identifier for a logical id (logical ids are alphanumeric: kept, first letter lowered). */
function variableOf(logicalId: string, prefix = ''): string {
  const base = logicalId.replace(/[^A-Za-z0-9]/g, '');
  const name = prefix ? `${prefix}${base}` : base.charAt(0).toLowerCase() + base.slice(1);
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

const INDENT = '  ';

interface Scope {
  parameters: Record<string, CdkSourceParameter>;
  resources: Record<string, CdkSourceResource>;
  variables: Map<string, string>;
}

function literal(value: string): string {
  return JSON.stringify(value);
}

/** A CloudFormation value (with intrinsic functions) as a TypeScript expression over the stack's constructs. */
function expression(value: unknown, scope: Scope, depth: number, keyStyle: 'props' | 'raw'): string {
  if (value === null || value === undefined) return 'undefined';
  if (typeof value === 'string') return literal(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const pad = INDENT.repeat(depth + 1);
  const end = INDENT.repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${pad}${expression(v, scope, depth + 1, keyStyle)},`).join('\n')}\n${end}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 1) {
    const intrinsic = intrinsicExpression(entries[0][0], entries[0][1], scope, depth);
    if (intrinsic !== undefined) return intrinsic;
  }
  if (entries.length === 0) return '{}';
  const key = (k: string): string => {
    const name = keyStyle === 'props' ? propName(k) : k;
    return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : literal(name);
  };
  return `{\n${entries.map(([k, v]) => `${pad}${key(k)}: ${expression(v, scope, depth + 1, keyStyle)},`).join('\n')}\n${end}}`;
}

/** Ref, GetAtt and the string functions, through the constructs so a typo cannot synthesize. */
function intrinsicExpression(name: string, arg: unknown, scope: Scope, depth: number): string | undefined {
  if (name === 'Ref' && typeof arg === 'string') {
    if (arg.startsWith('AWS::')) {
      const pseudo = PSEUDO_PARAMETERS[arg];
      if (!pseudo) throw new CdkExportError(`Unknown pseudo parameter "${arg}".`);
      return `cdk.Aws.${pseudo}`;
    }
    const variable = scope.variables.get(arg);
    if (!variable)
      throw new CdkExportError(`Ref to "${arg}", which is neither a parameter nor a resource of the template.`);
    const parameter = scope.parameters[arg];
    if (!parameter) return `${variable}.ref`;
    if (parameter.Type === 'Number') return `${variable}.valueAsNumber`;
    if (/^List<|CommaDelimitedList/.test(parameter.Type)) return `${variable}.valueAsList`;
    return `${variable}.valueAsString`;
  }
  if (name === 'Fn::GetAtt') {
    const [resource, attribute] = Array.isArray(arg) ? arg : typeof arg === 'string' ? arg.split(/\.(.*)/s) : [];
    const variable = typeof resource === 'string' ? scope.variables.get(resource) : undefined;
    if (!variable || typeof attribute !== 'string' || scope.parameters[resource as string]) {
      throw new CdkExportError(`Fn::GetAtt of ${JSON.stringify(arg)}: not a resource of the template.`);
    }
    // aws-cdk-lib names attributes attr + the attribute without dots (Endpoint.Address → attrEndpointAddress).
    return `${variable}.attr${attribute.replace(/\./g, '')}`;
  }
  const inner = (v: unknown): string => expression(v, scope, depth, 'raw');
  if (name === 'Fn::Sub') {
    if (typeof arg === 'string') return `cdk.Fn.sub(${literal(arg)})`;
    if (Array.isArray(arg) && arg.length === 2) return `cdk.Fn.sub(${inner(arg[0])}, ${inner(arg[1])})`;
  }
  if (name === 'Fn::Join' && Array.isArray(arg) && arg.length === 2)
    return `cdk.Fn.join(${inner(arg[0])}, ${inner(arg[1])})`;
  if (name === 'Fn::Select' && Array.isArray(arg) && arg.length === 2)
    return `cdk.Fn.select(${inner(arg[0])}, ${inner(arg[1])})`;
  if (name === 'Fn::Split' && Array.isArray(arg) && arg.length === 2)
    return `cdk.Fn.split(${inner(arg[0])}, ${inner(arg[1])})`;
  if (name === 'Fn::GetAZs') return `cdk.Fn.getAzs(${typeof arg === 'string' && arg !== '' ? inner(arg) : ''})`;
  if (name === 'Fn::ImportValue') return `cdk.Fn.importValue(${inner(arg)})`;
  if (name.startsWith('Fn::') || name === 'Condition') {
    throw new CdkExportError(`${name} is not supported by the CDK export yet.`);
  }
  return undefined;
}

function parameterCode(id: string, p: CdkSourceParameter, scope: Scope): string {
  const props: string[] = [`type: ${literal(p.Type)}`];
  if (p.Description !== undefined) props.push(`description: ${literal(p.Description)}`);
  if (p.Default !== undefined) props.push(`default: ${expression(p.Default, scope, 2, 'raw')}`);
  if (p.AllowedValues !== undefined) props.push(`allowedValues: ${expression(p.AllowedValues, scope, 2, 'raw')}`);
  if (p.AllowedPattern !== undefined) props.push(`allowedPattern: ${literal(p.AllowedPattern)}`);
  if (p.ConstraintDescription !== undefined) props.push(`constraintDescription: ${literal(p.ConstraintDescription)}`);
  if (p.MinLength !== undefined) props.push(`minLength: ${p.MinLength}`);
  if (p.MaxLength !== undefined) props.push(`maxLength: ${p.MaxLength}`);
  if (p.NoEcho !== undefined) props.push(`noEcho: ${p.NoEcho}`);
  const variable = scope.variables.get(id) ?? '';
  return [
    `${INDENT.repeat(2)}const ${variable} = new cdk.CfnParameter(this, ${literal(id)}, {`,
    ...props.map((line) => `${INDENT.repeat(3)}${line},`),
    `${INDENT.repeat(2)}});`,
    `${INDENT.repeat(2)}${variable}.overrideLogicalId(${literal(id)});`,
  ].join('\n');
}

function resourceCode(id: string, r: CdkSourceResource, scope: Scope, comments: string[]): string {
  const { alias, className } = l1ClassOf(r.Type);
  const variable = scope.variables.get(id) ?? '';
  const lines = comments.map((c) => `${INDENT.repeat(2)}// ${c}`);
  lines.push(
    `${INDENT.repeat(2)}const ${variable} = new ${alias}.${className}(this, ${literal(id)}, ${expression(r.Properties ?? {}, scope, 2, 'props')});`,
  );
  lines.push(`${INDENT.repeat(2)}${variable}.overrideLogicalId(${literal(id)});`);
  if (r.DeletionPolicy)
    lines.push(
      `${INDENT.repeat(2)}${variable}.cfnOptions.deletionPolicy = cdk.CfnDeletionPolicy.${policy(r.DeletionPolicy)};`,
    );
  if (r.UpdateReplacePolicy)
    lines.push(
      `${INDENT.repeat(2)}${variable}.cfnOptions.updateReplacePolicy = cdk.CfnDeletionPolicy.${policy(r.UpdateReplacePolicy)};`,
    );
  if (r.Metadata)
    lines.push(`${INDENT.repeat(2)}${variable}.cfnOptions.metadata = ${expression(r.Metadata, scope, 2, 'raw')};`);
  if (r.Condition) throw new CdkExportError(`Resource ${id}: conditions are not supported by the CDK export yet.`);
  for (const dependency of typeof r.DependsOn === 'string' ? [r.DependsOn] : (r.DependsOn ?? [])) {
    const target = scope.variables.get(dependency);
    if (!target || !scope.resources[dependency])
      throw new CdkExportError(`Resource ${id} depends on "${dependency}", which is not a resource of the template.`);
    lines.push(`${INDENT.repeat(2)}${variable}.addDependency(${target});`);
  }
  return lines.join('\n');
}

function policy(value: string): string {
  const name = POLICIES[value];
  if (!name) throw new CdkExportError(`Unknown DeletionPolicy "${value}".`);
  return name;
}

function outputCode(id: string, o: NonNullable<CdkSourceTemplate['Outputs']>[string], scope: Scope): string {
  const props = [`value: cdk.Token.asString(${expression(o.Value, scope, 3, 'raw')})`];
  if (o.Description !== undefined) props.push(`description: ${literal(o.Description)}`);
  if (o.Export) props.push(`exportName: cdk.Token.asString(${expression(o.Export.Name, scope, 3, 'raw')})`);
  const variable = variableOf(id, 'output');
  // CloudFormation keeps outputs apart from parameters and resources (an output may share a parameter's name, as
  // AppRunnerSecurityGroupId does when the group is referenced), but CDK construct ids share one scope: the
  // construct gets its own id and the logical id is set back to the template's.
  return [
    `${INDENT.repeat(2)}const ${variable} = new cdk.CfnOutput(this, ${literal(`${id}Output`)}, {`,
    ...props.map((line) => `${INDENT.repeat(3)}${line},`),
    `${INDENT.repeat(2)}});`,
    `${INDENT.repeat(2)}${variable}.overrideLogicalId(${literal(id)});`,
  ].join('\n');
}

/** Comment lines for one resource: the comments the CloudFormation export wrote above it, if the caller has them. */
export type ResourceComments = Record<string, string[]>;

const CLASS_NAME = 'AppRunnerVpcConnectorStack';

/**
 * The CDK app for a CloudFormation export's template: `lib/<stack>.ts` (the stack), `bin/app.ts` (the app),
 * `package.json`, `tsconfig.json` and `cdk.json`, so `npm install && npx cdk synth` works in the folder.
 */
export function cdkExport(
  template: CdkSourceTemplate,
  ctx: CdkExportContext = {},
  comments: ResourceComments = {},
): CdkFile[] {
  const stackName = ctx.stackName ?? 'AppRunnerVpcConnector';
  if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(stackName))
    throw new CdkExportError(
      `Stack name "${stackName}" must start with a letter and hold only letters, digits and hyphens.`,
    );
  const parameters = template.Parameters ?? {};
  const resources = template.Resources;
  const variables = new Map<string, string>();
  const taken = new Set<string>(['cdk', 'app', 'stack', 'scope', 'id', 'props']);
  for (const id of [...Object.keys(parameters), ...Object.keys(resources)]) {
    let name = variableOf(id);
    while (taken.has(name)) name = `${name}_`;
    taken.add(name);
    variables.set(id, name);
  }
  const scope: Scope = { parameters, resources, variables };
  const modules = [...new Set(Object.values(resources).map((r) => l1ClassOf(r.Type)))]
    .filter((m, i, all) => all.findIndex((x) => x.alias === m.alias) === i)
    .sort((a, b) => a.alias.localeCompare(b.alias));
  const header = (ctx.header ?? []).map((line) => `// ${line.replace(/[\r\n\u2028\u2029]+/g, ' ')}`);
  const stack = [
    ...header,
    '// Generated from the CloudFormation export: the same logical ids, so `cdk synth` prints the same resources.',
    "import * as cdk from 'aws-cdk-lib';",
    ...modules.map((m) => `import * as ${m.alias} from '${m.module}';`),
    "import type { Construct } from 'constructs';",
    '',
    `export class ${CLASS_NAME} extends cdk.Stack {`,
    `${INDENT}constructor(scope: Construct, id: string, props?: cdk.StackProps) {`,
    `${INDENT.repeat(2)}super(scope, id, props);`,
    ...(template.Description
      ? [`${INDENT.repeat(2)}this.templateOptions.description = ${literal(template.Description)};`]
      : []),
    ...Object.entries(parameters).map(([id, p]) => parameterCode(id, p, scope)),
    ...Object.entries(resources).map(([id, r]) => resourceCode(id, r, scope, comments[id] ?? [])),
    ...Object.entries(template.Outputs ?? {}).map(([id, o]) => outputCode(id, o, scope)),
    `${INDENT}}`,
    '}',
    '',
  ].join('\n');
  const app = [
    ...header,
    "import * as cdk from 'aws-cdk-lib';",
    `import { ${CLASS_NAME} } from '../lib/stack';`,
    '',
    'const app = new cdk.App();',
    `new ${CLASS_NAME}(app, ${literal(stackName)}, {`,
    // The bootstrap version check needs `cdk bootstrap`; this stack has no assets, so it needs no bootstrap.
    `${INDENT}synthesizer: new cdk.DefaultStackSynthesizer({ generateBootstrapVersionRule: false }),`,
    '});',
    'app.synth();',
    '',
  ].join('\n');
  const packageJson = {
    name: stackName.toLowerCase(),
    version: '0.1.0',
    private: true,
    bin: { app: 'bin/app.js' },
    scripts: { build: 'tsc', synth: 'cdk synth', diff: 'cdk diff', deploy: 'cdk deploy' },
    dependencies: { 'aws-cdk-lib': '^2.150.0', constructs: '^10.0.0' },
    devDependencies: { 'aws-cdk': '^2.150.0', 'ts-node': '^10.9.2', typescript: '^5.4.0', '@types/node': '^20.0.0' },
  };
  const tsconfig = {
    compilerOptions: {
      target: 'ES2020',
      module: 'commonjs',
      lib: ['es2020'],
      types: ['node'],
      strict: true,
      declaration: false,
      skipLibCheck: true,
      outDir: 'dist',
      rootDir: '.',
    },
    include: ['bin/**/*.ts', 'lib/**/*.ts'],
  };
  const cdkJson = { app: 'npx ts-node --prefer-ts-exts bin/app.ts', context: {} };
  return [
    { path: 'lib/stack.ts', content: stack },
    { path: 'bin/app.ts', content: app },
    { path: 'package.json', content: `${JSON.stringify(packageJson, null, 2)}\n` },
    { path: 'tsconfig.json', content: `${JSON.stringify(tsconfig, null, 2)}\n` },
    { path: 'cdk.json', content: `${JSON.stringify(cdkJson, null, 2)}\n` },
  ];
}
