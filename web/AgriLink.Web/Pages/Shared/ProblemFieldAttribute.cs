namespace AgriLink.Web.Pages.Shared;

/// <summary>
/// The API field whose problem messages belong beside this page property when the names differ (a price typed in yuan
/// answers for <c>priceFen</c>; a nested field such as <c>land.parcelNo</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true)]
public sealed class ProblemFieldAttribute(string field) : Attribute
{
    public string Field { get; } = field;
}
