using AgriLink.Web.Accounts;
using AgriLink.Web.Apis;
using AgriLink.Web.Auth;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Account;

/// <summary>
/// Two-factor sign-in: set up an authenticator app from a QR code (or the key typed in), confirm with its code, keep the
/// recovery codes shown once; or turn it off. Turning it on or off ends the account's sessions: the next sign-in asks for the code.
/// </summary>
[Authorize]
public sealed class TwoFactorModel(UserManager<AgriLinkUser> users, AccountService accounts) : AgriLinkPage
{
    [BindProperty] public string? Code { get; set; }

    public TwoFactorStatus Status { get; private set; } = new(false, 0, false);
    public AuthenticatorSetup? Setup { get; private set; }
    public string? QrCode { get; private set; }
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];
    public bool TurnedOff { get; private set; }

    public async Task OnGetAsync() => Status = Value<TwoFactorStatus>(await TwoFactorApi.Status(users, User));

    public async Task<IActionResult> OnPostSetupAsync()
    {
        Status = Value<TwoFactorStatus>(await TwoFactorApi.Status(users, User));
        Setup = Value<AuthenticatorSetup>(await TwoFactorApi.Setup(users, User));
        QrCode = QrImages.DataUri(Setup.AuthenticatorUri);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        RecoveryCodes = Value<RecoveryCodeList>(await TwoFactorApi.Enable(new TwoFactorCodeRequest(Code), users, accounts, User)).RecoveryCodes;
        Status = new TwoFactorStatus(true, RecoveryCodes.Count, false);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        await TwoFactorApi.Disable(new TwoFactorCodeRequest(Code), users, accounts, User);
        TurnedOff = true;
        return Page();
    }
}
