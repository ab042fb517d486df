// Reads deploy/: the Kubernetes manifests (every YAML document, by kind) and the compose file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

export const DEPLOY = new URL('../../../deploy/', import.meta.url).pathname;
export const KUBERNETES = join(DEPLOY, 'kubernetes');

export interface Manifest {
  file: string;
  doc: any;
}

/** Every Kubernetes object in deploy/kubernetes (kustomization.yaml aside). */
export function kubernetesObjects(): Manifest[] {
  return kubernetesFiles().flatMap((file) =>
    parseAllDocuments(readFileSync(join(KUBERNETES, file), 'utf8')).map((d) => {
      if (d.errors.length > 0) throw new Error(`${file}: ${d.errors[0].message}`);
      return { file, doc: d.toJS() };
    }),
  );
}

export function kubernetesFiles(): string[] {
  return readdirSync(KUBERNETES).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml').sort();
}

export function kustomization(): any {
  return parse(readFileSync(join(KUBERNETES, 'kustomization.yaml'), 'utf8'));
}

export function compose(): any {
  return parse(readFileSync(join(DEPLOY, 'compose.yaml'), 'utf8'));
}

/** The one object of `kind` (named `name` when several). */
export function find(objects: Manifest[], kind: string, name?: string): any {
  const found = objects.filter((o) => o.doc.kind === kind && (name === undefined || o.doc.metadata?.name === name));
  if (found.length !== 1) throw new Error(`expected one ${kind}${name ? ` named ${name}` : ''} in deploy/kubernetes, found ${found.length}`);
  return found[0].doc;
}
