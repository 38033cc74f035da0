// The Events screen binds Enter ("open the selected row") with Mantine's useHotkeys on the document,
// which calls preventDefault on every Enter outside an input — and so cancels the browser's own
// activation of a focused link or button inside the detail drawer. Links in the drawer that must
// work from the keyboard stop their Enter from reaching that document listener; the browser then
// follows the link (or clicks the button) as usual.
import type { KeyboardEvent } from 'react';

export function ownEnterKey(event: KeyboardEvent<HTMLElement>): void {
  if (event.key === 'Enter') event.stopPropagation();
}
