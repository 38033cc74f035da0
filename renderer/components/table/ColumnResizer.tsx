// The drag handle on a resizable column header's edge: drag (or focus it and press ←/→) to change
// the column's width, double-click (or Delete) to give it back its default. The header it sits in
// must be `position: relative`.
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_COLUMN_PX, MIN_COLUMN_PX } from './column-widths';
import classes from './table.module.css';

const KEY_STEP_PX = 16;

export interface ColumnResizerProps {
  /** The column's header text, for the handle's accessible name. */
  label: string;
  /** The width the operator set, or undefined for the default. */
  width: number | undefined;
  onResize: (px: number | null) => void;
}

export function ColumnResizer({ label, width, onResize }: ColumnResizerProps) {
  const { t } = useTranslation();
  const drag = useRef<{ startX: number; startWidth: number } | null>(null);
  const [resizing, setResizing] = useState(false);
  const headerWidth = (el: HTMLElement) => el.parentElement?.getBoundingClientRect().width ?? width ?? MIN_COLUMN_PX;

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { startX: e.clientX, startWidth: headerWidth(e.currentTarget) };
    setResizing(true);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    // Right-to-left layouts grow the other way.
    const dir = getComputedStyle(e.currentTarget).direction === 'rtl' ? -1 : 1;
    onResize(drag.current.startWidth + dir * (e.clientX - drag.current.startX));
  };
  const onPointerUp = () => {
    drag.current = null;
    setResizing(false);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      e.stopPropagation();
      onResize(headerWidth(e.currentTarget) + (e.key === 'ArrowRight' ? KEY_STEP_PX : -KEY_STEP_PX));
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      e.stopPropagation();
      onResize(null);
    }
  };

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={t('table.resizeColumn', { column: label })}
      aria-valuemin={MIN_COLUMN_PX}
      aria-valuemax={MAX_COLUMN_PX}
      aria-valuenow={Math.round(width ?? MIN_COLUMN_PX)}
      tabIndex={0}
      className={classes.resizer}
      data-resizing={resizing || undefined}
      data-testid="column-resizer"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onClick={(e) => e.stopPropagation()}
      onDoubleClick={(e) => {
        e.stopPropagation();
        onResize(null);
      }}
      onKeyDown={onKeyDown}
    />
  );
}
