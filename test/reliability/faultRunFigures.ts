// What one faulted setup run counts for. "Engine recovered" is claimed only where the engine itself reported
// the faulted step as where it stopped, after every attempt of that step's call (SDK and engine retries) was
// faulted; a run the test stopped (the CLI process killed mid-call) and a run whose calls timed out are
// figures of their own, so neither can lift the engine's.

/** How the fault is injected: the service answers 5xx or throttles, answers too late, or the process dies. */
export type FaultKind = '5xx' | 'throttling burst' | 'timeout' | 'process stopped';

export interface FaultRunObservation {
  kind: FaultKind;
  /** The step the plan faulted. */
  faultedStep: string;
  /** The step the engine's apply result names as failed (undefined: the engine reported none, or never ran to a result). */
  engineStoppedAt?: string;
  /** Only for 'process stopped': the faulted call was in flight when the test killed the process. */
  killedMidCall?: boolean;
  /** Every fault that fired was on the faulted step's call. */
  firedOnStep: boolean;
  /** How many faults fired, and how many attempts the step makes at most (SDK attempts x engine tries). */
  fired: number;
  attemptsPerStep: number;
  /** The clean re-run succeeded and left the runbook's state, and found no duplicate. */
  converged: boolean;
  duplicates: number;
}

export interface FaultRunFigures {
  /** The run stopped where the fault was: the engine said so, or (kills) the test killed it mid-call. */
  stoppedAtFaultedStep: boolean;
  /** 5xx and throttling only: the engine reported the faulted step after every attempt failed, and a re-run converged. */
  engineRecovered: boolean | undefined;
  /** Timeouts only: the engine reported the faulted step, and a re-run converged. */
  timeoutRecovered: boolean | undefined;
  /** Kills only: killed mid-call on the faulted step, and a re-run converged. */
  killRecovered: boolean | undefined;
}

export function faultRunFigures(run: FaultRunObservation): FaultRunFigures {
  const clean = run.converged && run.duplicates === 0;
  const engineStopped = run.firedOnStep && run.engineStoppedAt === run.faultedStep;
  const killed = run.kind === 'process stopped' && run.firedOnStep && run.killedMidCall === true;
  const serviceFault = run.kind === '5xx' || run.kind === 'throttling burst';
  return {
    stoppedAtFaultedStep: run.kind === 'process stopped' ? killed : engineStopped,
    engineRecovered: serviceFault ? engineStopped && run.fired === run.attemptsPerStep && clean : undefined,
    timeoutRecovered: run.kind === 'timeout' ? engineStopped && clean : undefined,
    killRecovered: run.kind === 'process stopped' ? killed && clean : undefined,
  };
}
