using System.Text.Json;
using AgriLink.Domain.Errors;
using AgriLink.Storage.Ledger;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Orleans.Runtime;
using Orleans.Storage;

namespace AgriLink.Web.Errors;

/// <summary>
/// Turns every exception into an RFC 9457 problem response. The user's mistakes become 4xx with
/// a message they can act on; anything else is a 500 that names the trace, never the exception.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = Map(exception);
        // The path asked for: by now the request's own is the pipeline's exception handling path (/status/500).
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path.Value;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
            // Expected while a silo dies or the database is busy: the client is told to retry; no stack trace needed.
            logger.LogWarning("Temporarily unavailable on {Method} {Path}: {Code} ({Exception}: {Message})", http.Request.Method,
                path, problem.Type, exception.GetType().Name, exception.Message);
        else if (problem.Status >= 500)
            logger.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, path);
        else
            logger.LogInformation("Refused {Method} {Path}: {Status} {Code}", http.Request.Method, path, problem.Status, problem.Type);
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
            http.Response.Headers.RetryAfter = StorageUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // A person on a page gets the status page instead (the pipeline's exception handling path). Pages turn refusals
        // into form messages before they get here, so this is a fault or a request that could not be read.
        if (Extensions.PipelineExtensions.IsPageRequest(http))
            return false;
        http.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The problem an exception stands for; also used to answer a refusal that was never thrown.</summary>
    internal static ProblemDetails Map(Exception exception) => exception switch
    {
        // First: a storage failure reaches the web wrapped (the storage bridge's OrleansException, EF's DbUpdateException).
        _ when StorageUnavailable.Is(exception) => Problem(503, "Temporarily unavailable.", "storage-unavailable",
            "The database could not be written just now (locked, busy or read-only); nothing was changed. Try again shortly."),
        ValidationFailedException v => new HttpValidationProblemDetails(v.Errors)
        {
            Status = 400, Title = "Some fields are invalid.", Type = TypeOf(v.Code), Detail = "Correct the fields listed in 'errors' and send again.",
        },
        AccessRefusedException a => Problem(403, "Forbidden.", a.Code, a.Message),
        NotFoundException n => Problem(404, "Not found.", n.Code, n.Message),
        RuleViolationException r => Problem(r.Unprocessable ? 422 : 409, "The request conflicts with the current state.", r.Code, r.Message),
        InconsistentStateException => Problem(409, "Changed by someone else.", "concurrency",
            "The record was changed at the same time by another request. Load it again and retry."),
        IdempotencyConflictException => Problem(409, "Already done differently.", "idempotency-conflict",
            "An operation with the same key was already recorded with other amounts; nothing was changed."),
        BadHttpRequestException b => BadRequest(b),
        JsonException j => Problem(400, "Malformed JSON.", "malformed-json", JsonDetail(j)),
        // A grain call that got no answer in Orleans:ResponseTimeout, or whose silo died or refused it: the call may have
        // been carried out or not. An Idempotency-Key makes the retry safe (a done call answers as done, once).
        _ when Unanswered(exception) => Problem(503, "Temporarily unavailable.", "unavailable",
            "The service did not answer in time (a node is busy or restarting): the change may or may not have been made. "
            + "Retry shortly; a retry with the same Idempotency-Key is applied at most once. Without one, load the record first."),
        _ => Problem(500, "An unexpected error occurred.", "internal", "The error was logged; quote the traceId when reporting it."),
    };

    /// <summary>
    /// A grain call the cluster left unanswered: timed out, or its message rejected or its silo gone (wrapped or not), or
    /// cancelled on the way: a silo's call to another grain whose message expired while the dying silo's activations were
    /// being placed again ("Message expired before placement could complete", an OperationCanceledException; seen in the
    /// flash-sale failover test). No request of ours is cancelled for any other reason but the client going away, and then
    /// nobody reads the answer.
    /// </summary>
    internal static bool Unanswered(Exception? exception, int depth = 0) => exception switch
    {
        null => false,
        TimeoutException or SiloUnavailableException or OrleansMessageRejectionException or OperationCanceledException => true,
        AggregateException aggregate when depth < 16 => aggregate.InnerExceptions.Any(e => Unanswered(e, depth + 1)),
        _ => depth < 16 && Unanswered(exception.InnerException, depth + 1),
    };

    /// <summary>A route id no one could have been given (see <see cref="Apis.RouteIds"/>); the value is not echoed.</summary>
    internal static ProblemDetails MalformedId(string parameter) =>
        Problem(400, "Malformed id.", "malformed-id",
            $"The '{parameter}' in the path is not a well-formed id: ids are 1–{Apis.RouteIds.MaxLength} characters without spaces, separators or invisible characters.");

    private static ProblemDetails BadRequest(BadHttpRequestException b)
    {
        if (b.StatusCode == StatusCodes.Status413PayloadTooLarge)
            return Problem(413, "Request too large.", "too-large", "The request body is larger than this endpoint accepts.");
        if (b.InnerException is JsonException j)
            return Problem(400, "Malformed JSON.", "malformed-json", JsonDetail(j));
        return Problem(b.StatusCode, "Bad request.", "bad-request", b.Message);
    }

    // Says where the body went wrong ($.priceFen) without echoing the body back.
    private static string JsonDetail(JsonException j) =>
        j.Path is { Length: > 0 } path
            ? $"The JSON body could not be read at '{path}': a value is missing, malformed or of the wrong type."
            : "The request body is not valid JSON.";

    private static ProblemDetails Problem(int status, string title, string code, string detail) =>
        new() { Status = status, Title = title, Type = TypeOf(code), Detail = detail };

    private static string TypeOf(string code) => $"urn:agrilink:problem:{code}";
}
