namespace AgriLink.Domain.Dividends;

[GenerateSerializer, Alias("AgriLink.DeclarationStatus")]
public enum DeclarationStatus
{
    /// <summary>Computed; every line visible to admins; not yet approved.</summary>
    Draft = 0,
    /// <summary>Approved by a second admin, not the preparer (four-eyes).</summary>
    Approved = 1,
    /// <summary>On public notice (公示); members may object.</summary>
    Publicised = 2,
    /// <summary>Paid to every shareholder; final.</summary>
    Paid = 3,
}
