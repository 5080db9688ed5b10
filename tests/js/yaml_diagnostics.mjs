// What VS Code's YAML extension shows for each file: yaml-language-server's own validation, as the
// editor runs it. Reads {"files": [{"path": ..., "schema": ... or null}]} on stdin; a file without
// a schema finds its schema through its `# yaml-language-server: $schema=...` line, read from disk.
// Prints {path: [{line, column, severity, source, message}]} with 1-based lines and columns.
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { TextDocument } from "vscode-languageserver-textdocument";
import { getLanguageService } from "yaml-language-server";

const request = JSON.parse(readFileSync(0, "utf8"));
const service = getLanguageService({
  schemaRequestService: async (uri) => readFileSync(fileURLToPath(uri), "utf8"),
  workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).href },
});
const schemas = request.files
  .filter((file) => file.schema)
  .map((file) => ({ uri: pathToFileURL(file.schema).href, fileMatch: [file.path] }));
service.configure({ validate: true, completion: false, hover: false, schemas, yamlVersion: "1.2" });

const result = {};
for (const file of request.files) {
  const uri = pathToFileURL(file.path).href;
  const document = TextDocument.create(uri, "yaml", 1, readFileSync(file.path, "utf8"));
  const diagnostics = await service.doValidation(document, false);
  result[file.path] = diagnostics.map((diagnostic) => ({
    line: diagnostic.range.start.line + 1,
    column: diagnostic.range.start.character + 1,
    severity: diagnostic.severity,
    source: diagnostic.source ?? "",
    message: diagnostic.message,
  }));
}
process.stdout.write(JSON.stringify(result));
