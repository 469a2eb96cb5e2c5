// One service's application log followed in an output channel (runbook 6.2): a poll loop
// over FilterLogEvents (src/aws/logTail.ts) with the cursor and line formatting of src/model/ops/logTail.ts.
// The loop runs until stop() (the Stop Tailing command, the status bar item, a denied permission) or dispose
// (the extension deactivating); a poll in flight is aborted and its answer dropped.
import * as vscode from 'vscode';
import type { AwsTarget } from '../../model/common/awsTarget';
import type { TailCursor } from '../../model/ops/logTail';
import type { AppRunnerService } from '../../model/topology/topology';
import { loadAnalysis } from '../analysisLoader';
import { loadAwsSdk } from '../backend';
import { masked } from '../masking';

/** The lines a test reads back (an output channel's own text is not readable from the extension host). */
const KEPT_LINES = 2000;

export interface LogTailSnapshot {
  serviceName: string;
  serviceArn: string;
  logGroup: string;
  running: boolean;
  /** FilterLogEvents polls made since the session began (each may read several pages). */
  polls: number;
  /** What was appended to the channel, newest last (at most the last 2000 lines). */
  lines: readonly string[];
}

function pollSeconds(): number {
  const value = vscode.workspace.getConfiguration('apprunnerVpc').get<number>('logTail.pollSeconds', 5);
  return Number.isFinite(value) ? Math.max(1, value) : 5;
}

const errorText = (error: unknown): string =>
  masked(error instanceof Error ? `${error.name}: ${error.message}` : String(error));

export class LogTailSession implements vscode.Disposable {
  readonly logGroup: string;
  readonly channel: vscode.OutputChannel;
  private readonly kept: string[] = [];
  private cursor: TailCursor | undefined;
  private timer: NodeJS.Timeout | undefined;
  private abort: AbortController | undefined;
  private running = false;
  private failuresInRow = 0;
  private waitingForGroup = false;
  private polls = 0;

  constructor(
    readonly service: AppRunnerService,
    private readonly target: AwsTarget,
    private readonly onStateChange: () => void,
  ) {
    this.logGroup = loadAnalysis().applicationLogGroup(service);
    // 'log' colours the level words (the [error] marker, ERROR, INFO) and timestamps.
    this.channel = vscode.window.createOutputChannel(vscode.l10n.t('App Runner Log: {0}', service.name), 'log');
  }

  get isRunning(): boolean {
    return this.running;
  }

  snapshot(): LogTailSnapshot {
    return {
      serviceName: this.service.name,
      serviceArn: this.service.arn,
      logGroup: this.logGroup,
      running: this.running,
      polls: this.polls,
      lines: [...this.kept],
    };
  }

  /** Starts (or resumes, keeping the cursor: no line is shown twice) and shows the channel. */
  start(): void {
    this.channel.show(true);
    if (this.running) return;
    this.running = true;
    this.failuresInRow = 0;
    this.cursor ??= loadAnalysis().startCursor(Date.now());
    this.note(
      vscode.l10n.t(
        'Tailing {0} (every {1} s). Stop with "Stop Tailing Application Log" or the status bar item.',
        this.logGroup,
        pollSeconds(),
      ),
    );
    this.onStateChange();
    void this.poll();
  }

  /** Stops polling; the channel stays with what it shows. */
  stop(reason?: string): void {
    if (!this.running) return;
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.abort?.abort();
    this.abort = undefined;
    this.note(reason ?? vscode.l10n.t('Stopped tailing {0}.', this.logGroup));
    this.onStateChange();
  }

  dispose(): void {
    this.running = false;
    clearTimeout(this.timer);
    this.abort?.abort();
    this.channel.dispose();
  }

  private append(line: string): void {
    this.channel.appendLine(line);
    this.kept.push(line);
    if (this.kept.length > KEPT_LINES) this.kept.splice(0, this.kept.length - KEPT_LINES);
  }

  /** The tail's own lines, told apart from the application's by the leading "--". */
  private note(text: string): void {
    this.append(`-- ${masked(text)}`);
  }

  private schedule(): void {
    if (!this.running) return;
    const delay = loadAnalysis().tailDelayMs(pollSeconds() * 1000, this.failuresInRow);
    this.timer = setTimeout(() => void this.poll(), delay);
  }

  private async poll(): Promise<void> {
    this.timer = undefined;
    if (!this.running || !this.cursor) return;
    const abort = new AbortController();
    this.abort = abort;
    const backend = loadAwsSdk();
    const analysis = loadAnalysis();
    this.polls++;
    try {
      const result = await backend.pollLogTail(backend.getClients(this.target).logs, this.logGroup, this.cursor, {
        signal: abort.signal,
      });
      if (abort.signal.aborted || !this.running) return;
      this.cursor = result.cursor;
      if (this.failuresInRow > 0 || this.waitingForGroup) this.note(vscode.l10n.t('Reading the log again.'));
      this.failuresInRow = 0;
      this.waitingForGroup = false;
      for (const event of result.fresh) this.append(masked(analysis.formatTailLine(event).text));
    } catch (error) {
      if (abort.signal.aborted || !this.running) return;
      this.onError(error);
    } finally {
      if (this.abort === abort) this.abort = undefined;
    }
    this.schedule();
  }

  private onError(error: unknown): void {
    const analysis = loadAnalysis();
    switch (analysis.tailErrorKind(error as { name?: string })) {
      case 'denied': {
        const text = vscode.l10n.t(
          'Access denied: reading {0} needs the logs:FilterLogEvents permission. Tailing stopped.',
          this.logGroup,
        );
        this.note(errorText(error));
        this.stop(text);
        void vscode.window.showWarningMessage(masked(text));
        return;
      }
      case 'missing':
        // App Runner creates the group when the application first writes: keep polling at the interval.
        if (!this.waitingForGroup)
          this.note(
            vscode.l10n.t(
              'The log group {0} does not exist yet (App Runner creates it when the application first writes). Waiting for it.',
              this.logGroup,
            ),
          );
        this.waitingForGroup = true;
        return;
      case 'throttled':
        this.failuresInRow++;
        this.note(
          vscode.l10n.t(
            'CloudWatch Logs is throttling FilterLogEvents: reading less often (next read in {0} s).',
            Math.round(analysis.tailDelayMs(pollSeconds() * 1000, this.failuresInRow) / 1000),
          ),
        );
        return;
      default:
        this.failuresInRow++;
        this.note(
          vscode.l10n.t(
            'Reading the log failed ({0}); trying again in {1} s.',
            errorText(error),
            Math.round(analysis.tailDelayMs(pollSeconds() * 1000, this.failuresInRow) / 1000),
          ),
        );
    }
  }
}
