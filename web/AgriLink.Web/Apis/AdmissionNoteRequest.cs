namespace AgriLink.Web.Apis;

/// <summary>An optional remark on an admission step (apply, recommend, approve, reinstate).</summary>
public sealed record AdmissionNoteRequest(string? Note);
