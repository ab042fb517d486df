// A mistake in how dropin was invoked or configured: printed as one message, exit code 2.
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
