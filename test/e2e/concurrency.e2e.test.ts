/**
 * Zapier may run several steps of one connection at once. When their token expires together,
 * each renews on its own: the renewals race. Both new tokens must work, nothing may loop, and no
 * step may fail for it.
 */
import { ZapRunner } from '../../bin/zap-runner.js';
import { useSandbox } from './sandbox-harness.js';

const context = useSandbox();

describe('e2e: renewals that race', () => {
  it('lets every step renew at once: all succeed, each renews once, and every token issued works', async () => {
    const connected = context.runner();
    await connected.connect();
    context.sandbox.clock.advance(25 * 3600);
    context.sandbox.log.reset();

    // Five steps of the same connection, each with its own copy of the stored (expired) auth data.
    const steps = Array.from({ length: 5 }, () => new ZapRunner(context.App, { ...connected.authData }));
    const results = await Promise.all(steps.map((step) => step.run<unknown[]>('triggers', 'new_client')));

    expect(results.every((result) => result.renewed && result.result.length > 0)).toBe(true);
    expect(steps.map((step) => step.renewals)).toEqual([1, 1, 1, 1, 1]);
    // One exchange per step, never more: no step renewed in a loop.
    expect(context.sandbox.log.count('POST', '/oauth/token')).toBe(5);
    const tokens = new Set(steps.map((step) => step.authData['access_token']));
    expect(tokens.size).toBe(5);

    // Whichever renewal Zapier keeps, its token goes on working; none is revoked by another.
    context.sandbox.log.reset();
    const again = await Promise.all(steps.map((step) => step.run<unknown[]>('triggers', 'new_client')));
    expect(again.every((result) => !result.renewed)).toBe(true);
    expect(context.sandbox.log.count('POST', '/oauth/token')).toBe(0);
  });

  it('keeps working when an older token from a race is the one stored', async () => {
    const first = context.runner();
    await first.connect();
    const second = new ZapRunner(context.App, { ...first.authData });
    await second.renew();
    // The first connection's token was issued before the second's: both are live.
    const older = await first.run<unknown[]>('triggers', 'new_client');
    const newer = await second.run<unknown[]>('triggers', 'new_client');
    expect(older.renewed).toBe(false);
    expect(newer.renewed).toBe(false);
  });
});
