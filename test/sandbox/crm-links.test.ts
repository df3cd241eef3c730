import { SEED, type Sandbox } from '../../sandbox/index.js';
import { SLUG, call, one, useAdminSession } from './sandbox-client.js';

let sandbox: Sandbox;
let token: string;
useAdminSession((started, admin) => {
  sandbox = started;
  token = admin;
});

const project = async (id: string) => one(await call(sandbox, 'GET', `/${SLUG}/v1/projects/${id}`, { token }));

describe('linking projects from an opportunity', () => {
  it("moves the project's updated-at when its opportunity changes, and not when it stays", async () => {
    const id = SEED.projects.fourthCoffeeWifi;
    const before = await project(id);
    sandbox.clock.advance(60);
    const link = (projects: string[]) =>
      call(sandbox, 'PATCH', `/${SLUG}/v1/crm-opportunities/${SEED.crmOpportunities.contosoM365}`, {
        token,
        body: {
          data: {
            type: 'crm-opportunities',
            id: SEED.crmOpportunities.contosoM365,
            attributes: {},
            relationships: { projects: { data: projects.map((linked) => ({ type: 'projects', id: linked })) } },
          },
        },
      });
    await link([id]);
    const linked = await project(id);
    expect(linked.relationships['crm-opportunity']?.data).toEqual({ type: 'crm-opportunities', id: SEED.crmOpportunities.contosoM365 });
    expect(linked.attributes['updated-at']).not.toBe(before.attributes['updated-at']);
    sandbox.clock.advance(60);
    await link([id]);
    expect((await project(id)).attributes['updated-at']).toBe(linked.attributes['updated-at']);
    sandbox.clock.advance(60);
    await call(sandbox, 'DELETE', `/${SLUG}/v1/crm-opportunities/${SEED.crmOpportunities.contosoM365}`, { token });
    const unlinked = await project(id);
    expect(unlinked.relationships['crm-opportunity']?.data).toBeNull();
    expect(unlinked.attributes['updated-at']).not.toBe(linked.attributes['updated-at']);
  });
});
