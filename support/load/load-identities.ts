/**
 * The identities and idTags of a load run's charge points, from the SUT file: charge point number n (1 to
 * --charge-points, across all shards) gets the n-th list entry, or the pattern with {n} filled in. A worker thread
 * receives only its own part (`IdentitySource`), so a list of 10,000 ids is not copied to every thread.
 */
import { ConfigError } from '../reporting/errors';
import type { Identities, SutConfig } from '../sut/sut-config';
import type { Block } from './shard';

/** What a worker needs to name its charge points: a pattern, or the list entries of its block. */
export type IdentitySource =
  | { readonly pattern: string }
  | { readonly list: readonly string[]; readonly first: number };

/** The value for charge point number `n`. */
export function nameFor(source: IdentitySource, n: number): string {
  if ('pattern' in source) return source.pattern.replace(/\{n\}/g, String(n));
  const name = source.list[n - source.first];
  if (name === undefined) throw new RangeError(`charge point ${n} is outside this worker's block`);
  return name;
}

/** The part of `identities` a block of charge points needs. */
export function sourceFor(identities: Identities, block: Block): IdentitySource {
  if ('pattern' in identities) return { pattern: identities.pattern };
  return { list: identities.slice(block.first - 1, block.first - 1 + block.size), first: block.first };
}

/** The identity source of the run, checked; {worker} is the shard number and {scenario} "load". */
export function chargePointIdentities(sut: SutConfig, total: number, shardIndex: number): Identities {
  const declared = sut.load.chargePoints ?? sut.centralSystem?.chargePoints.accepted;
  const where = sut.load.chargePoints ? '/load/chargePoints' : '/centralSystem/chargePoints/accepted';
  if (!declared) throw new ConfigError(`the SUT file ${sut.file} declares neither /load/chargePoints nor /centralSystem/chargePoints/accepted: the load run has no charge point ids`);
  if ('pattern' in declared) {
    if (!declared.pattern.includes('{n}')) throw new ConfigError(`the SUT file ${sut.file} has ${where} = "${declared.pattern}", which lacks {n}: every charge point needs its own id`);
    return { pattern: declared.pattern.replace(/\{worker\}/g, String(shardIndex)).replace(/\{scenario\}/g, 'load') };
  }
  if (declared.length < total) throw new ConfigError(`the SUT file ${sut.file} lists ${declared.length} identities in ${where}, fewer than the ${total} charge points asked for`);
  return declared;
}

/** Default idTags of a reference SUT: the harness registers them with the reference it starts. */
export const REFERENCE_ID_TAGS = { pattern: 'LOAD-{n}' } as const;

/** The idTag source of the sessions profile, checked (IdToken is at most 20 characters, OCPP 1.6 §7.28). */
export function sessionIdTags(sut: SutConfig, total: number): Identities {
  const declared = sut.load.idTags ?? (sut.reference ? REFERENCE_ID_TAGS : undefined);
  if (!declared) throw new ConfigError(`the sessions profile needs one idTag per charge point, but the SUT file ${sut.file} has no /load/idTags`);
  if ('pattern' in declared) {
    if (!declared.pattern.includes('{n}')) throw new ConfigError(`the SUT file ${sut.file} has /load/idTags = "${declared.pattern}", which lacks {n}: every charge point needs its own idTag`);
    const longest = declared.pattern.replace(/\{n\}/g, String(total));
    if (longest.length > 20) throw new ConfigError(`the SUT file ${sut.file} has /load/idTags = "${declared.pattern}", which gives "${longest}", longer than the 20 characters of an IdToken`);
    return declared;
  }
  if (declared.length < total) throw new ConfigError(`the SUT file ${sut.file} lists ${declared.length} idTags in /load/idTags, fewer than the ${total} charge points asked for`);
  return declared;
}
