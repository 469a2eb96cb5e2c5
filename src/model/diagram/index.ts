// The diagram model's public surface: build, lay out, export, and the protocol both sides share.
export { buildDiagram, overallState, type DiagramOptions } from './buildDiagram';
export { layoutDiagram } from './layout';
export { toMermaid } from './mermaid';
export { planStepForFix, type FixStepResult } from '../fix/fixStep';
export * from './types';
