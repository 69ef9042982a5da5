// Renders a Markdown file to HTML with markdown-it in its CommonMark preset (raw HTML allowed, as CommonMark allows it).
// Usage: node render-markdown.js FILE
'use strict';
const fs = require('fs');
const MarkdownIt = require('markdown-it');

process.stdout.write(new MarkdownIt('commonmark').render(fs.readFileSync(process.argv[2], 'utf8')));
