// Why an action is unavailable, for disabled buttons and their tooltips: the profile's safety settings
// first, then what main's tenancy guards answered ahead for the request the button would make
// (tenancy:decisions). Main checks both again; this only spares the user a refused request.
import { isActionAllowed, type ConnectionProfile, type ProfileAction } from '../../../../shared/domain/profile/profile-schema';

/** The requests the topic panel's buttons make, by dialog; clone is left out (its new name is not known yet). */
export const topicRequests = {
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

/** A dialog's request, for `TopicPermissions`. */
export function requestOf(dialog: string): TopicRequest | undefined {
  return (topicRequests as Record<string, TopicRequest>)[dialog];
}
