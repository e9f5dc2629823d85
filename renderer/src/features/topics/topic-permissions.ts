// Why an action is unavailable on this profile, for disabled buttons and their tooltips. Main checks
// the same rules again; this only spares the user a refused request.
import { isActionAllowed, type ConnectionProfile, type ProfileAction } from '../../../../shared/domain/profile/profile-schema';

export type TopicPermissions = (action: ProfileAction) => string | null;

export function topicPermissions(profile: Pick<ConnectionProfile, 'name' | 'safety'> | undefined): TopicPermissions {
  return (action) => {
    if (!profile) return 'Loading the profile…';
    if (isActionAllowed(profile, action)) return null;
    return profile.safety.readOnly ? `Profile '${profile.name}' is read-only.` : `Profile '${profile.name}' does not allow '${action}'.`;
  };
}
