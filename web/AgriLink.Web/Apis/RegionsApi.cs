using AgriLink.Domain.Codes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgriLink.Web.Apis;

public static class RegionsApi
{
    public static RouteGroupBuilder MapRegionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/regions").WithTags("Regions");
        api.MapGet("/guizhou", Guizhou).WithName("GuizhouCounties")
            .WithSummary("Guizhou's county-level divisions (GB/T 2260) with their deep-poverty flag.");
        return api;
    }

    public static Ok<IReadOnlyList<County>> Guizhou() => TypedResults.Ok(Regions.Guizhou);
}
