namespace AgriLink.Web.Seeding;

/// <summary>A demo login; <see cref="ClaimType"/>/<see cref="ObjectId"/> tie it to the object it acts for.</summary>
public sealed record DemoAccount(string UserName, string DisplayName, string Role, string? ClaimType = null, string? ObjectId = null);
