using AgriLink.Web.Accounts;
using AgriLink.Web.Apis;
using AgriLink.Web.Extensions;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace AgriLink.Web.Pages.Account;

/// <summary>Opening an invited account: the code from the slip (the QR code's link fills it in), a user name and one's own password.</summary>
[EnableRateLimiting(AuthExtensions.SignInRateLimit)]
public sealed class ActivateModel(AccountService accounts) : AgriLinkPage
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public string? UserName { get; set; }
    [BindProperty, ProblemField("password")] public string? Password { get; set; }

    public ActivatedAccount? Opened { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        Opened = Value<ActivatedAccount>(await AccountsApi.Activate(new ActivationRequest(Code, UserName, Password), accounts));
        return Page();
    }
}
