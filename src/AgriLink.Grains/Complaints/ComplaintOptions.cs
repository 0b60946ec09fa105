namespace AgriLink.Grains.Complaints;

/// <summary>
/// When upheld complaints call for a cooperative's suspension (section <c>Complaints</c>): <see cref="SuspensionThreshold"/>
/// upheld within the last <see cref="WindowMonths"/> months. The operator then suspends it through the admission flow.
/// </summary>
public sealed class ComplaintOptions
{
    public const string Section = "Complaints";

    [System.ComponentModel.DataAnnotations.Range(1, 100)] public int SuspensionThreshold { get; set; } = 3;

    [System.ComponentModel.DataAnnotations.Range(1, 60)] public int WindowMonths { get; set; } = 12;
}
