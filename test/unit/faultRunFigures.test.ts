// The fault-run figures count engine recovery only where the engine reported the faulted step itself; a killed
// process or a timeout never adds to it (the reliability suite used to set a killed run's stop itself and
// count it, with timeouts, as engine recovered).
import assert from 'node:assert/strict';
import { faultRunFigures, type FaultRunObservation } from '../reliability/faultRunFigures';

const base: FaultRunObservation = {
  kind: '5xx',
  faultedStep: 'create-connector',
  engineStoppedAt: 'create-connector',
  firedOnStep: true,
  fired: 6,
  attemptsPerStep: 6,
  converged: true,
  duplicates: 0,
};

describe('fault-run figures', () => {
  it('counts a 5xx or throttling run as engine recovered when the engine reported the step after every attempt', () => {
    assert.deepEqual(faultRunFigures(base), {
      stoppedAtFaultedStep: true,
      engineRecovered: true,
      timeoutRecovered: undefined,
      killRecovered: undefined,
    });
    assert.equal(faultRunFigures({ ...base, kind: 'throttling burst' }).engineRecovered, true);
  });

  it('does not when the engine named another step, none, or gave up before every attempt was faulted', () => {
    assert.equal(faultRunFigures({ ...base, engineStoppedAt: 'attach-connector' }).engineRecovered, false);
    assert.equal(faultRunFigures({ ...base, engineStoppedAt: undefined }).engineRecovered, false);
    assert.equal(faultRunFigures({ ...base, fired: 2 }).engineRecovered, false);
    assert.equal(faultRunFigures({ ...base, duplicates: 1 }).engineRecovered, false);
    assert.equal(faultRunFigures({ ...base, converged: false }).engineRecovered, false);
  });

  it('never counts a killed process toward engine recovery, only toward its own figure', () => {
    const killed = faultRunFigures({
      ...base,
      kind: 'process stopped',
      engineStoppedAt: undefined,
      killedMidCall: true,
      fired: 1,
    });
    assert.equal(killed.engineRecovered, undefined);
    assert.equal(killed.killRecovered, true);
    assert.equal(killed.stoppedAtFaultedStep, true);
    const exitedFirst = faultRunFigures({
      ...base,
      kind: 'process stopped',
      engineStoppedAt: undefined,
      killedMidCall: false,
    });
    assert.equal(exitedFirst.killRecovered, false);
    assert.equal(exitedFirst.stoppedAtFaultedStep, false);
  });

  it('reports timeouts as their own figure, from the step the engine reported', () => {
    const timeout = faultRunFigures({ ...base, kind: 'timeout', fired: 3 });
    assert.equal(timeout.engineRecovered, undefined);
    assert.equal(timeout.timeoutRecovered, true);
    assert.equal(faultRunFigures({ ...base, kind: 'timeout', engineStoppedAt: undefined }).timeoutRecovered, false);
  });
});
