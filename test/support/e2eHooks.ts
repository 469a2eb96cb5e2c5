// Root hooks of the e2e layer: without a browser, one clear failure before any test file starts a sandbox or
// a VS Code server (they would each fail in turn, minutes later).
import { chromiumPath } from './browser';

export const mochaHooks = {
  beforeAll(): void {
    chromiumPath();
  },
};
