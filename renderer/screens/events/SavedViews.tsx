// Named saved views (per profile, stored by main): apply one, save the current filters under a
// name, rename one, delete one. Applying a view is just navigating to its search params.
import { ActionIcon, Button, Group, Menu, Modal, Popover, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IpcCallError } from '../../bridge/ipc';
import { errorMessage } from '../../errors/error-message';
import { useDeleteView, useRenameView, useSavedViews, useSaveView } from '../../queries/views';
import type { SavedView } from '../../../shared/saved-views';
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
  const [menuOpened, setMenuOpened] = useState(false);
  const [renaming, setRenaming] = useState<SavedView | null>(null);
  const [newName, setNewName] = useState('');
  // A taken name is shown on the field (the operator picks another); other failures as usual.
  const rename = useRenameView({ onSuccess: () => setRenaming(null) });
  const renameError = (error: unknown) =>
    !error ? undefined : error instanceof IpcCallError && error.code === 'conflict' ? t('events.views.nameTaken', { name: newName.trim() }) : errorMessage(t, error);
  const startRename = (view: SavedView) => {
    setMenuOpened(false);
    rename.reset();
    setNewName(view.name);
    setRenaming(view);
  };
  const remove = useDeleteView({ onError: fail });

  return (
    <Group gap={4}>
      <Menu position="bottom-end" width={260} opened={menuOpened} onChange={setMenuOpened}>
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
                <Group gap={2} wrap="nowrap">
                  <ActionIcon
                    size="xs"
                    variant="subtle"
                    aria-label={t('events.views.rename', { name: view.name })}
                    onClick={(e) => {
                      e.stopPropagation();
                      startRename(view);
                    }}
                  >
                    ✎
                  </ActionIcon>
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
                </Group>
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
      <Modal opened={renaming !== null} onClose={() => setRenaming(null)} title={t('events.views.renameTitle', { name: renaming?.name ?? '' })} size="sm">
        <Stack gap="xs">
          <TextInput
            label={t('events.views.newName')}
            value={newName}
            onChange={(e) => setNewName(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Enter' && renaming && newName.trim() && rename.mutate({ id: renaming.id, name: newName })}
            error={renameError(rename.error)}
            data-testid="rename-view-name"
            data-autofocus
          />
          <Button onClick={() => renaming && rename.mutate({ id: renaming.id, name: newName })} disabled={!newName.trim()} loading={rename.isPending} data-testid="rename-view-confirm">
            {t('events.views.renameConfirm')}
          </Button>
        </Stack>
      </Modal>
    </Group>
  );
}
