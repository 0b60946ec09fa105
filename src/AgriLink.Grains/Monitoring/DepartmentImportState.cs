namespace AgriLink.Grains.Monitoring;

[GenerateSerializer, Alias("AgriLink.DepartmentImportState")]
public sealed record DepartmentImportState
{
    /// <summary>The file's preview and, once confirmed, what each row did. Bounded by the file's row limit.</summary>
    [Id(0)] public ImportView? Import { get; init; }
}
