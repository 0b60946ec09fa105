using System.Collections.Immutable;
using AgriLink.Domain.Monitoring;
using Orleans.Concurrency;

namespace AgriLink.Grains.Monitoring;

/// <summary>
/// One department's CSV file as imported by one scope (key: <c>{scope}-{sha256 of the file}</c>, the scope <c>all</c> for
/// operators or the county's code for its officers): its rows as read and matched, then confirmed once. The same file
/// again finds the same import, and each row is applied under its own reference, so importing twice doubles nothing.
/// </summary>
[Alias("AgriLink.IDepartmentImportGrain")]
public interface IDepartmentImportGrain : IGrainWithStringKey
{
    [Alias("Get"), AlwaysInterleave] Task<ImportView?> Get();

    /// <summary>Keeps the preview of the file; a file staged before answers its first preview (and its confirmation, if any).</summary>
    [Alias("Stage")] Task<ImportView> Stage(ImportFile file, string actor);

    /// <summary>
    /// Applies each matched, valid row once: medical costs and disaster losses are added to the household's declared
    /// expenses of the row's year; assistance opens a <see cref="DiscoveryChannel.DepartmentData"/> case, unless the
    /// household has one open (its <see cref="IHouseholdMonitoringGrain"/> decides). Confirmed before, it changes nothing.
    /// </summary>
    [Alias("Confirm")] Task<ImportView> Confirm(string actor);
}

/// <summary>The file: its name, the encoding it was read in (<c>UTF-8</c> or <c>GBK</c>) and its rows.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.ImportFile")]
public sealed record ImportFile(
    [property: Id(0)] string FileName,
    [property: Id(1)] string Encoding,
    [property: Id(2)] ImmutableList<ImportRow> Rows);

/// <summary>
/// A row with its household once matched (or why not: <c>not-found</c>, <c>ambiguous</c>, <c>outside-area</c>), and once
/// confirmed what it did (<c>expense</c>, <c>case</c>, <c>case-open</c>) and the case it opened or found.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.ImportRow")]
public sealed record ImportRow(
    [property: Id(0)] DepartmentRecord Record,
    [property: Id(1)] string? HouseholdId = null,
    [property: Id(2)] string? Unmatched = null,
    [property: Id(3)] string? Applied = null,
    [property: Id(4)] string? CaseId = null)
{
    public bool Matched => Record.IsValid && HouseholdId is not null;
}

[GenerateSerializer, Immutable, Alias("AgriLink.ImportView")]
public sealed record ImportView(
    [property: Id(0)] string Id,
    [property: Id(1)] ImportFile File,
    [property: Id(2)] string StagedBy,
    [property: Id(3)] DateTimeOffset StagedAt,
    [property: Id(4)] string? ConfirmedBy = null,
    [property: Id(5)] DateTimeOffset? ConfirmedAt = null)
{
    public int MatchedRows => File.Rows.Count(r => r.Matched);
    public int InvalidRows => File.Rows.Count(r => !r.Record.IsValid);
    public int UnmatchedRows => File.Rows.Count(r => r.Record.IsValid && r.HouseholdId is null);
}
