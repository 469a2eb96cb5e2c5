// The managed runtimes a configuration file may name. Source: the App Runner API model's `Runtime` enum
// (botocore apprunner 2020-05-15: PYTHON_3 ... PYTHON_311, NODEJS_18, NODEJS_22), written the way the
// configuration file spells them (<language-name><major-version>).
export const RUNTIMES = [
  'python3',
  'python311',
  'nodejs12',
  'nodejs14',
  'nodejs16',
  'nodejs18',
  'nodejs22',
  'corretto8',
  'corretto11',
  'dotnet6',
  'go1',
  'php81',
  'ruby31',
] as const;

export type RuntimeName = (typeof RUNTIMES)[number];

/** Runtimes built with App Runner's revised build; only these accept run.pre-run. */
export const REVISED_BUILD_RUNTIMES: readonly RuntimeName[] = ['python311', 'nodejs18', 'nodejs22'];

/** Runtimes whose support App Runner ended on 2025-12-01 (Node.js 12-18; Python 3.7/3.8, which is python3). */
export const END_OF_SUPPORT_RUNTIMES: readonly RuntimeName[] = [
  'python3',
  'nodejs12',
  'nodejs14',
  'nodejs16',
  'nodejs18',
];

export function isRuntime(name: string): name is RuntimeName {
  return (RUNTIMES as readonly string[]).includes(name);
}

/** The known runtime a mistyped name most likely meant ("python3.11", "node18", "Python311"), if any. */
export function suggestRuntime(name: string): RuntimeName | undefined {
  const squashed = name
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/^node(?!js)/, 'nodejs');
  if (isRuntime(squashed)) return squashed;
  let best: RuntimeName | undefined;
  let bestDistance = 3; // further than two edits is a guess, not a typo
  for (const runtime of RUNTIMES) {
    const d = editDistance(squashed, runtime);
    if (d < bestDistance) {
      best = runtime;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
