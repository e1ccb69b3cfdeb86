"""Questions over one patient's whole FHIR record: the manifest of what the
record holds, the shape and target of a question, and the cited answer."""
