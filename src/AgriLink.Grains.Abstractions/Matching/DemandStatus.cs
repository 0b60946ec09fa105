namespace AgriLink.Grains.Matching;

[GenerateSerializer, Alias("AgriLink.DemandStatus")]
public enum DemandStatus
{
    Open = 0,
    Closed = 1,
}
