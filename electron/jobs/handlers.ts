// IPC handlers for jobs:* — thin: parse already happened in the dispatcher, the service does the work.
import type { PartialHandlers } from '../ipc/handler-types';
import type { JobsService } from './jobs-service';

type JobsChannel = 'jobs:countEvents' | 'jobs:startExport' | 'jobs:startBulkRedeliver' | 'jobs:cancel' | 'jobs:list' | 'jobs:exportSummary';

export function createJobsHandlers(service: JobsService): Pick<Required<PartialHandlers>, JobsChannel> {
  return {
    'jobs:countEvents': (input, ctx) => service.countEvents(input.filters, input.cap, ctx.signal),
    'jobs:startExport': async (input) => ({ job: await service.startExport(input.filters, input.format) }),
    'jobs:startBulkRedeliver': async (input) => ({ job: await service.startBulkRedeliver(input) }),
    'jobs:cancel': async (input) => ({ job: service.cancel(input.jobId) }),
    'jobs:list': async () => ({ jobs: service.list() }),
    'jobs:exportSummary': (input) => service.exportSummary(input.jobId, input.format),
  };
}
