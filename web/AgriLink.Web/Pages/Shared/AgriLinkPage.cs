using AgriLink.Grains.Common;
using AgriLink.Web.Apis;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AgriLink.Web.Pages.Shared;

/// <summary>
/// A page that does its work through the API's own handlers (same access checks, same rules, same audit), and
/// unwraps their answers: a value, or a refusal that <see cref="ProblemPageFilter"/> shows the user.
/// </summary>
public abstract class AgriLinkPage : PageModel
{
    /// <summary>Topics this page follows live on /hubs/market (the layout hands them to the site script).</summary>
    public List<string> LiveTopics { get; } = [];

    /// <summary>Event names after which the page re-fetches its live regions (rows come and go, statuses are re-worded).</summary>
    public List<string> LiveRefreshOn { get; } = [];

    protected ApiServices Api => new(
        HttpContext.RequestServices.GetRequiredService<IGrainFactory>(),
        HttpContext.RequestServices.GetRequiredService<AuditTrail>(),
        User,
        HttpContext.RequestServices.GetRequiredService<Grains.Projections.DirectoryQueries>(),
        HttpContext.RequestServices.GetRequiredService<Grains.Projections.OrderQueries>());

    /// <summary>Today's date on the platform clock (China Standard Time), for forms' default dates.</summary>
    public DateOnly Today => HttpContext.RequestServices.GetRequiredService<TimeProvider>().Today();

    /// <summary>The page's strings (the views' <c>T</c>), for messages a page model adds itself.</summary>
    protected Microsoft.Extensions.Localization.IStringLocalizer T =>
        HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();

    /// <summary>Cooperative names by id, from the public cooperative list.</summary>
    protected async Task<IReadOnlyDictionary<string, string>> CooperativeNames()
    {
        var page = Value<Page<Grains.Directory.DirectoryEntry>>(await CooperativesApi.List(Api, null, 0, Paging.MaxLimit));
        return page.Items.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);
    }

    /// <summary>The value of an API handler's answer; a 403, 404 or problem answer throws for the page filter.</summary>
    protected static T Value<T>(IResult answer) => (answer is INestedHttpResult nested ? nested.Result : answer) switch
    {
        IValueHttpResult<T> { Value: { } value } => value,
        ForbidHttpResult => throw new PageProblemException(new ProblemDetails { Status = 403 }),
        Microsoft.AspNetCore.Http.HttpResults.NotFound => throw new PageProblemException(new ProblemDetails { Status = 404 }),
        ProblemHttpResult p => throw new PageProblemException(p.ProblemDetails),
        var other => throw new InvalidOperationException($"The API answered {other.GetType().Name} where a {typeof(T).Name} was expected."),
    };
}
