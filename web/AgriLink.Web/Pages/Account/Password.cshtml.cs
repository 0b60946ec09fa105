using AgriLink.Web.Accounts;
using AgriLink.Web.Apis;
using AgriLink.Web.Auth;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Account;

/// <summary>Changing one's own password; the other sessions end, this one stays signed in.</summary>
[Authorize]
public sealed class PasswordModel(AccountService accounts, SignInManager<AgriLinkUser> signIn) : AgriLinkPage
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }

    public bool Changed { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        await AccountsApi.ChangePassword(new PasswordChangeRequest(CurrentPassword, NewPassword), accounts, User, signIn, HttpContext);
        Changed = true;
        return Page();
    }
}
