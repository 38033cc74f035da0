// The server's field errors that no input on the installation forms owns (a 422 on a key the form
// does not show), listed by key so nothing the server said is lost. Shared by create and edit.
import { Alert, List } from '@mantine/core';

export function OtherFieldErrors({ errors, testId }: { errors: Record<string, string[]>; testId: string }) {
  if (Object.keys(errors).length === 0) return null;
  return (
    <Alert color="red" data-testid={testId}>
      <List size="sm">
        {Object.entries(errors).map(([key, messages]) => (
          <List.Item key={key}>
            <strong>{key}</strong>: {messages.join(' ')}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
