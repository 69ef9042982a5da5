// Loads a Cytoscape.js elements export headless and prints what Cytoscape saw, for the .NET tests to check.
// Usage: node load-cytoscape.js FILE
'use strict';
const fs = require('fs');
const cytoscape = require('cytoscape');

const data = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const cy = cytoscape({ headless: true, elements: data.elements });
const summary = {
  nodes: cy.nodes().length,
  edges: cy.edges().length,
  kinds: Object.fromEntries(cy.nodes().map(n => [n.id(), n.data('kind')])),
  labels: Object.fromEntries(cy.nodes().map(n => [n.id(), n.data('label')])),
  ties: cy.edges().map(e => ({ id: e.id(), source: e.source().id(), target: e.target().id(), type: e.data('type'), since: e.data('since') ?? null })),
};
process.stdout.write(JSON.stringify(summary));
