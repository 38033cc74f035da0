// Catches a render error in one screen so the shell (profile, navigation) stays usable. The
// message is generic on purpose: an exception's text is shown only under "technical details".
import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { Alert, Button, Code, Stack, Text } from '@mantine/core';
import { i18next } from '../i18n';

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Reported to the devtools console only; nothing leaves the renderer.
    console.warn('Screen crashed', error.name, info.componentStack?.split('\n')[1]?.trim());
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const t = i18next.t;
    return (
      <Alert color="red" title={t('errorBoundary.title')} role="alert" data-testid="error-boundary">
        <Stack gap="sm">
          <Text size="sm">{t('errorBoundary.body')}</Text>
          <details>
            <summary>{t('errorBoundary.details')}</summary>
            <Code block>{`${error.name}: ${error.message}`}</Code>
          </details>
          <Button variant="light" color="red" w="fit-content" onClick={() => window.location.reload()}>
            {t('errorBoundary.reload')}
          </Button>
        </Stack>
      </Alert>
    );
  }
}
