/**
 * Two Zap runs that find nothing for the same values must not both create: every Create or Update
 * step and the create of every Find or Create pair take Zapier's lock, keyed on the values they
 * match by and scoped to the connection, and the two steps of one resource share the key.
 */
import App from '../../src/index.js';

interface Lock {
  key: string;
  scope?: string[];
  timeout?: number;
}
interface Step {
  operation: { lock?: Lock };
}

const creates = App.creates as unknown as Record<string, Step>;
const pairs = Object.values(App.searchOrCreates ?? {}) as { key: string; create: string }[];

describe('locks against twins', () => {
  it.each(pairs.map((pair) => [pair.create, `upsert_${pair.create.replace(/^create_/, '')}`] as const))(
    '%s and %s lock on the same key, per connection, for longer than a step runs',
    (createKey, upsertKey) => {
      const create = creates[createKey]?.operation.lock;
      const upsert = creates[upsertKey]?.operation.lock;
      expect(create).toEqual(upsert);
      expect(create?.scope).toEqual(['auth']);
      expect(create?.timeout).toBeGreaterThan(30);
      expect(create?.key).toMatch(/^[a-z-]+:(\{\{bundle\.inputData\.[a-z_]+\}\}\|?)+$/);
    },
  );

  it('locks a product on its SKU and name, as Create or Update Product matches it', () => {
    expect(creates['upsert_product']?.operation.lock?.key).toBe('products:{{bundle.inputData.sku}}|{{bundle.inputData.name}}');
    expect(creates['upsert_project']?.operation.lock?.key).toBe(
      'projects:{{bundle.inputData.project_name}}|{{bundle.inputData.client_id}}',
    );
  });

  it('leaves the other creates unlocked: they match nothing, so there is no twin to avoid', () => {
    const paired = new Set(pairs.flatMap((pair) => [pair.create, `upsert_${pair.create.replace(/^create_/, '')}`]));
    const locked = Object.entries(creates).filter(([key, step]) => step.operation.lock && !paired.has(key));
    expect(locked.map(([key]) => key)).toEqual([]);
  });
});
