import { describe, expect, it } from 'vitest';
import { uploadCost, uploadCostText } from '../../../renderer/pages/import-export/upload-cost';

describe('what uploading an import costs, shown before it is applied', () => {
  it('50,000 changed items are 500 bulk requests, about 4 minutes at 2 requests a second', () => {
    expect(uploadCost({ new: 0, changed: 50_000, deleted: 0 })).toEqual({ requests: 500, seconds: 250 });
    expect(uploadCostText({ new: 0, changed: 50_000, deleted: 0 })).toBe(
      'Uploading sends 50,000 items in 500 requests, about 4 min at 2 requests a second. These requests count against your plan.',
    );
  });

  it('new, changed and deleted items go in batches of their own, each rounded up', () => {
    expect(uploadCost({ new: 101, changed: 1, deleted: 100 }).requests).toBe(2 + 1 + 1);
    expect(uploadCost({ new: 0, changed: 0, deleted: 0 })).toEqual({ requests: 0, seconds: 0 });
  });

  it('a small import says one request and a few seconds', () => {
    expect(uploadCostText({ new: 2, changed: 1, deleted: 0 })).toBe(
      'Uploading sends 3 items in 2 requests, about 1 s at 2 requests a second. These requests count against your plan.',
    );
  });
});
