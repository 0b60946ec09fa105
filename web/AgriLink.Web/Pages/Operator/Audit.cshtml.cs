using System.Globalization;
using AgriLink.Storage.Audit;
using AgriLink.Web.Apis;
using AgriLink.Web.Exports;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Operator;

/// <summary>
/// The audit log for the operators (<c>AuditApi.Read</c>): filtered by object, actor and the days written (China time),
/// newest first, a page at a time by the last id seen; the filtered entries exported like the dashboard's tables.
/// </summary>
public sealed class AuditModel(IAuditLog log) : AgriLinkPage
{
    public const int PageSize = 50;

    /// <summary>An export holds at most this many entries, the newest; a longer span is exported in parts by date.</summary>
    public const int ExportLimit = 10_000;

    [BindProperty(SupportsGet = true)] public string? ResourceType { get; set; }
    [BindProperty(SupportsGet = true)] public string? ResourceId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    /// <summary>The id to read older entries before; null on the last page.</summary>
    public long? Older { get; private set; }

    public bool Chinese => CultureInfo.CurrentUICulture.Name != "en";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var page = await Read(Before, PageSize + 1, ct);
        Entries = page.Take(PageSize).ToList();
        Older = page.Count > PageSize ? Entries[^1].Id : null;
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var entries = new List<AuditEntry>();
        for (long? before = null; entries.Count < ExportLimit;)
        {
            var limit = Math.Min(Paging.MaxLimit, ExportLimit - entries.Count);
            var page = await Read(before, limit, ct);
            entries.AddRange(page);
            if (page.Count < limit) break;
            before = page[^1].Id;
        }
        return AsTable(entries, Chinese).File(format, "audit-log");
    }

    /// <summary>The filter as query-string values, for the pager and export links.</summary>
    public string Query(params (string Name, string? Value)[] more) => string.Join("&amp;",
        new (string Name, string? Value)[]
            {
                ("resourceType", ResourceType), ("resourceId", ResourceId), ("actor", Actor),
                ("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            }
            .Concat(more)
            .Where(p => !string.IsNullOrWhiteSpace(p.Value))
            .Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));

    public static Table AsTable(IReadOnlyList<AuditEntry> entries, bool chinese) => new(
        "audit",
        chinese ? ["编号", "时间（北京时间）", "操作人", "操作", "对象类型", "对象编号", "变更前", "变更后"]
            : ["Id", "Time (China)", "Actor", "Action", "Object type", "Object id", "Before", "After"],
        entries.Select(e => (IReadOnlyList<object>)[e.Id, e.At.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            e.Actor, e.Action, e.ResourceType, e.ResourceId, e.Before ?? "", e.After ?? ""]).ToList());

    private async Task<IReadOnlyList<AuditEntry>> Read(long? before, int limit, CancellationToken ct) =>
        (await AuditApi.Read(log, ResourceType, ResourceId, Actor, From, To, before, limit, ct)).Value!;
}
