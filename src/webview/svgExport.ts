// The picture as a standalone SVG file: a copy of the live <svg> with the theme's computed colours written as
// presentation attributes (the file has no access to VS Code's CSS variables), interactive attributes removed.
const PROPS = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
] as const;

export function exportSvg(live: SVGSVGElement): string {
  const copy = live.cloneNode(true) as SVGSVGElement;
  const originals = [live, ...live.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  const drop: Element[] = [];
  originals.forEach((original, i) => {
    const target = copies[i];
    if (!target || original.tagName === 'defs') return;
    // The wide transparent click targets are not part of the picture.
    if (original.classList.contains('hit')) drop.push(target);
    const style = getComputedStyle(original);
    for (const prop of PROPS) {
      const value = style.getPropertyValue(prop);
      if (value) target.setAttribute(prop, value);
    }
    for (const attr of ['tabindex', 'role', 'focusable', 'class', 'data-id', 'data-state'])
      target.removeAttribute(attr);
  });
  for (const el of drop) el.remove();
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', getComputedStyle(document.body).backgroundColor || '#ffffff');
  copy.insertBefore(background, copy.firstChild);
  return new XMLSerializer().serializeToString(copy);
}
