"""``carepath audit verify | keygen``: check the hash-chained audit log and its
signed anchors; create or rotate the anchor signing key."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from carepath.security.anchors import default_key_path, generate_key
from carepath.workflows.audit import AuditLog, anchors_path_for, default_log_path, verify

EXIT_BROKEN = 1


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="Inspect and verify the append-only audit trail.",
                        no_args_is_help=True)

    @group.command("verify")
    def verify_cmd(
        log: Annotated[Path | None, typer.Argument(
            help="audit log (default: <state_dir>/audit/audit.jsonl)")] = None,
        expected_head: Annotated[str | None, typer.Option(
            "--expected-head", help="hash the chain must end at (detects a truncated tail)")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="print the result as JSON")] = False,
        anchors: Annotated[Path | None, typer.Option(
            "--anchors", help="signed anchor file (default: security.audit_anchor_file or <log>.anchors)")] = None,
        public_key: Annotated[list[Path] | None, typer.Option(
            "--public-key", help="trust only these Ed25519 public keys (PEM; repeatable)")] = None,
    ) -> int:
        """Exit 0 when every record is intact and every signed anchor matches
        the chain; otherwise name the first bad line or anchor."""
        path = log if log is not None else default_log_path()
        result = verify(path, expected_head=expected_head,
                        anchors=anchors or anchors_path_for(path), public_keys=public_key or None)
        if as_json:
            typer.echo(result.model_dump_json(indent=2))
        elif result.ok:
            typer.echo(f"ok: {result.records} records intact in {path}"
                       + (f" (head {result.head_hash})" if result.head_hash else "")
                       + (f"; {result.anchors} signed anchors match, the last at record "
                          f"{result.anchored_seq}" if result.anchors else ""))
            if result.warning:
                typer.echo(f"warning: {result.warning}", err=True)
        else:
            typer.echo(f"audit log broken at line {result.first_bad_line} "
                       f"(seq {result.first_bad_seq}): {result.reason}; "
                       f"{result.records} records before it are intact ({path})", err=True)
        if not result.ok:
            raise typer.Exit(EXIT_BROKEN)
        return 0

    @group.command("keygen")
    def keygen_cmd(
        out: Annotated[Path | None, typer.Option(
            "--out", help="private key path (default: security.audit_key_file or "
                          "<state_dir>/keys/audit-ed25519.pem)")] = None,
        rotate: Annotated[bool, typer.Option(
            "--rotate", help="replace an existing key; its public key is kept so old anchors verify")] = False,
    ) -> int:
        """Create (or rotate) the Ed25519 key that signs audit anchors, 0600,
        and anchor the current log head with it."""
        log = AuditLog()
        if rotate:
            log.anchor("rotate")   # the old key vouches for everything up to now
        info = generate_key(out, rotate=rotate)
        typer.echo(f"key {info.key_id}: private {info.private_key} (0600), public {info.public_key}"
                   + (f"; retired public key kept as {info.retired_public_key}"
                      if info.retired_public_key else ""))
        if out is None or out == default_key_path():
            log.anchor("rotate" if rotate else "manual")
        return 0

    app.add_typer(group, name="audit")

