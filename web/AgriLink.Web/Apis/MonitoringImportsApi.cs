using System.Collections.Immutable;
using System.Security.Cryptography;
using AgriLink.Domain.Errors;
using AgriLink.Domain.Monitoring;
using AgriLink.Grains.Common;
using AgriLink.Grains.Households;
using AgriLink.Grains.Monitoring;
using AgriLink.Grains.Projections;
using AgriLink.Web.Auth;
using AgriLink.Web.Imports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgriLink.Web.Apis;

/// <summary>
/// Departments' data (部门筛查预警): an operator, or a county officer for its county, uploads another department's CSV
/// (<see cref="DepartmentCsv"/>), sees each row matched to a household or not (and why) with its validation errors, then
/// confirms: medical costs and disaster losses are added to the household's declared expenses, assistance opens a case.
/// The import is keyed by the uploader's scope and the file's SHA-256, and each row is applied once under its line, so
/// the same file imported twice doubles nothing.
/// </summary>
public static class MonitoringImportsApi
{
    /// <summary>The largest file taken (2 MB: a county's yearly export is far smaller).</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    public static RouteGroupBuilder MapMonitoringImportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/monitoring/imports").WithTags("Monitoring").RequireAuthorization();
        api.MapPost("/", Upload).WithName("UploadDepartmentData").Accepts<byte[]>("text/csv")
            .WithSummary("Upload a department's CSV (UTF-8 or GBK; ?fileName=) and get its preview: each row matched, unmatched (why) or invalid (each field's error). Operators, and county officers for their county.");
        api.MapGet("/{importId}", Get).WithName("GetDepartmentImport").WithSummary("An import's preview, or what it did once confirmed (its uploader's scope).");
        api.MapPost("/{importId}/confirm", Confirm).WithName("ConfirmDepartmentImport")
            .WithSummary("Apply the matched rows once: expenses added to declarations, assistance opening cases; confirmed again, nothing changes.");
        return api;
    }

    public static async Task<Results<Ok<ImportView>, ForbidHttpResult>> Upload(
        [AsParameters] ApiServices s, MonitoringQueries queries, TimeProvider clock, HttpRequest request, string? fileName)
    {
        if (Scope(s) is not { } scope) return TypedResults.Forbid();
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        return TypedResults.Ok(await Stage(s, queries, clock, scope, body.ToArray(), fileName));
    }

    /// <summary>Reads, matches and keeps the file's preview (the page's upload too).</summary>
    internal static async Task<ImportView> Stage(ApiServices s, MonitoringQueries queries, TimeProvider clock, string scope, byte[] bytes, string? fileName)
    {
        new Validator().Check(bytes.Length is > 0 and <= MaxBytes, "file", $"must be a CSV file of at most {MaxBytes} bytes.")
            .Text("fileName", fileName, 200, required: false).ThrowIfInvalid();
        var id = $"{scope}-{Convert.ToHexStringLower(SHA256.HashData(bytes))}";
        var grain = s.Grains.GetGrain<IDepartmentImportGrain>(id);
        if (await grain.Get() is { } staged) return staged;
        var (records, encoding) = DepartmentCsv.Read(bytes, clock.Today().Year, DepartmentImportGrain.MaxRows);
        var rows = ImmutableList.CreateBuilder<ImportRow>();
        foreach (var record in records) rows.Add(record.IsValid ? await Match(s, queries, scope, record) : new ImportRow(record));
        using var audit = s.Audit.Declare(s.User, "monitoring-import.stage", DepartmentImportGrain.AuditResource, id);
        return await grain.Stage(new ImportFile(string.IsNullOrWhiteSpace(fileName) ? "import.csv" : fileName.Trim(), encoding, rows.ToImmutable()), s.User.ActorName());
    }

    /// <summary>The row's household: by its platform id, else by its village's code and the head's name; within the scope.</summary>
    private static async Task<ImportRow> Match(ApiServices s, MonitoringQueries queries, string scope, DepartmentRecord record)
    {
        (string Id, string County)? found = null;
        if (record.HouseholdId is { } id)
        {
            var household = s.Grains.GetGrain<IHouseholdGrain>(id);
            if (Domain.Identifiers.Ids.IsValid(id, "hh") && await household.Exists()) found = (id, (await household.Get()).Profile.CountyCode);
        }
        else
        {
            var named = await queries.HouseholdsNamed(record.VillageCode!, record.HeadName!);
            if (named.Count > 1) return new ImportRow(record, Unmatched: "ambiguous");
            if (named.Count == 1) found = named[0];
        }
        if (found is not { } f) return new ImportRow(record, Unmatched: "not-found");
        return scope == "all" || f.County == scope ? new ImportRow(record, f.Id) : new ImportRow(record, Unmatched: "outside-area");
    }

    public static async Task<Results<Ok<ImportView>, ForbidHttpResult>> Get([AsParameters] ApiServices s, string importId) =>
        await Readable(s, importId) is { } found ? TypedResults.Ok(found) : TypedResults.Forbid();

    public static async Task<Results<Ok<ImportView>, ForbidHttpResult>> Confirm([AsParameters] ApiServices s, string importId)
    {
        if (await Readable(s, importId) is null) return TypedResults.Forbid();
        using var audit = s.Audit.Declare(s.User, "monitoring-import.confirm", DepartmentImportGrain.AuditResource, importId);
        return TypedResults.Ok(await s.Grains.GetGrain<IDepartmentImportGrain>(importId).Confirm(s.User.ActorName()));
    }

    /// <summary>Whose imports the caller makes and reads: <c>all</c> for operators, the county for its officer; null for anyone else.</summary>
    internal static string? Scope(ApiServices s) => s.User.IsPlatformAdmin() ? "all" : s.User.OfficerCounties().FirstOrDefault();

    /// <summary>The import when it is of the caller's scope; null (403) otherwise and when there is none.</summary>
    internal static async Task<ImportView?> Readable(ApiServices s, string importId) =>
        Scope(s) is { } scope && importId.StartsWith(scope + "-", StringComparison.Ordinal)
            ? await s.Grains.GetGrain<IDepartmentImportGrain>(importId).Get()
            : null;
}
