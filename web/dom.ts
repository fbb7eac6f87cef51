// What both views of the browser page build with: elements from strings that stay text, and frames as tall as their
// documents.

export const byId = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page lacks #${id}`);
  return element as T;
};

/** An element with attributes and children; strings become text nodes, never markup. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child !== undefined && child !== false) element.append(child);
  return element;
}

/**
 * The frame as tall as its document: no scroll bar of its own. The sandbox allows the same origin (never scripts:
 * nothing in the document runs, and its own CSP forbids scripts too) so that the page can measure the document.
 */
function fitFrame(frame: HTMLIFrameElement): void {
  const root = frame.contentDocument?.documentElement;
  if (!root) return;
  const borders = frame.offsetHeight - frame.clientHeight;
  // scrollHeight is never less than the frame's own height: a document shorter than the frame is measured by its box
  const height = root.scrollHeight > root.clientHeight ? root.scrollHeight : Math.ceil(root.getBoundingClientRect().height);
  frame.style.height = `${height + borders}px`;
  frame.dataset['fitted'] = 'true';
}

/**
 * Frames of rendered HTML (a plan, a summary) that follow their document's height. A narrower or wider frame wraps its
 * text anew: measured again once its document is there (only a change of width: the height is ours). `reset()` forgets
 * the frames of the previous render.
 */
export function frameFitter(): { frame(html: string, attributes: Record<string, string>): HTMLIFrameElement; reset(): void } {
  const widths = new WeakMap<Element, number>();
  const resized = new ResizeObserver((entries) => {
    for (const { target, contentRect } of entries) {
      if (widths.get(target) === contentRect.width) continue;
      widths.set(target, contentRect.width);
      if (target instanceof HTMLIFrameElement && target.dataset['fitted'] === 'true') fitFrame(target);
    }
  });
  return {
    frame(html, attributes) {
      const frame = h('iframe', { ...attributes, sandbox: 'allow-same-origin', referrerpolicy: 'no-referrer' });
      frame.addEventListener('load', () => fitFrame(frame));
      resized.observe(frame);
      frame.srcdoc = html; // a property, not markup: the browser takes the string as the frame's document
      return frame;
    },
    reset: () => resized.disconnect(),
  };
}
