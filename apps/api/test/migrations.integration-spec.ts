import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

describe('migrations', () => {
  it('match the entities: generating a migration against the freshly migrated test database finds nothing', () => {
    const result = spawnSync(
      process.execPath,
      [join(root, 'tools', 'db', 'migration.mjs'), 'check'],
      {
        cwd: root,
        env: { ...process.env },
        encoding: 'utf8',
        timeout: 60000,
      },
    );
    const output = `${result.stdout}${result.stderr}`;
    expect(output).toMatch(/No changes in database schema were found/);
    expect(result.status).toBe(0);
  }, 70000);
});
