/** Placeholder until the follow-ups page lands (being built now). */
export function FollowupsPage() {
  return null;
}
