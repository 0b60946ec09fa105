using AgriLink.Web.Apis;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AgriLink.Web.Pages;

public sealed class IndexModel : PageModel
{
    public Me? Me { get; private set; }

    public void OnGet()
    {
        if (User.Identity?.IsAuthenticated == true) Me = AuthApi.Me(User).Value;
    }
}
