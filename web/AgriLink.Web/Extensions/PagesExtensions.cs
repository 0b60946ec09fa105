using System.Globalization;
using AgriLink.Web.Localization;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Localization;

namespace AgriLink.Web.Extensions;

public static class PagesExtensions
{
    /// <summary>The pages' languages: Chinese first (the default for everyone), English on request.</summary>
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    /// <summary>
    /// Server-rendered pages in zh-CN, or English when the culture cookie (set by the layout's language form) asks for it;
    /// domain refusals become form messages instead of error pages. The folders of the signed-in roles need a sign-in;
    /// each page then checks the object it shows exactly as the API does (<see cref="Auth.Access"/>).
    /// </summary>
    public static WebApplicationBuilder AddAgriLinkPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/Buyer");
                o.Conventions.AuthorizeFolder("/Household");
                o.Conventions.AuthorizeFolder("/Cooperative");
                o.Conventions.AuthorizeFolder("/Enterprise");
                o.Conventions.AuthorizeFolder("/Operator", Auth.Roles.PlatformAdmin);
            })
            .AddMvcOptions(o => o.Filters.Add<ProblemPageFilter>())
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = o.SupportedUICultures = Cultures;
            // Chinese unless the user chose English: the cookie alone decides, so a link cannot flip the language.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return builder;
    }

    public static WebApplication MapAgriLinkPages(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.MapStaticAssets();
        return app;
    }
}
