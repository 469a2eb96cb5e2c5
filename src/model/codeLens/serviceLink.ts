// Which App Runner service an apprunner.yaml belongs to, from plain data: the folder's git remotes (read
// from .git/config by the editor side) and the snapshot's code-repository services. App Runner stores the
// repository as an https URL while a clone usually has an ssh remote, so both are reduced to host/path.
import type { AppRunnerService } from '../topology/topology';

export interface GitRemote {
  name: string;
  url: string;
}

/** `[remote "origin"] url = ...` entries of a git config file, in file order. Tolerates any text. */
export function parseGitRemotes(configText: string): GitRemote[] {
  const remotes: GitRemote[] = [];
  let current: string | undefined;
  for (const raw of configText.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('#') || line.startsWith(';') || !line) continue;
    const section = /^\[\s*([^\s\]"]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]/.exec(line);
    if (section) {
      current = section[1].toLowerCase() === 'remote' ? section[2] : undefined;
      continue;
    }
    const url = /^url\s*=\s*(.*)$/i.exec(line);
    if (current !== undefined && url) remotes.push({ name: current, url: url[1].replace(/^"|"$/g, '').trim() });
  }
  return remotes;
}

/**
 * `github.com/owner/repo` for https, ssh (`git@host:owner/repo.git`, `ssh://git@host:22/owner/repo`) and git
 * forms: lower-cased, without user, port, `.git` or trailing slashes. Undefined when it is not a remote URL.
 */
export function normalizeRepositoryUrl(url: string): string | undefined {
  const text = url.trim();
  let host: string;
  let path: string;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/:]+)(?::\d*)?\/(.*)$/i.exec(text);
  const scp = /^(?:[^@/]+@)?([^/:]+):(?!\/\/)(.*)$/.exec(text);
  if (withScheme) [, host, path] = withScheme;
  else if (scp) [, host, path] = scp;
  else return undefined;
  const cleanPath = path
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '')
    .replace(/\.git$/i, '')
    .replace(/^\/+/, '');
  if (!host || !cleanPath) return undefined;
  return `${host.toLowerCase()}/${cleanPath.toLowerCase()}`;
}

/** App Runner's SourceDirectory ('', '/', './api', 'api/') and a repo-relative folder compared as `api`. */
export function normalizeSourceDirectory(dir: string | undefined): string {
  return (dir ?? '')
    .replace(/\\/g, '/')
    .split('/')
    .filter((part) => part && part !== '.')
    .join('/');
}

export interface LinkCandidate {
  service: AppRunnerService;
  /** The remote whose URL matched. */
  remote: GitRemote;
}

/**
 * Services whose source is a code repository configured from apprunner.yaml (REPOSITORY), whose repository
 * is one of the remotes, and whose source directory is the file's folder (repo-relative). `origin` first.
 */
export function matchServices(
  services: readonly AppRunnerService[],
  remotes: readonly GitRemote[],
  fileDir: string,
): LinkCandidate[] {
  const dir = normalizeSourceDirectory(fileDir);
  const ordered = [...remotes].sort((a, b) => Number(b.name === 'origin') - Number(a.name === 'origin'));
  const out: LinkCandidate[] = [];
  for (const service of services) {
    const source = service.source;
    if (source?.kind !== 'code' || source.configurationSource !== 'REPOSITORY') continue;
    if (normalizeSourceDirectory(source.sourceDirectory) !== dir) continue;
    const repo = normalizeRepositoryUrl(source.identifier);
    const remote = repo ? ordered.find((r) => normalizeRepositoryUrl(r.url) === repo) : undefined;
    if (remote) out.push({ service, remote });
  }
  return out;
}

export type LinkResolution =
  | { kind: 'setting' | 'remembered' | 'auto' | 'serviceName'; serviceName: string; service?: AppRunnerService }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'none' };

/**
 * The order the issue asks for: the setting, then the user's remembered choice, then a single automatic
 * match, then (nothing matched by repository and folder) the service the `apprunnerVpc.serviceName`
 * setting names when the account has it, so the first file a new user opens shows live lenses. A named
 * link (setting, remembered) missing from the snapshot stays linked (the snapshot may be loading or stale).
 */
export function resolveLink(input: {
  services: readonly AppRunnerService[];
  setting?: string;
  remembered?: string;
  candidates: readonly LinkCandidate[];
  /** The `apprunnerVpc.serviceName` setting: the service the commands target by default. */
  serviceName?: string;
}): LinkResolution {
  const find = (nameOrArn: string): AppRunnerService | undefined =>
    input.services.find((s) => s.arn === nameOrArn) ?? input.services.find((s) => s.name === nameOrArn);
  const named = (kind: 'setting' | 'remembered', value: string): LinkResolution => {
    const service = find(value);
    return { kind, serviceName: service?.name ?? value, service };
  };
  if (input.setting?.trim()) return named('setting', input.setting.trim());
  if (input.remembered) return named('remembered', input.remembered);
  const names = [...new Set(input.candidates.map((c) => c.service.name))];
  if (names.length === 1) return { kind: 'auto', serviceName: names[0], service: input.candidates[0].service };
  if (names.length > 1) return { kind: 'ambiguous', candidates: names };
  const byName = input.serviceName?.trim()
    ? input.services.find((s) => s.name === input.serviceName?.trim())
    : undefined;
  if (byName) return { kind: 'serviceName', serviceName: byName.name, service: byName };
  return { kind: 'none' };
}
