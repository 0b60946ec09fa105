using AgriLink.Grains.Projections;
using AgriLink.Web.Apis;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Operator;

/// <summary>Every review, newest first, hidden ones marked: an operator hides one with the reason (through <see cref="ReviewsApi.Hide"/>, audited).</summary>
public sealed class ReviewsModel(ReviewQueries reviews) : AgriLinkPage
{
    public ListPage<ReviewRow> Found { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    [BindProperty(SupportsGet = true, Name = "before")] public string? Before { get; set; }

    public async Task OnGetAsync()
    {
        Found = await reviews.Latest(Before, ReviewsApi.PageSize);
        Names = await CooperativeNames();
    }

    public async Task<IActionResult> OnPostAsync(string orderId, string cooperativeId, string? reason)
    {
        Value<Domain.Reviews.Review>(await ReviewsApi.Hide(Api, orderId, cooperativeId, new ReviewTextRequest(reason)));
        return Redirect("/operator/reviews");
    }
}
