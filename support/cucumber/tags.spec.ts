import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readTags } from './tags';

// The tag lint: every scenario of every feature file carries exactly one id, the role and profile tags, and only
// tags of the vocabulary (README "Tags"); ids are unique across the project.

const root = join(__dirname, '..', '..');

function features(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) features(p, out);
    else if (name.endsWith('.feature')) out.push(p);
  }
  return out;
}

interface ScenarioTags {
  file: string;
  line: number;
  name: string;
  tags: string[];
}

/** Feature-level tags apply to every scenario (as Cucumber's pickles inherit them). */
function scenarios(file: string): ScenarioTags[] {
  const out: ScenarioTags[] = [];
  let pending: string[] = [];
  let featureTags: string[] = [];
  readFileSync(file, 'utf8').split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line.startsWith('@')) pending.push(...line.split(/\s+/).filter((t) => t.startsWith('@')));
    else if (/^Feature:/.test(line)) {
      featureTags = pending;
      pending = [];
    } else if (/^(Scenario|Scenario Outline|Example):/.test(line)) {
      out.push({ file: relative(root, file), line: i + 1, name: line.replace(/^[^:]+:\s*/, ''), tags: [...featureTags, ...pending] });
      pending = [];
    }
  });
  return out;
}

const all = features(join(root, 'features')).flatMap(scenarios);

test('there are feature files', () => {
  assert.ok(all.length > 0);
});

test('every scenario has exactly one @TC_… or @EXT_… id, and its name starts with it', () => {
  for (const s of all) {
    const t = readTags(s.tags);
    assert.equal(t.ids.length, 1, `${s.file}:${s.line} has ids ${JSON.stringify(t.ids)}`);
    assert.ok(s.name.startsWith(`${t.ids[0]} `), `${s.file}:${s.line}: the name should start with ${t.ids[0]}`);
  }
});

test('ids are unique across the project', () => {
  const seen = new Map<string, string>();
  for (const s of all) {
    const id = readTags(s.tags).ids[0] as string;
    assert.ok(!seen.has(id), `${id} at ${s.file}:${s.line} and ${seen.get(id)}`);
    seen.set(id, `${s.file}:${s.line}`);
  }
});

test('every scenario names its role, matching its folder and its id suffix', () => {
  for (const s of all) {
    const t = readTags(s.tags);
    assert.ok(t.role, `${s.file}:${s.line} lacks @sut:charge-point or @sut:central-system`);
    assert.ok(s.file.startsWith(join('features', t.role as string)), `${s.file}:${s.line} is tagged @sut:${t.role}`);
    const id = t.ids[0] as string;
    if (id.startsWith('TC_')) assert.equal(id.endsWith('_CSMS'), t.role === 'central-system', `${s.file}:${s.line}: ${id} vs @sut:${t.role}`);
  }
});

test('every scenario names its feature profile', () => {
  for (const s of all) assert.ok(readTags(s.tags).profile, `${s.file}:${s.line} lacks @feature-profile:<Profile>`);
});

test('only tags of the vocabulary are used', () => {
  for (const s of all) assert.deepEqual(readTags(s.tags).unknown, [], `${s.file}:${s.line}`);
});
