/**
 * The idTags a role knows and how it answers for them (OCPP 1.6 §7.27 IdTagInfo, §7.2 AuthorizationStatus).
 * Lookups are case-insensitive: idTags are CiString20Type (§7.15, §7.28).
 */
export type AuthorizationStatus = 'Accepted' | 'Blocked' | 'Expired' | 'Invalid' | 'ConcurrentTx';

export interface IdTagInfo {
  status: AuthorizationStatus;
  expiryDate?: string;
  parentIdTag?: string;
}

export class IdTagRegistry {
  private readonly tags = new Map<string, IdTagInfo>();

  set(idTag: string, info: IdTagInfo): this {
    this.tags.set(idTag.toLowerCase(), { ...info });
    return this;
  }

  /** The IdTagInfo for a tag; unknown tags are Invalid (§7.2). */
  info(idTag: string): IdTagInfo {
    return { ...(this.tags.get(idTag.toLowerCase()) ?? { status: 'Invalid' }) };
  }

  has(idTag: string): boolean {
    return this.tags.has(idTag.toLowerCase());
  }
}
