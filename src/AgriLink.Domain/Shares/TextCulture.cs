using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Shares;

/// <summary>The two languages statements and audit lines are written in: plain Chinese, and English.</summary>
internal static class TextCulture
{
    /// <exception cref="ValidationFailedException">Neither Chinese ("zh", "zh-CN", …) nor English ("en", "en-GB", …).</exception>
    public static bool IsChinese(string? culture)
    {
        if (culture is not null && (culture.Equals("zh", StringComparison.OrdinalIgnoreCase)
            || culture.StartsWith("zh-", StringComparison.OrdinalIgnoreCase))) return true;
        if (culture is not null && (culture.Equals("en", StringComparison.OrdinalIgnoreCase)
            || culture.StartsWith("en-", StringComparison.OrdinalIgnoreCase))) return false;
        throw ValidationFailedException.For("culture", "must be Chinese (zh-CN) or English (en).");
    }
}
