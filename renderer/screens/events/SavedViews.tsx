// Named saved views (per profile, stored by main): apply one, save the current filters under a
// name, delete one. Applying a view is just navigating to its search params.
import { ActionIcon, Button, Group, Menu, Popover, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../errors/error-message';
import { useDeleteView, useSavedViews, useSaveView } from '../../queries/views';
import { eventsSearchSchema, type EventsSearch } from './events-search';

export function SavedViews({ search, onApply }: { search: EventsSearch; onApply: (search: EventsSearch) => void }) {
  const { t } = useTranslation();
  const views = useSavedViews();
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);
  const fail = (error: unknown) => notifications.show({ color: 'red', message: errorMessage(t, error) });
  const save = useSaveView({
    onSuccess: () => {
      setSaving(false);
      setName('');
    },
    onError: fail,
  });
  const saveView = () => save.mutate({ name, search: search as Record<string, string> });
  const remove = useDeleteView({ onError: fail });

  return (
    <Group gap={4}>
      <Menu position="bottom-end" width={260}>
        <Menu.Target>
          <Button size="xs" variant="default" data-testid="saved-views-button">
            {t('events.views.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown data-testid="saved-views-menu">
          {(views.data ?? []).length === 0 && <Menu.Label>{t('events.views.none')}</Menu.Label>}
          {(views.data ?? []).map((view) => (
            <Menu.Item
              key={view.id}
              onClick={() => onApply(eventsSearchSchema.parse(view.search))}
              data-testid="saved-view"
              rightSection={
                <ActionIcon
                  size="xs"
                  variant="subtle"
                  color="red"
                  aria-label={t('events.views.delete', { name: view.name })}
                  onClick={(e) => {
                    e.stopPropagation();
                    remove.mutate(view.id);
                  }}
                >
                  ×
                </ActionIcon>
              }
            >
              {view.name}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Popover opened={saving} onChange={setSaving} position="bottom-end" trapFocus>
        <Popover.Target>
          <Button size="xs" variant="subtle" onClick={() => setSaving((s) => !s)} data-testid="save-view-button">
            {t('events.views.save')}
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs">
            <Text size="xs">{t('events.views.saveHint')}</Text>
            <TextInput
              size="xs"
              label={t('events.views.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              onKeyDown={(e) => e.key === 'Enter' && name.trim() && saveView()}
              data-testid="save-view-name"
              data-autofocus
            />
            <Button size="xs" onClick={saveView} disabled={!name.trim()} loading={save.isPending} data-testid="save-view-confirm">
              {t('events.views.saveConfirm')}
            </Button>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}
