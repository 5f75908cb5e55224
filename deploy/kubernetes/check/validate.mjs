// Validates every object of a rendered manifest (kubectl kustomize ... | node validate.mjs) against
// the Kubernetes API schemas of the kubernetes-models package, offline: required fields, types,
// enumerations and formats. Prints one JSON line per object; exits 1 when any object fails.
// Objects of the operators' own API groups (CloudNativePG, RabbitMQ) have no schema here: they are
// reported as "custom" and checked only for a name and a spec.
import { parseAllDocuments } from "yaml";

const custom = new Set(["postgresql.cnpg.io/v1", "rabbitmq.com/v1beta1"]);
const input = await new Promise((resolve) => {
  let text = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (chunk) => (text += chunk));
  process.stdin.on("end", () => resolve(text));
});

let failed = false;
for (const document of parseAllDocuments(input)) {
  if (document.errors.length > 0) {
    throw new Error(`not YAML: ${document.errors[0].message}`);
  }
  const object = document.toJS();
  if (object === null) continue;
  const { apiVersion, kind } = object;
  const name = object.metadata?.name;
  const result = { apiVersion, kind, name, schema: "kubernetes", errors: [] };
  if (custom.has(apiVersion)) {
    result.schema = "custom";
    if (!name) result.errors.push("metadata.name is missing");
    if (typeof object.spec !== "object") result.errors.push("spec is missing");
  } else {
    let model;
    try {
      const module = await import(`kubernetes-models/${apiVersion}`);
      model = module[kind];
    } catch {
      model = undefined;
    }
    if (!model) {
      result.errors.push(`no schema for ${apiVersion} ${kind}`);
    } else {
      try {
        new model(object).validate();
      } catch (error) {
        result.errors.push(error.message);
      }
    }
  }
  failed ||= result.errors.length > 0;
  console.log(JSON.stringify({ ...result, object }));
}
process.exit(failed ? 1 : 0);
