using AgriLink.Storage.Audit;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgriLink.Web.Apis;

/// <summary>The audit log, newest first, for fund oversight and public notice (公示).</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Roles.PlatformAdmin);
        api.MapGet("/", Read).WithName("ReadAuditLog")
            .WithSummary("Administrative actions: who, what, when, before and after. Page with beforeId.");
        return api;
    }

    /// <param name="from">The first day (China Standard Time) whose entries are read.</param>
    /// <param name="to">The last day (China Standard Time) whose entries are read.</param>
    public static async Task<Ok<IReadOnlyList<AuditEntry>>> Read(
        IAuditLog log, string? resourceType, string? resourceId, string? actor, DateOnly? from, DateOnly? to, long? beforeId, int? limit,
        CancellationToken ct)
    {
        var query = new AuditQuery(Blank(resourceType), Blank(resourceId), Blank(actor), beforeId, Paging.Limit(limit, 100),
            from is { } f ? ChinaDayStart(f) : null, to is { } t ? ChinaDayStart(t.AddDays(1)) : null);
        return TypedResults.Ok(await log.ReadAsync(query, ct));
    }

    /// <summary>Midnight of the day in China Standard Time (UTC+8), where the platform's days begin.</summary>
    public static DateTimeOffset ChinaDayStart(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
