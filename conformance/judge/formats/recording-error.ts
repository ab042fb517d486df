// A recording dropin cannot read: the command prints the message (which says what to change) and exits 2.
export class RecordingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordingError';
  }
}
