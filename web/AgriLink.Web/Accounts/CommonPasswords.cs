using System.Collections.Frozen;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.Identity;

namespace AgriLink.Web.Accounts;

/// <summary>
/// Refuses the passwords people pick most (common-passwords.txt, compared case-insensitively, and the user name itself):
/// with a minimum length instead of character-class rules, this is the check that matters (NIST SP 800-63B, 5.1.1.2).
/// </summary>
public sealed class CommonPasswords : IPasswordValidator<AgriLinkUser>
{
    public const string IdentityErrorCode = "CommonPassword";

    private static readonly Lazy<FrozenSet<string>> List = new(Load);

    public static bool IsCommon(string password) => List.Value.Contains(password.Trim());

    public Task<IdentityResult> ValidateAsync(UserManager<AgriLinkUser> manager, AgriLinkUser user, string? password)
    {
        var common = password is not null &&
                     (IsCommon(password) || string.Equals(password.Trim(), user.UserName, StringComparison.OrdinalIgnoreCase));
        return Task.FromResult(common
            ? IdentityResult.Failed(new IdentityError { Code = IdentityErrorCode, Description = "This password is too common." })
            : IdentityResult.Success);
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("AgriLink.Web.Accounts.common-passwords.txt")
                           ?? throw new InvalidOperationException("The common-passwords list is not embedded.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#') words.Add(line.Trim());
        return words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
