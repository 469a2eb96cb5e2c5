// Which App Runner service an apprunner.yaml belongs to: the `apprunnerVpc.linkedService` setting (per
// folder), else the choice remembered for the file's folder (workspaceState), else a code-repository service
// matched against the git remote read from .git/config ourselves (the built-in git extension may be off).
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { GitRemote, LinkResolution, matchServices } from '../../model/codeLens/serviceLink';
import { loadAnalysis } from '../analysisLoader';
import type { Topology } from '../../model/topology/topology';

const STATE_KEY = 'apprunnerVpc.serviceLinks';

interface Repository {
  root: vscode.Uri;
  remotes: GitRemote[];
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** `.git` is a folder, or (worktrees, submodules) a file `gitdir: <path>`. */
async function gitConfigOf(dotGit: vscode.Uri): Promise<string | undefined> {
  const stat = await vscode.workspace.fs.stat(dotGit).then(
    (s) => s,
    () => undefined,
  );
  if (!stat) return undefined;
  if (stat.type & vscode.FileType.Directory) return readText(vscode.Uri.joinPath(dotGit, 'config'));
  const pointer = /^gitdir:\s*(.+)$/m.exec((await readText(dotGit)) ?? '');
  if (!pointer) return undefined;
  const target = pointer[1].trim();
  const gitDirUri = path.posix.isAbsolute(target)
    ? dotGit.with({ path: target })
    : vscode.Uri.joinPath(dotGit, '..', target);
  // A worktree's own folder has no config: the repository's is two levels up (.git/worktrees/<name>).
  return (
    (await readText(vscode.Uri.joinPath(gitDirUri, 'config'))) ??
    readText(vscode.Uri.joinPath(gitDirUri, '..', '..', 'config'))
  );
}

/** The nearest enclosing repository of a folder, with its remotes. */
export async function findRepository(folder: vscode.Uri): Promise<Repository | undefined> {
  for (let dir = folder; ;) {
    const config = await gitConfigOf(vscode.Uri.joinPath(dir, '.git'));
    if (config !== undefined) return { root: dir, remotes: loadAnalysis().parseGitRemotes(config) };
    const parent = vscode.Uri.joinPath(dir, '..');
    if (parent.path === dir.path) return undefined;
    dir = parent;
  }
}

export class ServiceLinker implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** A link may have changed: a remembered choice, or a repository's remotes. */
  readonly onDidChange = this.changed.event;
  // Repository lookups walk up the folders on disk; lenses resolve the link on every snapshot change, so the
  // answer is kept per folder until a .git/config in the workspace changes.
  private readonly repositories = new Map<string, Promise<Repository | undefined>>();
  private readonly gitConfigs = vscode.workspace.createFileSystemWatcher('**/.git/config');

  constructor(private readonly state: vscode.Memento) {
    const forget = (): void => {
      this.repositories.clear();
      this.changed.fire();
    };
    this.gitConfigs.onDidChange(forget);
    this.gitConfigs.onDidCreate(forget);
    this.gitConfigs.onDidDelete(forget);
  }

  private repositoryOf(dir: vscode.Uri): Promise<Repository | undefined> {
    const key = dir.toString();
    let found = this.repositories.get(key);
    if (!found) {
      found = findRepository(dir);
      this.repositories.set(key, found);
    }
    return found;
  }

  /** Remembered choices are per workspace folder and the file's folder inside it (monorepos). */
  keyOf(fileUri: vscode.Uri): string {
    const folder = vscode.workspace.getWorkspaceFolder(fileUri);
    const dir = vscode.Uri.joinPath(fileUri, '..');
    const relative = folder ? path.posix.relative(folder.uri.path, dir.path) : dir.path;
    return `${folder?.uri.toString() ?? ''}|${relative}`;
  }

  remembered(fileUri: vscode.Uri): string | undefined {
    return this.state.get<Record<string, string>>(STATE_KEY, {})[this.keyOf(fileUri)];
  }

  /** Remembers a service for the file's folder; undefined forgets it (back to automatic). */
  async remember(fileUri: vscode.Uri, serviceName: string | undefined): Promise<void> {
    const links = { ...this.state.get<Record<string, string>>(STATE_KEY, {}) };
    if (serviceName) links[this.keyOf(fileUri)] = serviceName;
    else delete links[this.keyOf(fileUri)];
    await this.state.update(STATE_KEY, links);
    this.changed.fire();
  }

  setting(fileUri: vscode.Uri): string | undefined {
    return vscode.workspace.getConfiguration('apprunnerVpc', fileUri).get<string>('linkedService')?.trim() || undefined;
  }

  /** Services whose repository and source directory match this file (whatever is linked). */
  async candidates(fileUri: vscode.Uri, snapshot: Topology | undefined): Promise<ReturnType<typeof matchServices>> {
    if (!snapshot) return [];
    const dir = vscode.Uri.joinPath(fileUri, '..');
    const repo = await this.repositoryOf(dir);
    if (!repo) return [];
    return loadAnalysis().matchServices(snapshot.services, repo.remotes, path.posix.relative(repo.root.path, dir.path));
  }

  async resolve(fileUri: vscode.Uri, snapshot: Topology | undefined): Promise<LinkResolution> {
    const setting = this.setting(fileUri);
    const remembered = this.remembered(fileUri);
    const candidates = setting || remembered ? [] : await this.candidates(fileUri, snapshot);
    const serviceName = vscode.workspace.getConfiguration('apprunnerVpc', fileUri).get<string>('serviceName');
    return loadAnalysis().resolveLink({
      services: snapshot?.services ?? [],
      setting,
      remembered,
      candidates,
      serviceName,
    });
  }

  dispose(): void {
    this.gitConfigs.dispose();
    this.changed.dispose();
  }
}
