namespace AgriLink.Domain.Errors;

/// <summary>A profile that checks its own fields and knows its stored (normalized) form.</summary>
public interface IValidatedProfile<out TSelf>
{
    /// <summary>Throws <see cref="ValidationFailedException"/> listing every invalid field.</summary>
    void Validate();

    TSelf Normalized();
}
