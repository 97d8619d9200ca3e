// data/export.schema.json describes what the sample export (and anything the data team
// writes by hand) looks like; the shipped sample must satisfy it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const schema = JSON.parse(readFileSync(path.join(root, 'data/export.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true }).compile(schema);

test('the sample export satisfies the export schema', () => {
  const sample = JSON.parse(readFileSync(path.join(root, 'data/articles.json'), 'utf8'));
  assert.ok(validate(sample), JSON.stringify(validate.errors, null, 1));
});

test('the schema refuses what the importer would report as an error', () => {
  const good = { id: 1, title: '제목', published_at: '2024-01-01 09:00' };
  assert.ok(validate({ articles: [good] }));
  assert.ok(!validate({ articles: [{ ...good, id: -3 }] }), 'negative id');
  assert.ok(!validate({ articles: [{ ...good, views: -5 }] }), 'negative views');
  assert.ok(!validate({ articles: [{ title: '아이디 없음', published_at: '2024-01-01' }] }), 'missing id');
  assert.ok(!validate({ articles: [{ ...good, title: '' }] }), 'empty title');
  assert.ok(!validate({ board: {} }), 'no articles');
});
