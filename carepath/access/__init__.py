"""Access to patient data: who may list, read, export, sign or amend which
thread (``policy``), the audit of every such read (``access_audit``, IHE BALP
events), and how the CLI on a shared host is held to the same rules
(``local_access``). This layer sits above the workflow service: it decides on
the threads the service keeps, and the web, CLI and agent front ends ask it
before they act."""
