// Why an action is unavailable, for disabled buttons and their tooltips: the profile's safety settings
// first, then what main's tenancy guards answered ahead for the request the button would make
// (tenancy:decisions). Main checks both again; this only spares the user a refused request.
import { isActionAllowed, type ConnectionProfile, type ProfileAction } from '../../../../shared/domain/profile/profile-schema';

/**
 * The requests the topic's buttons make, by dialog. Clone and re-produce are asked without their target
 * (not known yet): main answers for the source alone, and checks the target when the request is made.
 */
export const topicRequests = {
  clone: 'topics:clone',
  reproduce: 'messages:reproduce',
  produce: 'messages:produce',
  'produce-file': 'messages:produce-file',
  config: 'topics:alter-config',
  partitions: 'topics:add-partitions',
  purge: 'topics:purge',
  delete: 'topics:delete',
  browse: 'messages:browse',
  export: 'messages:export',
} as const;
export type TopicRequest = (typeof topicRequests)[keyof typeof topicRequests];

export type TopicPermissions = (action: ProfileAction, request?: TopicRequest) => string | null;
/** Main's refusal for a request on the open topic, or null when main would allow it (or has not answered yet). */
export type TopicDecisions = (request: TopicRequest) => string | null;

export function topicPermissions(profile: Pick<ConnectionProfile, 'name' | 'safety'> | undefined, decisions?: TopicDecisions): TopicPermissions {
  return (action, request) => {
    if (!profile) return 'Loading the profile…';
    if (!isActionAllowed(profile, action)) return profile.safety.readOnly ? `Profile '${profile.name}' is read-only.` : `Profile '${profile.name}' does not allow '${action}'.`;
    return request && decisions ? decisions(request) : null;
  };
}

/** What is asked ahead for each request on one topic: the input fields its guard reads that are known now. */
export function topicAsks(topic: string): Array<{ id: TopicRequest; request: TopicRequest; input: Record<string, unknown> }> {
  return Object.values(topicRequests).map((request) => ({
    id: request,
    request,
    input: request === 'topics:clone' ? { source: topic } : request === 'messages:reproduce' ? { source: { topic } } : { topic },
  }));
}

/** A dialog's request, for `TopicPermissions`. */
export function requestOf(dialog: string): TopicRequest | undefined {
  return (topicRequests as Record<string, TopicRequest>)[dialog];
}
