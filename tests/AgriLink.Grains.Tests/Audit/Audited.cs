using AgriLink.Grains.Audit;

namespace AgriLink.Grains.Tests.Audit;

/// <summary>Calls a grain as a web endpoint does: with the audited action declared for the call, cleared afterwards.</summary>
internal static class Audited
{
    public const string Actor = "operator (1)";

    public static Task<T> As<T>(string action, string resourceType, string resourceId, Func<Task<T>> call) =>
        Run(() => AuditIntent.Declare(Actor, action, resourceType, resourceId), call);

    /// <summary>For a resource the grain creates and names itself (<see cref="AuditIntent.DeclareNew"/>).</summary>
    public static Task<T> AsNew<T>(string action, string resourceType, Func<Task<T>> call) =>
        Run(() => AuditIntent.DeclareNew(Actor, action, resourceType), call);

    private static async Task<T> Run<T>(Action declare, Func<Task<T>> call)
    {
        declare();
        try
        {
            return await call();
        }
        finally
        {
            AuditIntent.Clear();
        }
    }
}
