using AgriLink.Grains.Projections;
using AgriLink.Web.Apis;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Cooperative;

/// <summary>
/// The buyers' reviews of the cooperative's deliveries, newest first, with its rating, and the form to answer each once
/// (through <see cref="ReviewsApi.Answer"/>). Hidden reviews are listed for the cooperative too, marked, so it knows.
/// </summary>
public sealed class ReviewsModel(ReviewQueries reviews) : CooperativePage
{
    public Rating Rating { get; private set; } = null!;
    public ListPage<ReviewRow> Found { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "before")] public string? Before { get; set; }

    public async Task OnGetAsync()
    {
        var coop = await Cooperative();
        Rating = await reviews.OfCooperative(coop);
        Found = await reviews.ByCooperative(coop, Before, ReviewsApi.PageSize, withHidden: true);
    }

    public async Task<IActionResult> OnPostAsync(string orderId, string? text)
    {
        var coop = await Cooperative();
        Value<Domain.Reviews.Review>(await ReviewsApi.Answer(Api, orderId, coop, new ReviewTextRequest(text)));
        return Redirect($"/cooperative/reviews?coop={Uri.EscapeDataString(coop)}");
    }
}
