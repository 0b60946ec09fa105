namespace AgriLink.Web.Apis;

/// <summary>
/// A page of a list: its items, the list's total, the offset and limit asked for, and <see cref="Next"/>, the key to pass
/// as <c>after</c> for the next page (keyset paging: stable while rows are added), null on the last page or where a
/// list pages by offset only.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Offset, int Limit, string? Next = null);
