// One SVG element as plain data (the metrics charts): the host serialises it, the diagram
// webview builds it with DOM calls. No imports, so the webview bundle can share the type.

export type SvgTag = 'svg' | 'g' | 'polyline' | 'circle' | 'line' | 'text' | 'title';

/** A tag, its attributes, its text or children. No style attributes (the CSP allows none). */
export interface SvgNode {
  tag: SvgTag;
  attrs: Record<string, string | number>;
  text?: string;
  children?: SvgNode[];
}
