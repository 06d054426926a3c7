import fs from 'node:fs';
import path from 'node:path';

/**
 * Where the WordPress 6.1 export the import is tested on is. It is not part of this repository: it
 * lives in the `shared` folder beside the checkout (`../shared/fixtures/`), or where
 * WORDPRESS_FIXTURE says.
 */
export function wordpressFixturePath(): string {
  const file = process.env.WORDPRESS_FIXTURE || path.resolve(import.meta.dirname, '../../shared/fixtures/wordpress-export.xml');
  if (!fs.existsSync(file)) {
    throw new Error(`The WordPress export fixture is not at ${file}: check out the project beside the shared folder, or set WORDPRESS_FIXTURE to its path.`);
  }
  return file;
}

export const readWordpressFixture = () => fs.readFileSync(wordpressFixturePath());
