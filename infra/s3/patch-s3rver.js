// s3rver 3.7.1 answers ListObjects, ListBuckets and CopyObject with the XML namespace
// "http://doc.s3.amazonaws.com/2006-03-01/" instead of S3's "http://s3.amazonaws.com/doc/2006-03-01/".
// The MinIO .NET client matches on the namespace and then sees an empty listing. Real S3 and MinIO use the
// right one; this rewrites s3rver's four occurrences after `npm ci` (run as the postinstall script).
'use strict';
const fs = require('fs');
const path = require('path');
const dir = path.join(__dirname, 'node_modules', 's3rver', 'lib', 'controllers');
let patched = 0;
for (const file of ['bucket.js', 'object.js', 'service.js']) {
  const p = path.join(dir, file);
  const before = fs.readFileSync(p, 'utf8');
  const after = before.split('http://doc.s3.amazonaws.com/2006-03-01/').join('http://s3.amazonaws.com/doc/2006-03-01/');
  if (after !== before) {
    fs.writeFileSync(p, after);
    patched++;
  }
}
console.log(`patch-s3rver: namespace fixed in ${patched} file(s)`);
