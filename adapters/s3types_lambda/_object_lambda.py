"""``@s3_object_lambda_handler``: transform an object as S3 Object Lambda serves it."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast, overload

from s3types_lambda._batch import LOGGER_NAME
from s3types_lambda._context import LambdaContext

if TYPE_CHECKING:
    # Imported when a handler runs: notification handlers never pay for them.
    from mypy_boto3_s3 import S3Client

    from s3types.object_lambda import ObjectLambdaError, ObjectLambdaEvent, OriginalObject

__all__ = ["s3_object_lambda_handler"]

ContextT = TypeVar("ContextT", bound=LambdaContext)
_Function = Callable[["ObjectLambdaEvent", "OriginalObject", ContextT], Any]
_Handler = Callable[[Mapping[str, Any], ContextT], dict[str, Any]]


@overload
def s3_object_lambda_handler(func: _Function[ContextT], /) -> _Handler[ContextT]: ...
@overload
def s3_object_lambda_handler(
    *, client: S3Client | Callable[[], S3Client] | None = None
) -> Callable[[_Function[ContextT]], _Handler[ContextT]]: ...
def s3_object_lambda_handler(
    func: _Function[ContextT] | None = None,
    /,
    *,
    client: S3Client | Callable[[], S3Client] | None = None,
) -> _Handler[ContextT] | Callable[[_Function[ContextT]], _Handler[ContextT]]:
    """Turn ``def f(event, original, context)`` into an S3 Object Lambda handler.

    ``event`` is the typed :class:`s3types.object_lambda.ObjectLambdaEvent`;
    ``original`` an :class:`s3types.object_lambda.OriginalObject` streaming
    the object from ``inputS3Url`` (nothing is fetched until ``f`` reads;
    the caller's ``Range`` and ``partNumber`` are passed on). For GetObject
    ``f`` returns bytes, str, a binary file, an iterable of byte chunks or
    an :class:`~s3types.object_lambda.ObjectLambdaResponse`, and the handler
    sends it with :func:`s3types.ops.write_get_object_response`, streamed
    (a part keeps the original's 206 status and ``Content-Range``). When
    ``f`` raises, the caller gets an error answer: the status and code of
    an :class:`~s3types.object_lambda.ObjectLambdaError`, else 500
    ``InternalError`` with the request id (the details stay in the logs),
    and the exception is raised again. HeadObject and ListObjects[V2]
    requests are answered with the dict ``f`` returns, as S3 expects.

    ``client`` is the boto3 S3 client to answer with, or a function making
    it (default: ``boto3.client("s3")``, made once).

    >>> from s3types.object_lambda import ObjectLambdaEvent, OriginalObject
    >>> @s3_object_lambda_handler
    ... def upper(event: ObjectLambdaEvent, original: OriginalObject,
    ...           context: LambdaContext) -> object:
    ...     return (chunk.upper() for chunk in original)
    """

    def decorate(function: _Function[ContextT]) -> _Handler[ContextT]:
        clients: list[S3Client] = []

        def s3() -> S3Client:
            if not clients:
                if client is None:
                    import boto3

                    made: S3Client = boto3.client("s3")  # pyright: ignore[reportUnknownMemberType]
                    clients.append(made)
                else:
                    clients.append(client() if callable(client) else client)
            return clients[0]

        @functools.wraps(function)
        def handler(event: Mapping[str, Any], context: ContextT) -> dict[str, Any]:
            from s3types.object_lambda import OriginalObject, parse_object_lambda_event

            request = parse_object_lambda_event(event)
            with OriginalObject(request) as original:
                if request.operation != "GetObject":
                    answer: object = function(request, original, context)
                    return _other_operation(request, answer)
                try:
                    result = function(request, original, context)
                    _send(s3(), request, result, original)
                except Exception as err:
                    _send_error(s3(), request, err)
                    raise
            return {"statusCode": 200}

        return handler

    return decorate if func is None else decorate(func)


def _other_operation(request: ObjectLambdaEvent, result: object) -> dict[str, Any]:
    if not isinstance(result, Mapping):
        raise TypeError(
            f"a {request.operation} request is answered with a dict (for HeadObject"
            " {'statusCode': 200, 'headers': {...}}, for ListObjects {'statusCode': 200,"
            f" 'listResultXml': '...'}}); the function returned {type(result).__name__}"
        )
    return dict(cast("Mapping[str, Any]", result))


def _send(client: S3Client, request: ObjectLambdaEvent, result: object, original: Any) -> None:
    from s3types.object_lambda import ObjectLambdaResponse
    from s3types.object_lambda._response import GET_OBJECT_RETURNS, check_body
    from s3types.ops import write_get_object_response

    if isinstance(result, ObjectLambdaResponse):
        response = result
    else:
        if result is None:
            raise TypeError(f"the GetObject function returned None: return {GET_OBJECT_RETURNS}")
        check_body(result, "the GetObject function's answer", accepted=GET_OBJECT_RETURNS)
        if not original.is_open and (result is original or _asks_for_part(request, result)):
            original.status  # noqa: B018  (opens it: a lazy body will read it anyway)
        ranged = original.is_open and original.status == 206
        response = ObjectLambdaResponse(
            body=result,  # type: ignore[arg-type]
            status_code=206 if ranged else 200,
            content_range=original.content_range if ranged else None,
            content_type=original.content_type if original.is_open else None,
        )
    write_get_object_response(
        client,
        request,
        response.body,
        status_code=response.status_code,
        content_type=response.content_type,
        content_length=response.content_length,
        content_range=response.content_range,
        content_encoding=response.content_encoding,
        content_language=response.content_language,
        content_disposition=response.content_disposition,
        cache_control=response.cache_control,
        etag=response.etag,
        last_modified=response.last_modified,
        version_id=response.version_id,
        accept_ranges=response.accept_ranges,
        metadata=response.metadata,
        error_code=response.error_code,
        error_message=response.error_message,
    )


def _asks_for_part(request: ObjectLambdaEvent, result: object) -> bool:
    # A lazy body (a generator over the original) has not read it yet; for a
    # Range or partNumber request its 206 and Content-Range must be known now.
    lazy = not isinstance(result, (bytes, bytearray, str))
    asked = request.user_request.header("Range") is not None or "partNumber=" in (
        request.user_request.url
    )
    return lazy and asked


def _chosen_answer(err: ObjectLambdaError) -> tuple[int, str, str]:
    # Whatever a subclass put in the fields, the caller gets an answer: one that
    # botocore would refuse to send would leave the caller waiting until S3 times out.
    from s3types._problems import describe_exception

    status: object = err.status_code
    code: object = err.error_code
    message: object = err.message
    return (
        status if type(status) is int and 400 <= status <= 599 else 500,
        code if type(code) is str and code else "InternalError",
        message if type(message) is str else describe_exception(err, with_type=False),
    )


def _send_error(client: S3Client, request: ObjectLambdaEvent, err: Exception) -> None:
    import logging

    from s3types.object_lambda import ObjectLambdaError
    from s3types.ops import write_get_object_response

    if isinstance(err, ObjectLambdaError):
        status, code, message = _chosen_answer(err)
    else:
        status, code = 500, "InternalError"
        message = f"the Object Lambda function failed (request {request.request_id})"
    logger = logging.getLogger(LOGGER_NAME)
    logger.error(
        "Object Lambda request %s failed: answering %d %s", request.request_id, status, code
    )
    try:
        write_get_object_response(
            client, request, status_code=status, error_code=code, error_message=message
        )
    except Exception:
        # The answer may have been half sent already; the function's error is what matters.
        logger.exception("could not send the error answer of request %s", request.request_id)
