"""Typed, user-facing errors.

Every error a person can cause (bad input, missing weights, wrong setting)
is a ``CarepathError`` carrying what went wrong, which thing, why, and what to
do; the CLI prints it as one line and exits with ``exit_code`` instead of a
traceback. Messages must never include patient identifiers.

Each class also carries the HTTP status the API answers with
(``http_status``), so the web layer maps errors by type, never by text.
"""

from __future__ import annotations


class CarepathError(Exception):
    """Base of all errors that are the user's to fix, not a bug."""

    exit_code: int = 1
    http_status: int = 422

    def __init__(self, what: str, *, subject: str | None = None, why: str | None = None,
                 fix: str | None = None) -> None:
        self.what = what
        self.subject = subject
        self.why = why
        self.fix = fix
        super().__init__(self.one_line())

    def one_line(self) -> str:
        parts = [self.what]
        if self.subject:
            parts[0] = f"{self.what} ({self.subject})"
        if self.why:
            parts.append(self.why)
        if self.fix:
            parts.append(f"fix: {self.fix}")
        return ": ".join(parts[:2]) + ("; " + parts[2] if len(parts) > 2 else "")

    def to_dict(self) -> dict[str, str | None]:
        return {"error": type(self).__name__, "what": self.what, "subject": self.subject,
                "why": self.why, "fix": self.fix}


class ConfigError(CarepathError):
    """A setting is invalid or contradicts another."""

    exit_code = 2


class ModelUnavailableError(CarepathError):
    """Weights are gated, absent offline, or the path is wrong."""

    exit_code = 2


class BackendError(CarepathError):
    """A configured model backend failed at run time (server down, timeout, bad reply)."""

    exit_code = 3
    http_status = 500


class InputError(CarepathError):
    """An input file or argument cannot be used (malformed, unsupported, empty)."""

    exit_code = 4
    http_status = 400


class UnknownDraft(InputError):
    """No thread has this id."""

    http_status = 404


class AlreadySigned(InputError):
    """The draft was signed off (approved, edited or rejected) already."""

    http_status = 409


class NotAwaitingSignoff(InputError):
    """The draft has not reached the sign-off gate (still running, or stopped)."""

    http_status = 409


class Forbidden(InputError):
    """The caller may not do this (a PACS outside the allow-list, a role that cannot sign)."""

    http_status = 403


class InvalidRequest(InputError):
    """A request that is incomplete or contradictory as a whole (nothing to
    draft, a PACS reference without its study, a decision without its text)."""

    http_status = 422


class NotAmendable(InputError):
    """Only a signed (final) report can be amended: a draft never signed or a
    rejected one has no report to replace."""

    http_status = 409


class NoClinicalContent(InvalidRequest):
    """Approving a report whose only content is limitations (no Findings,
    Impression, Answer or Recommendations): a signed report must say
    something clinical, so the reviewer writes it or rejects the draft."""

    http_status = 422
