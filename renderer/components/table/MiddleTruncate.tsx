// A long value (a URL) that truncates in the middle: its start and its end stay readable
// ("https://hooks.example.com/…/orders/paid"), the full value is in the title. CSS only: the start
// shrinks with an ellipsis, the tail keeps its width, so nothing is measured.
import { splitForMiddleTruncation } from './middle-truncate';
import classes from './table.module.css';

export function MiddleTruncate({ value, testId }: { value: string; testId?: string }) {
  const [head, tail] = splitForMiddleTruncation(value);
  return (
    <span className={classes.middle} title={value} data-testid={testId} data-full-value={value}>
      <span className={classes.middleHead}>{head}</span>
      {tail && <span className={classes.middleTail}>{tail}</span>}
    </span>
  );
}
