"""The audit trail: an append-only, hash-chained JSON-lines log of every step.

Each line is one ``AuditRecord`` in canonical JSON (sorted keys, no
whitespace, UTF-8). ``hash`` is the SHA-256 of the canonical JSON of the
record *without* ``hash`` — which includes ``prev_hash``, the previous line's
hash (64 zeros for the first) — so editing, deleting, inserting or reordering
any line breaks the chain at that line, and ``verify`` names it.
Truncating the *tail* leaves a valid shorter chain, and a chain recomputed
after removing records is valid too; signed anchors (``carepath.security.
anchors``) catch both: when an Ed25519 key is set up, the head is signed into
an anchor file when the log is created, at every sign-off, every
``security.audit_anchor_every`` records and on clean shutdown
(:func:`anchor_head`), and ``verify`` checks the chain against every anchor.
Without a key, pass the head hash you exported earlier as ``expected_head``.

Appends are safe across processes: an exclusive ``flock`` on the log is held
while the last record is read and the new line is written with one
``write()`` on an ``O_APPEND`` descriptor, then fsynced.

No patient identifiers: the schema has no free-text field. Ids are opaque
tokens (thread/request keys, SHA-256 hashes, model ids, template ids) matched
by strict patterns; the only human identity allowed is the reviewer's (a staff
identity) in ``actor`` as ``reviewer:<identity>``.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator

from carepath.atomic import fsync_dir
from carepath.errors import CarepathError, InputError
from carepath.security import anchors as anchoring
from carepath.settings import get_settings

GENESIS = "0" * 64

Hex64 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Key = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_.:-]{0,63}$")]
# Opaque tokens: no whitespace, so no sentences or names-with-spaces fit.
# (A local model directory such as /models/medgemma-1.5-4b-it is a token too.)
Token = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9/.][A-Za-z0-9._:@/+=-]{0,199}$")]
ThreadId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$")]
Action = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_.:-]{0,63}$")]
Timestamp = Annotated[str, StringConstraints(
    pattern=r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$")]

_SYSTEM_ACTOR = r"^(system|(node|skill|cli|service):[a-z0-9_.-]{1,64})$"
# A staff identity: a name, login or e-mail; letters of any script allowed.
_REVIEWER = r"^(reviewer|requester):[^\x00-\x1f\x7f]{1,200}$"


class AuditError(CarepathError):
    """The audit log cannot be appended to (corrupt tail, unwritable)."""

    exit_code = 1


class AuditEntry(BaseModel):
    """What a step records. ``extra='forbid'``: nothing else can be smuggled in."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    thread_id: ThreadId
    actor: str = Field(description="system | node:<n> | skill:<n> | cli:<n> | reviewer:<staff id>")
    action: Action
    input_hashes: dict[Key, Hex64] = Field(default_factory=dict)
    model_versions: dict[Key, Token] = Field(default_factory=dict)
    prompt_versions: list[Token] = Field(default_factory=list)
    decision: Literal["approve", "edit", "reject"] | None = None
    at: Timestamp | None = Field(None, description="when the step ran, if recorded later in a batch")

    @field_validator("actor")
    @classmethod
    def _actor(cls, v: str) -> str:
        if re.match(_SYSTEM_ACTOR, v) or (re.match(_REVIEWER, v) and v.split(":", 1)[1].strip()):
            return v
        raise ValueError("actor must be 'system', 'node:<name>', 'skill:<name>', 'cli:<name>', "
                         "'service:<name>', 'reviewer:<staff identity>' or 'requester:<staff identity>'")


class AuditRecord(AuditEntry):
    seq: int = Field(ge=1)
    ts: Timestamp
    prev_hash: Hex64
    hash: Hex64

    def body(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude={"hash"})


class VerifyResult(BaseModel):
    ok: bool
    path: str
    records: int = Field(description="records verified before the first bad line (all, if ok)")
    first_bad_seq: int | None = None
    first_bad_line: int | None = None
    reason: str | None = None
    head_hash: str | None = Field(None, description="hash of the last good record")
    anchors: int = Field(0, description="signed anchors checked against the chain")
    anchored_seq: int | None = Field(None, description="the last record an anchor vouches for")
    unanchored: int = Field(0, description="records after the last anchor (chain-protected only)")
    warning: str | None = None


def canonical(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def record_hash(body: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(body)).hexdigest()


def sha256_hex(data: bytes | str) -> str:
    """Hash helper for ``input_hashes`` (text is hashed as UTF-8)."""
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def now_ts() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def default_log_path() -> Path:
    return get_settings().state_dir / "audit" / "audit.jsonl"


def anchors_path_for(log: Path) -> Path:
    """Where a log's anchors live: ``security.audit_anchor_file`` for the
    default log (so it can sit on other storage), else beside the log."""
    configured = get_settings().security.audit_anchor_file
    if configured is not None and log == default_log_path():
        return configured.expanduser()
    return log.with_name(log.name + ".anchors")


def _anchor_reason(entries: list[AuditEntry], first_seq: int, created: bool) -> anchoring.Reason | None:
    """Why this batch's head is anchored, if it is: the log was created, a
    reviewer signed (the moment that matters most), or the periodic mark was
    crossed."""
    every = get_settings().security.audit_anchor_every
    if created:
        return "created"
    if any(e.action == "sign" or e.action.startswith(("sign.", "signoff.")) for e in entries):
        return "signoff"
    if (first_seq - 1) // every != (first_seq - 1 + len(entries)) // every:
        return "periodic"
    return None


def _last_line(fd: int) -> bytes | None:
    """The last complete line of the file (without its newline), read backwards."""
    end = os.lseek(fd, 0, os.SEEK_END)
    if end == 0:
        return None
    os.lseek(fd, end - 1, os.SEEK_SET)
    if os.read(fd, 1) != b"\n":
        raise AuditError("audit log has an incomplete last line", subject="audit log",
                         why="a previous write was interrupted or the file was edited",
                         fix="run `carepath audit verify`, then restore the log from a backup")
    buf = b""
    pos = end - 1  # the final newline is excluded
    while pos > 0:
        step = min(4096, pos)
        pos -= step
        os.lseek(fd, pos, os.SEEK_SET)
        buf = os.read(fd, step) + buf
        nl = buf.rfind(b"\n")
        if nl != -1:
            return buf[nl + 1:]
    return buf


class AuditLog:
    """One JSON-lines audit log file."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *,
                 anchors: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else default_log_path()
        self.anchors = Path(anchors) if anchors is not None else anchors_path_for(self.path)

    def append(self, entry: AuditEntry | None = None, **fields: Any) -> AuditRecord:
        """Append one record; ``fields`` are ``AuditEntry`` fields when no
        entry is given. Returns the record as written."""
        try:
            entry = entry or AuditEntry(**fields)
        except ValidationError as exc:
            raise InputError("invalid audit entry", why=str(exc).splitlines()[0] + ": " +
                             "; ".join(e["msg"] for e in exc.errors()),
                             fix="record only opaque ids, hashes and versions") from None
        return self.append_many([entry])[0]

    def append_many(self, entries: list[AuditEntry]) -> list[AuditRecord]:
        """Append several records under one lock and one fsync: a workflow
        phase's steps are made durable together (they were already durable in
        the graph checkpoint), which keeps audit cost off the hot path."""
        if not entries:
            return []
        self.path.parent.mkdir(parents=True, exist_ok=True)
        created = not self.path.exists()
        out: list[AuditRecord] = []
        fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                last = _last_line(fd)
                if last is None:
                    seq, prev = 1, GENESIS
                else:
                    try:
                        tail = AuditRecord.model_validate_json(last)
                    except ValidationError:
                        raise AuditError("audit log's last record is unreadable",
                                         subject=str(self.path),
                                         why="the file was edited or corrupted",
                                         fix="run `carepath audit verify` and restore from a backup"
                                         ) from None
                    seq, prev = tail.seq + 1, tail.hash
                lines: list[bytes] = []
                for entry in entries:
                    body = {**entry.model_dump(mode="json"), "seq": seq, "ts": now_ts(),
                            "prev_hash": prev}
                    rec = AuditRecord(**body, hash=record_hash(body))
                    lines.append(canonical(rec.model_dump(mode="json")) + b"\n")
                    out.append(rec)
                    seq, prev = seq + 1, rec.hash
                blob = b"".join(lines)
                written = os.write(fd, blob)
                if written != len(blob):  # pragma: no cover - disk full
                    raise AuditError("audit record only partly written", subject=str(self.path),
                                     why="short write (disk full?)", fix="free disk space and verify")
                os.fsync(fd)
                reason = _anchor_reason(entries, out[0].seq, created or out[0].seq == 1)
                if reason is not None:
                    self._anchor(out[-1].seq, out[-1].hash, reason)
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)
        if created:
            fsync_dir(self.path.parent)
        return out

    def _anchor(self, seq: int, head: str, reason: anchoring.Reason) -> anchoring.Anchor | None:
        key = anchoring.load_signing_key()
        if key is None:
            return None
        return anchoring.append_anchor(self.anchors, seq=seq, head_hash=head, reason=reason,
                                       key=key, ts=now_ts())

    def anchor(self, reason: anchoring.Reason = "manual") -> anchoring.Anchor | None:
        """Sign the current head now (clean shutdown, key rotation, by hand);
        None when no signing key is set up or the log does not exist yet."""
        if not self.path.exists():
            return None
        fd = os.open(self.path, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            last = _last_line(fd)
            if last is None:
                return None
            tail = AuditRecord.model_validate_json(last)
            return self._anchor(tail.seq, tail.hash, reason)
        finally:
            os.close(fd)   # closing releases the lock

    def records(self) -> Iterator[AuditRecord]:
        """All records; raises ``AuditError`` at the first line that is not a
        valid record (use ``verify`` for a full check)."""
        if not self.path.exists():
            return
        with open(self.path, "rb") as f:
            for n, raw in enumerate(f, 1):
                try:
                    yield AuditRecord.model_validate_json(raw)
                except ValidationError:
                    raise AuditError("unreadable audit record", subject=f"{self.path}:{n}",
                                     fix="run `carepath audit verify`") from None

    def for_thread(self, thread_id: str) -> list[AuditRecord]:
        return [r for r in self.records() if r.thread_id == thread_id]

    def verify(self, expected_head: str | None = None) -> VerifyResult:
        return verify(self.path, expected_head=expected_head, anchors=self.anchors)


def anchor_head(reason: anchoring.Reason = "shutdown") -> anchoring.Anchor | None:
    """Anchor the default log's head: call on clean shutdown of ``serve`` and
    at the end of a batch, so the last records are vouched for too."""
    return AuditLog().anchor(reason)


def verify(path: str | os.PathLike[str], *, expected_head: str | None = None,
           anchors: str | os.PathLike[str] | None = None,
           public_keys: list[Path] | None = None) -> VerifyResult:
    """Check every line (canonical encoding, schema, sequence, chain, hash),
    then every signed anchor against the chain. Stops at the first problem
    and names it. ``public_keys`` replaces the keys found on this host (an
    external verifier's own copy)."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError("cannot read audit log", subject=str(p), why=exc.strerror or str(exc),
                         fix="pass the path of an audit log (default: <state_dir>/audit/audit.jsonl)"
                         ) from None
    anchor_file = Path(anchors) if anchors is not None else anchors_path_for(p)
    keys = anchoring.trusted_keys(public_keys)
    found, anchor_problem = (anchoring.read_anchors(anchor_file, keys) if anchor_file.exists()
                             else ([], None))
    hashes_at: dict[int, str] = {a.seq: "" for a in found}
    result = _verify_chain(p, data, hashes_at)
    if not result.ok:
        return result
    prev = result.head_hash or GENESIS
    if expected_head is not None and prev != expected_head:
        return result.model_copy(update={
            "ok": False, "first_bad_seq": result.records + 1, "first_bad_line": result.records + 1,
            "reason": "chain does not end at the expected head hash (records removed from the end?)"})
    if anchor_problem is not None:
        return result.model_copy(update={"ok": False, "reason": f"{anchor_problem} ({anchor_file})"})
    return _check_anchors(result, found, hashes_at, anchor_file, signing=bool(keys))


def _verify_chain(p: Path, data: bytes, hashes_at: dict[int, str]) -> VerifyResult:
    """The chain walk; fills ``hashes_at`` with the hash of each anchored seq."""
    prev, count = GENESIS, 0

    def bad(line_no: int, reason: str) -> VerifyResult:
        return VerifyResult(ok=False, path=str(p), records=count, first_bad_seq=count + 1,
                            first_bad_line=line_no, reason=reason,
                            head_hash=prev if count else None)

    lines = data.split(b"\n")
    if lines[-1] == b"":
        lines.pop()  # the normal case: the file ends with a newline
    for i, raw in enumerate(lines, 1):
        if i == len(lines) and not data.endswith(b"\n"):
            return bad(i, "incomplete last line (no trailing newline)")
        try:
            obj = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            return bad(i, f"not valid JSON ({type(exc).__name__})")
        try:
            rec = AuditRecord.model_validate(obj)
        except ValidationError as exc:
            fields = ", ".join(".".join(map(str, e["loc"])) for e in exc.errors()[:3])
            return bad(i, f"not a valid audit record (fields: {fields})")
        if canonical(obj) != raw:
            return bad(i, "line is not in canonical form (edited)")
        if rec.seq != count + 1:
            return bad(i, f"sequence {rec.seq} where {count + 1} was expected "
                          "(line deleted, inserted or reordered)")
        if rec.prev_hash != prev:
            return bad(i, "prev_hash does not match the previous record's hash")
        if record_hash(rec.body()) != rec.hash:
            return bad(i, "hash does not match the record's content (edited)")
        prev, count = rec.hash, count + 1
        if count in hashes_at:
            hashes_at[count] = prev
    return VerifyResult(ok=True, path=str(p), records=count, head_hash=prev if count else None)


def _check_anchors(result: VerifyResult, found: list[anchoring.Anchor], hashes_at: dict[int, str],
                   anchor_file: Path, *, signing: bool) -> VerifyResult:
    """Every anchor must vouch for a record the chain still has, with the
    same hash: a shorter log was truncated, a different hash was rewritten."""
    for a in found:
        if a.seq > result.records:
            return result.model_copy(update={
                "ok": False, "first_bad_seq": result.records + 1, "first_bad_line": result.records + 1,
                "reason": f"log ends at record {result.records} but signed anchor {a.n} vouches for "
                          f"record {a.seq}: records were removed (truncated or rewritten)"})
        if a.seq and hashes_at.get(a.seq) != a.head_hash:
            return result.model_copy(update={
                "ok": False, "first_bad_seq": a.seq, "first_bad_line": a.seq,
                "reason": f"record {a.seq} is not the one signed anchor {a.n} vouches for: "
                          "the log was rewritten"})
    last = found[-1].seq if found else None
    warning = None
    if not found and result.records:
        if signing:
            return result.model_copy(update={
                "ok": False, "reason": f"no signed anchors for {result.records} records although an "
                                       f"anchor key is set up ({anchor_file} missing or emptied)"})
        warning = ("no signed anchors (no key set up: `carepath audit keygen`): a truncated or "
                   "recomputed log cannot be detected without --expected-head")
    return result.model_copy(update={"anchors": len(found), "anchored_seq": last,
                                     "unanchored": result.records - (last or 0), "warning": warning})
