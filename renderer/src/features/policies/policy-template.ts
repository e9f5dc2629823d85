// The text a new policy file starts from: Kpow's two default tenants spelled out, with comments that
// say what to change, so a first save already gives the same views Kpow shows with no tenants.
export const NEW_POLICY_FILE_NAME = 'rbac.yaml';

export const newPolicyTemplate = `# Kpow-compatible RBAC and tenancy file: the same file can drive Kpow and Odradek.
# Tenants restrict which Kafka resources a role sees. Resource paths:
#   ["*"], ["cluster", ID], ["cluster", ID, "topic" | "group" | "broker" | "principal", NAME],
#   ["schema", ID, "subject", NAME], ["connect", ID, "connector", NAME],
#   ["ksqldb", ID, "ksqldb-source" | "ksqldb-query", NAME]
# ID is a cluster id or profile name, or "*"; NAME is exact, a prefix (tx-*), a suffix (*-dlq) or "*".
# Evaluation: includes, then topics consumed by included groups (inferred), then excludes.
tenants:
  # Everything Odradek can see.
  - name: "Global"
    description: "All configured Kafka resources."
    resources:
      - include:
          - ["*"]
    roles:
      - "*"
  # Everything except Kafka's and Kpow's internal topics and groups.
  - name: "Kpow Hidden"
    description: "All configured Kafka resources except internal Kpow resources and __consumer_offsets."
    resources:
      - include:
          - ["*"]
      - exclude:
          - ["cluster", "*", "topic", "oprtr*"]
          - ["cluster", "*", "topic", "__oprtr*"]
          - ["cluster", "*", "topic", "__consumer_offsets"]
          - ["cluster", "*", "group", "oprtr*"]
    presentation_mode: DEFAULT   # or HIDE_RESOURCES: hide empty Schema/Connect/ksqlDB sections
    roles:
      - "*"
`;
