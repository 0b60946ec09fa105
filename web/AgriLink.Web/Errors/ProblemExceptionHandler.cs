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
        if (problem.Status >= 500)
            logger.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
        else
            logger.LogInformation("Refused {Method} {Path}: {Status} {Code}", http.Request.Method, http.Request.Path, problem.Status, problem.Type);
        // A person on a page gets the status page instead (the pipeline's exception handling path). Pages turn refusals
        // into form messages before they get here, so this is a fault or a request that could not be read.
        if (Extensions.PipelineExtensions.IsPageRequest(http))
            return false;
        http.Response.StatusCode = problem.Status ?? 500;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
            http.Response.Headers.RetryAfter = StorageUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
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
        TimeoutException or SiloUnavailableException or OrleansMessageRejectionException =>
            Problem(503, "Temporarily unavailable.", "unavailable", "The service is busy or restarting. Try again shortly."),
        _ => Problem(500, "An unexpected error occurred.", "internal", "The error was logged; quote the traceId when reporting it."),
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
