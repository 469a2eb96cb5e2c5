// A code service configured by its repository (ConfigurationSource REPOSITORY) runs with its apprunner.yaml's
// run.env and run.secrets, not the API's values (App Runner Developer Guide, "App Runner configuration file"):
// the database is named there. The parsed file's variables go beside the service's own, the secret references
// into its secrets (read, like the API's, only with consent).
import { parseApprunnerYaml } from '../apprunnerYaml/parse';
import type { AppRunnerService } from './topology';

/** True when App Runner takes this service's runtime configuration from the repository's apprunner.yaml. */
export function usesApprunnerYaml(service: AppRunnerService): boolean {
  return service.source?.kind === 'code' && service.source.configurationSource === 'REPOSITORY';
}

/** The service with its apprunner.yaml's run.env and run.secrets (unchanged when it does not use the file). */
export function withApprunnerYaml(service: AppRunnerService, yamlText: string): AppRunnerService {
  if (!usesApprunnerYaml(service) || !service.source) return service;
  const run = parseApprunnerYaml(yamlText).config.run;
  const environment: Record<string, string> = {};
  for (const e of run?.env ?? []) if (e.name && e.value) environment[e.name.value] = e.value.value;
  const secrets: Record<string, string> = {};
  for (const s of run?.secrets ?? []) if (s.name && s.valueFrom) secrets[s.name.value] = s.valueFrom.value;
  return {
    ...service,
    source: {
      ...service.source,
      secrets: { ...secrets, ...service.source.secrets },
      yaml: { environment, secrets },
    },
  };
}
