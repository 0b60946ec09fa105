using AgriLink.Web.Accounts;
using AgriLink.Web.Apis;
using AgriLink.Web.Auth;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Account;

/// <summary>One's own account: password, two-factor sign-in, recent sign-ins, sign-out everywhere, and inviting others.</summary>
[Authorize]
public sealed class IndexModel(AccountService accounts, SignInHistory history, UserManager<AgriLinkUser> users, SignInManager<AgriLinkUser> signIn)
    : AgriLinkPage
{
    public IReadOnlyList<SignInView> SignIns { get; private set; } = [];
    public TwoFactorStatus? TwoFactor { get; private set; }

    public async Task OnGetAsync()
    {
        SignIns = Value<IReadOnlyList<SignInView>>(await AccountsApi.SignIns(history, users, User));
        TwoFactor = Value<TwoFactorStatus>(await TwoFactorApi.Status(users, User));
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        await AccountsApi.SignOutEverywhere(accounts, User);
        await signIn.SignOutAsync();
        return LocalRedirect("/account/login");
    }
}
