// The db-health snippets (runbook 6.3): the runtime in apprunner.yaml picks the framework,
// and each snippet is checked by its language's own tool where this machine has it: python3 -m py_compile,
// node --check, gofmt -e (Debian's golang-go), and javac against stubs of the three Spring types it uses
// (Spring itself is not installable here; the stubs have Spring's signatures). A missing tool skips its test.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import {
  dbHealthOffer,
  dbHealthSnippet,
  runtimeOfApprunnerYaml,
  SNIPPET_FAMILIES,
  snippetFamilyForRuntime,
  type SnippetFamily,
} from '../../src/model/ops/dbHealthSnippets';

const PATH = '/api/v1/db-health';

function has(tool: string): boolean {
  return (
    spawnSync(tool, ['--version'], { stdio: 'ignore' }).error === undefined ||
    spawnSync(tool, ['-h'], { stdio: 'ignore' }).error === undefined
  );
}

function withFiles(files: Record<string, string>, run: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'dbhealth-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const SPRING_STUBS: Record<string, string> = {
  'stubs/org/springframework/jdbc/core/JdbcTemplate.java':
    'package org.springframework.jdbc.core;\npublic class JdbcTemplate { public <T> T queryForObject(String sql, Class<T> type) { return null; } }\n',
  'stubs/org/springframework/web/bind/annotation/GetMapping.java':
    'package org.springframework.web.bind.annotation;\npublic @interface GetMapping { String[] value() default {}; }\n',
  'stubs/org/springframework/web/bind/annotation/RestController.java':
    'package org.springframework.web.bind.annotation;\npublic @interface RestController { String value() default ""; }\n',
};

/** Where each tool comes from on Debian, for the skip message. */
const DEBIAN_PACKAGE: Record<string, string> = { gofmt: 'golang-go', javac: 'default-jdk-headless', node: 'nodejs' };

const CHECKS: Record<SnippetFamily, { tool: string; check(dir: string, file: string): void }> = {
  python: {
    tool: 'python3',
    check: (dir, file) => execFileSync('python3', ['-m', 'py_compile', join(dir, file)], { stdio: 'pipe' }),
  },
  node: { tool: 'node', check: (dir, file) => execFileSync('node', ['--check', join(dir, file)], { stdio: 'pipe' }) },
  go: {
    tool: 'gofmt',
    check: (dir, file) => {
      // gofmt -e reports every syntax error; -l lists the file when its formatting differs from gofmt's.
      const listed = execFileSync('gofmt', ['-e', '-l', join(dir, file)], { encoding: 'utf8', stdio: 'pipe' });
      assert.equal(listed.trim(), '', 'gofmt would reformat the snippet');
    },
  },
  java: {
    tool: 'javac',
    check: (dir, file) =>
      execFileSync('javac', ['-d', join(dir, 'classes'), '-sourcepath', join(dir, 'stubs'), join(dir, file)], {
        stdio: 'pipe',
      }),
  },
};

describe('db-health snippets: the runtime picks the framework', () => {
  it("python3 and python311 give FastAPI at the runbook's backend/app/routers/health.py; nodejs Express; go net/http; corretto Spring", () => {
    assert.deepEqual(
      ['python3', 'python311', 'nodejs18', 'nodejs22', 'go1', 'corretto11', 'ruby31', undefined].map(
        snippetFamilyForRuntime,
      ),
      ['python', 'python', 'node', 'node', 'go', 'java', undefined, undefined],
    );
    const py = dbHealthSnippet('python', PATH);
    assert.equal(py.framework, 'FastAPI');
    assert.equal(py.fileName, 'backend/app/routers/health.py');
    assert.deepEqual(
      SNIPPET_FAMILIES.map((f) => dbHealthSnippet(f, PATH).framework),
      ['FastAPI', 'Express', 'net/http', 'Spring'],
    );
  });

  it("reads runtime: from apprunner.yaml (the sample workspace's python311), not a nested key or a comment", () => {
    assert.equal(runtimeOfApprunnerYaml(readFileSync('sample-workspace/apprunner.yaml', 'utf8')), 'python311');
    assert.equal(
      runtimeOfApprunnerYaml(
        'version: 1.0\nruntime: "nodejs18" # Node\nbuild:\n  commands:\n    build:\n      - npm ci\n',
      ),
      'nodejs18',
    );
    assert.equal(runtimeOfApprunnerYaml('version: 1.0\n# runtime: go1\nrun:\n  runtime: corretto11\n'), undefined);
  });

  it("every snippet answers the runbook's shape on the configured path", () => {
    for (const family of SNIPPET_FAMILIES) {
      const { content } = dbHealthSnippet(family, '/health/db');
      assert.ok(content.includes('"/health/db"') || content.includes("'/health/db'"), `${family} serves the path`);
      // JSON-ish in every language: "status": "healthy" (Python, Go), status: 'healthy' (JS), "status", "healthy" (Java).
      assert.match(
        content,
        /status["']?[:,] ?["']healthy["'], ["']?database["']?[:,] ?["']connected["']/,
        `${family} healthy shape`,
      );
      assert.match(content, /status["']?[:,] ?["']unhealthy["'], ["']?error["']?[:,]/, `${family} unhealthy shape`);
      assert.match(content, /SELECT 1/);
    }
  });

  it("Diagnose's offer for a 404: the runtime's framework and file, none for a runtime without a snippet", () => {
    assert.deepEqual(dbHealthOffer('python311', PATH), {
      framework: 'FastAPI',
      fileName: 'backend/app/routers/health.py',
      runtime: 'python311',
    });
    assert.equal(dbHealthOffer('nodejs18', PATH)?.fileName, 'dbHealth.js');
    assert.equal(dbHealthOffer('ruby31', PATH), undefined);
  });

  it('a path that would break out of a string literal is not pasted into code', () => {
    for (const family of SNIPPET_FAMILIES)
      assert.ok(!dbHealthSnippet(family, '/x"); import os; ("').content.includes('import os; ('));
  });
});

describe("db-health snippets: each one compiles or parses with its language's tool", function () {
  this.timeout(60_000);
  for (const family of SNIPPET_FAMILIES) {
    const { tool, check } = CHECKS[family];
    it(`${family} (${tool})`, function () {
      if (!has(tool)) {
        // Said aloud, not only as "pending": .ci/run installs these, and a skip in CI fails the run.
        console.log(`      skipped: ${tool} is not on this machine (Debian package ${DEBIAN_PACKAGE[tool] ?? tool})`);
        this.skip();
      }
      const snippet = dbHealthSnippet(family, PATH);
      withFiles({ [snippet.fileName]: snippet.content, ...(family === 'java' ? SPRING_STUBS : {}) }, (dir) =>
        check(dir, snippet.fileName),
      );
    });
  }
});

describe('db-health snippets: a fixed error text', () => {
  it('no snippet answers the exception text of an unauthenticated endpoint', () => {
    for (const snippet of SNIPPET_FAMILIES.map((family) => dbHealthSnippet(family, PATH))) {
      assert.doesNotMatch(snippet.content, /str\(e\)|e\.message|err\.Error\(\)\}|getMessage\(\)/, snippet.framework);
      assert.match(snippet.content, /"database check failed"|'database check failed'/, snippet.framework);
    }
  });
});
