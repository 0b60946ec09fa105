using AgriLink.Domain.Errors;
using Microsoft.AspNetCore.Identity;

namespace AgriLink.Web.Accounts;

/// <summary>Identity's refusals as the API's problems, in words the localization knows (Identity's own are English only).</summary>
public static class IdentityProblems
{
    public static void ThrowIfFailed(IdentityResult result, string passwordField = "password")
    {
        if (result.Succeeded) return;
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName)))
            throw new RuleViolationException("account.user-name-taken", "The user name is taken; choose another.");
        var v = new Validator();
        foreach (var error in result.Errors)
        {
            _ = error.Code switch
            {
                nameof(IdentityErrorDescriber.InvalidUserName) => v.Add("userName", "may hold only letters, digits and - . _ @ +."),
                nameof(IdentityErrorDescriber.PasswordTooShort) => v.Add(passwordField, "must be at least 10 characters."),
                nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => v.Add(passwordField, "must use at least 4 different characters."),
                nameof(IdentityErrorDescriber.PasswordMismatch) => v.Add("currentPassword", "is not the current password."),
                CommonPasswords.IdentityErrorCode => v.Add(passwordField, "is one of the most common passwords; choose another."),
                _ => v.Add(passwordField, "is not accepted; choose another."),
            };
        }
        v.ThrowIfInvalid();
    }
}
