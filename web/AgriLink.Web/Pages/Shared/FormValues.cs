using AgriLink.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace AgriLink.Web.Pages.Shared;

/// <summary>
/// Amounts of money typed into forms in yuan (12, 12.50, ¥1,234.50) and kept as integer fen. A text the page cannot
/// read is a message beside its field, before any API call; the API's own rules (ranges) still apply to what it gets.
/// </summary>
public static class FormValues
{
    /// <summary>The fen of <paramref name="yuan"/>; null (with a message beside <paramref name="field"/>) when unreadable, or empty and required.</summary>
    public static long? Fen(ModelStateDictionary state, IStringLocalizer t, string field, string? yuan, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(yuan))
        {
            if (required) state.AddModelError(field, t["请填写金额，例如 12.50"].Value);
            return null;
        }
        if (Money.TryParse(yuan, out var money)) return money.Fen;
        state.AddModelError(field, t["请填写金额，例如 12.50"].Value);
        return null;
    }

    /// <summary>Fen as a form value in yuan (1234.50), empty for none.</summary>
    public static string Yuan(long? fen) => fen is { } f ? Money.FromFen(f).ToYuanString() : "";
}
