// A Mantine table header whose width the operator can drag; the width comes from useColumnWidths.
import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { ColumnResizer } from './ColumnResizer';

export interface ResizableThProps {
  id: string;
  label: string;
  children?: ReactNode;
  widths: Readonly<Record<string, number>>;
  setWidth: (id: string, px: number | null) => void;
  /** For a sortable column: which way the table is sorted by it. */
  'aria-sort'?: 'ascending' | 'descending' | 'none';
}

export function ResizableTh({ id, label, children, widths, setWidth, 'aria-sort': ariaSort }: ResizableThProps) {
  const width = widths[id];
  return (
    <Table.Th style={{ position: 'relative', ...(width !== undefined ? { width, minWidth: width } : {}) }} data-column={id} aria-sort={ariaSort}>
      {children ?? label}
      <ColumnResizer label={label} width={width} onResize={(px) => setWidth(id, px)} />
    </Table.Th>
  );
}
