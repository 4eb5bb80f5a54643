/**
 * The tester's own shopper session for tracking events. Cart endpoints key the cart by hashid
 * and session id (search-api-v5.md "Registering cart items"); the visit endpoint caps
 * `session_id` at 32 characters (stats-api-v2-visit.md), so it is 32 hex digits.
 */
export function newSessionId(
  random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (bytes) => crypto.getRandomValues(bytes),
): string {
  const bytes = random(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
