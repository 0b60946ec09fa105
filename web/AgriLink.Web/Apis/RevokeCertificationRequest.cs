namespace AgriLink.Web.Apis;

/// <summary>Why 扶贫产品认定 is withdrawn (a failed spot check, a product not from the certified area).</summary>
public sealed record RevokeCertificationRequest(string? Reason);
