using System.Globalization;
using AgriLink.Web.Localization;
using AgriLink.Web.Pages.Shared;
using AgriLink.Web.Printing;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

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
        // `dotnet run` in Production serves the build output, where the files (and their compressed copies) are found
        // through the static web assets manifest; Development loads it by itself. A published app has no such manifest
        // and this does nothing.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/Buyer");
                o.Conventions.AuthorizeFolder("/Household");
                o.Conventions.AuthorizeFolder("/Cooperative");
                o.Conventions.AuthorizeFolder("/Enterprise");
                o.Conventions.AuthorizeFolder("/Operator", Auth.Roles.PlatformAdmin);
                o.Conventions.AuthorizeFolder("/County", Auth.Roles.CountyOfficer);
                o.Conventions.AuthorizeFolder("/Monitoring", AuthExtensions.MonitoringStaff);
            })
            .AddMvcOptions(o => o.Filters.Add<ProblemPageFilter>())
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));
        // A form value that does not even bind ("abc" for a quantity) is told in the page's language too, beside its field.
        builder.Services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((o, f) => BindingMessages(o.ModelBindingMessageProvider, f.Create(typeof(SharedResource))));
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = o.SupportedUICultures = Cultures;
            // Chinese unless the user chose English: the cookie alone decides, so a link cannot flip the language.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        // The public notice boards: the same answer for everyone in one language, served from memory for a minute, so
        // a village's crowd does not reach the database (a signed-in request is not cached, nor one that sets a cookie).
        builder.Services.AddOutputCache(o => o.AddPolicy(BoardCache, b => b.Expire(TimeSpan.FromSeconds(60))
            .VaryByValue(_ => new KeyValuePair<string, string>("culture", System.Globalization.CultureInfo.CurrentUICulture.Name))));
        return builder;
    }

    /// <summary>The output-cache policy of the public notice boards.</summary>
    public const string BoardCache = "board";

    /// <summary>MVC's model binding messages through the resx; each is beside its input, so the Chinese names no field.</summary>
    private static void BindingMessages(DefaultModelBindingMessageProvider m, IStringLocalizer t)
    {
        m.SetAttemptedValueIsInvalidAccessor((value, field) => t["The value '{0}' is not valid for {1}.", value, field]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => t["The value '{0}' is not valid.", value]);
        m.SetValueIsInvalidAccessor(value => t["The value '{0}' is invalid.", value]);
        m.SetValueMustNotBeNullAccessor(value => t["The value '{0}' is invalid.", value]);
        m.SetUnknownValueIsInvalidAccessor(field => t["The supplied value is invalid for {0}.", field]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["The supplied value is invalid."]);
        m.SetValueMustBeANumberAccessor(field => t["The field {0} must be a number.", field]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => t["The field must be a number."]);
        m.SetMissingBindRequiredValueAccessor(field => t["A value for the '{0}' parameter or property was not provided.", field]);
        m.SetMissingKeyOrValueAccessor(() => t["A value is required."]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => t["A non-empty request body is required."]);
    }

    public static WebApplication MapAgriLinkPages(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.UseOutputCache();
        app.MapStaticAssets();
        app.MapPrintedNotice();
        return app;
    }
}
