// A target as configured (flags, env or a config file), before it is started or resolved.
export interface TargetSpec {
  name: string;
  /** url: an endpoint that is already running; emulator: dropin's embedded emulator, started in process */
  kind: 'url' | 'emulator';
  baseUrl?: string;
  model?: string;
  /** resolved secret */
  apiKey?: string;
  headers?: Record<string, string>;
  /** emulator only: a profile of documented server behaviour, and single quirks */
  profile?: string;
  quirks?: string[];
}

export interface OpenedTarget {
  target: import('../types.ts').Target;
  close(): Promise<void>;
}
