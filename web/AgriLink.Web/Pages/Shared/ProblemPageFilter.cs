using AgriLink.Domain.Errors;
using AgriLink.Web.Errors;
using AgriLink.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AgriLink.Web.Pages.Shared;

/// <summary>
/// What the API answers as a problem, a page shows as form messages: field errors beside their fields (matched by
/// name), everything else in the summary, both in the page's language. 403 and 404 become the usual answers. Never
/// a raw exception: anything unexpected still goes to the exception handler, which shows no details.
/// </summary>
public sealed partial class ProblemPageFilter(IStringLocalizer<SharedResource> t) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        var problem = executed.Exception switch
        {
            PageProblemException p => p.Problem,
            DomainException d => ProblemExceptionHandler.Map(d),
            _ => null,
        };
        if (problem is null || executed.ExceptionHandled) return;
        executed.ExceptionHandled = true;
        executed.Result = problem.Status switch
        {
            // A refusal with a reason (a second factor needed) is shown; a bare one is the usual answer.
            403 when problem.Type is null => new ForbidResult(),
            404 => new NotFoundResult(),
            _ => Show(problem, context.ModelState, context.HandlerInstance as PageModel),
        };
    }

    private PageResult Show(ProblemDetails problem, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, PageModel? page)
    {
        if (problem is HttpValidationProblemDetails { Errors.Count: > 0 } invalid)
            foreach (var (field, messages) in invalid.Errors)
            foreach (var message in messages)
                Add(state, page, field, message);
        else
            state.AddModelError("", Detail(problem));
        return new PageResult();
    }

    /// <summary>Beside the page's property of the same name (or one marked <see cref="ProblemFieldAttribute"/>) when it has one; in the summary, named, otherwise.</summary>
    private void Add(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, PageModel? page, string field, string message)
    {
        // The property named by the field, or marked [ProblemField("field")]; a nested field (preferences.partnerRegionCode)
        // without either goes beside the property named by its last part.
        var properties = page?.GetType().GetProperties() ?? [];
        var property = properties.FirstOrDefault(p =>
                           string.Equals(p.Name, field, StringComparison.OrdinalIgnoreCase) ||
                           p.GetCustomAttributes(typeof(ProblemFieldAttribute), true).Cast<ProblemFieldAttribute>()
                               .Any(a => string.Equals(a.Field, field, StringComparison.OrdinalIgnoreCase)))
                       ?? properties.FirstOrDefault(p => string.Equals(p.Name, field[(field.LastIndexOf('.') + 1)..], StringComparison.OrdinalIgnoreCase));
        state.AddModelError(property?.Name ?? "", $"{Label(field)}: {ProblemTexts.Translate(t, message)}");
    }

    /// <summary>A rule's code names a translated message when there is one; the API's own detail otherwise.</summary>
    private string Detail(ProblemDetails problem)
    {
        // A refusal the domain words in Chinese names its figures ("出席 18 人，不足成员总数 30 人的三分之二"): a Chinese page
        // shows it as written rather than the code's general message.
        if (System.Globalization.CultureInfo.CurrentUICulture.Name != "en" && problem.Detail is { } detail && HanText().IsMatch(detail)) return detail;
        var code = problem.Type?.Replace("urn:agrilink:problem:", "", StringComparison.Ordinal);
        var translated = code is null ? null : t["problem:" + code];
        return translated is { ResourceNotFound: false } ? translated.Value : ProblemTexts.Translate(t, problem.Detail ?? problem.Title ?? "请求未能完成。");
    }

    /// <summary>The field's name in the page's language: its own label, else its last part's (lines[0].quantity is a quantity), else as the API named it.</summary>
    private string Label(string field)
    {
        var last = field[(field.LastIndexOf('.') + 1)..];
        foreach (var name in (string[])[field, last])
            if (t["field:" + name] is { ResourceNotFound: false } label)
                return label.Value;
        return field;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial System.Text.RegularExpressions.Regex HanText();
}
