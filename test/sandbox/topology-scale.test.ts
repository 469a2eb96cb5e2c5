// The tree's load in a region of 1,000 services (the scale seed): what reaches the views and when, and the
// load under App Runner's throttling (docs/performance.md, "The tree at scale").
import assert from 'node:assert/strict';
import { FAN_OUT_CLIENT_OPTIONS, getClients, resetClients } from '../../src/aws/clients';
import { onAwsRequest } from '../../src/aws/requestLog';
import { loadTopology } from '../../src/aws/topologyLoader';
import { progressIntervalMs } from '../../src/model/common/progressCoalescer';
import { compareServiceNames } from '../../src/model/topology/serviceOrder';
import type { Topology } from '../../src/model/topology/topology';
import { startSandbox, type Sandbox } from '../../sandbox/index';
import { useTestCredentials } from './engineSupport';
import { TEST_REGION } from './support';

const SERVICES = 1_000;
const CONNECTORS = 20;
const CONCURRENCY = 5;

describe(`loadTopology in a region of ${SERVICES} services`, function () {
  this.timeout(600_000);
  let scale: Sandbox;
  // As the extension's store reads the tree.
  const clients = () => getClients({ region: TEST_REGION, endpointUrl: scale.endpoint }, FAN_OUT_CLIENT_OPTIONS);

  before(async () => {
    useTestCredentials();
    scale = await startSandbox({
      seed: 'scale',
      services: SERVICES - 1,
      connectors: CONNECTORS,
      quiet: true,
      operationDelayMs: 0,
    });
  });
  after(async () => {
    resetClients();
    await scale?.stop();
  });

  describe('what the views are given, and when', () => {
    const partials: { at: number; snapshot: Topology; tagReads: number; listPages: number }[] = [];
    let snapshot: Topology;
    let durationMs = 0;

    before(async () => {
      await scale.setFaults({ latencyMs: 5 });
      let tagReads = 0;
      let listPages = 0;
      const listening = onAwsRequest((r) => {
        if (r.operation === 'ListTagsForResource') tagReads++;
        if (r.operation === 'ListServices') listPages++;
      });
      const started = Date.now();
      try {
        snapshot = await loadTopology(clients(), {
          serviceConcurrency: CONCURRENCY,
          onProgress: (p) => partials.push({ at: Date.now() - started, snapshot: p, tagReads, listPages }),
        });
      } finally {
        listening.dispose();
        await scale.clearFaults();
      }
      durationMs = Date.now() - started;
    });

    it('loads every service with its details, and the connectors with their tags', () => {
      assert.equal(snapshot.services.length, SERVICES);
      assert.ok(snapshot.services.every((s) => s.detailsLoaded));
      assert.equal(snapshot.connectors.length, CONNECTORS);
      assert.ok(snapshot.connectors.every((c) => c.status !== 'ACTIVE' || c.tags !== undefined));
    });

    it('publishes the details in batches: the number of publishes grows with the time taken, not with N', () => {
      const bound = 4 + Math.ceil(durationMs / progressIntervalMs(SERVICES)) + 1;
      assert.ok(
        partials.length <= bound,
        `${partials.length} publishes in ${durationMs} ms (at most ${bound} with one per interval)`,
      );
      assert.ok(partials.length < SERVICES / 10, `${partials.length} publishes for ${SERVICES} services`);
    });

    it('publishes the rows after the last ListServices page, before any connector tag is read', () => {
      const first = partials.find((p) => p.snapshot.services.length > 0);
      assert.ok(first);
      assert.equal(first.listPages, Math.ceil(SERVICES / 20), 'every page, at the maximum page size');
      assert.equal(first.tagReads, 0, 'no ListTagsForResource before the first rows');
      assert.equal(first.snapshot.services.length, SERVICES);
    });

    it('fills the details from the top of the list down (the rows a person sees first)', () => {
      const names = [...snapshot.services].sort(compareServiceNames).map((s) => s.name);
      for (const p of partials) {
        const detailed = p.snapshot.services.filter((s) => s.detailsLoaded);
        if (detailed.length === SERVICES) continue;
        // With CONCURRENCY calls in flight, an answer may overtake at most CONCURRENCY - 1 others.
        const reach = new Set(names.slice(0, detailed.length + CONCURRENCY));
        const outside = detailed.filter((s) => !reach.has(s.name)).map((s) => s.name);
        assert.deepEqual(outside, [], `at ${p.at} ms, ${detailed.length} detailed`);
      }
    });
  });

  it('completes with 30 % of calls throttled: no service lost, no error', async () => {
    await scale.setFaults({ throttleRate: 0.3 });
    try {
      const snapshot = await loadTopology(clients(), { serviceConcurrency: CONCURRENCY });
      const fired = (await (await fetch(`${scale.adminUrl}/faults/fired`)).json()) as { kind: string }[];
      const throttled = fired.filter((f) => f.kind === 'throttle').length;
      assert.ok(throttled > SERVICES / 10, `the sandbox throttled ${throttled} calls`);
      assert.equal(snapshot.services.length, SERVICES);
      assert.ok(snapshot.services.every((s) => s.detailsLoaded));
      assert.ok(snapshot.connectors.every((c) => c.status !== 'ACTIVE' || c.tags !== undefined));
    } finally {
      await scale.clearFaults();
    }
  });
});
