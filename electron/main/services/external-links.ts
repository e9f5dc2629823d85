import { AppFailure } from '../../../shared/ipc/result';
import { isSafeExternalUrl } from '../security/web-security';

/** Opens a link in the user's browser after checking it; the renderer cannot open anything else. */
export async function openExternalLink(url: string, openExternal: (url: string) => Promise<void>): Promise<{ opened: boolean }> {
  if (!isSafeExternalUrl(url)) {
    throw new AppFailure('NOT_ALLOWED', `Only http(s) links without embedded credentials can be opened: ${JSON.stringify(url.slice(0, 200))}.`);
  }
  await openExternal(url);
  return { opened: true };
}
