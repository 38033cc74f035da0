// The sandbox's stand-in for "the platform validates the API key with the provider" (docs/api-contract.md §5):
// a key that is too short, or literally `invalid`, is rejected — so demos and tests can show the 422.
export const MIN_CREDENTIAL_LENGTH = 8;

export function credentialProblem(value: unknown): string | null {
  if (typeof value !== 'string') return null; // type errors are reported by settings validation
  if (value.trim().toLowerCase() === 'invalid') return 'was rejected by the provider.';
  if (value.length < MIN_CREDENTIAL_LENGTH) return `is too short to be a valid key (at least ${MIN_CREDENTIAL_LENGTH} characters).`;
  return null;
}
