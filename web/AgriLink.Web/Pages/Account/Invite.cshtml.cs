using AgriLink.Web.Accounts;
using AgriLink.Web.Apis;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Account;

/// <summary>
/// Inviting someone: the form, then the slip — the code, the link and its QR code, shown this once, to print or read out
/// — and the invitations issued before, to revoke. The API's handlers decide who may invite whom.
/// </summary>
[Authorize]
public sealed class InviteModel(AccountService accounts) : AgriLinkPage
{
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? ObjectId { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Phone { get; set; }

    public IssuedCode? Issued { get; private set; }
    public string? QrCode { get; private set; }
    public IReadOnlyList<AccountCodeView> Earlier { get; private set; } = [];
    public IReadOnlyList<string> Invitable => RoleNames.InvitableBy(User);

    public async Task<IActionResult> OnGetAsync()
    {
        if (Invitable.Count == 0) return Forbid();
        await LoadEarlier();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Invitable.Count == 0) return Forbid();
        try
        {
            Issued = Value<IssuedCode>(await AccountsApi.Invite(new InvitationRequest(Role, ObjectId, DisplayName, Phone), accounts, User, HttpContext));
            QrCode = QrImages.DataUri(Issued.Link);
        }
        finally
        {
            await LoadEarlier();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string codeId)
    {
        Value<AccountCodeView>(await AccountsApi.Revoke(codeId, accounts, User, HttpContext.RequestServices.GetRequiredService<TimeProvider>()));
        return RedirectToPage();
    }

    private async Task LoadEarlier() => Earlier = Value<IReadOnlyList<AccountCodeView>>(await AccountsApi.Issued(accounts, User, null, 50));
}
