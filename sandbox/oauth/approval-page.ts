// The sandbox's stand-in for a provider's OAuth consent screen (docs/api-contract.md §5): `auth_url` opens
// this page (outside the API prefix, no bearer token); Approve activates the pending installation,
// Deny puts it in `error`. The unguessable `state` in the URL is the only credential, and it is
// single-use: once decided, the link stops working.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { SandboxContext } from '../context';
import {
  findInstallationRow,
  notifyInstallationUpdated,
  toInstallationResource,
  type InstallationRow,
} from '../installations/repository';
import { toApiTimestamp } from '../time';

export const APPROVAL_PATH = '/_sandbox/oauth/authorize';

const linkQuery = z.object({ installation_id: z.string().min(1), state: z.string().min(16) });
const decisionForm = linkQuery.extend({ decision: z.enum(['approve', 'deny']) });

const DENIED_REASON = 'The user denied access on the authorization page.';

export function registerOAuthApprovalRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const { db } = ctx;

  const pendingInstallation = (installationId: string, state: string): InstallationRow | undefined => {
    const row = findInstallationRow(db, installationId);
    return row !== undefined && row.status === 'pending_auth' && row.oauth_state === state ? row : undefined;
  };

  app.get(APPROVAL_PATH, async (request, reply) => {
    const query = linkQuery.safeParse(request.query);
    const row = query.success ? pendingInstallation(query.data.installation_id, query.data.state) : undefined;
    if (!query.success || row === undefined) return sendPage(reply, 404, invalidLinkPage());
    const driverName = (db.prepare('SELECT name FROM drivers WHERE id = ?').get(row.driver_id) as { name: string }).name;
    return sendPage(reply, 200, consentPage(row, driverName, query.data.state));
  });

  app.post(APPROVAL_PATH, async (request, reply) => {
    const form = decisionForm.safeParse(request.body);
    const row = form.success ? pendingInstallation(form.data.installation_id, form.data.state) : undefined;
    if (!form.success || row === undefined) return sendPage(reply, 404, invalidLinkPage());

    const approved = form.data.decision === 'approve';
    const now = toApiTimestamp(ctx.now());
    // The state in the WHERE makes a double submit (two tabs) act once.
    const result = db
      .prepare(
        `UPDATE installations SET status = ?, status_reason = ?, oauth_state = NULL,
                authorized_at = CASE WHEN ? THEN ? ELSE authorized_at END, updated_at = ?
         WHERE id = ? AND status = 'pending_auth' AND oauth_state = ?`,
      )
      .run(approved ? 'active' : 'error', approved ? null : DENIED_REASON, approved ? 1 : 0, now, now, row.id, form.data.state);
    if (result.changes !== 1) return sendPage(reply, 404, invalidLinkPage());

    notifyInstallationUpdated(ctx, toInstallationResource(ctx, findInstallationRow(db, row.id)!));
    return sendPage(reply, 200, resultPage(row.name, approved));
  });
}

function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .code(status)
    .header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
    .header('Cache-Control', 'no-store')
    .header('Referrer-Policy', 'no-referrer')
    .type('text/html; charset=utf-8')
    .send(html);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Integrações Inteligentes sandbox</title>
<style>
  body { font-family: system-ui, sans-serif; background: #f4f5f7; color: #1f2430; margin: 0; }
  main { max-width: 28rem; margin: 4rem auto; background: #fff; border-radius: 8px; padding: 2rem;
         box-shadow: 0 1px 3px rgba(0,0,0,.15); }
  h1 { font-size: 1.3rem; margin-top: 0; }
  .note { color: #5c6370; font-size: .9rem; }
  .actions { display: flex; gap: .75rem; margin-top: 1.5rem; }
  button { font: inherit; padding: .6rem 1.2rem; border-radius: 6px; border: 1px solid #c5cad3; background: #fff; cursor: pointer; }
  button[value=approve] { background: #1c7ed6; border-color: #1c7ed6; color: #fff; }
</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

function consentPage(row: InstallationRow, driverName: string, state: string): string {
  const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
  return layout(
    `Authorize ${driverName}`,
    `<h1>Authorize ${escapeHtml(driverName)}</h1>
<p>The installation <strong>${escapeHtml(row.name)}</strong> asks for access to your ${escapeHtml(driverName)} account.</p>
<p class="note">This is the local sandbox's stand-in for the provider's consent screen.</p>
<form method="post" action="/_sandbox/oauth/authorize">
${hidden('installation_id', row.id)}
${hidden('state', state)}
<div class="actions">
<button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="deny">Deny</button>
</div>
</form>`,
  );
}

function resultPage(installationName: string, approved: boolean): string {
  return layout(
    approved ? 'Access approved' : 'Access denied',
    `<h1>${approved ? 'Access approved' : 'Access denied'}</h1>
<p>The installation <strong>${escapeHtml(installationName)}</strong> is now ${approved ? 'active' : 'in error (access denied)'}.</p>
<p class="note">You can close this window and return to the console.</p>`,
  );
}

function invalidLinkPage(): string {
  return layout(
    'Link not valid',
    `<h1>This authorization link is not valid</h1>
<p>It may have been used already, replaced by a newer one (reauthorize), or the installation is no longer waiting for approval.</p>`,
  );
}
