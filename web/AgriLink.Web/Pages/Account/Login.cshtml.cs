using System.ComponentModel.DataAnnotations;
using AgriLink.Web.Auth;
using AgriLink.Web.Extensions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace AgriLink.Web.Pages.Account;

/// <summary>Cookie sign-in for the pages; the form carries an antiforgery token and shares the API's rate limit.</summary>
[EnableRateLimiting(AuthExtensions.SignInRateLimit)]
public sealed class LoginModel(SignInManager<AgriLinkUser> signIn, IStringLocalizer<SharedResource> t) : PageModel
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
        var result = await signIn.PasswordSignInAsync(UserName, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        ModelState.AddModelError("", t[result.IsLockedOut ? "失败次数过多，账户已锁定 15 分钟。" : "用户名或密码错误。"]);
        return Page();
    }
}
