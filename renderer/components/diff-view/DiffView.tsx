/// <reference types="vite/client" />
// Side-by-side diff (old on the left, new on the right), virtualized so two large bodies stay fast.
// The alignment is computed by ./side-by-side (pure, unit-tested) over the `diff` package.
import { Group, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { sideBySide, type DiffCell } from './side-by-side';
import classes from './diff-view.module.css';

const ROW_HEIGHT = 20;

export interface DiffViewProps {
  oldText: string;
  newText: string;
  oldLabel: string;
  newLabel: string;
  maxHeight?: number;
  testId?: string;
}

export function DiffView({ oldText, newText, oldLabel, newLabel, maxHeight = 420, testId }: DiffViewProps) {
  const { t } = useTranslation();
  const diff = useMemo(() => sideBySide(oldText, newText), [oldText, newText]);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: diff.rows.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });

  if (diff.tooLarge) {
    return (
      <Text size="sm" c="dimmed" data-testid={testId}>
        {t('events.diff.tooLarge')}
      </Text>
    );
  }

  return (
    <div data-testid={testId}>
      <Group justify="space-between" mb={4}>
        <Text size="xs" fw={600}>
          {oldLabel}
        </Text>
        <Text size="xs" c="dimmed" data-testid={testId ? `${testId}-summary` : undefined}>
          {diff.added + diff.removed === 0 ? t('events.diff.identical') : t('events.diff.summary', { added: diff.added, removed: diff.removed })}
        </Text>
        <Text size="xs" fw={600}>
          {newLabel}
        </Text>
      </Group>
      <div ref={scrollerRef} className={classes.diff} style={{ height: Math.min(maxHeight, Math.max(diff.rows.length, 1) * ROW_HEIGHT + 2) }}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = diff.rows[item.index]!;
            return (
              <div key={item.index} className={classes.row} style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}>
                <Cell cell={row.left} />
                <Cell cell={row.right} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function Cell({ cell }: { cell: DiffCell }) {
  const kindClass = cell.kind === 'same' ? '' : (classes[cell.kind] ?? '');
  const sign = cell.kind === 'removed' ? '-' : cell.kind === 'added' ? '+' : ' ';
  return (
    <>
      <span className={`${classes.number} ${kindClass}`}>{cell.lineNumber ?? ''}</span>
      <span className={`${classes.text} ${kindClass}`} data-kind={cell.kind} title={cell.text.length > 80 ? cell.text : undefined}>
        {cell.kind === 'empty' ? '' : `${sign} ${cell.text}`}
      </span>
    </>
  );
}
