"""One error shape for every refusal: ``{what, subject, why, fix}`` at the top
level, whether it came from the service (a ``CarepathError``, answered with
its own ``http_status``), our HTTP layer (auth, uploads) or Starlette itself
(unknown route, wrong method, a body its parsers cannot read). The process
never dies on bad input."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from carepath.errors import CarepathError

_GENERIC_REFUSALS: dict[int, tuple[str, str]] = {
    400: ("unreadable request body", "send JSON or multipart/form-data as described in /openapi.json"),
    404: ("no such endpoint", "see /openapi.json for the endpoints"),
    405: ("method not allowed on this endpoint", "see /openapi.json for the methods of each endpoint"),
}


async def carepath_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, CarepathError)
    return JSONResponse(exc.to_dict(), status_code=exc.http_status)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if isinstance(exc.detail, dict):
        return JSONResponse(exc.detail, status_code=exc.status_code, headers=exc.headers)
    what, fix = _GENERIC_REFUSALS.get(exc.status_code, (str(exc.detail).lower(), "see /openapi.json"))
    return JSONResponse({"what": what, "subject": f"{request.method} {request.url.path}"[:300],
                         "why": str(exc.detail)[:500], "fix": fix},
                        status_code=exc.status_code, headers=exc.headers)


async def malformed(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    first = errors[0] if errors else {}
    where = ".".join(str(x) for x in first.get("loc", ()))
    return JSONResponse({"what": "malformed request", "subject": f"{request.method} {request.url.path}",
                         "why": f"{where}: {first.get('msg', 'invalid')}".strip(": "),
                         "fix": "see /openapi.json for the expected body", "errors": jsonable_encoder(errors)},
                        status_code=422)


def install(app: FastAPI) -> None:
    app.add_exception_handler(CarepathError, carepath_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, malformed)
