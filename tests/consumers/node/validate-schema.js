// Validates a canonical JSON export against the committed JSON Schema with ajv; prints the errors and exits 1 when invalid.
// Usage: node validate-schema.js SCHEMA FILE [REFERENCED_SCHEMA...] (schemas SCHEMA refers to by their $id)
'use strict';
const fs = require('fs');
const Ajv2020 = require('ajv/dist/2020');

const schema = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const data = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
for (const referenced of process.argv.slice(4)) {
  ajv.addSchema(JSON.parse(fs.readFileSync(referenced, 'utf8')));
}
const validate = ajv.compile(schema);
if (!validate(data)) {
  process.stdout.write(JSON.stringify(validate.errors, null, 2));
  process.exit(1);
}
process.stdout.write('valid');
