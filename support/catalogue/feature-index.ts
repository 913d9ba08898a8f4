/**
 * Which test cases are implemented, and where: every scenario of `features/**.feature` with its id (its id tag, or
 * the first word of its name as the hooks do), title, file, line and tags (feature tags included). A line-based
 * reading of Gherkin, enough for tags and scenario names; Cucumber itself parses the steps.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readTags } from '../cucumber/tags';

export interface ImplementedCase {
  readonly id: string;
  readonly title: string;
  /** Path relative to the project root, e.g. `features/charge-point/core/boot.feature`. */
  readonly file: string;
  readonly line: number;
  readonly role: 'charge-point' | 'central-system' | undefined;
  readonly profile: string | undefined;
  readonly tags: readonly string[];
}

function featureFiles(dir: string, out: string[] = []): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names.sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) featureFiles(p, out);
    else if (name.endsWith('.feature')) out.push(p);
  }
  return out;
}

/** The scenarios of one feature file's text. */
export function scanFeatureText(text: string, file: string): ImplementedCase[] {
  const cases: ImplementedCase[] = [];
  let pending: string[] = [];
  let featureTags: string[] = [];
  let inDocString = false;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line.startsWith('"""') || line.startsWith('```')) inDocString = !inDocString;
    if (inDocString || line.startsWith('#')) return;
    if (line.startsWith('@')) {
      pending.push(...line.replace(/\s#.*$/, '').split(/\s+/).filter((t) => t.startsWith('@')));
      return;
    }
    const keyword = /^(Feature|Rule|Scenario Outline|Scenario Template|Scenario|Example|Examples|Background):\s*(.*)$/.exec(line);
    if (!keyword) return;
    const [, kind, name = ''] = keyword;
    if (kind === 'Feature') featureTags = pending;
    if (kind === 'Scenario' || kind === 'Scenario Outline' || kind === 'Scenario Template' || kind === 'Example') {
      const tags = [...featureTags, ...pending];
      const read = readTags(tags);
      const id = read.id ?? name.split(/\s+/)[0] ?? '';
      cases.push({
        id,
        title: name.startsWith(id) ? name.slice(id.length).trim() : name.trim(),
        file,
        line: index + 1,
        role: read.role,
        profile: read.profile,
        tags,
      });
    }
    pending = [];
  });
  return cases;
}

/** Every scenario under `<root>/features`, by file then line. */
export function scanFeatures(root: string): ImplementedCase[] {
  return featureFiles(join(root, 'features')).flatMap((f) => scanFeatureText(readFileSync(f, 'utf8'), relative(root, f)));
}
