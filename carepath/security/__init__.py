"""Security controls that are not about one request: signed audit anchors,
PHI at rest (file modes, checkpoint encryption, retention) and token
validation for single sign-on. Each module is small and named after what it
protects; none imports the web layer or the workflow service."""
