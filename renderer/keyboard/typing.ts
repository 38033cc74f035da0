// Single-letter shortcuts must never fire while the operator types: the same rule as Mantine's
// useHotkeys (inputs, textareas, selects, contenteditable), for the listeners it cannot express
// (the `g` sequence).

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Elements the browser (or the element itself) activates with Enter: a list's Enter leaves them alone. */
export function isActivatable(target: EventTarget | null): boolean {
  return target instanceof Element && !!target.closest('a[href], button, [role="button"], [role="link"], [role="tab"], summary, tr[tabindex]');
}
