using AgriLink.Tests.Shared;

namespace AgriLink.Web.Tests.Infrastructure;

public static class FreePort
{
    /// <summary>A TCP port nobody listens on right now (<see cref="NodeProcess.FreePort"/>).</summary>
    public static int Next() => NodeProcess.FreePort();
}
