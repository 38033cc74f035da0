// A filter's free-text field: it applies on Enter or when leaving the field (not per keystroke, so
// a list is not refetched for every letter), and follows the URL when that changes from outside.
import { TextInput } from '@mantine/core';
import { useState, type Ref } from 'react';

/** A text field that commits on Enter/blur, and follows the URL when it changes from outside. */
export function FilterText({
  label,
  value,
  onCommit,
  placeholder,
  testId,
  inputRef,
  w,
  validate,
}: {
  label: string;
  value: string | undefined;
  onCommit: (v: string | undefined) => void;
  placeholder?: string;
  testId: string;
  inputRef?: Ref<HTMLInputElement>;
  w?: number;
  /** Returns an error message for a non-empty value the API would refuse. */
  validate?: (value: string) => string | null;
}) {
  // The draft follows the URL when the URL changes from outside (a saved view, Clear, a link).
  const [draft, setDraft] = useState({ source: value, text: value ?? '' });
  const [error, setError] = useState<string | null>(null);
  if (draft.source !== value) setDraft({ source: value, text: value ?? '' });
  const commit = () => {
    const next = draft.text.trim() || undefined;
    const problem = next && validate ? validate(next) : null;
    setError(problem);
    if (problem) return;
    if (next !== value) onCommit(next);
  };
  return (
    <TextInput
      ref={inputRef}
      size="xs"
      w={w ?? 160}
      label={label}
      placeholder={placeholder}
      value={draft.text}
      error={error}
      onChange={(e) => setDraft({ source: value, text: e.currentTarget.value })}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') e.currentTarget.blur();
      }}
      data-testid={testId}
    />
  );
}
