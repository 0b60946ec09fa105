using System.Security.Claims;
using AgriLink.Web.Auth;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Buyer;

/// <summary>A page of the signed-in buyer's own: anyone else (signed in, not a buyer) is refused with a 403.</summary>
public abstract class BuyerPage : AgriLinkPage
{
    protected string BuyerId => User.FindFirstValue(AgriLinkClaims.Buyer) is { } id && User.IsInRole(Roles.Buyer)
        ? id
        : throw new PageProblemException(new ProblemDetails { Status = 403 });
}
