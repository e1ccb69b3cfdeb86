"""Security primitives below the workflow layer: token validation for single
sign-on (``jwt_auth``), the identities carepath acts as without a login
(``identity``), PHI at rest (file modes, checkpoint encryption), signed audit
anchors, group commit of audit writes and the agent tool guard. Each module
is small and named after what it protects; none imports the workflow
service, the access policy (``carepath.access``) or the web layer, so the
service can use them without an import cycle."""
