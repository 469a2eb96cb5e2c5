// Export Setup's four formats over one desired setup and snapshot (the ones Set Up plans from): the bash
// script, a CloudFormation template, an AWS CDK app written from that template, and Terraform. Each gives its
// files (paths relative to the folder the user picks) and which one to open first.
import { setupScriptFor } from '../plan/setupScript';
import type { DesiredSetup } from '../plan/desired';
import type { Topology } from '../topology/topology';
import { cdkExport } from './cdk';
import { cloudFormationExport } from './cloudformation';
import { terraformExport } from './terraform';
import type { ExportFile, IacContext } from './types';

export const EXPORT_FORMATS = ['bash', 'cloudformation', 'cdk', 'terraform'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface SetupExport {
  format: ExportFormat;
  files: ExportFile[];
  /** The file to show first: the script, the template, the CDK stack, main.tf. */
  main: string;
}

/** A CloudFormation/CDK stack name from the service name: letters, digits and hyphens, starting with a letter. */
export function stackNameFor(serviceName: string): string {
  const cleaned = `${serviceName}-vpc-connector`.replace(/[^A-Za-z0-9-]+/g, '-').replace(/-+/g, '-');
  return (/^[A-Za-z]/.test(cleaned) ? cleaned : `s-${cleaned}`).slice(0, 128);
}

/** `cdk import --resource-mapping`: each imported resource's construct path (stack/logical id) and identifier. */
function cdkResourceMapping(stackName: string, resourcesToImport: string): string {
  const entries = JSON.parse(resourcesToImport) as {
    LogicalResourceId: string;
    ResourceIdentifier: Record<string, string>;
  }[];
  return `${JSON.stringify(Object.fromEntries(entries.map((e) => [`${stackName}/${e.LogicalResourceId}`, e.ResourceIdentifier])), null, 2)}\n`;
}

export function setupExport(format: ExportFormat, snapshot: Topology, d: DesiredSetup, ctx: IacContext): SetupExport {
  if (format === 'bash') {
    return { format, files: [{ path: 'setup.sh', content: setupScriptFor(snapshot, d, ctx) }], main: 'setup.sh' };
  }
  if (format === 'terraform') {
    const files = terraformExport(snapshot, d, ctx);
    return { format, files, main: files.some((f) => f.path === 'main.tf') ? 'main.tf' : files[0].path };
  }
  const cfn = cloudFormationExport(snapshot, d, ctx);
  if (format === 'cloudformation') {
    const files: ExportFile[] = [{ path: 'template.yaml', content: cfn.yaml }];
    if (cfn.resourcesToImport && cfn.importTemplate) {
      files.push(
        { path: 'resources-to-import.json', content: cfn.resourcesToImport },
        { path: 'import-template.yaml', content: cfn.importTemplate.yaml },
      );
    }
    return { format, files, main: 'template.yaml' };
  }
  const stackName = stackNameFor(d.serviceName);
  // The CloudFormation export's header, as // comments, and the service's NetworkConfiguration to paste.
  const lines = cfn.yaml.split('\n');
  const header = lines
    .slice(
      0,
      Math.max(
        0,
        lines.findIndex((line) => !line.startsWith('# ')),
      ),
    )
    .map((line) => line.slice(2));
  const files = cdkExport(cfn.template, { stackName, header });
  const footer = [
    '',
    `// Add to your App Runner service ${d.serviceName} (its definition is yours), with the connector's ARN from this stack:`,
    ...cfn.serviceNetworkConfiguration
      .trimEnd()
      .split('\n')
      .map((line) => `//   ${line}`),
    '',
  ].join('\n');
  const withFooter = files.map((f) => (f.path === 'lib/stack.ts' ? { ...f, content: f.content + footer } : f));
  if (cfn.resourcesToImport)
    withFooter.push({ path: 'resource-mapping.json', content: cdkResourceMapping(stackName, cfn.resourcesToImport) });
  return { format, files: withFooter, main: 'lib/stack.ts' };
}
