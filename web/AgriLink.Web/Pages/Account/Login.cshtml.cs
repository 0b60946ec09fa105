using System.ComponentModel.DataAnnotations;
using AgriLink.Web.Auth;
using AgriLink.Web.Extensions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace AgriLink.Web.Pages.Account;

/// <summary>Cookie sign-in for the pages (<see cref="SignInGuard"/>); the form carries an antiforgery token and shares the API's rate limit.</summary>
[EnableRateLimiting(AuthExtensions.SignInRateLimit)]
public sealed class LoginModel(SignInGuard signIn, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty, Required(ErrorMessage = "请输入用户名"), StringLength(100)]
    public string UserName { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "请输入密码"), StringLength(200)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The six digits of an authenticator app, for an account with two-factor sign-in.</summary>
    [BindProperty, StringLength(40)]
    public string? TwoFactorCode { get; set; }


    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(UserName, Password, HttpContext.Connection.RemoteIpAddress, isPersistent: false,
            TwoFactorCode is { Length: > 0 and <= 8 } code ? code : null, TwoFactorCode is { Length: > 8 } recovery ? recovery : null);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        if (result.RequiresTwoFactor)
        {
            // The password was right: the form's second-factor box must be filled (a recovery code goes in the same box).
            ModelState.AddModelError("", t["请输入身份验证器应用显示的 6 位验证码。"]);
            return Page();
        }
        // The same words whether the user is unknown, the password wrong or this address must wait (SignInGuard).
        ModelState.AddModelError("", t["用户名或密码错误。"]);
        return Page();
    }
}
