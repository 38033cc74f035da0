// Where an event comes from — its driver and its installation — as links to the screens that own
// them (`/drivers?driver=<slug>`, `/installations?installation=<id>`), each with a small secondary
// action that filters this list to that driver's / installation's events instead.
// The names come from the driver / installation detail (cached by TanStack Query); until they
// arrive, or if they cannot be fetched, the link shows the slug / id, so the drawer never waits.
import { Anchor, Group, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useDriver, useInstallation } from '../../queries/index';

export interface EventSourceLinksProps {
  driverSlug: string | null | undefined;
  installationId: string | null | undefined;
  /** Filters the Events list (today's behaviour of these links, kept as the secondary action). */
  onFilter: (patch: { installation?: string; driver?: string }) => void;
}

function DriverLink({ slug, onFilter }: { slug: string; onFilter: EventSourceLinksProps['onFilter'] }) {
  const { t } = useTranslation();
  // GET /drivers/{id} takes an id or a slug (docs/api-contract.md §4).
  const driver = useDriver(slug);
  const name = driver.data?.name;
  return (
    <Group gap={6} wrap="nowrap">
      {/* Screens are registered with a generic route type, so another screen's search is cast (as in DriverDetail). */}
      <Anchor component={Link} to="/drivers" search={{ driver: slug } as never} size="sm" title={t('events.detail.openDriver')} data-testid="link-driver" data-driver-slug={slug}>
        {name && name !== slug ? `${name} (${slug})` : slug}
      </Anchor>
      <Anchor component="button" type="button" size="xs" c="dimmed" onClick={() => onFilter({ driver: slug })} data-testid="link-driver-events">
        {t('events.detail.driverEvents')}
      </Anchor>
    </Group>
  );
}

function InstallationLink({ id, onFilter }: { id: string; onFilter: EventSourceLinksProps['onFilter'] }) {
  const { t } = useTranslation();
  const installation = useInstallation(id);
  const name = installation.data?.name;
  return (
    <Group gap={6} wrap="nowrap">
      <Anchor
        component={Link}
        to="/installations"
        search={{ installation: id } as never}
        size="sm"
        ff={name ? undefined : 'monospace'}
        title={name ? `${t('events.detail.openInstallation')} (${id})` : t('events.detail.openInstallation')}
        data-testid="link-installation"
        data-installation-id={id}
      >
        {name ?? id}
      </Anchor>
      <Anchor component="button" type="button" size="xs" c="dimmed" onClick={() => onFilter({ installation: id })} data-testid="link-installation-events">
        {t('events.detail.installationEvents')}
      </Anchor>
    </Group>
  );
}

export function EventSourceLinks({ driverSlug, installationId, onFilter }: EventSourceLinksProps) {
  const { t } = useTranslation();
  return (
    <Group gap="lg" data-testid="event-source-links">
      <Group gap={6} wrap="nowrap">
        <Text size="sm">{t('events.columns.driver')}:</Text>
        {driverSlug ? <DriverLink slug={driverSlug} onFilter={onFilter} /> : <Text size="sm">—</Text>}
      </Group>
      <Group gap={6} wrap="nowrap">
        <Text size="sm">{t('events.columns.installation')}:</Text>
        {installationId ? <InstallationLink id={installationId} onFilter={onFilter} /> : <Text size="sm">—</Text>}
      </Group>
    </Group>
  );
}
