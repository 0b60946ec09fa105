using System.Security.Claims;
using AgriLink.Web.Auth;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Household;

/// <summary>
/// A household's own pages, in large type. <c>?id=</c> names the household (the account's own by default); whether the
/// caller may read it is the API's decision (the household itself, its cooperative's admins, operators).
/// </summary>
public abstract class HouseholdPage : AgriLinkPage
{
    [BindProperty(SupportsGet = true, Name = "id")] public string? HouseholdId { get; set; }

    protected string Household()
    {
        ViewData["PageClass"] = "large";
        HouseholdId ??= User.FindFirstValue(AgriLinkClaims.Household);
        if (string.IsNullOrEmpty(HouseholdId)) throw new PageProblemException(new ProblemDetails { Status = 403 });
        if (User.IsHousehold(HouseholdId)) LiveTopics.Add($"household:{HouseholdId}");
        return HouseholdId;
    }
}
