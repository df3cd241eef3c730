/**
 * nock for one test file. Jest loads a fresh nock per file while the http patch of the previous
 * file's nock stays in place, so each file activates its own and restores it when done.
 */
import { afterAll, afterEach, beforeAll } from '@jest/globals';
import nock from 'nock';

export const useNock = (): void => {
  beforeAll(() => {
    if (!nock.isActive()) nock.activate();
    nock.disableNetConnect();
  });
  afterEach(() => {
    nock.cleanAll();
  });
  afterAll(() => {
    nock.enableNetConnect();
    nock.restore();
  });
};
