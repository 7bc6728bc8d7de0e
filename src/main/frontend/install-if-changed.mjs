// Runs `npm ci` unless node_modules was already installed from this very package-lock.json.
// Maven calls it in generate-resources (see pom.xml), so a fresh clone installs the front-end
// packages and a repeated build does not reinstall them (npm ci always starts from scratch).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const LOCK = 'package-lock.json';
const STAMP = 'node_modules/.installed-from-package-lock.json';

const lock = readFileSync(LOCK, 'utf8');
if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === lock) {
  console.log(`node_modules is up to date with ${LOCK}`);
  process.exit(0);
}

const windows = process.platform === 'win32';
const npm = spawnSync(windows ? 'npm.cmd' : 'npm', ['ci'], { stdio: 'inherit', shell: windows });
if (npm.status !== 0) {
  console.error(npm.error ? `npm could not be run: ${npm.error.message}` : `npm ci failed (${npm.status})`);
  process.exit(npm.status || 1);
}
writeFileSync(STAMP, lock);
