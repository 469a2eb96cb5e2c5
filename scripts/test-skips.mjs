// Skipped tests in `npm test`: every skip prints its reason first ("skipped: <reason>", the tests' own
// convention), and mocha lists the skipped test as "- <title>". A skip is allowed only when its reason is on
// the short list below; the closing line names every skip with its reason, and in CI (CI set) a skip not on the
// list fails the run, so a check that never runs cannot pass for one that did.

/** The skips CI accepts, each with why it is acceptable. */
export const ALLOWED_SKIPS = [
  {
    id: 'bash-parity-sampled',
    reason: /IAC_PARITY_BASH=all/,
    why: 'the bash export is run against apply on 4 of the seeds (about a minute each); IAC_PARITY_BASH=all runs every seed',
  },
];

// eslint-disable-next-line no-control-regex -- colour codes are what is stripped
const plain = (text) => text.replace(/\x1b\[[0-9;]*m/g, '');

/**
 * The skipped tests of one layer's output: each "- title" line with the reason printed before it (since the
 * last test that ran), plus, when mocha's count says more were skipped than listed, that many without one.
 */
export function layerSkips(output, skippedCount) {
  const skips = [];
  let reason;
  for (const line of plain(output).split('\n')) {
    const said = /^\s*skipped: (.+)$/.exec(line);
    if (said) reason = said[1].trim();
    else if (/^\s+(?:✔|✓|\d+\) )/.test(line)) reason = undefined;
    else {
      const pending = /^\s+- (.+)$/.exec(line);
      if (pending) skips.push({ title: pending[1].trim(), reason });
    }
  }
  for (let i = skips.length; i < skippedCount; i++) skips.push({ title: '(unlisted)', reason: undefined });
  return skips.slice(0, Math.max(skippedCount, 0));
}

/** Groups skips by reason: the allowed ones by their list entry, the others by their printed reason. */
export function judgeSkips(skips) {
  const groups = new Map();
  for (const skip of skips) {
    const entry = skip.reason ? ALLOWED_SKIPS.find((a) => a.reason.test(skip.reason)) : undefined;
    const key = entry ? entry.id : (skip.reason ?? 'no reason printed');
    const group = groups.get(key) ?? {
      allowed: Boolean(entry),
      reason: entry ? entry.why : (skip.reason ?? 'no reason printed'),
      titles: [],
    };
    group.titles.push(skip.title);
    groups.set(key, group);
  }
  const all = [...groups.values()];
  return { allowed: all.filter((g) => g.allowed), notAllowed: all.filter((g) => !g.allowed) };
}

/** The closing line's skip part: "; skipped: 6 allowed (why); 1 not allowed in CI (reason)". */
export function skipsText({ allowed, notAllowed }) {
  const part = (g) => `${g.titles.length} (${g.reason})`;
  const parts = [];
  if (allowed.length) parts.push(`allowed: ${allowed.map(part).join(', ')}`);
  if (notAllowed.length) parts.push(`not allowed in CI: ${notAllowed.map(part).join(', ')}`);
  return parts.length ? `; skipped ${parts.join('; ')}` : '';
}
