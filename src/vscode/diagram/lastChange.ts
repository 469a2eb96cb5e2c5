// The details pane's last change (runbook 8.2), read lazily: one CloudTrail lookup when a broken or warning
// element is selected, never on a diagram refresh. Answers are kept a minute per resource, so clicking back
// and forth does not spend CloudTrail's two lookups a second. The text leaves the process masked (the panel
// masks every message it posts).
import type { DiagramModel } from '../../model/diagram/types';
import { loadAwsSdk } from '../backend';
import { loadAnalysis } from '../analysisLoader';
import { pick } from '../localize';
import { log } from '../log';
import type { ExtensionServices } from '../services';

const KEEP_MS = 60_000;
/** The newest write events are on the first page; a few more cover failed calls before the last success. */
const EVENTS = 20;

export class LastChangeReader {
  private readonly cache = new Map<string, { at: number; text: Promise<string> }>();

  constructor(private readonly services: ExtensionServices) {}

  /** The line for an element, or undefined when it asks nothing (ok elements, route lines, placeholders). */
  read(model: DiagramModel | undefined, id: string): Promise<string> | undefined {
    const analysis = loadAnalysis();
    const target = this.services.connection.state.target;
    if (!model || !target || !analysis.wantsHistory(model, id)) return undefined;
    const resource = analysis.historySubject(model, id);
    if (!resource) return undefined;
    const key = `${target.region} ${resource}`;
    const kept = this.cache.get(key);
    if (kept && Date.now() - kept.at < KEEP_MS) return kept.text;
    const text = this.lookup(resource);
    this.cache.set(key, { at: Date.now(), text });
    return text;
  }

  private async lookup(resource: string): Promise<string> {
    const target = this.services.connection.state.target;
    const analysis = loadAnalysis();
    try {
      if (!target) throw new Error('not connected');
      const backend = loadAwsSdk();
      const { events } = await backend.resourceEvents(backend.getClients(target), resource, { maxEvents: EVENTS });
      const rows = analysis.changeHistory(events, target.region, Date.now());
      return pick(analysis.lastChangeText({ rows }, resource));
    } catch (error) {
      log.warn(`Diagram: CloudTrail lookup for ${resource} failed: ${String((error as Error)?.name ?? error)}`);
      // A failure is not kept: the next selection asks again.
      this.cache.delete(`${target?.region} ${resource}`);
      return pick(analysis.lastChangeText({ error }, resource));
    }
  }
}
