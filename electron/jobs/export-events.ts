// Export job: the filtered events list → CSV or NDJSON, streamed page by page from the client's
// async iterator into a FileSink. Memory stays flat (a bounded look-ahead of pages, the sink waits for the
// disk), cancel stops the walk at once, and a cancelled or failed export leaves no partial file.
import { eventSerializer, type ExportFormat, type ExportableEvent } from '../../shared/export-format';
import { eventPages, type JobsClient } from './events-source';
import type { FileSink } from './file-sink';
import type { JobRecord } from './job-record';
import { toIpcError } from './job-errors';

export async function runExport(job: JobRecord, client: JobsClient, sink: FileSink, format: ExportFormat): Promise<void> {
  const serializer = eventSerializer(format);
  try {
    const header = serializer.header();
    if (header) job.snapshot.bytes += await sink.write(header);
    // Look-ahead: while this page is serialized and written, the next one is being validated and
    // the one after it requested (the walk's prefetch), so the export runs at the server's pace.
    // At most three pages exist at once: this one, the next (parsed) and one on the wire.
    const pages = eventPages(client, job.snapshot.filters, job.signal, { prefetch: true });
    let next = pages.next();
    for (;;) {
      const result = await next;
      if (result.done || job.signal.aborted) break;
      next = pages.next();
      // Settled later by the loop; an early exit below must not leave it as an unhandled rejection.
      next.catch(() => undefined);
      const page = result.value;
      // One string per page: few writes, and the page is garbage as soon as it is on its way to disk.
      let chunk = '';
      for (const event of page.items) chunk += serializer.row(event as ExportableEvent);
      job.snapshot.bytes += await sink.write(chunk);
      job.snapshot.processed += page.items.length;
      job.snapshot.succeeded = job.snapshot.processed;
      job.progressed();
    }
    if (job.signal.aborted) await pages.return(undefined).catch(() => undefined);
    if (job.signal.aborted) {
      await sink.discard();
      job.finish('cancelled');
      return;
    }
    await sink.commit();
    job.finish('completed');
  } catch (error) {
    await sink.discard().catch(() => undefined);
    if (job.signal.aborted) job.finish('cancelled');
    else job.finish('failed', toIpcError(error));
  }
}
