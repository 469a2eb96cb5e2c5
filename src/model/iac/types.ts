// What the setup-as-code generators (CloudFormation, Terraform, and the CDK stack made from the CloudFormation
// template) take and give: plain values, so the CLI and the extension write the files and tests read them.
import type { SetupBasis } from '../plan/setupFromService';
import type { Lang } from '../l10n/text';

/** One file of an export, its path relative to the folder the user picks. */
export interface ExportFile {
  path: string;
  content: string;
}

/** Like SetupScriptContext (setupScript.ts): where the ids come from and the language of the comments. */
export interface IacContext {
  /** The account the ids belong to (said in the header; CloudFormation/Terraform check it themselves). */
  accountId?: string;
  generatedAt: string;
  lang: Lang;
  /** Whether this is the setup the service uses now or the one Set Up would propose. */
  basis?: SetupBasis;
}
