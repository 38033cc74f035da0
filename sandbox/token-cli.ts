// `npm run sandbox:token`: the vendor Dashboard's "Generate New Token", for the sandbox. It prints
// the token once, on stdout, alone (so `TOKEN=$(npm run -s sandbox:token -- --name x)` works);
// what identifies it (jti, expiry) goes to stderr. The only program allowed to print a token.
import { mintToken, revokeToken } from './auth/tokens';
import { CliUsageError, parseTokenArgs, TOKEN_USAGE } from './cli-args';
import { openDatabase } from './db/connection';
import { runMigrations } from './db/migrate';
import { migrations } from './db/migrations/index';

async function main(): Promise<number> {
  let command;
  try {
    command = parseTokenArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof CliUsageError) {
      console.error(`sandbox:token: ${error.message}\n\n${TOKEN_USAGE}`);
      return 2;
    }
    throw error;
  }
  if (command === 'help') {
    console.log(TOKEN_USAGE);
    return 0;
  }

  const db = openDatabase(command.db);
  try {
    runMigrations(db, migrations);
    if (command.action === 'revoke') {
      const newlyRevoked = revokeToken(db, command.jti, new Date());
      console.error(newlyRevoked ? `Revoked token ${command.jti}.` : `Token ${command.jti} was already revoked.`);
      return 0;
    }
    const minted = await mintToken(db, new Date(), { name: command.name, ttlSeconds: command.ttlSeconds });
    console.error(`New token for "${command.name}" (jti ${minted.jti}), expires ${minted.expiresAt.toISOString()}. Shown once:`);
    console.log(minted.token);
    return 0;
  } finally {
    db.close();
  }
}

process.exitCode = await main();
