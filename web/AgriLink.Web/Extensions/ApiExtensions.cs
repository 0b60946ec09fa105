using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using AgriLink.Web.Apis;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace AgriLink.Web.Extensions;

public static class ApiExtensions
{
    public static WebApplicationBuilder AddAgriLinkApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "AgriLink API";
            document.Info.Description =
                "Cooperatives, farm households, leading enterprises, buyers and listings for consumption poverty alleviation. " +
                "Errors are RFC 9457 problem responses. Sign in at POST /api/auth/login and send 'Authorization: Bearer <accessToken>'.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The accessToken from POST /api/auth/login (pages use the sign-in cookie instead).",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] }];
            return Task.CompletedTask;
        }).AddAgriLinkContract());
        builder.Services.AddScoped<AuditTrail>();
        builder.Services.AddOptions<Grains.Complaints.ComplaintOptions>().BindConfiguration(Grains.Complaints.ComplaintOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRazorPages();
        // Pages write Chinese as characters, not &#x...; entities.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        // A generous bound for JSON commands; larger bodies get a 413 problem response.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 256 * 1024);
        return builder;
    }

    public static WebApplication MapAgriLinkApi(this WebApplication app)
    {
        app.MapOpenApi();
        // The explorer fetches its Inter fonts from fonts.scalar.com by default: outside this site, so blocked by its CSP.
        app.MapScalarApiReference(o => { o.WithTitle("AgriLink API"); o.DefaultFonts = false; });
        // Every API route's ids are checked once, here, before any handler asks a grain for them (RouteIds).
        var api = app.MapGroup("").AddEndpointFilter(RouteIds.Filter);
        api.MapAuthApi();
        api.MapAccountsApi();
        api.MapTwoFactorApi();
        api.MapRegionsApi();
        api.MapCooperativesApi();
        api.MapHouseholdsApi();
        api.MapEnterprisesApi();
        api.MapVillageCollectivesApi();
        api.MapBuyersApi();
        api.MapListingsApi();
        api.MapPhotosApi();
        api.MapSearchApi();
        api.MapCertificationsApi();
        api.MapAdmissionApi();
        api.MapAgriLinkPayments(app.Configuration);
        api.MapOrdersApi();
        api.MapInvoicesApi();
        api.MapQuotasApi();
        api.MapDemandsApi();
        api.MapOfftakeApi();
        api.MapSharesApi();
        api.MapDividendsApi();
        api.MapAssembliesApi();
        api.MapReviewsApi();
        api.MapAfterSalesApi();
        api.MapComplaintsApi();
        api.MapHouseholdDividendsApi();
        api.MapHouseholdIncomeApi();
        api.MapMonitoringCasesApi();
        api.MapMonitoringVisitsApi();
        api.MapMonitoringDashboardApi();
        api.MapMonitoringImportsApi();
        api.MapAuditApi();
        app.MapRazorPages();
        return app;
    }
}
