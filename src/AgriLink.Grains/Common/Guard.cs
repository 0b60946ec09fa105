using AgriLink.Domain.Errors;

namespace AgriLink.Grains.Common;

internal static class Guard
{
    /// <summary>Orleans activates any key; an aggregate exists only once it was registered.</summary>
    public static T Existing<T>(T? value, string resource, string id) where T : class =>
        value ?? throw new NotFoundException(resource, id);

    public static void NotYetRegistered(bool exists, string resource, string id)
    {
        if (exists)
            throw new RuleViolationException($"{resource}.exists", $"The {resource} '{id}' is already registered.");
    }
}
