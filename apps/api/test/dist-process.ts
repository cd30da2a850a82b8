import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const DIST = join(__dirname, '..', '..', '..', 'dist', 'apps', 'api');

/** The built entry point; the test runner (npm test) builds it before the integration tests. */
export function distEntry(name: 'main' | 'worker' | 'migrate'): string {
  const file = join(DIST, `${name}.js`);
  if (!existsSync(file))
    throw new Error(
      `${file} is missing: run "npx nx build api" first (npm test does it).`,
    );
  return file;
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a built entry point to its end (or kills it after timeoutMs). */
export function runEntry(
  name: 'main' | 'worker' | 'migrate',
  env: Record<string, string>,
  timeoutMs = 20000,
): Promise<Finished> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [distEntry(name)], {
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Starts a built entry point and resolves once a line of its output matches `ready`. */
export function startEntry(
  name: 'main' | 'worker',
  env: Record<string, string>,
  ready: RegExp,
  timeoutMs = 20000,
): Promise<{
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [distEntry(name)], {
      env: { ...process.env, ...env },
    });
    let output = '';
    const exited = new Promise<number | null>((r) =>
      child.on('exit', (code) => r(code)),
    );
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `${name} did not print ${ready} within ${timeoutMs} ms; output:\n${output}`,
        ),
      );
    }, timeoutMs);
    const onData = (d: Buffer) => {
      output += d.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve({ child, output: () => output, exited });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(
        new Error(
          `${name} exited with code ${code} before it was ready; output:\n${output}`,
        ),
      );
    });
  });
}
