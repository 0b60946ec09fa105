using System.Globalization;
using AgriLink.Web.Errors;

namespace AgriLink.Web.Apis;

/// <summary>
/// The one check of the ids in API routes (issue 16, item 4), applied to the whole API as an endpoint filter: an id no one
/// could have been given (empty, blank, padded, with control, invisible or bidirectional characters, a path separator,
/// or longer than any id) is a 400 problem before the handler runs, so no grain is ever asked for it.
/// </summary>
public static class RouteIds
{
    /// <summary>Longer than every id the platform hands out (an invoice number is about 30 characters).</summary>
    public const int MaxLength = 100;

    public static bool IsWellFormed(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength) return false;
        if (id is "." or "..") return false;
        foreach (var c in id)
        {
            if (char.IsWhiteSpace(c) || c is '/' or '\\' or '%') return false;
            // Control (NUL, tab, CR…), format (zero-width, bidi overrides), surrogates out of pairs, private use, unassigned.
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned) return false;
        }
        return true;
    }

    /// <summary>The endpoint filter: every string route value must be <see cref="IsWellFormed"/>.</summary>
    public static ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var (name, value) in context.HttpContext.Request.RouteValues)
            if (value is string id && !IsWellFormed(id))
                return ValueTask.FromResult<object?>(TypedResults.Problem(ProblemExceptionHandler.MalformedId(name)));
        return next(context);
    }
}
