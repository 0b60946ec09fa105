using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Shared;

/// <summary>An API handler answered a page with a refusal (403, 404 or a problem) instead of a value.</summary>
public sealed class PageProblemException(ProblemDetails problem) : Exception(problem.Detail ?? problem.Title)
{
    public ProblemDetails Problem { get; } = problem;
}
