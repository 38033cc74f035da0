// Where a middle-truncated value is split: the tail (never shrunk) is the last path segment of a
// URL, or the last characters of anything else, at most TAIL_MAX long, so the head always keeps
// the start (scheme and host) to show.
const TAIL_MAX = 24;
const TAIL_MIN_VALUE = 32;

export function splitForMiddleTruncation(value: string): [head: string, tail: string] {
  if (value.length < TAIL_MIN_VALUE) return [value, ''];
  const lastSlash = value.lastIndexOf('/', value.length - 2);
  const fromSlash = lastSlash > 0 ? value.length - lastSlash : Number.POSITIVE_INFINITY;
  const tailLength = Math.min(fromSlash, TAIL_MAX, Math.floor(value.length / 2));
  return [value.slice(0, value.length - tailLength), value.slice(value.length - tailLength)];
}
