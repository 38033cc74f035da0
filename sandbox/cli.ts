// `npm run sandbox`: serves the API on loopback until SIGINT/SIGTERM, then closes gracefully
// (in-flight requests finish, background work stops, the database is closed).
// Prints where it serves and how to mint a token — never a token.
import { relative } from 'node:path';
import { CliUsageError, DEFAULT_DB_FILE, parseSandboxArgs, SANDBOX_USAGE } from './cli-args';
import { startSandbox, type RunningSandbox } from './server';
import { DEMO_EVENT_COUNT } from './seed/events-demo';

async function main(): Promise<void> {
  let options;
  try {
    options = parseSandboxArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof CliUsageError) {
      console.error(`sandbox: ${error.message}\n\n${SANDBOX_USAGE}`);
      process.exit(2);
    }
    throw error;
  }
  if (options === 'help') {
    console.log(SANDBOX_USAGE);
    return;
  }

  console.log('Starting the sandbox (a new demo database takes a little while to seed)…');
  let sandbox: RunningSandbox;
  try {
    // The CLI serves the full demo history (50,000 events); the library default is smaller so tests start fast.
    sandbox = await startSandbox({ demoEvents: DEMO_EVENT_COUNT, ...options });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') {
      console.error(`sandbox: port ${options.port} is already in use; pass --port N (or --port 0 for any free port).`);
    } else {
      console.error(`sandbox: could not start: ${(error as Error).message}`);
    }
    process.exit(1);
  }

  const dbFlag = options.db === DEFAULT_DB_FILE ? '' : ` --db ${options.db}`;
  console.log(`Integrações Inteligentes sandbox serving ${sandbox.baseUrl}`);
  if (options.dialect === 'docs') {
    console.log(`  dialect:  docs (only the documented routes), paging ${options.paging ?? 'none'}${options.ignorePage ? ', page= ignored' : ''}`);
  }
  console.log(`  database: ${options.db === ':memory:' ? ':memory:' : relative(process.cwd(), options.db ?? '') || options.db}`);
  if (options.db === ':memory:') {
    console.log('  tokens:   an in-memory database cannot be reached by the token command; use --db FILE to mint tokens.');
  } else {
    console.log(`  token:    npm run sandbox:token -- --name my-laptop${dbFlag}`);
  }
  console.log(`  try:      curl -H "Authorization: Bearer $TOKEN" ${sandbox.baseUrl}/drivers`);
  console.log('Press Ctrl+C to stop.');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      console.error(`sandbox: ${signal} again, exiting without waiting.`);
      process.exit(130);
    }
    stopping = true;
    console.log(`sandbox: ${signal} received, finishing in-flight requests…`);
    sandbox.close().then(
      () => {
        console.log('sandbox: stopped.');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`sandbox: error while stopping: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

await main();
