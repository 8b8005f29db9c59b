#!/usr/bin/env node
// The yardstick of issue 11: the JavaScript NLP library compromise finding people, places and
// organisations in the same plain text Graphwright ingests, on one core.
// Setup (npm registry): mkdir -p /tmp/cmp && cd /tmp/cmp && npm install compromise@14
// Usage: NODE_PATH=/tmp/cmp/node_modules node scripts/compromise-baseline.mjs FOLDER
// Prints words, seconds, words/s and entity counts as one JSON line.
import { createRequire } from 'module';
import fs from 'fs';
import path from 'path';

const require = createRequire(path.join(process.env.NODE_PATH || '/tmp/cmp/node_modules', 'x.js'));
const nlp = require('compromise');

function files(dir) {
    const out = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) out.push(...files(full));
        else if (/\.(txt|md)$/i.test(entry.name)) out.push(full);
    }
    return out.sort();
}

const folder = process.argv[2];
if (!folder) {
    console.error('usage: compromise-baseline.mjs FOLDER');
    process.exit(1);
}
let words = 0, people = 0, places = 0, organisations = 0;
const start = process.hrtime.bigint();
for (const file of files(folder)) {
    // Paragraphs, as compromise slows down on whole books in one piece.
    for (const paragraph of fs.readFileSync(file, 'utf8').split(/\n\s*\n/)) {
        if (!paragraph.trim()) continue;
        words += paragraph.split(/\s+/).filter(Boolean).length;
        const doc = nlp(paragraph);
        people += doc.people().length;
        places += doc.places().length;
        organisations += doc.organizations().length;
    }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ words, seconds, words_per_second: Math.round(words / seconds), people, places, organisations }));
