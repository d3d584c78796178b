// Focuses an element once React has rendered it (a just-added list item's input).
export function focusLater(selector: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
}
