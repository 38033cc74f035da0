// One choice among a few (theme, time display, a range), as a row of chips: radio inputs in a
// labelled radiogroup. Used instead of Mantine's SegmentedControl, whose sliding indicator measures
// its own position when it mounts and again as its screen is left — a forced layout in the middle
// of start-up and of every navigation (docs/benchmarks.md, Events). The lint config forbids the
// SegmentedControl so every such choice looks and behaves the same.
import { Chip, Group } from '@mantine/core';

export interface ChoiceOption<T extends string> {
  value: T;
  label: string;
}

export interface ChoiceChipsProps<T extends string> {
  value: T;
  onChange: (value: T) => void;
  options: readonly ChoiceOption<T>[];
  /** The group's accessible name: its visible label's id, or a label of its own. */
  labelledBy?: string;
  label?: string;
  disabled?: boolean;
  testId?: string;
}

export function ChoiceChips<T extends string>({ value, onChange, options, labelledBy, label, disabled, testId }: ChoiceChipsProps<T>) {
  return (
    <Chip.Group value={value} onChange={(next) => onChange(next as T)}>
      <Group gap={4} wrap="nowrap" role="radiogroup" aria-labelledby={labelledBy} aria-label={labelledBy ? undefined : label} data-testid={testId}>
        {options.map((option) => (
          <Chip key={option.value} size="xs" value={option.value} disabled={disabled}>
            {option.label}
          </Chip>
        ))}
      </Group>
    </Chip.Group>
  );
}
