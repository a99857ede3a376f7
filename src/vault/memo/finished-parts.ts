import type { PreparedPart } from '../prepare/types.ts';
import { renderingKey } from '../stages/finish/fill-links.ts';
import { finishText, finishTree, type PartJob } from '../stages/finish/finish-part.ts';
import { needsTree } from '../stages/finish/fill-links.ts';
import type { PartLookups, PartTree } from '../stages/finish/part-lookups.ts';
import type { FinishedPart } from '../stages/types.ts';
import type { LinkRendering, VaultPath } from '../types.ts';

/** How a link was read while a part was finished: its text, an embed's alias, what it embeds, how it renders. */
type LinkReadKind = 'text' | 'alias' | 'target' | 'render';

/** One thing a part finished from its tree read, with what it read then. */
type TreeRead =
  | { kind: LinkReadKind; from: VaultPath; local: number; value: string }
  | { kind: 'url'; url: string; from: VaultPath; line: number; value: string }
  | { kind: 'part'; path: VaultPath; index: number; part: PreparedPart | undefined };

const linkValue = (lookups: PartLookups, kind: LinkReadKind, n: number): string => {
  if (kind === 'text') return lookups.text(n);
  if (kind === 'alias') return JSON.stringify(lookups.alias(n) ?? null);
  if (kind === 'render') return JSON.stringify(lookups.rendering(n));
  return JSON.stringify(lookups.target(n));
};
const urlValue = (lookups: PartLookups, url: string, from: VaultPath, line: number) => JSON.stringify(lookups.vaultUrl(url, from, line).href ?? null);

/** Lookups that note down what they are asked and what they answered. */
function recording(lookups: PartLookups): { lookups: PartLookups; reads: TreeRead[] } {
  const reads: TreeRead[] = [];
  const link = (kind: LinkReadKind, n: number) => reads.push({ kind, ...lookups.place(n), value: linkValue(lookups, kind, n) });
  const recorded: PartLookups = {
    ...lookups,
    text: (n) => (link('text', n), lookups.text(n)),
    alias: (n) => (link('alias', n), lookups.alias(n)),
    target: (n) => (link('target', n), lookups.target(n)),
    rendering: (n) => (link('render', n), lookups.rendering(n)),
    vaultUrl: (url, from, line) => {
      const resolved = lookups.vaultUrl(url, from, line);
      reads.push({ kind: 'url', url, from, line, value: JSON.stringify(resolved.href ?? null) });
      return resolved;
    },
    partTree: (path, index): PartTree => {
      const made = lookups.partTree(path, index);
      for (const { url, from, line, result } of made.urls) reads.push({ kind: 'url', url, from, line, value: JSON.stringify(result.href ?? null) });
      reads.push({ kind: 'part', path, index, part: lookups.part(path, index) });
      return made;
    },
  };
  return { lookups: recorded, reads };
}

/** Whether a recorded read reads the same in this model. */
function readsSame(read: TreeRead, lookups: PartLookups): boolean {
  if (read.kind === 'part') return lookups.part(read.path, read.index) === read.part;
  if (read.kind === 'url') return urlValue(lookups, read.url, read.from, read.line) === read.value;
  const n = lookups.numberAt(read.from, read.local);
  return n !== undefined && linkValue(lookups, read.kind, n) === read.value;
}

/** What a part's finished text depends on besides its own: the services its sections name, and how its links render. */
interface TextInputs {
  named: string;
  renderings: readonly LinkRendering[];
}

/**
 * The parts a model finished, for the next model to take as they were when
 * nothing they depend on changed. Keyed by the prepared part, which an
 * unchanged note keeps from model to model.
 */
export class FinishedParts {
  private texts = new WeakMap<PreparedPart, { inputs: TextInputs; finished: FinishedPart }>();
  private trees = new WeakMap<PreparedPart, { key: string; reads: TreeRead[]; finished: FinishedPart }>();

  /** `finishPart` (stages/finish/finish-part.ts), answering as before where it can. */
  finisher(lookups: PartLookups): (job: PartJob) => FinishedPart {
    return (job) => {
      const named = JSON.stringify([...job.sections]);
      if (!needsTree(job.part.body)) {
        const inputs: TextInputs = { named, renderings: job.links.map((link) => lookups.rendering(link.index)) };
        const kept = this.texts.get(job.part);
        if (kept && sameText(kept.inputs, inputs)) return kept.finished;
        const finished = finishText(job, lookups);
        if (finished) {
          this.texts.set(job.part, { inputs, finished });
          return finished;
        }
      }
      // Finished as before when its sections name the same services and all it read reads the same.
      const key = `${job.slug}\0${named}`;
      const kept = this.trees.get(job.part);
      if (kept?.key === key && kept.reads.every((read) => readsSame(read, lookups))) return kept.finished;
      const recorder = recording(lookups);
      const finished = finishTree(job, recorder.lookups);
      this.trees.set(job.part, { key, reads: recorder.reads, finished });
      return finished;
    };
  }
}

/** Renderings kept with their resolutions are the same objects, so most are matched without comparing their text. */
function sameText(before: TextInputs, now: TextInputs): boolean {
  if (before.named !== now.named || before.renderings.length !== now.renderings.length) return false;
  return now.renderings.every((rendering, i) => rendering === before.renderings[i] || renderingKey(rendering) === renderingKey(before.renderings[i]!));
}
