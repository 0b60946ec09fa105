using AgriLink.Domain.Codes;
using AgriLink.Web.Apis;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AgriLink.Web.Pages;

public sealed class IndexModel : PageModel
{
    public Me? Me { get; private set; }

    /// <summary>The counties a county officer works for, by name (their workspace is <c>/county</c>).</summary>
    public IReadOnlyList<string> Counties { get; private set; } = [];

    public void OnGet()
    {
        if (User.Identity?.IsAuthenticated != true) return;
        Me = AuthApi.Me(User).Value;
        Counties = User.OfficerCounties().Select(c => Regions.TryGetCounty(c, out var county) ? county!.Name : c).ToList();
    }
}
