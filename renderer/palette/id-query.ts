// Whether the palette's query looks like a pasted id (one token, no spaces, long enough, and safe
// as a path segment): then it is looked up on the server as an event, installation, driver and
// endpoint at once.
import { resourceIdProblem } from '../../shared/resource-id';

export function idShapedQuery(query: string): string | undefined {
  const id = query.trim();
  if (id.length < 6 || id.length > 200 || /\s/.test(id)) return undefined;
  return resourceIdProblem(id) === null ? id : undefined;
}
