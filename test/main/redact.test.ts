import { describe, expect, it } from 'vitest';
import { forgetSecret, redactSecrets, registerSecret } from '../../main/redact';

describe('redactSecrets', () => {
  it('removes a registered API key and its token part wherever they appear', () => {
    registerSecret('eu1-0123456789abcdef0123456789abcdef01234567');
    const text = 'key eu1-0123456789abcdef0123456789abcdef01234567 token 0123456789abcdef0123456789abcdef01234567';
    expect(redactSecrets(text)).toBe('key [redacted] token [redacted]');
    forgetSecret('eu1-0123456789abcdef0123456789abcdef01234567');
  });

  it('removes Authorization headers and key-shaped strings it was never told about', () => {
    expect(redactSecrets('Authorization: Token d8fdeab7fce96a19d3fc7b0ca7a1e98b')).toBe('Authorization: [redacted]');
    expect(redactSecrets('{"authorization":"Bearer abc.def.ghi"}')).toBe('{"authorization":"[redacted]"}');
    expect(redactSecrets('sent Token d8fdeab7fce96a19d3fc7b0ca7a1e98b to the API')).toBe(
      'sent Token [redacted] to the API',
    );
    expect(redactSecrets('bad key us1-ab46030xza33960aac71a10248489b6c26172f07!')).toBe('bad key [redacted]!');
    expect(redactSecrets('open http://127.0.0.1:5/?token=abcdef&x=1')).toBe(
      'open http://127.0.0.1:5/?token=[redacted]&x=1',
    );
  });

  it('leaves ordinary text alone', () => {
    const text = 'Item 1234 failed: price must be a number (line 12, column "price")';
    expect(redactSecrets(text)).toBe(text);
  });
});
