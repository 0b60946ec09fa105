using Microsoft.AspNetCore.Identity;

namespace AgriLink.Web.Auth;

public sealed class AgriLinkUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}
