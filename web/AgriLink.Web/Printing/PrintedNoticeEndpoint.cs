using AgriLink.Grains.Projections;
using AgriLink.Web.Extensions;
using AgriLink.Web.Pages.Board;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgriLink.Web.Printing;

/// <summary>
/// <c>GET /board/{cooperativeId}/notice.pdf?year=</c>: the plan on the cooperative's board (the latest, or that year's) as
/// an A4 PDF, without signing in, from the projections only, cached like the board. The whole plan is one answer, so its
/// lines are read in pages until the last.
/// </summary>
public static class PrintedNoticeEndpoint
{
    public const string FontMissing = "print-font-missing";

    public static IEndpointConventionBuilder MapPrintedNotice(this IEndpointRouteBuilder app) =>
        app.MapGet("/board/{cooperativeId}/notice.pdf", Get).CacheOutput(PagesExtensions.BoardCache).AllowAnonymous().ExcludeFromDescription();

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> Get(
        string cooperativeId, int? year, HttpContext http, NoticeBoardQueries board, IConfiguration configuration, TimeProvider clock)
    {
        if (cooperativeId.Length > Apis.RouteIds.MaxLength || await board.Cooperative(cooperativeId) is not { } cooperative) return TypedResults.NotFound();
        var notices = await board.Notices(cooperativeId);
        if ((year is { } y ? notices.FirstOrDefault(n => n.FiscalYear == y) : notices.FirstOrDefault()) is not { } notice) return TypedResults.NotFound();
        if (!PrintFont.TryInstall(configuration["Printing:FontPath"], out _))
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Printing is not available.",
                type: $"urn:agrilink:problem:{FontMissing}",
                detail: "No Chinese font was found to print with: install the Debian package fonts-wqy-microhei, or set Printing:FontPath to a TrueType font (.ttf or .ttc). The online board shows the same notice.");

        var lines = new List<(string, long)>(notice.LineCount);
        string? after = null;
        do
        {
            var page = await board.Lines(notice.DeclarationId, cooperativeId, after, IndexModel.LinesPerPage);
            lines.AddRange(page.Items.Select(l => (IndexModel.Shown(l), l.PaidFen)));
            after = page.Next;
        } while (after is not null);

        var request = http.Request;
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}/board/{Uri.EscapeDataString(cooperativeId)}?year={notice.FiscalYear}";
        var pdf = NoticePdf.Render(new PrintedNotice(cooperative, notice, lines, await board.CheckCode(cooperativeId, notice), url, clock.GetUtcNow()));
        http.Response.Headers.CacheControl = "public, max-age=60";
        // Opened in the browser (to print), saved under a name that says which notice it is.
        http.Response.Headers.ContentDisposition = $"inline; filename=\"notice-{cooperativeId}-{notice.FiscalYear}.pdf\"";
        return TypedResults.File(pdf, "application/pdf");
    }
}
