namespace AgriLink.Domain.Matching;

/// <summary>
/// How a listing's produce reaches households under confirmed 防返贫监测 (the county confirmed the case and assistance is
/// under way): the market link the monitoring asks for, weighed in matching as a poverty priority. Never says which
/// household or its category.
/// </summary>
public enum MonitoredProduce
{
    /// <summary>Neither its producers nor its cooperative's member households are monitored.</summary>
    None = 0,
    /// <summary>A member household of its cooperative is monitored (the sale returns to members by their trade), though the listing does not name it as a producer.</summary>
    CooperativeMember = 1,
    /// <summary>The listing names a monitored household among its producers: its own produce.</summary>
    Producer = 2,
}
