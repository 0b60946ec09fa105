using System.Globalization;

namespace AgriLink.Domain.Errors;

/// <summary>What the platform's text rules (<see cref="Validator.Text"/>) count as visible, and as a bidirectional control.</summary>
public static class TextRules
{
    /// <summary>Embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069).</summary>
    public static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>A character that shows something: not a space, control, format (zero-width, joiners, marks) or filler.</summary>
    public static bool IsVisible(char c) =>
        !char.IsWhiteSpace(c)
        && c is not ('\u115F' or '\u1160' or '\u3164' or '\uFFA0' or '\u2800' or '\u180E')
        && CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.PrivateUse);
}
