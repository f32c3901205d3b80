import { describe, expect, it } from 'vitest';
import { codeFingerprint, rendererFingerprint, sourceFingerprint } from './fingerprint.ts';

describe('fingerprints', () => {
  it('name the code and the facts they are made from', () => {
    expect(sourceFingerprint()).toMatch(/^[0-9a-f]{16}$/);
    expect(rendererFingerprint()).toMatch(/^[0-9a-f]{16}$/);
    expect(sourceFingerprint()).not.toBe(rendererFingerprint());
    expect(codeFingerprint(['markdown'], ['1'])).toBe(codeFingerprint(['markdown'], ['1']));
    expect(codeFingerprint(['markdown'], ['1'])).not.toBe(codeFingerprint(['markdown'], ['2']));
    expect(codeFingerprint(['markdown'], ['1'])).not.toBe(codeFingerprint(['editions'], ['1']));
  });
});
