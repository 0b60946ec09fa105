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

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        if (await signIn.PasswordSignInAsync(UserName, Password, HttpContext.Connection.RemoteIpAddress, isPersistent: false))
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        // The same words whether the user is unknown, the password wrong or this address must wait (SignInGuard).
        ModelState.AddModelError("", t["用户名或密码错误。"]);
        return Page();
    }
}
