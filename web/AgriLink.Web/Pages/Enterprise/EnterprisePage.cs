using System.Security.Claims;
using AgriLink.Web.Auth;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Enterprise;

/// <summary>
/// A page of one leading enterprise's admins: <c>?id=</c> picks one of the account's enterprises (the first by default);
/// anything else is a 403, exactly as in the API.
/// </summary>
public abstract class EnterprisePage : AgriLinkPage
{
    [BindProperty(SupportsGet = true, Name = "id")] public string? EnterpriseId { get; set; }

    protected string Enterprise()
    {
        EnterpriseId ??= User.IsInRole(Roles.EnterpriseAdmin) ? User.FindFirstValue(AgriLinkClaims.Enterprise) : null;
        if (EnterpriseId is null || !User.AdministersEnterprise(EnterpriseId))
            throw new PageProblemException(new ProblemDetails { Status = 403 });
        return EnterpriseId;
    }
}
