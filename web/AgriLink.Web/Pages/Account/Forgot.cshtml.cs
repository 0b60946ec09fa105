using AgriLink.Web.Accounts;
using AgriLink.Web.Apis;
using AgriLink.Web.Extensions;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace AgriLink.Web.Pages.Account;

/// <summary>A forgotten password: a reset code goes to the account's phone (or e-mail); the page says the same whether the account exists or not.</summary>
[EnableRateLimiting(AuthExtensions.SignInRateLimit)]
public sealed class ForgotModel(AccountService accounts) : AgriLinkPage
{
    [BindProperty] public string? UserName { get; set; }

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        await AccountsApi.Forgot(new ForgotPasswordRequest(UserName), accounts);
        Sent = true;
        return Page();
    }
}
