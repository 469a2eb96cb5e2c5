// One argument for the user's terminal, quoted for the shell VS Code runs there: a profile name is text from a
// config file and must reach `aws` as one word, never as shell syntax.
export type ShellKind = 'posix' | 'powershell' | 'cmd';

/** The kind of shell from VS Code's `env.shell` path (bash, zsh, fish, pwsh, powershell.exe, cmd.exe). */
export function shellKind(shellPath: string | undefined): ShellKind {
  const name = (shellPath ?? '').split(/[\\/]/).pop()?.toLowerCase() ?? '';
  if (/^(pwsh|powershell)(\.exe)?$/.test(name)) return 'powershell';
  if (/^cmd(\.exe)?$/.test(name)) return 'cmd';
  return 'posix';
}

/** Always quoted (a name that looks harmless today is no promise), escaped as the shell needs. */
export function quoteForShell(value: string, kind: ShellKind): string {
  // PowerShell takes the curly single quotes (U+2018, U+2019, U+201A, U+201B) as quotes too ("about_Quoting_Rules"),
  // so each is doubled like the straight one.
  if (kind === 'powershell') return `'${value.replace(/['\u2018\u2019\u201A\u201B]/g, '$&$&')}'`;
  // cmd.exe has no escape inside double quotes; a profile name cannot contain a double quote in an INI file
  // section we could read, so the remaining characters are only kept from expanding.
  if (kind === 'cmd') return `"${value.replace(/"/g, '').replace(/%/g, '%%')}"`;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The `aws sso login` command line for a profile (none: the default profile). */
export function ssoLoginCommand(profile: string | undefined, kind: ShellKind): string {
  return profile ? `aws sso login --profile ${quoteForShell(profile, kind)}` : 'aws sso login';
}

/**
 * Where the terminal for `aws sso login` starts: the user's home folder, never the workspace, so the shell
 * resolves `aws` from PATH there (cmd.exe looks in the current folder first: a cloned repository's aws.cmd
 * would run). In Restricted Mode the action does not run at all.
 */
export function ssoLoginTerminal(trusted: boolean, home: string): { run: false } | { run: true; cwd: string } {
  return trusted ? { run: true, cwd: home } : { run: false };
}
